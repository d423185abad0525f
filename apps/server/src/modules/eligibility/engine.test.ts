import { NEARLY_MAX_MISSING, type Condition, type MetricKey, type RuleNode } from '@yqt/contracts';
import { describe, expect, it } from 'vitest';
import { addYears, fullYearsBetween } from './dates.js';
import { compileRule, evaluate, type EvalContext } from './engine.js';
import { factsOf, type IndicatorRow, type QualificationFact, type RegistryFacts } from './facts.js';
import { fmtNumber, fmtPercent } from './format.js';

const ON = '2026-06-15';
const ctx: EvalContext = { on: ON };
const PARK = '11111111-1111-4111-8111-111111111111';

const empty: Omit<IndicatorRow, 'year'> = {
  operatingRevenue: null,
  mainBusinessRevenue: null,
  rdExpense: null,
  rdStaff: null,
  totalStaff: null,
  totalAssets: null,
  totalLiabilities: null,
  netProfit: null,
  exportRevenue: null,
  equityFinancing: null,
  ipClass1: null,
  ipClass2: null,
  rdInstitutionLevel: null,
  emergingIndustry: null,
  creditStanding: null,
};
const year = (y: number, v: Partial<IndicatorRow> = {}): IndicatorRow => ({ ...empty, ...v, year: y });
const registry = (r: Partial<RegistryFacts> = {}): RegistryFacts => ({
  industryCode: 'C',
  size: 'small',
  tier: 'none',
  parkId: PARK,
  employeeCount: 80,
  foundedOn: '2015-03-01',
  ...r,
});
const facts = (rows: IndicatorRow[] = [], quals: QualificationFact[] = [], reg: Partial<RegistryFacts> = {}) => factsOf('e1', registry(reg), rows, quals);

/** Evaluates a single condition and returns its one result. */
function leaf(cond: Condition, f = facts(), on = ON) {
  const r = evaluate(cond, f, { on });
  expect(r.conditions).toHaveLength(1);
  return { ...r.conditions[0]!, verdict: r.verdict, missingCount: r.missingCount, needs: r.needs, status: r.conditions[0]!.status };
}
const cmp = (metric: MetricKey, op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'neq', value: number | string, yearOffset?: number): Condition => ({
  kind: 'compare',
  label: '条件',
  metric,
  op,
  value,
  ...(yearOffset !== undefined ? { year: yearOffset } : {}),
});
const rev = (v: number | null) => facts([year(2025, { operatingRevenue: v })]);

describe('formatting', () => {
  it('writes amounts with thousands separators and at most two decimals', () => {
    expect(fmtNumber(1250)).toBe('1,250');
    expect(fmtNumber(1234567.891)).toBe('1,234,567.89');
    expect(fmtNumber(1250.5)).toBe('1,250.5');
    expect(fmtNumber(0)).toBe('0');
    expect(fmtNumber(-3200)).toBe('-3,200');
    expect(fmtNumber(999)).toBe('999');
  });
  it('writes ratios as percentages', () => {
    expect(fmtPercent(0.03)).toBe('3%');
    expect(fmtPercent(0.1234)).toBe('12.34%');
    expect(fmtPercent(-0.05)).toBe('-5%');
    expect(fmtPercent(1)).toBe('100%');
  });
});

describe('dates', () => {
  it('adds whole years keeping the day, 29 February → 28 February in a common year', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2019-03-01', 3)).toBe('2022-03-01');
    expect(addYears('2019-03-01', 0.5)).toBe('2019-08-31'); // + round(182.625) = 183 days
  });
  it('counts completed years', () => {
    expect(fullYearsBetween('2019-06-15', '2026-06-14')).toBe(6);
    expect(fullYearsBetween('2019-06-15', '2026-06-15')).toBe(7);
    expect(fullYearsBetween('2026-06-16', '2026-06-15')).toBe(0);
  });
});

describe('compare on a yearly amount', () => {
  const cases: [op: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'neq', below: string, at: string, above: string][] = [
    ['gte', 'unmet', 'met', 'met'],
    ['gt', 'unmet', 'unmet', 'met'],
    ['lte', 'met', 'met', 'unmet'],
    ['lt', 'met', 'unmet', 'unmet'],
    ['eq', 'unmet', 'met', 'unmet'],
    ['neq', 'met', 'unmet', 'met'],
  ];
  for (const [op, below, at, above] of cases) {
    it(`${op} 1000: 999.99 → ${below}, 1000 → ${at}, 1000.01 → ${above}`, () => {
      expect(leaf(cmp('operatingRevenue', op, 1000), rev(999.99)).status).toBe(below);
      expect(leaf(cmp('operatingRevenue', op, 1000), rev(1000)).status).toBe(at);
      expect(leaf(cmp('operatingRevenue', op, 1000), rev(1000.01)).status).toBe(above);
    });
  }

  it('renders the actual value with year, metric and unit, and the requirement with its operator', () => {
    const r = leaf(cmp('rdExpense', 'gte', 100), facts([year(2025, { rdExpense: 1250 })]));
    expect(r).toMatchObject({ status: 'met', actual: '2025年 研发费用 1,250万元', required: '≥ 100万元' });
    expect(leaf(cmp('rdStaff', 'gt', 10), facts([year(2025, { rdStaff: 12 })]))).toMatchObject({ actual: '2025年 研发人员数 12人', required: '> 10人' });
    expect(leaf(cmp('ipClass1', 'lt', 2), facts([year(2025, { ipClass1: 3 })]))).toMatchObject({ status: 'unmet', actual: '2025年 Ⅰ类知识产权 3件', required: '< 2件' });
  });

  it('year offset 0 is the latest reported year, 1 the calendar year before it', () => {
    const f = facts([year(2023, { operatingRevenue: 500 }), year(2024, { operatingRevenue: 900 }), year(2022, { operatingRevenue: 100 })]);
    expect(leaf(cmp('operatingRevenue', 'gte', 800), f)).toMatchObject({ status: 'met', actual: '2024年 营业收入 900万元' });
    expect(leaf(cmp('operatingRevenue', 'gte', 800, 1), f)).toMatchObject({ status: 'unmet', actual: '2023年 营业收入 500万元' });
    expect(leaf(cmp('operatingRevenue', 'gte', 800, 2), f).actual).toBe('2022年 营业收入 100万元');
  });

  it('is unknown when the latest year lacks the field — it never falls back to an older year', () => {
    const f = facts([year(2024, { operatingRevenue: 5000 }), year(2025, { rdExpense: 10 })]);
    const r = leaf(cmp('operatingRevenue', 'gte', 1000), f);
    expect(r).toMatchObject({ status: 'unknown', actual: null, missing: '2025年 营业收入', needs: [{ metric: 'operatingRevenue', year: 2025, label: '2025年 营业收入' }] });
    expect(r.verdict).toBe('nearly');
  });

  it('is unknown when an earlier year asked for was not reported', () => {
    const r = leaf(cmp('operatingRevenue', 'gte', 1000, 2), facts([year(2025, { operatingRevenue: 5000 })]));
    expect(r).toMatchObject({ status: 'unknown', missing: '2023年 营业收入' });
  });

  it('asks for the year before the evaluation year when nothing was ever reported', () => {
    expect(leaf(cmp('operatingRevenue', 'gte', 1000), facts([])).needs).toEqual([{ metric: 'operatingRevenue', year: 2025, label: '2025年 营业收入' }]);
    expect(leaf(cmp('operatingRevenue', 'gte', 1000, 1), facts([])).missing).toBe('2024年 营业收入');
  });

  it('compares negative net profit correctly', () => {
    expect(leaf(cmp('netProfit', 'gt', 0), facts([year(2025, { netProfit: -12.5 })]))).toMatchObject({ status: 'unmet', actual: '2025年 净利润 -12.5万元', required: '> 0万元' });
  });
});

describe('derived metrics', () => {
  it('R&D ratio: 30/1000 meets ≥ 3% exactly on the boundary, 29.99/1000 does not', () => {
    const c = cmp('rdRatio', 'gte', 0.03);
    expect(leaf(c, facts([year(2025, { rdExpense: 30, operatingRevenue: 1000 })]))).toMatchObject({ status: 'met', actual: '2025年 研发费用占营业收入比重 3%', required: '≥ 3%' });
    expect(leaf(c, facts([year(2025, { rdExpense: 29.99, operatingRevenue: 1000 })]))).toMatchObject({ status: 'unmet', actual: '2025年 研发费用占营业收入比重 3%' });
    expect(leaf(cmp('rdRatio', 'gt', 0.03), facts([year(2025, { rdExpense: 30, operatingRevenue: 1000 })])).status).toBe('unmet');
  });

  it('a zero denominator is unknown with a note, not Infinity and not a data request', () => {
    const r = leaf(cmp('rdRatio', 'gte', 0.03), facts([year(2025, { rdExpense: 30, operatingRevenue: 0 })]));
    expect(r).toMatchObject({ status: 'unknown', actual: null, missing: '2025年 营业收入为0，无法计算研发费用占营业收入比重' });
    expect(r.needs).toEqual([]);
  });

  it('lists exactly the missing inputs of a ratio', () => {
    const r = leaf(cmp('rdRatio', 'gte', 0.03), facts([year(2025, { operatingRevenue: 1000 })]));
    expect(r.needs).toEqual([{ metric: 'rdExpense', year: 2025, label: '2025年 研发费用' }]);
    const both = leaf(cmp('debtRatio', 'lte', 0.7), facts([year(2025, {})]));
    expect(both.missing).toBe('2025年 负债总额、2025年 资产总额');
  });

  it('revenue growth = this year / previous year − 1, exact on the boundary (1200/1000 = 20%)', () => {
    const f = facts([year(2024, { operatingRevenue: 1000 }), year(2025, { operatingRevenue: 1200 })]);
    expect(leaf(cmp('revenueGrowth', 'gte', 0.2), f)).toMatchObject({ status: 'met', actual: '2025年 营业收入增长率 20%', required: '≥ 20%' });
    expect(leaf(cmp('revenueGrowth', 'gt', 0.2), f).status).toBe('unmet');
    const drop = facts([year(2024, { operatingRevenue: 1000 }), year(2025, { operatingRevenue: 900 })]);
    expect(leaf(cmp('revenueGrowth', 'lt', 0), drop)).toMatchObject({ status: 'met', actual: '2025年 营业收入增长率 -10%' });
  });

  it('growth without the previous year asks for the previous year', () => {
    const r = leaf(cmp('revenueGrowth', 'gte', 0.1), facts([year(2025, { operatingRevenue: 1200 })]));
    expect(r).toMatchObject({ status: 'unknown', needs: [{ metric: 'operatingRevenue', year: 2024, label: '2024年 营业收入' }] });
    const zero = leaf(cmp('revenueGrowth', 'gte', 0.1), facts([year(2024, { operatingRevenue: 0 }), year(2025, { operatingRevenue: 1200 })]));
    expect(zero.missing).toBe('2024年 营业收入为0，无法计算营业收入增长率');
  });

  it('growth of an earlier year uses that year and the one before it', () => {
    const f = facts([year(2023, { mainBusinessRevenue: 100 }), year(2024, { mainBusinessRevenue: 150 }), year(2025, { mainBusinessRevenue: 150 })]);
    expect(leaf(cmp('mainBusinessGrowth', 'gte', 0.5, 1), f)).toMatchObject({ status: 'met', actual: '2024年 主营业务收入增长率 50%' });
    expect(leaf(cmp('mainBusinessGrowth', 'gte', 0.5), f)).toMatchObject({ status: 'unmet', actual: '2025年 主营业务收入增长率 0%' });
  });

  it('computes every other derived ratio', () => {
    const f = facts([
      year(2025, { operatingRevenue: 2000, mainBusinessRevenue: 1500, totalAssets: 1000, totalLiabilities: 600, rdStaff: 10, totalStaff: 100, netProfit: 100, exportRevenue: 500 }),
    ]);
    expect(leaf(cmp('mainBusinessShare', 'gte', 0.75), f)).toMatchObject({ status: 'met', actual: '2025年 主营业务收入占比 75%' });
    expect(leaf(cmp('debtRatio', 'lte', 0.6), f)).toMatchObject({ status: 'met', actual: '2025年 资产负债率 60%' });
    expect(leaf(cmp('debtRatio', 'lt', 0.6), f).status).toBe('unmet');
    expect(leaf(cmp('rdStaffRatio', 'gte', 0.1), f)).toMatchObject({ status: 'met', actual: '2025年 研发人员占比 10%' });
    expect(leaf(cmp('netProfitMargin', 'gte', 0.05), f)).toMatchObject({ status: 'met', actual: '2025年 净利润率 5%' });
    expect(leaf(cmp('exportShare', 'gte', 0.25), f)).toMatchObject({ status: 'met', actual: '2025年 出口收入占比 25%' });
    expect(leaf(cmp('exportShare', 'gt', 0.25), f).status).toBe('unmet');
  });
});

describe('ordinal and enum metrics', () => {
  const inst = (v: string) => facts([year(2025, { rdInstitutionLevel: v as IndicatorRow['rdInstitutionLevel'] })]);
  const credit = (v: string) => facts([year(2025, { creditStanding: v as IndicatorRow['creditStanding'] })]);

  it('R&D institution level compares by its order none < city < provincial < national', () => {
    const c = cmp('rdInstitutionLevel', 'gte', 'provincial');
    expect(leaf(c, inst('national')).status).toBe('met');
    expect(leaf(c, inst('provincial'))).toMatchObject({ status: 'met', actual: '2025年 研发机构级别 省级', required: '不低于省级' });
    expect(leaf(c, inst('city')).status).toBe('unmet');
    expect(leaf(cmp('rdInstitutionLevel', 'gt', 'provincial'), inst('provincial')).status).toBe('unmet');
    expect(leaf(cmp('rdInstitutionLevel', 'lt', 'city'), inst('none')).status).toBe('met');
    expect(leaf(cmp('rdInstitutionLevel', 'lte', 'city'), inst('city')).status).toBe('met');
  });

  it('credit standing: "not lower than B" accepts A and B, rejects M, C and D', () => {
    const c = cmp('creditStanding', 'gte', 'B');
    expect(leaf(c, credit('A')).status).toBe('met');
    expect(leaf(c, credit('B'))).toMatchObject({ status: 'met', required: '不低于B级' });
    expect(leaf(c, credit('M')).status).toBe('unmet');
    expect(leaf(c, credit('D')).status).toBe('unmet');
    expect(leaf(cmp('creditStanding', 'eq', 'A'), credit('A')).status).toBe('met');
    expect(leaf(cmp('creditStanding', 'neq', 'A'), credit('A')).status).toBe('unmet');
    expect(leaf(c, facts([year(2025, {})])).status).toBe('unknown');
  });

  it('registry enums compare with eq / neq', () => {
    expect(leaf(cmp('size', 'eq', 'small'))).toMatchObject({ status: 'met', actual: '企业规模 小型', required: '为小型' });
    expect(leaf(cmp('size', 'neq', 'small')).status).toBe('unmet');
    expect(leaf(cmp('industryCode', 'eq', 'I')).status).toBe('unmet');
    expect(leaf(cmp('tier', 'eq', 'none')).actual).toBe('培育梯度 未入库');
  });

  it('parkId shows the park name when known', () => {
    const r = evaluate(cmp('parkId', 'eq', PARK), facts(), { on: ON, parkNames: new Map([[PARK, '动力谷自主创新园']]) });
    expect(r.conditions[0]).toMatchObject({ status: 'met', actual: '所在园区 动力谷自主创新园' });
  });

  it('a misconfigured condition (order on an unordered enum, text on a number) is unknown, never a crash', () => {
    expect(leaf(cmp('size', 'gte', 'small'))).toMatchObject({ status: 'unknown', missing: '条件设置有误，请联系政策管理员' });
    expect(leaf(cmp('operatingRevenue', 'gte', 'much'), rev(10)).status).toBe('unknown');
    expect(leaf(cmp('creditStanding', 'gte', 'Z'), credit('A')).status).toBe('unknown');
  });

  it('registry numbers: employees from the registry, unknown when not recorded', () => {
    expect(leaf(cmp('employeeCount', 'lte', 80))).toMatchObject({ status: 'met', actual: '从业人数（登记） 80人', required: '≤ 80人' });
    expect(leaf(cmp('employeeCount', 'lte', 80), facts([], [], { employeeCount: null }))).toMatchObject({
      status: 'unknown',
      needs: [{ metric: 'employeeCount', year: null, label: '从业人数（登记）' }],
    });
  });
});

describe('between', () => {
  const b = (minInclusive: boolean, maxInclusive: boolean): Condition => ({ kind: 'between', label: '区间', metric: 'operatingRevenue', min: 5000, max: 20000, minInclusive, maxInclusive });
  it('inclusive on both ends by default', () => {
    expect(leaf(b(true, true), rev(5000))).toMatchObject({ status: 'met', required: '≥ 5,000万元 且 ≤ 20,000万元' });
    expect(leaf(b(true, true), rev(20000)).status).toBe('met');
    expect(leaf(b(true, true), rev(4999.99)).status).toBe('unmet');
    expect(leaf(b(true, true), rev(20000.01)).status).toBe('unmet');
  });
  it('exclusive ends exclude exactly the boundary', () => {
    expect(leaf(b(false, true), rev(5000))).toMatchObject({ status: 'unmet', required: '> 5,000万元 且 ≤ 20,000万元' });
    expect(leaf(b(false, true), rev(5000.01)).status).toBe('met');
    expect(leaf(b(true, false), rev(20000))).toMatchObject({ status: 'unmet', required: '≥ 5,000万元 且 < 20,000万元' });
    expect(leaf(b(true, false), rev(19999.99)).status).toBe('met');
  });
  it('renders ratio ranges as percentages and is unknown without data', () => {
    const c: Condition = { kind: 'between', label: '负债率', metric: 'debtRatio', min: 0.2, max: 0.7, minInclusive: true, maxInclusive: true };
    expect(leaf(c, facts([year(2025, { totalAssets: 100 })]))).toMatchObject({ status: 'unknown', required: '≥ 20% 且 ≤ 70%' });
  });
});

describe('in-list', () => {
  const inC = (values: string[], negate = false): Condition => ({ kind: 'in', label: '行业', metric: 'industryCode', values, negate });
  it('matches membership and renders the options', () => {
    expect(leaf(inC(['C', 'I']))).toMatchObject({ status: 'met', actual: '行业门类 C 制造业', required: '属于：C 制造业、I 信息传输、软件和信息技术服务业' });
    expect(leaf(inC(['I', 'M'])).status).toBe('unmet');
  });
  it('negated: none of the values', () => {
    expect(leaf(inC(['F', 'K'], true))).toMatchObject({ status: 'met', required: '不属于：F 批发和零售业、K 房地产业' });
    expect(leaf(inC(['C'], true)).status).toBe('unmet');
  });
  it('on a yearly enum: unknown when not reported', () => {
    const c: Condition = { kind: 'in', label: '新兴产业', metric: 'emergingIndustry', values: ['new_materials', 'nev'], negate: false };
    expect(leaf(c, facts([year(2025, { emergingIndustry: 'nev' })]))).toMatchObject({ status: 'met', actual: '2025年 战略性新兴产业领域 新能源汽车产业' });
    expect(leaf(c, facts([year(2025, {})]))).toMatchObject({ status: 'unknown', missing: '2025年 战略性新兴产业领域' });
    expect(leaf({ ...c, negate: true }, facts([year(2025, {})])).status).toBe('unknown');
  });
  it('cuts long lists', () => {
    const r = leaf(inC(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']));
    expect(r.required).toMatch(/等8项$/);
  });
});

describe('qualification', () => {
  const q = (obtainedOn: string, validUntil: string | null, kind = 'high_tech'): QualificationFact => ({ kind, obtainedOn, validUntil });
  const hold: Condition = { kind: 'qualification', label: '高企', qualification: 'high_tech', negate: false };
  it('held and valid on the evaluation date, both ends inclusive', () => {
    expect(leaf(hold, facts([], [q('2024-06-15', '2026-06-15')]))).toMatchObject({
      status: 'met',
      actual: '高新技术企业：2024-06-15取得，有效期至2026-06-15',
      required: '持有有效的高新技术企业资质',
    });
    expect(leaf(hold, facts([], [q(ON, '2029-06-14')])).status).toBe('met');
    expect(leaf(hold, facts([], [q('2023-01-01', null)])).actual).toBe('高新技术企业：2023-01-01取得，有效期至长期');
  });
  it('expired the day before, or not yet effective → unmet; never unknown', () => {
    expect(leaf(hold, facts([], [q('2023-06-14', '2026-06-14')]))).toMatchObject({ status: 'unmet', actual: '高新技术企业：已于2026-06-14到期' });
    expect(leaf(hold, facts([], [q('2026-06-16', '2029-06-15')]))).toMatchObject({ status: 'unmet', actual: '高新技术企业：2026-06-16起生效，尚未生效' });
    expect(leaf(hold, facts([], [q('2024-01-01', null, 'srdi')]))).toMatchObject({ status: 'unmet', actual: '未持有高新技术企业资质' });
  });
  it('an expired certificate next to a renewed one counts the renewed one', () => {
    expect(leaf(hold, facts([], [q('2020-01-01', '2022-12-31'), q('2023-01-01', '2025-12-31'), q('2026-01-01', '2028-12-31')])).status).toBe('met');
  });
  it('negated: must not hold a valid one', () => {
    const lacks: Condition = { ...hold, negate: true };
    expect(leaf(lacks)).toMatchObject({ status: 'met', required: '未持有有效的高新技术企业资质' });
    expect(leaf(lacks, facts([], [q('2025-01-01', '2027-12-31')])).status).toBe('unmet');
  });
});

describe('years since', () => {
  const since = (op: 'gte' | 'gt' | 'lte' | 'lt', value: number, from: 'founded' | 'high_tech' = 'founded'): Condition => ({ kind: 'yearsSince', label: '年限', since: from, op, value });
  const founded = (d: string | null) => facts([], [], { foundedOn: d });
  it('gte 3: met on the third anniversary, unmet the day before', () => {
    expect(leaf(since('gte', 3), founded('2023-06-15'))).toMatchObject({ status: 'met', actual: '成立于2023-06-15，已满3年', required: '成立≥ 3年' });
    expect(leaf(since('gte', 3), founded('2023-06-16'))).toMatchObject({ status: 'unmet', actual: '成立于2023-06-16，已满2年' });
  });
  it('gt 3 excludes the anniversary itself; lte / lt mirror it', () => {
    expect(leaf(since('gt', 3), founded('2023-06-15')).status).toBe('unmet');
    expect(leaf(since('gt', 3), founded('2023-06-14')).status).toBe('met');
    expect(leaf(since('lte', 5), founded('2021-06-15')).status).toBe('met');
    expect(leaf(since('lte', 5), founded('2021-06-14')).status).toBe('unmet');
    expect(leaf(since('lt', 5), founded('2021-06-15')).status).toBe('unmet');
    expect(leaf(since('lt', 5), founded('2021-06-16')).status).toBe('met');
  });
  it('founded on 29 February: the anniversary in a common year is 28 February', () => {
    expect(leaf(since('gte', 2), founded('2024-02-29'), '2026-02-28').status).toBe('met');
    expect(leaf(since('gte', 2), founded('2024-02-29'), '2026-02-27').status).toBe('unmet');
  });
  it('unknown founding date is missing data', () => {
    expect(leaf(since('gte', 3), founded(null))).toMatchObject({ status: 'unknown', needs: [{ metric: 'foundedOn', year: null, label: '成立日期' }] });
  });
  it('since a qualification: from its first award, unmet when never obtained', () => {
    const f = facts([], [
      { kind: 'high_tech', obtainedOn: '2020-06-01', validUntil: '2022-12-31' },
      { kind: 'high_tech', obtainedOn: '2023-01-01', validUntil: '2026-12-31' },
    ]);
    expect(leaf(since('gte', 6, 'high_tech'), f)).toMatchObject({ status: 'met', actual: '首次取得于2020-06-01，已满6年' });
    expect(leaf(since('gte', 1, 'high_tech'))).toMatchObject({ status: 'unmet', actual: '未取得高新技术企业资质' });
    expect(leaf(since('lte', 3, 'high_tech')).status).toBe('unmet');
  });
});

describe('ratio of two metrics', () => {
  const r = (op: 'gte' | 'gt' | 'lte' | 'lt', value: number, denominator: 'operatingRevenue' | 'employeeCount' = 'operatingRevenue'): Condition => ({
    kind: 'ratio',
    label: '比值',
    numerator: denominator === 'employeeCount' ? 'rdStaff' : 'exportRevenue',
    denominator,
    op,
    value,
  });
  it('compares the ratio exactly on its boundary', () => {
    const f = facts([year(2025, { exportRevenue: 200, operatingRevenue: 1000 })]);
    expect(leaf(r('gte', 0.2), f)).toMatchObject({ status: 'met', actual: '2025年 出口收入/营业收入 20%', required: '≥ 20%' });
    expect(leaf(r('gt', 0.2), f).status).toBe('unmet');
    expect(leaf(r('lte', 0.2), f).status).toBe('met');
    expect(leaf(r('lt', 0.2), f).status).toBe('unmet');
  });
  it('zero or missing denominator → unknown', () => {
    expect(leaf(r('gte', 0.2), facts([year(2025, { exportRevenue: 200, operatingRevenue: 0 })]))).toMatchObject({ status: 'unknown', missing: '2025年 营业收入为0，无法计算比值' });
    expect(leaf(r('gte', 0.2), facts([year(2025, { exportRevenue: 200 })])).needs).toEqual([{ metric: 'operatingRevenue', year: 2025, label: '2025年 营业收入' }]);
  });
  it('may divide a yearly figure by a registry figure', () => {
    expect(leaf(r('gte', 0.1, 'employeeCount'), facts([year(2025, { rdStaff: 8 })])).status).toBe('met');
    expect(leaf(r('gt', 0.1, 'employeeCount'), facts([year(2025, { rdStaff: 8 })]))).toMatchObject({ status: 'unmet', actual: '2025年 研发人员数/从业人数（登记） 10%' });
  });
});

describe('groups, three-valued logic and verdicts', () => {
  const met: Condition = cmp('size', 'eq', 'small');
  const unmet: Condition = cmp('size', 'eq', 'large');
  const unknown: Condition = cmp('operatingRevenue', 'gte', 1);
  const all = (...children: RuleNode[]): RuleNode => ({ kind: 'all', children });
  const any = (...children: RuleNode[]): RuleNode => ({ kind: 'any', children });
  const not = (child: RuleNode): RuleNode => ({ kind: 'not', child });
  const run = (rule: RuleNode) => evaluate(rule, facts(), ctx);

  it('all: unmet beats unknown beats met', () => {
    expect(run(all(met, met)).status).toBe('met');
    expect(run(all(met, unknown)).status).toBe('unknown');
    expect(run(all(unmet, unknown)).status).toBe('unmet');
  });
  it('any: met beats unknown beats unmet', () => {
    expect(run(any(unmet, met)).status).toBe('met');
    expect(run(any(unmet, unknown)).status).toBe('unknown');
    expect(run(any(met, unknown)).status).toBe('met');
    expect(run(any(unmet, unmet)).status).toBe('unmet');
  });
  it('not: swaps met and unmet, keeps unknown', () => {
    expect(run(not(met)).status).toBe('unmet');
    expect(run(not(unmet)).status).toBe('met');
    expect(run(not(unknown)).status).toBe('unknown');
    expect(run(not(not(met))).status).toBe('met');
  });

  it('eligible when the tree is met, with no blocking condition', () => {
    const r = run(all(met, any(unmet, met)));
    expect(r).toMatchObject({ verdict: 'eligible', missingCount: 0, needs: [] });
    expect(r.conditions.some((c) => c.blocking)).toBe(false);
  });

  it(`nearly up to ${NEARLY_MAX_MISSING} missing conditions, not eligible beyond`, () => {
    expect(NEARLY_MAX_MISSING).toBe(1);
    expect(run(all(met, unmet))).toMatchObject({ verdict: 'nearly', missingCount: 1 });
    expect(run(all(met, unknown))).toMatchObject({ verdict: 'nearly', missingCount: 1 });
    expect(run(all(unmet, unknown, met))).toMatchObject({ verdict: 'not_eligible', missingCount: 2 });
    // clearly failing a policy's only condition is not "nearly"; missing its data is (report it and see)
    expect(run(unmet)).toMatchObject({ verdict: 'not_eligible', missingCount: 1 });
    expect(run(unknown)).toMatchObject({ verdict: 'nearly', missingCount: 1 });
    expect(run(any(unmet, unmet))).toMatchObject({ verdict: 'nearly', missingCount: 1 });
  });

  it('any counts its cheapest alternative; all sums; not counts as one', () => {
    expect(run(any(all(unmet, unmet, unmet), unknown)).missingCount).toBe(1);
    expect(run(all(any(unmet, all(unmet, unmet)), any(unmet, unknown))).missingCount).toBe(2);
    // not over three met leaves: one change (make any of them fail) — counted as a single leaf
    expect(run(all(not(all(met, met, met)), met))).toMatchObject({ missingCount: 1, verdict: 'nearly' });
    expect(run(all(not(all(met, met, met)), unmet))).toMatchObject({ missingCount: 2, verdict: 'not_eligible' });
  });

  it('quick and explain agree', () => {
    const rules = [all(met, unmet), any(unknown, unmet), all(not(unknown), unmet, unmet, unmet), any(met), not(all(unmet, met))];
    for (const rule of rules) {
      const c = compileRule(rule);
      const full = c.explain(facts(), ctx);
      expect(c.quick(facts(), ctx)).toEqual({ status: full.status, missingCount: full.missingCount, verdict: full.verdict });
    }
  });

  it('flags as blocking only the conditions on the cheapest path, and asks only for their data', () => {
    const r = run(
      all(
        { ...met, label: '规模' },
        any({ ...cmp('rdExpense', 'gte', 100), label: '研发费用' }, all({ ...unmet, label: '大型' }, { ...unmet, label: '大型2' })),
      ),
    );
    expect(r.missingCount).toBe(1);
    expect(r.conditions.map((c) => [c.label, c.status, c.blocking ?? false])).toEqual([
      ['规模', 'met', false],
      ['研发费用', 'unknown', true],
      ['大型', 'unmet', false],
      ['大型2', 'unmet', false],
    ]);
    expect(r.needs).toEqual([{ metric: 'rdExpense', year: 2025, label: '2025年 研发费用' }]);
  });

  it('blockingOnly returns exactly the blocking conditions, with the same verdict', () => {
    const rule = all({ ...met, label: '规模' }, { ...unknown, label: '收入' }, any({ ...unmet, label: '甲' }, { ...met, label: '乙' }), { ...unmet, label: '大型' });
    const c = compileRule(rule);
    const full = c.explain(facts(), ctx);
    const lean = c.explain(facts(), ctx, { blockingOnly: true });
    expect(lean.conditions).toEqual(full.conditions.filter((x) => x.blocking));
    expect(lean.conditions.map((x) => x.label)).toEqual(['收入', '大型']);
    expect(lean).toMatchObject({ verdict: full.verdict, missingCount: 2, needs: full.needs });
    expect(c.explain(facts(), ctx, { blockingOnly: true }).conditions).toHaveLength(2);
    expect(compileRule(all(met)).explain(facts(), ctx, { blockingOnly: true }).conditions).toEqual([]);
  });

  it('prefixes nested group labels for context, not the root label', () => {
    const rule: RuleNode = {
      kind: 'all',
      label: '政策条件',
      children: [{ ...met, label: '小型企业' }, { kind: 'any', label: '研发投入达标', children: [{ ...unmet, label: '大型企业' }] }],
    };
    expect(run(rule).conditions.map((c) => c.label)).toEqual(['小型企业', '研发投入达标：大型企业']);
  });

  it('shows conditions under not with the status they contribute and the negated requirement', () => {
    const rule: RuleNode = { kind: 'not', label: '非限制行业', child: { kind: 'in', label: '房地产或金融', metric: 'industryCode', values: ['K', 'J'], negate: false } };
    const r = run(rule);
    expect(r.verdict).toBe('eligible');
    expect(r.conditions[0]).toMatchObject({ label: '非限制行业：房地产或金融', status: 'met', required: '不满足：属于：K 房地产业、J 金融业' });
    const bad = evaluate(rule, facts([], [], { industryCode: 'K' }), ctx);
    expect(bad).toMatchObject({ verdict: 'not_eligible', missingCount: 1 }); // its only condition clearly fails
    expect(bad.conditions[0]).toMatchObject({ status: 'unmet', blocking: true });
  });

  it('deduplicates data needs across conditions', () => {
    const r = run(all(cmp('operatingRevenue', 'gte', 1), cmp('rdRatio', 'gte', 0.03)));
    expect(r.needs).toEqual([
      { metric: 'operatingRevenue', year: 2025, label: '2025年 营业收入' },
      { metric: 'rdExpense', year: 2025, label: '2025年 研发费用' },
    ]);
  });

  it('a realistic high-tech rule: band by revenue, staff ratio, certificate', () => {
    const rule: RuleNode = {
      kind: 'all',
      label: '高企',
      children: [
        { kind: 'qualification', label: '持有高企证书', qualification: 'high_tech', negate: false },
        cmp('rdStaffRatio', 'gte', 0.1),
        {
          kind: 'any',
          label: '研发费用占比分档',
          children: [
            { kind: 'all', children: [cmp('operatingRevenue', 'lte', 5000), cmp('rdRatio', 'gte', 0.05)] },
            { kind: 'all', children: [{ kind: 'between', label: '5000万–2亿', metric: 'operatingRevenue', min: 5000, max: 20000, minInclusive: false, maxInclusive: true }, cmp('rdRatio', 'gte', 0.04)] },
            { kind: 'all', children: [cmp('operatingRevenue', 'gt', 20000), cmp('rdRatio', 'gte', 0.03)] },
          ],
        },
      ],
    };
    const f = (revenue: number, rd: number) =>
      facts([year(2025, { operatingRevenue: revenue, rdExpense: rd, rdStaff: 12, totalStaff: 100 })], [{ kind: 'high_tech', obtainedOn: '2024-01-01', validUntil: '2026-12-31' }]);
    expect(evaluate(rule, f(8000, 320), ctx).verdict).toBe('eligible'); // 4% in the middle band
    expect(evaluate(rule, f(8000, 319), ctx)).toMatchObject({ verdict: 'nearly', missingCount: 1 });
    expect(evaluate(rule, f(5000, 250), ctx).verdict).toBe('eligible'); // 5000 is in the lower band (≤ 5000): 5%
    expect(evaluate(rule, f(5000, 240), ctx).verdict).toBe('nearly'); // 4.8% < 5%, and 5000 is not > 5000
  });
});
