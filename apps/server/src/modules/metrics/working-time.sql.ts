/**
 * Working minutes between two stored instants, computed inside PostgreSQL (both engines).
 *
 * Same rule as `workingMinutesBetween` in sla/sla-engine.ts: the overlap of [a, b) with
 * 08:30–17:30 Asia/Shanghai on the working days of the operator's calendar (statutory days off,
 * 调休补班 and administrator overrides). The calendar cannot be derived in SQL, so the caller
 * evaluates it in TypeScript for the days the query can touch and ships it as ONE int[] parameter:
 *
 *   cum[k] (1-based) = working minutes of all days from `fromDay` up to, not including, day fromDay + k − 1
 *
 * so day d is a working day iff cum[d−fromDay+2] > cum[d−fromDay+1]. An instant t on day d is at
 * "working-minute position" cum[d−fromDay+1] + minutes of [08:30, t) ∩ [08:30, 17:30) if d is a
 * working day, and wm(a, b) = pos(b) − pos(a) (≥ 0). Array subscripts on a constant int[] without
 * NULLs are O(1): no join, no per-row generate_series, and the row estimates stay honest (joins to
 * a CTE on a computed key inflated them enough to trigger JIT compilation, which cost more than the
 * query). An instant outside the array yields NULL and is left out of the averages, not guessed.
 *
 * Shanghai is UTC+8 without daylight saving (see core/work-calendar.ts): a fixed offset of
 * 28 800 s is exact, and the query does not depend on the server's time-zone database.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DAY_MS, SHANGHAI_OFFSET_MS, dateOfDayNumber, type WorkCalendar } from '../../core/work-calendar.js';
import { WORKDAY_END, WORKDAY_START } from '../sla/sla-engine.js';

const minuteOfDay = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const OPEN_MIN = minuteOfDay(WORKDAY_START); // 510
const CLOSE_MIN = minuteOfDay(WORKDAY_END); // 1050
const DAY_MIN = CLOSE_MIN - OPEN_MIN; // 540
const OFFSET_S = SHANGHAI_OFFSET_MS / 1000;
const DAY_S = DAY_MS / 1000;

/**
 * The working calendar of Shanghai days fromDay..toDay (inclusive) as the cumulative-minutes array.
 * `source` is a one-row derived table binding the array once (`FROM … CROSS JOIN ${source}`);
 * `cum` refers to it.
 */
export type WorkingTimeTable = { fromDay: number; source: SQL; cum: SQL };

export function workingTimeTable(cal: WorkCalendar, fromDay: number, toDay: number, alias = 'wt'): WorkingTimeTable {
  const cum = [0];
  for (let d = fromDay; d <= toDay; d++) cum.push(cum[cum.length - 1]! + (cal.isWorkday(dateOfDayNumber(d)) ? DAY_MIN : 0));
  return { fromDay, source: sql`(SELECT ${`{${cum.join(',')}}`}::int[] AS cum) AS ${sql.raw(alias)}`, cum: sql.raw(`${alias}.cum`) };
}

/** Minutes since 1970-01-01 00:00 Shanghai of an instant (fractional); NULL for NULL. */
export const shanghaiMinutes = (ts: SQL) => sql`((extract(epoch FROM ${ts})::float8 + ${sql.raw(String(OFFSET_S))}) / 60)`;

/** 1-based index into `cum` of the Shanghai day of `m` (a shanghaiMinutes value). */
export const dayIndex = (m: SQL, t: WorkingTimeTable) => sql`(floor(${m} / ${sql.raw(String(DAY_S / 60))})::int - ${sql.raw(String(t.fromDay - 1))})`;

/**
 * Working-minute position of the instant whose shanghaiMinutes is `m` and day index is `k`
 * (pass column references computed once: PostgreSQL does not share repeated subexpressions).
 * NULL when m is NULL or the day lies outside the table.
 */
export function position(m: SQL, k: SQL, t: WorkingTimeTable): SQL {
  const minuteInDay = sql`(${m} - (${k} + ${sql.raw(String(t.fromDay - 1))})::float8 * ${sql.raw(String(DAY_S / 60))})`;
  return sql`(${t.cum}[${k}] + CASE WHEN ${t.cum}[${k} + 1] > ${t.cum}[${k}]
      THEN LEAST(GREATEST(${minuteInDay} - ${sql.raw(String(OPEN_MIN))}, 0), ${sql.raw(String(DAY_MIN))}) ELSE 0 END)`;
}

/**
 * Working minutes in [a, b) from precomputed positions; never negative, NULL if either is NULL.
 * (Not GREATEST(pb − pa, 0): GREATEST ignores NULLs and would turn "not yet" into 0 minutes.)
 */
export const minutesBetweenPositions = (pa: SQL, pb: SQL) => sql`(CASE WHEN ${pb} >= ${pa} THEN ${pb} - ${pa} WHEN ${pb} < ${pa} THEN 0 END)`;

/** Working minutes in [a, b) straight from two instants (convenient; repeats subexpressions). */
export function workingMinutesSql(a: SQL, b: SQL, t: WorkingTimeTable): SQL {
  const ma = shanghaiMinutes(a);
  const mb = shanghaiMinutes(b);
  return minutesBetweenPositions(position(ma, dayIndex(ma, t), t), position(mb, dayIndex(mb, t), t));
}
