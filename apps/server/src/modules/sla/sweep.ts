import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { createWorkCalendar, type WorkCalendar } from '../../core/work-calendar.js';
import { calendarOverrides, escalationSteps } from '../../db/schema/index.js';
import { createNotifications, type NewNotification, type NotificationRow } from '../notifications/notifications.service.js';
import { addTime, minutesBetween, type TimeMode } from './sla-engine.js';

export const CLOCKS = {
  accept: { due: 'accept_by', warn: 'accept_warn_at', done: 'accepted_at', zh: '受理' },
  feedback: { due: 'feedback_by', warn: 'feedback_warn_at', done: 'first_feedback_at', zh: '首次反馈' },
  resolve: { due: 'resolve_by', warn: 'resolve_warn_at', done: 'resolved_at', zh: '解决' },
} as const;
type ClockName = keyof typeof CLOCKS;
const CLOCK_NAMES = Object.keys(CLOCKS) as ClockName[];

/** Rows examined per round; a catch-up after downtime takes several rounds within one sweep. */
const BATCH = 2000;

type Fired = { request_id: string; clock: ClockName; kind: 'warning' | 'breach'; level: number };
type Target = { request_id: string; operator_id: string; number: string; title: string; liaison_user: string | null; area_leader_user: string | null; park_manager_users: string[] | null; leader_users: string[] | null };
type DueRow = {
  id: string;
  operator_id: string;
  generation: number;
  next_check: string;
  time_mode: TimeMode;
  stopped: boolean;
  accept_open: boolean;
  accept_warn: string;
  accept_due: string;
  feedback_open: boolean;
  feedback_warn: string;
  feedback_due: string;
  resolve_open: boolean;
  resolve_warn: string;
  resolve_due: string;
};
type Ladder = { steps: { level: number; delayMinutes: number; target: string }[]; cal: WorkCalendar };
type NewAlert = { operatorId: string; requestId: string; clock: ClockName; kind: 'warning' | 'breach'; level: number; dueAt: Date };

/**
 * One SLA sweep: a warning at the warn time of every running clock, and on breach the escalation
 * ladder (officer → area leader → park manager → leadership) as each step's delay passes.
 *
 * Work is proportional to what is due, not to the open backlog: `sla_checks` holds, per request with a
 * running clock, the earliest instant something may fire for it (database triggers reset it whenever a
 * clock changes). A sweep reads only the checks whose instant has come, fires what is due and moves
 * each to the next warning or ladder step.
 *
 * Every alert is a row with a unique key, inserted ON CONFLICT DO NOTHING: only the sweep that
 * inserted it notifies, so concurrent instances fire each warning and escalation exactly once.
 */
export async function slaSweep(tx: DbOrTx, now: Date): Promise<NotificationRow[]> {
  const fired: Fired[] = [];
  const ladders = new Map<string, Ladder>();
  let after: DueRow | null = null;
  for (;;) {
    const rows: DueRow[] = await dueRows(tx, now, after);
    if (!rows.length) break;
    after = rows[rows.length - 1]!;
    const missing = [...new Set(rows.map((r) => r.operator_id))].filter((op) => !ladders.has(op));
    if (missing.length) for (const [op, l] of await laddersFor(tx, missing)) ladders.set(op, l);
    const { alerts, nextChecks } = plan(rows, await firedSoFar(tx, rows), ladders, now);
    fired.push(...(await insertAlerts(tx, alerts, now)));
    await moveNextChecks(tx, rows, nextChecks);
    if (rows.length < BATCH) break;
  }
  return notifyFired(tx, fired, now, ladders);
}

/** Due rows in next-check order; keyset pagination, so a row is never read twice in one sweep. */
function dueRows(tx: DbOrTx, now: Date, after: DueRow | null): Promise<DueRow[]> {
  const nowIso = now.toISOString();
  return rowsOf<DueRow>(
    tx,
    sql`SELECT r.id, r.operator_id, c.generation, c.next_check_at AS next_check, p.time_mode,
               (r.closed_at IS NOT NULL OR r.paused_at IS NOT NULL) AS stopped,
               r.accepted_at IS NULL AS accept_open, r.accept_warn_at AS accept_warn, r.accept_by AS accept_due,
               r.first_feedback_at IS NULL AS feedback_open, r.feedback_warn_at AS feedback_warn, r.feedback_by AS feedback_due,
               r.resolved_at IS NULL AS resolve_open, r.resolve_warn_at AS resolve_warn, r.resolve_by AS resolve_due
          FROM sla_checks c
          JOIN service_requests r ON r.id = c.request_id
          JOIN sla_policies p ON p.id = r.sla_policy_id
         WHERE c.next_check_at <= ${nowIso}
               ${after ? sql`AND (c.next_check_at, c.request_id) > (${new Date(after.next_check).toISOString()}::timestamptz, ${after.id}::uuid)` : sql``}
         ORDER BY c.next_check_at, c.request_id
         LIMIT ${BATCH}`,
  );
}

/** Per request and clock: whether the warning fired and the highest ladder level fired, for the current deadline. */
async function firedSoFar(tx: DbOrTx, rows: DueRow[]) {
  const list = await rowsOf<{ request_id: string; clock: ClockName; kind: string; level: number; due_at: string }>(
    tx,
    sql`SELECT request_id, clock, kind, max(level)::int AS level, due_at FROM sla_alerts
         WHERE request_id = ANY(string_to_array(${rows.map((r) => r.id).join(',')}, ',')::uuid[])
         GROUP BY request_id, clock, kind, due_at`,
  );
  const out = new Map<string, number>();
  // key: request/clock/due → -1 warning only, L = highest breach level (warning implied)
  for (const a of list) {
    const key = `${a.request_id}/${a.clock}/${new Date(a.due_at).getTime()}`;
    const level = a.kind === 'breach' ? Number(a.level) : 0;
    out.set(key, Math.max(out.get(key) ?? -1, level));
  }
  return out;
}

/**
 * What to fire now and when to look again, per row. A warning is due at the warn time while the
 * deadline is still ahead (a clock found already breached skips to escalation); breach level L once
 * the step's delay has passed in the policy's time mode.
 */
function plan(rows: DueRow[], fired: Map<string, number>, ladders: Map<string, Ladder>, now: Date) {
  const alerts: NewAlert[] = [];
  const nextChecks = new Map<string, Date | null>();
  for (const r of rows) {
    if (r.stopped) {
      nextChecks.set(r.id, null);
      continue;
    }
    const ladder = ladders.get(r.operator_id)!;
    let next: number | null = null;
    const later = (t: Date) => (next = next === null ? t.getTime() : Math.min(next, t.getTime()));
    for (const clock of CLOCK_NAMES) {
      if (!r[`${clock}_open`]) continue;
      const due = new Date(r[`${clock}_due`]);
      const warn = new Date(r[`${clock}_warn`]);
      const done = fired.get(`${r.id}/${clock}/${due.getTime()}`);
      if (now < due) {
        if (warn <= now) {
          if (done === undefined) alerts.push({ operatorId: r.operator_id, requestId: r.id, clock, kind: 'warning', level: 0, dueAt: due });
        } else later(warn);
      }
      const highest = done ?? 0;
      const late = now < due ? -1 : minutesBetween(due, now, r.time_mode, ladder.cal);
      for (const step of ladder.steps) {
        if (step.level <= highest) continue;
        if (late >= step.delayMinutes) alerts.push({ operatorId: r.operator_id, requestId: r.id, clock, kind: 'breach', level: step.level, dueAt: due });
        else {
          later(addTime(due, step.delayMinutes, r.time_mode, ladder.cal));
          break; // later steps come after this one
        }
      }
    }
    nextChecks.set(r.id, next === null ? null : new Date(next));
  }
  return { alerts, nextChecks };
}

async function insertAlerts(tx: DbOrTx, alerts: NewAlert[], now: Date): Promise<Fired[]> {
  const out: Fired[] = [];
  const nowIso = now.toISOString();
  for (let i = 0; i < alerts.length; i += 500) {
    const chunk = alerts.slice(i, i + 500);
    out.push(
      ...(await rowsOf<Fired>(
        tx,
        sql`INSERT INTO sla_alerts (operator_id, request_id, clock, kind, level, due_at, fired_at)
            VALUES ${sql.join(chunk.map((a) => sql`(${a.operatorId}, ${a.requestId}, ${a.clock}, ${a.kind}, ${a.level}, ${a.dueAt.toISOString()}, ${nowIso})`), sql`, `)}
            ON CONFLICT DO NOTHING
            RETURNING request_id, clock, kind, level`,
      )),
    );
  }
  return out;
}

/**
 * Moves each check forward, or removes it when nothing is left to fire. Guarded by the generation read:
 * if a clock changed meanwhile, the trigger's fresh value must win.
 */
async function moveNextChecks(tx: DbOrTx, rows: DueRow[], next: Map<string, Date | null>) {
  const moved = rows.filter((r) => next.get(r.id));
  const done = rows.filter((r) => !next.get(r.id));
  const list = (rs: DueRow[], f: (r: DueRow) => string) => rs.map(f).join(',');
  if (moved.length)
    await tx.execute(
      sql`UPDATE sla_checks c SET next_check_at = v.next
            FROM (SELECT unnest(string_to_array(${list(moved, (r) => r.id)}, ','))::uuid AS id,
                         unnest(string_to_array(${list(moved, (r) => String(r.generation))}, ','))::int AS generation,
                         unnest(string_to_array(${list(moved, (r) => next.get(r.id)!.toISOString())}, ','))::timestamptz AS next) v
           WHERE c.request_id = v.id AND c.generation = v.generation`,
    );
  if (done.length)
    await tx.execute(
      sql`DELETE FROM sla_checks c
            USING (SELECT unnest(string_to_array(${list(done, (r) => r.id)}, ','))::uuid AS id,
                          unnest(string_to_array(${list(done, (r) => String(r.generation))}, ','))::int AS generation) v
           WHERE c.request_id = v.id AND c.generation = v.generation`,
    );
}

async function laddersFor(tx: DbOrTx, operatorIds: string[]): Promise<Map<string, Ladder>> {
  const steps = await tx.select().from(escalationSteps).where(inArray(escalationSteps.operatorId, operatorIds));
  const overrides = await tx.select().from(calendarOverrides).where(inArray(calendarOverrides.operatorId, operatorIds));
  const out = new Map<string, Ladder>();
  for (const op of operatorIds) {
    out.set(op, {
      steps: steps.filter((s) => s.operatorId === op).sort((a, b) => a.level - b.level),
      cal: createWorkCalendar(overrides.filter((o) => o.operatorId === op).map((o) => ({ date: o.date, kind: o.kind as 'workday' | 'holiday', name: o.name }))),
    });
  }
  return out;
}

/** Who hears about each fired alert: warnings go to the officer; breach level L to the ladder's target. */
async function notifyFired(tx: DbOrTx, fired: Fired[], now: Date, ladders: Map<string, Ladder>): Promise<NotificationRow[]> {
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
  const byId = new Map(targets.map((t) => [t.request_id, t]));
  const items: NewNotification[] = [];
  for (const f of fired) {
    const t = byId.get(f.request_id)!;
    const zh = CLOCKS[f.clock].zh;
    const target = f.kind === 'warning' ? 'liaison' : ladders.get(t.operator_id)?.steps.find((s) => s.level === f.level)?.target;
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
