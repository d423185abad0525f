import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { createWorkCalendar } from '../../core/work-calendar.js';
import { calendarOverrides } from '../../db/schema/index.js';
import { addTime, WORKING_MINUTES_PER_DAY } from './sla-engine.js';

/**
 * Resolved requests the enterprise neither confirmed nor rated close automatically after the
 * operator's configured working days, with close_reason 'auto' — counted as unrated in the
 * metrics, never as satisfied. A timeline event records it.
 */
export async function autoCloseUnrated(tx: DbOrTx, now: Date): Promise<number> {
  // Working days are never shorter than calendar days, so this natural-time bound is a safe prefilter.
  const candidates = await rowsOf<{ id: string; operator_id: string; resolved_at: string; days: number; version: number }>(
    tx,
    sql`SELECT r.id, r.operator_id, r.resolved_at, s.auto_close_working_days AS days, r.version
          FROM service_requests r JOIN operator_settings s ON s.operator_id = r.operator_id
         WHERE r.status = 'resolved' AND r.rating IS NULL
           AND r.resolved_at <= ${now.toISOString()}::timestamptz - make_interval(days => s.auto_close_working_days)`,
  );
  if (!candidates.length) return 0;
  const overrides = await tx.select().from(calendarOverrides);
  const cals = new Map<string, ReturnType<typeof createWorkCalendar>>();
  const calOf = (op: string) => {
    if (!cals.has(op)) cals.set(op, createWorkCalendar(overrides.filter((o) => o.operatorId === op).map((o) => ({ date: o.date, kind: o.kind as 'workday' | 'holiday', name: o.name }))));
    return cals.get(op)!;
  };
  let closed = 0;
  for (const c of candidates) {
    const due = addTime(new Date(c.resolved_at), Number(c.days) * WORKING_MINUTES_PER_DAY, 'working', calOf(c.operator_id));
    if (due > now) continue;
    // Compare-and-set: an enterprise rating at this very moment wins; we skip.
    const done = await rowsOf<{ id: string }>(
      tx,
      sql`UPDATE service_requests SET status = 'closed', closed_at = ${now.toISOString()}, close_reason = 'auto', version = version + 1, updated_at = ${now.toISOString()}
           WHERE id = ${c.id} AND version = ${c.version} AND status = 'resolved' RETURNING id`,
    );
    if (!done.length) continue;
    await tx.execute(
      sql`INSERT INTO request_events (operator_id, request_id, at, action, from_status, to_status, note, visibility)
          VALUES (${c.operator_id}, ${c.id}, ${now.toISOString()}, 'autoClose', 'resolved', 'closed', ${`企业${c.days}个工作日内未评价，系统自动办结（不计入满意）`}, 'public')`,
    );
    await tx.execute(
      sql`INSERT INTO audit_logs (operator_id, actor_name, action, entity_type, entity_id, before, after, at)
          VALUES (${c.operator_id}, '系统', 'request.autoClose', 'request', ${c.id}, ${JSON.stringify({ status: 'resolved' })}::jsonb,
                  ${JSON.stringify({ status: 'closed', closeReason: 'auto' })}::jsonb, ${now.toISOString()})`,
    );
    closed++;
  }
  return closed;
}
