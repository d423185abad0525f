import {
  CalendarDay,
  CalendarOverrideInput,
  CalendarOverrideOut,
  CategoryInput,
  CategoryUpdate,
  EscalationLadder,
  IdParams,
  IsoDate,
  Ok,
  ReplyTemplateInput,
  RequestCategory,
  RequestSettings,
  SlaPolicyInput,
  SlaPolicyOut,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { dateOfDayNumber, dayNumber } from '../../core/work-calendar.js';
import { requirePermission } from '../../core/rbac.js';
import { calendarFor } from '../requests/index.js';
import * as admin from './admin.service.js';

const manage = requirePermission('sla.manage');

/** Administration of the request process: SLA policies, the calendar, the ladder, settings, templates, categories. */
export async function slaAdminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['sla-admin'];
  const KeyParams = z.object({ key: z.string().regex(/^[\w.-]{1,60}$/) });

  app.get('/sla/policies', { preHandler: requirePermission('sla.preview'), schema: { tags, summary: '时限规则（history=true 含历史版本）', querystring: z.object({ history: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(SlaPolicyOut) }) } } }, async (request) =>
    admin.listPolicies(ctxOf(request), request.query.history === 'true'),
  );
  app.post('/sla/policies', { preHandler: manage, schema: { tags, summary: '新增时限规则', body: SlaPolicyInput, response: { 201: SlaPolicyOut } } }, async (request, reply) =>
    reply.status(201).send(await admin.createPolicy(ctxOf(request), request.body)),
  );
  app.put('/sla/policies/:key', { preHandler: manage, schema: { tags, summary: '修改时限规则（生成新版本）', params: KeyParams, body: SlaPolicyInput, response: { 200: SlaPolicyOut } } }, async (request) =>
    admin.revisePolicy(ctxOf(request), request.params.key, request.body),
  );
  app.delete('/sla/policies/:key', { preHandler: manage, schema: { tags, summary: '停用时限规则', params: KeyParams, response: { 200: Ok } } }, async (request) =>
    admin.retirePolicy(ctxOf(request), request.params.key),
  );

  app.get(
    '/calendar',
    { preHandler: requirePermission('sla.preview'), schema: { tags, summary: '工作日历（含法定节假日、调休与管理员调整）', querystring: z.object({ from: IsoDate, to: IsoDate }), response: { 200: z.object({ days: z.array(CalendarDay) }) } } },
    async (request) => {
      const ctx = ctxOf(request);
      const from = dayNumber(request.query.from);
      const to = dayNumber(request.query.to);
      if (to < from || to - from > 400) throw invalid('to', '日期范围无效（最长400天）');
      const cal = await calendarFor(ctx.db, ctx.actor.operatorId);
      const days = [];
      for (let d = from; d <= to; d++) days.push(cal.dayInfo(dateOfDayNumber(d)));
      return { days };
    },
  );
  app.get('/calendar/overrides', { preHandler: manage, schema: { tags, summary: '日历调整', response: { 200: z.object({ items: z.array(CalendarOverrideOut) }) } } }, async (request) => admin.listOverrides(ctxOf(request)));
  app.put('/calendar/overrides', { preHandler: manage, schema: { tags, summary: '设置某日为工作日/休息日', body: CalendarOverrideInput, response: { 200: CalendarOverrideOut } } }, async (request) =>
    admin.putOverride(ctxOf(request), request.body),
  );
  app.delete('/calendar/overrides/:date', { preHandler: manage, schema: { tags, summary: '删除日历调整', params: z.object({ date: IsoDate }), response: { 200: Ok } } }, async (request) =>
    admin.deleteOverride(ctxOf(request), request.params.date),
  );

  app.get('/sla/escalation-ladder', { preHandler: manage, schema: { tags, summary: '超时督办层级', response: { 200: EscalationLadder } } }, async (request) => admin.getLadder(ctxOf(request)));
  app.put('/sla/escalation-ladder', { preHandler: manage, schema: { tags, summary: '设置超时督办层级', body: EscalationLadder, response: { 200: EscalationLadder } } }, async (request) =>
    admin.putLadder(ctxOf(request), request.body),
  );

  app.get('/request-settings', { preHandler: manage, schema: { tags, summary: '诉求办理设置', response: { 200: RequestSettings } } }, async (request) => admin.getSettings(ctxOf(request)));
  app.put('/request-settings', { preHandler: manage, schema: { tags, summary: '修改诉求办理设置', body: RequestSettings, response: { 200: RequestSettings } } }, async (request) =>
    admin.putSettings(ctxOf(request), request.body),
  );

  app.post('/reply-templates', { preHandler: manage, schema: { tags, summary: '新增快捷回复', body: ReplyTemplateInput, response: { 201: z.object({ id: z.string(), title: z.string(), body: z.string() }) } } }, async (request, reply) =>
    reply.status(201).send(await admin.createTemplate(ctxOf(request), request.body)),
  );
  app.delete('/reply-templates/:id', { preHandler: manage, schema: { tags, summary: '删除快捷回复', params: IdParams, response: { 200: Ok } } }, async (request) =>
    admin.deleteTemplate(ctxOf(request), request.params.id),
  );

  app.post('/request-categories', { preHandler: manage, schema: { tags, summary: '新增诉求分类', body: CategoryInput, response: { 201: RequestCategory } } }, async (request, reply) =>
    reply.status(201).send(await admin.createCategory(ctxOf(request), request.body)),
  );
  app.patch('/request-categories/:id', { preHandler: manage, schema: { tags, summary: '修改/停用诉求分类', params: IdParams, body: CategoryUpdate, response: { 200: RequestCategory } } }, async (request) =>
    admin.updateCategory(ctxOf(request), request.params.id, request.body),
  );
}
