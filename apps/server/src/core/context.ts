import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/** What every use case receives. Time comes from `now`, never `new Date()` in services. */
export type Ctx = {
  actor: Actor;
  db: Db;
  log: FastifyBaseLogger;
  now: Date;
  requestId: string;
  ip: string;
};

export function ctxOf(request: FastifyRequest): Ctx {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { actor, db: request.server.db, log: request.log, now: request.server.clock(), requestId: request.id, ip: request.ip };
}
