/**
 * Loads the demo policy library and service-guide catalogue for one operator. Idempotent: a
 * policy whose key (or a guide whose code) the operator already has is skipped, so it is safe on
 * every start and after an operator edited the content. Does NOT compute matches: the caller runs
 * the full recompute once indicators are seeded.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../core/db.js';
import { dateOfDayNumber, shanghaiDayNumber, shanghaiInstant } from '../../core/work-calendar.js';
import { departments, policies, policyVersions, serviceGuides } from '../../db/schema/index.js';
import { policySearchFields, snapshotOf } from '../../modules/policies/index.js';
import { guideSearchFields } from '../../modules/service-guides/index.js';
import { demoServiceGuides } from './guides-data.js';
import { demoPolicies } from './policies-data.js';
import type { DemoPolicy, DemoServiceGuide } from './types.js';

export type PolicySeedResult = { policies: number; guides: number; skippedPolicies: number; skippedGuides: number };

// Rows carry long texts and their search tokens: modest chunks keep each statement small.
const CHUNK = 50;
/** The department that reviews applications in the demo (seed/generate.ts). */
const SERVICE_DEPARTMENT = '企业服务部';

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** The window's dates: offsets count from `now`'s calendar day in Asia/Shanghai. */
export function windowDates(window: DemoPolicy['window'], now: Date): { applyFrom: string | null; applyUntil: string | null } {
  if (!window) return { applyFrom: null, applyUntil: null };
  const today = shanghaiDayNumber(now);
  return { applyFrom: dateOfDayNumber(today + window.fromOffsetDays), applyUntil: dateOfDayNumber(today + window.toOffsetDays) };
}

function policyRow(p: DemoPolicy, operatorId: string, departmentId: string | null, now: Date): typeof policies.$inferInsert {
  const { applyFrom, applyUntil } = windowDates(p.window, now);
  return {
    operatorId,
    key: p.key,
    title: p.title,
    issuer: p.issuer,
    level: p.level,
    docNumber: p.docNumber,
    publishedOn: p.publishedOn,
    effectiveFrom: p.effectiveFrom,
    expiresOn: p.expiresOn,
    applyFrom,
    applyUntil,
    benefitType: p.benefitType,
    maxAmountWan: p.maxAmountWan,
    tags: p.tags,
    fullText: p.fullText,
    interpretation: p.interpretation,
    rules: p.rules,
    departmentId,
    materials: p.materials,
    status: p.status,
    ...policySearchFields(p),
    // A policy that was ever published carries the moment of its publication (09:00 on its date).
    publishedAt: p.status === 'draft' ? null : shanghaiInstant(p.publishedOn, 9 * 60),
    createdAt: now,
    updatedAt: now,
  };
}

function guideRow(g: DemoServiceGuide, operatorId: string, now: Date): typeof serviceGuides.$inferInsert {
  return { ...g, operatorId, published: true, ...guideSearchFields(g), createdAt: now, updatedAt: now };
}

async function seedPolicies(tx: DbOrTx, operatorId: string, now: Date, list: readonly DemoPolicy[]) {
  const [dept] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.operatorId, operatorId), eq(departments.name, SERVICE_DEPARTMENT)))
    .limit(1);
  const keys = list.map((p) => p.key);
  const present = new Set(
    keys.length
      ? (await tx.select({ key: policies.key }).from(policies).where(and(eq(policies.operatorId, operatorId), inArray(policies.key, keys)))).map((r) => r.key)
      : [],
  );
  const fresh = list.filter((p) => !present.has(p.key));
  let inserted = 0;
  await inChunks(fresh, async (chunk) => {
    // ON CONFLICT: a concurrent seeder of the same operator loses quietly instead of failing the start.
    const rows = await tx
      .insert(policies)
      .values(chunk.map((p) => policyRow(p, operatorId, dept?.id ?? null, now)))
      .onConflictDoNothing({ target: [policies.operatorId, policies.key] })
      .returning();
    inserted += rows.length;
    if (rows.length) {
      await tx.insert(policyVersions).values(
        rows.map((r) => ({ policyId: r.id, version: r.version, snapshot: { action: 'create', changedFields: [], reason: null, policy: snapshotOf(r) }, changedByUserId: null, createdAt: now })),
      );
    }
  });
  return { inserted, skipped: list.length - inserted };
}

async function seedGuides(tx: DbOrTx, operatorId: string, now: Date, list: readonly DemoServiceGuide[]) {
  const codes = list.map((g) => g.code);
  const present = new Set(
    codes.length
      ? (await tx.select({ code: serviceGuides.code }).from(serviceGuides).where(and(eq(serviceGuides.operatorId, operatorId), inArray(serviceGuides.code, codes)))).map((r) => r.code)
      : [],
  );
  const fresh = list.filter((g) => !present.has(g.code));
  let inserted = 0;
  await inChunks(fresh, async (chunk) => {
    const rows = await tx
      .insert(serviceGuides)
      .values(chunk.map((g) => guideRow(g, operatorId, now)))
      .onConflictDoNothing({ target: [serviceGuides.operatorId, serviceGuides.code] })
      .returning({ id: serviceGuides.id });
    inserted += rows.length;
  });
  return { inserted, skipped: list.length - inserted };
}

/**
 * Inserts the demo policies (windows relative to `now`, search tokens filled, one version each,
 * reviewed by the operator's 企业服务部 when it exists) and the demo service guides, in one
 * transaction. `content` is for tests; the default is the full demo content.
 */
export async function seedPolicyContent(
  db: Db,
  operatorId: string,
  now: Date,
  content: { policies: readonly DemoPolicy[]; guides: readonly DemoServiceGuide[] } = { policies: demoPolicies, guides: demoServiceGuides },
): Promise<PolicySeedResult> {
  return db.transaction(async (tx) => {
    const p = await seedPolicies(tx, operatorId, now, content.policies);
    const g = await seedGuides(tx, operatorId, now, content.guides);
    return { policies: p.inserted, guides: g.inserted, skippedPolicies: p.skipped, skippedGuides: g.skipped };
  });
}
