import type { PolicyCreate, PolicyDetail, PolicyInterpretation, PolicyListQuery, PolicyUpdate } from '@yqt/contracts';
import { policyDateProblems } from '@yqt/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, invalid } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { departments, policies } from '../../db/schema/index.js';
import { deliver, type NotificationRow } from '../notifications/index.js';
import { changedFields, editableFields, snapshotOf, toDetail, toSummary, type EditableField } from './policies.mapper.js';
import { loadManaged, loadVisible } from './load.js';
import { attachmentsOf, findPolicy, listPolicies, type PolicyRow } from './policies.repo.js';
import { policySearchFields } from './policy-text.js';
import { publicOperatorId, type PublicCtx } from './public-ctx.js';
import { pushPolicy } from './push.service.js';
import { writeVersion } from './versions.service.js';

/** Public list: published policies (every status for managers), searched, filtered, paginated. */
export async function list(ctx: PublicCtx, query: PolicyListQuery) {
  const { page, pageSize, sort, operator, ...filters } = query;
  const operatorId = await publicOperatorId(ctx.db, ctx.actor, operator);
  const scope = { operatorId, allStatuses: !!ctx.actor?.permissions.has('policies.manage') };
  const { items, total } = await listPolicies(ctx.db, scope, filters, sort, shanghaiDate(ctx.now), pageSize, (page - 1) * pageSize);
  return { items: items.map(toSummary), total, page, pageSize };
}

export async function getDetail(ctx: PublicCtx, id: string, db: DbOrTx = ctx.db): Promise<PolicyDetail> {
  const row = await loadVisible(db, ctx, id);
  return toDetail(ctx.actor, row.p, row.departmentName, await attachmentsOf(db, id), shanghaiDate(ctx.now));
}

async function checkDepartment(tx: DbOrTx, operatorId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, departmentId), eq(departments.operatorId, operatorId)));
  if (!d) throw invalid('departmentId', '受理部门不存在');
}

async function checkKeyFree(tx: DbOrTx, operatorId: string, key: string | null | undefined, exceptId?: string) {
  if (!key) return;
  const [other] = await tx
    .select({ id: policies.id })
    .from(policies)
    .where(and(eq(policies.operatorId, operatorId), eq(policies.key, key), exceptId ? ne(policies.id, exceptId) : undefined));
  if (other) throw conflict('该标识已被其他政策使用', [{ path: 'key', code: 'duplicate', message: '该标识已被其他政策使用' }]);
}

/** A new policy is a draft of the caller's operator; version 1 is its first snapshot. */
export async function create(ctx: Ctx, input: PolicyCreate): Promise<PolicyDetail> {
  const id = await ctx.db.transaction(async (tx) => {
    await checkDepartment(tx, ctx.actor.operatorId, input.departmentId);
    await checkKeyFree(tx, ctx.actor.operatorId, input.key);
    const [row] = await tx
      .insert(policies)
      .values({
        operatorId: ctx.actor.operatorId,
        key: input.key ?? null,
        title: input.title,
        issuer: input.issuer,
        level: input.level,
        docNumber: input.docNumber ?? null,
        publishedOn: input.publishedOn ?? null,
        effectiveFrom: input.effectiveFrom ?? null,
        expiresOn: input.expiresOn ?? null,
        applyFrom: input.applyFrom ?? null,
        applyUntil: input.applyUntil ?? null,
        benefitType: input.benefitType,
        maxAmountWan: input.maxAmountWan ?? null,
        tags: input.tags,
        fullText: input.fullText,
        interpretation: input.interpretation,
        rules: input.rules ?? null,
        departmentId: input.departmentId ?? null,
        materials: input.materials,
        status: 'draft',
        ...policySearchFields({ ...input, docNumber: input.docNumber ?? null }),
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: policies.id });
    const { p } = (await findPolicy(tx, row!.id))!;
    const fields = editableFields.filter((f) => p[f] !== null && !(Array.isArray(p[f]) && (p[f] as unknown[]).length === 0));
    await writeVersion(tx, ctx, p, { action: 'create', changedFields: [] });
    await audit(tx, ctx, { action: 'policy.create', entityType: 'policy', entityId: p.id, after: { changedFields: fields, ...snapshotOf(p) } });
    return p.id;
  });
  return getDetail(ctx, id);
}

function pick(row: PolicyRow | Record<string, unknown>, fields: readonly EditableField[]) {
  return Object.fromEntries(fields.map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));
}

/**
 * Partial update with compare-and-set on `version` (a stale writer gets 409). `rules_version` moves
 * only when the rules change; a rule change of a published policy recomputes its matches and
 * pushes new ones (follow-ups, notifications) in the same transaction.
 */
export async function update(ctx: Ctx, id: string, input: PolicyUpdate): Promise<PolicyDetail> {
  const { version, ...given } = input;
  let notes: NotificationRow[] = [];
  await ctx.db.transaction(async (tx) => {
    const { p: before } = await loadManaged(tx, ctx, id);
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<Record<EditableField, unknown>>;
    const merged = { ...before, ...changes } as PolicyRow;
    const [bad] = policyDateProblems(merged);
    if (bad) throw invalid(bad.path, bad.message);
    const changed = changedFields(before, merged);
    if (before.version !== version) throw staleConflict(before.version);
    if (!changed.length) return;
    if (changed.includes('departmentId')) await checkDepartment(tx, ctx.actor.operatorId, merged.departmentId);
    if (changed.includes('key')) await checkKeyFree(tx, ctx.actor.operatorId, merged.key, id);
    const rulesChanged = changed.includes('rules');
    const [after] = await tx
      .update(policies)
      .set({
        ...pick(merged, changed),
        ...policySearchFields({ ...merged, interpretation: merged.interpretation as PolicyInterpretation }),
        version: sql`${policies.version} + 1`,
        rulesVersion: rulesChanged ? sql`${policies.rulesVersion} + 1` : policies.rulesVersion,
        updatedAt: ctx.now,
      })
      .where(and(eq(policies.id, id), eq(policies.version, version)))
      .returning({ id: policies.id });
    if (!after) throw staleConflict(before.version);
    const { p } = (await findPolicy(tx, id))!;
    await writeVersion(tx, ctx, p, { action: 'update', changedFields: changed });
    await audit(tx, ctx, {
      action: 'policy.update',
      entityType: 'policy',
      entityId: id,
      before: { version: before.version, ...pick(before, changed) },
      after: { version: p.version, changedFields: changed, ...pick(p, changed) },
    });
    if (rulesChanged && p.status === 'published') notes = (await pushPolicy(tx, ctx, p)).notifications;
  });
  if (notes.length) await deliver(notes, ctx.bus, ctx.notificationAdapters, ctx.log);
  return getDetail(ctx, id);
}

export function staleConflict(currentVersion: number) {
  return conflict('该政策已被他人修改，请刷新后重试', { currentVersion });
}
