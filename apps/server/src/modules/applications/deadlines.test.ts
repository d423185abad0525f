import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../core/work-calendar.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { addWorkingDays, APPLICATION_DEADLINES, stepDueAt, stepOf } from './deadlines.js';

const cal = createWorkCalendar();
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const due = (d: Date | null) => (d ? toShanghaiIso(d) : null);

describe('step deadlines in working days', () => {
  it('states its numbers in one place', () => {
    expect(APPLICATION_DEADLINES).toMatchObject({ precheckWorkingDays: 3, reviewWorkingDays: 10, disbursementWorkingDays: 20 });
  });

  it('counts from the next day and ends at 17:30 of the N-th working day', () => {
    // Wed 2026-11-25 → Thu 26, Fri 27, Mon 30.
    expect(due(addWorkingDays(at('2026-11-25T09:00:00'), 3, cal))).toBe('2026-11-30T17:30:00+08:00');
    // Submitted late on Friday evening: the same three days as a Friday morning.
    expect(due(addWorkingDays(at('2026-11-27T23:59:00'), 3, cal))).toBe('2026-12-02T17:30:00+08:00');
    // On a Saturday: Monday is the first working day.
    expect(due(addWorkingDays(at('2026-11-28T10:00:00'), 1, cal))).toBe('2026-11-30T17:30:00+08:00');
  });

  it('skips the National Day holiday and counts the make-up Saturday (2026: Oct 1–7 off, Sat Oct 10 worked)', () => {
    // Wed 2026-09-30 → Thu Oct 8, Fri Oct 9, Sat Oct 10 (补班).
    expect(due(addWorkingDays(at('2026-09-30T16:00:00'), 3, cal))).toBe('2026-10-10T17:30:00+08:00');
  });

  it('a calendar override (an extra day off) moves the deadline', () => {
    const withOverride = createWorkCalendar([{ date: '2026-11-27', kind: 'holiday', name: '园区停电检修' }]);
    expect(due(addWorkingDays(at('2026-11-25T09:00:00'), 3, withOverride))).toBe('2026-12-01T17:30:00+08:00');
  });

  it('review takes 10 and disbursement 20 working days; returned and finished applications owe no step', () => {
    expect(due(stepDueAt('prechecked', at('2026-11-26T10:00:00'), cal))).toBe('2026-12-10T17:30:00+08:00');
    expect(due(stepDueAt('approved', at('2026-12-01T10:00:00'), cal))).toBe('2026-12-29T17:30:00+08:00');
    for (const s of ['returned', 'rejected', 'disbursed', 'withdrawn'] as const) expect(stepDueAt(s, at('2026-12-01T10:00:00'), cal)).toBeNull();
    expect(stepOf('returned')).toBe('completion');
    expect(stepOf('disbursed')).toBeNull();
  });
});
