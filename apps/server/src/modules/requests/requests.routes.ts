import {
  RequestActionBody,
  RequestActionParams,
  RequestCategory,
  RequestCategoryQuery,
  RequestCreate,
  RequestDetail,
  RequestListQuery,
  RequestPage,
  IdParams,
  SlaPreview,
  SlaPreviewBody,
  FollowUpCreate,
  Attachment,
  Id,
} from '@yqt/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { forbidden, invalid } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import { replyTemplates, requestCategories } from '../../db/schema/index.js';
import { computeDeadlines, toShanghaiIso } from '../sla/sla-engine.js';
import { createRequest } from './intake.service.js';
import { addFollowUp } from './follow-ups.service.js';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments.service.js';
import * as service from './requests.service.js';
import { calendarFor, selectPolicy, targetsOf } from './sla-context.js';

export async function requestRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['requests'];

  app.get(
    '/request-categories',
    {
      preHandler: requirePermission('requests.read'),
      schema: { tags, summary: '诉求分类（管理员可含已停用）', querystring: RequestCategoryQuery, response: { 200: z.object({ items: z.array(RequestCategory) }) } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      // Deactivated categories are shown only to those who can reactivate them.
      const all = request.query.includeInactive === 'true';
      if (all && !ctx.actor.permissions.has('sla.manage')) throw forbidden('只有管理员可以查看已停用的分类');
      const items = await ctx.db
        .select({ id: requestCategories.id, parentId: requestCategories.parentId, code: requestCategories.code, name: requestCategories.name, sortOrder: requestCategories.sortOrder, active: requestCategories.active })
        .from(requestCategories)
        .where(and(eq(requestCategories.operatorId, ctx.actor.operatorId), all ? undefined : eq(requestCategories.active, true)))
        .orderBy(asc(requestCategories.sortOrder));
      return { items };
    },
  );

  app.get(
    '/reply-templates',
    {
      preHandler: requirePermission('requests.act'),
      schema: { tags, summary: '快捷回复模板', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), body: z.string() })) }) } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const items = await ctx.db
        .select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body })
        .from(replyTemplates)
        .where(eq(replyTemplates.operatorId, ctx.actor.operatorId))
        .orderBy(asc(replyTemplates.sortOrder));
      return { items };
    },
  );

  app.post(
    '/requests',
    { preHandler: requirePermission('requests.create'), schema: { tags, summary: '提交诉求（企业）或代企业登记（工作人员）', body: RequestCreate, response: { 201: RequestDetail } } },
    async (request, reply) => reply.status(201).send(await createRequest(ctxOf(request), request.body)),
  );

  app.get(
    '/requests',
    { preHandler: requirePermission('requests.read'), schema: { tags, summary: '诉求列表（分页、筛选）', querystring: RequestListQuery, response: { 200: RequestPage } } },
    async (request) => service.list(ctxOf(request), request.query),
  );

  app.get(
    '/requests/:id',
    { preHandler: requirePermission('requests.read'), schema: { tags, summary: '诉求详情（含时间线）', params: IdParams, response: { 200: RequestDetail } } },
    async (request) => service.getRequest(ctxOf(request), request.params.id),
  );

  app.post(
    '/requests/:id/actions/:action',
    {
      preHandler: requirePermission('requests.act'),
      schema: { tags, summary: '办理动作（受理、反馈、解决、退回补充、补充、确认、评价、重新打开、不予受理）', params: RequestActionParams, body: RequestActionBody, response: { 200: RequestDetail } },
    },
    async (request) => service.act(ctxOf(request), request.params.id, request.params.action, request.body),
  );

  app.post(
    '/requests/:id/attachments',
    {
      preHandler: requirePermission('requests.read'),
      schema: {
        tags,
        summary: '上传附件（multipart 字段 file；JPG/PNG/WebP/PDF，≤10MB，每个诉求≤9个；图片去除位置等元数据）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: z.object({ visibility: z.enum(['public', 'internal']).default('public') }),
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传文件');
      const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
      if (!file || file.fieldname !== 'file') throw invalid('file', '请上传文件');
      const data = await file.toBuffer();
      const saved = await addAttachment(ctxOf(request), request.params.id, { filename: file.filename, data }, request.query.visibility);
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/requests/:id/attachments/:attachmentId',
    { preHandler: requirePermission('requests.read'), schema: { tags, summary: '下载附件（按诉求可见范围鉴权）', params: z.object({ id: Id, attachmentId: Id }) } },
    async (request, reply) => {
      const a = await readAttachment(ctxOf(request), request.params.id, request.params.attachmentId);
      const inline = a.mime.startsWith('image/');
      return reply
        .header('content-type', a.mime)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(a.data);
    },
  );

  app.post(
    '/requests/:id/follow-ups',
    { preHandler: requirePermission('requests.act'), schema: { tags, summary: '回访记录', params: IdParams, body: FollowUpCreate, response: { 201: RequestDetail } } },
    async (request, reply) => reply.status(201).send(await addFollowUp(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/sla/preview',
    { preHandler: requirePermission('sla.preview'), schema: { tags: ['sla'], summary: '按时限规则试算截止时间', body: SlaPreviewBody, response: { 200: SlaPreview } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { startAt, categoryId, priority } = request.body;
      let parentCategoryId: string | null = null;
      if (categoryId) {
        const [c] = await ctx.db
          .select({ parentId: requestCategories.parentId })
          .from(requestCategories)
          .where(and(eq(requestCategories.id, categoryId), eq(requestCategories.operatorId, ctx.actor.operatorId)));
        if (!c) throw invalid('categoryId', '诉求分类不存在');
        parentCategoryId = c.parentId;
      }
      const policy = await selectPolicy(ctx.db, ctx.actor.operatorId, { categoryId, parentCategoryId, priority });
      const d = computeDeadlines(new Date(startAt), targetsOf(policy), await calendarFor(ctx.db, ctx.actor.operatorId));
      return {
        clockStartedAt: toShanghaiIso(d.clockStartedAt),
        acceptBy: toShanghaiIso(d.acceptBy),
        feedbackBy: toShanghaiIso(d.feedbackBy),
        resolveBy: toShanghaiIso(d.resolveBy),
        policy: { id: policy.id, version: policy.version, name: policy.name },
      };
    },
  );
}
