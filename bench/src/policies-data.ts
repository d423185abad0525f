/**
 * Data for the policies benchmark on top of the registry generator's enterprises:
 * three years of indicators and qualifications per enterprise (the server's own demo generator,
 * seed/indicators.ts), and N published policies built from ten rule templates with varied
 * thresholds — the shapes real policies have (revenue bands, R&D intensity, certificates, growth,
 * export share, founding age, park and industry lists, negations).
 * Bulk inserts travel as one json parameter per chunk (jsonb_to_recordset), like the app's own
 * match writer, so loading 120,000 indicator rows takes seconds, not minutes.
 */
import type { MetricKey, PolicyLevel, BenefitType, RuleNode } from '@yqt/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../apps/server/src/core/db.js';
import { policies } from '../../apps/server/src/db/schema/index.js';
import { policySearchFields } from '../../apps/server/src/modules/policies/index.js';
import { generateIndicators, type IndicatorSeedEnterprise } from '../../apps/server/src/seed/indicators.js';

const CHUNK = 5000;

export async function insertIndicators(db: Db, list: IndicatorSeedEnterprise[], today: string): Promise<{ indicators: number; qualifications: number }> {
  const data = generateIndicators(list, today, 40_000);
  for (let i = 0; i < data.indicators.length; i += CHUNK) {
    const json = JSON.stringify(data.indicators.slice(i, i + CHUNK));
    await db.execute(sql`
      INSERT INTO enterprise_indicators (enterprise_id, year, operating_revenue, main_business_revenue, rd_expense, rd_staff, total_staff,
        total_assets, total_liabilities, net_profit, export_revenue, equity_financing, ip_class1, ip_class2, rd_institution_level,
        emerging_industry, credit_standing, source)
      SELECT x."enterpriseId", x.year, x."operatingRevenue", x."mainBusinessRevenue", x."rdExpense", x."rdStaff", x."totalStaff",
        x."totalAssets", x."totalLiabilities", x."netProfit", x."exportRevenue", x."equityFinancing", x."ipClass1", x."ipClass2",
        x."rdInstitutionLevel", x."emergingIndustry", x."creditStanding", x.source
      FROM jsonb_to_recordset(${json}::jsonb) AS x("enterpriseId" uuid, year int, "operatingRevenue" numeric, "mainBusinessRevenue" numeric,
        "rdExpense" numeric, "rdStaff" int, "totalStaff" int, "totalAssets" numeric, "totalLiabilities" numeric, "netProfit" numeric,
        "exportRevenue" numeric, "equityFinancing" numeric, "ipClass1" int, "ipClass2" int, "rdInstitutionLevel" text,
        "emergingIndustry" text, "creditStanding" text, source text)`);
  }
  for (let i = 0; i < data.qualifications.length; i += CHUNK) {
    const json = JSON.stringify(data.qualifications.slice(i, i + CHUNK));
    await db.execute(sql`
      INSERT INTO enterprise_qualifications (enterprise_id, kind, certificate_no, obtained_on, valid_until)
      SELECT x."enterpriseId", x.kind, x."certificateNo", x."obtainedOn", x."validUntil"
      FROM jsonb_to_recordset(${json}::jsonb) AS x("enterpriseId" uuid, kind text, "certificateNo" text, "obtainedOn" date, "validUntil" date)`);
  }
  return { indicators: data.indicators.length, qualifications: data.qualifications.length };
}

// ---------------------------------------------------------------- rule templates
const cmp = (label: string, metric: MetricKey, op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'neq', value: number | string, year?: number): RuleNode => ({
  kind: 'compare',
  label,
  metric,
  op,
  value,
  ...(year ? { year } : {}),
});
const all = (label: string, ...children: RuleNode[]): RuleNode => ({ kind: 'all', label, children });
const any = (label: string, ...children: RuleNode[]): RuleNode => ({ kind: 'any', label, children });
const holds = (label: string, qualification: 'high_tech' | 'srdi' | 'little_giant' | 'tech_sme' | 'innovative_sme'): RuleNode => ({ kind: 'qualification', label, qualification, negate: false });
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;

type Template = { title: string; level: PolicyLevel; benefit: BenefitType; tags: string[]; rules: (v: number, parks: string[]) => RuleNode };

const TEMPLATES: Template[] = [
  {
    title: '高新技术企业认定奖励',
    level: 'zone',
    benefit: 'award',
    tags: ['高企', '研发'],
    rules: (v) =>
      all(
        '高企条件',
        holds('持有高新技术企业证书', 'high_tech'),
        cmp('研发人员占比', 'rdStaffRatio', 'gte', pick([0.1, 0.12, 0.15], v)),
        any(
          '研发费用占比分档',
          all('营收5000万以下', cmp('营收', 'operatingRevenue', 'lte', 5000), cmp('研发占比≥5%', 'rdRatio', 'gte', 0.05)),
          all('营收5000万至2亿', { kind: 'between', label: '营收区间', metric: 'operatingRevenue', min: 5000, max: 20000, minInclusive: false, maxInclusive: true }, cmp('研发占比≥4%', 'rdRatio', 'gte', 0.04)),
          all('营收2亿以上', cmp('营收', 'operatingRevenue', 'gt', 20000), cmp('研发占比≥3%', 'rdRatio', 'gte', 0.03)),
        ),
      ),
  },
  {
    title: '企业研发费用补助',
    level: 'city',
    benefit: 'subsidy',
    tags: ['研发', '补贴'],
    rules: (v) =>
      all(
        '研发补助条件',
        cmp('研发费用', 'rdExpense', 'gte', pick([50, 100, 200, 300, 500], v)),
        cmp('研发费用占比', 'rdRatio', 'gte', pick([0.02, 0.03, 0.04, 0.05], v)),
        { kind: 'in', label: '重点行业', metric: 'industryCode', values: ['C', 'I', 'M'], negate: false },
        cmp('纳税信用', 'creditStanding', 'gte', 'B'),
      ),
  },
  {
    title: '规模以上企业成长奖励',
    level: 'zone',
    benefit: 'award',
    tags: ['成长', '奖励'],
    rules: (v) =>
      all(
        '成长条件',
        cmp('营业收入', 'operatingRevenue', 'gte', pick([2000, 5000, 10000, 20000], v)),
        cmp('营收增长', 'revenueGrowth', 'gte', pick([0.1, 0.15, 0.2, 0.3], v)),
        cmp('盈利', 'netProfit', 'gt', 0),
      ),
  },
  {
    title: '专精特新中小企业奖励',
    level: 'provincial',
    benefit: 'award',
    tags: ['专精特新', '奖励'],
    rules: (v) =>
      all(
        '专精特新条件',
        holds('专精特新资质', 'srdi'),
        cmp('主营业务占比', 'mainBusinessShare', 'gte', pick([0.7, 0.75, 0.8], v)),
        cmp('Ⅰ类知识产权', 'ipClass1', 'gte', pick([1, 2, 3], v)),
        { kind: 'yearsSince', label: '成立满3年', since: 'founded', op: 'gte', value: pick([2, 3], v) },
      ),
  },
  {
    title: '专精特新“小巨人”企业奖补',
    level: 'national',
    benefit: 'subsidy',
    tags: ['小巨人', '专精特新'],
    rules: (v) =>
      all(
        '小巨人条件',
        holds('小巨人资质', 'little_giant'),
        cmp('营业收入', 'operatingRevenue', 'gte', pick([10000, 15000], v)),
        cmp('研发占比', 'rdRatio', 'gte', pick([0.03, 0.035], v)),
        any('创新能力', cmp('Ⅰ类知识产权', 'ipClass1', 'gte', 2), cmp('研发机构', 'rdInstitutionLevel', 'gte', 'provincial')),
      ),
  },
  {
    title: '外贸出口企业奖励',
    level: 'city',
    benefit: 'award',
    tags: ['外贸', '出口'],
    rules: (v) =>
      all(
        '出口条件',
        { kind: 'ratio', label: '出口占比', numerator: 'exportRevenue', denominator: 'operatingRevenue', op: 'gte', value: pick([0.1, 0.2, 0.3], v) },
        cmp('营业收入', 'operatingRevenue', 'gte', pick([500, 1000, 3000], v)),
        { kind: 'not', label: '非贸易地产类', child: { kind: 'in', label: '批发零售或房地产', metric: 'industryCode', values: ['F', 'K'], negate: false } },
      ),
  },
  {
    title: '初创科技企业扶持',
    level: 'operator',
    benefit: 'service',
    tags: ['初创', '孵化'],
    rules: (v) =>
      all(
        '初创条件',
        { kind: 'yearsSince', label: '成立不超过年限', since: 'founded', op: 'lte', value: pick([3, 5], v) },
        { kind: 'in', label: '小微企业', metric: 'size', values: ['small', 'micro'], negate: false },
        { kind: 'in', label: '新兴产业', metric: 'emergingIndustry', values: ['next_gen_it', 'high_end_equipment', 'new_materials', 'biotech'], negate: false },
      ),
  },
  {
    title: '科技型中小企业研发奖补',
    level: 'provincial',
    benefit: 'subsidy',
    tags: ['科技型中小企业', '研发'],
    rules: (v) =>
      all(
        '科技型中小企业条件',
        holds('科技型中小企业', 'tech_sme'),
        cmp('职工总数', 'totalStaff', 'lte', 500),
        cmp('营业收入', 'operatingRevenue', 'lte', pick([20000, 10000], v)),
        cmp('研发占比', 'rdRatio', 'gte', pick([0.03, 0.04, 0.05], v)),
        cmp('Ⅱ类知识产权', 'ipClass2', 'gte', 1),
      ),
  },
  {
    title: '人才引育与稳岗补贴',
    level: 'city',
    benefit: 'subsidy',
    tags: ['人才', '稳岗'],
    rules: (v) =>
      all(
        '人才条件',
        cmp('职工总数', 'totalStaff', 'gte', pick([50, 100, 300], v)),
        cmp('研发人员', 'rdStaff', 'gte', pick([10, 20, 50], v)),
        cmp('资产负债率', 'debtRatio', 'lte', pick([0.6, 0.7], v)),
      ),
  },
  {
    title: '园区重点企业服务包',
    level: 'operator',
    benefit: 'service',
    tags: ['园区', '服务'],
    rules: (v, parks) =>
      all(
        '园区条件',
        { kind: 'in', label: '所在园区', metric: 'parkId', values: [pick(parks, v), pick(parks, v + 3)], negate: false },
        cmp('已入梯度培育库', 'tier', 'neq', 'none'),
        cmp('纳税信用', 'creditStanding', 'gte', pick(['A', 'B'], v)),
      ),
  },
];

export type BenchPolicy = { id: string; template: string; rules: RuleNode };

/** N published policies (templates in turn, thresholds varied), with search fields filled the way the library does. */
export async function insertPolicies(db: Db, operatorId: string, parkIds: string[], n: number, today: string): Promise<BenchPolicy[]> {
  const out: BenchPolicy[] = [];
  const rows: (typeof policies.$inferInsert)[] = [];
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < n; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length]!;
    const v = Math.floor(i / TEMPLATES.length);
    const rules = tpl.rules(v, parkIds);
    const title = `${year}年度${tpl.title}（第${v + 1}批）`;
    const interpretation = {
      audience: `符合条件的${tpl.tags[0]}相关企业`,
      benefits: `${tpl.title}，按规定给予支持`,
      keyConditions: [`${tpl.tags.join('、')}`],
      materials: ['申请表', '营业执照复印件'],
      deadlines: `${year}年12月31日前申报`,
      contact: '企业服务部 0731-28000000',
      faq: [],
    };
    const base = { title, issuer: '株洲高新区管委会', docNumber: null, tags: tpl.tags, fullText: `${title}。${interpretation.benefits}。`, interpretation };
    rows.push({
      operatorId,
      key: `bench-${i + 1}`,
      ...base,
      level: tpl.level,
      benefitType: tpl.benefit,
      maxAmountWan: 10 + (i % 20) * 5,
      status: 'published',
      rules,
      applyFrom: i % 3 === 0 ? null : `${year}-01-01`,
      applyUntil: i % 3 === 0 ? null : `${year}-12-31`,
      publishedOn: `${year}-01-01`,
      ...policySearchFields(base),
    });
    out.push({ id: '', template: tpl.title, rules });
  }
  for (let i = 0; i < rows.length; i += 100) {
    const ids = await db.insert(policies).values(rows.slice(i, i + 100)).returning({ id: policies.id });
    ids.forEach((r, k) => (out[i + k]!.id = r.id));
  }
  return out;
}
