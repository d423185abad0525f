import {
  metricCatalog,
  ruleTreeIssues,
  validateRules,
  type Condition,
  type MetricKey,
  type QualificationKind,
  type RuleNode,
} from '@yqt/contracts';
import { describeCondition, metricHasYear, type Names, type Op } from './rule-text';

/**
 * The rule editor's working copy of a rule tree: every node has a stable id (React keys, updates by
 * id), conditions keep all their fields flat so switching the kind keeps what still applies, and a
 * `not` group holds a list (several children mean "none of these": not(any(…))).
 */
export type GroupKind = 'all' | 'any' | 'not';
export type CondKind = Condition['kind'];
export const condKinds: readonly CondKind[] = ['compare', 'between', 'in', 'qualification', 'yearsSince', 'ratio'];

export type EdGroup = { id: string; type: 'group'; kind: GroupKind; label: string; children: EdNode[] };
export type EdCond = {
  id: string;
  type: 'cond';
  kind: CondKind;
  label: string;
  /** The label follows the choices until the user edits it. */
  autoLabel: boolean;
  metric?: MetricKey;
  year?: number;
  op?: Op;
  value?: number | string;
  min?: number;
  max?: number;
  minInclusive: boolean;
  maxInclusive: boolean;
  values: string[];
  negate: boolean;
  qualification?: QualificationKind;
  since?: 'founded' | QualificationKind;
  numerator?: MetricKey;
  denominator?: MetricKey;
};
export type EdNode = EdGroup | EdCond;

let seq = 0;
const newId = () => `n${++seq}`;

export function newGroup(kind: GroupKind = 'all'): EdGroup {
  return { id: newId(), type: 'group', kind, label: '', children: [] };
}

export function newCond(kind: CondKind = 'compare'): EdCond {
  return { id: newId(), type: 'cond', kind, label: '', autoLabel: true, minInclusive: true, maxInclusive: true, values: [], negate: false, op: kind === 'compare' || kind === 'yearsSince' || kind === 'ratio' ? 'gte' : undefined, since: kind === 'yearsSince' ? 'founded' : undefined };
}

export function fromRule(r: RuleNode | null | undefined, names: Names = {}): EdGroup | null {
  if (!r) return null;
  const node = fromNode(r, names);
  if (node.type === 'group') return node;
  // A single condition at the root is shown inside an "all" group (same meaning).
  return { ...newGroup('all'), children: [node] };
}

function fromNode(r: RuleNode, names: Names): EdNode {
  if (r.kind === 'all' || r.kind === 'any') return { id: newId(), type: 'group', kind: r.kind, label: r.label ?? '', children: r.children.map((c) => fromNode(c, names)) };
  if (r.kind === 'not') {
    const inner = r.child.kind === 'any' && !r.child.label ? r.child.children : [r.child];
    return { id: newId(), type: 'group', kind: 'not', label: r.label ?? '', children: inner.map((c) => fromNode(c, names)) };
  }
  const c = r as Condition;
  const base = newCond(c.kind);
  const ed: EdCond = { ...base, label: c.label };
  switch (c.kind) {
    case 'compare':
      Object.assign(ed, { metric: c.metric, year: c.year, op: c.op, value: c.value });
      break;
    case 'between':
      Object.assign(ed, { metric: c.metric, year: c.year, min: c.min, max: c.max, minInclusive: c.minInclusive !== false, maxInclusive: c.maxInclusive !== false });
      break;
    case 'in':
      Object.assign(ed, { metric: c.metric, year: c.year, values: c.values, negate: !!c.negate });
      break;
    case 'qualification':
      Object.assign(ed, { qualification: c.qualification, negate: !!c.negate });
      break;
    case 'yearsSince':
      Object.assign(ed, { since: c.since, op: c.op, value: c.value });
      break;
    case 'ratio':
      Object.assign(ed, { numerator: c.numerator, denominator: c.denominator, year: c.year, op: c.op, value: c.value });
      break;
  }
  ed.autoLabel = ed.label === suggestLabel(ed, names);
  return ed;
}

const yearOf = (c: EdCond, m: MetricKey | undefined) => (m && metricHasYear(m) && c.year ? { year: c.year } : {});

/** The condition as the API takes it (possibly incomplete: validation names what is missing). */
export function condToRule(c: EdCond): Record<string, unknown> {
  const label = c.label.trim();
  switch (c.kind) {
    case 'compare':
      return { kind: 'compare', label, metric: c.metric, ...yearOf(c, c.metric), op: c.op, value: c.value };
    case 'between':
      return { kind: 'between', label, metric: c.metric, ...yearOf(c, c.metric), min: c.min, max: c.max, minInclusive: c.minInclusive, maxInclusive: c.maxInclusive };
    case 'in':
      return { kind: 'in', label, metric: c.metric, ...yearOf(c, c.metric), values: c.values, negate: c.negate };
    case 'qualification':
      return { kind: 'qualification', label, qualification: c.qualification, negate: c.negate };
    case 'yearsSince':
      return { kind: 'yearsSince', label, since: c.since, op: c.op, value: c.value };
    case 'ratio':
      return { kind: 'ratio', label, numerator: c.numerator, denominator: c.denominator, ...(c.year ? { year: c.year } : {}), op: c.op, value: c.value };
  }
}

export function toRule(n: EdNode): unknown {
  if (n.type === 'cond') return condToRule(n);
  const label = n.label.trim() ? { label: n.label.trim() } : {};
  if (n.kind === 'not') {
    const child = n.children.length === 1 ? toRule(n.children[0]!) : { kind: 'any', children: n.children.map(toRule) };
    return { kind: 'not', ...label, child };
  }
  return { kind: n.kind, ...label, children: n.children.map(toRule) };
}

/** Path of each child in the API's tree (matches toRule, so server errors land on the right node). */
export function childPath(parent: EdGroup, parentPath: string, i: number): string {
  if (parent.kind === 'not') return parent.children.length === 1 ? `${parentPath}.child` : `${parentPath}.child.children.${i}`;
  return `${parentPath}.children.${i}`;
}

/** Path → messages. */
export type RuleErrors = Record<string, string[]>;

export function addError(errors: RuleErrors, path: string, message: string): void {
  (errors[path] ??= []).push(message);
}

/** Messages for one field of the node at `path`, e.g. field 'value' also collects 'value.0'. */
export function errorsAt(errors: RuleErrors, path: string, field?: string): string[] {
  const p = field ? `${path}.${field}` : path;
  return Object.entries(errors)
    .filter(([k]) => k === p || (field ? k.startsWith(`${p}.`) : false))
    .flatMap(([, v]) => v);
}

/** Every message belonging to the node at `path` itself (not to its children). */
export function ownErrors(errors: RuleErrors, path: string, isGroup: boolean): string[] {
  return Object.entries(errors)
    .filter(([k]) => {
      if (k === path) return true;
      if (!k.startsWith(`${path}.`)) return false;
      if (!isGroup) return true;
      const rest = k.slice(path.length + 1);
      return rest === 'children' || rest === 'label' || rest === 'kind' || rest === 'child';
    })
    .flatMap(([, v]) => v);
}

export type MissingKey =
  | 'rule.missing.metric'
  | 'rule.missing.op'
  | 'rule.missing.value'
  | 'rule.missing.values'
  | 'rule.missing.range'
  | 'rule.missing.qualification'
  | 'rule.missing.since'
  | 'rule.missing.ratio'
  | 'rule.missing.label'
  | 'rule.missing.children';

/** What the user still has to fill in (client side, translated), by path. */
export function missingFields(root: EdGroup, base = 'rules'): Record<string, MissingKey[]> {
  const out: Record<string, MissingKey[]> = {};
  const add = (p: string, k: MissingKey) => (out[p] ??= []).push(k);
  const walk = (n: EdNode, p: string) => {
    if (n.type === 'group') {
      if (!n.children.length) add(p, 'rule.missing.children');
      n.children.forEach((c, i) => walk(c, childPath(n, p, i)));
      return;
    }
    const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
    switch (n.kind) {
      case 'compare':
        if (!n.metric) add(p, 'rule.missing.metric');
        if (!n.op) add(p, 'rule.missing.op');
        if (n.value === undefined || n.value === null || n.value === '') add(p, 'rule.missing.value');
        break;
      case 'between':
        if (!n.metric) add(p, 'rule.missing.metric');
        if (!num(n.min) || !num(n.max)) add(p, 'rule.missing.range');
        break;
      case 'in':
        if (!n.metric) add(p, 'rule.missing.metric');
        if (!n.values.length) add(p, 'rule.missing.values');
        break;
      case 'qualification':
        if (!n.qualification) add(p, 'rule.missing.qualification');
        break;
      case 'yearsSince':
        if (!n.since) add(p, 'rule.missing.since');
        if (!n.op) add(p, 'rule.missing.op');
        if (!num(n.value)) add(p, 'rule.missing.value');
        break;
      case 'ratio':
        if (!n.numerator || !n.denominator) add(p, 'rule.missing.ratio');
        if (!n.op) add(p, 'rule.missing.op');
        if (!num(n.value)) add(p, 'rule.missing.value');
        break;
    }
    if (!n.label.trim()) add(p, 'rule.missing.label');
  };
  walk(root, base);
  return out;
}

/**
 * The same checks the server runs (shape node by node, then meaning: metric types, vocabularies,
 * empty ranges), so problems show while typing; paths are "rules.children.0.value".
 */
export function ruleIssues(rule: unknown, base = 'rules'): RuleErrors {
  const errors: RuleErrors = {};
  const shape = ruleTreeIssues(rule);
  if (shape.length) {
    for (const i of shape) addError(errors, [base, ...i.path].join('.'), i.message);
    return errors;
  }
  for (const i of validateRules(rule, base)) addError(errors, i.path, i.message);
  return errors;
}

/** A Chinese label from the choices (policies are published in Chinese), or '' while incomplete. */
export function suggestLabel(c: EdCond, names: Names = {}): string {
  const r = condToRule({ ...c, label: 'x' });
  if (ruleTreeIssues(r).length) return '';
  const s = describeCondition(r as Condition, 'zh', names);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

/** Applies a change to one condition, keeping its label in step with the choices while it is automatic. */
export function patchCond(c: EdCond, patch: Partial<EdCond>, names: Names = {}): EdCond {
  const next: EdCond = { ...c, ...patch };
  if ('label' in patch) next.autoLabel = patch.label === '' ? true : false;
  if (next.autoLabel) next.label = suggestLabel(next, names);
  return next;
}

/** When the metric changes, drop what no longer fits (a number vs a vocabulary value, the year). */
export function onMetricChange(c: EdCond, metric: MetricKey): Partial<EdCond> {
  const def = metricCatalog[metric];
  const patch: Partial<EdCond> = { metric, values: [], value: undefined };
  if (!metricHasYear(metric)) patch.year = undefined;
  if (c.kind === 'compare' && def.type === 'enum' && c.op !== 'eq' && c.op !== 'neq') patch.op = 'eq';
  return patch;
}

// ---------- immutable tree updates ----------
export function mapNode(root: EdGroup, id: string, fn: (n: EdNode) => EdNode): EdGroup {
  const walk = (n: EdNode): EdNode => {
    if (n.id === id) return fn(n);
    if (n.type === 'group') {
      const children = n.children.map(walk);
      return children.some((c, i) => c !== n.children[i]) ? { ...n, children } : n;
    }
    return n;
  };
  return walk(root) as EdGroup;
}

export function removeNode(root: EdGroup, id: string): EdGroup {
  const walk = (g: EdGroup): EdGroup => ({ ...g, children: g.children.filter((c) => c.id !== id).map((c) => (c.type === 'group' ? walk(c) : c)) });
  return walk(root);
}

export function countLeaves(n: EdNode): number {
  return n.type === 'cond' ? 1 : n.children.reduce((s, c) => s + countLeaves(c), 0);
}

/** Leaf labels in order (to prefill the interpretation's key conditions). */
export function leafLabels(n: EdNode): string[] {
  return n.type === 'cond' ? (n.label.trim() ? [n.label.trim()] : []) : n.children.flatMap(leafLabels);
}
