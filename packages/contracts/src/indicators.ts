import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, pageOf, PageQuery } from './common.js';
import { CreditStanding, EmergingIndustry, QualificationKind, RdInstitutionLevel } from './eligibility.js';

/**
 * Enterprise indicators (企业经营指标, one row per fiscal year) and qualifications (资质荣誉).
 * Amounts in 万元. A missing field means "not reported": the eligibility engine then answers
 * `unknown`, never guesses. Ratios are derived when read, never stored.
 */

// ---------- values ----------
const amount = (label: string) =>
  z.number().finite('必须是数字').min(0, `${label}不能为负数`).max(1e10, `${label}数值过大`).nullish().transform((v) => v ?? null);
const count = (label: string) =>
  z.number().int(`${label}须为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}数值过大`).nullish().transform((v) => v ?? null);

/** The reported figures of one year. Every field may be left empty (not reported). */
export const indicatorValueFields = {
  operatingRevenue: amount('营业收入'),
  mainBusinessRevenue: amount('主营业务收入'),
  rdExpense: amount('研发费用'),
  rdStaff: count('研发人员数'),
  totalStaff: count('职工总数'),
  totalAssets: amount('资产总额'),
  totalLiabilities: amount('负债总额'),
  /** May be negative (a loss). */
  netProfit: z.number().finite('必须是数字').min(-1e10, '净利润数值过大').max(1e10, '净利润数值过大').nullish().transform((v) => v ?? null),
  exportRevenue: amount('出口收入'),
  equityFinancing: amount('新增股权融资'),
  ipClass1: count('Ⅰ类知识产权'),
  ipClass2: count('Ⅱ类知识产权'),
  rdInstitutionLevel: RdInstitutionLevel.nullish().transform((v) => v ?? null),
  emergingIndustry: EmergingIndustry.nullish().transform((v) => v ?? null),
  creditStanding: CreditStanding.nullish().transform((v) => v ?? null),
} as const;
export type IndicatorField = keyof typeof indicatorValueFields;
export const indicatorFields = Object.keys(indicatorValueFields) as IndicatorField[];

export type IndicatorValues = {
  operatingRevenue: number | null;
  mainBusinessRevenue: number | null;
  rdExpense: number | null;
  rdStaff: number | null;
  totalStaff: number | null;
  totalAssets: number | null;
  totalLiabilities: number | null;
  netProfit: number | null;
  exportRevenue: number | null;
  equityFinancing: number | null;
  ipClass1: number | null;
  ipClass2: number | null;
  rdInstitutionLevel: RdInstitutionLevel | null;
  emergingIndustry: EmergingIndustry | null;
  creditStanding: CreditStanding | null;
};

/**
 * Cross-field rules, shared by the PUT schema, the Excel import (on the merged row) and the web form.
 * Returns the offending field and a Chinese message.
 */
export function indicatorProblems(v: Partial<IndicatorValues>): { path: IndicatorField; message: string }[] {
  const out: { path: IndicatorField; message: string }[] = [];
  const has = (x: number | null | undefined): x is number => typeof x === 'number';
  if (has(v.rdStaff) && has(v.totalStaff) && v.rdStaff > v.totalStaff) out.push({ path: 'rdStaff', message: '研发人员数不能超过职工总数' });
  if (has(v.mainBusinessRevenue) && has(v.operatingRevenue) && v.mainBusinessRevenue > v.operatingRevenue) {
    out.push({ path: 'mainBusinessRevenue', message: '主营业务收入不能超过营业收入' });
  }
  if (has(v.exportRevenue) && has(v.operatingRevenue) && v.exportRevenue > v.operatingRevenue) {
    out.push({ path: 'exportRevenue', message: '出口收入不能超过营业收入' });
  }
  return out;
}

/**
 * PUT body: the year's complete figures (a field left out is "not reported"). `version` is the
 * version the caller saw; required when the year already exists (stale → 409), omitted to create.
 */
export const IndicatorUpsert = z
  .strictObject({ ...indicatorValueFields, version: z.number().int().min(1).optional() })
  .superRefine((v, ctx) => {
    for (const p of indicatorProblems(v)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.path] });
  });
export type IndicatorUpsert = z.infer<typeof IndicatorUpsert>;

export const IndicatorYearParams = z.object({ id: Id, year: z.coerce.number().int('年度须为整数').min(1900, '年度不正确').max(2200, '年度不正确') });

/** Ratios computed from the year's figures (fractions, 0.03 = 3%); null when an input is missing or the denominator is 0. */
export const DerivedIndicators = z.object({
  rdRatio: z.number().nullable(),
  mainBusinessShare: z.number().nullable(),
  /** This year / previous year − 1 (needs the previous year's row). */
  revenueGrowth: z.number().nullable(),
  mainBusinessGrowth: z.number().nullable(),
  debtRatio: z.number().nullable(),
  rdStaffRatio: z.number().nullable(),
  netProfitMargin: z.number().nullable(),
  exportShare: z.number().nullable(),
});
export type DerivedIndicators = z.infer<typeof DerivedIndicators>;

const valueShape = {
  operatingRevenue: z.number().nullable(),
  mainBusinessRevenue: z.number().nullable(),
  rdExpense: z.number().nullable(),
  rdStaff: z.number().int().nullable(),
  totalStaff: z.number().int().nullable(),
  totalAssets: z.number().nullable(),
  totalLiabilities: z.number().nullable(),
  netProfit: z.number().nullable(),
  exportRevenue: z.number().nullable(),
  equityFinancing: z.number().nullable(),
  ipClass1: z.number().int().nullable(),
  ipClass2: z.number().int().nullable(),
  rdInstitutionLevel: z.string().nullable(),
  emergingIndustry: z.string().nullable(),
  creditStanding: z.string().nullable(),
};
export const IndicatorValuesOut = z.object(valueShape);

export const indicatorSources = ['enterprise', 'staff', 'import', 'demo'] as const;
export const IndicatorSource = z.enum(indicatorSources);
export const indicatorSourceLabels: Record<(typeof indicatorSources)[number], { zh: string; en: string }> = {
  enterprise: { zh: '企业填报', en: 'Enterprise' },
  staff: { zh: '工作人员录入', en: 'Staff' },
  import: { zh: 'Excel导入', en: 'Import' },
  demo: { zh: '演示数据', en: 'Demo' },
};

export const IndicatorYear = z.object({
  year: z.number().int(),
  values: IndicatorValuesOut,
  derived: DerivedIndicators,
  source: z.string(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  updatedByName: z.string().nullable(),
});
export type IndicatorYear = z.infer<typeof IndicatorYear>;

// ---------- qualifications ----------
export const Qualification = z.object({
  id: z.string(),
  kind: QualificationKind,
  certificateNo: z.string().nullable(),
  obtainedOn: z.string(),
  /** null = no expiry */
  validUntil: z.string().nullable(),
  /** Valid today (Asia/Shanghai): obtained on or before today and not expired. */
  validNow: z.boolean(),
  createdAt: IsoDateTime,
});
export type Qualification = z.infer<typeof Qualification>;

export const QualificationCreate = z
  .strictObject({
    kind: QualificationKind,
    certificateNo: z.string().trim().max(64, '证书编号不能超过64个字符').nullish().transform((v) => (v ? v : null)),
    obtainedOn: IsoDate,
    validUntil: IsoDate.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && v.validUntil < v.obtainedOn) ctx.addIssue({ code: 'custom', message: '有效期至不能早于取得日期', path: ['validUntil'] });
  });
export type QualificationCreate = z.infer<typeof QualificationCreate>;
export const QualificationParams = z.object({ id: Id, qid: Id });

/** GET /enterprises/{id}/indicators: every reported year (newest first) and the qualifications. */
export const EnterpriseIndicators = z.object({
  enterpriseId: z.string(),
  /** The latest reported year: what "year offset 0" means in eligibility rules. */
  latestYear: z.number().int().nullable(),
  years: z.array(IndicatorYear),
  qualifications: z.array(Qualification),
  /** Years that may be entered now: [founding year, current year]. */
  yearRange: z.object({ min: z.number().int(), max: z.number().int() }),
  abilities: z.object({ edit: z.boolean() }),
});
export type EnterpriseIndicators = z.infer<typeof EnterpriseIndicators>;

// ---------- history ----------
export const IndicatorHistoryEntry = z.object({
  /** The version this state had. */
  version: z.number().int(),
  values: IndicatorValuesOut,
  source: z.string().nullable(),
  /** When and by whom this state was recorded. */
  recordedAt: IsoDateTime.nullable(),
  recordedByName: z.string().nullable(),
  /** When and by whom it was replaced by the next version. */
  replacedAt: IsoDateTime,
  replacedByName: z.string().nullable(),
});
export type IndicatorHistoryEntry = z.infer<typeof IndicatorHistoryEntry>;
export const IndicatorHistoryQuery = PageQuery;
export const IndicatorHistoryPage = pageOf(IndicatorHistoryEntry);

// ---------- import ----------
export const IndicatorImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
