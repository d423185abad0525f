/**
 * Working minutes between two stored instants, computed inside PostgreSQL (both engines).
 *
 * Same rule as `workingMinutesBetween` in sla/sla-engine.ts: the overlap of [a, b) with
 * 08:30–17:30 Asia/Shanghai on the working days of the operator's calendar (statutory days off,
 * 调休补班 and administrator overrides). The calendar cannot be derived in SQL, so the caller
 * evaluates it in TypeScript for the days the query can touch and ships it as one bit string
 * ('1' = working day), from which a small CTE is built:
 *
 *   cal(day, work, cum)   day = days since 1970-01-01 in Shanghai, cum = working minutes of all
 *                         days of the table before `day` (a running sum).
 *
 * An instant t on day d is then at "working-minute position" cum(d) + minutes of [08:30, t) ∩
 * [08:30, 17:30) if d is a working day, and wm(a, b) = pos(b) − pos(a) (≥ 0). That is one hash
 * join per instant instead of a generate_series per row, so the cost stays linear in the rows.
 * An instant outside the table (which the caller sizes to cover the period up to asOf) joins to
 * nothing and yields NULL: it is left out of the averages rather than guessed.
 *
 * Shanghai is UTC+8 without daylight saving (see core/work-calendar.ts): a fixed offset of
 * 28 800 s is exact, and the query does not depend on the server's time-zone database.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DAY_MS, SHANGHAI_OFFSET_MS, dateOfDayNumber, shanghaiDayNumber, type WorkCalendar } from '../../core/work-calendar.js';
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

/** The range of Shanghai day numbers a calendar table must cover so every instant in [from, to] finds its day. */
export function dayRange(from: Date, to: Date): { fromDay: number; toDay: number } {
  return { fromDay: shanghaiDayNumber(from), toDay: shanghaiDayNumber(to) };
}

/** The body of the `cal(day, work, cum)` CTE for Shanghai days fromDay..toDay (inclusive). */
export function calendarTable(cal: WorkCalendar, fromDay: number, toDay: number): SQL {
  let bits = '';
  for (let d = fromDay; d <= toDay; d++) bits += cal.isWorkday(dateOfDayNumber(d)) ? '1' : '0';
  if (!bits) bits = '0';
  return sql`SELECT d.day, d.work,
      COALESCE(SUM(CASE WHEN d.work THEN ${sql.raw(String(DAY_MIN))} ELSE 0 END)
        OVER (ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::float8 AS cum
    FROM (SELECT (${fromDay}::int + i - 1) AS day, substr(${bits}::text, i, 1) = '1' AS work
          FROM generate_series(1, ${bits.length}::int) AS i) AS d`;
}

const epoch = (ts: SQL) => sql`extract(epoch FROM ${ts})::float8`;

/** Shanghai day number of an instant (the join key into `cal`). */
export const dayOf = (ts: SQL) => sql`floor((${epoch(ts)} + ${sql.raw(String(OFFSET_S))}) / ${sql.raw(String(DAY_S))})::int`;

/** Working-minute position of `ts`, given the alias of its joined `cal` row; NULL when ts or the row is missing. */
export function positionOf(ts: SQL, alias: string): SQL {
  const a = sql.raw(alias);
  const minuteInDay = sql`((${epoch(ts)} + ${sql.raw(String(OFFSET_S))} - ${a}.day::float8 * ${sql.raw(String(DAY_S))}) / 60)`;
  return sql`(${a}.cum + CASE WHEN ${a}.work
      THEN LEAST(GREATEST(${minuteInDay} - ${sql.raw(String(OPEN_MIN))}, 0), ${sql.raw(String(DAY_MIN))}) ELSE 0 END)`;
}

/** Working minutes in [a, b) (NULL if b is NULL or outside the table); never negative. */
export function workingMinutesSql(a: SQL, aliasA: string, b: SQL, aliasB: string): SQL {
  return sql`CASE WHEN ${b} IS NULL THEN NULL ELSE GREATEST(${positionOf(b, aliasB)} - ${positionOf(a, aliasA)}, 0) END`;
}
