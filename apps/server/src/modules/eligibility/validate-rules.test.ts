import { MAX_RULE_CONDITIONS, MAX_RULE_DEPTH, validateRules, type RuleNode } from '@yqt/contracts';
import { describe, expect, it } from 'vitest';

const leaf = (over: Record<string, unknown>) => ({ kind: 'compare', label: '条件', metric: 'operatingRevenue', op: 'gte', value: 1, ...over });
const wrap = (...children: unknown[]) => ({ kind: 'all', children });

describe('validateRules', () => {
  it('accepts well-formed rules of every kind', () => {
    const ok: RuleNode = {
      kind: 'all',
      children: [
        { kind: 'compare', label: '收入', metric: 'operatingRevenue', op: 'gte', value: 1000 },
        { kind: 'compare', label: '信用', metric: 'creditStanding', op: 'gte', value: 'B' },
        { kind: 'compare', label: '规模', metric: 'size', op: 'neq', value: 'large' },
        { kind: 'between', label: '收入段', metric: 'operatingRevenue', min: 5000, max: 20000, minInclusive: false, maxInclusive: true },
        { kind: 'between', label: '一点', metric: 'rdRatio', min: 0.03, max: 0.03, minInclusive: true, maxInclusive: true },
        { kind: 'in', label: '行业', metric: 'industryCode', values: ['C', 'I'], negate: false },
        { kind: 'in', label: '园区', metric: 'parkId', values: ['11111111-1111-4111-8111-111111111111'], negate: false },
        { kind: 'qualification', label: '高企', qualification: 'high_tech', negate: false },
        { kind: 'yearsSince', label: '成立', since: 'founded', op: 'gte', value: 3 },
        { kind: 'yearsSince', label: '高企满1年', since: 'high_tech', op: 'gte', value: 1 },
        { kind: 'ratio', label: '出口', numerator: 'exportRevenue', denominator: 'operatingRevenue', op: 'gte', value: 0.2 },
        { kind: 'not', child: { kind: 'any', children: [{ kind: 'in', label: '负面清单', metric: 'industryCode', values: ['K'], negate: false }] } },
      ],
    };
    expect(validateRules(ok)).toEqual([]);
  });

  it('names the path of each problem, with a base path', () => {
    const issues = validateRules(
      wrap(
        leaf({ value: 'much' }), // text on a number
        leaf({ metric: 'size', op: 'gte', value: 'small' }), // order on an unordered enum
        leaf({ metric: 'tier', op: 'eq', value: 'giant' }), // outside the vocabulary
        leaf({ metric: 'creditStanding', value: 3 }), // number on an ordinal
        leaf({ metric: 'happiness' }), // unknown metric
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(['rules.children.0.value', 'rules.children.1.op', 'rules.children.2.value', 'rules.children.3.value', 'rules.children.4.metric']);
    expect(issues[0]!.message).toBe('“营业收入”是数值型指标，比较值须为数字');
    expect(validateRules(leaf({ value: 'x' }), 'draft.rules')[0]!.path).toBe('draft.rules.value');
  });

  it('between: min > max, empty exclusive range, non-numeric metric', () => {
    const b = (o: Record<string, unknown>) => ({ kind: 'between', label: '区间', metric: 'operatingRevenue', min: 10, max: 5, minInclusive: true, maxInclusive: true, ...o });
    expect(validateRules(b({}))).toEqual([{ path: 'rules.max', message: '上限不能小于下限' }]);
    expect(validateRules(b({ min: 5, max: 5, maxInclusive: false }))[0]!.path).toBe('rules.max');
    expect(validateRules(b({ metric: 'size', min: 1, max: 2 }))[0]).toEqual({ path: 'rules.metric', message: '“企业规模”不是数值型指标，不能用于区间条件' });
  });

  it('in: values outside the vocabulary, numeric metric, bad park id', () => {
    const i = (o: Record<string, unknown>) => ({ kind: 'in', label: '在列', metric: 'emergingIndustry', values: ['nev'], negate: false, ...o });
    expect(validateRules(i({ values: ['nev', 'magic'] }))).toEqual([{ path: 'rules.values.1', message: '“magic”不是“战略性新兴产业领域”的可选值' }]);
    expect(validateRules(i({ metric: 'operatingRevenue', values: ['1'] }))[0]!.path).toBe('rules.metric');
    expect(validateRules(i({ metric: 'parkId', values: ['动力谷'] }))[0]).toEqual({ path: 'rules.values.0', message: '请选择园区' });
    expect(validateRules(i({ values: [] }))[0]!.path).toBe('rules.values');
  });

  it('ratio over non-numeric metrics or the same metric twice; unknown qualifications', () => {
    const r = (o: Record<string, unknown>) => ({ kind: 'ratio', label: '比值', numerator: 'exportRevenue', denominator: 'operatingRevenue', op: 'gte', value: 0.1, ...o });
    expect(validateRules(r({ denominator: 'tier' }))[0]!.path).toBe('rules.denominator');
    expect(validateRules(r({ numerator: 'size' }))[0]!.path).toBe('rules.numerator');
    expect(validateRules(r({ denominator: 'exportRevenue' }))[0]!.path).toBe('rules.denominator');
    expect(validateRules({ kind: 'qualification', label: 'q', qualification: 'nobel', negate: false })[0]!.path).toBe('rules.qualification');
    expect(validateRules({ kind: 'yearsSince', label: 'y', since: 'birth', op: 'gte', value: 1 })[0]!.path).toBe('rules.since');
  });

  it('limits depth and size, and survives garbage', () => {
    let deep: unknown = leaf({});
    for (let i = 0; i <= MAX_RULE_DEPTH; i++) deep = { kind: 'not', child: deep };
    expect(validateRules(deep).map((x) => x.message)).toEqual([`条件嵌套不能超过${MAX_RULE_DEPTH}层`]);
    const big = wrap(...Array.from({ length: MAX_RULE_CONDITIONS + 1 }, () => leaf({})));
    expect(validateRules(big)).toEqual([{ path: 'rules', message: `条件总数不能超过${MAX_RULE_CONDITIONS}个` }]);
    expect(validateRules(null)[0]!.path).toBe('rules');
    expect(validateRules({ kind: 'all', children: [] })[0]!.path).toBe('rules.children');
    expect(validateRules({ kind: 'maybe' })[0]!.path).toBe('rules.kind');
  });
});
