import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTx } from '../../core/db.js';
import type { EventBus, LiveEvent } from '../../core/events.js';
import { notifications } from '../../db/schema/index.js';

export type NewNotification = { operatorId: string; userId: string; kind: string; title: string; body?: string | null; requestId?: string | null; link?: string | null };
export type NotificationRow = typeof notifications.$inferSelect;

/** Writes in-app notifications (inside the caller's transaction); deliver() them after commit. */
export async function createNotifications(tx: DbOrTx, items: NewNotification[], now: Date): Promise<NotificationRow[]> {
  if (!items.length) return [];
  return tx
    .insert(notifications)
    .values(items.map((n) => ({ ...n, body: n.body ?? null, requestId: n.requestId ?? null, link: n.link ?? null, createdAt: now })))
    .returning();
}

/** A delivery channel beyond in-app (SMS, email, WeCom…). In-app needs none: the row is the message. */
export type NotificationAdapter = { name: string; deliver(n: NotificationRow): Promise<void> };

/** The default adapter: logs what an SMS/email/WeCom adapter would send. */
export function loggingAdapter(log: FastifyBaseLogger): NotificationAdapter {
  return {
    name: 'log',
    async deliver(n) {
      log.info({ notification: { id: n.id, userId: n.userId, kind: n.kind, title: n.title } }, 'notification');
    },
  };
}

/** After commit: push to live clients and hand to every adapter (an adapter failing never blocks others). */
export async function deliver(rows: NotificationRow[], bus: EventBus, adapters: NotificationAdapter[], log: FastifyBaseLogger) {
  for (const n of rows) {
    const e: LiveEvent = { type: 'notification', operatorId: n.operatorId, userId: n.userId, notificationId: n.id, title: n.title };
    bus.publish(e);
    for (const a of adapters) await a.deliver(n).catch((err) => log.warn({ err, adapter: a.name }, 'notification delivery failed'));
  }
}
