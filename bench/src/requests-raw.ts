/**
 * RAW baseline for the intake: the statements POST /api/v1/requests executes (captured from the
 * app with drizzle logging — the texts below are drizzle's own, verbatim), in the same order and
 * the same transaction, straight through node-postgres with named prepared statements. N workers,
 * each on its own connection, loop for a fixed time. Deadlines are computed in JS with the
 * server's SLA engine, as the service does. What is left out is exactly the app's own cost:
 * HTTP, routing, zod validation and serialisation, drizzle's query building and row mapping,
 * the pool, the actor and policy objects.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashToken } from '../../apps/server/src/core/auth.js';
import { createWorkCalendar } from '../../apps/server/src/core/work-calendar.js';
import { computeDeadlines, toShanghaiIso, type SlaTargets } from '../../apps/server/src/modules/sla/sla-engine.js';
import type { LoadResult } from './load.js';

const SR_COLUMNS =
  '"id", "operator_id", "number", "enterprise_id", "park_id", "submitter_user_id", "submitter_name", "submitter_phone", "kind", "category_id", "channel", "priority", "title", "description", "building_id", "unit_id", "location_note", "lat", "lng", "status", "resume_status", "liaison_id", "department_id", "transfer_status", "is_key_issue", "key_issue_leader_id", "merged_into_id", "received_at", "sla_policy_id", "clock_started_at", "accept_by", "feedback_by", "resolve_by", "accept_warn_at", "feedback_warn_at", "resolve_warn_at", "accepted_at", "first_feedback_at", "resolved_at", "closed_at", "close_reason", "paused_at", "paused_minutes", "rating", "rating_comment", "rated_at", "reopen_count", "rectification_by", "follow_up_required", "version", "created_at", "updated_at"';
const SR_QUALIFIED = SR_COLUMNS.split(', ')
  .map((c) => `"service_requests".${c}`)
  .join(', ');
const POLICY_COLUMNS =
  '"id", "operator_id", "policy_key", "version", "name", "category_id", "priority", "for_key_issue", "time_mode", "accept_minutes", "feedback_minutes", "resolve_minutes", "warn_ratio", "current", "created_at", "created_by_user_id"';

/** The statements of one intake, in order (texts as drizzle / the server send them). */
export const INTAKE_SQL = {
  session: `SELECT u.id AS user_id, u.username, u.display_name, u.operator_id, o.name AS operator_name, u.roles,
               s.last_seen_at, st.id AS staff_id, st.department_id, c.enterprise_id,
               (SELECT array_agg(sp.park_id::text) FROM staff_parks sp WHERE sp.staff_id = st.id) AS park_ids
          FROM sessions s
          JOIN users u ON u.id = s.user_id
          JOIN operators o ON o.id = u.operator_id
          LEFT JOIN staff st ON st.user_id = u.id
          LEFT JOIN contacts c ON c.user_id = u.id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled
         LIMIT 1`,
  begin: 'begin',
  enterprise:
    'select "enterprises"."id", "enterprises"."operator_id", "enterprises"."credit_code", "enterprises"."name", "enterprises"."short_name", "enterprises"."industry_code", "enterprises"."industry_detail", "enterprises"."size", "enterprises"."tier", "enterprises"."status", "enterprises"."founded_on", "enterprises"."registered_capital_wan", "enterprises"."employee_count", "enterprises"."legal_representative", "enterprises"."phone", "enterprises"."address", "enterprises"."business_scope", "enterprises"."park_id", "enterprises"."building_id", "enterprises"."unit_id", "enterprises"."liaison_id", "enterprises"."backup_liaison_id", "enterprises"."search_tokens", "enterprises"."search_text", "enterprises"."version", "enterprises"."created_at", "enterprises"."updated_at", "parks"."name", "buildings"."name", "units"."name", "liaison"."name", "backup"."name", "areas"."name" from "enterprises" inner join "parks" on "parks"."id" = "enterprises"."park_id" left join "buildings" on "buildings"."id" = "enterprises"."building_id" left join "units" on "units"."id" = "enterprises"."unit_id" left join "staff" "liaison" on "liaison"."id" = "enterprises"."liaison_id" left join "staff" "backup" on "backup"."id" = "enterprises"."backup_liaison_id" left join "areas" on "areas"."id" = "liaison"."area_id" where (("enterprises"."operator_id" = $1 and "enterprises"."id" = $2) and "enterprises"."id" = $3) limit $4',
  category:
    'select "id", "operator_id", "parent_id", "code", "name", "sort_order", "active" from "request_categories" where ("request_categories"."id" = $1 and "request_categories"."operator_id" = $2 and "request_categories"."active" = $3)',
  policies: `select ${POLICY_COLUMNS} from "sla_policies" where ("sla_policies"."operator_id" = $1 and "sla_policies"."current" = $2 and "sla_policies"."for_key_issue" = $3) order by "sla_policies"."version" desc`,
  calendar: 'select "date", "kind", "name" from "calendar_overrides" where "calendar_overrides"."operator_id" = $1',
  counter:
    'insert into "request_counters" ("operator_id", "day", "last") values ($1, $2, $3) on conflict ("operator_id","day") do update set "last" = "request_counters"."last" + 1 returning "last"',
  insertRequest: `insert into "service_requests" (${SR_COLUMNS}) values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, default, $20, default, default, default, default, default, $21, $22, $23, $24, $25, $26, $27, $28, $29, default, default, default, default, default, default, default, default, default, default, default, default, default, default, $30, $31) returning ${SR_COLUMNS}`,
  insertEvent:
    'insert into "request_events" ("id", "operator_id", "request_id", "at", "actor_user_id", "actor_name", "action", "from_status", "to_status", "note", "visibility", "data") values (default, $1, $2, $3, $4, $5, $6, default, $7, $8, $9, $10)',
  insertAudit:
    'insert into "audit_logs" ("id", "operator_id", "actor_user_id", "actor_name", "action", "entity_type", "entity_id", "before", "after", "request_id", "ip", "at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
  officer: 'select "user_id" from "staff" where "staff"."id" = $1',
  insertNotification:
    'insert into "notifications" ("id", "operator_id", "user_id", "kind", "title", "body", "request_id", "link", "read_at", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, default, $8) returning "id", "operator_id", "user_id", "kind", "title", "body", "request_id", "link", "read_at", "created_at"',
  commit: 'commit',
  findRequest: `select ${SR_QUALIFIED}, "request_categories"."name", "enterprises"."name", "parks"."name", "staff"."name", "departments"."name" from "service_requests" inner join "request_categories" on "request_categories"."id" = "service_requests"."category_id" inner join "enterprises" on "enterprises"."id" = "service_requests"."enterprise_id" inner join "parks" on "parks"."id" = "service_requests"."park_id" left join "staff" on "staff"."id" = "service_requests"."liaison_id" left join "departments" on "departments"."id" = "service_requests"."department_id" where (("service_requests"."operator_id" = $1 and "service_requests"."enterprise_id" = $2) and "service_requests"."id" = $3) limit $4`,
  policy: `select ${POLICY_COLUMNS} from "sla_policies" where "sla_policies"."id" = $1`,
  timeline:
    'select "id", "operator_id", "request_id", "at", "actor_user_id", "actor_name", "action", "from_status", "to_status", "note", "visibility", "data" from "request_events" where ("request_events"."request_id" = $1 and "request_events"."visibility" = $2) order by "request_events"."at" asc, "request_events"."id" asc',
  followUps:
    'select "follow_ups"."id", "follow_ups"."method", "follow_ups"."rating", "follow_ups"."note", "follow_ups"."at", "staff"."name" from "follow_ups" left join "staff" on "staff"."id" = "follow_ups"."staff_id" where "follow_ups"."request_id" = $1 order by "follow_ups"."at" asc',
  attachments:
    'select "id", "filename", "mime", "size", "visibility", "created_at" from "request_attachments" where ("request_attachments"."request_id" = $1 and "request_attachments"."visibility" = $2) order by "request_attachments"."created_at" asc',
} as const;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Compares the statements captured from the app with INTAKE_SQL: [] when they match in order. */
export function diffIntakeStatements(captured: string[]): string[] {
  // The session lookup is not part of a steady-state intake: the app has the session cached.
  const ours = Object.entries(INTAKE_SQL)
    .filter(([k]) => k !== 'session')
    .map(([, v]) => normalise(v));
  const theirs = captured.map(normalise);
  const out: string[] = [];
  if (ours.length !== theirs.length) out.push(`app ran ${theirs.length} statements, baseline ${ours.length}`);
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    if (ours[i] !== theirs[i]) out.push(`#${i + 1}: app "${(theirs[i] ?? '-').slice(0, 120)}" vs baseline "${(ours[i] ?? '-').slice(0, 120)}"`);
  }
  return out;
}

export type RawContact = { userId: string; enterpriseId: string; token: string };
export type RawSetup = {
  url: string;
  operatorId: string;
  categoryId: string;
  contacts: RawContact[];
  body: { kind: string; title: string; description: string };
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs the raw intake loop with `clients` connections for `durationSec`. */
export async function runRawIntake(setup: RawSetup, clients: number, durationSec: number): Promise<LoadResult> {
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: setup.url });
      c.on('error', () => {});
      await c.connect();
      return c;
    }),
  );
  const samples: number[] = [];
  let errors = 0;
  const q = (c: pg.Client, name: keyof typeof INTAKE_SQL, values: unknown[] = []) =>
    c.query({ name: name === 'begin' || name === 'commit' ? undefined : `bench_${name}`, text: INTAKE_SQL[name], values });

  const names = new Map<string, string>();
  async function one(c: pg.Client, contact: RawContact) {
    const now = new Date();
    const nowIso = now.toISOString();
    const { operatorId } = setup;
    // The app caches sessions per instance (core/session-cache.ts): one lookup per contact, as on a cache miss.
    let actorName = names.get(contact.token);
    if (actorName === undefined) {
      const [actor] = (await q(c, 'session', [hashToken(contact.token), nowIso])).rows as { display_name: string }[];
      actorName = actor!.display_name;
      names.set(contact.token, actorName);
    }
    await q(c, 'begin');
    try {
      const [e] = (await q(c, 'enterprise', [operatorId, contact.enterpriseId, contact.enterpriseId, 1])).rows as { park_id: string; liaison_id: string | null }[];
      await q(c, 'category', [setup.categoryId, operatorId, true]);
      const policies = (await q(c, 'policies', [operatorId, true, false])).rows as {
        id: string;
        version: number;
        category_id: string | null;
        priority: string | null;
        accept_minutes: number;
        feedback_minutes: number;
        resolve_minutes: number;
        time_mode: string;
        warn_ratio: number;
      }[];
      // selectPolicy's choice for a category without its own policy and normal priority: the default.
      const policy = policies.find((p) => p.category_id === null && p.priority === null)!;
      const overrides = (await q(c, 'calendar', [operatorId])).rows as { date: string; kind: 'workday' | 'holiday'; name: string | null }[];
      const targets: SlaTargets = {
        acceptMinutes: policy.accept_minutes,
        feedbackMinutes: policy.feedback_minutes,
        resolveMinutes: policy.resolve_minutes,
        timeMode: policy.time_mode as SlaTargets['timeMode'],
        warnRatio: policy.warn_ratio,
      };
      const d = computeDeadlines(now, targets, createWorkCalendar(overrides));
      const day = toShanghaiIso(now).slice(0, 10).replaceAll('-', '');
      const [counter] = (await q(c, 'counter', [operatorId, day, 1])).rows as { last: number }[];
      const number = `SQ${day}${String(counter!.last).padStart(5, '0')}`;
      const [row] = (
        await q(c, 'insertRequest', [
          operatorId, number, contact.enterpriseId, e!.park_id, contact.userId, actorName, null, setup.body.kind, setup.categoryId, 'web', 'normal',
          setup.body.title, setup.body.description, null, null, null, null, null, 'submitted', e!.liaison_id, nowIso, policy.id,
          d.clockStartedAt.toISOString(), d.acceptBy.toISOString(), d.feedbackBy.toISOString(), d.resolveBy.toISOString(),
          d.acceptWarnAt.toISOString(), d.feedbackWarnAt.toISOString(), d.resolveWarnAt.toISOString(), nowIso, nowIso,
        ])
      ).rows as { id: string; description?: string }[];
      const requestId = row!.id;
      await q(c, 'insertEvent', [operatorId, requestId, nowIso, contact.userId, actorName, 'submit', 'submitted', null, 'public', JSON.stringify({ receivedAt: nowIso, policyId: policy.id, policyVersion: policy.version })]);
      await q(c, 'insertAudit', [operatorId, contact.userId, actorName, 'request.create', 'request', requestId, null, JSON.stringify({ ...row, description: undefined }), randomUUID(), '127.0.0.1', nowIso]);
      if (e!.liaison_id) {
        const [officer] = (await q(c, 'officer', [e!.liaison_id])).rows as { user_id: string | null }[];
        if (officer?.user_id) await q(c, 'insertNotification', [operatorId, officer.user_id, 'request.submit', `【新诉求】${number} 请在受理时限内受理`, setup.body.title, requestId, null, nowIso]);
      }
      await q(c, 'commit');
      await q(c, 'findRequest', [operatorId, contact.enterpriseId, requestId, 1]);
      await q(c, 'policy', [policy.id]);
      await q(c, 'timeline', [requestId, 'public']);
      await q(c, 'followUps', [requestId]);
      await q(c, 'attachments', [requestId, 'public']);
    } catch (err) {
      await c.query('rollback').catch(() => {});
      throw err;
    }
  }

  const started = performance.now();
  const until = started + durationSec * 1000;
  await Promise.all(
    conns.map(async (c, w) => {
      let i = w;
      while (performance.now() < until) {
        const contact = setup.contacts[i++ % setup.contacts.length]!;
        const t = performance.now();
        try {
          await one(c, contact);
          samples.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(conns.map((c) => c.end().catch(() => {})));
  const sorted = Float64Array.from(samples).sort();
  return {
    requests: samples.length,
    durationSec: elapsed,
    reqPerSec: samples.length / elapsed,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
      mean: samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : NaN,
    },
    errors,
    timeouts: 0,
    non2xx: 0,
    statusCodes: {},
  };
}
