/**
 * HTTP schemas of the metrics endpoint. They belong in packages/contracts (for the web client's
 * types); they live here until the contracts owner moves them, so this module touches no shared file.
 */
import { Channel, Id, IsoDateTime, RequestKind } from '@yqt/contracts';
import { z } from 'zod';
import { metricCodes } from './definitions.js';
import { metricsGroupBys } from './request-metrics.js';

export const MetricsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional().describe('start of the period (inclusive); default: first day of the current month, Asia/Shanghai'),
  to: z.iso.datetime({ offset: true }).optional().describe('end of the period (exclusive); default: first day of the next month'),
  parkId: Id.optional(),
  categoryId: Id.optional().describe('a category and its sub-categories'),
  kind: RequestKind.optional(),
  channel: Channel.optional(),
  liaisonId: Id.optional().describe('the responsible liaison officer'),
  departmentId: Id.optional().describe('requests transferred to this department'),
  groupBy: z.enum(metricsGroupBys).optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

const Ratio = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });
const ClockRatio = Ratio.extend({ pending: z.number().int() });
const Duration = z.object({ count: z.number().int(), avgMinutes: z.number().nullable(), p90Minutes: z.number().nullable() });
const int = z.number().int();

export const Metrics = z.object({
  received: int,
  merged: int,
  accepted: int,
  resolved: int,
  closed: int,
  closedBy: z.object({ confirmed: int, rated: int, auto: int, rejected: int }),
  open: int,
  overdue: int,
  ratings: z.object({ '1': int, '2': int, '3': int, '4': int, '5': int }),
  acceptOnTime: ClockRatio,
  feedbackOnTime: ClockRatio,
  resolveOnTime: ClockRatio,
  closure: Ratio,
  satisfaction: Ratio,
  followUp: Ratio,
  reopen: Ratio,
  acceptTime: Duration,
  feedbackTime: Duration,
  resolveTime: Duration,
});

export const MetricsResponse = z.object({
  period: z.object({ from: IsoDateTime, to: IsoDateTime }),
  asOf: IsoDateTime,
  totals: Metrics,
  groups: z.array(z.object({ key: z.string().nullable(), label: z.string(), metrics: Metrics })).optional(),
  definitions: z.record(z.enum(metricCodes), z.string()),
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;
