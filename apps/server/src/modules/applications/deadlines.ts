import type { ApplicationStatus, ApplicationStep } from '@yqt/contracts';
import { dateOfDayNumber, shanghaiDayNumber, shanghaiInstant, type WorkCalendar } from '../../core/work-calendar.js';

/**
 * Step deadlines, in working days of the statutory calendar (core/work-calendar.ts, with the
 * operator's overrides). A deadline of N working days falls at the end of office hours of the N-th
 * working day after the day the step began (a step that starts on Saturday counts from Monday).
 */
export const APPLICATION_DEADLINES = {
  /** 预审: the liaison officer checks completeness. */
  precheckWorkingDays: 3,
  /** 审核: the department decides. */
  reviewWorkingDays: 10,
  /** 兑现: the money is paid after approval. */
  disbursementWorkingDays: 20,
  /** 17:30 Asia/Shanghai, the end of office hours (same as the SLA engine's working day). */
  dueMinuteOfDay: 17 * 60 + 30,
} as const;

/** The step an application in this status waits for. */
export function stepOf(status: ApplicationStatus | string): ApplicationStep | null {
  switch (status) {
    case 'submitted':
      return 'precheck';
    case 'returned':
      return 'completion';
    case 'prechecked':
      return 'review';
    case 'approved':
      return 'disbursement';
    default:
      return null;
  }
}

const workingDaysOf: Partial<Record<ApplicationStep, number>> = {
  precheck: APPLICATION_DEADLINES.precheckWorkingDays,
  review: APPLICATION_DEADLINES.reviewWorkingDays,
  disbursement: APPLICATION_DEADLINES.disbursementWorkingDays,
};

/** The N-th working day after the Shanghai date of `at`, at the end of office hours. */
export function addWorkingDays(at: Date, n: number, cal: WorkCalendar): Date {
  let day = shanghaiDayNumber(at);
  for (let left = n; left > 0; ) {
    day++;
    if (cal.isWorkday(dateOfDayNumber(day))) left--;
  }
  return shanghaiInstant(dateOfDayNumber(day), APPLICATION_DEADLINES.dueMinuteOfDay);
}

/**
 * The deadline of the step an application enters at `at` with `status`. Null when nothing is owed
 * by the operator: finished, or back with the enterprise for completion.
 */
export function stepDueAt(status: ApplicationStatus, at: Date, cal: WorkCalendar): Date | null {
  const days = workingDaysOf[stepOf(status) ?? 'completion'];
  return days ? addWorkingDays(at, days, cal) : null;
}
