import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { rowsOf, type DbHandle } from '../core/db.js';
import * as s from '../db/schema/index.js';
import { stepDueAt } from '../modules/applications/index.js';
import { calendarFor } from '../modules/requests/index.js';
import { toShanghaiIso } from '../modules/sla/sla-engine.js';
import { seedApplications, type ApplicationSeedResult } from './applications.js';
import { DEMO_PASSWORD } from './generate.js';
import { seedDemo } from './seed.js';

const NOW = new Date('2026-11-25T10:00:00+08:00');
let handle: DbHandle;
let operatorId = '';
let result: ApplicationSeedResult;
let before: ApplicationSeedResult;
const included = new Set<string>();
let app: FastifyInstance;

const CHECKLIST = [
  { name: '营业执照', required: true },
  { name: '研发费用专项审计报告', required: true },
  { name: '其他证明材料', required: false },
];

beforeAll(async () => {
  handle = await freshDb();
  await seedDemo(handle.db);
  const [op] = await handle.db.select({ id: s.operators.id }).from(s.operators).where(eq(s.operators.code, 'gkyc'));
  operatorId = op!.id;
  before = await seedApplications(handle.db, operatorId, NOW);
  const [service] = await handle.db.select({ id: s.departments.id }).from(s.departments).where(eq(s.departments.name, '企业服务部'));
  // Demo-like policies (the policy library's own seeder is not needed for this test).
  const mk = (key: string, over: Partial<typeof s.policies.$inferInsert>) => ({
    operatorId, key, title: key, issuer: '株洲高新区管委会', level: 'zone', benefitType: 'subsidy', maxAmountWan: 50, interpretation: {}, departmentId: service!.id, materials: CHECKLIST, status: 'published', ...over,
  });
  const rows = await handle.db
    .insert(s.policies)
    .values([
      mk('open-30', { applyFrom: '2026-10-26', applyUntil: '2026-12-25' }),
      mk('open-20', { applyFrom: '2026-11-05', applyUntil: '2026-12-31', maxAmountWan: 100 }),
      mk('open-10-no-money', { applyFrom: '2026-11-15', applyUntil: '2026-12-31', maxAmountWan: null, benefitType: 'qualification', materials: [] }),
      mk('open-320', { applyFrom: '2026-01-09', applyUntil: '2026-12-31', maxAmountWan: 30 }),
      mk('past-published', { applyFrom: '2026-03-01', applyUntil: '2026-04-30', maxAmountWan: 200, departmentId: null }),
      mk('past-expired', { applyFrom: '2025-05-01', applyUntil: '2025-06-30', maxAmountWan: 20, status: 'expired' }),
      mk('x-draft', { applyFrom: '2026-11-01', applyUntil: '2026-12-31', status: 'draft' }),
      mk('x-future', { applyFrom: '2026-12-10', applyUntil: '2026-12-31' }),
      mk('x-no-window', { applyFrom: null, applyUntil: null }),
      mk('x-withdrawn', { applyFrom: '2026-03-01', applyUntil: '2026-04-30', status: 'withdrawn' }),
    ])
    .returning({ id: s.policies.id, key: s.policies.key });
  for (const r of rows) if (!r.key!.startsWith('x-')) included.add(r.id);
  const t0 = performance.now();
  result = await seedApplications(handle.db, operatorId, NOW);
  console.log(`seedApplications: ${Math.round(performance.now() - t0)} ms`, result);
  app = await buildApp({ ...loadConfig({}), logLevel: 'silent' as const, webDist: null }, { db: handle.db, clock: () => NOW });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(handle.db, query);
async function login(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  const c = res.cookies.find((x) => x.name === 'yqt_session')!;
  return (url: string) => app.inject({ method: 'GET', url, headers: { cookie: `yqt_session=${c.value}` } }).then((r) => r.json());
}

describe('seedApplications', () => {
  it('skips gracefully without published policies, then seeds; a second run does nothing', async () => {
    expect(before).toEqual({ applications: 0, events: 0, materials: 0, skipped: true });
    expect(result.skipped).toBe(false);
    expect(result.applications).toBeGreaterThanOrEqual(15);
    const [c] = await q<{ a: number; e: number; m: number }>(sql`SELECT (SELECT count(*)::int FROM policy_applications) AS a, (SELECT count(*)::int FROM application_events) AS e, (SELECT count(*)::int FROM application_materials) AS m`);
    expect(c).toEqual({ a: result.applications, e: result.events, m: result.materials });
    expect(await seedApplications(handle.db, operatorId, NOW)).toMatchObject({ skipped: true });
    const [again] = await q<{ a: number }>(sql`SELECT count(*)::int AS a FROM policy_applications`);
    expect(again!.a).toBe(result.applications);
  });

  it('covers every state, only on policies whose window has opened', async () => {
    const states = await q<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM policy_applications GROUP BY status ORDER BY status`);
    expect(states.map((x) => x.status)).toEqual(['approved', 'disbursed', 'prechecked', 'rejected', 'returned', 'submitted', 'withdrawn']);
    const used = await q<{ policyId: string }>(sql`SELECT DISTINCT policy_id AS "policyId" FROM policy_applications`);
    for (const u of used) expect(included.has(u.policyId)).toBe(true);
    // Submitted within the window (Shanghai dates); nothing in the future.
    const [bad] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM policy_applications a JOIN policies p ON p.id = a.policy_id
       WHERE (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date < p.apply_from
          OR (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date > p.apply_until
          OR a.submitted_at > ${NOW} OR a.updated_at > ${NOW}`);
    expect(bad!.n).toBe(0);
  });

  it('keeps timelines, versions, amounts, deadlines and materials consistent with the workflow', async () => {
    const apps = await handle.db.select().from(s.policyApplications);
    const events = await handle.db.select().from(s.applicationEvents).orderBy(s.applicationEvents.createdAt, s.applicationEvents.id);
    const mats = await handle.db.select({ applicationId: s.applicationMaterials.applicationId, item: s.applicationMaterials.item, data: s.applicationMaterials.data }).from(s.applicationMaterials);
    const pols = new Map((await handle.db.select().from(s.policies)).map((p) => [p.id, p]));
    const cal = await calendarFor(handle.db, operatorId);
    const statusSteps = new Set(['submit', 'return', 'resubmit', 'precheck', 'approve', 'reject', 'disburse', 'withdraw']);
    for (const a of apps) {
      const p = pols.get(a.policyId)!;
      const mine = events.filter((e) => e.applicationId === a.id);
      const steps = mine.filter((e) => statusSteps.has(e.action));
      expect(steps[0]).toMatchObject({ action: 'submit', fromStatus: null, toStatus: 'submitted' });
      expect(steps[0]!.createdAt!.getTime()).toBe(a.submittedAt.getTime());
      // Each step starts where the previous one left off; the last one is the current status.
      steps.forEach((e, i) => i > 0 && expect(e.fromStatus).toBe(steps[i - 1]!.toStatus));
      expect(steps.at(-1)!.toStatus).toBe(a.status);
      expect(a.version).toBe(steps.length);
      for (const e of mine) expect(e.createdAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(a.stepDueAt?.getTime() ?? null).toBe(stepDueAt(a.status as never, steps.at(-1)!.createdAt!, cal)?.getTime() ?? null);
      expect(a.departmentId).toBe(p.departmentId);
      expect(a.number).toBe(`SB${toShanghaiIso(a.submittedAt).slice(0, 10).replaceAll('-', '')}${a.number.slice(10)}`);
      if (p.maxAmountWan !== null) expect(a.requestedAmountWan!).toBeLessThanOrEqual(p.maxAmountWan);
      if (a.approvedAmountWan !== null) expect(a.approvedAmountWan).toBeLessThanOrEqual(a.requestedAmountWan!);
      if (a.status === 'disbursed') {
        expect(a.disbursedAmountWan).toBe(a.approvedAmountWan);
        expect(a.disbursementRef).toBeTruthy();
        expect(a.disbursedOn! >= toShanghaiIso(a.decidedAt!).slice(0, 10)).toBe(true);
      }
      if (a.status === 'rejected') expect(a.rejectReason).toBe(steps.at(-1)!.note);
      expect(a.decidedAt !== null).toBe(['approved', 'rejected', 'disbursed'].includes(a.status));
      // Past pre-check, every required item has a file; a returned application misses one (the reason for returning).
      const items = new Set(mats.filter((m) => m.applicationId === a.id).map((m) => m.item));
      const required = (p.materials as { name: string; required: boolean }[]).filter((m) => m.required).map((m) => m.name);
      if (steps.some((e) => e.action === 'precheck')) for (const r of required) expect(items.has(r)).toBe(true);
      if (a.status === 'returned' && required.length) expect(required.some((r) => !items.has(r))).toBe(true);
    }
    expect(mats[0]!.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The officer who pre-checked is the enterprise's liaison officer.
    const [wrong] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM application_events ev JOIN policy_applications a ON a.id = ev.application_id
        JOIN enterprises e ON e.id = a.enterprise_id JOIN staff st ON st.id = e.liaison_id
       WHERE ev.action = 'precheck' AND ev.actor_user_id IS DISTINCT FROM st.user_id`);
    expect(wrong!.n).toBe(0);
    // Live submissions continue each day's sequence: the counter of every seeded day is that day's count.
    const counters = await q<{ day: string; last: number; n: number }>(sql`
      SELECT c.day, c.last, (SELECT count(*)::int FROM policy_applications a WHERE a.number LIKE c.day || '%') AS n
        FROM request_counters c WHERE c.day LIKE 'SB%' ORDER BY c.day`);
    const days = await q<{ n: number }>(sql`SELECT count(DISTINCT left(number, 10))::int AS n FROM policy_applications`);
    expect(counters).toHaveLength(days[0]!.n);
    for (const c of counters) expect(c.last).toBe(c.n);
  });

  it('the demo logins see theirs: ent0001 its own (public timeline only), liaison01 a pre-check queue', async () => {
    const ent = await login('ent0001');
    const own = await ent('/api/v1/applications?pageSize=100');
    expect(own.total).toBeGreaterThanOrEqual(3);
    expect(new Set(own.items.map((i: { enterpriseId: string }) => i.enterpriseId)).size).toBe(1);
    for (const item of own.items) {
      const d = await ent(`/api/v1/applications/${item.id}`);
      expect(d.timeline.every((e: { visibility: string }) => e.visibility === 'public')).toBe(true);
    }
    const officer = await login('liaison01');
    const queue = await officer('/api/v1/applications?mine=true');
    expect(queue.total).toBeGreaterThanOrEqual(1);
    expect(queue.items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
    const dept = await login('dept01');
    expect((await dept('/api/v1/applications?pageSize=1')).total).toBeGreaterThan(0);
  });
});
