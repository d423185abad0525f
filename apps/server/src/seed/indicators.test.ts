import { indicatorProblems, type RuleNode } from '@yqt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db.js';
import { seedFixture, type Fixture } from '../../test/fixture.js';
import type { DbHandle } from '../core/db.js';
import { enterpriseIndicators, enterpriseQualifications } from '../db/schema/index.js';
import { compileRule, evalContext, factsOf, type IndicatorRow } from '../modules/eligibility/index.js';
import { generateDemo } from './generate.js';
import { generateIndicators, seedIndicators, type IndicatorInsert } from './indicators.js';

const TODAY = '2026-11-25';
const demo = generateDemo();
const data = generateIndicators(demo.enterprises, TODAY);
const byEnterprise = new Map<string, IndicatorInsert[]>();
for (const r of data.indicators) byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r]);
const quals = (id: string) => data.qualifications.filter((q) => q.enterpriseId === id);
const validNow = (id: string, kind: string) => quals(id).some((q) => q.kind === kind && q.obtainedOn <= TODAY && (q.validUntil === null || q.validUntil >= TODAY));
const ofTier = (tier: string) => demo.enterprises.filter((e) => e.tier === tier);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

describe('demo indicators (pure)', () => {
  it('is deterministic and independent of the order enterprises come in', () => {
    expect(generateIndicators(demo.enterprises, TODAY)).toEqual(data);
    const reversed = generateIndicators([...demo.enterprises].reverse(), TODAY);
    const key = (r: { enterpriseId: string; year?: number; kind?: string; obtainedOn?: string }) => `${r.enterpriseId}/${r.year ?? ''}/${r.kind ?? ''}/${r.obtainedOn ?? ''}`;
    expect([...reversed.indicators].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...data.indicators].sort((a, b) => key(a).localeCompare(key(b))));
    expect(generateIndicators(demo.enterprises, TODAY, 7)).not.toEqual(data);
  });

  it('covers the three years before the current one, never before founding, nothing for enterprises still preparing', () => {
    const years = new Set(data.indicators.map((r) => r.year));
    expect([...years].sort()).toEqual([2023, 2024, 2025]);
    for (const e of demo.enterprises) {
      const rows = byEnterprise.get(e.id) ?? [];
      if (e.status === 'preparing') expect(rows).toEqual([]);
      for (const r of rows) expect(r.year).toBeGreaterThanOrEqual(Number(e.foundedOn!.slice(0, 4)));
    }
  });

  it('every row passes the API cross-field rules and amounts are not negative (net profit aside)', () => {
    for (const r of data.indicators) {
      expect(indicatorProblems(r)).toEqual([]);
      for (const f of ['operatingRevenue', 'mainBusinessRevenue', 'rdExpense', 'totalAssets', 'totalLiabilities', 'exportRevenue', 'ipClass1'] as const) {
        if (r[f] !== null) expect(r[f]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('little giants: revenue ≥ 1亿 every year, R&D ratio ≥ 3%, ≥ 2 class-I IP, little giant + SRDI + high-tech valid today', () => {
    const lg = ofTier('littleGiant');
    expect(lg.length).toBe(18);
    for (const e of lg) {
      const rows = byEnterprise.get(e.id)!;
      expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2025]);
      for (const r of rows) {
        expect(r.operatingRevenue!).toBeGreaterThanOrEqual(10_000);
        expect(ratio(r.rdExpense, r.operatingRevenue)!).toBeGreaterThanOrEqual(0.03);
        expect(r.ipClass1!).toBeGreaterThanOrEqual(2);
      }
      for (const k of ['little_giant', 'srdi', 'high_tech']) expect([e.id, k, validNow(e.id, k)]).toEqual([e.id, k, true]);
    }
  });

  it('high-tech: R&D staff ≥ 10 %, R&D ratio in its HNTE band (≥ 3 %), certificate valid', () => {
    for (const e of ofTier('highTech')) {
      expect(validNow(e.id, 'high_tech')).toBe(true);
      for (const r of byEnterprise.get(e.id) ?? []) {
        const staff = ratio(r.rdStaff, r.totalStaff);
        const rd = ratio(r.rdExpense, r.operatingRevenue);
        if (staff !== null) expect(staff).toBeGreaterThanOrEqual(0.1);
        if (rd !== null) expect(rd).toBeGreaterThanOrEqual(r.operatingRevenue! <= 5000 ? 0.05 : r.operatingRevenue! <= 20000 ? 0.04 : 0.03);
      }
    }
  });

  it('micro enterprises stay small; SRDI and innovative SMEs hold their certificate', () => {
    for (const e of demo.enterprises.filter((x) => x.size === 'micro' && x.tier === 'none')) {
      for (const r of byEnterprise.get(e.id) ?? []) expect(r.operatingRevenue!).toBeLessThanOrEqual(500);
    }
    for (const e of ofTier('srdi')) expect(validNow(e.id, 'srdi')).toBe(true);
    for (const e of ofTier('innovativeSme')) expect(validNow(e.id, 'innovative_sme')).toBe(true);
    for (const e of ofTier('techSme')) expect(validNow(e.id, 'tech_sme')).toBe(true);
  });

  it('about one enterprise in ten lacks its latest year or some fields', () => {
    const reporting = demo.enterprises.filter((e) => e.status !== 'preparing' && Number(e.foundedOn!.slice(0, 4)) <= 2024);
    const incomplete = reporting.filter((e) => {
      const rows = byEnterprise.get(e.id) ?? [];
      const last = rows.at(-1);
      return !last || last.year !== 2025 || Object.values(last).some((v) => v === null);
    });
    const share = incomplete.length / reporting.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.15);
  });

  it('the engine finds every little giant eligible for a little-giant style rule', () => {
    const rule: RuleNode = {
      kind: 'all',
      label: '小巨人',
      children: [
        { kind: 'qualification', label: '小巨人', qualification: 'little_giant', negate: false },
        { kind: 'compare', label: '营收≥1亿', metric: 'operatingRevenue', op: 'gte', value: 10_000 },
        { kind: 'compare', label: '研发占比≥3%', metric: 'rdRatio', op: 'gte', value: 0.03 },
        { kind: 'compare', label: 'Ⅰ类知识产权≥2', metric: 'ipClass1', op: 'gte', value: 2 },
      ],
    };
    const c = compileRule(rule);
    const ctx = evalContext(TODAY);
    const verdicts = demo.enterprises.map((e) => {
      const facts = factsOf(e.id, { industryCode: e.industryCode, size: e.size, tier: e.tier, parkId: e.parkId, employeeCount: e.employeeCount ?? null, foundedOn: e.foundedOn ?? null }, (byEnterprise.get(e.id) ?? []) as IndicatorRow[], quals(e.id));
      return [e.tier, c.quick(facts, ctx).verdict] as const;
    });
    expect(verdicts.filter(([t]) => t === 'littleGiant').every(([, v]) => v === 'eligible')).toBe(true);
    expect(verdicts.filter(([t, v]) => t !== 'littleGiant' && v === 'eligible')).toEqual([]);
  });
});

describe('seedIndicators (database)', () => {
  let handle: DbHandle;
  let fx: Fixture;
  beforeAll(async () => {
    handle = await freshDb();
    fx = await seedFixture(handle.db);
  }, 60_000);
  afterAll(async () => handle?.close());

  it('inserts what the generator produces for the operator, once', async () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const first = await seedIndicators(handle.db, fx.op.id, now);
    expect(first.skipped).toBe(false);
    const rows = await handle.db.select().from(enterpriseIndicators);
    const q = await handle.db.select().from(enterpriseQualifications);
    expect(rows).toHaveLength(first.indicators);
    expect(q).toHaveLength(first.qualifications);
    expect(new Set(rows.map((r) => r.enterpriseId))).toEqual(new Set([fx.entA1.id, fx.entA2.id, fx.entB1.id]));
    expect(rows.every((r) => r.source === 'demo')).toBe(true);
    expect(await seedIndicators(handle.db, fx.op.id, now)).toEqual({ indicators: 0, qualifications: 0, skipped: true });
    expect((await seedIndicators(handle.db, fx.op2.id, now)).indicators).toBeGreaterThan(0);
  });
});
