import type { ApplicationStats, ApplicationStatsQuery, ApplicationStatsRow } from '@yqt/contracts';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { enterprises, parks, policies, policyApplications } from '../../db/schema/index.js';
import { filterConditions } from './applications.repo.js';

const pa = policyApplications;
const APPROVED = sql`${pa.status} IN ('approved', 'disbursed')`;

/** What a row is keyed, labelled and ordered by, per grouping (month = Asia/Shanghai calendar month of submission). */
function grouping(groupBy: ApplicationStatsQuery['groupBy']): { key: SQL; label: SQL; sort: SQL } {
  switch (groupBy) {
    case 'policy':
      return { key: sql`${policies.id}::text`, label: sql`${policies.title}`, sort: sql`${policies.title}` };
    case 'park':
      return { key: sql`${parks.id}::text`, label: sql`${parks.name}`, sort: sql`${parks.sortOrder}` };
    case 'month': {
      const month = sql`to_char(${pa.submittedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
      return { key: month, label: month, sort: month };
    }
  }
}

export function checkPeriod(q: { from?: string | undefined; to?: string | undefined }) {
  if (q.from && q.to && q.from > q.to) throw invalid('to', '结束日期不能早于开始日期');
}

/**
 * Applications submitted in the period (Shanghai days, both inclusive), in the caller's scope (park
 * managers: their parks; department handlers: their department's policies), grouped — and the totals —
 * in ONE aggregate (GROUPING SETS) over the operator/park submission-time indexes.
 */
export async function applicationStats(ctx: Ctx, q: ApplicationStatsQuery): Promise<ApplicationStats> {
  checkPeriod(q);
  const g = grouping(q.groupBy);
  const where = and(...filterConditions(ctx.actor, { from: q.from, to: q.to, policyId: q.policyId, parkId: q.parkId }));
  const rows = await ctx.db
    .select({
      isTotal: sql<number>`GROUPING(${g.key})`.mapWith(Number),
      key: sql<string | null>`${g.key}`,
      label: sql<string | null>`${g.label}`,
      applications: sql<number>`count(*)`.mapWith(Number),
      pending: sql<number>`count(*) FILTER (WHERE ${pa.status} IN ('submitted', 'returned', 'prechecked'))`.mapWith(Number),
      approved: sql<number>`count(*) FILTER (WHERE ${APPROVED})`.mapWith(Number),
      rejected: sql<number>`count(*) FILTER (WHERE ${pa.status} = 'rejected')`.mapWith(Number),
      withdrawn: sql<number>`count(*) FILTER (WHERE ${pa.status} = 'withdrawn')`.mapWith(Number),
      disbursed: sql<number>`count(*) FILTER (WHERE ${pa.status} = 'disbursed')`.mapWith(Number),
      approvedAmountWan: sql<number>`coalesce(sum(${pa.approvedAmountWan}) FILTER (WHERE ${APPROVED}), 0)`.mapWith(Number),
      disbursedAmountWan: sql<number>`coalesce(sum(${pa.disbursedAmountWan}) FILTER (WHERE ${pa.status} = 'disbursed'), 0)`.mapWith(Number),
    })
    .from(pa)
    .innerJoin(enterprises, eq(enterprises.id, pa.enterpriseId))
    .innerJoin(policies, eq(policies.id, pa.policyId))
    .innerJoin(parks, eq(parks.id, pa.parkId))
    .where(where)
    .groupBy(sql`GROUPING SETS ((${g.key}, ${g.label}, ${g.sort}), ())`)
    .orderBy(asc(sql`GROUPING(${g.key})`), q.groupBy === 'policy' ? desc(sql`count(*)`) : asc(g.sort), asc(g.label));

  const shape = (r: (typeof rows)[number]): Omit<ApplicationStatsRow, 'key' | 'label'> => {
    const decided = r.approved + r.rejected;
    return {
      applications: r.applications,
      pending: r.pending,
      decided,
      approved: r.approved,
      rejected: r.rejected,
      withdrawn: r.withdrawn,
      disbursed: r.disbursed,
      approvalRate: decided ? Math.round((r.approved / decided) * 10_000) / 10_000 : null,
      approvedAmountWan: Math.round(r.approvedAmountWan * 100) / 100,
      disbursedAmountWan: Math.round(r.disbursedAmountWan * 100) / 100,
    };
  };
  const total = rows.find((r) => r.isTotal === 1);
  const empty = { applications: 0, pending: 0, decided: 0, approved: 0, rejected: 0, withdrawn: 0, disbursed: 0, approvalRate: null, approvedAmountWan: 0, disbursedAmountWan: 0 };
  return {
    groupBy: q.groupBy,
    from: q.from ?? null,
    to: q.to ?? null,
    rows: rows.filter((r) => r.isTotal === 0).map((r) => ({ key: r.key ?? '', label: r.label ?? '', ...shape(r) })),
    totals: total ? shape(total) : empty,
  };
}
