/**
 * Small builders for eligibility rules (RuleNode from @yqt/contracts), so the policy data reads
 * like the conditions it states. Each returns a plain RuleNode object — the result is data.
 * Conventions: amounts in 万元, ratios as fractions; `year` 0 = latest reported year (omitted),
 * 1 = the year before.
 */
import type { MetricKey, QualificationKind, RuleNode } from '@yqt/contracts';

type CompareOp = 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'neq';
type YearsOp = 'gte' | 'gt' | 'lte' | 'lt';

const withYear = (year: number | undefined) => (year === undefined || year === 0 ? {} : { year });

/** All children must hold. */
export const all = (label: string, ...children: RuleNode[]): RuleNode => ({ kind: 'all', label, children });
/** At least one child must hold. */
export const any = (label: string, ...children: RuleNode[]): RuleNode => ({ kind: 'any', label, children });
/** The child must not hold. */
export const not = (label: string, child: RuleNode): RuleNode => ({ kind: 'not', label, child });

/** Compare a metric with a number (or, for ordinal metrics, a vocabulary value). */
export const cmp = (metric: MetricKey, op: CompareOp, value: number | string, label: string, year?: number): RuleNode => ({
  kind: 'compare',
  label,
  metric,
  ...withYear(year),
  op,
  value,
});
export const gte = (metric: MetricKey, value: number | string, label: string, year?: number) => cmp(metric, 'gte', value, label, year);
export const gt = (metric: MetricKey, value: number | string, label: string, year?: number) => cmp(metric, 'gt', value, label, year);
export const lte = (metric: MetricKey, value: number | string, label: string, year?: number) => cmp(metric, 'lte', value, label, year);
export const lt = (metric: MetricKey, value: number | string, label: string, year?: number) => cmp(metric, 'lt', value, label, year);

/** min ≤ metric ≤ max, inclusivity per end (both inclusive unless stated). */
export const between = (
  metric: MetricKey,
  min: number,
  max: number,
  label: string,
  opts: { minInclusive?: boolean; maxInclusive?: boolean; year?: number } = {},
): RuleNode => ({
  kind: 'between',
  label,
  metric,
  ...withYear(opts.year),
  min,
  max,
  minInclusive: opts.minInclusive ?? true,
  maxInclusive: opts.maxInclusive ?? true,
});

/** The metric's value is one of `values` (enum metrics: industryCode, emergingIndustry, size, tier, creditStanding). */
export const oneOf = (metric: MetricKey, values: string[], label: string, year?: number): RuleNode => ({
  kind: 'in',
  label,
  metric,
  ...withYear(year),
  values,
  negate: false,
});
/** The metric's value is none of `values`. */
export const noneOf = (metric: MetricKey, values: string[], label: string, year?: number): RuleNode => ({
  kind: 'in',
  label,
  metric,
  ...withYear(year),
  values,
  negate: true,
});

/** Holds the qualification, valid on the evaluation date. */
export const holds = (qualification: QualificationKind, label: string): RuleNode => ({
  kind: 'qualification',
  label,
  qualification,
  negate: false,
});
/** Does not hold a valid qualification of this kind. */
export const lacks = (qualification: QualificationKind, label: string): RuleNode => ({
  kind: 'qualification',
  label,
  qualification,
  negate: true,
});

/** Years since founding, or since the qualification was first obtained. */
export const yearsSince = (since: 'founded' | QualificationKind, op: YearsOp, value: number, label: string): RuleNode => ({
  kind: 'yearsSince',
  label,
  since,
  op,
  value,
});

/** numerator / denominator of the same year compared with a fraction. */
export const ratio = (numerator: MetricKey, denominator: MetricKey, op: YearsOp, value: number, label: string, year?: number): RuleNode => ({
  kind: 'ratio',
  label,
  numerator,
  denominator,
  ...withYear(year),
  op,
  value,
});
