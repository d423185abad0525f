/**
 * China's statutory working-day calendar (RULES.md §6), behind one small interface.
 *
 * Sources, in order of precedence for a date:
 *   1. the administrator-editable override table (`CalendarOverride[]`, e.g. next year's
 *      State Council notice loaded in November before a package release knows it);
 *   2. the data compiled into the `chinese-days` package (holidays 2004–2026 in 1.5.7):
 *      statutory days off, and 调休补班 weekend days that become working days;
 *   3. plain Monday–Friday.
 *
 * STACK-NOTES trap 12: calendar packages answer "workday" for years they do not know.
 * A year is therefore *covered* only if the package has data for it or the override table
 * has at least one row in that year. For an uncovered year `isWorkday` still answers (with
 * the Monday–Friday fallback) but `dayInfo(date).covered === false` / `isCovered(date) === false`
 * so callers can flag deadlines that rest on a guess.
 *
 * Time zone: all dates are calendar dates in Asia/Shanghai. China has used UTC+8 without
 * daylight saving since 1991, so this module (and the SLA engine) converts instants with a
 * fixed +08:00 offset instead of a tz database; nothing depends on the process's TZ.
 */
import { createRequire } from 'node:module';

export type CalendarOverride = { date: string /* YYYY-MM-DD in Asia/Shanghai */; kind: 'workday' | 'holiday'; name?: string | null };

/**
 * - `workday`: an ordinary Monday–Friday working day
 * - `weekend`: an ordinary Saturday/Sunday off
 * - `holiday`: a statutory day off (or one set by an override) that falls on any weekday
 * - `makeup`: a weekend day that is a working day (调休补班), from the package or an override
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
export type DaySource = 'override' | 'package' | 'fallback';

export type DayInfo = {
  date: string;
  workday: boolean;
  kind: DayKind;
  /** Chinese holiday name for days off and make-up days (e.g. '春节'), else null. */
  name: string | null;
  source: DaySource;
  /** false when the year is known neither to the package nor to the override table. */
  covered: boolean;
};

export interface WorkCalendar {
  isWorkday(date: string): boolean;
  /** Holiday name ('春节', '国庆节'…; for a 补班 day the name of the holiday it belongs to), or null. */
  dayName(date: string): string | null;
  dayInfo(date: string): DayInfo;
  /** Years the package has holiday data for. */
  coverage(): { firstYear: number; lastYear: number };
  /** true if the date's year is covered by the package or by at least one override row. */
  isCovered(date: string): boolean;
}

// ---------------------------------------------------------------- Asia/Shanghai helpers

/** Asia/Shanghai is UTC+8 all year (no DST since 1991): a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date; throws RangeError on malformed or impossible dates. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`invalid date (expected YYYY-MM-DD): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`invalid date: ${date}`);
  }
  return ms / DAY_MS;
}

/** Inverse of `dayNumber`. */
export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Shanghai calendar day number of an instant. */
export function shanghaiDayNumber(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return dateOfDayNumber(shanghaiDayNumber(at));
}

/** The instant of a Shanghai wall-clock time: `shanghaiInstant('2026-02-13', 20 * 60)` = 2026-02-13 20:00 +08:00. */
export function shanghaiInstant(date: string, minuteOfDay = 0): Date {
  return new Date(dayNumber(date) * DAY_MS + minuteOfDay * 60_000 - SHANGHAI_OFFSET_MS);
}

// ---------------------------------------------------------------- package data

type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * The package's compiled data (`dist/chinese-days.json`, the same tables its `isWorkday` uses).
 * Read directly rather than through the package API because the API parses dates in the
 * process's local time zone (its `getDayDetail` reports the previous day under TZ=America/*).
 */
function loadPackageData(): PackageData {
  const require = createRequire(import.meta.url);
  const raw = require('chinese-days/dist/chinese-days.json') as Partial<PackageData>;
  if (!raw || typeof raw.holidays !== 'object' || typeof raw.workdays !== 'object') {
    throw new Error('chinese-days: unexpected data format in dist/chinese-days.json');
  }
  return { holidays: raw.holidays, workdays: raw.workdays };
}

let packageData: (PackageData & { firstYear: number; lastYear: number }) | null = null;

function pkg() {
  if (!packageData) {
    const data = loadPackageData();
    const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
    if (years.length === 0) throw new Error('chinese-days: no holiday data');
    packageData = { ...data, firstYear: Math.min(...years), lastYear: Math.max(...years) };
  }
  return packageData;
}

/** 'Spring Festival,春节,4' → '春节' (the package's "english,chinese,days" format). */
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

const isWeekend = (dayNum: number) => {
  const dow = (dayNum + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return dow === 0 || dow === 6;
};

// ---------------------------------------------------------------- calendar

/**
 * Builds a calendar from the override table. Overrides are validated (RangeError on a bad date);
 * when a date appears twice the later row wins. Results are cached per date for the life of
 * the calendar — build a new calendar when the override table changes.
 */
export function createWorkCalendar(overrides: CalendarOverride[] = []): WorkCalendar {
  const data = pkg();
  const byDate = new Map<string, CalendarOverride>();
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    dayNumber(o.date);
    if (o.kind !== 'workday' && o.kind !== 'holiday') throw new RangeError(`invalid override kind for ${o.date}: ${String(o.kind)}`);
    byDate.set(o.date, o);
    overrideYears.add(Number(o.date.slice(0, 4)));
  }
  const cache = new Map<string, DayInfo>();

  const yearCovered = (year: number) => (year >= data.firstYear && year <= data.lastYear) || overrideYears.has(year);

  function dayInfo(date: string): DayInfo {
    const hit = cache.get(date);
    if (hit) return hit;
    const n = dayNumber(date);
    const weekend = isWeekend(n);
    const covered = yearCovered(Number(date.slice(0, 4)));
    let info: DayInfo;
    const o = byDate.get(date);
    const pkgHoliday = data.holidays[date];
    const pkgWorkday = data.workdays[date];
    if (o) {
      const workday = o.kind === 'workday';
      const samePkg = workday ? pkgWorkday : pkgHoliday; // keep the package's name if it agrees
      const name = o.name?.trim() || (samePkg !== undefined ? chineseName(samePkg) : null);
      const kind: DayKind = workday ? (weekend ? 'makeup' : 'workday') : weekend && !name ? 'weekend' : 'holiday';
      info = { date, workday, kind, name, source: 'override', covered };
    } else if (pkgHoliday !== undefined) {
      info = { date, workday: false, kind: 'holiday', name: chineseName(pkgHoliday), source: 'package', covered };
    } else if (pkgWorkday !== undefined) {
      info = { date, workday: true, kind: weekend ? 'makeup' : 'workday', name: chineseName(pkgWorkday), source: 'package', covered };
    } else {
      info = { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', name: null, source: covered ? 'package' : 'fallback', covered };
    }
    if (cache.size > 20_000) cache.clear(); // bound memory for long-lived calendars
    cache.set(date, info);
    return info;
  }

  return {
    dayInfo,
    isWorkday: (date) => dayInfo(date).workday,
    dayName: (date) => dayInfo(date).name,
    coverage: () => ({ firstYear: data.firstYear, lastYear: data.lastYear }),
    isCovered: (date) => {
      dayNumber(date);
      return yearCovered(Number(date.slice(0, 4)));
    },
  };
}
