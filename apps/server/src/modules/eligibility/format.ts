/**
 * Chinese rendering of values and requirements for the engine's explanations, e.g.
 * "2025年 研发费用 1,250万元", "≥ 100万元", "≥ 3%". Hand-rolled instead of Intl/toLocaleString:
 * a full recompute formats millions of values and Intl is an order of magnitude slower.
 */

/** 1250 → "1,250"; 1250.5 → "1,250.5"; at most two decimals, trailing zeros dropped. */
export function fmtNumber(x: number): string {
  const neg = x < 0;
  const fixed = Math.abs(x).toFixed(2);
  const dot = fixed.indexOf('.');
  const int = fixed.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const dec = fixed.slice(dot + 1).replace(/0+$/, '');
  const s = dec ? `${int}.${dec}` : int;
  return neg && s !== '0' ? `-${s}` : s;
}

/** 0.03 → "3%"; 0.1234 → "12.34%"; −0.05 → "-5%". */
export function fmtPercent(x: number): string {
  return `${fmtNumber(Math.round(x * 1e6) / 1e4)}%`;
}

/** A value in its catalogue unit: 万元 / 人 / 件 amounts, `ratio` as a percentage. */
export function fmtUnit(x: number, unit: string | undefined): string {
  if (unit === 'ratio') return fmtPercent(x);
  return unit ? `${fmtNumber(x)}${unit}` : fmtNumber(x);
}

export const opSymbol = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', neq: '≠' } as const;

/** Ordinal requirements read as words: 不低于省级, 高于B级 … */
export const ordinalWord = { gte: '不低于', gt: '高于', lte: '不高于', lt: '低于', eq: '为', neq: '不为' } as const;

/** "属于：C 制造业、I 信息传输…" — long lists are cut after six entries. */
export function fmtList(labels: string[]): string {
  return labels.length <= 6 ? labels.join('、') : `${labels.slice(0, 6).join('、')}等${labels.length}项`;
}
