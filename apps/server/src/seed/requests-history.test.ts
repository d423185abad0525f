import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db.js';
import { rowsOf, type DbHandle } from '../core/db.js';
import * as s from '../db/schema/index.js';
import { RECTIFICATION_WORKING_MINUTES } from '../modules/requests/requests.service.js';
import { calendarFor, targetsOf } from '../modules/requests/sla-context.js';
import { addTime, computeDeadlines, extendForPause, toShanghaiIso, type TimeMode } from '../modules/sla/sla-engine.js';
import { historyChecksum, type EventRow, type RequestRow } from './requests-generate.js';
import { buildRequestHistory, seedRequestHistory, type RequestHistoryResult } from './requests-history.js';
import { seedDemo } from './seed.js';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const NOW_ISO = NOW.toISOString();

let handle: DbHandle;
let result: RequestHistoryResult;
let operatorId: string;
let ms = 0;

beforeAll(async () => {
  handle = await freshDb();
  await seedDemo(handle.db);
  const t0 = performance.now();
  result = await seedRequestHistory(handle.db, { now: NOW });
  ms = performance.now() - t0;
  console.log(`seedRequestHistory: ${Math.round(ms)} ms`, result);
  const [op] = await handle.db.select({ id: s.operators.id }).from(s.operators).where(eq(s.operators.code, 'gkyc'));
  operatorId = op!.id;
}, 180_000);

afterAll(async () => {
  await handle?.close();
});

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(handle.db, query);
const one = async <T>(query: ReturnType<typeof sql>) => (await q<T>(query))[0]!;

describe('seedRequestHistory', () => {
  it('inserts the history in one go', async () => {
    expect(result.skipped).toBe(false);
    const { n } = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_requests`);
    const { e } = await one<{ e: number }>(sql`SELECT count(*)::int AS e FROM request_events`);
    expect(n).toBe(result.requests);
    expect(e).toBe(result.events);
    // Generous bound: the target is < 10 s on an idle machine; CI boxes are shared.
    expect(ms).toBeLessThan(60_000);
  });

  it('reproduces the article for 2021 exactly', async () => {
    const y = await one<{ n: number; closed: number; solved: number; keys: number; low: number; rated: number; reopened: number }>(sql`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE status = 'closed' AND closed_at IS NOT NULL)::int AS closed,
             count(*) FILTER (WHERE close_reason IN ('confirmed', 'rated'))::int AS solved,
             count(*) FILTER (WHERE is_key_issue)::int AS keys,
             count(*) FILTER (WHERE rating IS NOT NULL AND rating < 4)::int AS low,
             count(*) FILTER (WHERE rating IS NOT NULL)::int AS rated,
             count(*) FILTER (WHERE reopen_count > 0)::int AS reopened
        FROM service_requests
       WHERE received_at >= '2021-01-01T00:00:00+08:00' AND received_at < '2022-01-01T00:00:00+08:00'`);
    expect(y).toEqual({ n: 2372, closed: 2372, solved: 2372, keys: 39, low: 0, rated: y.rated, reopened: 0 });
    expect(y.rated).toBeGreaterThan(1000);
    // Every key issue of 2021 has its leader and ran on the key-issue policy.
    const k = await one<{ bad: number }>(sql`
      SELECT count(*)::int AS bad FROM service_requests r JOIN sla_policies p ON p.id = r.sla_policy_id
       WHERE r.is_key_issue AND (r.key_issue_leader_id IS NULL OR NOT p.for_key_issue)`);
    expect(k.bad).toBe(0);
    // Follow-up calls of 2021 found everyone satisfied, too.
    const f = await one<{ low: number }>(sql`
      SELECT count(*)::int AS low FROM follow_ups f JOIN service_requests r ON r.id = f.request_id
       WHERE r.received_at < '2022-01-01T00:00:00+08:00' AND f.rating < 4`);
    expect(f.low).toBe(0);
  });

  it('gives 2024–2026 realistic, growing traffic with breaches, bad ratings, auto-closes', async () => {
    const years = await q<{ y: number; n: number; bad: number; auto: number; rejected: number; merged: number; keys: number; breached: number; transferred: number; paused: number }>(sql`
      SELECT extract(year FROM received_at AT TIME ZONE 'Asia/Shanghai')::int AS y, count(*)::int AS n,
             count(*) FILTER (WHERE rating <= 2)::int AS bad,
             count(*) FILTER (WHERE close_reason = 'auto')::int AS auto,
             count(*) FILTER (WHERE close_reason = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE close_reason = 'merged')::int AS merged,
             count(*) FILTER (WHERE is_key_issue)::int AS keys,
             count(*) FILTER (WHERE accepted_at > accept_by OR first_feedback_at > feedback_by OR resolved_at > resolve_by)::int AS breached,
             count(*) FILTER (WHERE transfer_status = 'accepted')::int AS transferred,
             count(*) FILTER (WHERE paused_minutes > 0)::int AS paused
        FROM service_requests GROUP BY 1 ORDER BY 1`);
    console.log(years);
    expect(years.map((r) => r.y)).toEqual([2021, 2024, 2025, 2026]);
    const [, y24, y25, y26] = years;
    for (const y of [y24!, y25!, y26!]) {
      expect(y.n).toBeGreaterThan(2400);
      expect(y.n).toBeLessThan(3300);
      expect(y.bad / y.n).toBeGreaterThan(0.015);
      expect(y.bad / y.n).toBeLessThan(0.05);
      expect(y.auto / y.n).toBeGreaterThan(0.05);
      expect(y.auto / y.n).toBeLessThan(0.11);
      expect(y.breached / y.n).toBeGreaterThan(0.04);
      expect(y.breached / y.n).toBeLessThan(0.1);
      expect(y.rejected).toBeGreaterThan(0);
      expect(y.merged).toBeGreaterThan(0);
      expect(y.keys).toBeGreaterThan(20);
      expect(y.transferred).toBeGreaterThan(100);
      expect(y.paused).toBeGreaterThan(20);
    }
    expect(y25!.n).toBeGreaterThan(y24!.n);
    // Bad ratings were rectified: reopened once, a supervisor follow-up, then solved and closed.
    const rect = await one<{ n: number; wrong: number }>(sql`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE reopen_count <> 1 OR follow_up_required OR rectification_by IS NULL
                               OR NOT EXISTS (SELECT 1 FROM follow_ups f JOIN staff st ON st.id = f.staff_id JOIN users u ON u.id = st.user_id
                                               WHERE f.request_id = r.id AND 'park_manager' = ANY(u.roles)))::int AS wrong
        FROM service_requests r WHERE rating <= 2 AND status = 'closed'`);
    expect(rect.n).toBeGreaterThan(100);
    expect(rect.wrong).toBe(0);
    // Fewer requests around 春节 than in spring.
    const feb = await one<{ feb: number; apr: number }>(sql`
      SELECT count(*) FILTER (WHERE to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = '2025-02')::int AS feb,
             count(*) FILTER (WHERE to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = '2025-04')::int AS apr
        FROM service_requests`);
    expect(feb.feb).toBeLessThan(feb.apr * 0.7);
  });

  it('keeps status and timestamps consistent, and nothing after now', async () => {
    const bad = await one<Record<string, number>>(sql`
      SELECT count(*) FILTER (WHERE status = 'closed' AND (closed_at IS NULL OR close_reason IS NULL))::int AS closed_without,
             count(*) FILTER (WHERE status <> 'closed' AND (closed_at IS NOT NULL OR close_reason IS NOT NULL))::int AS open_with_close,
             count(*) FILTER (WHERE resolved_at > closed_at)::int AS resolved_after_close,
             count(*) FILTER (WHERE accepted_at < received_at OR first_feedback_at < accepted_at OR resolved_at < first_feedback_at)::int AS out_of_order,
             count(*) FILTER (WHERE close_reason IN ('confirmed', 'rated', 'auto') AND resolved_at IS NULL)::int AS closed_unresolved,
             count(*) FILTER (WHERE status = 'resolved' AND resolved_at IS NULL)::int AS resolved_without,
             count(*) FILTER (WHERE status = 'awaiting_info' AND (paused_at IS NULL OR resume_status IS NULL))::int AS paused_without,
             count(*) FILTER (WHERE status <> 'awaiting_info' AND paused_at IS NOT NULL)::int AS stray_pause,
             count(*) FILTER (WHERE status = 'key_issue' AND (NOT is_key_issue OR key_issue_leader_id IS NULL))::int AS key_without,
             count(*) FILTER (WHERE close_reason = 'merged' AND merged_into_id IS NULL)::int AS merged_without,
             count(*) FILTER (WHERE transfer_status <> 'none' AND department_id IS NULL)::int AS transfer_without,
             count(*) FILTER (WHERE close_reason = 'auto' AND rating IS NOT NULL)::int AS auto_rated,
             count(*) FILTER (WHERE rating IS NOT NULL AND rated_at IS NULL)::int AS rating_without,
             count(*) FILTER (WHERE greatest(received_at, accepted_at, first_feedback_at, resolved_at, closed_at, rated_at, paused_at, created_at, updated_at) > ${NOW_ISO}::timestamptz)::int AS future
        FROM service_requests`);
    expect(Object.values(bad).every((v) => v === 0), JSON.stringify(bad)).toBe(true);
    const later = await one<{ ev: number; fu: number; al: number; before: number; first: number }>(sql`
      SELECT (SELECT count(*)::int FROM request_events WHERE at > ${NOW_ISO}::timestamptz) AS ev,
             (SELECT count(*)::int FROM follow_ups WHERE at > ${NOW_ISO}::timestamptz) AS fu,
             (SELECT count(*)::int FROM sla_alerts WHERE fired_at > ${NOW_ISO}::timestamptz) AS al,
             (SELECT count(*)::int FROM request_events e JOIN service_requests r ON r.id = e.request_id WHERE e.at < r.received_at) AS before,
             (SELECT count(*)::int FROM service_requests r WHERE (SELECT action FROM request_events e WHERE e.request_id = r.id ORDER BY e.at, e.id LIMIT 1) <> 'submit') AS first`);
    expect(later).toEqual({ ev: 0, fu: 0, al: 0, before: 0, first: 0 });
    // The row's status is the last status on its timeline.
    const mismatch = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM service_requests r
       WHERE r.status <> (SELECT e.to_status FROM request_events e WHERE e.request_id = r.id AND e.to_status IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1)`);
    expect(mismatch.n).toBe(0);
  });

  it('numbers requests SQyyyyMMddNNNNN per Shanghai day and records the counters', async () => {
    const rows = await handle.db
      .select({ number: s.serviceRequests.number, receivedAt: s.serviceRequests.receivedAt })
      .from(s.serviceRequests)
      .orderBy(asc(s.serviceRequests.receivedAt), asc(s.serviceRequests.id));
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const day = toShanghaiIso(r.receivedAt).slice(0, 10).replaceAll('-', '');
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      expect(r.number).toBe(`SQ${day}${String(seq).padStart(5, '0')}`);
    }
    const counters = await handle.db.select().from(s.requestCounters);
    expect(new Map(counters.map((c) => [c.day, c.last]))).toEqual(perDay);
  });

  it("matches every sampled row's deadlines to its policy, received time and timeline", async () => {
    const cal = await calendarFor(handle.db, operatorId);
    const policies = new Map((await handle.db.select().from(s.slaPolicies)).map((p) => [p.id, p]));
    const keyPolicy = [...policies.values()].find((p) => p.forKeyIssue)!;
    const all = await handle.db.select().from(s.serviceRequests).orderBy(asc(s.serviceRequests.number));
    // 150 spread over all rows, plus 50 of the interesting ones (pauses, key issues, rectifications).
    const special = all.filter((r) => r.pausedMinutes > 0 || r.isKeyIssue || r.reopenCount > 0 || r.pausedAt);
    const sample = [...all.filter((_, i) => i % Math.floor(all.length / 150) === 0).slice(0, 150), ...special.filter((_, i) => i % Math.max(1, Math.floor(special.length / 50)) === 0).slice(0, 50)];
    expect(sample.length).toBe(200);
    for (const r of sample) {
      const events = await handle.db.select().from(s.requestEvents).where(eq(s.requestEvents.requestId, r.id)).orderBy(asc(s.requestEvents.at), asc(s.requestEvents.id));
      const submit = events[0]!;
      const base = policies.get((submit.data as { policyId: string }).policyId)!;
      let policy = base;
      const d = computeDeadlines(r.receivedAt, targetsOf(base), cal);
      const done = { accept: false, feedback: false, resolve: false };
      let pausedFrom: Date | null = null;
      for (const e of events) {
        const mode = policy.timeMode as TimeMode;
        if (e.action === 'returnForInfo') pausedFrom = e.at;
        if (e.action === 'reply' && pausedFrom) {
          const push = (due: Date, isDone: boolean) => (isDone ? due : extendForPause(due, pausedFrom!, e.at, mode, cal));
          [d.acceptBy, d.acceptWarnAt] = [push(d.acceptBy, done.accept), push(d.acceptWarnAt, done.accept)];
          [d.feedbackBy, d.feedbackWarnAt] = [push(d.feedbackBy, done.feedback), push(d.feedbackWarnAt, done.feedback)];
          [d.resolveBy, d.resolveWarnAt] = [push(d.resolveBy, done.resolve), push(d.resolveWarnAt, done.resolve)];
          pausedFrom = null;
        }
        if (e.action === 'markKeyIssue') {
          policy = keyPolicy;
          const k = computeDeadlines(e.at, targetsOf(keyPolicy), cal);
          if (!done.feedback) [d.feedbackBy, d.feedbackWarnAt] = [k.feedbackBy, k.feedbackWarnAt];
          [d.resolveBy, d.resolveWarnAt] = [k.resolveBy, k.resolveWarnAt];
        }
        if (e.action === 'rate' && (e.data as { rating: number }).rating <= 2) {
          const due = addTime(e.at, RECTIFICATION_WORKING_MINUTES, 'working', cal);
          [d.resolveBy, d.resolveWarnAt] = [due, due];
          done.resolve = false;
        }
        if (e.action === 'accept') done.accept = true;
        if (e.action === 'feedback') done.feedback = true;
        if (e.action === 'resolve') done.accept = done.feedback = done.resolve = true;
      }
      const iso = (x: Date) => x.toISOString();
      const want = [d.clockStartedAt, d.acceptBy, d.acceptWarnAt, d.feedbackBy, d.feedbackWarnAt, d.resolveBy, d.resolveWarnAt].map(iso);
      const got = [r.clockStartedAt, r.acceptBy, r.acceptWarnAt, r.feedbackBy, r.feedbackWarnAt, r.resolveBy, r.resolveWarnAt].map(iso);
      expect(got, r.number).toEqual(want);
      expect(r.slaPolicyId, r.number).toBe(policy.id);
    }
  }, 60_000);

  it('leaves a live workbench for today, incl. liaison01 and ent0001', async () => {
    const open = await q<{ status: string; n: number; late: number }>(sql`
      SELECT status, count(*)::int AS n, count(*) FILTER (WHERE accepted_at IS NULL AND accept_by < ${NOW_ISO}::timestamptz)::int AS late
        FROM service_requests WHERE status <> 'closed' GROUP BY 1`);
    const by = Object.fromEntries(open.map((o) => [o.status, o]));
    for (const st of ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue', 'resolved']) expect(by[st]?.n ?? 0, st).toBeGreaterThanOrEqual(3);
    const total = open.reduce((a, o) => a + o.n, 0);
    expect(total).toBeGreaterThanOrEqual(50);
    expect(total).toBeLessThanOrEqual(90);
    expect(by.submitted!.late).toBeGreaterThanOrEqual(3);
    // Resolved ones are recent enough that the enterprise can still rate them (no auto-close due yet).
    const settings = await handle.db.select().from(s.operatorSettings).where(eq(s.operatorSettings.operatorId, operatorId));
    const resolved = await handle.db.select().from(s.serviceRequests).where(eq(s.serviceRequests.status, 'resolved'));
    const cal = await calendarFor(handle.db, operatorId);
    for (const r of resolved) expect(addTime(r.resolvedAt!, settings[0]!.autoCloseWorkingDays * 540, 'working', cal) > NOW, r.number).toBe(true);

    const mine = (username: string, join: ReturnType<typeof sql>) =>
      q<{ status: string }>(sql`SELECT r.status FROM service_requests r ${join} WHERE u.username = ${username} AND r.status <> 'closed'`);
    const liaison = await mine('liaison01', sql`JOIN staff st ON st.id = r.liaison_id JOIN users u ON u.id = st.user_id`);
    const ent = await mine('ent0001', sql`JOIN contacts c ON c.enterprise_id = r.enterprise_id JOIN users u ON u.id = c.user_id`);
    expect(liaison.length).toBeGreaterThanOrEqual(6);
    expect(ent.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ent.map((r) => r.status))).toEqual(new Set(['submitted', 'awaiting_info', 'in_progress', 'resolved']));
  });

  it('is deterministic: generating again gives exactly what was inserted', async () => {
    const again = await buildRequestHistory(handle.db, operatorId, { now: NOW });
    const twice = await buildRequestHistory(handle.db, operatorId, { now: NOW });
    expect(historyChecksum(again)).toBe(historyChecksum(twice));
    const requests = (await handle.db.select().from(s.serviceRequests).orderBy(asc(s.serviceRequests.receivedAt), asc(s.serviceRequests.id))) as RequestRow[];
    const events = (await handle.db
      .select({ requestId: s.requestEvents.requestId, action: s.requestEvents.action, at: s.requestEvents.at })
      .from(s.requestEvents)
      .orderBy(asc(s.requestEvents.id))) as EventRow[];
    const followUps = await handle.db.select({ id: s.followUps.id }).from(s.followUps);
    expect(historyChecksum({ requests, events, followUps: followUps as never })).toBe(historyChecksum(again));
  }, 60_000);

  it('does nothing the second time', async () => {
    const before = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_requests`);
    expect(await seedRequestHistory(handle.db, { now: NOW })).toEqual({ requests: 0, events: 0, skipped: true });
    expect(await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_requests`)).toEqual(before);
  });
});
