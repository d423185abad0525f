import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';
import { industrySections, sizeLabels, sizes, tierLabels, tiers } from './enums.js';

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
export type CreditStanding = z.infer<typeof CreditStanding>;

export const rdInstitutionLevelLabels: Record<RdInstitutionLevel, { zh: string; en: string }> = {
  none: { zh: '无', en: 'None' },
  city: { zh: '市级', en: 'City' },
  provincial: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};
export const emergingIndustryLabels: Record<EmergingIndustry, { zh: string; en: string }> = {
  none: { zh: '不属于战略性新兴产业', en: 'None' },
  next_gen_it: { zh: '新一代信息技术产业', en: 'Next-generation IT' },
  high_end_equipment: { zh: '高端装备制造产业', en: 'High-end equipment' },
  new_materials: { zh: '新材料产业', en: 'New materials' },
  biotech: { zh: '生物产业', en: 'Biotech' },
  nev: { zh: '新能源汽车产业', en: 'New-energy vehicles' },
  new_energy: { zh: '新能源产业', en: 'New energy' },
  energy_saving: { zh: '节能环保产业', en: 'Energy saving' },
  digital_creative: { zh: '数字创意产业', en: 'Digital creative' },
  related_services: { zh: '相关服务业', en: 'Related services' },
};
export const creditStandingLabels: Record<CreditStanding, { zh: string; en: string }> = {
  A: { zh: 'A级', en: 'A' },
  B: { zh: 'B级', en: 'B' },
  M: { zh: 'M级', en: 'M' },
  C: { zh: 'C级', en: 'C' },
  D: { zh: 'D级', en: 'D' },
};

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

/**
 * The closed vocabulary of a non-numeric metric, or null when it has none (`parkId`: any park id;
 * numeric metrics). Registry enums come from enums.ts so the rule editor offers exactly what an
 * enterprise record can hold.
 */
export function metricVocabulary(metric: MetricKey): readonly string[] | null {
  switch (metric) {
    case 'industryCode':
      return Object.keys(industrySections);
    case 'size':
      return sizes;
    case 'tier':
      return tiers;
    case 'rdInstitutionLevel':
      return rdInstitutionLevels;
    case 'emergingIndustry':
      return emergingIndustries;
    case 'creditStanding':
      return creditStandings;
    default:
      return null;
  }
}

/** Chinese label of one vocabulary value (falls back to the value itself). */
export function metricValueLabel(metric: MetricKey, value: string): string {
  switch (metric) {
    case 'industryCode':
      return value in industrySections ? `${value} ${industrySections[value as keyof typeof industrySections]}` : value;
    case 'size':
      return sizeLabels[value as keyof typeof sizeLabels]?.zh ?? value;
    case 'tier':
      return tierLabels[value as keyof typeof tierLabels]?.zh ?? value;
    case 'rdInstitutionLevel':
      return rdInstitutionLevelLabels[value as RdInstitutionLevel]?.zh ?? value;
    case 'emergingIndustry':
      return emergingIndustryLabels[value as EmergingIndustry]?.zh ?? value;
    case 'creditStanding':
      return creditStandingLabels[value as CreditStanding]?.zh ?? value;
    default:
      return value;
  }
}

/**
 * Rank of an ordinal value, higher = better, so `gte` always reads "at least as good as".
 * R&D institution levels are listed worst first (none → national); credit standings best first
 * (A → D, as they are written), hence reversed here. null for a value outside the vocabulary.
 */
export function ordinalRank(metric: MetricKey, value: string): number | null {
  if (metric === 'rdInstitutionLevel') {
    const i = (rdInstitutionLevels as readonly string[]).indexOf(value);
    return i < 0 ? null : i;
  }
  if (metric === 'creditStanding') {
    const i = (creditStandings as readonly string[]).indexOf(value);
    return i < 0 ? null : creditStandings.length - 1 - i;
  }
  return null;
}

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

/** One piece of data that would settle an unknown condition. `metric` is a MetricKey or `foundedOn`. */
export const DataNeed = z.object({
  metric: z.string(),
  /** Fiscal year of an indicator; null for registry data (e.g. the founding date). */
  year: z.number().int().nullable(),
  /** e.g. "2025年 研发费用" */
  label: z.string(),
});
export type DataNeed = z.infer<typeof DataNeed>;

export const ConditionResult = z.object({
  label: z.string(),
  status: z.enum(['met', 'unmet', 'unknown']),
  /** Human-readable actual value, e.g. "营业收入 2025年 1,250万元"; null when data is missing. */
  actual: z.string().nullable(),
  /** Human-readable requirement, e.g. "≥ 1,000万元". */
  required: z.string(),
  /** For unknowns: the metric whose data would settle it. */
  missing: z.string().nullable().optional(),
  /** For unknowns: exactly which data would settle it (metric key, fiscal year or null for registry data). */
  needs: z.array(DataNeed).optional(),
  /** On the cheapest path to eligibility this condition must change (it is unmet or unknown and counted in missingCount). */
  blocking: z.boolean().optional(),
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

/**
 * `nearly` (差一点) = not eligible, but at most this many leaf conditions (unmet or unknown) stand between
 * the enterprise and eligibility on the cheapest path. One, not two: with two, every enterprise was
 * "nearly" eligible for any two-condition policy (55% of all demo pairs), which flooded the officers'
 * follow-up lists and the stored matches (bench: 66% of 12M pairs).
 */
export const NEARLY_MAX_MISSING = 1;

export const verdictLabels: Record<Verdict, { zh: string; en: string }> = {
  eligible: { zh: '可申报', en: 'Eligible' },
  nearly: { zh: '接近可申报', en: 'Nearly eligible' },
  not_eligible: { zh: '暂不符合', en: 'Not eligible' },
};
export const conditionStatusLabels = {
  met: { zh: '满足', en: 'Met' },
  unmet: { zh: '不满足', en: 'Not met' },
  unknown: { zh: '缺少数据', en: 'Data missing' },
} as const;

// ---------- matching API ----------
const verdictCounts = z.object({ eligible: z.number().int(), nearly: z.number().int(), not_eligible: z.number().int() });

/** What an enterprise's match list shows of each policy. */
export const MatchPolicyInfo = z.object({
  title: z.string(),
  level: PolicyLevel,
  benefitType: BenefitType,
  maxAmountWan: z.number().nullable(),
  applyFrom: z.string().nullable(),
  applyUntil: z.string().nullable(),
  /** The application window contains today (Asia/Shanghai); a policy without a window is never open. */
  windowOpen: z.boolean(),
});

export const EnterprisePolicyMatch = PolicyMatch.extend({
  /** Conditions to change on the cheapest path to eligibility (0 when eligible). */
  missingCount: z.number().int(),
  policy: MatchPolicyInfo,
});
export type EnterprisePolicyMatch = z.infer<typeof EnterprisePolicyMatch>;

/** Data that, if reported, would settle unknown conditions — and how many policies it concerns. */
export const MissingDataItem = DataNeed.extend({ policies: z.number().int() });
export type MissingDataItem = z.infer<typeof MissingDataItem>;

export const EnterprisePolicyMatchesQuery = PageQuery.extend({
  verdict: Verdict.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type EnterprisePolicyMatchesQuery = z.infer<typeof EnterprisePolicyMatchesQuery>;

/** Live evaluation against every published policy: eligible → nearly → not_eligible. */
export const EnterprisePolicyMatchesPage = pageOf(EnterprisePolicyMatch).extend({
  /** Counts over all published policies, whatever the verdict filter. */
  counts: verdictCounts,
  missingData: z.array(MissingDataItem),
  /** The evaluation date (Asia/Shanghai). */
  evaluatedOn: IsoDate,
});
export type EnterprisePolicyMatchesPage = z.infer<typeof EnterprisePolicyMatchesPage>;

export const PolicyMatchesQuery = PageQuery.extend({
  /** Only eligible and nearly-eligible enterprises are stored for a policy. */
  verdict: z.enum(['eligible', 'nearly'], { message: '只能筛选“可申报”或“接近可申报”' }).optional(),
  parkId: Id.optional(),
  /** The enterprise's liaison officer (or backup). */
  liaisonId: Id.optional(),
});
export type PolicyMatchesQuery = z.infer<typeof PolicyMatchesQuery>;
export const PolicyMatchesExportQuery = PolicyMatchesQuery.omit({ page: true, pageSize: true });
export type PolicyMatchesExportQuery = z.infer<typeof PolicyMatchesExportQuery>;

export const PolicyMatchEnterprise = z.object({
  name: z.string(),
  creditCode: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
});
export const PolicyMatchItem = PolicyMatch.extend({
  missingCount: z.number().int(),
  rulesVersion: z.number().int(),
  enterprise: PolicyMatchEnterprise,
});
export type PolicyMatchItem = z.infer<typeof PolicyMatchItem>;
export const PolicyMatchesPage = pageOf(PolicyMatchItem).extend({
  /** Counts in the caller's scope with the park/officer filters, whatever the verdict filter. */
  counts: z.object({ eligible: z.number().int(), nearly: z.number().int() }),
});
export type PolicyMatchesPage = z.infer<typeof PolicyMatchesPage>;

/** The rule editor's "who matches" preview of an unsaved draft. */
export const EligibilityPreviewItem = z.object({
  enterpriseId: z.string(),
  name: z.string(),
  parkName: z.string(),
  verdict: Verdict,
  missingCount: z.number().int(),
  conditions: z.array(ConditionResult),
});
export const EligibilityPreviewResult = z.object({
  eligible: z.number().int(),
  nearly: z.number().int(),
  /** Active enterprises evaluated (the caller's scope, optionally one park). */
  total: z.number().int(),
  /** The first 20 by verdict (eligible first), then name. */
  sample: z.array(EligibilityPreviewItem),
  evaluatedOn: IsoDate,
  /** Server time spent, for the editor's status line. */
  tookMs: z.number(),
});
export type EligibilityPreviewResult = z.infer<typeof EligibilityPreviewResult>;

// ---------- semantic validation ----------
/** One problem in a rule tree; `path` is the dotted field path ("rules.children.0.value"). */
export type RuleIssue = { path: string; message: string };
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_CONDITIONS = 100;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isMetric = (m: unknown): m is MetricKey => typeof m === 'string' && Object.hasOwn(metricCatalog, m);
const isQualification = (q: unknown) => typeof q === 'string' && (qualificationKinds as readonly string[]).includes(q);

/**
 * What zod cannot see: metrics used against their type, values outside a metric's vocabulary,
 * empty ranges, unknown qualifications, trees too deep or too large. Works on parsed or raw input
 * (never throws). Used by the policy library on save (400 naming `path`), the preview and the editor.
 */
export function validateRules(rules: unknown, base = 'rules'): RuleIssue[] {
  const out: RuleIssue[] = [];
  let leaves = 0;
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const push = (path: string, message: string) => out.push({ path, message });

  const checkValue = (metric: MetricKey, value: string, path: string) => {
    if (metric === 'parkId') {
      if (!UUID_RE.test(value)) push(path, '请选择园区');
      return;
    }
    const vocab = metricVocabulary(metric);
    if (vocab && !vocab.includes(value)) push(path, `“${value}”不是“${metricCatalog[metric].zh}”的可选值`);
  };
  const numericMetric = (m: unknown, path: string, what: string): boolean => {
    if (!isMetric(m)) {
      push(path, '未知的指标');
      return false;
    }
    if (metricCatalog[m].type !== 'number') {
      push(path, `“${metricCatalog[m].zh}”不是数值型指标，不能用于${what}`);
      return false;
    }
    return true;
  };

  const walk = (node: unknown, path: string, depth: number): void => {
    if (!node || typeof node !== 'object' || typeof (node as { kind?: unknown }).kind !== 'string') {
      push(path, '条件格式不正确');
      return;
    }
    if (depth > MAX_RULE_DEPTH) {
      push(path, `条件嵌套不能超过${MAX_RULE_DEPTH}层`);
      return;
    }
    const n = node as Record<string, unknown> & { kind: string };
    if (n.kind === 'all' || n.kind === 'any') {
      const children = Array.isArray(n.children) ? n.children : [];
      if (!children.length) push(at(path, 'children'), '条件组不能为空');
      children.forEach((c, i) => walk(c, at(path, `children.${i}`), depth + 1));
      return;
    }
    if (n.kind === 'not') {
      walk(n.child, at(path, 'child'), depth + 1);
      return;
    }
    leaves++;
    switch (n.kind) {
      case 'compare': {
        if (!isMetric(n.metric)) {
          push(at(path, 'metric'), '未知的指标');
          break;
        }
        const def = metricCatalog[n.metric];
        if (def.type === 'number') {
          if (typeof n.value !== 'number') push(at(path, 'value'), `“${def.zh}”是数值型指标，比较值须为数字`);
        } else {
          if (typeof n.value !== 'string') push(at(path, 'value'), `“${def.zh}”不是数值型指标，比较值须为可选值之一`);
          else checkValue(n.metric, n.value, at(path, 'value'));
          if (def.type === 'enum' && n.op !== 'eq' && n.op !== 'neq') push(at(path, 'op'), `“${def.zh}”没有高低顺序，只能用“等于”或“不等于”`);
        }
        break;
      }
      case 'between': {
        if (!numericMetric(n.metric, at(path, 'metric'), '区间条件')) break;
        const min = n.min as number;
        const max = n.max as number;
        if (min > max) push(at(path, 'max'), '上限不能小于下限');
        else if (min === max && (n.minInclusive === false || n.maxInclusive === false)) push(at(path, 'max'), '区间为空：上下限相同时两端都须包含');
        break;
      }
      case 'in': {
        if (!isMetric(n.metric)) {
          push(at(path, 'metric'), '未知的指标');
          break;
        }
        if (metricCatalog[n.metric].type === 'number') {
          push(at(path, 'metric'), `“${metricCatalog[n.metric].zh}”是数值型指标，请用比较或区间条件`);
          break;
        }
        const values = Array.isArray(n.values) ? n.values : [];
        if (!values.length) push(at(path, 'values'), '至少选择一项');
        values.forEach((v, i) => checkValue(n.metric as MetricKey, String(v), at(path, `values.${i}`)));
        break;
      }
      case 'qualification':
        if (!isQualification(n.qualification)) push(at(path, 'qualification'), '未知的资质类型');
        break;
      case 'yearsSince':
        if (n.since !== 'founded' && !isQualification(n.since)) push(at(path, 'since'), '年限起点应为成立日期或某项资质');
        if (typeof n.value !== 'number' || !(n.value >= 0)) push(at(path, 'value'), '年限须为不小于0的数字');
        break;
      case 'ratio': {
        const okN = numericMetric(n.numerator, at(path, 'numerator'), '比值条件');
        const okD = numericMetric(n.denominator, at(path, 'denominator'), '比值条件');
        if (okN && okD && n.numerator === n.denominator) push(at(path, 'denominator'), '分子和分母不能是同一指标');
        break;
      }
      default:
        push(at(path, 'kind'), `未知的条件类型：${n.kind}`);
    }
  };
  walk(rules, base, 0);
  if (leaves > MAX_RULE_CONDITIONS) push(base, `条件总数不能超过${MAX_RULE_CONDITIONS}个`);
  return out;
}
