/**
 * Hand-computed cases. Every expected value below was worked out by hand from the published
 * 放假/补班 tables (RULES.md §6), with 08:30–17:30 working days of 540 minutes.
 */
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../core/work-calendar.js';
import {
  DEFAULT_TARGETS,
  WORKDAY_END,
  WORKDAY_START,
  WORKING_MINUTES_PER_DAY,
  addTime,
  addWorkingMinutes,
  clockStart,
  computeDeadlines,
  extendDeadlinesForPause,
  extendForPause,
  isWorkingTime,
  toShanghaiIso,
  workingMinutesBetween,
  type SlaTargets,
} from './sla-engine.js';

const cal = createWorkCalendar();
/** '2026-02-13 20:00' (Shanghai wall clock) → Date */
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Date → '2026-02-13 20:00' (Shanghai wall clock), to keep expectations readable */
const fmt = (d: Date) => toShanghaiIso(d).slice(0, 16).replace('T', ' ');
const add = (start: string, minutes: number, c = cal) => fmt(addWorkingMinutes(sh(start), minutes, c));
const between = (a: string, b: string, c = cal) => workingMinutesBetween(sh(a), sh(b), c);

describe('constants', () => {
  it('1+1+2 default policy and the working day', () => {
    expect(DEFAULT_TARGETS).toEqual({ acceptMinutes: 60, feedbackMinutes: 540, resolveMinutes: 1080, timeMode: 'working', warnRatio: 0.8 });
    expect([WORKDAY_START, WORKDAY_END, WORKING_MINUTES_PER_DAY]).toEqual(['08:30', '17:30', 540]);
  });
});

describe('clockStart', () => {
  it('inside working time the clock starts at submission; 08:30 is inside, 17:30 is not', () => {
    expect(fmt(clockStart(sh('2026-11-25 10:17'), cal))).toBe('2026-11-25 10:17');
    expect(fmt(clockStart(sh('2026-11-25 08:30'), cal))).toBe('2026-11-25 08:30');
    expect(fmt(clockStart(sh('2026-11-25 17:29'), cal))).toBe('2026-11-25 17:29');
    expect(fmt(clockStart(sh('2026-11-25 17:30'), cal))).toBe('2026-11-26 08:30');
    expect(isWorkingTime(sh('2026-11-25 17:30'), cal)).toBe(false);
    expect(isWorkingTime(sh('2026-11-25 08:30'), cal)).toBe(true);
  });

  it('before 08:30 on a working day → 08:30 the same day; evening → next working day 08:30', () => {
    expect(fmt(clockStart(sh('2026-11-25 06:10'), cal))).toBe('2026-11-25 08:30');
    expect(fmt(clockStart(sh('2026-11-25 00:00'), cal))).toBe('2026-11-25 08:30');
    expect(fmt(clockStart(sh('2026-11-25 23:59'), cal))).toBe('2026-11-26 08:30');
    expect(fmt(clockStart(sh('2026-11-27 18:00'), cal))).toBe('2026-11-30 08:30'); // Fri evening → Mon
    expect(fmt(clockStart(sh('2026-11-29 10:00'), cal))).toBe('2026-11-30 08:30'); // Sunday
  });

  it('Friday 20:00 before a Saturday make-up day starts at 08:30 that Saturday (2026-02-14 补班)', () => {
    expect(fmt(clockStart(sh('2026-02-13 20:00'), cal))).toBe('2026-02-14 08:30');
  });

  it('on a holiday the clock waits for the first working day after it', () => {
    expect(fmt(clockStart(sh('2026-02-18 11:00'), cal))).toBe('2026-02-24 08:30'); // 春节, Wednesday
    expect(fmt(clockStart(sh('2025-09-27 10:00'), cal))).toBe('2025-09-28 08:30'); // Sat off → Sun 补班
    expect(fmt(clockStart(sh('2025-10-01 09:00'), cal))).toBe('2025-10-09 08:30'); // 国庆+中秋 2025
  });
});

describe('addWorkingMinutes', () => {
  it('inside working hours, same day', () => {
    expect(add('2026-11-25 09:30', 60)).toBe('2026-11-25 10:30');
    expect(add('2026-11-25 08:30', 540)).toBe('2026-11-25 17:30');
  });

  it('17:00 + 60 min → next working day 09:00 (30 + 30)', () => {
    expect(add('2026-11-25 17:00', 60)).toBe('2026-11-26 09:00');
    expect(add('2026-11-27 17:00', 60)).toBe('2026-11-30 09:00'); // Friday → Monday
  });

  it('exact-close rule: ending exactly at 17:30 gives 17:30, not the next morning', () => {
    expect(add('2026-11-25 16:30', 60)).toBe('2026-11-25 17:30');
    expect(add('2026-11-27 16:30', 60)).toBe('2026-11-27 17:30'); // Friday, not Monday 08:30
    expect(add('2026-11-25 17:30', 540)).toBe('2026-11-26 17:30'); // started after close
    expect(add('2026-11-25 08:30', 1080)).toBe('2026-11-26 17:30');
  });

  it('1 working day from 09:00 → next working day 09:00', () => {
    expect(add('2026-11-25 09:00', 540)).toBe('2026-11-26 09:00');
    expect(add('2026-11-27 09:00', 540)).toBe('2026-11-30 09:00'); // over the weekend
  });

  it('2 working days across a weekend: Thu 10:00 + 1080 → Mon 10:00', () => {
    // Thu 450 (10:00–17:30) + Fri 540 = 990, 90 left → Mon 08:30 + 90
    expect(add('2026-11-26 10:00', 1080)).toBe('2026-11-30 10:00');
  });

  it('0 minutes returns the start unchanged; negative or non-finite minutes throw', () => {
    expect(add('2026-11-29 03:00', 0)).toBe('2026-11-29 03:00');
    expect(() => addWorkingMinutes(sh('2026-11-25 09:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(sh('2026-11-25 09:00'), Number.NaN, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(new Date(Number.NaN), 1, cal)).toThrow(RangeError);
  });

  it('keeps seconds and fractional minutes (ms precision)', () => {
    const d = addWorkingMinutes(new Date('2026-11-25T09:00:30+08:00'), 0.5, cal);
    expect(toShanghaiIso(d)).toBe('2026-11-25T09:01:00+08:00');
  });

  it('large values skip whole days: 2026-01-05 08:30 + 10 working days', () => {
    // 2026-01-05 Mon … 01-16 Fri: 10 working days, no holidays in between
    expect(add('2026-01-05 08:30', 10 * 540)).toBe('2026-01-16 17:30');
    expect(add('2026-01-05 08:30', 10 * 540 + 1)).toBe('2026-01-19 08:31');
  });
});

describe('春节 2026 (2/15–2/23 off, 补班 2/14 Sat and 2/28 Sat)', () => {
  it('Fri 2/13 20:00 under 1+1+2: starts Sat 2/14 08:30; feedback at its close; resolve after the holiday', () => {
    const d = computeDeadlines(sh('2026-02-13 20:00'), DEFAULT_TARGETS, cal);
    expect(fmt(d.clockStartedAt)).toBe('2026-02-14 08:30');
    expect(fmt(d.acceptBy)).toBe('2026-02-14 09:30');
    expect(fmt(d.feedbackBy)).toBe('2026-02-14 17:30'); // exact close
    expect(fmt(d.resolveBy)).toBe('2026-02-24 17:30'); // 2/15–2/23 off
    expect(fmt(d.acceptWarnAt)).toBe('2026-02-14 09:18'); // 48 min
    expect(fmt(d.feedbackWarnAt)).toBe('2026-02-14 15:42'); // 432 min = 7 h 12 min
    expect(fmt(d.resolveWarnAt)).toBe('2026-02-24 13:54'); // 864 = 540 + 324 (5 h 24 min)
    expect(d.calendarUncovered).toBe(false);
  });

  it('Fri 2/13 10:00: feedback Sat 2/14 10:00, resolve Tue 2/24 10:00', () => {
    // Fri 450 (10:00–17:30); +90 on Sat 2/14; resolve: 450 + 540 = 990, +90 on 2/24
    expect(add('2026-02-13 10:00', 540)).toBe('2026-02-14 10:00');
    expect(add('2026-02-13 10:00', 1080)).toBe('2026-02-24 10:00');
  });

  it('Fri 2/27 14:00 + 1080 uses Sat 2/28 补班: → Mon 3/2 14:00', () => {
    // Fri 210 + Sat 540 = 750; 330 left → Mon 08:30 + 5 h 30 min
    expect(add('2026-02-27 14:00', 1080)).toBe('2026-03-02 14:00');
  });

  it('working minutes across the holiday: Fri 2/13 08:30 → Wed 2/25 08:30 = Fri + Sat + Tue = 1620', () => {
    expect(between('2026-02-13 08:30', '2026-02-25 08:30')).toBe(1620);
    expect(between('2026-02-15 00:00', '2026-02-23 23:59')).toBe(0);
  });
});

describe('国庆 2025 (10/1–10/8 off, 补班 9/28 Sun and 10/11 Sat)', () => {
  it('Tue 9/30 16:00 under 1+1+2: accept 17:00; feedback and resolve after the 8-day holiday', () => {
    const d = computeDeadlines(sh('2025-09-30 16:00'), DEFAULT_TARGETS, cal);
    expect(fmt(d.acceptBy)).toBe('2025-09-30 17:00');
    // 90 on 9/30, 450 more from 10/9 08:30
    expect(fmt(d.feedbackBy)).toBe('2025-10-09 16:00');
    // 90 + 540 (10/9) = 630; 450 more on 10/10
    expect(fmt(d.resolveBy)).toBe('2025-10-10 16:00');
  });

  it('Fri 10/10 15:00 + 540 → Sat 10/11 (补班) 15:00', () => {
    expect(add('2025-10-10 15:00', 540)).toBe('2025-10-11 15:00');
  });

  it('Sat 9/27 (off) → clock starts on Sun 9/28 补班; 1 working day → 9/28 17:30', () => {
    const d = computeDeadlines(sh('2025-09-27 10:00'), DEFAULT_TARGETS, cal);
    expect(fmt(d.clockStartedAt)).toBe('2025-09-28 08:30');
    expect(fmt(d.feedbackBy)).toBe('2025-09-28 17:30');
    expect(fmt(d.resolveBy)).toBe('2025-09-29 17:30');
  });

  it('workingMinutesBetween across the holiday week: Tue 9/30 09:00 → Thu 10/9 10:00 = 510 + 90', () => {
    expect(between('2025-09-30 09:00', '2025-10-09 10:00')).toBe(600);
    // Sat 9/27 to Mon 9/29 09:00: Sat off, Sun 补班 full day, Mon 30 min
    expect(between('2025-09-27 00:00', '2025-09-29 09:00')).toBe(570);
  });
});

describe('劳动节 2024 (5/1–5/5 off, 补班 4/28 Sun and 5/11 Sat)', () => {
  it('Fri 4/26 20:00: Sat 4/27 is an ordinary day off, the clock starts Sun 4/28 08:30', () => {
    const d = computeDeadlines(sh('2024-04-26 20:00'), DEFAULT_TARGETS, cal);
    expect(fmt(d.clockStartedAt)).toBe('2024-04-28 08:30');
    expect(fmt(d.acceptBy)).toBe('2024-04-28 09:30');
    expect(fmt(d.resolveBy)).toBe('2024-04-29 17:30'); // Sun 补班 + Mon, exact close
  });

  it('Tue 4/30 09:00 + 1080 → Tue 5/7 09:00', () => {
    // 4/30: 510; 5/1–5/5 off; 5/6: 540 → 1050; 30 more on 5/7
    expect(add('2024-04-30 09:00', 1080)).toBe('2024-05-07 09:00');
  });

  it('Fri 5/10 13:00 + 540 → Sat 5/11 (补班) 13:00', () => {
    expect(add('2024-05-10 13:00', 540)).toBe('2024-05-11 13:00');
  });

  it('working minutes 4/26 08:30 → 5/8 08:30: Fri, Sun 4/28, Mon, Tue, Mon 5/6, Tue 5/7 = 6 days', () => {
    expect(between('2024-04-26 08:30', '2024-05-08 08:30')).toBe(6 * 540);
  });
});

describe('natural time (24×7, e.g. utilities outages)', () => {
  const outage: SlaTargets = { acceptMinutes: 30, feedbackMinutes: 120, resolveMinutes: 480, timeMode: 'natural', warnRatio: 0.8 };

  it('30 min at 03:00 on a Sunday = 03:30', () => {
    expect(fmt(addTime(sh('2026-11-29 03:00'), 30, 'natural', cal))).toBe('2026-11-29 03:30');
  });

  it('deadlines run through nights and holidays from the submission instant', () => {
    const d = computeDeadlines(sh('2026-02-16 23:00'), outage, cal); // 春节
    expect(fmt(d.clockStartedAt)).toBe('2026-02-16 23:00');
    expect(fmt(d.acceptBy)).toBe('2026-02-16 23:30');
    expect(fmt(d.feedbackBy)).toBe('2026-02-17 01:00');
    expect(fmt(d.resolveBy)).toBe('2026-02-17 07:00');
    expect(fmt(d.acceptWarnAt)).toBe('2026-02-16 23:24');
    expect(fmt(d.resolveWarnAt)).toBe('2026-02-17 05:24'); // 384 min
    expect(d.calendarUncovered).toBe(false);
  });

  it('in working mode the same policy would still wait for the holiday to end', () => {
    expect(fmt(addTime(sh('2026-02-16 23:00'), 30, 'working', cal))).toBe('2026-02-24 09:00');
  });

  it('natural time needs no calendar coverage', () => {
    expect(computeDeadlines(sh('2027-06-01 03:00'), outage, cal).calendarUncovered).toBe(false);
  });
});

describe('admin overrides', () => {
  it('2026-12-31 marked a holiday (and 2027 元旦 loaded) is skipped: Wed 12/30 17:00 + 60 → Mon 2027-01-04 09:00', () => {
    const c = createWorkCalendar([
      { date: '2026-12-31', kind: 'holiday', name: '年终盘点' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(add('2026-12-30 17:00', 60, c)).toBe('2027-01-04 09:00');
    expect(computeDeadlines(sh('2026-12-30 17:00'), DEFAULT_TARGETS, c).calendarUncovered).toBe(false);
  });

  it('2026-12-31 a holiday but 2027 not loaded: lands on the Mon–Fri guess for 2027-01-01 and is flagged', () => {
    const c = createWorkCalendar([{ date: '2026-12-31', kind: 'holiday' }]);
    expect(add('2026-12-30 17:00', 60, c)).toBe('2027-01-01 09:00');
    expect(computeDeadlines(sh('2026-12-30 17:00'), DEFAULT_TARGETS, c).calendarUncovered).toBe(true);
  });

  it('a Sunday marked a workday is used: Fri 11/27 17:00 + 60 → Sun 11/29 09:00', () => {
    const c = createWorkCalendar([{ date: '2026-11-29', kind: 'workday' }]);
    expect(add('2026-11-27 17:00', 60, c)).toBe('2026-11-29 09:00');
    expect(fmt(clockStart(sh('2026-11-28 12:00'), c))).toBe('2026-11-29 08:30');
  });

  it('cancelling the 2/14 补班 moves the Friday-evening start to 2/24', () => {
    const c = createWorkCalendar([{ date: '2026-02-14', kind: 'holiday' }]);
    expect(fmt(clockStart(sh('2026-02-13 20:00'), c))).toBe('2026-02-24 08:30');
  });
});

describe('uncovered years (STACK-NOTES trap 12)', () => {
  it('a 2027 date is flagged; the engine still answers with Mon–Fri', () => {
    expect(cal.isCovered('2027-03-01')).toBe(false);
    const d = computeDeadlines(sh('2027-03-01 09:00'), DEFAULT_TARGETS, cal); // a Monday
    expect(fmt(d.resolveBy)).toBe('2027-03-03 09:00');
    expect(d.calendarUncovered).toBe(true);
  });

  it('a 2026 request whose resolve deadline crosses into 2027 is flagged; one that does not is not', () => {
    // Thu 12/31 16:00: 90 + Fri 2027-01-01 (guess) 540 = 630; 450 → Mon 1/4 16:00
    const d = computeDeadlines(sh('2026-12-31 16:00'), DEFAULT_TARGETS, cal);
    expect(fmt(d.resolveBy)).toBe('2027-01-04 16:00');
    expect(d.calendarUncovered).toBe(true);
    expect(computeDeadlines(sh('2026-12-28 09:00'), DEFAULT_TARGETS, cal).calendarUncovered).toBe(false);
  });
});

describe('workingMinutesBetween', () => {
  it('0 when b <= a; counts only 08:30–17:30 on working days', () => {
    expect(between('2026-11-25 10:00', '2026-11-25 10:00')).toBe(0);
    expect(between('2026-11-25 11:00', '2026-11-25 10:00')).toBe(0);
    expect(between('2026-11-25 06:00', '2026-11-25 20:00')).toBe(540);
    expect(between('2026-11-25 17:30', '2026-11-26 08:30')).toBe(0);
    expect(between('2026-11-27 17:00', '2026-11-30 09:00')).toBe(60);
    expect(between('2026-11-28 00:00', '2026-11-29 23:59')).toBe(0);
  });

  it('is the inverse of addWorkingMinutes across holidays and make-up days', () => {
    const starts = ['2024-04-26 20:00', '2024-09-13 15:10', '2025-01-24 11:11', '2025-09-30 16:00', '2026-02-13 20:00', '2026-09-18 08:30', '2026-12-30 17:00'];
    for (const s of starts) {
      const start = clockStart(sh(s), cal);
      for (const m of [1, 59, 60, 540, 541, 1080, 2000, 5 * 540, 30 * 540 + 7]) {
        expect(workingMinutesBetween(start, addWorkingMinutes(start, m, cal), cal), `${s} + ${m}`).toBe(m);
      }
    }
  });
});

describe('extendForPause', () => {
  it('working: the deadline moves by the working time spent paused', () => {
    // resolve due Thu 11/26 17:30; paused Wed 14:00 → Thu 10:00 = 210 + 90 = 300 working minutes
    // remaining at pause = 210 + 540 = 750; Thu 10:00 + 750 → Thu 450, Fri 300 → Fri 13:30
    const out = extendForPause(sh('2026-11-26 17:30'), sh('2026-11-25 14:00'), sh('2026-11-26 10:00'), 'working', cal);
    expect(fmt(out)).toBe('2026-11-27 13:30');
  });

  it('a pause outside working time (evening to next morning) moves nothing, even at an exact close', () => {
    expect(fmt(extendForPause(sh('2026-11-26 17:30'), sh('2026-11-25 18:00'), sh('2026-11-26 08:00'), 'working', cal))).toBe('2026-11-26 17:30');
    expect(fmt(extendForPause(sh('2026-11-26 11:00'), sh('2026-11-27 19:00'), sh('2026-11-28 08:00'), 'working', cal))).toBe('2026-11-26 11:00');
  });

  it('a clock already breached when the pause starts is not extended', () => {
    expect(fmt(extendForPause(sh('2026-11-25 10:00'), sh('2026-11-25 11:00'), sh('2026-11-26 11:00'), 'working', cal))).toBe('2026-11-25 10:00');
    expect(fmt(extendForPause(sh('2026-11-25 10:00'), sh('2026-11-25 10:00'), sh('2026-11-25 12:00'), 'natural', cal))).toBe('2026-11-25 10:00');
  });

  it('a pause over 春节: remaining time is restored after the holiday', () => {
    // feedback due Sat 2/14 10:00 (from Fri 2/13 10:00); paused Fri 16:00 → Tue 2/24 09:00
    // remaining = Fri 90 + Sat 90 = 180 → 2/24 09:00 + 180 = 12:00
    expect(fmt(extendForPause(sh('2026-02-14 10:00'), sh('2026-02-13 16:00'), sh('2026-02-24 09:00'), 'working', cal))).toBe('2026-02-24 12:00');
  });

  it('a pause that runs past the deadline still restores the remaining time', () => {
    // due Wed 11:00, paused Wed 10:00 (60 left) until Fri 15:00 → Fri 16:00
    expect(fmt(extendForPause(sh('2026-11-25 11:00'), sh('2026-11-25 10:00'), sh('2026-11-27 15:00'), 'working', cal))).toBe('2026-11-27 16:00');
  });

  it('natural: the deadline moves by the elapsed pause', () => {
    expect(fmt(extendForPause(sh('2026-11-25 10:00'), sh('2026-11-25 09:00'), sh('2026-11-25 09:45'), 'natural', cal))).toBe('2026-11-25 10:45');
  });

  it('only the part of the pause after the clock start counts; an empty pause changes nothing', () => {
    const started = sh('2026-11-25 10:00');
    // natural clock 10:00 → 10:30; paused 09:50–10:10 → only 10 minutes count
    expect(fmt(extendForPause(sh('2026-11-25 10:30'), sh('2026-11-25 09:50'), sh('2026-11-25 10:10'), 'natural', cal, started))).toBe('2026-11-25 10:40');
    expect(fmt(extendForPause(sh('2026-11-25 10:30'), sh('2026-11-25 09:00'), sh('2026-11-25 09:30'), 'natural', cal, started))).toBe('2026-11-25 10:30');
    expect(fmt(extendForPause(sh('2026-11-25 10:30'), sh('2026-11-25 10:05'), sh('2026-11-25 10:05'), 'natural', cal, started))).toBe('2026-11-25 10:30');
  });

  it('extendDeadlinesForPause moves the running clocks and their warnings, not the stopped ones', () => {
    // Wed 11/25 09:00 under 1+1+2: accept 10:00, feedback Thu 09:00, resolve Fri 09:00
    const d = computeDeadlines(sh('2026-11-25 09:00'), DEFAULT_TARGETS, cal);
    expect([fmt(d.acceptBy), fmt(d.feedbackBy), fmt(d.resolveBy)]).toEqual(['2026-11-25 10:00', '2026-11-26 09:00', '2026-11-27 09:00']);
    // accepted at 09:40; awaiting_info 11:00 → 13:00 (120 working minutes)
    const e = extendDeadlinesForPause(d, sh('2026-11-25 11:00'), sh('2026-11-25 13:00'), 'working', cal, ['feedback', 'resolve']);
    expect(fmt(e.acceptBy)).toBe('2026-11-25 10:00');
    expect(fmt(e.feedbackBy)).toBe('2026-11-26 11:00');
    expect(fmt(e.resolveBy)).toBe('2026-11-27 11:00');
    // feedback warn was Wed 16:12 (432 min) → +120 = 78 to Wed 17:30, 42 more → Thu 09:12
    expect(fmt(d.feedbackWarnAt)).toBe('2026-11-25 16:12');
    expect(fmt(e.feedbackWarnAt)).toBe('2026-11-26 09:12');
    expect(e.clockStartedAt).toBe(d.clockStartedAt);
  });
});

describe('computeDeadlines validation', () => {
  it('rejects a bad warnRatio or negative minutes', () => {
    expect(() => computeDeadlines(sh('2026-11-25 09:00'), { ...DEFAULT_TARGETS, warnRatio: 0 }, cal)).toThrow(RangeError);
    expect(() => computeDeadlines(sh('2026-11-25 09:00'), { ...DEFAULT_TARGETS, warnRatio: 1.5 }, cal)).toThrow(RangeError);
    expect(() => computeDeadlines(sh('2026-11-25 09:00'), { ...DEFAULT_TARGETS, resolveMinutes: -5 }, cal)).toThrow(RangeError);
  });
});

describe('toShanghaiIso', () => {
  it('renders with +08:00, across UTC midnight, with milliseconds only when present', () => {
    expect(toShanghaiIso(new Date(Date.UTC(2026, 10, 25, 1, 30)))).toBe('2026-11-25T09:30:00+08:00');
    expect(toShanghaiIso(new Date('2026-11-24T20:00:00Z'))).toBe('2026-11-25T04:00:00+08:00');
    expect(toShanghaiIso(new Date('2026-11-25T01:30:00.250Z'))).toBe('2026-11-25T09:30:00.250+08:00');
    expect(new Date(toShanghaiIso(sh('2026-02-13 20:00'))).getTime()).toBe(sh('2026-02-13 20:00').getTime());
  });
});
