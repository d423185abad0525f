/**
 * The eligibility engine (政策计算器): evaluates a rule tree (contracts/eligibility.ts) against one
 * enterprise's facts. PURE — no database, no clock: the evaluation date is an argument.
 *
 * Per leaf condition: met | unmet | unknown. Unknown whenever data needed is missing (never a
 * guess); a ratio with a missing or zero denominator is unknown. Groups use Kleene's three-valued
 * logic. The verdict counts how many leaves would have to change on the cheapest path to
 * eligibility (all = sum, any = min, not = one leaf): 0 → eligible, ≤ NEARLY_MAX_MISSING → nearly.
 *
 * A rule is compiled once into closures (requirements pre-rendered); `quick` is the allocation-free
 * path used over tens of thousands of enterprises, `explain` renders the explanation and is run
 * only for results someone will read.
 */
import {
  NEARLY_MAX_MISSING,
  metricCatalog,
  metricValueLabel,
  ordinalRank,
  qualificationLabels,
  type Condition,
  type ConditionResult,
  type DataNeed,
  type MetricKey,
  type QualificationKind,
  type RuleNode,
  type Verdict,
} from '@yqt/contracts';
import { addYears, fullYearsBetween } from './dates.js';
import { derivedInputs, derivedValue, snap, type DerivedKey, type EnterpriseFacts, type IndicatorRow } from './facts.js';
import { fmtList, fmtPercent, fmtUnit, opSymbol, ordinalWord } from './format.js';

export type Status = 'met' | 'unmet' | 'unknown';
const MET = 0;
const UNMET = 1;
const UNKNOWN = 2;
type S = 0 | 1 | 2;
const statusName: readonly Status[] = ['met', 'unmet', 'unknown'];
const invert = (s: S): S => (s === MET ? UNMET : s === UNMET ? MET : UNKNOWN);

/** When and with what lookups an evaluation runs. */
export type EvalContext = {
  /** Evaluation date, YYYY-MM-DD (Asia/Shanghai). */
  on: string;
  /** Park names for rendering `parkId` conditions (optional: the id is shown otherwise). */
  parkNames?: ReadonlyMap<string, string>;
  /** Filled by evalContext(); hot loops build the context once. */
  onYear?: number;
};
type Ctx = EvalContext & { onYear: number };

/** The context for evaluating many enterprises on one date. */
export function evalContext(on: string, parkNames?: ReadonlyMap<string, string>): Ctx {
  return { on, parkNames, onYear: Number(on.slice(0, 4)) };
}

export type Evaluation = {
  status: Status;
  verdict: Verdict;
  /** Leaves to change on the cheapest path to eligibility (0 when eligible). */
  missingCount: number;
  /** Every leaf in tree order, with the status it contributes (inverted under `not`). */
  conditions: ConditionResult[];
  /** Data that would settle the unknowns on the cheapest path, deduplicated. */
  needs: DataNeed[];
};

type Leaf = {
  t: 'leaf';
  label: string;
  /** Pre-rendered; a function only when it names parks (their names come with the context). */
  required: string | ((c: Ctx) => string);
  test(f: EnterpriseFacts, c: Ctx): S;
  actual(f: EnterpriseFacts, c: Ctx): string | null;
  /** Only called for unknowns: what would settle it, or a note when no data would (zero denominator). */
  missing(f: EnterpriseFacts, c: Ctx): { needs: DataNeed[]; note: string | null };
};
type Node = Leaf | { t: 'all' | 'any'; children: Node[] } | { t: 'not'; child: Node };

export type CompiledRule = {
  /** Status and cost without rendering anything (the hot path). */
  quick(f: EnterpriseFacts, c: EvalContext): { status: Status; missingCount: number; verdict: Verdict };
  /**
   * Full result with rendered conditions. `blockingOnly`: render and return only the conditions
   * that stand in the way (what stored matches keep), skipping the string work for the rest.
   */
  explain(f: EnterpriseFacts, c: EvalContext, opts?: { blockingOnly?: boolean }): Evaluation;
};

/**
 * `leafCount`: the rule's number of conditions. Clearly failing every condition of a rule is never
 * "nearly" — otherwise anyone failing a one-condition policy would be 差一点; when the data is only
 * missing (unknown), it is: reporting it may settle the case.
 */
export function verdictOf(status: Status | S, missingCount: number, leafCount = Infinity): Verdict {
  if (status === 'met' || status === MET) return 'eligible';
  const unknown = status === 'unknown' || status === UNKNOWN;
  return missingCount <= NEARLY_MAX_MISSING && (missingCount < leafCount || unknown) ? 'nearly' : 'not_eligible';
}

function countLeaves(n: RuleNode): number {
  if (n.kind === 'all' || n.kind === 'any') return n.children.reduce((a, c) => a + countLeaves(c), 0);
  if (n.kind === 'not') return countLeaves(n.child);
  return 1;
}

// ---------------------------------------------------------------- metric access
type Value = number | string | null;
type Getter = (f: EnterpriseFacts) => Value;

const catalog = metricCatalog as Record<MetricKey, { source: 'indicator' | 'derived' | 'registry'; type: 'number' | 'enum' | 'ordinal'; unit?: string; zh: string }>;
const isYearly = (m: MetricKey) => catalog[m].source !== 'registry';

function getter(metric: MetricKey, offset: number): Getter {
  const def = catalog[metric];
  if (def.source === 'indicator') {
    const key = metric as keyof IndicatorRow;
    return (f) => {
      if (f.latestYear === null) return null;
      const row = f.indicators.get(f.latestYear - offset);
      return row ? (row[key] ?? null) : null;
    };
  }
  if (def.source === 'derived') {
    const key = metric as DerivedKey;
    const needsPrev = derivedInputs[key].prev;
    return (f) => {
      if (f.latestYear === null) return null;
      const y = f.latestYear - offset;
      return derivedValue(key, f.indicators.get(y), needsPrev ? f.indicators.get(y - 1) : undefined);
    };
  }
  switch (metric) {
    case 'industryCode':
      return (f) => f.registry.industryCode;
    case 'size':
      return (f) => f.registry.size;
    case 'tier':
      return (f) => f.registry.tier;
    case 'parkId':
      return (f) => f.registry.parkId;
    case 'employeeCount':
      return (f) => f.registry.employeeCount;
    default:
      return () => null;
  }
}

/** The fiscal year a yearly metric reads; without any report, the year before the evaluation year. */
const yearOf = (f: EnterpriseFacts, c: Ctx, offset: number) => (f.latestYear ?? c.onYear - 1) - offset;

function valueText(metric: MetricKey, v: number | string, c: Ctx): string {
  if (typeof v === 'number') return fmtUnit(v, catalog[metric].unit);
  if (metric === 'parkId') return c.parkNames?.get(v) ?? v;
  return metricValueLabel(metric, v);
}

function actualText(metric: MetricKey, offset: number, f: EnterpriseFacts, c: Ctx, v: Value): string | null {
  if (v === null) return null;
  const text = `${catalog[metric].zh} ${valueText(metric, v, c)}`;
  return isYearly(metric) ? `${yearOf(f, c, offset)}年 ${text}` : text;
}

const need = (metric: string, year: number | null, zh: string): DataNeed => ({ metric, year, label: year === null ? zh : `${year}年 ${zh}` });

/** Which reported data is missing for a metric (or why none would help). */
function missingFor(metric: MetricKey, offset: number, f: EnterpriseFacts, c: Ctx): { needs: DataNeed[]; note: string | null } {
  const def = catalog[metric];
  const y = yearOf(f, c, offset);
  if (def.source === 'registry') return { needs: [need(metric, null, def.zh)], note: null };
  if (def.source === 'indicator') return { needs: [need(metric, y, def.zh)], note: null };
  const inp = derivedInputs[metric as DerivedKey];
  const row = f.indicators.get(y);
  const numYear = y;
  const denYear = inp.prev ? y - 1 : y;
  const denRow = inp.prev ? f.indicators.get(y - 1) : row;
  const needs: DataNeed[] = [];
  const num = row?.[inp.numerator] ?? null;
  const den = denRow?.[inp.denominator] ?? null;
  if (num === null) needs.push(need(inp.numerator, numYear, catalog[inp.numerator as MetricKey].zh));
  if (den === null) needs.push(need(inp.denominator, denYear, catalog[inp.denominator as MetricKey].zh));
  if (needs.length) return { needs, note: null };
  return { needs, note: `${denYear}年 ${catalog[inp.denominator as MetricKey].zh}为0，无法计算${def.zh}` };
}

const joinMissing = (m: { needs: DataNeed[]; note: string | null }) => m.note ?? m.needs.map((n) => n.label).join('、');

// ---------------------------------------------------------------- leaves
const cmpNum = (op: string, x: number, v: number): boolean => {
  switch (op) {
    case 'gte':
      return x >= v;
    case 'gt':
      return x > v;
    case 'lte':
      return x <= v;
    case 'lt':
      return x < v;
    case 'eq':
      return x === v;
    default:
      return x !== v;
  }
};

/** A misconfigured condition (validateRules prevents these): never met, never a crash. */
function broken(label: string, required: string): Leaf {
  return { t: 'leaf', label, required, test: () => UNKNOWN, actual: () => null, missing: () => ({ needs: [], note: '条件设置有误，请联系政策管理员' }) };
}

function metricLeaf(label: string, required: string, metric: MetricKey, offset: number, test: (v: number | string) => boolean): Leaf {
  const get = getter(metric, offset);
  return {
    t: 'leaf',
    label,
    required,
    test: (f) => {
      const v = get(f);
      return v === null ? UNKNOWN : test(v) ? MET : UNMET;
    },
    actual: (f, c) => actualText(metric, offset, f, c, get(f)),
    missing: (f, c) => missingFor(metric, offset, f, c),
  };
}

function compareLeaf(cond: Extract<Condition, { kind: 'compare' }>, label: string): Leaf {
  const def = catalog[cond.metric];
  if (!def) return broken(label, '—');
  const offset = cond.year ?? 0;
  const { op, value } = cond;
  if (def.type === 'number') {
    if (typeof value !== 'number') return broken(label, `${opSymbol[op]} ${value}`);
    return metricLeaf(label, `${opSymbol[op]} ${fmtUnit(value, def.unit)}`, cond.metric, offset, (x) => typeof x === 'number' && cmpNum(op, x, value));
  }
  const wanted = String(value);
  const valueLabel = metricValueLabel(cond.metric, wanted);
  if (def.type === 'ordinal') {
    const r = ordinalRank(cond.metric, wanted);
    if (r === null) return broken(label, `${ordinalWord[op]}${valueLabel}`);
    return metricLeaf(label, `${ordinalWord[op]}${valueLabel}`, cond.metric, offset, (x) => {
      const rx = ordinalRank(cond.metric, String(x));
      return rx !== null && cmpNum(op, rx, r);
    });
  }
  if (op !== 'eq' && op !== 'neq') return broken(label, `${opSymbol[op]} ${valueLabel}`);
  const shown = cond.metric === 'parkId' ? '指定园区' : valueLabel;
  return metricLeaf(label, `${op === 'eq' ? '为' : '不为'}${shown}`, cond.metric, offset, (x) => (x === wanted) === (op === 'eq'));
}

function betweenLeaf(cond: Extract<Condition, { kind: 'between' }>, label: string): Leaf {
  const def = catalog[cond.metric];
  const { min, max } = cond;
  const minInc = cond.minInclusive !== false;
  const maxInc = cond.maxInclusive !== false;
  const unit = def?.unit;
  const required = `${minInc ? '≥' : '>'} ${fmtUnit(min, unit)} 且 ${maxInc ? '≤' : '<'} ${fmtUnit(max, unit)}`;
  if (!def || def.type !== 'number') return broken(label, required);
  return metricLeaf(label, required, cond.metric, cond.year ?? 0, (x) => typeof x === 'number' && (minInc ? x >= min : x > min) && (maxInc ? x <= max : x < max));
}

function inLeaf(cond: Extract<Condition, { kind: 'in' }>, label: string): Leaf {
  const def = catalog[cond.metric];
  if (!def) return broken(label, '—');
  const set = new Set(cond.values);
  const negate = cond.negate === true;
  const head = negate ? '不属于' : '属于';
  const leaf = metricLeaf(label, `${head}：${fmtList(cond.values.map((v) => metricValueLabel(cond.metric, v)))}`, cond.metric, cond.year ?? 0, (x) => set.has(String(x)) !== negate);
  if (cond.metric === 'parkId') leaf.required = (c) => `${head}：${fmtList(cond.values.map((v) => c.parkNames?.get(v) ?? v))}`;
  return leaf;
}

/** The earliest time the enterprise obtained a qualification of this kind (null: never). */
function firstObtained(f: EnterpriseFacts, kind: string): string | null {
  let first: string | null = null;
  for (const q of f.qualifications) if (q.kind === kind && (first === null || q.obtainedOn < first)) first = q.obtainedOn;
  return first;
}

function qualificationLeaf(cond: Extract<Condition, { kind: 'qualification' }>, label: string): Leaf {
  const kind = cond.qualification;
  const zh = qualificationLabels[kind as QualificationKind]?.zh ?? kind;
  const negate = cond.negate === true;
  const validOn = (f: EnterpriseFacts, on: string) => {
    for (const q of f.qualifications) if (q.kind === kind && q.obtainedOn <= on && (q.validUntil === null || q.validUntil >= on)) return q;
    return null;
  };
  return {
    t: 'leaf',
    label,
    required: negate ? `未持有有效的${zh}资质` : `持有有效的${zh}资质`,
    // Qualifications are complete data: not on record means not held, so never unknown.
    test: (f, c) => ((validOn(f, c.on) !== null) !== negate ? MET : UNMET),
    actual: (f, c) => {
      const q = validOn(f, c.on);
      if (q) return `${zh}：${q.obtainedOn}取得，有效期至${q.validUntil ?? '长期'}`;
      let latest: { obtainedOn: string; validUntil: string | null } | null = null;
      for (const x of f.qualifications) if (x.kind === kind && (!latest || x.obtainedOn > latest.obtainedOn)) latest = x;
      if (!latest) return `未持有${zh}资质`;
      if (latest.obtainedOn > c.on) return `${zh}：${latest.obtainedOn}起生效，尚未生效`;
      return `${zh}：已于${latest.validUntil}到期`;
    },
    missing: () => ({ needs: [], note: null }),
  };
}

function yearsSinceLeaf(cond: Extract<Condition, { kind: 'yearsSince' }>, label: string): Leaf {
  const founded = cond.since === 'founded';
  const zh = founded ? '成立' : `取得${qualificationLabels[cond.since as QualificationKind]?.zh ?? cond.since}资质`;
  const { op, value } = cond;
  const sinceOf = (f: EnterpriseFacts) => (founded ? f.registry.foundedOn : firstObtained(f, cond.since));
  return {
    t: 'leaf',
    label,
    required: `${zh}${opSymbol[op]} ${value}年`,
    test: (f, c) => {
      const since = sinceOf(f);
      // An unknown founding date is missing data; a qualification never obtained simply is not there.
      if (since === null) return founded ? UNKNOWN : UNMET;
      if (since > c.on) return UNMET;
      const anniversary = addYears(since, value);
      const ok = op === 'gte' ? c.on >= anniversary : op === 'gt' ? c.on > anniversary : op === 'lte' ? c.on <= anniversary : c.on < anniversary;
      return ok ? MET : UNMET;
    },
    actual: (f, c) => {
      const since = sinceOf(f);
      if (since === null) return founded ? null : `未取得${zh.slice(2)}`;
      return `${founded ? '成立于' : '首次取得于'}${since}，已满${fullYearsBetween(since, c.on)}年`;
    },
    missing: () => ({ needs: founded ? [need('foundedOn', null, '成立日期')] : [], note: null }),
  };
}

function ratioLeaf(cond: Extract<Condition, { kind: 'ratio' }>, label: string): Leaf {
  const nDef = catalog[cond.numerator];
  const dDef = catalog[cond.denominator];
  const required = `${opSymbol[cond.op]} ${fmtPercent(cond.value)}`;
  if (!nDef || !dDef || nDef.type !== 'number' || dDef.type !== 'number') return broken(label, required);
  const offset = cond.year ?? 0;
  const getN = getter(cond.numerator, offset);
  const getD = getter(cond.denominator, offset);
  const { op, value } = cond;
  const ratio = (f: EnterpriseFacts): number | null => {
    const n = getN(f);
    const d = getD(f);
    if (typeof n !== 'number' || typeof d !== 'number' || d === 0) return null;
    return snap(n / d);
  };
  const yearly = isYearly(cond.numerator) || isYearly(cond.denominator);
  return {
    t: 'leaf',
    label,
    required,
    test: (f) => {
      const r = ratio(f);
      return r === null ? UNKNOWN : cmpNum(op, r, value) ? MET : UNMET;
    },
    actual: (f, c) => {
      const r = ratio(f);
      if (r === null) return null;
      const text = `${nDef.zh}/${dDef.zh} ${fmtPercent(r)}`;
      return yearly ? `${yearOf(f, c, offset)}年 ${text}` : text;
    },
    missing: (f, c) => {
      const needs: DataNeed[] = [];
      if (getN(f) === null) needs.push(...missingFor(cond.numerator, offset, f, c).needs);
      const d = getD(f);
      if (d === null) needs.push(...missingFor(cond.denominator, offset, f, c).needs);
      if (needs.length) return { needs, note: null };
      const y = yearly ? `${yearOf(f, c, offset)}年 ` : '';
      return { needs, note: d === 0 ? `${y}${dDef.zh}为0，无法计算比值` : `${y}${nDef.zh}或${dDef.zh}无法计算` };
    },
  };
}

// ---------------------------------------------------------------- compile
function compileNode(node: RuleNode, context: string | null, depth: number): Node {
  switch (node.kind) {
    case 'all':
    case 'any': {
      // Group labels give context to their leaves, except the root's (it names the whole policy).
      const ctx = depth > 0 && node.label ? node.label : context;
      return { t: node.kind, children: node.children.map((c) => compileNode(c, ctx, depth + 1)) };
    }
    case 'not': {
      const ctx = node.label ? node.label : context;
      return { t: 'not', child: compileNode(node.child, ctx, depth + 1) };
    }
  }
  const label = context ? `${context}：${node.label}` : node.label;
  switch (node.kind) {
    case 'compare':
      return compareLeaf(node, label);
    case 'between':
      return betweenLeaf(node, label);
    case 'in':
      return inLeaf(node, label);
    case 'qualification':
      return qualificationLeaf(node, label);
    case 'yearsSince':
      return yearsSinceLeaf(node, label);
    case 'ratio':
      return ratioLeaf(node, label);
    default:
      return broken(label || '未知条件', '—');
  }
}

/** status + 4 × cost, so the hot path allocates nothing. */
function run(n: Node, f: EnterpriseFacts, c: Ctx): number {
  if (n.t === 'leaf') {
    const s = n.test(f, c);
    return s === MET ? MET : s + 4;
  }
  if (n.t === 'not') {
    const s = invert((run(n.child, f, c) & 3) as S);
    return s === MET ? MET : s + 4;
  }
  if (n.t === 'all') {
    let s: S = MET;
    let cost = 0;
    for (const child of n.children) {
      const r = run(child, f, c);
      const cs = (r & 3) as S;
      if (cs === UNMET) s = UNMET;
      else if (cs === UNKNOWN && s !== UNMET) s = UNKNOWN;
      cost += r >> 2;
    }
    return s + cost * 4;
  }
  let s: S = UNMET;
  let cost = Infinity;
  for (const child of n.children) {
    const r = run(child, f, c);
    const cs = (r & 3) as S;
    if (cs === MET) s = MET;
    else if (cs === UNKNOWN && s !== MET) s = UNKNOWN;
    if (r >> 2 < cost) cost = r >> 2;
  }
  // An empty alternative list (the schema forbids it) can never be met: one change away at best.
  return s + (cost === Infinity ? 1 : cost) * 4;
}

type Sink = { out: ConditionResult[]; needs: Map<string, DataNeed>; blockingOnly: boolean };

function explainNode(n: Node, f: EnterpriseFacts, c: Ctx, negated: boolean, onPath: boolean, sink: Sink) {
  if (n.t === 'leaf') {
    const s = n.test(f, c);
    const shown = negated ? invert(s) : s;
    const blocking = onPath && shown !== MET;
    if (sink.blockingOnly && !blocking) return;
    const { out, needs } = sink;
    const required = typeof n.required === 'string' ? n.required : n.required(c);
    const r: ConditionResult = { label: n.label, status: statusName[shown]!, actual: n.actual(f, c), required: negated ? `不满足：${required}` : required };
    if (s === UNKNOWN) {
      const m = n.missing(f, c);
      r.missing = joinMissing(m);
      if (m.needs.length) r.needs = m.needs;
      if (onPath) for (const x of m.needs) needs.set(`${x.metric}@${x.year}`, x);
    }
    if (blocking) r.blocking = true;
    out.push(r);
    return;
  }
  if (n.t === 'not') {
    const met = (run(n, f, c) & 3) === MET;
    explainNode(n.child, f, c, !negated, onPath && !met, sink);
    return;
  }
  if (n.t === 'all') {
    for (const child of n.children) explainNode(child, f, c, negated, onPath, sink);
    return;
  }
  // any: only the cheapest alternative is "the way"; the others are shown but not blocking.
  let best = -1;
  let bestCost = Infinity;
  n.children.forEach((child, i) => {
    const cost = run(child, f, c) >> 2;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  n.children.forEach((child, i) => explainNode(child, f, c, negated, onPath && i === best, sink));
}

const ctxOf = (c: EvalContext): Ctx => (c.onYear !== undefined ? (c as Ctx) : { ...c, onYear: Number(c.on.slice(0, 4)) });

/**
 * Compiles a rule once; evaluate it against any number of enterprises, on any date. Nothing in it
 * depends on the data or the date (park names come with the context), so compiled rules can be cached.
 */
export function compileRule(rule: RuleNode): CompiledRule {
  const root = compileNode(rule, null, 0);
  const leaves = countLeaves(rule);
  return {
    quick(f, ec) {
      const r = run(root, f, ctxOf(ec));
      const status = statusName[r & 3]!;
      const missingCount = r >> 2;
      return { status, missingCount, verdict: verdictOf(status, missingCount, leaves) };
    },
    explain(f, ec, opts) {
      const c = ctxOf(ec);
      const r = run(root, f, c);
      const status = statusName[r & 3]!;
      const missingCount = r >> 2;
      const sink: Sink = { out: [], needs: new Map(), blockingOnly: opts?.blockingOnly === true };
      explainNode(root, f, c, false, status !== 'met', sink);
      return { status, verdict: verdictOf(status, missingCount, leaves), missingCount, conditions: sink.out, needs: [...sink.needs.values()] };
    },
  };
}

/** One-off evaluation (compiles each time; use compileRule for many enterprises). */
export function evaluate(rule: RuleNode, facts: EnterpriseFacts, ctx: EvalContext): Evaluation {
  return compileRule(rule).explain(facts, ctx);
}
