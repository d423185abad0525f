import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import type { EventBus } from './events.js';
import type { NotificationAdapter } from '../modules/notifications/notifications.service.js';

/** What every use case receives. Time comes from `now`, never `new Date()` in services. */
export type Ctx = {
  actor: Actor;
  db: Db;
  log: FastifyBaseLogger;
  now: Date;
  requestId: string;
  ip: string;
  /** Live events to SSE clients (after commit). */
  bus: EventBus;
  notificationAdapters: NotificationAdapter[];
};

export function ctxOf(request: FastifyRequest): Ctx {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  const s = request.server;
  return { actor, db: s.db, log: request.log, now: s.clock(), requestId: request.id, ip: request.ip, bus: s.bus, notificationAdapters: s.notificationAdapters };
}
