import {
  type EnterpriseIndicators,
  type IndicatorUpsert,
  type IndicatorValues,
  type Qualification,
  type QualificationCreate,
} from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { hasRole } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { enterpriseIndicatorHistory, enterpriseIndicators, enterpriseQualifications } from '../../db/schema/index.js';
import { canEditIndicators, forgetOperatorFacts, loadIndicatorEnterprise, recomputeEnterpriseMatches } from '../eligibility/index.js';
import { snapshotOf, toIndicatorYear, toQualification, valuesOf } from './indicators.mapper.js';
import { historyOf, qualificationsOf, userNames, yearOf, yearsOf } from './indicators.repo.js';

/** Earliest year accepted when the founding date is unknown. */
export const MIN_YEAR = 1949;

/** Years that may be reported: [founding year, current year (Asia/Shanghai)]. */
export function yearRange(foundedOn: string | null, now: Date) {
  const max = Number(shanghaiDate(now).slice(0, 4));
  return { min: foundedOn ? Number(foundedOn.slice(0, 4)) : MIN_YEAR, max };
}

/** The fields of the year named in a 400, so the form can point at it. */
export function checkYear(year: number, foundedOn: string | null, now: Date, path = 'year') {
  const r = yearRange(foundedOn, now);
  if (year > r.max) throw invalid(path, `年度不能晚于${r.max}年`);
  if (year < r.min) throw invalid(path, foundedOn ? `年度不能早于成立年份（${r.min}年）` : `年度不能早于${r.min}年`);
}

const sourceOf = (ctx: Ctx) => (hasRole(ctx.actor, 'enterprise_contact') && !ctx.actor.staffId ? 'enterprise' : 'staff');

/** Every reported year (newest first) with derived ratios, and the qualifications. */
export async function getIndicators(ctx: Ctx, enterpriseId: string, db: DbOrTx = ctx.db): Promise<EnterpriseIndicators> {
  const e = await loadIndicatorEnterprise(db, ctx.actor, enterpriseId);
  const [years, quals] = await Promise.all([yearsOf(db, e.id), qualificationsOf(db, e.id)]);
  const byYear = new Map(years.map((y) => [y.row.year, y.row]));
  const today = shanghaiDate(ctx.now);
  return {
    enterpriseId: e.id,
    latestYear: years[0]?.row.year ?? null,
    years: years.map((y) => toIndicatorYear(y.row, byYear.get(y.row.year - 1), y.updatedByName)),
    qualifications: quals.map((q) => toQualification(q, today)),
    yearRange: yearRange(e.foundedOn, ctx.now),
    abilities: { edit: canEditIndicators(ctx.actor, e) },
  };
}

async function loadEditable(tx: DbOrTx, ctx: Ctx, enterpriseId: string) {
  const e = await loadIndicatorEnterprise(tx, ctx.actor, enterpriseId);
  if (!canEditIndicators(ctx.actor, e)) throw forbidden('无权修改该企业的经营指标');
  return e;
}

/**
 * Creates or replaces one year's figures (PUT: a field left out is "not reported"). Updating is
 * compare-and-set on `version` (stale → 409); the previous state goes to the history table. The
 * enterprise's stored policy matches are recomputed in the same transaction.
 */
export async function upsertYear(ctx: Ctx, enterpriseId: string, year: number, body: IndicatorUpsert): Promise<EnterpriseIndicators> {
  const { version, ...rest } = body;
  const values: IndicatorValues = valuesOf(rest);
  await ctx.db.transaction(async (tx) => {
    const e = await loadEditable(tx, ctx, enterpriseId);
    checkYear(year, e.foundedOn, ctx.now);
    const before = await yearOf(tx, e.id, year);
    const common = { ...values, source: sourceOf(ctx), updatedByUserId: ctx.actor.userId, updatedAt: ctx.now };
    if (!before) {
      if (version !== undefined) throw conflict('该年度指标已不存在，请刷新后重试', { currentVersion: null });
      const [row] = await tx
        .insert(enterpriseIndicators)
        .values({ enterpriseId: e.id, year, ...common, createdAt: ctx.now })
        .returning();
      await audit(tx, ctx, { action: 'indicators.create', entityType: 'enterprise_indicators', entityId: row!.id, after: { enterpriseId: e.id, ...snapshotOf(row!) } });
    } else {
      if (version === undefined) throw conflict(`${year}年度指标已存在，请带上版本号修改`, { currentVersion: before.version });
      const [row] = await tx
        .update(enterpriseIndicators)
        .set({ ...common, version: sql`${enterpriseIndicators.version} + 1` })
        .where(and(eq(enterpriseIndicators.id, before.id), eq(enterpriseIndicators.version, version)))
        .returning();
      if (!row) throw conflict('该年度指标已被他人修改，请刷新后重试', { currentVersion: before.version });
      await tx.insert(enterpriseIndicatorHistory).values({
        enterpriseId: e.id,
        year,
        version: before.version,
        snapshot: snapshotOf(before),
        changedByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      });
      await audit(tx, ctx, {
        action: 'indicators.update',
        entityType: 'enterprise_indicators',
        entityId: row.id,
        before: { enterpriseId: e.id, ...snapshotOf(before) },
        after: { enterpriseId: e.id, ...snapshotOf(row) },
      });
    }
    await recomputeEnterpriseMatches(tx, e.id, ctx.now);
  });
  // After commit too: a preview between the recompute and the commit may have cached the old state.
  forgetOperatorFacts(ctx.actor.operatorId);
  return getIndicators(ctx, enterpriseId);
}

/** Earlier states of one year, newest first. */
export async function yearHistory(ctx: Ctx, enterpriseId: string, year: number, page: number, pageSize: number) {
  const e = await loadIndicatorEnterprise(ctx.db, ctx.actor, enterpriseId);
  const { items, total } = await historyOf(ctx.db, e.id, year, pageSize, (page - 1) * pageSize);
  type Snap = Record<string, unknown> & { source?: string; updatedByUserId?: string | null; updatedAt?: string };
  const authorIds = [...new Set(items.map((i) => (i.h.snapshot as Snap).updatedByUserId).filter((x): x is string => typeof x === 'string'))];
  const names = await userNames(ctx.db, authorIds);
  return {
    items: items.map(({ h, replacedByName }) => {
      const s = h.snapshot as Snap;
      return {
        version: h.version,
        values: valuesOf(s as Partial<Record<keyof IndicatorValues, unknown>>),
        source: s.source ?? null,
        recordedAt: s.updatedAt ?? null,
        recordedByName: s.updatedByUserId ? (names.get(s.updatedByUserId) ?? null) : null,
        replacedAt: h.createdAt.toISOString(),
        replacedByName,
      };
    }),
    total,
    page,
    pageSize,
  };
}

export async function addQualification(ctx: Ctx, enterpriseId: string, body: QualificationCreate): Promise<Qualification> {
  const today = shanghaiDate(ctx.now);
  if (body.obtainedOn > today) throw invalid('obtainedOn', '取得日期不能晚于今天');
  const row = await ctx.db.transaction(async (tx) => {
    const e = await loadEditable(tx, ctx, enterpriseId);
    const [dup] = await tx
      .select({ id: enterpriseQualifications.id })
      .from(enterpriseQualifications)
      .where(and(eq(enterpriseQualifications.enterpriseId, e.id), eq(enterpriseQualifications.kind, body.kind), eq(enterpriseQualifications.obtainedOn, body.obtainedOn)))
      .limit(1);
    if (dup) throw conflict('该资质的同一取得日期已登记', { qualificationId: dup.id });
    const [q] = await tx
      .insert(enterpriseQualifications)
      .values({ enterpriseId: e.id, ...body, createdByUserId: ctx.actor.userId, createdAt: ctx.now })
      .returning();
    await audit(tx, ctx, { action: 'qualification.create', entityType: 'enterprise_qualification', entityId: q!.id, after: q });
    await recomputeEnterpriseMatches(tx, e.id, ctx.now);
    return q!;
  });
  forgetOperatorFacts(ctx.actor.operatorId);
  return toQualification(row, today);
}

export async function removeQualification(ctx: Ctx, enterpriseId: string, qualificationId: string) {
  await ctx.db.transaction(async (tx) => {
    const e = await loadEditable(tx, ctx, enterpriseId);
    const [q] = await tx
      .delete(enterpriseQualifications)
      .where(and(eq(enterpriseQualifications.id, qualificationId), eq(enterpriseQualifications.enterpriseId, e.id)))
      .returning();
    if (!q) throw notFound('资质');
    await audit(tx, ctx, { action: 'qualification.delete', entityType: 'enterprise_qualification', entityId: q.id, before: q });
    await recomputeEnterpriseMatches(tx, e.id, ctx.now);
  });
  forgetOperatorFacts(ctx.actor.operatorId);
  return { ok: true as const };
}

