/**
 * Request metrics: the one implementation behind the API, the leadership cockpit and the reports.
 * Definitions (numerators, denominators, which clocks count) are in docs/metrics.md and
 * definitions.ts; this file is their SQL. Everything is aggregated in the database in one scan of
 * the period's requests (index service_requests_operator_received_idx), totals and groups together
 * through GROUPING SETS.
 */
import { channelLabels, requestKindLabels, requestKinds, channels, type Channel, type RequestKind } from '@yqt/contracts';
import { eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { shanghaiDayNumber, type WorkCalendar } from '../../core/work-calendar.js';
import { operatorSettings, serviceRequests as sr } from '../../db/schema/index.js';
import { OPEN_STATUSES } from '../requests/index.js';
import { calendarFor } from '../requests/index.js';
import { dayIndex, minutesBetweenPositions, position, shanghaiMinutes, workingTimeTable } from './working-time.sql.js';

export const metricsGroupBys = ['park', 'category', 'kind', 'channel', 'officer', 'department', 'month'] as const;
export type MetricsGroupBy = (typeof metricsGroupBys)[number];

/** Which requests: received in [from, to), plus optional equality filters. Scope comes separately. */
export type MetricsFilters = {
  from: Date;
  to: Date;
  parkId?: string;
  /** A category and all its descendants. */
  categoryId?: string;
  kind?: string;
  channel?: string;
  /** The responsible liaison officer (联络员). */
  liaisonId?: string;
  /** Requests transferred to this department (any transfer status). */
  departmentId?: string;
};

export type MetricsSettings = {
  /** operator_settings.basic_satisfied_counts: whether 基本满意 (3) counts as satisfied. */
  basicSatisfiedCounts: boolean;
  calendar: WorkCalendar;
};

/** x / y; rate is null when y = 0 (never 100% of nothing). */
export type Ratio = { numerator: number; denominator: number; rate: number | null };
/** An on-time rate: pending = clocks neither met nor breached yet (not due, or paused with time left). */
export type ClockRatio = Ratio & { pending: number };
/** Working minutes; null when no request has the end instant. */
export type Duration = { count: number; avgMinutes: number | null; p90Minutes: number | null };

export type RequestMetrics = {
  received: number;
  merged: number;
  accepted: number;
  resolved: number;
  closed: number;
  closedBy: { confirmed: number; rated: number; auto: number; rejected: number };
  open: number;
  overdue: number;
  ratings: { '1': number; '2': number; '3': number; '4': number; '5': number };
  acceptOnTime: ClockRatio;
  feedbackOnTime: ClockRatio;
  resolveOnTime: ClockRatio;
  closure: Ratio;
  satisfaction: Ratio;
  followUp: Ratio;
  reopen: Ratio;
  acceptTime: Duration;
  feedbackTime: Duration;
  resolveTime: Duration;
};

export type MetricsGroup = { key: string | null; label: string; metrics: RequestMetrics };
export type MetricsResult = { totals: RequestMetrics; groups?: MetricsGroup[] };

/** The operator's settings the metrics depend on. */
export async function metricsSettings(db: DbOrTx, operatorId: string): Promise<MetricsSettings> {
  const [s] = await db
    .select({ basicSatisfiedCounts: operatorSettings.basicSatisfiedCounts })
    .from(operatorSettings)
    .where(eq(operatorSettings.operatorId, operatorId));
  return { basicSatisfiedCounts: s?.basicSatisfiedCounts ?? true, calendar: await calendarFor(db, operatorId) };
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/**
 * One SLA clock as SQL, judged at `asOf`:
 * - done (the instant the clock stopped) not null → 'met' if done <= due, else 'late';
 * - breached: not done, due < asOf, and not paused — or paused only after the deadline had
 *   passed (a pause never un-breaches a clock; deadlines are moved past a pause when it ends) → 'late';
 * - otherwise 'pending' (excluded from the on-time denominator); NULL when the clock does not apply.
 */
function clock(done: SQL, due: SQL, asOf: Date, applies: SQL = sql`true`) {
  const breached = sql`(${done} IS NULL AND ${applies} AND ${due} < ${ts(asOf)} AND (${sr.pausedAt} IS NULL OR ${due} <= ${sr.pausedAt}))`;
  const state = sql`CASE WHEN NOT (${applies}) THEN NULL
      WHEN ${done} IS NOT NULL THEN CASE WHEN ${done} <= ${due} THEN 'met' ELSE 'late' END
      WHEN ${breached} THEN 'late' ELSE 'pending' END`;
  return { breached, state };
}

type Grouping = { key: SQL; label: SQL; sort: SQL; join: SQL };

function grouping(by: MetricsGroupBy | undefined): Grouping {
  const none: Grouping = { key: sql`NULL::text`, label: sql`NULL::text`, sort: sql`0`, join: sql`` };
  /** Grouped by a referenced row: its name is the label; `sortable` tables carry sort_order. */
  const joined = (table: string, fk: SQL, sortable = false): Grouping => ({
    key: sql`${fk}::text`,
    label: sql`g.name`,
    sort: sortable ? sql`g.sort_order` : sql`0`,
    join: sql`LEFT JOIN ${sql.raw(table)} AS g ON g.id = ${fk}`,
  });
  switch (by) {
    case undefined:
      return none;
    case 'park':
      return joined('parks', sql`${sr.parkId}`, true);
    case 'category':
      return joined('request_categories', sql`${sr.categoryId}`, true);
    case 'officer':
      return joined('staff', sql`${sr.liaisonId}`);
    case 'department':
      return joined('departments', sql`${sr.departmentId}`);
    case 'kind':
      return { ...none, key: sql`${sr.kind}` };
    case 'channel':
      return { ...none, key: sql`${sr.channel}` };
    case 'month':
      // The Shanghai calendar month of the received time.
      return { ...none, key: sql`to_char((${sr.receivedAt} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')` };
  }
}

function conditions(scope: SQL, f: MetricsFilters): SQL {
  const where: SQL[] = [scope, sql`${sr.receivedAt} >= ${ts(f.from)}`, sql`${sr.receivedAt} < ${ts(f.to)}`];
  if (f.parkId) where.push(sql`${sr.parkId} = ${f.parkId}`);
  if (f.categoryId) {
    where.push(sql`${sr.categoryId} IN (
      WITH RECURSIVE sub(id) AS (SELECT ${f.categoryId}::uuid UNION SELECT c.id FROM request_categories c JOIN sub ON c.parent_id = sub.id)
      SELECT id FROM sub)`);
  }
  if (f.kind) where.push(sql`${sr.kind} = ${f.kind}`);
  if (f.channel) where.push(sql`${sr.channel} = ${f.channel}`);
  if (f.liaisonId) where.push(sql`${sr.liaisonId} = ${f.liaisonId}`);
  if (f.departmentId) where.push(sql`${sr.departmentId} = ${f.departmentId}`);
  return sql.join(where, sql` AND `);
}

type Row = {
  is_total: boolean;
  gkey: string | null;
  glabel: string | null;
  gsort: number | null;
  received: number;
  merged: number;
  accepted: number;
  resolved: number;
  closed: number;
  closed_confirmed: number;
  closed_rated: number;
  closed_auto: number;
  closed_rejected: number;
  open: number;
  overdue: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  satisfied: number;
  followed_up: number;
  reopened: number;
  reopen_base: number;
} & Record<`${'accept' | 'feedback' | 'resolve'}_${'met' | 'late' | 'pending' | 'n' | 'avg' | 'p90'}`, number | null>;

/**
 * Computes the metrics of the requests visible through `scope` (e.g. `visibleRequests(actor)`)
 * that match `filters`, as of the instant `asOf` (normally ctx.now), with optional breakdown rows
 * of the same metrics. Rates are null when their denominator is 0.
 */
export async function requestMetrics(
  db: DbOrTx,
  scope: SQL,
  filters: MetricsFilters,
  asOf: Date,
  opts: { settings: MetricsSettings; groupBy?: MetricsGroupBy },
): Promise<MetricsResult> {
  const { groupBy } = opts;
  const rows = await rowsOf<Row>(db, metricsQuery(scope, filters, asOf, opts));
  // An aggregate without GROUP BY, and the () grouping set, yield exactly one row even over no input.
  const totals = toMetrics(rows.find((r) => r.is_total)!);
  if (!groupBy) return { totals };
  const groups = rows.filter((r) => !r.is_total).map((r) => ({ key: r.gkey, label: labelOf(groupBy, r), sort: Number(r.gsort ?? 0), metrics: toMetrics(r) }));
  groups.sort(orderFor(groupBy));
  return { totals, groups: groups.map(({ key, label, metrics }) => ({ key, label, metrics })) };
}

/** The one SQL statement behind `requestMetrics` (exported for EXPLAIN and benchmarks). */
export function metricsQuery(scope: SQL, filters: MetricsFilters, asOf: Date, opts: { settings: MetricsSettings; groupBy?: MetricsGroupBy }): SQL {
  const { settings, groupBy } = opts;
  const g = grouping(groupBy);
  // Every instant the query measures lies in [from, max(to, asOf)]; one spare day at each end.
  const fromDay = shanghaiDayNumber(filters.from) - 1;
  const toDay = shanghaiDayNumber(new Date(Math.max(filters.to.getTime(), asOf.getTime()))) + 1;
  const wt = workingTimeTable(settings.calendar, fromDay, toDay);

  const acceptDone = sql`COALESCE(${sr.acceptedAt}, ${sr.closedAt})`;
  const feedbackDone = sql`COALESCE(${sr.firstFeedbackAt}, ${sr.closedAt})`;
  const resolveApplies = sql`NOT (${sr.closedAt} IS NOT NULL AND ${sr.resolvedAt} IS NULL)`;
  const accept = clock(acceptDone, sql`${sr.acceptBy}`, asOf);
  const feedback = clock(feedbackDone, sql`${sr.feedbackBy}`, asOf);
  const resolve = clock(sql`${sr.resolvedAt}`, sql`${sr.resolveBy}`, asOf, resolveApplies);
  const received = sql`${sr.receivedAt}`;
  const threshold = settings.basicSatisfiedCounts ? 3 : 4;

  const n = (cond: string) => sql.raw(`count(*) FILTER (WHERE NOT merged AND (${cond}))::int`);
  const clockAggs = (c: 'accept' | 'feedback' | 'resolve') =>
    sql.raw(`count(*) FILTER (WHERE NOT merged AND ${c}_state = 'met')::int AS ${c}_met,
      count(*) FILTER (WHERE NOT merged AND ${c}_state = 'late')::int AS ${c}_late,
      count(*) FILTER (WHERE NOT merged AND ${c}_state = 'pending')::int AS ${c}_pending,
      count(${c}_wm) FILTER (WHERE NOT merged)::int AS ${c}_n,
      (avg(${c}_wm) FILTER (WHERE NOT merged))::float8 AS ${c}_avg,
      (percentile_cont(0.9) WITHIN GROUP (ORDER BY ${c}_wm) FILTER (WHERE NOT merged))::float8 AS ${c}_p90`);

  return sql`
    WITH base AS (
      SELECT b3.*,
        ${minutesBetweenPositions(sql`p0`, sql`p1`)} AS accept_wm,
        ${minutesBetweenPositions(sql`p0`, sql`p2`)} AS feedback_wm,
        ${minutesBetweenPositions(sql`p0`, sql`p3`)} AS resolve_wm
      FROM (
        SELECT b2.*, ${sql.join([0, 1, 2, 3].map((i) => sql`${position(sql.raw(`m${i}`), sql.raw(`k${i}`), wt)} AS ${sql.raw(`p${i}`)}`), sql`, `)}
        FROM (
          SELECT b1.*, ${sql.join([0, 1, 2, 3].map((i) => sql`${dayIndex(sql.raw(`m${i}`), wt)} AS ${sql.raw(`k${i}`)}`), sql`, `)}
          FROM (
            SELECT
              (${sr.closeReason} IS NOT DISTINCT FROM 'merged') AS merged,
              ${sr.status} IN (${list(OPEN_STATUSES)}) AS is_open,
              ${sr.acceptedAt} IS NOT NULL AS is_accepted,
              ${sr.resolvedAt} IS NOT NULL AS is_resolved,
              ${sr.closedAt} IS NOT NULL AS is_closed,
              ${sr.closeReason} AS close_reason,
              ${sr.rating} AS rating,
              ${sr.reopenCount} AS reopen_count,
              EXISTS (SELECT 1 FROM follow_ups f WHERE f.request_id = ${sr.id} AND f.at <= ${ts(asOf)}) AS has_follow_up,
              ${accept.state} AS accept_state,
              ${feedback.state} AS feedback_state,
              ${resolve.state} AS resolve_state,
              (${accept.breached} OR ${feedback.breached} OR ${resolve.breached}) AS breached,
              ${shanghaiMinutes(received)} AS m0,
              ${shanghaiMinutes(acceptDone)} AS m1,
              ${shanghaiMinutes(feedbackDone)} AS m2,
              ${shanghaiMinutes(sql`${sr.resolvedAt}`)} AS m3,
              ${g.key} AS gkey,
              ${g.label} AS glabel,
              ${g.sort} AS gsort
            FROM ${sr}
            ${g.join}
            WHERE ${conditions(scope, filters)}
            -- OFFSET 0 keeps each level a separate plan node, so every value is computed once per row
            -- (pulled-up subqueries would repeat the expressions wherever they are referenced).
            OFFSET 0
          ) AS b1
          OFFSET 0
        ) AS b2
        CROSS JOIN ${wt.source}
        OFFSET 0
      ) AS b3
    )
    SELECT
      ${groupBy ? sql`GROUPING(gkey) = 1` : sql`true`} AS is_total,
      ${groupBy ? sql`gkey, glabel, min(gsort)::int AS gsort` : sql`NULL::text AS gkey, NULL::text AS glabel, 0 AS gsort`},
      ${n('true')} AS received,
      count(*) FILTER (WHERE merged)::int AS merged,
      ${n('is_accepted')} AS accepted,
      ${n('is_resolved')} AS resolved,
      ${n('is_closed')} AS closed,
      ${n(`is_closed AND close_reason = 'confirmed'`)} AS closed_confirmed,
      ${n(`is_closed AND close_reason = 'rated'`)} AS closed_rated,
      ${n(`is_closed AND close_reason = 'auto'`)} AS closed_auto,
      ${n(`is_closed AND close_reason = 'rejected'`)} AS closed_rejected,
      ${n('is_open')} AS open,
      ${n('is_open AND breached')} AS overdue,
      ${n('rating = 1')} AS r1,
      ${n('rating = 2')} AS r2,
      ${n('rating = 3')} AS r3,
      ${n('rating = 4')} AS r4,
      ${n('rating = 5')} AS r5,
      count(*) FILTER (WHERE NOT merged AND rating >= ${threshold}::int)::int AS satisfied,
      ${n('is_closed AND has_follow_up')} AS followed_up,
      ${n('reopen_count > 0')} AS reopened,
      ${n('is_resolved OR is_closed OR reopen_count > 0')} AS reopen_base,
      ${clockAggs('accept')},
      ${clockAggs('feedback')},
      ${clockAggs('resolve')}
    FROM base
    ${groupBy ? sql`GROUP BY GROUPING SETS ((), (gkey, glabel))` : sql``}`;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const num = (x: number | string | null | undefined) => (x === null || x === undefined ? null : Number(x));

function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? round(numerator / denominator, 4) : null };
}

function clockRatio(r: Row, c: 'accept' | 'feedback' | 'resolve'): ClockRatio {
  const met = Number(r[`${c}_met`]);
  const late = Number(r[`${c}_late`]);
  return { ...ratio(met, met + late), pending: Number(r[`${c}_pending`]) };
}

function duration(r: Row, c: 'accept' | 'feedback' | 'resolve'): Duration {
  const count = Number(r[`${c}_n`]);
  const avg = num(r[`${c}_avg`]);
  const p90 = num(r[`${c}_p90`]);
  return { count, avgMinutes: count && avg !== null ? round(avg, 1) : null, p90Minutes: count && p90 !== null ? round(p90, 1) : null };
}

function toMetrics(r: Row): RequestMetrics {
  const i = (x: number | string) => Number(x);
  const received = i(r.received);
  const closed = i(r.closed);
  const rated = i(r.r1) + i(r.r2) + i(r.r3) + i(r.r4) + i(r.r5);
  return {
    received,
    merged: i(r.merged),
    accepted: i(r.accepted),
    resolved: i(r.resolved),
    closed,
    closedBy: { confirmed: i(r.closed_confirmed), rated: i(r.closed_rated), auto: i(r.closed_auto), rejected: i(r.closed_rejected) },
    open: i(r.open),
    overdue: i(r.overdue),
    ratings: { '1': i(r.r1), '2': i(r.r2), '3': i(r.r3), '4': i(r.r4), '5': i(r.r5) },
    acceptOnTime: clockRatio(r, 'accept'),
    feedbackOnTime: clockRatio(r, 'feedback'),
    resolveOnTime: clockRatio(r, 'resolve'),
    closure: ratio(closed, received),
    satisfaction: ratio(i(r.satisfied), rated),
    followUp: ratio(i(r.followed_up), closed),
    reopen: ratio(i(r.reopened), i(r.reopen_base)),
    acceptTime: duration(r, 'accept'),
    feedbackTime: duration(r, 'feedback'),
    resolveTime: duration(r, 'resolve'),
  };
}

const NULL_LABELS: Partial<Record<MetricsGroupBy, string>> = { officer: '未指定联络员', department: '未转办部门' };

function labelOf(by: MetricsGroupBy, r: Row): string {
  if (r.gkey === null) return NULL_LABELS[by] ?? '（空）';
  switch (by) {
    case 'kind':
      return requestKindLabels[r.gkey as RequestKind]?.zh ?? r.gkey;
    case 'channel':
      return channelLabels[r.gkey as Channel]?.zh ?? r.gkey;
    case 'month': {
      const [y, m] = r.gkey.split('-');
      return `${y}年${Number(m)}月`;
    }
    default:
      return r.glabel ?? r.gkey;
  }
}

type Sortable = { key: string | null; label: string; sort: number; metrics: RequestMetrics };

/** Months in time order; kinds and channels in their catalogue order; parks and categories by their sort order; people and departments by volume. Null keys last. */
function orderFor(by: MetricsGroupBy): (a: Sortable, b: Sortable) => number {
  const nullsLast = (a: Sortable, b: Sortable) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0);
  const byLabel = (a: Sortable, b: Sortable) => a.label.localeCompare(b.label, 'zh-CN');
  switch (by) {
    case 'month':
      return (a, b) => nullsLast(a, b) || (a.key ?? '').localeCompare(b.key ?? '');
    case 'kind':
      return (a, b) => nullsLast(a, b) || requestKinds.indexOf(a.key as RequestKind) - requestKinds.indexOf(b.key as RequestKind);
    case 'channel':
      return (a, b) => nullsLast(a, b) || channels.indexOf(a.key as Channel) - channels.indexOf(b.key as Channel);
    case 'park':
    case 'category':
      return (a, b) => nullsLast(a, b) || a.sort - b.sort || byLabel(a, b);
    default:
      return (a, b) => nullsLast(a, b) || b.metrics.received - a.metrics.received || byLabel(a, b);
  }
}
