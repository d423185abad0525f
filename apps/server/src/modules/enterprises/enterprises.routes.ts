import {
  Contact,
  ContactCreate,
  ContactParams,
  ContactUpdate,
  EnterpriseCreate,
  EnterpriseDetail,
  EnterpriseListQuery,
  EnterprisePage,
  EnterpriseUpdate,
  IdParams,
  Ok,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import * as contactsService from './contacts.service.js';
import * as service from './enterprises.service.js';

export async function enterpriseCoreRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  app.get(
    '/enterprises',
    {
      preHandler: requirePermission('enterprises.read'),
      schema: { tags, summary: '企业列表（分页、搜索、筛选）', querystring: EnterpriseListQuery, response: { 200: EnterprisePage } },
    },
    async (request) => service.list(ctxOf(request), request.query),
  );

  app.get(
    '/enterprises/:id',
    {
      preHandler: requirePermission('enterprises.read'),
      schema: { tags, summary: '企业档案', params: IdParams, response: { 200: EnterpriseDetail } },
    },
    async (request) => service.getDetail(ctxOf(request), request.params.id),
  );

  app.post(
    '/enterprises',
    {
      preHandler: requirePermission('enterprises.create'),
      schema: { tags, summary: '新增企业', body: EnterpriseCreate, response: { 201: EnterpriseDetail } },
    },
    async (request, reply) => reply.status(201).send(await service.create(ctxOf(request), request.body)),
  );

  app.patch(
    '/enterprises/:id',
    {
      preHandler: requirePermission('enterprises.write'),
      schema: { tags, summary: '修改企业（需带 version，过期返回 409）', params: IdParams, body: EnterpriseUpdate, response: { 200: EnterpriseDetail } },
    },
    async (request) => service.update(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/enterprises/:id/contacts',
    {
      preHandler: requirePermission('contacts.write'),
      schema: { tags, summary: '新增联系人', params: IdParams, body: ContactCreate, response: { 201: Contact } },
    },
    async (request, reply) =>
      reply.status(201).send(await contactsService.addContact(ctxOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/enterprises/:id/contacts/:contactId',
    {
      preHandler: requirePermission('contacts.write'),
      schema: { tags, summary: '修改联系人', params: ContactParams, body: ContactUpdate, response: { 200: Contact } },
    },
    async (request) =>
      contactsService.updateContact(ctxOf(request), request.params.id, request.params.contactId, request.body),
  );

  app.delete(
    '/enterprises/:id/contacts/:contactId',
    {
      preHandler: requirePermission('contacts.write'),
      schema: { tags, summary: '删除联系人', params: ContactParams, response: { 200: Ok } },
    },
    async (request) => contactsService.removeContact(ctxOf(request), request.params.id, request.params.contactId),
  );
}
