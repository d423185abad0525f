/**
 * Demo enterprise indicators (企业经营指标) and qualifications (资质荣誉), consistent with each
 * enterprise's cultivation tier and size, for the three fiscal years before the current one.
 *
 * generateIndicators is PURE and deterministic: every enterprise draws from its own generator,
 * seeded from the demo seed and its id, so the figures do not depend on the order enterprises
 * come in. About one enterprise in ten lacks its latest year or some fields, so the policy
 * calculator has unknowns to explain. seedIndicators loads the operator's enterprises and
 * inserts the result in batches (one transaction); it does nothing when indicators already exist.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { IndicatorValues, QualificationKind } from '@yqt/contracts';
import type { Db } from '../core/db.js';
import { shanghaiDate } from '../core/work-calendar.js';
import { enterpriseIndicators, enterpriseQualifications, enterprises } from '../db/schema/index.js';
import { DEMO_SEED } from './generate.js';
import { Rng } from './random.js';

export type IndicatorSeedEnterprise = {
  id: string;
  tier: string;
  size: string;
  status: string;
  industryCode: string;
  foundedOn?: string | null;
  employeeCount?: number | null;
};
export type IndicatorInsert = IndicatorValues & { enterpriseId: string; year: number; source: string };
export type QualificationInsert = { enterpriseId: string; kind: QualificationKind; certificateNo: string | null; obtainedOn: string; validUntil: string | null };
export type IndicatorSeed = { indicators: IndicatorInsert[]; qualifications: QualificationInsert[] };

/** FNV-1a: a stable 32-bit number from a string (the per-enterprise seed). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const between = (rng: Rng, lo: number, hi: number) => lo + rng.float() * (hi - lo);
/** Log-uniform: revenue spans orders of magnitude within a size class. */
const logBetween = (rng: Rng, lo: number, hi: number) => Math.exp(between(rng, Math.log(lo), Math.log(hi)));
const pad2 = (n: number) => String(n).padStart(2, '0');

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** A certificate valid N years: until the day before the N-th anniversary. */
const validFor = (obtainedOn: string, years: number) => addDays(`${Number(obtainedOn.slice(0, 4)) + years}${obtainedOn.slice(4)}`, -1);

const REVENUE: Record<string, [number, number]> = {
  large: [50_000, 500_000],
  medium: [5_000, 50_000],
  small: [500, 5_000],
  micro: [30, 500],
};
const STAFF: Record<string, [number, number]> = { large: [1000, 3000], medium: [300, 999], small: [20, 299], micro: [3, 19] };

/** R&D intensity by tier; high-tech enterprises follow the HNTE revenue bands (≥ 5% / 4% / 3%). */
function rdRatioFor(rng: Rng, tier: string, revenue: number): number {
  switch (tier) {
    case 'littleGiant':
      return between(rng, 0.035, 0.07);
    case 'srdi':
      return between(rng, 0.031, 0.06);
    case 'highTech':
      return revenue <= 5000 ? between(rng, 0.052, 0.08) : revenue <= 20000 ? between(rng, 0.042, 0.07) : between(rng, 0.032, 0.05);
    case 'innovativeSme':
    case 'techSme':
      return between(rng, 0.02, 0.06);
    default:
      return rng.chance(0.4) ? 0 : between(rng, 0.002, 0.03);
  }
}

function rdStaffShare(rng: Rng, tier: string): number {
  if (tier === 'littleGiant' || tier === 'srdi' || tier === 'highTech') return between(rng, 0.11, 0.35);
  if (tier === 'innovativeSme' || tier === 'techSme') return between(rng, 0.08, 0.25);
  return rng.chance(0.5) ? 0 : between(rng, 0.01, 0.1);
}

const EMERGING_BY_SECTION: Record<string, readonly IndicatorValues['emergingIndustry'][]> = {
  C: ['high_end_equipment', 'new_materials', 'nev', 'biotech', 'energy_saving'],
  I: ['next_gen_it', 'digital_creative'],
  D: ['new_energy', 'energy_saving'],
  M: ['related_services', 'next_gen_it'],
};

function qualificationsFor(rng: Rng, e: IndicatorSeedEnterprise, today: string): QualificationInsert[] {
  const out: QualificationInsert[] = [];
  const year = Number(today.slice(0, 4));
  // Obtained between ~2.8 years and one month ago: a 3-year certificate is still valid today.
  const recent = () => addDays(today, -rng.int(30, 1000));
  const add = (kind: QualificationKind, obtainedOn: string, validUntil: string | null, prefix: string | null) =>
    out.push({ enterpriseId: e.id, kind, obtainedOn, validUntil, certificateNo: prefix ? `${prefix}${obtainedOn.slice(0, 4)}${rng.digits(6)}` : null });
  const threeYear = (kind: QualificationKind, prefix: string | null) => {
    const on = recent();
    add(kind, on, validFor(on, 3), prefix);
  };
  // 科技型中小企业 is evaluated every year: valid until the end of the year it was entered.
  const techSme = () => add('tech_sme', `${year}-${pad2(rng.int(3, 6))}-${pad2(rng.int(1, 28))}`, `${year}-12-31`, `${year}4302`);
  const founded = e.foundedOn ?? '2000-01-01';
  const clamp = (d: string) => (d < founded ? founded : d);
  switch (e.tier) {
    case 'littleGiant': {
      threeYear('little_giant', null);
      // SRDI came first (at least a year before), renewed since; high-tech certificate current.
      const srdiOn = clamp(addDays(today, -rng.int(400, 1000)));
      add('srdi', srdiOn, validFor(srdiOn, 3), null);
      threeYear('high_tech', 'GR');
      if (rng.chance(0.5)) threeYear('ip_advantage', null);
      break;
    }
    case 'srdi':
      threeYear('srdi', null);
      if (rng.chance(0.8)) threeYear('high_tech', 'GR');
      if (rng.chance(0.7)) threeYear('innovative_sme', null);
      break;
    case 'highTech':
      threeYear('high_tech', 'GR');
      if (rng.chance(0.7)) techSme();
      // Some are on their second certificate: the first one, expired, is on record too.
      if (rng.chance(0.15)) {
        const old = clamp(addDays(today, -rng.int(2200, 2900)));
        add('high_tech', old, validFor(old, 3), 'GR');
      }
      break;
    case 'innovativeSme':
      threeYear('innovative_sme', null);
      if (rng.chance(0.5)) techSme();
      break;
    case 'techSme':
      techSme();
      break;
    default:
      if (rng.chance(0.03)) threeYear('gazelle', null);
  }
  if (e.industryCode === 'C' && rng.chance(0.25)) threeYear('iso9001', null);
  // A certificate is never obtained before the company existed.
  for (const q of out) if (q.obtainedOn < founded) q.obtainedOn = founded;
  return out;
}

/**
 * Indicators for the fiscal years [year − 3, year − 1] (`today` gives the current year), only for
 * years the enterprise existed in; enterprises still preparing report nothing yet.
 */
export function generateIndicators(list: readonly IndicatorSeedEnterprise[], today: string, seed: number = DEMO_SEED): IndicatorSeed {
  const year = Number(today.slice(0, 4));
  const years = [year - 3, year - 2, year - 1];
  const indicators: IndicatorInsert[] = [];
  const qualifications: QualificationInsert[] = [];
  for (const e of list) {
    if (e.status === 'preparing') continue;
    const rng = new Rng((hash(e.id) ^ seed) >>> 0);
    const showcase = e.tier === 'littleGiant';
    const foundedYear = e.foundedOn ? Number(e.foundedOn.slice(0, 4)) : years[0]!;
    const [lo, hi] = REVENUE[e.size] ?? REVENUE.small!;
    let latest = logBetween(rng, lo, hi);
    if (e.tier === 'littleGiant') latest = Math.max(latest, between(rng, 16_000, 60_000));
    if (e.tier === 'srdi') latest = Math.max(latest, between(rng, 2_000, 30_000));
    if (e.tier === 'highTech' || e.tier === 'innovativeSme') latest = Math.max(latest, between(rng, 800, 3_000));
    const [slo, shi] = STAFF[e.size] ?? STAFF.small!;
    const staffLatest = e.employeeCount ?? rng.int(slo, shi);
    const exporter = e.industryCode === 'C' && rng.chance(0.3);
    const exportShare = exporter ? between(rng, 0.05, 0.4) : 0;
    const emergingPool = EMERGING_BY_SECTION[e.industryCode];
    const emerging = emergingPool && rng.chance(e.tier === 'none' ? 0.3 : 0.8) ? rng.pick(emergingPool) : 'none';
    const institution: IndicatorValues['rdInstitutionLevel'] =
      e.tier === 'littleGiant' ? rng.pick(['provincial', 'national'] as const) : e.tier === 'srdi' ? rng.pick(['city', 'provincial'] as const) : e.tier === 'highTech' ? rng.pick(['none', 'city', 'provincial'] as const) : 'none';
    const credit = rng.weighted([['A', 60], ['B', 30], ['M', 8], ['C', 2]] as const);
    const ip1Latest = e.tier === 'littleGiant' ? rng.int(3, 20) : e.tier === 'srdi' ? rng.int(1, 10) : e.tier === 'highTech' ? rng.int(1, 8) : e.tier === 'none' ? (rng.chance(0.1) ? 1 : 0) : rng.int(0, 4);
    // ~5 %: the latest year not reported yet; ~5 %: some fields left empty.
    const dropLatest = !showcase && rng.chance(0.05);
    const blanks = !showcase && !dropLatest && rng.chance(0.055) ? rng.sample(['rdExpense', 'rdStaff', 'exportRevenue', 'ipClass1', 'creditStanding', 'totalAssets'] as const, rng.int(1, 3)) : [];

    // Walk back from the latest year with the tier's growth.
    let revenue = latest;
    let staffCount = staffLatest;
    const rows: IndicatorInsert[] = [];
    for (let k = years.length - 1; k >= 0; k--) {
      const y = years[k]!;
      if (y < foundedYear) break;
      const rd = round2(revenue * rdRatioFor(rng, e.tier, revenue));
      const totalStaff = Math.max(1, Math.round(staffCount));
      // Rounded up: a 10 % share must not round below 10 % in a small company.
      const rdStaff = Math.min(totalStaff, Math.ceil(totalStaff * rdStaffShare(rng, e.tier)));
      const assets = revenue * between(rng, 0.6, 1.8);
      const back = years.length - 1 - k;
      const row: IndicatorInsert = {
        enterpriseId: e.id,
        year: y,
        source: 'demo',
        operatingRevenue: round2(revenue),
        mainBusinessRevenue: round2(revenue * between(rng, e.tier === 'none' ? 0.75 : 0.86, 1)),
        rdExpense: rd,
        rdStaff,
        totalStaff,
        totalAssets: round2(assets),
        totalLiabilities: round2(assets * between(rng, 0.2, 0.7)),
        netProfit: round2(revenue * between(rng, -0.05, 0.15)),
        exportRevenue: round2(revenue * exportShare),
        equityFinancing: e.tier !== 'none' && rng.chance(0.08) ? round2(between(rng, 200, 3000)) : 0,
        ipClass1: Math.max(e.tier === 'littleGiant' ? 2 : 0, ip1Latest - back * rng.int(0, 2)),
        ipClass2: rng.int(0, e.tier === 'none' ? 3 : 15),
        rdInstitutionLevel: institution,
        emergingIndustry: emerging,
        creditStanding: credit,
      };
      rows.unshift(row);
      const growth = e.tier === 'none' ? between(rng, -0.1, 0.3) : between(rng, 0.05, 0.3);
      // A shrinking company was bigger before, but stays within its size class (or its tier's floor).
      revenue = Math.min(revenue / (1 + growth), Math.max(hi, latest));
      if (e.tier === 'littleGiant') revenue = Math.max(revenue, 10_000 * between(rng, 1.01, 1.3));
      staffCount *= between(rng, 0.9, 1.05);
    }
    if (dropLatest && rows.at(-1)?.year === years.at(-1)) rows.pop();
    const last = rows.at(-1);
    if (last) for (const f of blanks) last[f] = null;
    indicators.push(...rows);
    qualifications.push(...qualificationsFor(rng, e, today));
  }
  return { indicators, qualifications };
}

const BATCH = 500;

/**
 * Inserts demo indicators for the operator's enterprises. Idempotent: skipped when any enterprise
 * of the operator already has indicators. Call recomputeAllMatches after the policies are seeded.
 */
export async function seedIndicators(db: Db, operatorId: string, now: Date, seed: number = DEMO_SEED): Promise<{ indicators: number; qualifications: number; skipped: boolean }> {
  const [exists] = await db
    .select({ one: sql<number>`1` })
    .from(enterpriseIndicators)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseIndicators.enterpriseId))
    .where(and(eq(enterprises.operatorId, operatorId)))
    .limit(1);
  if (exists) return { indicators: 0, qualifications: 0, skipped: true };
  const list = await db
    .select({
      id: enterprises.id,
      tier: enterprises.tier,
      size: enterprises.size,
      status: enterprises.status,
      industryCode: enterprises.industryCode,
      foundedOn: enterprises.foundedOn,
      employeeCount: enterprises.employeeCount,
    })
    .from(enterprises)
    .where(eq(enterprises.operatorId, operatorId))
    .orderBy(enterprises.id);
  const data = generateIndicators(list, shanghaiDate(now), seed);
  await db.transaction(async (tx) => {
    for (let i = 0; i < data.indicators.length; i += BATCH) {
      await tx.insert(enterpriseIndicators).values(data.indicators.slice(i, i + BATCH).map((r) => ({ ...r, createdAt: now, updatedAt: now })));
    }
    for (let i = 0; i < data.qualifications.length; i += BATCH) {
      await tx.insert(enterpriseQualifications).values(data.qualifications.slice(i, i + BATCH).map((q) => ({ ...q, createdAt: now })));
    }
  });
  return { indicators: data.indicators.length, qualifications: data.qualifications.length, skipped: false };
}
