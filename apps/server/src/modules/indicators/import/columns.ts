import {
  creditStandingLabels,
  creditStandings,
  emergingIndustries,
  emergingIndustryLabels,
  rdInstitutionLevelLabels,
  rdInstitutionLevels,
  type IndicatorField,
} from '@yqt/contracts';

export type ColumnKey = 'creditCode' | 'year' | IndicatorField;
type Kind = 'key' | 'amount' | 'signedAmount' | 'count' | 'enum';
export type Column = { key: ColumnKey; header: string; required: boolean; kind: Kind; aliases: string[]; width: number; vocab?: Map<string, string>; hint: string };

/** Accepts the code or the Chinese label of a vocabulary value (e.g. "provincial" / "省级"; "A" / "A级"). */
function vocab(values: readonly string[], labels: Record<string, { zh: string; en: string }>): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of values) {
    m.set(v.toLowerCase(), v);
    m.set(labels[v]!.zh, v);
    m.set(labels[v]!.en.toLowerCase(), v);
  }
  return m;
}
const zhList = (values: readonly string[], labels: Record<string, { zh: string }>) => values.map((v) => labels[v]!.zh).join('、');

/** Indicator import columns, in template order: one row per enterprise and year. */
export const indicatorColumns: Column[] = [
  { key: 'creditCode', header: '统一社会信用代码', required: true, kind: 'key', aliases: ['信用代码', 'creditCode'], width: 24, hint: '18位，须为已在平台登记的企业' },
  { key: 'year', header: '年度', required: true, kind: 'key', aliases: ['年份', 'year'], width: 8, hint: '如 2025；不早于成立年份，不晚于今年' },
  { key: 'operatingRevenue', header: '营业收入（万元）', required: false, kind: 'amount', aliases: ['营业收入', 'operatingRevenue'], width: 14, hint: '万元，不小于0' },
  { key: 'mainBusinessRevenue', header: '主营业务收入（万元）', required: false, kind: 'amount', aliases: ['主营业务收入', 'mainBusinessRevenue'], width: 16, hint: '万元，不超过营业收入' },
  { key: 'rdExpense', header: '研发费用（万元）', required: false, kind: 'amount', aliases: ['研发费用', '研发投入', 'rdExpense'], width: 14, hint: '万元' },
  { key: 'rdStaff', header: '研发人员数', required: false, kind: 'count', aliases: ['研发人员', 'rdStaff'], width: 10, hint: '人，不超过职工总数' },
  { key: 'totalStaff', header: '职工总数', required: false, kind: 'count', aliases: ['职工人数', '从业人员', 'totalStaff'], width: 10, hint: '人' },
  { key: 'totalAssets', header: '资产总额（万元）', required: false, kind: 'amount', aliases: ['资产总额', 'totalAssets'], width: 14, hint: '万元' },
  { key: 'totalLiabilities', header: '负债总额（万元）', required: false, kind: 'amount', aliases: ['负债总额', 'totalLiabilities'], width: 14, hint: '万元' },
  { key: 'netProfit', header: '净利润（万元）', required: false, kind: 'signedAmount', aliases: ['净利润', 'netProfit'], width: 12, hint: '万元，亏损填负数' },
  { key: 'exportRevenue', header: '出口收入（万元）', required: false, kind: 'amount', aliases: ['出口收入', '出口额', 'exportRevenue'], width: 14, hint: '万元，不超过营业收入' },
  { key: 'equityFinancing', header: '新增股权融资（万元）', required: false, kind: 'amount', aliases: ['股权融资', '新增股权融资', 'equityFinancing'], width: 16, hint: '万元，实缴' },
  { key: 'ipClass1', header: 'Ⅰ类知识产权（件）', required: false, kind: 'count', aliases: ['Ⅰ类知识产权', 'I类知识产权', '一类知识产权', 'ipClass1'], width: 14, hint: '件：发明专利、集成电路布图设计、植物新品种等' },
  { key: 'ipClass2', header: 'Ⅱ类知识产权（件）', required: false, kind: 'count', aliases: ['Ⅱ类知识产权', 'II类知识产权', '二类知识产权', 'ipClass2'], width: 14, hint: '件：实用新型、外观设计、软件著作权等' },
  {
    key: 'rdInstitutionLevel',
    header: '研发机构级别',
    required: false,
    kind: 'enum',
    aliases: ['rdInstitutionLevel'],
    width: 12,
    vocab: vocab(rdInstitutionLevels, rdInstitutionLevelLabels),
    hint: zhList(rdInstitutionLevels, rdInstitutionLevelLabels),
  },
  {
    key: 'emergingIndustry',
    header: '战略性新兴产业领域',
    required: false,
    kind: 'enum',
    aliases: ['战略性新兴产业', 'emergingIndustry'],
    width: 18,
    vocab: vocab(emergingIndustries, emergingIndustryLabels),
    hint: zhList(emergingIndustries, emergingIndustryLabels),
  },
  {
    key: 'creditStanding',
    header: '纳税信用等级',
    required: false,
    kind: 'enum',
    aliases: ['信用等级', 'creditStanding'],
    width: 12,
    vocab: vocab(creditStandings, creditStandingLabels),
    hint: zhList(creditStandings, creditStandingLabels),
  },
];

export const headerOf = (key: ColumnKey) => indicatorColumns.find((c) => c.key === key)!.header;

const norm = (h: string) => h.replace(/[\s*＊（）()]/g, '').toLowerCase();
const byHeader = new Map<string, ColumnKey>();
for (const c of indicatorColumns) for (const h of [c.header, ...c.aliases]) byHeader.set(norm(h), c.key);
export const keyForHeader = (h: string): ColumnKey | undefined => byHeader.get(norm(h));
