import { Department, IdParams, Ok, PasswordReset, StaffCreate, StaffListQuery, StaffPage, StaffSummary, StaffUpdate } from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { listDepartments, listStaff, staffSummary } from './staff.repo.js';
import { createStaff, resetPassword, updateStaff } from './accounts.service.js';

export async function staffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/staff',
    { preHandler: requirePermission('staff.read'), schema: { tags: ['staff'], summary: '工作人员列表', querystring: StaffListQuery, response: { 200: StaffPage } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { page, pageSize, ...f } = request.query;
      return { ...(await listStaff(ctx.db, ctx.actor.operatorId, f, pageSize, (page - 1) * pageSize)), page, pageSize };
    },
  );

  app.post(
    '/staff',
    { preHandler: requirePermission('staff.write'), schema: { tags: ['staff'], summary: '新增工作人员（含登录账号）', body: StaffCreate, response: { 201: StaffSummary } } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { id } = await createStaff(ctx, request.body);
      return reply.status(201).send(await staffSummary(ctx, id));
    },
  );

  app.patch(
    '/staff/:id',
    { preHandler: requirePermission('staff.write'), schema: { tags: ['staff'], summary: '修改工作人员（角色、部门、联片、负责园区、在岗）', params: IdParams, body: StaffUpdate, response: { 200: StaffSummary } } },
    async (request) => {
      const ctx = ctxOf(request);
      await updateStaff(ctx, request.params.id, request.body);
      return staffSummary(ctx, request.params.id);
    },
  );

  app.post(
    '/staff/:id/password',
    { preHandler: requirePermission('staff.write'), schema: { tags: ['staff'], summary: '重置密码（该用户所有会话失效）', params: IdParams, body: PasswordReset, response: { 200: Ok } } },
    async (request) => resetPassword(ctxOf(request), request.params.id, request.body.password),
  );

  app.get(
    '/departments',
    { preHandler: requirePermission('departments.read'), schema: { tags: ['staff'], summary: '承办部门', response: { 200: z.object({ items: z.array(Department) }) } } },
    async (request) => ({ items: await listDepartments(ctxOf(request).db, ctxOf(request).actor.operatorId) }),
  );
}
