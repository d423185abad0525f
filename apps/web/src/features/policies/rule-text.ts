import {
  creditStandingLabels,
  emergingIndustryLabels,
  industrySections,
  metricCatalog,
  qualificationLabels,
  rdInstitutionLevelLabels,
  sizeLabels,
  tierLabels,
  type Condition,
  type CreditStanding,
  type EmergingIndustry,
  type IndustrySection,
  type MetricKey,
  type QualificationKind,
  type RdInstitutionLevel,
  type RuleNode,
} from '@yqt/contracts';
import { industrySectionsEn } from '../../app/dict';
import type { Lang } from '../../app/i18n';

/**
 * Rules in human words, both languages: "营业收入（最近年度）≥ 1,000万元（含本数）". Used by the public
 * detail page, the version viewer and the rule editor's label suggestions. Pure functions.
 */

export type Names = { park?: (id: string) => string | undefined };

const unitEn: Record<string, string> = { 万元: ' ×10k yuan', 人: ' people', 件: ' items' };

export function metricName(m: MetricKey, lang: Lang): string {
  const def = metricCatalog[m];
  return def ? def[lang] : m;
}

export function metricUnit(m: MetricKey): string | undefined {
  const def = metricCatalog[m] as { unit?: string };
  return def?.unit;
}

export const isRatioMetric = (m: MetricKey | undefined) => !!m && metricUnit(m) === 'ratio';

/** 1250 → "1,250"; at most two decimals. */
export function fmtNumber(x: number): string {
  const s = (Math.round(x * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return s;
}

/** 0.2 → "20%". */
export function fmtPercent(x: number): string {
  return `${fmtNumber(Math.round(x * 1e6) / 1e4)}%`;
}

/** A value in its metric's unit (ratios as percentages). */
export function fmtMetricValue(m: MetricKey | undefined, x: number, lang: Lang): string {
  const unit = m ? metricUnit(m) : undefined;
  if (unit === 'ratio') return fmtPercent(x);
  if (!unit) return fmtNumber(x);
  return lang === 'zh' ? `${fmtNumber(x)}${unit}` : `${fmtNumber(x)}${unitEn[unit] ?? ` ${unit}`}`;
}

export function unitLabel(m: MetricKey | undefined, lang: Lang): string {
  const unit = m ? metricUnit(m) : undefined;
  if (!unit) return '';
  if (unit === 'ratio') return '%';
  return lang === 'zh' ? unit : (unitEn[unit] ?? unit).trim();
}

/** Label of one vocabulary value of a non-numeric metric, in the UI language. */
export function vocabLabel(m: MetricKey, value: string, lang: Lang, names: Names = {}): string {
  const pick = (l: { zh: string; en: string } | undefined) => (l ? l[lang] : value);
  switch (m) {
    case 'industryCode': {
      const s = value as IndustrySection;
      const n = lang === 'zh' ? industrySections[s] : industrySectionsEn[s];
      return n ? `${s} ${n}` : value;
    }
    case 'size':
      return pick(sizeLabels[value as keyof typeof sizeLabels]);
    case 'tier':
      return pick(tierLabels[value as keyof typeof tierLabels]);
    case 'rdInstitutionLevel':
      return pick(rdInstitutionLevelLabels[value as RdInstitutionLevel]);
    case 'emergingIndustry':
      return pick(emergingIndustryLabels[value as EmergingIndustry]);
    case 'creditStanding':
      return pick(creditStandingLabels[value as CreditStanding]);
    case 'parkId':
      return names.park?.(value) ?? (lang === 'zh' ? '指定园区' : 'a given park');
    default:
      return value;
  }
}

export const qualificationName = (q: QualificationKind | string, lang: Lang) =>
  qualificationLabels[q as QualificationKind]?.[lang] ?? q;

export const yearOffsets = [0, 1, 2, 3, 4] as const;
const yearZh = ['最近年度', '上一年度', '前第2年度', '前第3年度', '前第4年度'];
const yearEn = ['latest year', 'year before', '2 years before', '3 years before', '4 years before'];
export const yearLabel = (y: number, lang: Lang) => (lang === 'zh' ? yearZh[y] : yearEn[y]) ?? String(y);

/** Does a metric come from yearly indicators (so a condition on it names a year)? */
export const metricHasYear = (m: MetricKey | undefined) => !!m && metricCatalog[m]?.source !== 'registry';

export const opSymbol = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', neq: '≠' } as const;
export type Op = keyof typeof opSymbol;

/** The boundary in words: ≥ and ≤ include the stated value, > and < exclude it. */
export function boundaryWord(op: Op, lang: Lang): string {
  if (op === 'gte' || op === 'lte') return lang === 'zh' ? '（含本数）' : ' (inclusive)';
  if (op === 'gt' || op === 'lt') return lang === 'zh' ? '（不含本数）' : ' (exclusive)';
  return '';
}

const ordinalWordZh: Record<Op, string> = { gte: '不低于', gt: '高于', lte: '不高于', lt: '低于', eq: '为', neq: '不为' };
const ordinalWordEn: Record<Op, string> = { gte: 'at least', gt: 'above', lte: 'at most', lt: 'below', eq: 'is', neq: 'is not' };

function withYear(m: MetricKey, year: number | undefined, lang: Lang): string {
  const name = metricName(m, lang);
  if (!metricHasYear(m)) return name;
  return lang === 'zh' ? `${name}（${yearLabel(year ?? 0, lang)}）` : `${name} (${yearLabel(year ?? 0, lang)})`;
}

/** One condition as a sentence, e.g. "营业收入（最近年度）≥ 1,000万元（含本数）". */
export function describeCondition(c: Condition, lang: Lang, names: Names = {}): string {
  const zh = lang === 'zh';
  switch (c.kind) {
    case 'compare': {
      const def = metricCatalog[c.metric];
      const subject = withYear(c.metric, c.year, lang);
      if (!def) return c.label;
      if (def.type === 'number' && typeof c.value === 'number')
        return `${subject}${zh ? '' : ' '}${opSymbol[c.op]} ${fmtMetricValue(c.metric, c.value, lang)}${boundaryWord(c.op, lang)}`;
      const v = vocabLabel(c.metric, String(c.value), lang, names);
      const word = zh ? ordinalWordZh[c.op] : ordinalWordEn[c.op];
      return zh ? `${subject}${word}${v}` : `${subject} ${word} ${v}`;
    }
    case 'between': {
      const subject = withYear(c.metric, c.year, lang);
      const lo = fmtMetricValue(c.metric, c.min, lang);
      const hi = fmtMetricValue(c.metric, c.max, lang);
      const inc = (b: boolean | undefined) => (b === false ? (zh ? '不含' : 'exclusive') : zh ? '含' : 'inclusive');
      return zh
        ? `${subject}在 ${lo}（${inc(c.minInclusive)}）至 ${hi}（${inc(c.maxInclusive)}）之间`
        : `${subject} between ${lo} (${inc(c.minInclusive)}) and ${hi} (${inc(c.maxInclusive)})`;
    }
    case 'in': {
      const subject = withYear(c.metric, c.year, lang);
      const labels = c.values.map((v) => vocabLabel(c.metric, v, lang, names));
      const list = labels.length <= 6 ? labels.join(zh ? '、' : ', ') : `${labels.slice(0, 6).join(zh ? '、' : ', ')}${zh ? `等${labels.length}项` : ` and ${labels.length - 6} more`}`;
      if (zh) return `${subject}${c.negate ? '不属于' : '属于'}：${list}`;
      return `${subject} ${c.negate ? 'is not one of' : 'is one of'}: ${list}`;
    }
    case 'qualification': {
      const q = qualificationName(c.qualification, lang);
      if (zh) return c.negate ? `未持有有效的“${q}”资质` : `持有有效的“${q}”资质`;
      return c.negate ? `Does not hold a valid “${q}”` : `Holds a valid “${q}”`;
    }
    case 'yearsSince': {
      const since = c.since === 'founded' ? (zh ? '成立' : 'founding') : zh ? `取得“${qualificationName(c.since, lang)}”` : `obtaining “${qualificationName(c.since, lang)}”`;
      return zh
        ? `自${since}起的年限${opSymbol[c.op]} ${fmtNumber(c.value)}年${boundaryWord(c.op, lang)}`
        : `Years since ${since} ${opSymbol[c.op]} ${fmtNumber(c.value)}${boundaryWord(c.op, lang)}`;
    }
    case 'ratio': {
      const y = c.year ? (zh ? `（${yearLabel(c.year, lang)}）` : ` (${yearLabel(c.year, lang)})`) : '';
      return `${metricName(c.numerator, lang)} ÷ ${metricName(c.denominator, lang)}${y}${zh ? '' : ' '}${opSymbol[c.op]} ${fmtPercent(c.value)}${boundaryWord(c.op, lang)}`;
    }
  }
}

export type GroupNode = Extract<RuleNode, { kind: 'all' | 'any' | 'not' }>;
export const isGroup = (n: RuleNode): n is GroupNode => n.kind === 'all' || n.kind === 'any' || n.kind === 'not';

/** Number of leaf conditions of a tree. */
export function countConditions(n: RuleNode | null | undefined): number {
  if (!n) return 0;
  if (n.kind === 'all' || n.kind === 'any') return n.children.reduce((s, c) => s + countConditions(c), 0);
  if (n.kind === 'not') return countConditions(n.child);
  return 1;
}
