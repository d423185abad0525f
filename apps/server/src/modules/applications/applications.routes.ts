import {
  ApplicationActionBody,
  ApplicationActionParams,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationFilters,
  ApplicationFormPrefill,
  ApplicationFormQuery,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationStats,
  ApplicationStatsQuery,
  Id,
  IdParams,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import * as service from './applications.service.js';
import { exportApplications, exportStats } from './export.service.js';
import { prefillForm } from './form.service.js';
import { createApplication } from './intake.service.js';
import { addMaterial, MAX_MATERIAL_BYTES, readMaterial, removeMaterial } from './materials.service.js';
import { applicationStats, checkPeriod } from './stats.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const MaterialParams = z.object({ id: Id, materialId: Id });

export async function applicationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['applications'];

  app.get(
    '/policies/:id/application-form',
    {
      preHandler: requirePermission('applications.read'),
      schema: { tags, summary: '预填申报表（企业信息、最新年度指标、材料清单）', params: IdParams, querystring: ApplicationFormQuery, response: { 200: ApplicationFormPrefill } },
    },
    async (request) => prefillForm(ctxOf(request), request.params.id, request.query.enterpriseId),
  );

  app.post(
    '/applications',
    { preHandler: requirePermission('applications.create'), schema: { tags, summary: '提交申报（仅企业联系人，为本企业）', body: ApplicationCreate, response: { 201: ApplicationDetail } } },
    async (request, reply) => reply.status(201).send(await createApplication(ctxOf(request), request.body)),
  );

  app.get(
    '/applications',
    { preHandler: requirePermission('applications.read'), schema: { tags, summary: '申报列表（分页、筛选，按可见范围）', querystring: ApplicationListQuery, response: { 200: ApplicationPage } } },
    async (request) => {
      checkPeriod(request.query);
      return service.list(ctxOf(request), request.query);
    },
  );

  app.get(
    '/applications.xlsx',
    { preHandler: requirePermission('applications.read'), schema: { tags, summary: '导出申报列表（.xlsx，筛选条件同列表）', querystring: ApplicationFilters } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const buf = await exportApplications(ctx, request.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`政策申报-${ctx.now.toISOString().slice(0, 10)}.xlsx`)).send(buf);
    },
  );

  app.get(
    '/applications/stats',
    {
      preHandler: requirePermission('applications.stats'),
      schema: { tags, summary: '申报统计：申报数、通过率、批准与兑现金额（按政策、园区或月份）', querystring: ApplicationStatsQuery, response: { 200: ApplicationStats } },
    },
    async (request) => applicationStats(ctxOf(request), request.query),
  );

  app.get(
    '/applications/stats.xlsx',
    { preHandler: requirePermission('applications.stats'), schema: { tags, summary: '导出申报统计（.xlsx）', querystring: ApplicationStatsQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const buf = await exportStats(ctx, request.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`申报统计-${ctx.now.toISOString().slice(0, 10)}.xlsx`)).send(buf);
    },
  );

  app.get(
    '/applications/:id',
    { preHandler: requirePermission('applications.read'), schema: { tags, summary: '申报详情（含时间线、材料、可执行操作）', params: IdParams, response: { 200: ApplicationDetail } } },
    async (request) => service.getApplication(ctxOf(request), request.params.id),
  );

  app.post(
    '/applications/:id/actions/:action',
    {
      preHandler: requirePermission('applications.act'),
      schema: {
        tags,
        summary: '申报办理（预审通过、退回补正、重新提交、审核通过、不予通过、兑现、撤回）',
        params: ApplicationActionParams,
        body: ApplicationActionBody,
        response: { 200: ApplicationDetail },
      },
    },
    async (request) => service.act(ctxOf(request), request.params.id, request.params.action, request.body),
  );

  app.post(
    '/applications/:id/materials',
    {
      preHandler: requirePermission('applications.act'),
      schema: {
        tags,
        summary: '上传申报材料（multipart：字段 item = 材料清单项目名称，在 file 之前；file = PDF/JPG/PNG/WebP，≤10MB）',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: z.object({ item: z.string().trim().max(100).optional().describe('材料清单项目名称（也可作为 multipart 字段）') }),
        response: { 201: ApplicationDetail },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传文件');
      const file = await request.file({ limits: { fileSize: MAX_MATERIAL_BYTES } });
      if (!file || file.fieldname !== 'file') throw invalid('file', '请上传文件');
      const field = file.fields.item;
      const item = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : request.query.item;
      const data = await file.toBuffer();
      return reply.status(201).send(await addMaterial(ctxOf(request), request.params.id, item, { filename: file.filename, data }));
    },
  );

  app.get(
    '/applications/:id/materials/:materialId',
    { preHandler: requirePermission('applications.read'), schema: { tags, summary: '下载申报材料（按申报可见范围鉴权）', params: MaterialParams } },
    async (request, reply) => {
      const m = await readMaterial(ctxOf(request), request.params.id, request.params.materialId);
      const inline = m.mime.startsWith('image/');
      return reply
        .header('content-type', m.mime)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(m.filename)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(m.data);
    },
  );

  app.delete(
    '/applications/:id/materials/:materialId',
    { preHandler: requirePermission('applications.act'), schema: { tags, summary: '删除自己上传的申报材料（待预审或退回补正时）', params: MaterialParams, response: { 200: ApplicationDetail } } },
    async (request) => removeMaterial(ctxOf(request), request.params.id, request.params.materialId),
  );
}
