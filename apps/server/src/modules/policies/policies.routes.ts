import {
  IdParams,
  PolicyActionBody,
  PolicyCreate,
  PolicyDetail,
  PolicyListQuery,
  PolicyPage,
  PolicyTagList,
  PolicyTagQuery,
  PolicyUpdate,
  PolicyVersionDetail,
  PolicyVersionList,
  PolicyVersionParams,
  PolicyWithdrawBody,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { act } from './lifecycle.service.js';
import { tagCounts } from './policies.repo.js';
import * as service from './policies.service.js';
import { publicCtxOf, publicOperatorId } from './public-ctx.js';
import { getVersion, listVersions } from './versions.service.js';

/** The policy library: reading is public (links are shared in chat groups); managing needs policies.manage. */
export async function policyLibraryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];
  const manage = requirePermission('policies.manage');

  app.get(
    '/policies',
    {
      config: { public: true },
      schema: { tags, summary: '惠企政策库（无需登录；中文搜索、按级别/类型/标签/申报中筛选、分页）', security: [], querystring: PolicyListQuery, response: { 200: PolicyPage } },
    },
    async (request) => service.list(publicCtxOf(request), request.query),
  );

  app.get(
    '/policies/:id',
    {
      config: { public: true },
      schema: { tags, summary: '政策详情与解读（无需登录；草稿等仅政策管理人员可见）', security: [], params: IdParams, response: { 200: PolicyDetail } },
    },
    async (request) => service.getDetail(publicCtxOf(request), request.params.id),
  );

  app.get(
    '/policy-tags',
    { config: { public: true }, schema: { tags, summary: '政策标签及数量（已发布政策）', security: [], querystring: PolicyTagQuery, response: { 200: PolicyTagList } } },
    async (request) => {
      const ctx = publicCtxOf(request);
      return { items: await tagCounts(ctx.db, await publicOperatorId(ctx.db, ctx.actor, request.query.operator)) };
    },
  );

  app.post(
    '/policies',
    { preHandler: manage, schema: { tags, summary: '新建政策（草稿）', body: PolicyCreate, response: { 201: PolicyDetail } } },
    async (request, reply) => reply.status(201).send(await service.create(ctxOf(request), request.body)),
  );

  app.patch(
    '/policies/:id',
    {
      preHandler: manage,
      schema: { tags, summary: '修改政策（需带 version，过期返回 409；修改申报条件会重新匹配已发布政策）', params: IdParams, body: PolicyUpdate, response: { 200: PolicyDetail } },
    },
    async (request) => service.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/policies/:id/publish',
    { preHandler: manage, schema: { tags, summary: '发布政策（匹配企业、生成跟进清单并通知）', params: IdParams, body: PolicyActionBody, response: { 200: PolicyDetail } } },
    async (request) => act(ctxOf(request), request.params.id, 'publish', request.body),
  );

  app.post(
    '/policies/:id/withdraw',
    { preHandler: manage, schema: { tags, summary: '撤回政策（须填写原因）', params: IdParams, body: PolicyWithdrawBody, response: { 200: PolicyDetail } } },
    async (request) => act(ctxOf(request), request.params.id, 'withdraw', request.body),
  );

  app.post(
    '/policies/:id/expire',
    { preHandler: manage, schema: { tags, summary: '标记政策已过期', params: IdParams, body: PolicyActionBody, response: { 200: PolicyDetail } } },
    async (request) => act(ctxOf(request), request.params.id, 'expire', request.body),
  );

  app.get(
    '/policies/:id/versions',
    { preHandler: manage, schema: { tags, summary: '政策版本历史', params: IdParams, response: { 200: PolicyVersionList } } },
    async (request) => listVersions(ctxOf(request), request.params.id),
  );

  app.get(
    '/policies/:id/versions/:version',
    { preHandler: manage, schema: { tags, summary: '政策某一版本的内容', params: PolicyVersionParams, response: { 200: PolicyVersionDetail } } },
    async (request) => getVersion(ctxOf(request), request.params.id, request.params.version),
  );
}
