import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { eq } from 'drizzle-orm';
import { operators } from '../../db/schema/index.js';

/** Context of a public route (`config: { public: true }`): the actor is set only when a session came along. */
export type PublicCtx = Omit<Ctx, 'actor'> & { actor: Actor | null };

export function publicCtxOf(request: FastifyRequest): PublicCtx {
  const s = request.server;
  return { actor: request.actor ?? null, db: s.db, log: request.log, now: s.clock(), requestId: request.id, ip: request.ip, bus: s.bus, notificationAdapters: s.notificationAdapters };
}

/**
 * Whose public content a list shows. A signed-in caller sees their own operator's. An anonymous
 * visitor sees the installation's (one operator per installation in practice); with several
 * operators, `operator` (the operator's code) narrows it, and without it the published content of
 * all of them is listed — it is public anyway. null = every operator.
 */
export async function publicOperatorId(db: Db, actor: Actor | null, operatorCode: string | undefined): Promise<string | null> {
  if (actor) return actor.operatorId;
  if (!operatorCode) return null;
  const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, operatorCode)).limit(1);
  if (!op) throw invalid('operator', '运营方不存在');
  return op.id;
}
