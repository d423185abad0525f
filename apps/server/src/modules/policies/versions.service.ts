import type { PolicyStatus } from '@yqt/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { policyVersions, users } from '../../db/schema/index.js';
import { snapshotOf } from './policies.mapper.js';
import type { PolicyRow } from './policies.repo.js';
import { loadManaged } from './load.js';

type VersionMeta = { action: 'create' | 'update' | 'publish' | 'withdraw' | 'expire'; changedFields: string[]; reason?: string | null };

/**
 * Every save is a version: the stored fields as they are after it, what produced it and which
 * fields it changed (kept in the snapshot so the history list never reloads full texts to diff).
 */
export async function writeVersion(tx: DbOrTx, ctx: Pick<Ctx, 'actor' | 'now'>, p: PolicyRow, meta: VersionMeta) {
  await tx.insert(policyVersions).values({
    policyId: p.id,
    version: p.version,
    snapshot: { action: meta.action, changedFields: meta.changedFields, reason: meta.reason ?? null, policy: snapshotOf(p) },
    changedByUserId: ctx.actor.userId,
    createdAt: ctx.now,
  });
}

// Only the small parts of the snapshot: the list stays cheap however long the policy's text is.
const summaryColumns = {
  version: policyVersions.version,
  action: sql<string>`${policyVersions.snapshot}->>'action'`,
  reason: sql<string | null>`${policyVersions.snapshot}->>'reason'`,
  status: sql<string>`${policyVersions.snapshot}->'policy'->>'status'`,
  rulesVersion: sql<number>`(${policyVersions.snapshot}->'policy'->>'rulesVersion')::int`,
  changedFields: sql<string[]>`${policyVersions.snapshot}->'changedFields'`,
  changedByName: users.displayName,
  createdAt: policyVersions.createdAt,
};

const toSummary = (r: { version: number; action: string; reason: string | null; status: string; rulesVersion: number; changedFields: string[]; changedByName: string | null; createdAt: Date }) => ({
  ...r,
  status: r.status as PolicyStatus,
  rulesVersion: Number(r.rulesVersion),
  changedFields: r.changedFields ?? [],
  createdAt: r.createdAt.toISOString(),
});

/** The version history, newest first (managers of the policy's operator only). */
export async function listVersions(ctx: Ctx, policyId: string) {
  await loadManaged(ctx.db, ctx, policyId);
  const rows = await ctx.db
    .select(summaryColumns)
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.changedByUserId))
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(desc(policyVersions.version))
    .limit(500);
  return { items: rows.map(toSummary) };
}

export async function getVersion(ctx: Ctx, policyId: string, version: number) {
  await loadManaged(ctx.db, ctx, policyId);
  const [row] = await ctx.db
    .select({ ...summaryColumns, snapshot: sql<{ policy: Record<string, unknown> }>`${policyVersions.snapshot}` })
    .from(policyVersions)
    .leftJoin(users, eq(users.id, policyVersions.changedByUserId))
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)));
  if (!row) throw notFound('政策版本');
  const { snapshot, ...rest } = row;
  return { ...toSummary(rest), snapshot: snapshot.policy };
}
