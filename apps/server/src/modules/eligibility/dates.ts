/** Calendar arithmetic on ISO dates (YYYY-MM-DD), for years-since conditions. Pure. */

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `date` + `years`. Whole years keep month and day (29 February becomes 28 February in a common
 * year, the usual anniversary rule); a fractional part adds round(fraction × 365.25) days.
 */
export function addYears(date: string, years: number): string {
  const whole = Math.floor(years);
  const y = Number(date.slice(0, 4)) + whole;
  const m = Number(date.slice(5, 7));
  let d = Number(date.slice(8, 10));
  if (m === 2 && d === 29 && !isLeap(y)) d = 28;
  const base = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  const days = Math.round((years - whole) * 365.25);
  if (!days) return base;
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Completed years from `from` to `to` (anniversaries passed); 0 when `to` is before the first one. */
export function fullYearsBetween(from: string, to: string): number {
  let n = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (n > 0 && addYears(from, n) > to) n--;
  return Math.max(0, n);
}
