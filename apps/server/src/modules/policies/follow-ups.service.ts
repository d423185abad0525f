import type { FollowUpListQuery, FollowUpUpdate, PolicyFollowUp } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { policyFollowUps } from '../../db/schema/index.js';
import { findFollowUp, listFollowUps, type FollowUpRow } from './follow-ups.repo.js';
import { followUpScope } from './policies.policy.js';

function toItem(r: FollowUpRow): PolicyFollowUp {
  return {
    ...r,
    verdict: (r.verdict as PolicyFollowUp['verdict']) ?? null,
    status: r.status as PolicyFollowUp['status'],
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The 政策找企业 checklist in the caller's scope (liaison: their grid; park manager: their parks). */
export async function list(ctx: Ctx, query: FollowUpListQuery) {
  const { page, pageSize, ...filters } = query;
  const { items, total } = await listFollowUps(ctx.db, ctx.actor.operatorId, followUpScope(ctx.actor), filters, pageSize, (page - 1) * pageSize);
  return { items: items.map(toItem), total, page, pageSize };
}

/** Records the outcome of contacting the enterprise; compare-and-set on version (409 when stale). */
export async function update(ctx: Ctx, policyId: string, enterpriseId: string, input: FollowUpUpdate): Promise<PolicyFollowUp> {
  const scope = followUpScope(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const before = await findFollowUp(tx, ctx.actor.operatorId, scope, policyId, enterpriseId);
    if (!before) throw notFound('跟进记录');
    const note = input.note ?? null;
    const [after] = await tx
      .update(policyFollowUps)
      .set({ status: input.status, note, version: sql`${policyFollowUps.version} + 1`, updatedByUserId: ctx.actor.userId, updatedAt: ctx.now })
      .where(and(eq(policyFollowUps.policyId, policyId), eq(policyFollowUps.enterpriseId, enterpriseId), eq(policyFollowUps.version, input.version)))
      .returning({ version: policyFollowUps.version });
    if (!after) throw conflict('该跟进记录已被他人更新，请刷新后重试', { currentVersion: before.version });
    const changedFields = [before.status !== input.status ? 'status' : null, (before.note ?? null) !== note ? 'note' : null].filter(Boolean);
    await audit(tx, ctx, {
      action: 'policy_follow_up.update',
      entityType: 'policy_follow_up',
      entityId: `${policyId}:${enterpriseId}`,
      before: { status: before.status, note: before.note, version: before.version },
      after: { status: input.status, note, version: after.version, changedFields, policyId, enterpriseId },
    });
  });
  return toItem((await findFollowUp(ctx.db, ctx.actor.operatorId, scope, policyId, enterpriseId))!);
}
