import type { CalendarOverrideInput, CategoryInput, CategoryUpdate, EscalationLadder, ReplyTemplateInput, RequestSettings, SlaPolicyInput } from '@yqt/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import {
  calendarOverrides,
  escalationSteps,
  operatorSettings,
  replyTemplates,
  requestCategories,
  slaPolicies,
} from '../../db/schema/index.js';

type Policy = typeof slaPolicies.$inferSelect;
const policyOut = (p: Policy) => ({ ...p, timeMode: p.timeMode as 'working' | 'natural', createdAt: p.createdAt.toISOString() });

export async function listPolicies(ctx: Ctx, history: boolean) {
  const rows = await ctx.db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.operatorId, ctx.actor.operatorId), history ? undefined : eq(slaPolicies.current, true)))
    .orderBy(asc(slaPolicies.policyKey), desc(slaPolicies.version));
  return { items: rows.map(policyOut) };
}

async function checkCategory(ctx: Ctx, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const [c] = await ctx.db.select({ id: requestCategories.id }).from(requestCategories).where(and(eq(requestCategories.id, categoryId), eq(requestCategories.operatorId, ctx.actor.operatorId)));
  if (!c) throw invalid('categoryId', '诉求分类不存在');
}

/** A new policy (version 1) under a new key. */
export async function createPolicy(ctx: Ctx, input: z.infer<typeof SlaPolicyInput>) {
  await checkCategory(ctx, input.categoryId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(slaPolicies)
      .values({ ...input, categoryId: input.categoryId ?? null, priority: input.priority ?? null, operatorId: ctx.actor.operatorId, policyKey: `p-${randomUUID().slice(0, 8)}`, version: 1, createdAt: ctx.now, createdByUserId: ctx.actor.userId })
      .returning();
    await audit(tx, ctx, { action: 'sla.policy.create', entityType: 'sla_policy', entityId: row!.id, after: row });
    return policyOut(row!);
  });
}

/** Editing never changes a version in use: the old row stops being current and a new version is added. */
export async function revisePolicy(ctx: Ctx, key: string, input: z.infer<typeof SlaPolicyInput>) {
  await checkCategory(ctx, input.categoryId);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(slaPolicies)
      .where(and(eq(slaPolicies.operatorId, ctx.actor.operatorId), eq(slaPolicies.policyKey, key), eq(slaPolicies.current, true)))
      .for('update');
    if (!cur) throw notFound('时限规则');
    if (key === 'default' && (input.categoryId || input.priority || input.forKeyIssue)) throw invalid('categoryId', '默认规则不能限定分类或优先级');
    await tx.update(slaPolicies).set({ current: false }).where(eq(slaPolicies.id, cur.id));
    const [row] = await tx
      .insert(slaPolicies)
      .values({ ...input, categoryId: input.categoryId ?? null, priority: input.priority ?? null, operatorId: ctx.actor.operatorId, policyKey: key, version: cur.version + 1, createdAt: ctx.now, createdByUserId: ctx.actor.userId })
      .returning();
    await audit(tx, ctx, { action: 'sla.policy.revise', entityType: 'sla_policy', entityId: row!.id, before: cur, after: row });
    return policyOut(row!);
  });
}

export async function retirePolicy(ctx: Ctx, key: string) {
  if (key === 'default' || key === 'key_issue') throw conflict('默认规则和重点难题规则不能停用');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(slaPolicies)
      .set({ current: false })
      .where(and(eq(slaPolicies.operatorId, ctx.actor.operatorId), eq(slaPolicies.policyKey, key), eq(slaPolicies.current, true)))
      .returning();
    if (!row) throw notFound('时限规则');
    await audit(tx, ctx, { action: 'sla.policy.retire', entityType: 'sla_policy', entityId: row.id, before: row });
  });
  return { ok: true as const };
}

export async function listOverrides(ctx: Ctx) {
  const rows = await ctx.db.select().from(calendarOverrides).where(eq(calendarOverrides.operatorId, ctx.actor.operatorId)).orderBy(asc(calendarOverrides.date));
  return { items: rows.map((r) => ({ id: r.id, date: r.date, kind: r.kind as 'workday' | 'holiday', name: r.name })) };
}

/** Sets one day (upsert by date): how an administrator loads next year's State Council notice. */
export async function putOverride(ctx: Ctx, input: z.infer<typeof CalendarOverrideInput>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(and(eq(calendarOverrides.operatorId, ctx.actor.operatorId), eq(calendarOverrides.date, input.date)));
    const [row] = await tx
      .insert(calendarOverrides)
      .values({ operatorId: ctx.actor.operatorId, date: input.date, kind: input.kind, name: input.name ?? null, createdAt: ctx.now })
      .onConflictDoUpdate({ target: [calendarOverrides.operatorId, calendarOverrides.date], set: { kind: input.kind, name: input.name ?? null } })
      .returning();
    await recheckOpenClocks(tx, ctx);
    await audit(tx, ctx, { action: 'calendar.override.put', entityType: 'calendar_override', entityId: row!.id, before: before ?? null, after: row });
    return { id: row!.id, date: row!.date, kind: row!.kind as 'workday' | 'holiday', name: row!.name };
  });
}

export async function deleteOverride(ctx: Ctx, date: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarOverrides).where(and(eq(calendarOverrides.operatorId, ctx.actor.operatorId), eq(calendarOverrides.date, date))).returning();
    if (!row) throw notFound('日历调整');
    await recheckOpenClocks(tx, ctx);
    await audit(tx, ctx, { action: 'calendar.override.delete', entityType: 'calendar_override', entityId: row.id, before: row });
  });
  return { ok: true as const };
}

/**
 * The sweep's next-check times were computed with the old ladder and calendar: have the next sweep
 * look at every running clock of the operator again (it fires only what the new rules make due).
 */
async function recheckOpenClocks(tx: DbOrTx, ctx: Ctx) {
  await tx.execute(
    sql`INSERT INTO sla_checks (request_id, next_check_at)
        SELECT id, ${ctx.now.toISOString()} FROM service_requests
         WHERE operator_id = ${ctx.actor.operatorId} AND closed_at IS NULL AND paused_at IS NULL
           AND (accepted_at IS NULL OR first_feedback_at IS NULL OR resolved_at IS NULL)
        ON CONFLICT (request_id) DO UPDATE SET next_check_at = EXCLUDED.next_check_at, generation = sla_checks.generation + 1`,
  );
}

export async function getLadder(ctx: Ctx) {
  const steps = await ctx.db.select().from(escalationSteps).where(eq(escalationSteps.operatorId, ctx.actor.operatorId)).orderBy(asc(escalationSteps.level));
  return { steps: steps.map(({ level, target, delayMinutes }) => ({ level, target: target as 'liaison', delayMinutes })) };
}

export async function putLadder(ctx: Ctx, input: z.infer<typeof EscalationLadder>) {
  const levels = input.steps.map((s) => s.level);
  if (new Set(levels).size !== levels.length) throw invalid('steps', '督办级别不能重复');
  const sorted = [...input.steps].sort((a, b) => a.level - b.level);
  if (sorted.some((s, i) => i > 0 && s.delayMinutes < sorted[i - 1]!.delayMinutes)) throw invalid('steps', '高级别的督办时间不能早于低级别');
  return ctx.db.transaction(async (tx) => {
    const before = await getLadder({ ...ctx, db: tx as never });
    await tx.delete(escalationSteps).where(eq(escalationSteps.operatorId, ctx.actor.operatorId));
    await tx.insert(escalationSteps).values(sorted.map((s) => ({ ...s, operatorId: ctx.actor.operatorId })));
    await recheckOpenClocks(tx, ctx);
    await audit(tx, ctx, { action: 'sla.ladder.put', entityType: 'escalation_ladder', entityId: ctx.actor.operatorId, before, after: { steps: sorted } });
    return { steps: sorted };
  });
}

export async function getSettings(ctx: Ctx) {
  const [s] = await ctx.db.select().from(operatorSettings).where(eq(operatorSettings.operatorId, ctx.actor.operatorId));
  if (!s) throw notFound('设置');
  const { operatorId: _o, updatedAt: _u, ...rest } = s;
  return rest;
}

export async function putSettings(ctx: Ctx, input: z.infer<typeof RequestSettings>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(operatorSettings).where(eq(operatorSettings.operatorId, ctx.actor.operatorId));
    await tx
      .insert(operatorSettings)
      .values({ operatorId: ctx.actor.operatorId, ...input, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: operatorSettings.operatorId, set: { ...input, updatedAt: ctx.now } });
    await audit(tx, ctx, { action: 'request.settings.put', entityType: 'operator_settings', entityId: ctx.actor.operatorId, before: before ?? null, after: input });
    return input;
  });
}

export async function createTemplate(ctx: Ctx, input: z.infer<typeof ReplyTemplateInput>) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(replyTemplates).values({ ...input, operatorId: ctx.actor.operatorId }).returning();
    await audit(tx, ctx, { action: 'template.create', entityType: 'reply_template', entityId: row!.id, after: row });
    return { id: row!.id, title: row!.title, body: row!.body };
  });
}

export async function deleteTemplate(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(replyTemplates).where(and(eq(replyTemplates.id, id), eq(replyTemplates.operatorId, ctx.actor.operatorId))).returning();
    if (!row) throw notFound('模板');
    await audit(tx, ctx, { action: 'template.delete', entityType: 'reply_template', entityId: id, before: row });
  });
  return { ok: true as const };
}

export async function createCategory(ctx: Ctx, input: z.infer<typeof CategoryInput>) {
  return ctx.db.transaction(async (tx) => {
    if (input.parentId) {
      const [p] = await tx.select({ id: requestCategories.id, parentId: requestCategories.parentId }).from(requestCategories).where(and(eq(requestCategories.id, input.parentId), eq(requestCategories.operatorId, ctx.actor.operatorId)));
      if (!p) throw invalid('parentId', '上级分类不存在');
      if (p.parentId) throw invalid('parentId', '分类最多两级');
    }
    const [dup] = await tx.select({ id: requestCategories.id }).from(requestCategories).where(and(eq(requestCategories.operatorId, ctx.actor.operatorId), eq(requestCategories.code, input.code)));
    if (dup) throw conflict('分类编码已存在', [{ path: 'code', code: 'duplicate', message: '分类编码已存在' }]);
    const [row] = await tx.insert(requestCategories).values({ ...input, parentId: input.parentId ?? null, operatorId: ctx.actor.operatorId }).returning();
    await audit(tx, ctx, { action: 'category.create', entityType: 'request_category', entityId: row!.id, after: row });
    return { id: row!.id, parentId: row!.parentId, code: row!.code, name: row!.name, sortOrder: row!.sortOrder, active: row!.active };
  });
}

/** Categories are never deleted (requests refer to them): they are deactivated. */
export async function updateCategory(ctx: Ctx, id: string, input: z.infer<typeof CategoryUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(requestCategories).where(and(eq(requestCategories.id, id), eq(requestCategories.operatorId, ctx.actor.operatorId)));
    if (!before) throw notFound('诉求分类');
    // A child cannot be active under a deactivated parent: it would be offered without its group.
    if (input.active && before.parentId) {
      const [parent] = await tx.select({ active: requestCategories.active }).from(requestCategories).where(eq(requestCategories.id, before.parentId));
      if (parent && !parent.active) throw invalid('active', '请先启用上级分类');
    }
    const [row] = await tx.update(requestCategories).set(input).where(eq(requestCategories.id, id)).returning();
    await audit(tx, ctx, { action: 'category.update', entityType: 'request_category', entityId: id, before, after: row });
    return { id: row!.id, parentId: row!.parentId, code: row!.code, name: row!.name, sortOrder: row!.sortOrder, active: row!.active };
  });
}
