import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, optText, text } from './common.js';
import { Priority } from './requests.js';

export const TimeMode = z.enum(['working', 'natural']);
const minutes = z.number().int().min(1, '至少1分钟').max(60 * 24 * 365, '时限过长');

/** An SLA policy; editing one creates a new version (requests keep the version they started under). */
export const SlaPolicyInput = z
  .strictObject({
    name: text(50),
    categoryId: Id.nullish(),
    priority: Priority.nullish(),
    forKeyIssue: z.boolean().default(false),
    timeMode: TimeMode,
    acceptMinutes: minutes,
    feedbackMinutes: minutes,
    resolveMinutes: minutes,
    warnRatio: z.number().gt(0).max(1).default(0.8),
  })
  .refine((p) => p.acceptMinutes <= p.feedbackMinutes && p.feedbackMinutes <= p.resolveMinutes, {
    message: '时限须满足：受理 ≤ 首次反馈 ≤ 解决',
    path: ['resolveMinutes'],
  });
export const SlaPolicyOut = z.object({
  id: z.string(),
  policyKey: z.string(),
  version: z.number().int(),
  name: z.string(),
  categoryId: z.string().nullable(),
  priority: z.string().nullable(),
  forKeyIssue: z.boolean(),
  timeMode: TimeMode,
  acceptMinutes: z.number().int(),
  feedbackMinutes: z.number().int(),
  resolveMinutes: z.number().int(),
  warnRatio: z.number(),
  current: z.boolean(),
  createdAt: IsoDateTime,
});

export const CalendarOverrideInput = z.strictObject({
  date: IsoDate,
  kind: z.enum(['workday', 'holiday']),
  name: optText(30),
});
export const CalendarOverrideOut = z.object({ id: z.string(), date: z.string(), kind: z.enum(['workday', 'holiday']), name: z.string().nullable() });
export const CalendarDay = z.object({
  date: z.string(),
  workday: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  name: z.string().nullable(),
  source: z.enum(['override', 'package', 'fallback']),
  covered: z.boolean(),
});

export const EscalationStepInput = z.strictObject({
  level: z.number().int().min(1).max(9),
  target: z.enum(['liaison', 'area_leader', 'park_manager', 'leader']),
  delayMinutes: z.number().int().min(0).max(60 * 24 * 30),
});
export const EscalationLadder = z.strictObject({ steps: z.array(EscalationStepInput).min(1).max(9) });

export const RequestSettings = z.strictObject({
  autoCloseWorkingDays: z.number().int().min(1).max(60),
  reopenWindowDays: z.number().int().min(0).max(90),
  rectificationWorkingDays: z.number().int().min(1).max(90),
  basicSatisfiedCounts: z.boolean(),
  followUpSampleRatio: z.number().min(0).max(1),
});

export const ReplyTemplateInput = z.strictObject({ title: text(30), body: text(1000), sortOrder: z.number().int().min(0).max(999).default(0) });
export const CategoryInput = z.strictObject({ name: text(30), code: z.string().trim().regex(/^[a-z][a-z0-9_.-]{1,40}$/, '编码只能含小写字母、数字和 ._-'), parentId: Id.nullish(), sortOrder: z.number().int().min(0).max(999).default(0) });
export const CategoryUpdate = z.strictObject({ name: text(30).optional(), sortOrder: z.number().int().min(0).max(999).optional(), active: z.boolean().optional() });
