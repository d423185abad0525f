import { Department, StaffListQuery, StaffPage } from '@yqt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { listDepartments, listStaff } from './staff.repo.js';

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

  app.get(
    '/departments',
    { preHandler: requirePermission('departments.read'), schema: { tags: ['staff'], summary: '承办部门', response: { 200: z.object({ items: z.array(Department) }) } } },
    async (request) => ({ items: await listDepartments(ctxOf(request).db, ctxOf(request).actor.operatorId) }),
  );
}
