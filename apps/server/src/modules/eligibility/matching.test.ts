import type { RuleNode } from '@yqt/contracts';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { creditCode } from '../../../test/fixture.js';
import { enterprises, policies, policyMatches } from '../../db/schema/index.js';
import { searchFieldsFor } from '../enterprises/index.js';
import { recomputeAllMatches, recomputeEnterpriseMatches, recomputePolicyMatches } from './matching.service.js';
import { insertPolicy, insertQualification, insertYear } from './test-fixtures.js';

const NOW = new Date('2026-11-25T02:00:00Z'); // Shanghai 2026-11-25
const t = useTestApp({ clock: () => NOW });

/** P1: revenue ≥ 1,000万元, R&D ratio ≥ 3%, valid high-tech certificate. */
const P1: RuleNode = {
  kind: 'all',
  label: '研发补助',
  children: [
    { kind: 'compare', label: '营业收入不低于1000万元', metric: 'operatingRevenue', op: 'gte', value: 1000 },
    { kind: 'compare', label: '研发费用占比不低于3%', metric: 'rdRatio', op: 'gte', value: 0.03 },
    { kind: 'qualification', label: '高新技术企业', qualification: 'high_tech', negate: false },
  ],
};
/** P2: (Ⅰ类知识产权 ≥ 2 or provincial R&D institution) and revenue growth ≥ 10%. */
const P2: RuleNode = {
  kind: 'all',
  label: '创新奖励',
  children: [
    {
      kind: 'any',
      label: '创新能力',
      children: [
        { kind: 'compare', label: 'Ⅰ类知识产权不少于2件', metric: 'ipClass1', op: 'gte', value: 2 },
        { kind: 'compare', label: '省级及以上研发机构', metric: 'rdInstitutionLevel', op: 'gte', value: 'provincial' },
      ],
    },
    { kind: 'compare', label: '营业收入增长不低于10%', metric: 'revenueGrowth', op: 'gte', value: 0.1 },
  ],
};

let p1: string;
let p2: string;
let draft: string;
let noRules: string;
let movedOut: string;

beforeAll(async () => {
  const db = t.handle.db;
  const { op, entA1, entA2, entB1, parkA } = t.fx;
  const name = '株洲已迁出测试有限公司';
  const [m] = await db
    .insert(enterprises)
    .values({ operatorId: op.id, parkId: parkA.id, creditCode: creditCode(91), name, industryCode: 'C', size: 'small', status: 'moved_out', ...searchFieldsFor({ name, creditCode: creditCode(91) }) })
    .returning();
  movedOut = m!.id;
  for (const id of [entA1.id, movedOut]) {
    await insertYear(db, id, 2025, { operatingRevenue: 12000, rdExpense: 600, rdStaff: 30, totalStaff: 200, ipClass1: 3 });
    await insertYear(db, id, 2024, { operatingRevenue: 10000 });
    await insertQualification(db, id, 'high_tech', '2024-01-01', '2026-12-31');
  }
  await insertYear(db, entA2.id, 2025, { operatingRevenue: 800, rdExpense: 20, rdStaff: 5, totalStaff: 50 });
  await insertQualification(db, entA2.id, 'high_tech', '2022-11-01', '2025-10-31'); // expired
  // B1: one condition away from P1 (R&D expense not reported) and from P2 (IP / R&D institution not reported).
  await insertYear(db, entB1.id, 2025, { operatingRevenue: 3000 });
  await insertYear(db, entB1.id, 2024, { operatingRevenue: 2500 }); // growth 20 %
  await insertQualification(db, entB1.id, 'high_tech', '2024-06-01', '2027-05-31');
  p1 = (await insertPolicy(db, op.id, P1, { title: '研发费用补助', rulesVersion: 2, applyFrom: '2026-11-01', applyUntil: '2026-12-31', maxAmountWan: 50 })).id;
  p2 = (await insertPolicy(db, op.id, P2, { title: '创新奖励', level: 'city', benefitType: 'award' })).id;
  draft = (await insertPolicy(db, op.id, P1, { title: '草稿政策', status: 'draft' })).id;
  noRules = (await insertPolicy(db, op.id, null, { title: '无条件政策' })).id;
  await insertPolicy(db, t.fx.op2.id, P1, { title: '别家政策' });
});

const stored = async (policyId: string) =>
  (await t.handle.db.select().from(policyMatches).where(eq(policyMatches.policyId, policyId))).map((r) => ({ e: r.enterpriseId, v: r.verdict, m: r.missingCount, rv: r.rulesVersion })).sort((a, b) => a.e.localeCompare(b.e));
const sortE = <T extends { e: string }>(xs: T[]) => xs.sort((a, b) => a.e.localeCompare(b.e));

describe('recomputePolicyMatches', () => {
  it('stores eligible and nearly rows only, for active enterprises, with the rules version', async () => {
    const { entA1, entB1 } = t.fx;
    expect(await recomputePolicyMatches(t.handle.db, p1, NOW)).toEqual({ eligible: 1, nearly: 1 });
    expect(await stored(p1)).toEqual(sortE([
      { e: entA1.id, v: 'eligible', m: 0, rv: 2 },
      { e: entB1.id, v: 'nearly', m: 1, rv: 2 }, // R&D unknown; A2 (3 unmet) is not stored
    ]));
    const [b1] = await t.handle.db.select().from(policyMatches).where(eq(policyMatches.enterpriseId, entB1.id));
    // Stored: only what stands in the way (exactly missing_count conditions, all of them blocking):
    // not the met revenue and certificate.
    expect(b1!.conditions).toEqual([
      { label: '研发费用占比不低于3%', status: 'unknown', actual: null, required: '≥ 3%', missing: '2025年 研发费用' },
    ]);
  });

  it('a policy that is not published, or has no rules, ends with no rows', async () => {
    await t.handle.db.insert(policyMatches).values({ policyId: draft, enterpriseId: t.fx.entA1.id, verdict: 'eligible', conditions: [], rulesVersion: 1 });
    expect(await recomputePolicyMatches(t.handle.db, draft, NOW)).toEqual({ eligible: 0, nearly: 0 });
    expect(await stored(draft)).toEqual([]);
    expect(await recomputePolicyMatches(t.handle.db, noRules, NOW)).toEqual({ eligible: 0, nearly: 0 });
  });

  it('recomputing one enterprise replaces only its rows', async () => {
    await recomputePolicyMatches(t.handle.db, p2, NOW);
    const before = await stored(p2);
    // A2: innovation and growth both unknown — two conditions away, not "nearly", not stored.
    expect(before).toEqual(sortE([
      { e: t.fx.entA1.id, v: 'eligible', m: 0, rv: 1 },
      { e: t.fx.entB1.id, v: 'nearly', m: 1, rv: 1 },
    ]));
    await insertYear(t.handle.db, t.fx.entA2.id, 2024, { operatingRevenue: 700 }); // growth 800/700 − 1 = 14.3 %: one condition away
    await recomputeEnterpriseMatches(t.handle.db, t.fx.entA2.id, NOW);
    expect(await stored(p2)).toEqual(sortE([
      { e: t.fx.entA1.id, v: 'eligible', m: 0, rv: 1 },
      { e: t.fx.entA2.id, v: 'nearly', m: 1, rv: 1 },
      { e: t.fx.entB1.id, v: 'nearly', m: 1, rv: 1 },
    ]));
  });

  it('recomputeAllMatches: every published policy of the operator, stale rows of unpublished ones removed', async () => {
    await t.handle.db.insert(policyMatches).values({ policyId: draft, enterpriseId: t.fx.entA2.id, verdict: 'nearly', conditions: [], rulesVersion: 1 });
    const r = await recomputeAllMatches(t.handle.db, t.fx.op.id, NOW);
    expect(r).toMatchObject({ policies: 2, enterprises: 3, eligible: 2, nearly: 3 });
    expect(r.totalMs).toBeGreaterThan(0);
    expect(await stored(draft)).toEqual([]);
    const all = await t.handle.db.select().from(policyMatches);
    expect(all.some((x) => x.enterpriseId === movedOut)).toBe(false);
  });
});

describe('GET /enterprises/{id}/policy-matches (live)', () => {
  const get = (user: string | null, id: string, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/enterprises/${id}/policy-matches${qs}` });

  it('authorization: anonymous 401, other enterprise 404, grid/park scope', async () => {
    expect((await get(null, t.fx.entA1.id)).statusCode).toBe(401);
    expect((await get('contact', t.fx.entA2.id)).statusCode).toBe(404);
    expect((await get('liaison3', t.fx.entA1.id)).statusCode).toBe(404);
    expect((await get('manager', t.fx.entB1.id)).statusCode).toBe(404);
    expect((await get('otheradmin', t.fx.entA1.id)).statusCode).toBe(404);
    expect((await get('contact', t.fx.entA1.id)).statusCode).toBe(200);
    expect((await get('dept', t.fx.entB1.id)).statusCode).toBe(200);
  });

  it('evaluates every published policy with rules, not_eligible included, eligible → nearly → not_eligible', async () => {
    const res = await get('liaison1', t.fx.entA2.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ eligible: 0, nearly: 1, not_eligible: 1 });
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50, evaluatedOn: '2026-11-25' });
    expect(body.items.map((i: { policyId: string; verdict: string; missingCount: number }) => [i.policyId, i.verdict, i.missingCount])).toEqual([
      [p2, 'nearly', 1],
      [p1, 'not_eligible', 3],
    ]);
    expect(body.items[1]).toMatchObject({
      enterpriseId: t.fx.entA2.id,
      evaluatedAt: NOW.toISOString(),
      policy: { title: '研发费用补助', level: 'zone', benefitType: 'subsidy', maxAmountWan: 50, applyFrom: '2026-11-01', applyUntil: '2026-12-31', windowOpen: true },
    });
    expect(body.items[0].policy.windowOpen).toBe(false);
    expect(body.items[1].conditions.find((c: { label: string }) => c.label === '高新技术企业')).toMatchObject({ status: 'unmet', actual: '高新技术企业：已于2025-10-31到期', blocking: true });
    // A2 reported no IP count for 2025: that would settle the innovation alternative of P2.
    expect(body.missingData).toEqual([{ metric: 'ipClass1', year: 2025, label: '2025年 Ⅰ类知识产权', policies: 1 }]);
  });

  it('filters by verdict and paginates; counts stay over all policies', async () => {
    const only = (await get('admin', t.fx.entA2.id, '?verdict=not_eligible')).json();
    expect(only.items.map((i: { policyId: string }) => i.policyId)).toEqual([p1]);
    expect(only).toMatchObject({ total: 1, counts: { eligible: 0, nearly: 1, not_eligible: 1 } });
    const page2 = (await get('admin', t.fx.entA2.id, '?pageSize=1&page=2')).json();
    expect(page2.items.map((i: { policyId: string }) => i.policyId)).toEqual([p1]);
    expect((await get('admin', t.fx.entA2.id, '?verdict=maybe')).statusCode).toBe(400);
  });

  it('reflects a rule edit at once (compiled rules are cached by content, not by version)', async () => {
    const before = (await get('admin', t.fx.entA2.id)).json();
    const strict: RuleNode = { kind: 'compare', label: '营业收入不低于1亿元', metric: 'operatingRevenue', op: 'gte', value: 10000 };
    await t.handle.db.update(policies).set({ rules: strict }).where(eq(policies.id, p2)); // no version bump on purpose
    const after = (await get('admin', t.fx.entA2.id)).json();
    expect(after.items.find((i: { policyId: string }) => i.policyId === p2).conditions.map((c: { label: string }) => c.label)).toEqual(['营业收入不低于1亿元']);
    await t.handle.db.update(policies).set({ rules: P2 }).where(eq(policies.id, p2));
    expect((await get('admin', t.fx.entA2.id)).json().items).toEqual(before.items);
  });

  it('an enterprise contact sees its own eligibility and nothing of other enterprises', async () => {
    const body = (await get('contact', t.fx.entA1.id)).json();
    expect(body.items.every((i: { enterpriseId: string }) => i.enterpriseId === t.fx.entA1.id)).toBe(true);
    expect(body.counts).toEqual({ eligible: 2, nearly: 0, not_eligible: 0 });
    expect(body.missingData).toEqual([]);
  });
});

describe('GET /policies/{id}/matches', () => {
  const list = (user: string | null, id: string, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/policies/${id}/matches${qs}` });
  const ids = (res: { json(): { items: { enterpriseId: string }[] } }) => res.json().items.map((i) => i.enterpriseId);

  beforeAll(async () => {
    await recomputePolicyMatches(t.handle.db, p1, NOW);
  });

  it('authorization: 401, enterprise contact 403, other operator 404', async () => {
    expect((await list(null, p1)).statusCode).toBe(401);
    expect((await list('contact', p1)).statusCode).toBe(403);
    expect((await list('otheradmin', p1)).statusCode).toBe(404);
    expect((await list('admin', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('scope: admin all, park manager their parks, liaison their grid (officer or backup)', async () => {
    const { entA1, entB1 } = t.fx;
    const admin = await list('admin', p1);
    expect(admin.statusCode).toBe(200);
    expect(ids(admin)).toEqual([entA1.id, entB1.id]); // eligible first
    expect(admin.json()).toMatchObject({ total: 2, counts: { eligible: 1, nearly: 1 } });
    expect(admin.json().items[0]).toMatchObject({
      policyId: p1,
      verdict: 'eligible',
      missingCount: 0,
      rulesVersion: 2,
      enterprise: { name: entA1.name, creditCode: entA1.creditCode, parkId: t.fx.parkA.id, parkName: '动力谷自主创新园', liaisonName: '联络员甲' },
    });
    // The page is explained in full (every condition, met ones included), evaluated now.
    expect(admin.json().items[1].conditions.map((c: { label: string; status: string; blocking?: boolean }) => [c.label, c.status, c.blocking ?? false])).toEqual([
      ['营业收入不低于1000万元', 'met', false],
      ['研发费用占比不低于3%', 'unknown', true],
      ['高新技术企业', 'met', false],
    ]);
    expect(admin.json().items[0]).toMatchObject({ evaluatedAt: NOW.toISOString() });
    expect(ids(await list('manager', p1))).toEqual([entA1.id]);
    expect(ids(await list('liaison1', p1))).toEqual([entA1.id]);
    expect(ids(await list('liaison2', p1))).toEqual([entA1.id, entB1.id]);
    expect(ids(await list('liaison3', p1))).toEqual([]);
    expect(ids(await list('leader', p1))).toEqual([entA1.id, entB1.id]);
  });

  it('filters: verdict, park, officer (or backup); pagination', async () => {
    const { entA1, entB1, parkB, liaison2 } = t.fx;
    expect(ids(await list('admin', p1, '?verdict=nearly'))).toEqual([entB1.id]);
    expect(ids(await list('admin', p1, `?parkId=${parkB.id}`))).toEqual([entB1.id]);
    expect(ids(await list('admin', p1, `?liaisonId=${liaison2.staff!.id}`))).toEqual([entA1.id, entB1.id]);
    const p = await list('admin', p1, '?pageSize=1&page=2');
    expect(ids(p)).toEqual([entB1.id]);
    expect(p.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    const bad = await list('admin', p1, '?verdict=not_eligible');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('verdict');
  });

  it('never shows rows of an older rules version; drafts only to policy managers', async () => {
    await t.handle.db.update(policies).set({ rulesVersion: 3 }).where(eq(policies.id, p1));
    expect(ids(await list('admin', p1))).toEqual([]);
    await t.handle.db.update(policies).set({ rulesVersion: 2 }).where(eq(policies.id, p1));
    expect((await list('liaison1', draft)).statusCode).toBe(404);
    expect((await list('manager', draft)).statusCode).toBe(200);
  });

  it('exports the same list as .xlsx', async () => {
    const res = await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p1}/matches.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe(t.fx.entA1.name);
    expect(ws.getRow(3).getCell(5).value).toBe('接近可申报');
    expect(String(ws.getRow(3).getCell(7).value)).toContain('研发费用占比不低于3%（缺少数据：2025年 研发费用）');
    expect((await t.req('manager', { method: 'GET', url: `/api/v1/policies/${p1}/matches.xlsx?parkId=${t.fx.parkB.id}` })).statusCode).toBe(200);
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/policies/${p1}/matches.xlsx` })).statusCode).toBe(403);
  });
});

describe('POST /eligibility/preview', () => {
  const preview = (user: string | null, payload: unknown) => t.req(user, { method: 'POST', url: '/api/v1/eligibility/preview', payload: payload as Record<string, unknown> });

  it('counts the unsaved draft over active enterprises in scope, with a sample eligible first', async () => {
    const res = await preview('admin', { rules: P1 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ eligible: 1, nearly: 1, total: 3, evaluatedOn: '2026-11-25' });
    expect(body.sample.map((s: { enterpriseId: string; verdict: string }) => [s.enterpriseId, s.verdict])).toEqual([
      [t.fx.entA1.id, 'eligible'],
      [t.fx.entB1.id, 'nearly'],
      [t.fx.entA2.id, 'not_eligible'],
    ]);
    expect(body.sample[2]).toMatchObject({ parkName: '动力谷自主创新园', missingCount: 3 });
    expect(body.sample[2].conditions).toHaveLength(3);
  });

  it('limits to the park asked for and to the caller scope', async () => {
    expect((await preview('admin', { rules: P1, parkId: t.fx.parkB.id })).json()).toMatchObject({ eligible: 0, nearly: 1, total: 1 });
    expect((await preview('manager', { rules: P1 })).json()).toMatchObject({ eligible: 1, nearly: 0, total: 2 });
    expect((await preview('dept', { rules: P1 })).json().total).toBe(3);
  });

  it('sees an indicator saved through the API at once (the cached facts are forgotten)', async () => {
    const rule: RuleNode = { kind: 'compare', label: '净利润为正', metric: 'netProfit', op: 'gt', value: 0 };
    expect((await preview('admin', { rules: rule })).json()).toMatchObject({ eligible: 0, total: 3 });
    const res = await t.req('admin', { method: 'PUT', url: `/api/v1/enterprises/${t.fx.entB1.id}/indicators/2025`, payload: { operatingRevenue: 3000, netProfit: 12, version: 1 } });
    expect(res.statusCode).toBe(200);
    expect((await preview('admin', { rules: rule })).json()).toMatchObject({ eligible: 1, total: 3 });
  });

  it('authorization: 401, 403 without policies.manage', async () => {
    expect((await preview(null, { rules: P1 })).statusCode).toBe(401);
    expect((await preview('liaison1', { rules: P1 })).statusCode).toBe(403);
    expect((await preview('contact', { rules: P1 })).statusCode).toBe(403);
    expect((await preview('leader', { rules: P1 })).statusCode).toBe(403);
  });

  it('400 naming the rule field for semantic errors, the park, and malformed trees', async () => {
    const bad = await preview('admin', {
      rules: {
        kind: 'all',
        children: [
          { kind: 'compare', label: '收入', metric: 'operatingRevenue', op: 'gte', value: 'much' },
          { kind: 'in', label: '行业', metric: 'industryCode', values: ['C', 'Z'], negate: false },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['rules.children.0.value', 'rules.children.1.values.1']);
    const park = await preview('admin', { rules: P1, parkId: '00000000-0000-4000-8000-000000000000' });
    expect(park.statusCode).toBe(400);
    expect(park.json().error.details[0].path).toBe('parkId');
    const unknownMetric = await preview('admin', { rules: { kind: 'compare', label: 'x', metric: 'happiness', op: 'gte', value: 1 } });
    expect(unknownMetric.statusCode).toBe(400);
    expect((await preview('admin', { rules: P1, extra: 1 })).statusCode).toBe(400);
  });
});
