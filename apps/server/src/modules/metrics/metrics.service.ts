import type { Ctx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { shanghaiDate, shanghaiInstant } from '../../core/work-calendar.js';
import { visibleRequests } from '../requests/index.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { metricDefinitions } from './definitions.js';
import type { MetricsQuery, MetricsResponse } from './metrics.schemas.js';
import { metricsSettings, requestMetrics } from './request-metrics.js';

/** A period longer than this is refused (the working calendar is evaluated day by day). */
const MAX_PERIOD_DAYS = 3660;

/** First instant of the Shanghai calendar month containing `at`, shifted by `months`. */
export function shanghaiMonthStart(at: Date, months = 0): Date {
  const [y, m] = shanghaiDate(at).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return shanghaiInstant(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
}

/** The period asked for; by default the current month in Asia/Shanghai, [first day, first day of next month). */
export function periodOf(q: Pick<MetricsQuery, 'from' | 'to'>, now: Date): { from: Date; to: Date } {
  const from = q.from ? new Date(q.from) : shanghaiMonthStart(now);
  const to = q.to ? new Date(q.to) : q.from ? shanghaiMonthStart(from, 1) : shanghaiMonthStart(now, 1);
  if (from.getTime() >= to.getTime()) throw invalid('to', '结束时间必须晚于开始时间');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw invalid('from', '统计区间不能超过10年');
  return { from, to };
}

/** Request metrics for the caller's scope (a park manager sees only their parks), as of ctx.now. */
export async function getRequestMetrics(ctx: Ctx, q: MetricsQuery): Promise<MetricsResponse> {
  const { from, to } = periodOf(q, ctx.now);
  const settings = await metricsSettings(ctx.db, ctx.actor.operatorId);
  const { groupBy, parkId, categoryId, kind, channel, liaisonId, departmentId } = q;
  const result = await requestMetrics(
    ctx.db,
    visibleRequests(ctx.actor),
    { from, to, parkId, categoryId, kind, channel, liaisonId, departmentId },
    ctx.now,
    { settings, groupBy },
  );
  return {
    period: { from: toShanghaiIso(from), to: toShanghaiIso(to) },
    asOf: toShanghaiIso(ctx.now),
    totals: result.totals,
    ...(result.groups ? { groups: result.groups } : {}),
    definitions: metricDefinitions(settings.basicSatisfiedCounts),
  };
}
