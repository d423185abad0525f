import { IdParams, Ok, PageQuery, pageOf } from '@yqt/contracts';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole, type Actor } from '../../core/actor.js';
import { ctxOf } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { LiveEvent } from '../../core/events.js';
import { notifications } from '../../db/schema/index.js';

const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  requestId: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The same visibility rule as the request queries (requests.policy.ts), applied to a live event. */
export function eventVisibleTo(actor: Actor, e: LiveEvent): boolean {
  if (e.operatorId !== actor.operatorId) return false;
  if (e.type === 'session.invalidate') return false;
  if (e.type === 'notification') return e.userId === actor.userId;
  if (hasRole(actor, 'admin', 'leader')) return true;
  return (
    (hasRole(actor, 'park_manager') && actor.parkIds.includes(e.parkId)) ||
    (hasRole(actor, 'liaison') && e.liaisonId !== null && e.liaisonId === actor.staffId) ||
    (hasRole(actor, 'dept_handler') && e.departmentId !== null && e.departmentId === actor.departmentId) ||
    (hasRole(actor, 'enterprise_contact') && e.enterpriseId === actor.enterpriseId)
  );
}

export async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的消息',
        querystring: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: pageOf(Notification).extend({ unread: z.number().int() }) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { page, pageSize, unread } = request.query;
      const mine = eq(notifications.userId, ctx.actor.userId);
      const where = unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [total], [unreadCount]] = await Promise.all([
        ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(pageSize).offset((page - 1) * pageSize),
        ctx.db.select({ n: count() }).from(notifications).where(where),
        ctx.db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
        total: total?.n ?? 0,
        unread: unreadCount?.n ?? 0,
        page,
        pageSize,
      };
    },
  );

  // Marking as read is the user's own bookkeeping, not a business write: no audit row.
  app.post('/notifications/:id/read', { schema: { tags, summary: '标记已读', params: IdParams, response: { 200: Ok } } }, async (request) => {
    const ctx = ctxOf(request);
    const [row] = await ctx.db
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, ctx.actor.userId)))
      .returning({ id: notifications.id });
    if (!row) throw notFound('消息');
    return { ok: true as const };
  });

  app.post('/notifications/read-all', { schema: { tags, summary: '全部标记已读', response: { 200: Ok } } }, async (request) => {
    const ctx = ctxOf(request);
    await ctx.db.update(notifications).set({ readAt: ctx.now }).where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)));
    return { ok: true as const };
  });

  /** Server-sent events: request changes in the caller's scope and the caller's notifications. */
  app.get('/events', { schema: { tags, summary: '实时事件（SSE）' } }, async (request, reply) => {
    const actor = ctxOf(request).actor;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unsubscribe = app.bus.subscribe((e) => {
      if (eventVisibleTo(actor, e)) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    });
    // Comments keep proxies from closing an idle stream.
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });
}
