import type { PolicyListQuery } from '@yqt/contracts';
import { and, asc, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { departments, policies, policyAttachments } from '../../db/schema/index.js';
import { searchConditions } from './search.js';

/** Whose policies, and whether statuses other than published are visible (managers of that operator). */
export type ReadScope = { operatorId: string | null; allStatuses: boolean };

/** Published, and the application window (at least one bound) contains `today` (YYYY-MM-DD, Asia/Shanghai). */
export function windowOpenSql(today: string): SQL<boolean> {
  return sql<boolean>`(${policies.status} = 'published'
    AND (${policies.applyFrom} IS NOT NULL OR ${policies.applyUntil} IS NOT NULL)
    AND (${policies.applyFrom} IS NULL OR ${policies.applyFrom} <= ${today}::date)
    AND (${policies.applyUntil} IS NULL OR ${policies.applyUntil} >= ${today}::date))`;
}

export type ListFilters = Omit<PolicyListQuery, 'page' | 'pageSize' | 'sort' | 'operator'>;

function conditions(scope: ReadScope, f: ListFilters, today: string): SQL[] {
  const where: SQL[] = [];
  if (scope.operatorId) where.push(eq(policies.operatorId, scope.operatorId));
  // Non-managers see published policies only; a status filter narrows further (draft → nothing).
  if (!scope.allStatuses) where.push(eq(policies.status, 'published'));
  if (f.status) where.push(eq(policies.status, f.status));
  if (f.level) where.push(eq(policies.level, f.level));
  if (f.benefitType) where.push(eq(policies.benefitType, f.benefitType));
  if (f.tag) where.push(sql`${policies.tags} @> ARRAY[${f.tag}]::text[]`);
  if (f.openNow === 'true') where.push(windowOpenSql(today));
  if (f.openNow === 'false') where.push(sql`NOT ${windowOpenSql(today)}`);
  where.push(...searchConditions(f.q, policies.searchTokens, policies.searchText));
  return where;
}

/** List rows: never the full text or the search columns (they are the bulk of a row). */
function summaryColumns(today: string) {
  return {
    id: policies.id,
    key: policies.key,
    title: policies.title,
    issuer: policies.issuer,
    level: policies.level,
    docNumber: policies.docNumber,
    publishedOn: policies.publishedOn,
    effectiveFrom: policies.effectiveFrom,
    expiresOn: policies.expiresOn,
    applyFrom: policies.applyFrom,
    applyUntil: policies.applyUntil,
    benefitType: policies.benefitType,
    maxAmountWan: policies.maxAmountWan,
    tags: policies.tags,
    benefits: sql<string>`coalesce(${policies.interpretation}->>'benefits', '')`,
    status: policies.status,
    windowOpen: windowOpenSql(today),
    updatedAt: policies.updatedAt,
  };
}

function orderings(sort: PolicyListQuery['sort'], today: string): SQL[] {
  switch (sort) {
    case '-publishedOn':
      return [sql`${policies.publishedOn} DESC NULLS LAST`, asc(policies.id)];
    case 'applyUntil':
      return [sql`${policies.applyUntil} ASC NULLS LAST`, asc(policies.id)];
    case '-updatedAt':
      return [desc(policies.updatedAt), asc(policies.id)];
    case 'title':
      return [asc(policies.title), asc(policies.id)];
    default:
      // Open windows first (what an enterprise can act on now), then the newest.
      return [sql`${windowOpenSql(today)} DESC`, sql`${policies.publishedOn} DESC NULLS LAST`, desc(policies.createdAt), asc(policies.id)];
  }
}

/**
 * One query for the page and its total: no index yields the default order (open windows first), so
 * the matching rows are all read and sorted anyway and `count(*) OVER ()` costs nothing extra,
 * where a separate count would read them — and their search columns — a second time. Only a page
 * beyond the end (no rows to carry the total) needs the count on its own.
 */
export async function listPolicies(db: DbOrTx, scope: ReadScope, f: ListFilters, sort: PolicyListQuery['sort'], today: string, limit: number, offset: number) {
  const where = and(...conditions(scope, f, today));
  const rows = await db
    .select({ ...summaryColumns(today), total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(policies)
    .where(where)
    .orderBy(...orderings(sort, today))
    .limit(limit)
    .offset(offset);
  const total = rows[0]?.total ?? (offset === 0 ? 0 : ((await db.select({ n: count() }).from(policies).where(where))[0]?.n ?? 0));
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

const { searchTokens: _t, searchText: _s, ...storedColumns } = getTableColumns(policies);

/** The policy (without its search columns) and its department's name; any operator. */
export async function findPolicy(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({ p: storedColumns, departmentName: departments.name })
    .from(policies)
    .leftJoin(departments, eq(departments.id, policies.departmentId))
    .where(eq(policies.id, id))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: policies }) : await q;
  return row ?? null;
}
export type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicy>>>['p'];

export function attachmentsOf(db: DbOrTx, policyId: string) {
  return db
    .select({ id: policyAttachments.id, filename: policyAttachments.filename, mime: policyAttachments.mime, size: policyAttachments.size, createdAt: policyAttachments.createdAt })
    .from(policyAttachments)
    .where(eq(policyAttachments.policyId, policyId))
    .orderBy(asc(policyAttachments.createdAt), asc(policyAttachments.id));
}

/** Tag cloud of published policies. */
export async function tagCounts(db: DbOrTx, operatorId: string | null) {
  return rowsOf<{ tag: string; count: number }>(db, sql`
    SELECT t.tag, count(*)::int AS count
      FROM ${policies} p, unnest(p.tags) AS t(tag)
     WHERE p.status = 'published' ${operatorId ? sql`AND p.operator_id = ${operatorId}` : sql``}
     GROUP BY t.tag
     ORDER BY count(*) DESC, t.tag
     LIMIT 200`);
}
