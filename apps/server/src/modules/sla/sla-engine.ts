/**
 * SLA time engine: pure functions from (instant, SLA targets, working calendar) to deadlines.
 * No database, no clock (`new Date()` without arguments is never used: callers pass `ctx.now`).
 *
 * Rules (issue #3, RULES.md §6):
 * - Working time is 08:30–17:30 Asia/Shanghai (fixed UTC+8, see core/work-calendar.ts) on
 *   working days of the calendar: 540 working minutes per day.
 * - Working time is the half-open interval [08:30, 17:30) for *starting* a clock: a request at
 *   08:30:00 starts at once; one at 17:30:00 or later (or on a day off, or before 08:30) starts
 *   at 08:30 of the next working day (08:30 the same day if it is a working day before 08:30).
 * - Exact-close rule: adding working time that ends exactly at 17:30 yields 17:30 of that day,
 *   never 08:30 of the next working day (16:30 + 60 min = 17:30).
 * - `natural` mode (e.g. utilities outages, 24×7): plain elapsed time, clock starts at submission.
 * - Minutes may be fractional; arithmetic is done in whole milliseconds (rounded).
 * - The three clocks (accept, first feedback, resolve) all run from the same start; each has a
 *   warning instant at `warnRatio` × its duration, in the same time mode.
 * - Paused time (awaiting_info) does not count: see `extendForPause`.
 */
import {
  DAY_MS,
  SHANGHAI_OFFSET_MS,
  dateOfDayNumber,
  shanghaiDayNumber,
  type WorkCalendar,
} from '../../core/work-calendar.js';

export type TimeMode = 'working' | 'natural';
export type SlaTargets = { acceptMinutes: number; feedbackMinutes: number; resolveMinutes: number; timeMode: TimeMode; warnRatio: number };
export type ClockKey = 'accept' | 'feedback' | 'resolve';

export const WORKDAY_START = '08:30';
export const WORKDAY_END = '17:30';
export const WORKING_MINUTES_PER_DAY = 540;

/** The default "1+1+2" policy: accept in 1 working hour, first feedback in 1 working day, resolve in 2 working days. */
export const DEFAULT_TARGETS: Readonly<SlaTargets> = Object.freeze({
  acceptMinutes: 60,
  feedbackMinutes: 540,
  resolveMinutes: 1080,
  timeMode: 'working',
  warnRatio: 0.8,
});

const MINUTE_MS = 60_000;
const toMinuteOfDay = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
/** Offsets within a Shanghai calendar day, in ms. */
const OPEN_MS = toMinuteOfDay(WORKDAY_START) * MINUTE_MS;
const CLOSE_MS = toMinuteOfDay(WORKDAY_END) * MINUTE_MS;
/** Safety net: more consecutive days off than this means a broken override table. */
const MAX_DAYS_OFF_IN_A_ROW = 366;

/** UTC ms of a Shanghai day's start (00:00 +08:00). */
const dayStartMs = (dayNum: number) => dayNum * DAY_MS - SHANGHAI_OFFSET_MS;
const isWorkdayNum = (cal: WorkCalendar, dayNum: number) => cal.isWorkday(dateOfDayNumber(dayNum));

function nextWorkdayNum(cal: WorkCalendar, afterDayNum: number): number {
  for (let n = afterDayNum + 1, i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; n++, i++) {
    if (isWorkdayNum(cal, n)) return n;
  }
  throw new RangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${dateOfDayNumber(afterDayNum)}`);
}

function toMs(minutes: number, what = 'minutes'): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`${what} must be a finite number >= 0, got ${minutes}`);
  return Math.round(minutes * MINUTE_MS);
}

function checkDate(d: Date, what: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${what} is an invalid Date`);
  return t;
}

/** true if `at` lies in working time, i.e. on a working day within [08:30, 17:30). */
export function isWorkingTime(at: Date, cal: WorkCalendar): boolean {
  const t = checkDate(at, 'at');
  const n = shanghaiDayNumber(at);
  const off = t - dayStartMs(n);
  return off >= OPEN_MS && off < CLOSE_MS && isWorkdayNum(cal, n);
}

/** When a working-time clock starts: `at` itself inside working time, else the next 08:30 of a working day. */
export function clockStart(at: Date, cal: WorkCalendar): Date {
  const t = checkDate(at, 'at');
  const n = shanghaiDayNumber(at);
  const off = t - dayStartMs(n);
  if (isWorkdayNum(cal, n)) {
    if (off < OPEN_MS) return new Date(dayStartMs(n) + OPEN_MS);
    if (off < CLOSE_MS) return new Date(t);
  }
  return new Date(dayStartMs(nextWorkdayNum(cal, n)) + OPEN_MS);
}

/**
 * `start` plus `minutes` of working time. Whole working days are consumed one calendar day per
 * step (no minute loops). Exact-close rule: a result exactly at 17:30 stays 17:30.
 * `minutes = 0` returns `start` unchanged (even outside working time).
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkCalendar): Date {
  checkDate(start, 'start');
  let remaining = toMs(minutes);
  if (remaining === 0) return new Date(start.getTime());
  let t = clockStart(start, cal).getTime();
  let n = shanghaiDayNumber(new Date(t));
  for (;;) {
    const available = dayStartMs(n) + CLOSE_MS - t;
    if (remaining <= available) return new Date(t + remaining);
    remaining -= available;
    n = nextWorkdayNum(cal, n);
    t = dayStartMs(n) + OPEN_MS;
  }
}

/** Working minutes in [a, b); 0 if b <= a. May be fractional when the instants carry seconds. */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkCalendar): number {
  const ta = checkDate(a, 'a');
  const tb = checkDate(b, 'b');
  if (tb <= ta) return 0;
  let total = 0;
  const last = shanghaiDayNumber(b);
  for (let n = shanghaiDayNumber(a); n <= last; n++) {
    const open = dayStartMs(n) + OPEN_MS;
    const close = dayStartMs(n) + CLOSE_MS;
    const from = Math.max(ta, open);
    const to = Math.min(tb, close);
    if (to > from && isWorkdayNum(cal, n)) total += to - from;
  }
  return total / MINUTE_MS;
}

/** Natural or working minutes in [a, b); 0 if b <= a. */
export function minutesBetween(a: Date, b: Date, mode: TimeMode, cal: WorkCalendar): number {
  if (mode === 'working') return workingMinutesBetween(a, b, cal);
  const d = checkDate(b, 'b') - checkDate(a, 'a');
  return d > 0 ? d / MINUTE_MS : 0;
}

/** `start` + `minutes` in the given mode. */
export function addTime(start: Date, minutes: number, mode: TimeMode, cal: WorkCalendar): Date {
  if (mode === 'working') return addWorkingMinutes(start, minutes, cal);
  return new Date(checkDate(start, 'start') + toMs(minutes));
}

export type Deadlines = {
  clockStartedAt: Date;
  acceptBy: Date;
  feedbackBy: Date;
  resolveBy: Date;
  acceptWarnAt: Date;
  feedbackWarnAt: Date;
  resolveWarnAt: Date;
  /**
   * Working mode only: true if any day between the clock start and the last deadline lies in a
   * year the calendar does not cover (Mon–Fri guess; STACK-NOTES trap 12) — flag it to the user.
   */
  calendarUncovered: boolean;
};

export function validateTargets(t: SlaTargets): void {
  toMs(t.acceptMinutes, 'acceptMinutes');
  toMs(t.feedbackMinutes, 'feedbackMinutes');
  toMs(t.resolveMinutes, 'resolveMinutes');
  if (t.timeMode !== 'working' && t.timeMode !== 'natural') throw new RangeError(`invalid timeMode: ${String(t.timeMode)}`);
  if (!Number.isFinite(t.warnRatio) || t.warnRatio <= 0 || t.warnRatio > 1) throw new RangeError(`warnRatio must be in (0, 1], got ${t.warnRatio}`);
}

/** True if every Shanghai year touched by [from, to] is covered by the calendar. */
export function calendarCovers(from: Date, to: Date, cal: WorkCalendar): boolean {
  const y1 = Number(dateOfDayNumber(shanghaiDayNumber(from)).slice(0, 4));
  const y2 = Number(dateOfDayNumber(shanghaiDayNumber(to)).slice(0, 4));
  for (let y = y1; y <= y2; y++) if (!cal.isCovered(`${y}-01-01`)) return false;
  return true;
}

/** The three clocks' deadlines and warning instants, all measured from the same clock start. */
export function computeDeadlines(startAt: Date, t: SlaTargets, cal: WorkCalendar): Deadlines {
  validateTargets(t);
  const mode = t.timeMode;
  const clockStartedAt = mode === 'working' ? clockStart(startAt, cal) : new Date(checkDate(startAt, 'startAt'));
  const at = (minutes: number) => addTime(clockStartedAt, minutes, mode, cal);
  const d = {
    clockStartedAt,
    acceptBy: at(t.acceptMinutes),
    feedbackBy: at(t.feedbackMinutes),
    resolveBy: at(t.resolveMinutes),
    acceptWarnAt: at(t.warnRatio * t.acceptMinutes),
    feedbackWarnAt: at(t.warnRatio * t.feedbackMinutes),
    resolveWarnAt: at(t.warnRatio * t.resolveMinutes),
  };
  const last = new Date(Math.max(d.acceptBy.getTime(), d.feedbackBy.getTime(), d.resolveBy.getTime()));
  return { ...d, calendarUncovered: mode === 'working' && !calendarCovers(clockStartedAt, last, cal) };
}

/**
 * Pushes one deadline (or warning instant) past a pause (status awaiting_info).
 *
 * Rule: the clock keeps the time it had left when the pause began and gets it back when the
 * pause ends:
 *   from      = max(pausedFrom, clockStartedAt)      (a pause before the clock started costs nothing)
 *   remaining = time in [from, deadline) in `mode`   (working minutes, or natural minutes)
 *   deadline' = addTime(pausedUntil, remaining, mode)
 * - If the deadline had already passed when the pause began (deadline <= from), the clock had
 *   breached: the deadline is returned unchanged — a pause never un-breaches a clock.
 * - If the pause is empty or lies entirely before the clock start (pausedUntil <= from), unchanged.
 * - Equivalently, the deadline moves by exactly the paused time counted in `mode` (e.g. a pause
 *   from 18:00 to 08:00 the next morning moves a working-time deadline by nothing).
 * Apply it to each clock still running, once per pause, in pause order.
 */
export function extendForPause(
  deadline: Date,
  pausedFrom: Date,
  pausedUntil: Date,
  mode: TimeMode,
  cal: WorkCalendar,
  clockStartedAt?: Date,
): Date {
  const tDeadline = checkDate(deadline, 'deadline');
  const tFrom = Math.max(checkDate(pausedFrom, 'pausedFrom'), clockStartedAt ? checkDate(clockStartedAt, 'clockStartedAt') : -Infinity);
  const tUntil = checkDate(pausedUntil, 'pausedUntil');
  if (tDeadline <= tFrom || tUntil <= tFrom) return new Date(tDeadline);
  const remaining = minutesBetween(new Date(tFrom), deadline, mode, cal);
  const extended = addTime(pausedUntil, remaining, mode, cal);
  // Never move a deadline earlier (possible only through ms rounding of fractional minutes).
  return extended.getTime() < tDeadline ? new Date(tDeadline) : extended;
}

const CLOCK_FIELDS: Record<ClockKey, readonly ['acceptBy' | 'feedbackBy' | 'resolveBy', 'acceptWarnAt' | 'feedbackWarnAt' | 'resolveWarnAt']> = {
  accept: ['acceptBy', 'acceptWarnAt'],
  feedback: ['feedbackBy', 'feedbackWarnAt'],
  resolve: ['resolveBy', 'resolveWarnAt'],
};

/** `extendForPause` applied to the deadline and warning instant of each listed (still running) clock. */
export function extendDeadlinesForPause(
  d: Deadlines,
  pausedFrom: Date,
  pausedUntil: Date,
  mode: TimeMode,
  cal: WorkCalendar,
  clocks: readonly ClockKey[] = ['accept', 'feedback', 'resolve'],
): Deadlines {
  const out: Deadlines = { ...d };
  for (const c of clocks) {
    for (const f of CLOCK_FIELDS[c]) out[f] = extendForPause(d[f], pausedFrom, pausedUntil, mode, cal, d.clockStartedAt);
  }
  if (mode === 'working' && !out.calendarUncovered) {
    const last = new Date(Math.max(out.acceptBy.getTime(), out.feedbackBy.getTime(), out.resolveBy.getTime()));
    out.calendarUncovered = !calendarCovers(out.clockStartedAt, last, cal);
  }
  return out;
}

/** ISO 8601 in Asia/Shanghai with explicit offset: '2026-11-25T09:30:00+08:00' (milliseconds only when non-zero). */
export function toShanghaiIso(d: Date): string {
  const t = checkDate(d, 'd');
  const iso = new Date(t + SHANGHAI_OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const ms = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}
