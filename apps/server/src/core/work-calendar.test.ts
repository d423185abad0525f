import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  createWorkCalendar,
  dateOfDayNumber,
  dayNumber,
  shanghaiDate,
  shanghaiInstant,
} from './work-calendar.js';

const cal = createWorkCalendar();

describe('work calendar — package data (RULES.md §6 tables)', () => {
  it('coverage is read from the package data: 2004–2026 for chinese-days 1.5.7', () => {
    expect(cal.coverage()).toEqual({ firstYear: 2004, lastYear: 2026 });
    expect(cal.isCovered('2004-01-01')).toBe(true);
    expect(cal.isCovered('2026-12-31')).toBe(true);
    expect(cal.isCovered('2003-12-31')).toBe(false);
    expect(cal.isCovered('2027-01-01')).toBe(false);
  });

  it('2026: 元旦 1/1–1/3 补班 1/4; 春节 2/15–2/23 补班 2/14, 2/28; 劳动节 5/1–5/5 补班 5/9; 国庆 10/1–10/7 补班 9/20, 10/10', () => {
    for (const d of ['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23', '2026-04-06', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-07']) {
      expect(cal.isWorkday(d), d).toBe(false);
    }
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-24', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-08', '2026-10-10']) {
      expect(cal.isWorkday(d), d).toBe(true);
    }
    expect(cal.dayName('2026-02-16')).toBe('春节');
    expect(cal.dayInfo('2026-02-14')).toEqual({ date: '2026-02-14', workday: true, kind: 'makeup', name: '春节', source: 'package', covered: true });
    expect(cal.dayInfo('2026-02-16')).toMatchObject({ workday: false, kind: 'holiday', name: '春节' });
  });

  it('2025: 春节 1/28–2/4 补班 1/26, 2/8; 劳动节 补班 4/27; 国庆+中秋 10/1–10/8 补班 9/28, 10/11', () => {
    for (const d of ['2025-01-01', '2025-01-28', '2025-02-04', '2025-05-05', '2025-06-02', '2025-10-01', '2025-10-06', '2025-10-08']) expect(cal.isWorkday(d), d).toBe(false);
    for (const d of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-09', '2025-10-11']) expect(cal.isWorkday(d), d).toBe(true);
    expect(cal.dayName('2025-10-06')).toBe('中秋');
    expect(cal.dayName('2025-10-02')).toBe('国庆节');
  });

  it('2024: 劳动节 5/1–5/5 补班 4/28, 5/11; 中秋 补班 9/14; 国庆 补班 9/29, 10/12', () => {
    for (const d of ['2024-05-01', '2024-05-03', '2024-05-05', '2024-02-10', '2024-02-17', '2024-06-10', '2024-09-16', '2024-10-07']) expect(cal.isWorkday(d), d).toBe(false);
    for (const d of ['2024-04-28', '2024-05-11', '2024-02-04', '2024-02-18', '2024-04-07', '2024-09-14', '2024-09-29', '2024-10-12']) expect(cal.isWorkday(d), d).toBe(true);
    expect(cal.isWorkday('2024-04-27')).toBe(false); // an ordinary Saturday
    expect(cal.dayInfo('2024-04-27')).toMatchObject({ kind: 'weekend', name: null });
    expect(cal.dayName('2024-05-11')).toBe('劳动节');
  });

  // The package API parses 'YYYY-MM-DD' in the process's local time zone and is wrong for
  // negative UTC offsets (273 days of 2024–2026 under TZ=America/Los_Angeles), which is why
  // the calendar reads the package's JSON data instead. Cross-check only where the API is sound.
  const localOffsetMin = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
  it.runIf(localOffsetMin <= 0)('agrees with the package API (chinese-days isWorkday) on every day of 2024–2026', () => {
    let mismatches = 0;
    for (let n = dayNumber('2024-01-01'); n <= dayNumber('2026-12-31'); n++) {
      const d = dateOfDayNumber(n);
      if (cal.isWorkday(d) !== chineseDays.isWorkday(d)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('does not depend on the process time zone', () => {
    const dates = ['2026-02-14', '2026-02-15', '2026-02-16', '2025-10-11', '2024-04-28', '2024-04-27'];
    const expected = [true, false, false, true, true, false];
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz; // Node re-reads TZ on assignment
        const fresh = createWorkCalendar();
        expect(dates.map((d) => fresh.isWorkday(d)), tz).toEqual(expected);
        expect(shanghaiDate(shanghaiInstant('2026-02-13', 20 * 60)), tz).toBe('2026-02-13');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('work calendar — overrides and uncovered years', () => {
  it('an override wins over the package: 2026-12-31 holiday, a Sunday workday, a package 补班 cancelled', () => {
    const c = createWorkCalendar([
      { date: '2026-12-31', kind: 'holiday', name: '园区停电检修' },
      { date: '2026-11-29', kind: 'workday' },
      { date: '2026-02-14', kind: 'holiday' },
    ]);
    expect(c.isWorkday('2026-12-31')).toBe(false);
    expect(c.dayInfo('2026-12-31')).toMatchObject({ kind: 'holiday', name: '园区停电检修', source: 'override' });
    expect(c.isWorkday('2026-11-29')).toBe(true);
    expect(c.dayInfo('2026-11-29')).toMatchObject({ kind: 'makeup', source: 'override', name: null });
    expect(c.isWorkday('2026-02-14')).toBe(false);
    expect(c.dayInfo('2026-02-14')).toMatchObject({ kind: 'weekend', name: null });
    // untouched dates still follow the package
    expect(c.isWorkday('2026-02-28')).toBe(true);
  });

  it('a year unknown to the package and without overrides is uncovered: Mon–Fri fallback, flagged', () => {
    expect(cal.isWorkday('2027-01-01')).toBe(true); // a Friday; really 元旦 — hence the flag
    expect(cal.dayInfo('2027-01-01')).toMatchObject({ workday: true, kind: 'workday', source: 'fallback', covered: false });
    expect(cal.isWorkday('2027-01-02')).toBe(false); // Saturday
    expect(cal.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', source: 'fallback', covered: false });
  });

  it('one override row in a year (the admin loaded next year\'s notice) makes that year covered', () => {
    const c = createWorkCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节' },
    ]);
    expect(c.isCovered('2027-06-01')).toBe(true);
    expect(c.isCovered('2028-01-03')).toBe(false);
    expect(c.isWorkday('2027-01-01')).toBe(false);
    expect(c.dayName('2027-01-01')).toBe('元旦');
    expect(c.dayInfo('2027-02-20')).toMatchObject({ workday: true, kind: 'makeup', name: '春节' });
    expect(c.dayInfo('2027-01-04')).toMatchObject({ workday: true, kind: 'workday', covered: true });
  });

  it('later duplicate rows win; invalid dates are rejected', () => {
    const c = createWorkCalendar([
      { date: '2026-11-25', kind: 'holiday' },
      { date: '2026-11-25', kind: 'workday' },
    ]);
    expect(c.isWorkday('2026-11-25')).toBe(true);
    expect(() => createWorkCalendar([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => cal.isWorkday('2026/01/01')).toThrow(RangeError);
    expect(() => cal.isCovered('2026-13-01')).toThrow(RangeError);
  });

  it('the cache returns the same answer on repeat lookups', () => {
    const a = cal.dayInfo('2025-10-03');
    expect(cal.dayInfo('2025-10-03')).toBe(a);
  });
});

describe('Asia/Shanghai helpers (fixed +08:00)', () => {
  it('maps instants to Shanghai dates across UTC midnight', () => {
    expect(shanghaiDate(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(shanghaiDate(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(shanghaiInstant('2026-02-13', 20 * 60).toISOString()).toBe('2026-02-13T12:00:00.000Z');
  });
});
