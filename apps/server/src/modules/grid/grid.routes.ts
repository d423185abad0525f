import {
  Area,
  AreaCreate,
  AreaMembersBody,
  AreaUpdate,
  EnterpriseDetail,
  GridAssignBody,
  GridBulkAssignBody,
  GridWorkloadQuery,
  IdParams,
  WorkloadPage,
} from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import * as areasService from './areas.service.js';
import { assignMany, assignOne } from './grid.service.js';
import { officerWorkload } from './workload.repo.js';

export async function gridRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['grid'];

  app.put(
    '/enterprises/:id/liaison',
    {
      preHandler: requirePermission('grid.assign'),
      schema: { tags, summary: '指定或更换企业联络员（及B角）', params: IdParams, body: GridAssignBody, response: { 200: EnterpriseDetail } },
    },
    async (request) => assignOne(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/grid/assignments',
    {
      preHandler: requirePermission('grid.assign'),
      schema: { tags, summary: '批量指定联络员（全部成功或全部不变）', body: GridBulkAssignBody, response: { 200: z.object({ updated: z.number().int() }) } },
    },
    async (request) => assignMany(ctxOf(request), request.body),
  );

  app.get(
    '/grid/workload',
    {
      preHandler: requirePermission('grid.read'),
      schema: { tags, summary: '联络员工作量（网格企业数、B角数、园区）', querystring: GridWorkloadQuery, response: { 200: WorkloadPage } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { page, pageSize, ...f } = request.query;
      const r = await officerWorkload(ctx.db, { operatorId: ctx.actor.operatorId, ...f }, pageSize, (page - 1) * pageSize);
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/areas',
    { preHandler: requirePermission('grid.read'), schema: { tags, summary: '联片列表', response: { 200: z.object({ items: z.array(Area) }) } } },
    async (request) => areasService.listAreas(ctxOf(request)),
  );

  app.post(
    '/areas',
    { preHandler: requirePermission('areas.write'), schema: { tags, summary: '新建联片', body: AreaCreate, response: { 201: Area } } },
    async (request, reply) => reply.status(201).send(await areasService.createArea(ctxOf(request), request.body)),
  );

  app.patch(
    '/areas/:id',
    { preHandler: requirePermission('areas.write'), schema: { tags, summary: '修改联片（名称、领导）', params: IdParams, body: AreaUpdate, response: { 200: Area } } },
    async (request) => areasService.updateArea(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    '/areas/:id/members',
    { preHandler: requirePermission('areas.write'), schema: { tags, summary: '将联络员编入联片', params: IdParams, body: AreaMembersBody, response: { 200: Area } } },
    async (request) => areasService.addMembers(ctxOf(request), request.params.id, request.body.staffIds),
  );
}
