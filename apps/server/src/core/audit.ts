import { auditLogs } from '../db/schema/index.js';
import type { Ctx } from './context.js';
import type { DbOrTx } from './db.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

type AuditCtx = Pick<Ctx, 'actor' | 'requestId' | 'ip' | 'now'>;

/** The row to append for one write; bulk writers insert many of these at once. */
export function auditRecord(ctx: AuditCtx, entry: AuditEntry): typeof auditLogs.$inferInsert {
  return {
    operatorId: ctx.actor.operatorId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    at: ctx.now,
  };
}

/** Append to the audit log inside the caller's transaction, so the record and the change commit together. */
export async function audit(tx: DbOrTx, ctx: AuditCtx, entry: AuditEntry) {
  await tx.insert(auditLogs).values(auditRecord(ctx, entry));
}
