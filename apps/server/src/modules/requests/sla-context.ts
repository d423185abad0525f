import { and, desc, eq } from 'drizzle-orm';
import { createWorkCalendar } from '../../core/work-calendar.js';
import type { DbOrTx } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { calendarOverrides, slaPolicies } from '../../db/schema/index.js';
import type { SlaTargets } from '../sla/sla-engine.js';

/** The statutory calendar plus this operator's administrator overrides. */
export async function calendarFor(db: DbOrTx, operatorId: string) {
  const rows = await db
    .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name })
    .from(calendarOverrides)
    .where(eq(calendarOverrides.operatorId, operatorId));
  return createWorkCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as 'workday' | 'holiday', name: r.name })));
}

export type PolicyRow = typeof slaPolicies.$inferSelect;

/**
 * The current policy for a request: the most specific match wins —
 * category + priority, then category, then priority, then the default. Key issues use their own policy.
 */
export async function selectPolicy(
  db: DbOrTx,
  operatorId: string,
  opts: { categoryId?: string | null; parentCategoryId?: string | null; priority?: string | null; keyIssue?: boolean },
): Promise<PolicyRow> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.operatorId, operatorId), eq(slaPolicies.current, true), eq(slaPolicies.forKeyIssue, opts.keyIssue ?? false)))
    .orderBy(desc(slaPolicies.version));
  const score = (p: PolicyRow) => {
    const cat = p.categoryId === null ? 0 : p.categoryId === opts.categoryId ? 4 : p.categoryId === opts.parentCategoryId ? 2 : -1;
    const pri = p.priority === null ? 0 : p.priority === opts.priority ? 1 : -1;
    return cat < 0 || pri < 0 ? -1 : cat + pri;
  };
  const best = rows.map((p) => ({ p, s: score(p) })).filter((x) => x.s >= 0).sort((a, b) => b.s - a.s)[0];
  if (!best) throw new AppError('INTERNAL', '未配置默认时限规则');
  return best.p;
}

export const targetsOf = (p: PolicyRow): SlaTargets => ({
  acceptMinutes: p.acceptMinutes,
  feedbackMinutes: p.feedbackMinutes,
  resolveMinutes: p.resolveMinutes,
  timeMode: p.timeMode as SlaTargets['timeMode'],
  warnRatio: p.warnRatio,
});
