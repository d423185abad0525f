import {
  EligibilityPreviewBody,
  EligibilityPreviewResult,
  EnterprisePolicyMatchesPage,
  EnterprisePolicyMatchesQuery,
  IdParams,
  PolicyMatchesExportQuery,
  PolicyMatchesPage,
  PolicyMatchesQuery,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { enterprisePolicyMatches } from './enterprise-matches.service.js';
import { exportPolicyMatches, policyMatchList } from './policy-matches.service.js';
import { previewRules } from './preview.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function eligibilityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['eligibility'];

  app.get(
    '/enterprises/:id/policy-matches',
    {
      preHandler: requirePermission('matches.read'),
      schema: {
        tags,
        summary: '政策计算器：企业对全部已发布政策的实时匹配（可申报 → 接近可申报 → 暂不符合），含缺失数据汇总',
        params: IdParams,
        querystring: EnterprisePolicyMatchesQuery,
        response: { 200: EnterprisePolicyMatchesPage },
      },
    },
    async (request) => enterprisePolicyMatches(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/policies/:id/matches',
    {
      preHandler: requirePermission('matches.read'),
      schema: {
        tags,
        summary: '政策的匹配企业（可申报、接近可申报），可按园区、联络员筛选；企业用户不可用',
        params: IdParams,
        querystring: PolicyMatchesQuery,
        response: { 200: PolicyMatchesPage },
      },
    },
    async (request) => policyMatchList(ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/policies/:id/matches.xlsx',
    {
      preHandler: requirePermission('matches.read'),
      schema: { tags, summary: '导出政策的匹配企业（.xlsx，筛选条件同列表）', params: IdParams, querystring: PolicyMatchesExportQuery },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { buf, title } = await exportPolicyMatches(ctx, request.params.id, request.query);
      const name = `政策匹配企业-${title.slice(0, 40)}-${ctx.now.toISOString().slice(0, 10)}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', attachment(name)).send(buf);
    },
  );

  app.post(
    '/eligibility/preview',
    {
      preHandler: requirePermission('policies.manage'),
      schema: {
        tags,
        summary: '申报条件草稿的实时预览：多少企业可申报 / 接近可申报，及前20家样例',
        body: EligibilityPreviewBody,
        response: { 200: EligibilityPreviewResult },
      },
    },
    async (request) => previewRules(ctxOf(request), request.body),
  );
}
