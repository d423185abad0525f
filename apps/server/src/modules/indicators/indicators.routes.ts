import {
  EnterpriseIndicators,
  IdParams,
  ImportResult,
  IndicatorHistoryPage,
  IndicatorHistoryQuery,
  IndicatorImportQuery,
  IndicatorUpsert,
  IndicatorYearParams,
  Ok,
  Qualification,
  QualificationCreate,
  QualificationParams,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { importIndicators } from './import/import.service.js';
import { indicatorTemplate } from './import/template.js';
import * as service from './indicators.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function indicatorCoreRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];

  app.get(
    '/enterprises/:id/indicators',
    {
      preHandler: requirePermission('indicators.read'),
      schema: { tags, summary: '企业经营指标（各年度及派生比率）与资质荣誉', params: IdParams, response: { 200: EnterpriseIndicators } },
    },
    async (request) => service.getIndicators(ctxOf(request), request.params.id),
  );

  app.put(
    '/enterprises/:id/indicators/:year',
    {
      preHandler: requirePermission('indicators.write'),
      schema: {
        tags,
        summary: '填报或修改某年度经营指标（整年替换；修改须带 version，过期返回 409；旧值进入历史）',
        params: IndicatorYearParams,
        body: IndicatorUpsert,
        response: { 200: EnterpriseIndicators },
      },
    },
    async (request) => service.upsertYear(ctxOf(request), request.params.id, request.params.year, request.body),
  );

  app.get(
    '/enterprises/:id/indicators/:year/history',
    {
      preHandler: requirePermission('indicators.read'),
      schema: { tags, summary: '某年度经营指标的修改历史（由新到旧）', params: IndicatorYearParams, querystring: IndicatorHistoryQuery, response: { 200: IndicatorHistoryPage } },
    },
    async (request) => service.yearHistory(ctxOf(request), request.params.id, request.params.year, request.query.page, request.query.pageSize),
  );

  app.post(
    '/enterprises/:id/qualifications',
    {
      preHandler: requirePermission('indicators.write'),
      schema: { tags, summary: '登记资质荣誉（有效期至不得早于取得日期）', params: IdParams, body: QualificationCreate, response: { 201: Qualification } },
    },
    async (request, reply) => reply.status(201).send(await service.addQualification(ctxOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/enterprises/:id/qualifications/:qid',
    {
      preHandler: requirePermission('indicators.write'),
      schema: { tags, summary: '删除资质荣誉', params: QualificationParams, response: { 200: Ok } },
    },
    async (request) => service.removeQualification(ctxOf(request), request.params.id, request.params.qid),
  );

  app.get(
    '/indicators/template.xlsx',
    { preHandler: requirePermission('indicators.import'), schema: { tags, summary: '经营指标导入模板' } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const buf = await indicatorTemplate(Number(shanghaiDate(ctx.now).slice(0, 4)));
      return reply.header('content-type', XLSX).header('content-disposition', attachment('经营指标导入模板.xlsx')).send(buf);
    },
  );

  app.post(
    '/indicators/import',
    {
      preHandler: requirePermission('indicators.import'),
      schema: {
        tags,
        summary: '导入经营指标（multipart 字段 file：.xlsx/.csv，每行一家企业一个年度）。dryRun=true 预检列出全部错误；dryRun=false 全部成功或全部不导入',
        consumes: ['multipart/form-data'],
        querystring: IndicatorImportQuery,
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
      return importIndicators(ctxOf(request), { filename: file.filename, data }, request.query.dryRun === 'true');
    },
  );
}
