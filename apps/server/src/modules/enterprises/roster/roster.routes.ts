import { EnterpriseListQuery, ImportResult } from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { requirePermission } from '../../../core/rbac.js';
import { exportRoster, rosterTemplate } from './export.service.js';
import { importRoster } from './import.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function rosterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  app.get(
    '/enterprises/export.xlsx',
    {
      preHandler: requirePermission('enterprises.export'),
      schema: { tags, summary: '导出企业名录（.xlsx，筛选条件同列表）', querystring: EnterpriseListQuery.omit({ page: true, pageSize: true, sort: true }) },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const buf = await exportRoster(ctx, request.query);
      const day = ctx.now.toISOString().slice(0, 10);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`企业名录-${day}.xlsx`)).send(buf);
    },
  );

  app.get(
    '/enterprises/import/template.xlsx',
    { preHandler: requirePermission('enterprises.import'), schema: { tags, summary: '企业名录导入模板' } },
    async (request, reply) => {
      const buf = await rosterTemplate(ctxOf(request));
      return reply.header('content-type', XLSX).header('content-disposition', attachment('企业名录导入模板.xlsx')).send(buf);
    },
  );

  app.post(
    '/enterprises/import',
    {
      preHandler: requirePermission('enterprises.import'),
      schema: {
        tags,
        summary: '导入企业名录（multipart 字段 file：.xlsx/.csv）。dryRun=true 预检列出全部错误行；dryRun=false 全部成功或全部不导入',
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件', [{ path: 'file', code: 'required', message: '请上传文件' }]);
      }
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new AppError('VALIDATION_FAILED', '请上传文件', [{ path: 'file', code: 'required', message: '请上传文件' }]);
      }
      const data = await file.toBuffer();
      return importRoster(ctxOf(request), { filename: file.filename, data }, request.query.dryRun === 'true');
    },
  );
}
