import type { ApplicationFilters, ApplicationListQuery } from '@yqt/contracts';
import { openApplicationStatuses } from '@yqt/contracts';
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { DbOrTx } from '../../core/db.js';
import { dayNumber, shanghaiInstant, dateOfDayNumber } from '../../core/work-calendar.js';
import { applicationEvents, applicationMaterials, departments, enterprises, parks, policies, policyApplications, users } from '../../db/schema/index.js';
import { likePattern, queryTokens } from '../enterprises/search-tokens.js';
import { visibleApplications, waitingFor } from './applications.policy.js';

export const summaryColumns = {
  a: policyApplications,
  policyTitle: policies.title,
  enterpriseName: enterprises.name,
  enterpriseLiaisonId: enterprises.liaisonId,
  enterpriseBackupLiaisonId: enterprises.backupLiaisonId,
  parkName: parks.name,
  departmentName: departments.name,
};

/** Applications with what a summary shows; `enterprises` is joined for the grid scope. */
export function baseQuery(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(policyApplications)
    .innerJoin(policies, eq(policies.id, policyApplications.policyId))
    .innerJoin(enterprises, eq(enterprises.id, policyApplications.enterpriseId))
    .innerJoin(parks, eq(parks.id, policyApplications.parkId))
    .leftJoin(departments, eq(departments.id, policyApplications.departmentId));
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** Shanghai calendar days → [start, end) instants; `to` is inclusive. */
export function periodOf(from?: string, to?: string) {
  return {
    start: from ? shanghaiInstant(from) : null,
    end: to ? shanghaiInstant(dateOfDayNumber(dayNumber(to) + 1)) : null,
  };
}

/** Scope + filters, shared by the list, its export and the statistics (all join `enterprises`). */
export function filterConditions(actor: Actor, q: ApplicationFilters): SQL[] {
  const where: SQL[] = [visibleApplications(actor)];
  if (q.status) where.push(inArray(policyApplications.status, q.status === 'open' ? [...openApplicationStatuses] : q.status.split(',')));
  if (q.policyId) where.push(eq(policyApplications.policyId, q.policyId));
  if (q.parkId) where.push(eq(policyApplications.parkId, q.parkId));
  if (q.enterpriseId) where.push(eq(policyApplications.enterpriseId, q.enterpriseId));
  if (q.mine === 'true') where.push(waitingFor(actor));
  const { start, end } = periodOf(q.from, q.to);
  if (start) where.push(gte(policyApplications.submittedAt, start));
  if (end) where.push(lt(policyApplications.submittedAt, end));
  if (q.q) {
    // The number, or the enterprise name through its n-gram index (see enterprises/search-tokens.ts).
    const tokens = queryTokens(q.q);
    const byName = tokens.length
      ? and(
          sql`${enterprises.searchTokens} @> ARRAY[${sql.join(tokens.map((t) => sql`${t}`), sql`, `)}]::text[]`,
          Array.from(q.q).length > 2 ? sql`${enterprises.searchText} LIKE ${likePattern(q.q)}` : undefined,
        )
      : undefined;
    where.push(or(sql`${policyApplications.number} ILIKE ${likePattern(q.q)}`, byName)!);
  }
  return where;
}

export const orderings = {
  '-submittedAt': [desc(policyApplications.submittedAt), desc(policyApplications.id)],
  submittedAt: [asc(policyApplications.submittedAt), asc(policyApplications.id)],
  stepDueAt: [sql`${policyApplications.stepDueAt} ASC NULLS LAST`, asc(policyApplications.id)],
} as const;

export async function listApplications(db: DbOrTx, actor: Actor, q: ApplicationListQuery) {
  const where = and(...filterConditions(actor, q));
  const [items, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(...orderings[q.sort])
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(policyApplications)
      .innerJoin(enterprises, eq(enterprises.id, policyApplications.enterpriseId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One application within the actor's scope; `lock` takes the row lock for a state change. */
export async function findApplication(db: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const q = baseQuery(db)
    .where(and(visibleApplications(actor), eq(policyApplications.id, id)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: policyApplications }) : await q;
  return row ?? null;
}

export async function policyOf(db: DbOrTx, id: string) {
  const [p] = await db
    .select({
      id: policies.id,
      title: policies.title,
      issuer: policies.issuer,
      level: policies.level,
      docNumber: policies.docNumber,
      benefitType: policies.benefitType,
      maxAmountWan: policies.maxAmountWan,
      applyFrom: policies.applyFrom,
      applyUntil: policies.applyUntil,
      status: policies.status,
      materials: policies.materials,
      departmentId: policies.departmentId,
      operatorId: policies.operatorId,
    })
    .from(policies)
    .where(eq(policies.id, id));
  return p ?? null;
}
export type PolicyFacts = NonNullable<Awaited<ReturnType<typeof policyOf>>>;

export function timelineOf(db: DbOrTx, applicationId: string, publicOnly: boolean) {
  return db
    .select({ e: applicationEvents, actorName: users.displayName })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(and(eq(applicationEvents.applicationId, applicationId), publicOnly ? eq(applicationEvents.visibility, 'public') : undefined))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id));
}

export function materialsOf(db: DbOrTx, applicationId: string) {
  return db
    .select({
      id: applicationMaterials.id,
      item: applicationMaterials.item,
      filename: applicationMaterials.filename,
      mime: applicationMaterials.mime,
      size: applicationMaterials.size,
      uploadedByUserId: applicationMaterials.uploadedByUserId,
      uploadedByName: users.displayName,
      createdAt: applicationMaterials.createdAt,
    })
    .from(applicationMaterials)
    .leftJoin(users, eq(users.id, applicationMaterials.uploadedByUserId))
    .where(eq(applicationMaterials.applicationId, applicationId))
    .orderBy(asc(applicationMaterials.createdAt), asc(applicationMaterials.id));
}
export type MaterialRow = Awaited<ReturnType<typeof materialsOf>>[number];

/** Checklist items marked required that have no file among `items`. */
export function missingRequired(checklist: unknown, items: readonly string[]): string[] {
  const have = new Set(items);
  return asChecklist(checklist)
    .filter((m) => m.required && !have.has(m.name))
    .map((m) => m.name);
}

/** policies.materials as stored ([{name, required}]); anything malformed is dropped. */
export function asChecklist(v: unknown): { name: string; required: boolean }[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((m): m is { name: string; required?: unknown } => !!m && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string')
    .map((m) => ({ name: m.name, required: m.required === true }));
}
