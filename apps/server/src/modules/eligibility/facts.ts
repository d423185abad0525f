import type { DerivedIndicators, IndicatorValues } from '@yqt/contracts';

/**
 * What the eligibility engine knows about one enterprise. Plain data, assembled by the batch
 * loader (facts.repo.ts) or by tests; the engine never touches the database or the clock.
 */
export type IndicatorRow = IndicatorValues & { year: number };

export type QualificationFact = {
  kind: string;
  /** YYYY-MM-DD */
  obtainedOn: string;
  /** YYYY-MM-DD, null = no expiry */
  validUntil: string | null;
};

export type RegistryFacts = {
  industryCode: string;
  size: string;
  tier: string;
  parkId: string;
  employeeCount: number | null;
  /** YYYY-MM-DD or null when unknown. */
  foundedOn: string | null;
};

export type EnterpriseFacts = {
  id: string;
  registry: RegistryFacts;
  qualifications: QualificationFact[];
  /** Reported years by fiscal year. */
  indicators: Map<number, IndicatorRow>;
  /** The latest reported year: year offset 0 in rules. null when nothing was reported. */
  latestYear: number | null;
};

/** Builds facts from rows in any order (tests, the batch loader). */
export function factsOf(id: string, registry: RegistryFacts, rows: IndicatorRow[] = [], qualifications: QualificationFact[] = []): EnterpriseFacts {
  const indicators = new Map<number, IndicatorRow>();
  let latestYear: number | null = null;
  for (const r of rows) {
    indicators.set(r.year, r);
    if (latestYear === null || r.year > latestYear) latestYear = r.year;
  }
  return { id, registry, qualifications, indicators, latestYear };
}

/**
 * Derived values are snapped to 1e-9 before comparing: 1200 / 1000 − 1 is 0.19999999999999996 in
 * binary floating point, and a "growth ≥ 20%" condition must hold exactly on its boundary.
 */
export const snap = (x: number) => Math.round(x * 1e9) / 1e9;

/** a / b, or null when either is missing or the denominator is zero (never a guess, never Infinity). */
export function ratioOf(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return snap(a / b);
}

/** this / previous − 1, or null when either year is missing or the previous value is zero. */
export function growthOf(cur: number | null | undefined, prev: number | null | undefined): number | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined || prev === 0) return null;
  return snap(cur / prev - 1);
}

export const derivedKeys = ['rdRatio', 'mainBusinessShare', 'revenueGrowth', 'mainBusinessGrowth', 'debtRatio', 'rdStaffRatio', 'netProfitMargin', 'exportShare'] as const;
export type DerivedKey = (typeof derivedKeys)[number];

/** One derived metric of a year (`prev` is the previous fiscal year's row, for growth rates). */
export function derivedValue(key: DerivedKey, row: IndicatorValues | undefined, prev: IndicatorValues | undefined): number | null {
  if (!row) return null;
  switch (key) {
    case 'rdRatio':
      return ratioOf(row.rdExpense, row.operatingRevenue);
    case 'mainBusinessShare':
      return ratioOf(row.mainBusinessRevenue, row.operatingRevenue);
    case 'revenueGrowth':
      return growthOf(row.operatingRevenue, prev?.operatingRevenue);
    case 'mainBusinessGrowth':
      return growthOf(row.mainBusinessRevenue, prev?.mainBusinessRevenue);
    case 'debtRatio':
      return ratioOf(row.totalLiabilities, row.totalAssets);
    case 'rdStaffRatio':
      return ratioOf(row.rdStaff, row.totalStaff);
    case 'netProfitMargin':
      return ratioOf(row.netProfit, row.operatingRevenue);
    case 'exportShare':
      return ratioOf(row.exportRevenue, row.operatingRevenue);
  }
}

/** All derived ratios of a year, for the indicators API (computed when read, never stored). */
export function deriveIndicators(row: IndicatorValues, prev: IndicatorValues | undefined): DerivedIndicators {
  return {
    rdRatio: derivedValue('rdRatio', row, prev),
    mainBusinessShare: derivedValue('mainBusinessShare', row, prev),
    revenueGrowth: derivedValue('revenueGrowth', row, prev),
    mainBusinessGrowth: derivedValue('mainBusinessGrowth', row, prev),
    debtRatio: derivedValue('debtRatio', row, prev),
    rdStaffRatio: derivedValue('rdStaffRatio', row, prev),
    netProfitMargin: derivedValue('netProfitMargin', row, prev),
    exportShare: derivedValue('exportShare', row, prev),
  };
}

/** The inputs of a derived metric: what to report when it is unknown. `prev` = from the previous year. */
export const derivedInputs: Record<DerivedKey, { numerator: keyof IndicatorValues; denominator: keyof IndicatorValues; prev: boolean }> = {
  rdRatio: { numerator: 'rdExpense', denominator: 'operatingRevenue', prev: false },
  mainBusinessShare: { numerator: 'mainBusinessRevenue', denominator: 'operatingRevenue', prev: false },
  revenueGrowth: { numerator: 'operatingRevenue', denominator: 'operatingRevenue', prev: true },
  mainBusinessGrowth: { numerator: 'mainBusinessRevenue', denominator: 'mainBusinessRevenue', prev: true },
  debtRatio: { numerator: 'totalLiabilities', denominator: 'totalAssets', prev: false },
  rdStaffRatio: { numerator: 'rdStaff', denominator: 'totalStaff', prev: false },
  netProfitMargin: { numerator: 'netProfit', denominator: 'operatingRevenue', prev: false },
  exportShare: { numerator: 'exportRevenue', denominator: 'operatingRevenue', prev: false },
};
