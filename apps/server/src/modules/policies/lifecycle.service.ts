import { policyStatusLabels, type PolicyAction, type PolicyDetail, type PolicyStatus } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, invalid } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { policies } from '../../db/schema/index.js';
import { deliver, type NotificationRow } from '../notifications/index.js';
import { transitionFor } from './lifecycle.js';
import { loadManaged } from './load.js';
import { findPolicy } from './policies.repo.js';
import { getDetail, staleConflict } from './policies.service.js';
import { pushPolicy } from './push.service.js';
import { writeVersion } from './versions.service.js';

const actionLabels: Record<PolicyAction, string> = { publish: '发布', withdraw: '撤回', expire: '标记过期' };

/**
 * publish | withdraw | expire, by the transition table, compare-and-set on version and status.
 * Publishing recomputes the matches and pushes them (follow-ups, notifications) in the same
 * transaction; notifications go out after commit.
 */
export async function act(ctx: Ctx, id: string, action: PolicyAction, body: { version: number; reason?: string }): Promise<PolicyDetail> {
  let notes: NotificationRow[] = [];
  await ctx.db.transaction(async (tx) => {
    const { p: before } = await loadManaged(tx, ctx, id);
    const status = before.status as PolicyStatus;
    const t = transitionFor(action, status);
    if (!t) throw conflict(`当前状态为“${policyStatusLabels[status].zh}”，不能${actionLabels[action]}`, { status });
    const today = shanghaiDate(ctx.now);
    if (action === 'publish' && before.expiresOn && before.expiresOn < today) throw invalid('expiresOn', '政策已过失效日期，不能发布；请先修改失效日期');
    const reason = t.reasonRequired ? (body.reason ?? null) : null;
    const [updated] = await tx
      .update(policies)
      .set({
        status: t.to,
        version: sql`${policies.version} + 1`,
        updatedAt: ctx.now,
        ...(action === 'publish' ? { publishedAt: ctx.now, publishedOn: before.publishedOn ?? today } : {}),
      })
      .where(and(eq(policies.id, id), eq(policies.version, body.version), eq(policies.status, status)))
      .returning({ id: policies.id });
    if (!updated) throw staleConflict(before.version);
    const { p } = (await findPolicy(tx, id))!;
    const changed = action === 'publish' && !before.publishedOn ? ['publishedOn'] : [];
    await writeVersion(tx, ctx, p, { action, changedFields: changed, reason });
    await audit(tx, ctx, {
      action: `policy.${action}`,
      entityType: 'policy',
      entityId: id,
      before: { status, version: before.version },
      after: { status: t.to, version: p.version, changedFields: ['status', ...changed], ...(reason ? { reason } : {}) },
    });
    if (action === 'publish') notes = (await pushPolicy(tx, ctx, p)).notifications;
  });
  if (notes.length) await deliver(notes, ctx.bus, ctx.notificationAdapters, ctx.log);
  return getDetail(ctx, id);
}
