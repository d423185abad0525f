import { FollowUpListQuery, FollowUpParams, FollowUpUpdate, PolicyFollowUp, PolicyFollowUpPage } from '@yqt/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import * as service from './follow-ups.service.js';

/** Officers work the checklist (policies.followup); policy managers read it to see how the push went. */
async function followUpReader(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  const p = request.actor.permissions;
  if (!p.has('policies.followup') && !p.has('policies.manage')) throw new AppError('FORBIDDEN', '无权执行此操作');
}

export async function followUpRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  app.get(
    '/policy-follow-ups',
    { preHandler: followUpReader, schema: { tags, summary: '政策找企业：跟进清单（联络员看本网格，园区经理看所辖园区）', querystring: FollowUpListQuery, response: { 200: PolicyFollowUpPage } } },
    async (request) => service.list(ctxOf(request), request.query),
  );

  app.patch(
    '/policy-follow-ups/:policyId/:enterpriseId',
    {
      preHandler: requirePermission('policies.followup'),
      schema: { tags, summary: '记录跟进结果（已告知 / 无意向 / 申报中；需带 version）', params: FollowUpParams, body: FollowUpUpdate, response: { 200: PolicyFollowUp } },
    },
    async (request) => service.update(ctxOf(request), request.params.policyId, request.params.enterpriseId, request.body),
  );
}
