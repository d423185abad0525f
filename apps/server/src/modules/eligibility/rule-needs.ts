import { indicatorFields, metricCatalog, type IndicatorField, type MetricKey, type RuleNode } from '@yqt/contracts';
import { derivedInputs, type DerivedKey } from './facts.js';

/**
 * Which data a set of rules reads, so the batch loader fetches only those columns: the rule
 * editor's preview over tens of thousands of enterprises stays cheap when a draft tests three
 * figures. `all` = every column and qualification (recomputing one enterprise, tests).
 */
export type FactNeeds = { columns: Set<IndicatorField>; qualifications: Set<string>; parks: boolean };

export const allNeeds = (): FactNeeds => ({ columns: new Set(indicatorFields), qualifications: new Set(['*']), parks: true });

const indicatorColumn = new Set<string>(indicatorFields);

function addMetric(needs: FactNeeds, metric: MetricKey) {
  const def = metricCatalog[metric];
  if (!def) return;
  if (def.source === 'indicator' && indicatorColumn.has(metric)) needs.columns.add(metric as IndicatorField);
  if (def.source === 'derived') {
    const inp = derivedInputs[metric as DerivedKey];
    needs.columns.add(inp.numerator as IndicatorField);
    needs.columns.add(inp.denominator as IndicatorField);
  }
  if (metric === 'parkId') needs.parks = true;
}

export function needsOf(rules: Iterable<RuleNode>): FactNeeds {
  const needs: FactNeeds = { columns: new Set(), qualifications: new Set(), parks: false };
  const walk = (n: RuleNode) => {
    switch (n.kind) {
      case 'all':
      case 'any':
        n.children.forEach(walk);
        return;
      case 'not':
        walk(n.child);
        return;
      case 'compare':
      case 'between':
      case 'in':
        addMetric(needs, n.metric);
        return;
      case 'ratio':
        addMetric(needs, n.numerator);
        addMetric(needs, n.denominator);
        return;
      case 'qualification':
        needs.qualifications.add(n.qualification);
        return;
      case 'yearsSince':
        if (n.since !== 'founded') needs.qualifications.add(n.since);
        return;
    }
  };
  for (const r of rules) walk(r);
  return needs;
}
