import { policyWindowOpen, type EnterprisePolicyMatch, type EnterprisePolicyMatchesPage, type EnterprisePolicyMatchesQuery, type MissingDataItem, type PolicyLevel, type BenefitType, type Verdict } from '@yqt/contracts';
import type { Ctx } from '../../core/context.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { compiledPublishedPolicies } from './compiled-rules.js';
import { evalContext } from './engine.js';
import { loadFacts } from './facts.repo.js';
import { parkNamesOf } from './policies.repo.js';
import { allNeeds, needsOf } from './rule-needs.js';
import { loadIndicatorEnterprise } from './scope.js';

const verdictOrder: Record<Verdict, number> = { eligible: 0, nearly: 1, not_eligible: 2 };

/**
 * The enterprise's policy calculator: evaluated LIVE against every published policy (so
 * not_eligible is included and nothing is stale), eligible → nearly → not_eligible, fewest
 * missing conditions first, open windows first. `missingData` says which reports would settle
 * unknowns on the way to eligibility, and for how many policies.
 */
export async function enterprisePolicyMatches(ctx: Ctx, enterpriseId: string, q: EnterprisePolicyMatchesQuery): Promise<EnterprisePolicyMatchesPage> {
  const e = await loadIndicatorEnterprise(ctx.db, ctx.actor, enterpriseId);
  const [pols, loaded] = await Promise.all([
    compiledPublishedPolicies(ctx.db, e.operatorId),
    loadFacts(ctx.db, { operatorId: e.operatorId, enterpriseIds: [e.id], includeInactive: true }, allNeeds()),
  ]);
  const facts = loaded[0]!.facts;
  const parkNames = needsOf(pols.map((p) => p.rules)).parks ? await parkNamesOf(ctx.db, e.operatorId) : undefined;
  const today = shanghaiDate(ctx.now);
  const ec = evalContext(today, parkNames);
  const evaluatedAt = ctx.now.toISOString();

  const items: EnterprisePolicyMatch[] = [];
  const missing = new Map<string, MissingDataItem>();
  for (const { policy: p, compiled } of pols) {
    const ex = compiled.explain(facts, ec);
    items.push({
      policyId: p.id,
      enterpriseId: e.id,
      verdict: ex.verdict,
      conditions: ex.conditions,
      evaluatedAt,
      missingCount: ex.missingCount,
      policy: {
        title: p.title,
        level: p.level as PolicyLevel,
        benefitType: p.benefitType as BenefitType,
        maxAmountWan: p.maxAmountWan,
        applyFrom: p.applyFrom,
        applyUntil: p.applyUntil,
        windowOpen: policyWindowOpen(p, today),
      },
    });
    for (const n of ex.needs) {
      const key = `${n.metric}@${n.year}`;
      const m = missing.get(key);
      if (m) m.policies++;
      else missing.set(key, { ...n, policies: 1 });
    }
  }
  items.sort(
    (a, b) =>
      verdictOrder[a.verdict] - verdictOrder[b.verdict] ||
      a.missingCount - b.missingCount ||
      Number(b.policy.windowOpen) - Number(a.policy.windowOpen) ||
      a.policy.title.localeCompare(b.policy.title, 'zh-CN') ||
      a.policyId.localeCompare(b.policyId),
  );
  const counts = { eligible: 0, nearly: 0, not_eligible: 0 };
  for (const it of items) counts[it.verdict]++;
  const filtered = q.verdict ? items.filter((it) => it.verdict === q.verdict) : items;
  const start = (q.page - 1) * q.pageSize;
  return {
    items: filtered.slice(start, start + q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
    counts,
    missingData: [...missing.values()].sort((a, b) => b.policies - a.policies || (b.year ?? 0) - (a.year ?? 0) || a.label.localeCompare(b.label, 'zh-CN')),
    evaluatedOn: today,
  };
}
