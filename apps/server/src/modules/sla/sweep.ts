import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { createWorkCalendar, type WorkCalendar } from '../../core/work-calendar.js';
import { calendarOverrides, escalationSteps } from '../../db/schema/index.js';
import { createNotifications, type NewNotification, type NotificationRow } from '../notifications/notifications.service.js';
import { minutesBetween, type TimeMode } from './sla-engine.js';

export const CLOCKS = {
  accept: { due: 'accept_by', warn: 'accept_warn_at', done: 'accepted_at', zh: '受理' },
  feedback: { due: 'feedback_by', warn: 'feedback_warn_at', done: 'first_feedback_at', zh: '首次反馈' },
  resolve: { due: 'resolve_by', warn: 'resolve_warn_at', done: 'resolved_at', zh: '解决' },
} as const;
type ClockName = keyof typeof CLOCKS;

type Fired = { request_id: string; clock: ClockName; kind: 'warning' | 'breach'; level: number };
type Target = { request_id: string; operator_id: string; number: string; title: string; liaison_user: string | null; area_leader_user: string | null; park_manager_users: string[] | null; leader_users: string[] | null };

/**
 * One SLA sweep: a warning at the warn time of every running clock, and on breach the escalation
 * ladder (officer → area leader → park manager → leadership) as each step's delay passes.
 * Every alert is a row with a unique key, inserted ON CONFLICT DO NOTHING: only the sweep that
 * inserted it notifies, so concurrent instances fire each warning and escalation exactly once.
 */
export async function slaSweep(tx: DbOrTx, now: Date): Promise<NotificationRow[]> {
  const fired: Fired[] = [];
  const nowIso = now.toISOString();
  for (const [name, c] of Object.entries(CLOCKS) as [ClockName, (typeof CLOCKS)[ClockName]][]) {
    const open = sql.raw(`r.${c.done} IS NULL AND r.closed_at IS NULL AND r.paused_at IS NULL`);
    const due = sql.raw(`r.${c.due}`);
    const warn = sql.raw(`r.${c.warn}`);
    // Warnings: the warn time has come, the deadline has not (a clock found already breached skips to escalation).
    fired.push(
      ...(await rowsOf<Fired>(
        tx,
        sql`INSERT INTO sla_alerts (operator_id, request_id, clock, kind, level, due_at, fired_at)
            SELECT r.operator_id, r.id, ${name}, 'warning', 0, ${due}, ${nowIso}
              FROM service_requests r
             WHERE ${open} AND ${warn} <= ${nowIso} AND ${due} > ${nowIso}
            ON CONFLICT DO NOTHING
            RETURNING request_id, clock, kind, level`,
      )),
    );
    // Breaches whose next ladder step may be due. Working minutes never exceed natural minutes, so
    // "the next step's delay has passed in natural time" is a safe index-friendly prefilter; the exact
    // working-time check follows in code. Only levels above the highest already fired are inserted.
    const candidates = await rowsOf<{ id: string; operator_id: string; due_at: string; time_mode: TimeMode; fired: number }>(
      tx,
      sql`SELECT r.id, r.operator_id, ${due} AS due_at, p.time_mode, coalesce(f.level, 0) AS fired
            FROM service_requests r
            JOIN sla_policies p ON p.id = r.sla_policy_id
            LEFT JOIN LATERAL (SELECT max(a.level) AS level FROM sla_alerts a
                                WHERE a.request_id = r.id AND a.clock = ${name} AND a.kind = 'breach' AND a.due_at = ${due}) f ON true
           WHERE ${open} AND ${warn} <= ${nowIso} AND ${due} <= ${nowIso}
             AND EXISTS (SELECT 1 FROM escalation_steps s
                          WHERE s.operator_id = r.operator_id AND s.level > coalesce(f.level, 0)
                            AND ${due} + make_interval(mins => s.delay_minutes) <= ${nowIso}::timestamptz)`,
    );
    if (!candidates.length) continue;
    const ladders = await laddersFor(tx, [...new Set(candidates.map((c) => c.operator_id))]);
    const rows: { operatorId: string; requestId: string; level: number; dueAt: string }[] = [];
    for (const cand of candidates) {
      const l = ladders.get(cand.operator_id)!;
      const late = minutesBetween(new Date(cand.due_at), now, cand.time_mode, l.cal);
      for (const step of l.steps) if (step.level > Number(cand.fired) && late >= step.delayMinutes) rows.push({ operatorId: cand.operator_id, requestId: cand.id, level: step.level, dueAt: new Date(cand.due_at).toISOString() });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      fired.push(
        ...(await rowsOf<Fired>(
          tx,
          sql`INSERT INTO sla_alerts (operator_id, request_id, clock, kind, level, due_at, fired_at)
              VALUES ${sql.join(chunk.map((r) => sql`(${r.operatorId}, ${r.requestId}, ${name}, 'breach', ${r.level}, ${r.dueAt}, ${nowIso})`), sql`, `)}
              ON CONFLICT DO NOTHING
              RETURNING request_id, clock, kind, level`,
        )),
      );
    }
  }
  return notifyFired(tx, fired, now);
}

async function laddersFor(tx: DbOrTx, operatorIds: string[]) {
  const steps = await tx.select().from(escalationSteps).where(inArray(escalationSteps.operatorId, operatorIds));
  const overrides = await tx.select().from(calendarOverrides).where(inArray(calendarOverrides.operatorId, operatorIds));
  const out = new Map<string, { steps: typeof steps; cal: WorkCalendar }>();
  for (const op of operatorIds) {
    out.set(op, {
      steps: steps.filter((s) => s.operatorId === op).sort((a, b) => a.level - b.level),
      cal: createWorkCalendar(overrides.filter((o) => o.operatorId === op).map((o) => ({ date: o.date, kind: o.kind as 'workday' | 'holiday', name: o.name }))),
    });
  }
  return out;
}

/** Who hears about each fired alert: warnings go to the officer; breach level L to the ladder's target. */
async function notifyFired(tx: DbOrTx, fired: Fired[], now: Date): Promise<NotificationRow[]> {
  if (!fired.length) return [];
  const ids = [...new Set(fired.map((f) => f.request_id))];
  const targets = await rowsOf<Target>(
    tx,
    sql`SELECT r.id AS request_id, r.operator_id, r.number, r.title,
               lu.id AS liaison_user, alu.id AS area_leader_user,
               (SELECT array_agg(ps.user_id) FROM staff ps JOIN staff_parks sp ON sp.staff_id = ps.id
                 WHERE sp.park_id = r.park_id AND ps.user_id IS NOT NULL) AS park_manager_users,
               (SELECT array_agg(u.id) FROM users u WHERE u.operator_id = r.operator_id AND 'leader' = ANY(u.roles) AND NOT u.disabled) AS leader_users
          FROM service_requests r
          LEFT JOIN staff l ON l.id = r.liaison_id
          LEFT JOIN users lu ON lu.id = l.user_id
          LEFT JOIN areas ar ON ar.id = l.area_id
          LEFT JOIN staff al ON al.id = ar.leader_staff_id
          LEFT JOIN users alu ON alu.id = al.user_id
         WHERE r.id = ANY(string_to_array(${ids.join(',')}, ',')::uuid[])`,
  );
  const steps = await tx.select().from(escalationSteps).where(inArray(escalationSteps.operatorId, [...new Set(targets.map((t) => t.operator_id))]));
  const byId = new Map(targets.map((t) => [t.request_id, t]));
  const items: NewNotification[] = [];
  for (const f of fired) {
    const t = byId.get(f.request_id)!;
    const zh = CLOCKS[f.clock].zh;
    const target = f.kind === 'warning' ? 'liaison' : steps.find((s) => s.operatorId === t.operator_id && s.level === f.level)?.target;
    const users =
      target === 'liaison' ? [t.liaison_user] : target === 'area_leader' ? [t.area_leader_user] : target === 'park_manager' ? (t.park_manager_users ?? []) : target === 'leader' ? (t.leader_users ?? []) : [];
    const title = f.kind === 'warning' ? `【临期】${t.number} ${zh}时限即将到期` : `【超时】${t.number} ${zh}已超时（${f.level}级督办）`;
    for (const userId of new Set(users.filter((u): u is string => !!u))) {
      items.push({ operatorId: t.operator_id, userId, kind: `sla.${f.kind}`, title, body: t.title, requestId: t.request_id });
    }
  }
  // Batched: a backlog after downtime can fire tens of thousands at once (bind parameters are limited).
  const out: NotificationRow[] = [];
  for (let i = 0; i < items.length; i += 1000) out.push(...(await createNotifications(tx, items.slice(i, i + 1000), now)));
  return out;
}
