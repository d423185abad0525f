import { z } from 'zod';

/**
 * Eligibility rules (申报条件) of a policy, as data. A rule is a tree of `all` / `any` / `not`
 * groups over conditions; every node carries a human label so the engine can explain itself.
 * Shared by the server (engine, validation), the web (form editor) and the demo content.
 */

// ---------- vocabularies ----------
export const policyLevels = ['national', 'provincial', 'city', 'zone', 'operator'] as const;
export const PolicyLevel = z.enum(policyLevels);
export type PolicyLevel = z.infer<typeof PolicyLevel>;
export const policyLevelLabels: Record<PolicyLevel, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  zone: { zh: '高新区', en: 'Zone' },
  operator: { zh: '园区运营方', en: 'Operator' },
};

export const benefitTypes = ['subsidy', 'tax_relief', 'loan', 'award', 'qualification', 'service'] as const;
export const BenefitType = z.enum(benefitTypes);
export type BenefitType = z.infer<typeof BenefitType>;
export const benefitTypeLabels: Record<BenefitType, { zh: string; en: string }> = {
  subsidy: { zh: '资金补贴', en: 'Subsidy' },
  tax_relief: { zh: '税收优惠', en: 'Tax relief' },
  loan: { zh: '贷款贴息', en: 'Loan / interest discount' },
  award: { zh: '奖励', en: 'Award' },
  qualification: { zh: '资质认定', en: 'Qualification' },
  service: { zh: '服务支持', en: 'Service' },
};

/** Honours and qualifications an enterprise can hold (资质荣誉), each with a validity period. */
export const qualificationKinds = [
  'tech_sme', // 科技型中小企业 (入库编号, valid for the year)
  'innovative_sme', // 创新型中小企业
  'high_tech', // 高新技术企业
  'srdi', // 专精特新中小企业
  'little_giant', // 专精特新“小巨人”
  'tech_innovation_demo', // 国家级技术创新示范企业
  'ip_advantage', // 知识产权优势企业
  'ip_demo', // 知识产权示范企业
  'manufacturing_champion', // 制造业单项冠军
  'gazelle', // 瞪羚企业
  'iso9001', // 质量管理体系认证
] as const;
export const QualificationKind = z.enum(qualificationKinds);
export type QualificationKind = z.infer<typeof QualificationKind>;
export const qualificationLabels: Record<QualificationKind, { zh: string; en: string }> = {
  tech_sme: { zh: '科技型中小企业', en: 'Tech SME' },
  innovative_sme: { zh: '创新型中小企业', en: 'Innovative SME' },
  high_tech: { zh: '高新技术企业', en: 'High-tech enterprise' },
  srdi: { zh: '专精特新中小企业', en: 'SRDI SME' },
  little_giant: { zh: '专精特新“小巨人”企业', en: 'Little giant' },
  tech_innovation_demo: { zh: '国家级技术创新示范企业', en: 'National technology innovation demonstration enterprise' },
  ip_advantage: { zh: '知识产权优势企业', en: 'IP advantage enterprise' },
  ip_demo: { zh: '知识产权示范企业', en: 'IP demonstration enterprise' },
  manufacturing_champion: { zh: '制造业单项冠军', en: 'Manufacturing single champion' },
  gazelle: { zh: '瞪羚企业', en: 'Gazelle enterprise' },
  iso9001: { zh: 'ISO 9001 质量管理体系认证', en: 'ISO 9001 certified' },
};

/** 研发机构级别, ordered: comparisons use this order (none < city < provincial < national). */
export const rdInstitutionLevels = ['none', 'city', 'provincial', 'national'] as const;
export const RdInstitutionLevel = z.enum(rdInstitutionLevels);
export type RdInstitutionLevel = z.infer<typeof RdInstitutionLevel>;

/** 《战略性新兴产业分类(2018)》 nine domains; `none` = not in a strategic emerging industry. */
export const emergingIndustries = [
  'none',
  'next_gen_it', // 新一代信息技术产业
  'high_end_equipment', // 高端装备制造产业
  'new_materials', // 新材料产业
  'biotech', // 生物产业
  'nev', // 新能源汽车产业
  'new_energy', // 新能源产业
  'energy_saving', // 节能环保产业
  'digital_creative', // 数字创意产业
  'related_services', // 相关服务业
] as const;
export const EmergingIndustry = z.enum(emergingIndustries);
export type EmergingIndustry = z.infer<typeof EmergingIndustry>;

/** Credit standing (纳税信用等级 A/B/M/C/D), ordered best first. */
export const creditStandings = ['A', 'B', 'M', 'C', 'D'] as const;
export const CreditStanding = z.enum(creditStandings);

// ---------- metrics a condition can test ----------
/**
 * Every metric a condition may reference. `source` says where the value comes from:
 * - `indicator`: the enterprise's yearly indicators (needs a year: 0 = latest reported year, 1 = the year before…)
 * - `derived`: computed from indicators at evaluation time (never stored)
 * - `registry`: the enterprise record
 * Amounts are in 万元; ratios are fractions (0.03 = 3%).
 */
export const metricCatalog = {
  // yearly indicators
  operatingRevenue: { source: 'indicator', type: 'number', unit: '万元', zh: '营业收入', en: 'Operating revenue' },
  mainBusinessRevenue: { source: 'indicator', type: 'number', unit: '万元', zh: '主营业务收入', en: 'Main-business revenue' },
  rdExpense: { source: 'indicator', type: 'number', unit: '万元', zh: '研发费用', en: 'R&D expense' },
  rdStaff: { source: 'indicator', type: 'number', unit: '人', zh: '研发人员数', en: 'R&D staff' },
  totalStaff: { source: 'indicator', type: 'number', unit: '人', zh: '职工总数', en: 'Total staff' },
  totalAssets: { source: 'indicator', type: 'number', unit: '万元', zh: '资产总额', en: 'Total assets' },
  totalLiabilities: { source: 'indicator', type: 'number', unit: '万元', zh: '负债总额', en: 'Total liabilities' },
  netProfit: { source: 'indicator', type: 'number', unit: '万元', zh: '净利润', en: 'Net profit' },
  exportRevenue: { source: 'indicator', type: 'number', unit: '万元', zh: '出口收入', en: 'Export revenue' },
  equityFinancing: { source: 'indicator', type: 'number', unit: '万元', zh: '新增股权融资（实缴）', en: 'New equity financing (paid-in)' },
  ipClass1: { source: 'indicator', type: 'number', unit: '件', zh: 'Ⅰ类知识产权', en: 'Class I IP' },
  ipClass2: { source: 'indicator', type: 'number', unit: '件', zh: 'Ⅱ类知识产权', en: 'Class II IP' },
  rdInstitutionLevel: { source: 'indicator', type: 'ordinal', values: rdInstitutionLevels, zh: '研发机构级别', en: 'R&D institution level' },
  emergingIndustry: { source: 'indicator', type: 'enum', values: emergingIndustries, zh: '战略性新兴产业领域', en: 'Strategic emerging industry' },
  creditStanding: { source: 'indicator', type: 'ordinal', values: creditStandings, zh: '纳税信用等级', en: 'Tax credit standing' },
  // derived from indicators
  rdRatio: { source: 'derived', type: 'number', unit: 'ratio', zh: '研发费用占营业收入比重', en: 'R&D / revenue' },
  mainBusinessShare: { source: 'derived', type: 'number', unit: 'ratio', zh: '主营业务收入占比', en: 'Main-business share' },
  revenueGrowth: { source: 'derived', type: 'number', unit: 'ratio', zh: '营业收入增长率', en: 'Revenue growth' },
  mainBusinessGrowth: { source: 'derived', type: 'number', unit: 'ratio', zh: '主营业务收入增长率', en: 'Main-business growth' },
  debtRatio: { source: 'derived', type: 'number', unit: 'ratio', zh: '资产负债率', en: 'Debt ratio' },
  rdStaffRatio: { source: 'derived', type: 'number', unit: 'ratio', zh: '研发人员占比', en: 'R&D staff ratio' },
  netProfitMargin: { source: 'derived', type: 'number', unit: 'ratio', zh: '净利润率', en: 'Net profit margin' },
  exportShare: { source: 'derived', type: 'number', unit: 'ratio', zh: '出口收入占比', en: 'Export share' },
  // registry
  industryCode: { source: 'registry', type: 'enum', zh: '行业门类', en: 'Industry section' },
  size: { source: 'registry', type: 'enum', zh: '企业规模', en: 'Size' },
  tier: { source: 'registry', type: 'enum', zh: '培育梯度', en: 'Tier' },
  parkId: { source: 'registry', type: 'enum', zh: '所在园区', en: 'Park' },
  employeeCount: { source: 'registry', type: 'number', unit: '人', zh: '从业人数（登记）', en: 'Employees (registry)' },
} as const;
export type MetricKey = keyof typeof metricCatalog;
export const metricKeys = Object.keys(metricCatalog) as MetricKey[];
export const MetricKeySchema = z.enum(metricKeys as [MetricKey, ...MetricKey[]]);
export const numericMetricKeys = metricKeys.filter((k) => metricCatalog[k].type === 'number');

/** Which reported year an indicator comes from: 0 = the latest year the enterprise reported, 1 = the year before, … */
export const YearOffset = z.number().int().min(0).max(4).default(0);

const label = z.string().trim().min(1, '条件说明不能为空').max(120, '条件说明不能超过120个字符');
const finite = z.number().finite('必须是数字');

/**
 * Conditions. `op` comparisons on numbers are exact about their boundary: `gte` includes it, `gt` excludes it.
 * `between` states inclusivity per end. Ordinal metrics (R&D institution level, credit standing) compare by
 * their order in the vocabulary.
 */
export const CompareCondition = z.strictObject({
  kind: z.literal('compare'),
  label,
  metric: MetricKeySchema,
  year: YearOffset.optional(),
  op: z.enum(['gte', 'gt', 'lte', 'lt', 'eq', 'neq']),
  value: z.union([finite, z.string().max(64)]),
});
export const BetweenCondition = z.strictObject({
  kind: z.literal('between'),
  label,
  metric: MetricKeySchema,
  year: YearOffset.optional(),
  min: finite,
  max: finite,
  minInclusive: z.boolean().default(true),
  maxInclusive: z.boolean().default(true),
});
export const InListCondition = z.strictObject({
  kind: z.literal('in'),
  label,
  metric: MetricKeySchema,
  year: YearOffset.optional(),
  values: z.array(z.string().max(64)).min(1, '至少选择一项').max(50),
  negate: z.boolean().default(false),
});
/** Holds a qualification that is valid on the evaluation date (optionally: held for at least N years). */
export const QualificationCondition = z.strictObject({
  kind: z.literal('qualification'),
  label,
  qualification: QualificationKind,
  negate: z.boolean().default(false),
});
/** Years since the enterprise was founded, or since it first obtained a qualification. */
export const YearsSinceCondition = z.strictObject({
  kind: z.literal('yearsSince'),
  label,
  since: z.union([z.literal('founded'), QualificationKind]),
  op: z.enum(['gte', 'gt', 'lte', 'lt']),
  value: finite.min(0, '年限不能为负数'),
});
/** Ratio of two numeric metrics of the same year, e.g. exportRevenue / operatingRevenue ≥ 0.2. */
export const RatioCondition = z.strictObject({
  kind: z.literal('ratio'),
  label,
  numerator: MetricKeySchema,
  denominator: MetricKeySchema,
  year: YearOffset.optional(),
  op: z.enum(['gte', 'gt', 'lte', 'lt']),
  value: finite,
});

export const Condition = z.discriminatedUnion('kind', [
  CompareCondition,
  BetweenCondition,
  InListCondition,
  QualificationCondition,
  YearsSinceCondition,
  RatioCondition,
]);
export type Condition = z.infer<typeof Condition>;

export type RuleNode =
  | Condition
  | { kind: 'all'; label?: string | undefined; children: RuleNode[] }
  | { kind: 'any'; label?: string | undefined; children: RuleNode[] }
  | { kind: 'not'; label?: string | undefined; child: RuleNode };

export const RuleNode: z.ZodType<RuleNode> = z.lazy(() =>
  z.union([
    Condition,
    z.strictObject({ kind: z.literal('all'), label: label.optional(), children: z.array(RuleNode).min(1, '条件组不能为空').max(50) }),
    z.strictObject({ kind: z.literal('any'), label: label.optional(), children: z.array(RuleNode).min(1, '条件组不能为空').max(50) }),
    z.strictObject({ kind: z.literal('not'), label: label.optional(), child: RuleNode }),
  ]),
) as z.ZodType<RuleNode>;

// ---------- evaluation results ----------
export const verdicts = ['eligible', 'nearly', 'not_eligible'] as const;
export const Verdict = z.enum(verdicts);
export type Verdict = z.infer<typeof Verdict>;

export const ConditionResult = z.object({
  label: z.string(),
  status: z.enum(['met', 'unmet', 'unknown']),
  /** Human-readable actual value, e.g. "营业收入 2025年 1,250万元"; null when data is missing. */
  actual: z.string().nullable(),
  /** Human-readable requirement, e.g. "≥ 1,000万元". */
  required: z.string(),
  /** For unknowns: the metric whose data would settle it. */
  missing: z.string().nullable().optional(),
});
export type ConditionResult = z.infer<typeof ConditionResult>;

export const PolicyMatch = z.object({
  policyId: z.string(),
  enterpriseId: z.string(),
  verdict: Verdict,
  conditions: z.array(ConditionResult),
  evaluatedAt: z.string(),
});
export type PolicyMatch = z.infer<typeof PolicyMatch>;
