import {
  IdParams,
  ServiceGuideCategoryList,
  ServiceGuideCategoryQuery,
  ServiceGuideCreate,
  ServiceGuideDetail,
  ServiceGuideListQuery,
  ServiceGuidePage,
  ServiceGuideUpdate,
  ServiceGuideVersionBody,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { publicCtxOf } from '../policies/index.js';
import * as service from './service-guides.service.js';

/** 办事指南: public reading (later also the 24-hour kiosk); managing needs guides.manage. */
export async function serviceGuideRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['service-guides'];
  const manage = requirePermission('guides.manage');

  app.get(
    '/service-guides',
    { config: { public: true }, schema: { tags, summary: '办事指南（无需登录；中文搜索、按分类筛选、分页）', security: [], querystring: ServiceGuideListQuery, response: { 200: ServiceGuidePage } } },
    async (request) => service.list(publicCtxOf(request), request.query),
  );

  app.get(
    '/service-guides/:id',
    { config: { public: true }, schema: { tags, summary: '办事指南详情（无需登录）', security: [], params: IdParams, response: { 200: ServiceGuideDetail } } },
    async (request) => service.getDetail(publicCtxOf(request), request.params.id),
  );

  app.get(
    '/service-guide-categories',
    { config: { public: true }, schema: { tags, summary: '办事指南分类及数量', security: [], querystring: ServiceGuideCategoryQuery, response: { 200: ServiceGuideCategoryList } } },
    async (request) => service.categories(publicCtxOf(request), request.query.operator),
  );

  app.post(
    '/service-guides',
    { preHandler: manage, schema: { tags, summary: '新增办事指南', body: ServiceGuideCreate, response: { 201: ServiceGuideDetail } } },
    async (request, reply) => reply.status(201).send(await service.create(ctxOf(request), request.body)),
  );

  app.patch(
    '/service-guides/:id',
    { preHandler: manage, schema: { tags, summary: '修改办事指南（需带 version，过期返回 409）', params: IdParams, body: ServiceGuideUpdate, response: { 200: ServiceGuideDetail } } },
    async (request) => service.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/service-guides/:id/unpublish',
    { preHandler: manage, schema: { tags, summary: '下架办事指南', params: IdParams, body: ServiceGuideVersionBody, response: { 200: ServiceGuideDetail } } },
    async (request) => service.setPublished(ctxOf(request), request.params.id, false, request.body.version),
  );

  app.post(
    '/service-guides/:id/publish',
    { preHandler: manage, schema: { tags, summary: '重新发布办事指南', params: IdParams, body: ServiceGuideVersionBody, response: { 200: ServiceGuideDetail } } },
    async (request) => service.setPublished(ctxOf(request), request.params.id, true, request.body.version),
  );
}
