import { AuditPage, AuditQuery } from '@yqt/contracts';
import { and, count, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { requirePermission } from '../../core/rbac.js';
import { auditLogs } from '../../db/schema/index.js';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/audit-logs',
    { preHandler: requirePermission('audit.read'), schema: { tags: ['audit'], summary: '审计日志（管理员）', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { page, pageSize, entityType, entityId, actorId, action } = request.query;
      const where = and(
        eq(auditLogs.operatorId, ctx.actor.operatorId),
        entityType ? eq(auditLogs.entityType, entityType) : undefined,
        entityId ? eq(auditLogs.entityId, entityId) : undefined,
        actorId ? eq(auditLogs.actorUserId, actorId) : undefined,
        action ? eq(auditLogs.action, action) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        ctx.db.select().from(auditLogs).where(where).orderBy(desc(auditLogs.at), desc(auditLogs.id)).limit(pageSize).offset((page - 1) * pageSize),
        ctx.db.select({ n: count() }).from(auditLogs).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          at: r.at.toISOString(),
          actorId: r.actorUserId,
          actorName: r.actorName,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          requestId: r.requestId,
          ip: r.ip,
        })),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );
}
