import { describe, it, expect } from 'vitest';
import {
  PolicyCreate,
  RuleNode,
  ServiceGuideCreate,
  benefitTypes,
  metricCatalog,
  metricVocabulary,
  policyLevels,
  qualificationKinds,
  validateRules,
  type MetricKey,
} from '@yqt/contracts';
import { demoPolicies } from './policies-data.js';
import { demoServiceGuides } from './guides-data.js';
import type { DemoPolicy } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Allowed values of an enum/ordinal metric; parkId (generated ids) is not used by the demo rules. */
const enumValues = (m: MetricKey): readonly string[] | null => (m === 'parkId' ? null : metricVocabulary(m));

type Node = RuleNode;
function* walk(node: Node): Generator<Node> {
  yield node;
  if (node.kind === 'all' || node.kind === 'any') for (const c of node.children) yield* walk(c);
  if (node.kind === 'not') yield* walk(node.child);
}
const isMetric = (m: string): m is MetricKey => Object.hasOwn(metricCatalog, m);

/** Problems with one policy's rule tree (beyond what RuleNode.parse checks). */
function ruleProblems(p: DemoPolicy): string[] {
  const out: string[] = [];
  if (!p.rules) return out;
  for (const n of walk(p.rules)) {
    const where = `${p.key}: ${n.label ?? n.kind}`;
    if (!n.label || n.label.trim() === '') out.push(`${where}: node without label`);
    switch (n.kind) {
      case 'compare': {
        if (!isMetric(n.metric)) { out.push(`${where}: unknown metric ${n.metric}`); break; }
        const def = metricCatalog[n.metric];
        if (def.type === 'number' && typeof n.value !== 'number') out.push(`${where}: numeric metric compared with a string`);
        if (def.type !== 'number') {
          const allowed = enumValues(n.metric);
          if (typeof n.value !== 'string' || (allowed && !allowed.includes(n.value))) out.push(`${where}: bad value ${String(n.value)}`);
        }
        if (def.type === 'number' && 'unit' in def && def.unit === 'ratio' && typeof n.value === 'number' && (n.value < -1 || n.value > 1))
          out.push(`${where}: ratio should be a fraction`);
        break;
      }
      case 'between': {
        if (!isMetric(n.metric) || metricCatalog[n.metric].type !== 'number') out.push(`${where}: between needs a numeric metric`);
        if (!(n.min < n.max)) out.push(`${where}: min must be below max`);
        break;
      }
      case 'in': {
        if (!isMetric(n.metric)) { out.push(`${where}: unknown metric ${n.metric}`); break; }
        const allowed = enumValues(n.metric);
        if (!allowed) out.push(`${where}: 'in' on non-enum metric ${n.metric}`);
        else for (const v of n.values) if (!allowed.includes(v)) out.push(`${where}: bad value ${v} for ${n.metric}`);
        break;
      }
      case 'ratio': {
        for (const m of [n.numerator, n.denominator])
          if (!isMetric(m) || metricCatalog[m].type !== 'number') out.push(`${where}: ratio needs numeric metrics, got ${m}`);
        break;
      }
      case 'qualification':
        if (!qualificationKinds.includes(n.qualification)) out.push(`${where}: unknown qualification`);
        break;
      case 'yearsSince':
        if (n.since !== 'founded' && !qualificationKinds.includes(n.since)) out.push(`${where}: unknown since`);
        break;
      case 'all':
      case 'any':
        if (n.children.length === 0) out.push(`${where}: empty group`);
        break;
      case 'not':
        break;
    }
  }
  return out;
}

describe('demo policies', () => {
  it('has at least 45 policies with unique keys', () => {
    expect(demoPolicies.length).toBeGreaterThanOrEqual(45);
    const keys = demoPolicies.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('meets the minimum count per level and covers every benefit type', () => {
    const minimum: Record<(typeof policyLevels)[number], number> = { national: 10, provincial: 8, city: 8, zone: 8, operator: 5 };
    for (const level of policyLevels) expect(demoPolicies.filter((p) => p.level === level).length, level).toBeGreaterThanOrEqual(minimum[level]);
    for (const t of benefitTypes) expect(demoPolicies.some((p) => p.benefitType === t), t).toBe(true);
  });

  it('has a realistic status mix', () => {
    const count = (s: DemoPolicy['status']) => demoPolicies.filter((p) => p.status === s).length;
    expect(count('expired') + count('withdrawn')).toBeGreaterThanOrEqual(3);
    expect(count('expired') + count('withdrawn')).toBeLessThanOrEqual(5);
    expect(count('draft')).toBeGreaterThanOrEqual(2);
    expect(count('draft')).toBeLessThanOrEqual(3);
    expect(count('published')).toBeGreaterThan(demoPolicies.length / 2);
  });

  it('has valid dates and windows', () => {
    for (const p of demoPolicies) {
      expect(isDate(p.publishedOn), `${p.key} publishedOn`).toBe(true);
      expect(isDate(p.effectiveFrom), `${p.key} effectiveFrom`).toBe(true);
      if (p.expiresOn !== null) {
        expect(isDate(p.expiresOn), `${p.key} expiresOn`).toBe(true);
        expect(p.effectiveFrom <= p.expiresOn, `${p.key} effectiveFrom ≤ expiresOn`).toBe(true);
      }
      if (p.window) {
        expect(Number.isInteger(p.window.fromOffsetDays) && Number.isInteger(p.window.toOffsetDays), p.key).toBe(true);
        expect(p.window.fromOffsetDays < p.window.toOffsetDays, `${p.key} window`).toBe(true);
      }
      if (p.status === 'expired') expect(p.window === null || p.window.toOffsetDays < 0, `${p.key} expired window closed`).toBe(true);
    }
    const published = demoPolicies.filter((p) => p.status === 'published' && p.window);
    const open = published.filter((p) => p.window!.fromOffsetDays <= 0 && p.window!.toOffsetDays > 0);
    expect(open.length).toBeGreaterThan(published.length / 2);
    expect(published.some((p) => p.window!.toOffsetDays < 0)).toBe(true); // some closed
    expect(published.some((p) => p.window!.fromOffsetDays > 0)).toBe(true); // some upcoming
  });

  it('every rule tree parses and references only known metrics, qualifications and values', () => {
    const problems: string[] = [];
    for (const p of demoPolicies) {
      if (p.rules === null) continue;
      const parsed = RuleNode.safeParse(p.rules);
      if (!parsed.success) problems.push(`${p.key}: ${parsed.error.message}`);
      for (const i of validateRules(p.rules)) problems.push(`${p.key}: ${i.path} ${i.message}`);
      problems.push(...ruleProblems(p));
    }
    expect(problems).toEqual([]);
    expect(demoPolicies.filter((p) => p.rules === null).length).toBeLessThanOrEqual(3);
  });

  it('uses a mix of rule shapes', () => {
    const kinds = new Set<string>();
    for (const p of demoPolicies) if (p.rules) for (const n of walk(p.rules)) kinds.add(n.kind);
    for (const k of ['all', 'any', 'not', 'compare', 'between', 'in', 'qualification', 'yearsSince', 'ratio']) expect(kinds.has(k), k).toBe(true);
  });

  it('has complete texts, interpretations and material checklists', () => {
    for (const p of demoPolicies) {
      expect(p.title.length, p.key).toBeGreaterThan(4);
      expect(p.issuer.length, p.key).toBeGreaterThan(1);
      expect(p.fullText.split('\n').length, `${p.key} paragraphs`).toBeGreaterThanOrEqual(2);
      expect(p.tags.length, p.key).toBeGreaterThan(0);
      const i = p.interpretation;
      expect(i.audience && i.benefits && i.deadlines && i.contact, p.key).toBeTruthy();
      expect(i.contact, `${p.key} contact`).toMatch(/0731-2\d{7}|12366/);
      expect(i.keyConditions.length, p.key).toBeGreaterThan(0);
      expect(i.materials.length, p.key).toBeGreaterThan(0);
      expect(i.faq.length, `${p.key} faq`).toBeGreaterThanOrEqual(2);
      expect(i.faq.length, `${p.key} faq`).toBeLessThanOrEqual(4);
      expect(p.materials.length, p.key).toBeGreaterThan(0);
      if (p.maxAmountWan !== null) expect(p.maxAmountWan, p.key).toBeGreaterThan(0);
      if (p.docNumber !== null) expect(p.docNumber, p.key).toMatch(/〔\d{4}〕\d+号|公告\d{4}年第\d+号/);
    }
  });

  it('each policy is accepted by the policy library (PolicyCreate)', () => {
    const problems: string[] = [];
    for (const p of demoPolicies) {
      const { status: _status, window, ...fields } = p;
      void _status;
      const r = PolicyCreate.safeParse({ ...fields, applyFrom: window ? '2026-11-01' : null, applyUntil: window ? '2026-12-01' : null });
      if (!r.success) problems.push(`${p.key}: ${JSON.stringify(r.error.issues)}`);
    }
    expect(problems).toEqual([]);
  });

  it('contains the policies the demo relies on', () => {
    const keys = new Set(demoPolicies.map((p) => p.key));
    for (const k of [
      'hightech-income-tax-15',
      'rd-super-deduction-100',
      'tech-sme-evaluation',
      'hunan-srdi-recognition',
      'gxq-srdi-award',
      'zz-little-giant-award',
      'gxq-hightech-first-award',
      'zz-hightech-first-award',
      'gxq-talent-apartment',
      'zz-tech-loan-interest-discount',
      'zz-patent-subsidy',
      'hunan-export-credit-insurance',
      'hunan-tech-renovation',
      'hunan-three-firsts-award',
      'zz-smart-manufacturing-subsidy',
      'zz-innovation-platform-award',
      'gkyc-startup-rent-reduction',
    ])
      expect(keys.has(k), k).toBe(true);
  });
});

describe('demo service guides', () => {
  it('has at least 105 guides with unique codes', () => {
    expect(demoServiceGuides.length).toBeGreaterThanOrEqual(105);
    const codes = demoServiceGuides.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^SG-\d{3}$/);
    const names = demoServiceGuides.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers the expected categories', () => {
    const categories = new Set(demoServiceGuides.map((g) => g.category));
    for (const c of ['市场主体登记', '科技创新', '人才服务', '建设工程', '税务', '社保医保', '园区服务', '知识产权', '环保安全', '外贸'])
      expect(categories.has(c), c).toBe(true);
  });

  it('each guide is accepted by the guide catalogue (ServiceGuideCreate)', () => {
    const problems: string[] = [];
    for (const g of demoServiceGuides) {
      const r = ServiceGuideCreate.safeParse(g);
      if (!r.success) problems.push(`${g.code}: ${JSON.stringify(r.error.issues)}`);
    }
    expect(problems).toEqual([]);
  });

  it('every guide is complete', () => {
    for (const g of demoServiceGuides) {
      expect(g.materials.length, `${g.code} materials`).toBeGreaterThanOrEqual(3);
      expect(g.materials.length, `${g.code} materials`).toBeLessThanOrEqual(6);
      expect(g.steps.length, `${g.code} steps`).toBeGreaterThanOrEqual(3);
      expect(g.steps.length, `${g.code} steps`).toBeLessThanOrEqual(6);
      expect(g.faq.length, `${g.code} faq`).toBeGreaterThanOrEqual(1);
      expect(g.faq.length, `${g.code} faq`).toBeLessThanOrEqual(3);
      expect(g.conditions.length, `${g.code} conditions`).toBeGreaterThan(0);
      for (const m of g.materials) expect(m.name && m.copies, g.code).toBeTruthy();
      for (const s of g.steps) expect(s.title && s.detail, g.code).toBeTruthy();
      expect(g.department && g.audience && g.timeLimit && g.fees && g.location, g.code).toBeTruthy();
      if (g.onlineUrl !== null) expect(g.onlineUrl, g.code).toMatch(/^https?:\/\/[a-z0-9.-]+\.(gov\.cn|com\.cn|cn)\/$/);
    }
  });
});
