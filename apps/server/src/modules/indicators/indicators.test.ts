import type { RuleNode } from '@yqt/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { auditLogs, enterprises, policyMatches } from '../../db/schema/index.js';
import { insertPolicy, insertQualification } from '../eligibility/test-fixtures.js';

// 2026-11-25 10:00 in Shanghai: the current year is 2026.
const NOW = new Date('2026-11-25T02:00:00Z');
const t = useTestApp({ clock: () => NOW });
const url = (id: string, year?: number | string) => `/api/v1/enterprises/${id}/indicators${year !== undefined ? `/${year}` : ''}`;
const qurl = (id: string, qid?: string) => `/api/v1/enterprises/${id}/qualifications${qid ? `/${qid}` : ''}`;
const put = (user: string | null, id: string, year: number | string, payload: Record<string, unknown>) => t.req(user, { method: 'PUT', url: url(id, year), payload });
const paths = (res: { json(): { error: { details: { path: string }[] } } }) => res.json().error.details.map((d) => d.path);

beforeAll(async () => {
  // Founded in 2015: years before that are refused.
  await t.handle.db.update(enterprises).set({ foundedOn: '2015-05-01' }).where(eq(enterprises.id, t.fx.entA1.id));
});

describe('indicators: authorization', () => {
  it('read matrix: contact own only, liaison their grid (officer or backup), manager their parks, admin/leader/dept all, other operator none', async () => {
    const { entA1, entA2, entB1 } = t.fx;
    const cases: [string | null, string, number][] = [
      [null, entA1.id, 401],
      ['contact', entA1.id, 200],
      ['contact', entA2.id, 404],
      ['liaison1', entA1.id, 200],
      ['liaison1', entA2.id, 200],
      ['liaison1', entB1.id, 404],
      ['liaison2', entA1.id, 200], // backup officer
      ['liaison2', entA2.id, 404],
      ['liaison3', entA1.id, 404],
      ['manager', entA2.id, 200],
      ['manager', entB1.id, 404],
      ['admin', entB1.id, 200],
      ['leader', entB1.id, 200],
      ['dept', entB1.id, 200],
      ['otheradmin', entA1.id, 404],
      ['admin', t.fx.entX.id, 404],
    ];
    for (const [user, id, status] of cases) {
      const res = await t.req(user, { method: 'GET', url: url(id) });
      expect([user, id, res.statusCode]).toEqual([user, id, status]);
    }
  });

  it('write matrix: 401 anonymous, 403 without the permission, 404 outside scope, 200 inside', async () => {
    const { entA1, entA2, entB1 } = t.fx;
    const body = { operatingRevenue: 100 };
    expect((await put(null, entA2.id, 2024, body)).statusCode).toBe(401);
    expect((await put('leader', entA2.id, 2024, body)).statusCode).toBe(403);
    expect((await put('dept', entA2.id, 2024, body)).statusCode).toBe(403);
    expect((await put('contact', entA2.id, 2024, body)).statusCode).toBe(404);
    expect((await put('liaison3', entA2.id, 2024, body)).statusCode).toBe(404);
    expect((await put('manager', entB1.id, 2024, body)).statusCode).toBe(404);
    expect((await put('otheradmin', entA2.id, 2024, body)).statusCode).toBe(404);
    const ok = await put('liaison1', entA2.id, 2024, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().years[0]).toMatchObject({ year: 2024, source: 'staff', version: 1, updatedByName: '联络员甲' });
    const own = await put('contact', entA1.id, 2023, body);
    expect(own.statusCode).toBe(200);
    expect(own.json().years.find((y: { year: number }) => y.year === 2023).source).toBe('enterprise');
  });

  it('shows the caller whether they may edit', async () => {
    expect((await t.req('leader', { method: 'GET', url: url(t.fx.entA1.id) })).json().abilities).toEqual({ edit: false });
    expect((await t.req('contact', { method: 'GET', url: url(t.fx.entA1.id) })).json().abilities).toEqual({ edit: true });
  });
});

describe('indicators: validation', () => {
  it('400 naming the field for negative amounts, staff and revenue relations, unknown fields and bad enums', async () => {
    const id = t.fx.entA1.id;
    const neg = await put('admin', id, 2025, { operatingRevenue: -1 });
    expect(neg.statusCode).toBe(400);
    expect(paths(neg)).toEqual(['operatingRevenue']);
    expect(paths(await put('admin', id, 2025, { rdStaff: 11, totalStaff: 10 }))).toEqual(['rdStaff']);
    expect(paths(await put('admin', id, 2025, { operatingRevenue: 100, mainBusinessRevenue: 100.01 }))).toEqual(['mainBusinessRevenue']);
    expect(paths(await put('admin', id, 2025, { operatingRevenue: 100, exportRevenue: 101 }))).toEqual(['exportRevenue']);
    expect(paths(await put('admin', id, 2025, { ipClass1: 1.5 }))).toEqual(['ipClass1']);
    expect(paths(await put('admin', id, 2025, { creditStanding: 'AAA' }))).toEqual(['creditStanding']);
    expect(paths(await put('admin', id, 2025, { revenue: 1 }))).toEqual(['revenue']);
  });

  it('year within [founding year, current year], named as the field', async () => {
    const id = t.fx.entA1.id;
    const late = await put('admin', id, 2027, { operatingRevenue: 1 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0]).toMatchObject({ path: 'year', message: '年度不能晚于2026年' });
    const early = await put('admin', id, 2014, { operatingRevenue: 1 });
    expect(early.json().error.details[0]).toMatchObject({ path: 'year', message: '年度不能早于成立年份（2015年）' });
    expect((await put('admin', id, 2015, { operatingRevenue: 1 })).statusCode).toBe(200);
    expect((await put('admin', id, 'abc', { operatingRevenue: 1 })).statusCode).toBe(400);
  });

  it('accepts a negative net profit (a loss) and empty fields as "not reported"', async () => {
    const res = await put('admin', t.fx.entA2.id, 2022, { netProfit: -35.5 });
    expect(res.statusCode).toBe(200);
    const y = res.json().years.find((x: { year: number }) => x.year === 2022);
    expect(y.values).toMatchObject({ netProfit: -35.5, operatingRevenue: null, creditStanding: null });
    expect(y.derived.netProfitMargin).toBeNull();
  });
});

describe('indicators: compare-and-set, history, derived ratios, audit', () => {
  it('creates, refuses an update without version, updates with version, refuses a stale version, keeps history', async () => {
    const id = t.fx.entB1.id;
    const first = await put('admin', id, 2024, { operatingRevenue: 1000, rdExpense: 40, rdStaff: 12, totalStaff: 100 });
    expect(first.statusCode).toBe(200);
    const noVersion = await put('admin', id, 2024, { operatingRevenue: 1100 });
    expect(noVersion.statusCode).toBe(409);
    expect(noVersion.json().error.details).toEqual({ currentVersion: 1 });
    const second = await put('liaison2', id, 2024, { operatingRevenue: 1100, rdExpense: 44, version: 1 });
    expect(second.statusCode).toBe(200);
    expect(second.json().years[0]).toMatchObject({ year: 2024, version: 2, values: { operatingRevenue: 1100, rdExpense: 44, rdStaff: null } });
    const stale = await put('admin', id, 2024, { operatingRevenue: 1, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentVersion: 2 });
    const ghost = await put('admin', id, 2021, { operatingRevenue: 1, version: 3 });
    expect(ghost.statusCode).toBe(409);

    const hist = await t.req('liaison2', { method: 'GET', url: `${url(id, 2024)}/history` });
    expect(hist.statusCode).toBe(200);
    expect(hist.json()).toMatchObject({ total: 1, page: 1 });
    expect(hist.json().items[0]).toMatchObject({
      version: 1,
      values: { operatingRevenue: 1000, rdExpense: 40, rdStaff: 12, totalStaff: 100 },
      source: 'staff',
      recordedByName: '管理员',
      replacedByName: '联络员乙',
      replacedAt: NOW.toISOString(),
    });
    expect((await t.req('liaison1', { method: 'GET', url: `${url(id, 2024)}/history` })).statusCode).toBe(404);

    const audits = await t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityType, 'enterprise_indicators'));
    const mine = audits.filter((a) => (a.after as { enterpriseId?: string }).enterpriseId === id);
    expect(mine.map((a) => a.action).sort()).toEqual(['indicators.create', 'indicators.update']);
  });

  it('of two concurrent writers with the same version, exactly one wins', async () => {
    const id = t.fx.entB1.id;
    await put('admin', id, 2020, { operatingRevenue: 10 });
    const [a, b] = await Promise.all([put('admin', id, 2020, { operatingRevenue: 11, version: 1 }), put('liaison2', id, 2020, { operatingRevenue: 12, version: 1 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('derives ratios when read, growth from the previous year', async () => {
    const id = t.fx.entB1.id;
    await put('admin', id, 2025, { operatingRevenue: 1320, mainBusinessRevenue: 1200, rdExpense: 66, rdStaff: 15, totalStaff: 100, totalAssets: 2000, totalLiabilities: 900, netProfit: 132, exportRevenue: 330 });
    const res = await t.req('admin', { method: 'GET', url: url(id) });
    const body = res.json();
    expect(body.latestYear).toBe(2025);
    expect(body.yearRange).toEqual({ min: 1949, max: 2026 });
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2025, 2024, 2020]);
    expect(body.years[0].derived).toEqual({
      rdRatio: 0.05,
      mainBusinessShare: 0.909090909,
      revenueGrowth: 0.2, // 1320 / 1100 − 1
      mainBusinessGrowth: null, // no main-business revenue in 2024
      debtRatio: 0.45,
      rdStaffRatio: 0.15,
      netProfitMargin: 0.1,
      exportShare: 0.25,
    });
    expect(body.years[1].derived.revenueGrowth).toBeNull(); // no 2023 row
  });
});

describe('qualifications', () => {
  it('validates dates and naming the field, 201 with validity, 409 on a duplicate', async () => {
    const id = t.fx.entA2.id;
    const bad = await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'high_tech', obtainedOn: '2025-01-01', validUntil: '2024-12-31' } });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['validUntil']);
    const future = await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'high_tech', obtainedOn: '2026-11-26' } });
    expect(paths(future)).toEqual(['obtainedOn']);
    expect(paths(await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'nobel', obtainedOn: '2025-01-01' } }))).toEqual(['kind']);
    const ok = await t.req('liaison1', { method: 'POST', url: qurl(id), payload: { kind: 'high_tech', obtainedOn: '2023-11-25', validUntil: '2026-11-24', certificateNo: 'GR202343000123' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'high_tech', validUntil: '2026-11-24', validNow: false, certificateNo: 'GR202343000123' });
    const same = await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'high_tech', obtainedOn: '2023-11-25' } });
    expect(same.statusCode).toBe(409);
    const open = await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'srdi', obtainedOn: '2026-11-25' } });
    expect(open.json()).toMatchObject({ validUntil: null, validNow: true });
  });

  it('authorization and deletion: 404 for a qualification of another enterprise', async () => {
    const q = (await t.req('admin', { method: 'POST', url: qurl(t.fx.entB1.id), payload: { kind: 'gazelle', obtainedOn: '2024-05-01', validUntil: '2027-04-30' } })).json();
    expect((await t.req(null, { method: 'DELETE', url: qurl(t.fx.entB1.id, q.id) })).statusCode).toBe(401);
    expect((await t.req('leader', { method: 'DELETE', url: qurl(t.fx.entB1.id, q.id) })).statusCode).toBe(403);
    expect((await t.req('liaison1', { method: 'DELETE', url: qurl(t.fx.entB1.id, q.id) })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'DELETE', url: qurl(t.fx.entA2.id, q.id) })).statusCode).toBe(404);
    expect((await t.req('contact', { method: 'POST', url: qurl(t.fx.entB1.id), payload: { kind: 'gazelle', obtainedOn: '2024-05-01' } })).statusCode).toBe(404);
    expect((await t.req('liaison2', { method: 'DELETE', url: qurl(t.fx.entB1.id, q.id) })).statusCode).toBe(200);
    const after = (await t.req('admin', { method: 'GET', url: url(t.fx.entB1.id) })).json();
    expect(after.qualifications.find((x: { id: string }) => x.id === q.id)).toBeUndefined();
    const log = await t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityId, q.id));
    expect(log.map((l) => l.action).sort()).toEqual(['qualification.create', 'qualification.delete']);
  });
});

describe('indicator writes recompute the enterprise matches in the same transaction', () => {
  it('nearly → eligible → nearly → not eligible as data and qualifications change; unrelated enterprises untouched', async () => {
    const rules: RuleNode = {
      kind: 'all',
      label: '测试条件',
      children: [
        { kind: 'compare', label: '营业收入不低于5,000万元', metric: 'operatingRevenue', op: 'gte', value: 5000 },
        { kind: 'qualification', label: '持有瞪羚企业资质', qualification: 'gazelle', negate: false },
      ],
    };
    const policy = await insertPolicy(t.handle.db, t.fx.op.id, rules, { rulesVersion: 3 });
    const id = t.fx.entA2.id;
    const stored = () => t.handle.db.select().from(policyMatches).where(and(eq(policyMatches.policyId, policy.id), eq(policyMatches.enterpriseId, id)));
    // B1 holds the qualification (written directly, no recompute): evaluated, it would be "nearly" and stored.
    await insertQualification(t.handle.db, t.fx.entB1.id, 'gazelle', '2025-01-01', '2027-12-31');

    await put('admin', id, 2026, { operatingRevenue: 5000 });
    let [m] = await stored();
    expect(m).toMatchObject({ verdict: 'nearly', missingCount: 1, rulesVersion: 3 });
    expect((m!.conditions as { label: string; status: string }[]).map((c) => [c.label, c.status])).toEqual([['持有瞪羚企业资质', 'unmet']]);

    const q = (await t.req('admin', { method: 'POST', url: qurl(id), payload: { kind: 'gazelle', obtainedOn: '2025-01-01', validUntil: '2027-12-31' } })).json();
    [m] = await stored();
    expect(m?.verdict).toBe('eligible');

    await put('admin', id, 2026, { operatingRevenue: 4999.99, version: 1 });
    [m] = await stored();
    expect(m).toMatchObject({ verdict: 'nearly', missingCount: 1 });

    const others = await t.handle.db.select().from(policyMatches).where(eq(policyMatches.policyId, policy.id));
    expect(others.map((o) => o.enterpriseId)).toEqual([id]);

    expect((await t.req('admin', { method: 'DELETE', url: qurl(id, q.id) })).statusCode).toBe(200);
    // 2 unmet leaves: not eligible (nearly is at most 1) — the stored row is removed
    expect(await stored()).toEqual([]);
    const live = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${id}/policy-matches` })).json();
    expect(live.items.find((i: { policyId: string }) => i.policyId === policy.id)).toMatchObject({ verdict: 'not_eligible', missingCount: 2 });
  });

  it('a failing write leaves no trace: no row, no history, no match change', async () => {
    const before = await t.handle.db.select().from(policyMatches);
    const res = await put('admin', t.fx.entA2.id, 2026, { operatingRevenue: 9000, version: 99 });
    expect(res.statusCode).toBe(409);
    expect(await t.handle.db.select().from(policyMatches)).toEqual(before);
  });
});
