import { validateRules, type EligibilityPreviewBody, type EligibilityPreviewResult, type Verdict } from '@yqt/contracts';
import type { Ctx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { compileRule, evalContext } from './engine.js';
import { operatorFacts } from './facts-cache.js';
import { parkNamesOf } from './policies.repo.js';
import { canSeeIndicators, seesWholeOperator } from './scope.js';

export const PREVIEW_SAMPLE = 20;

/** 400 naming each offending rule field, e.g. `rules.children.1.value`. */
export function assertValidRules(rules: unknown, base = 'rules'): void {
  const issues = validateRules(rules, base);
  if (issues.length) {
    throw new AppError('VALIDATION_FAILED', `申报条件有误：${issues[0]!.message}`, issues.map((i) => ({ path: i.path, code: 'invalid_rule', message: i.message })));
  }
}

/**
 * The rule editor's "who matches" for an UNSAVED draft: evaluated over the active enterprises in
 * the caller's scope (optionally one park). The operator's facts come from a short-lived cache
 * (facts-cache.ts) and explanations are rendered only for the sample, so it stays interactive at
 * tens of thousands of enterprises.
 */
export async function previewRules(ctx: Ctx, body: EligibilityPreviewBody): Promise<EligibilityPreviewResult> {
  const t0 = performance.now();
  assertValidRules(body.rules);
  const operatorId = ctx.actor.operatorId;
  const parkNames = await parkNamesOf(ctx.db, operatorId);
  if (body.parkId && !parkNames.has(body.parkId)) throw invalid('parkId', '园区不存在');
  const all = await operatorFacts(ctx.db, operatorId);
  const wholeOperator = seesWholeOperator(ctx.actor);
  const ents = all.filter(
    (e) =>
      (!body.parkId || e.facts.registry.parkId === body.parkId) &&
      (wholeOperator || canSeeIndicators(ctx.actor, { id: e.facts.id, operatorId, parkId: e.facts.registry.parkId, liaisonId: e.liaisonId, backupLiaisonId: e.backupLiaisonId })),
  );
  const today = shanghaiDate(ctx.now);
  const ec = evalContext(today, parkNames);
  const compiled = compileRule(body.rules);

  // Enterprises come ordered by name: the sample is the first ones by verdict, then name.
  const firsts: Record<Verdict, number[]> = { eligible: [], nearly: [], not_eligible: [] };
  const counts = { eligible: 0, nearly: 0 };
  ents.forEach((e, i) => {
    const v = compiled.quick(e.facts, ec).verdict;
    if (v !== 'not_eligible') counts[v]++;
    if (firsts[v].length < PREVIEW_SAMPLE) firsts[v].push(i);
  });
  const sampleIdx = [...firsts.eligible, ...firsts.nearly, ...firsts.not_eligible].slice(0, PREVIEW_SAMPLE);
  const sample = sampleIdx.map((i) => {
    const e = ents[i]!;
    const ex = compiled.explain(e.facts, ec);
    return {
      enterpriseId: e.facts.id,
      name: e.name,
      parkName: parkNames.get(e.facts.registry.parkId) ?? '',
      verdict: ex.verdict,
      missingCount: ex.missingCount,
      conditions: ex.conditions,
    };
  });
  return { ...counts, total: ents.length, sample, evaluatedOn: today, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
}
