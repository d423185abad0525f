/**
 * Time helpers for the demo request history that the SLA engine does not offer: stepping
 * *back* in working time (to place today's open requests relative to `now`).
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, dateOfDayNumber, shanghaiDayNumber, type WorkCalendar } from '../core/work-calendar.js';
import { WORKDAY_END, WORKDAY_START } from '../modules/sla/sla-engine.js';

const minuteOfDay = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const OPEN_MS = minuteOfDay(WORKDAY_START) * 60_000;
const CLOSE_MS = minuteOfDay(WORKDAY_END) * 60_000;
const dayStartMs = (n: number) => n * DAY_MS - SHANGHAI_OFFSET_MS;

/**
 * The instant `minutes` of working time before `at` (inverse of addWorkingMinutes for instants
 * inside working time): workingMinutesBetween(result, at) === minutes.
 */
export function subtractWorkingMinutes(at: Date, minutes: number, cal: WorkCalendar): Date {
  let remaining = Math.round(minutes * 60_000);
  let n = shanghaiDayNumber(at);
  let cursor = at.getTime();
  for (let guard = 0; guard < 3660; guard++) {
    if (cal.isWorkday(dateOfDayNumber(n))) {
      const open = dayStartMs(n) + OPEN_MS;
      const end = Math.min(cursor, dayStartMs(n) + CLOSE_MS);
      if (end > open) {
        if (remaining <= end - open) return new Date(end - remaining);
        remaining -= end - open;
      }
    }
    n--;
    cursor = dayStartMs(n) + DAY_MS;
  }
  throw new RangeError('subtractWorkingMinutes: no working time found');
}
