/** Eligibility (政策计算器): the pure engine, stored matching and the matching routes. */
export { eligibilityRoutes } from './eligibility.routes.js';
export { compileRule, evaluate, evalContext, verdictOf, type Evaluation, type EvalContext, type CompiledRule } from './engine.js';
export { deriveIndicators, factsOf, type EnterpriseFacts, type IndicatorRow, type QualificationFact } from './facts.js';
export {
  recomputeAllMatches,
  recomputeEnterpriseMatches,
  recomputeEnterprisesMatches,
  recomputePolicyMatches,
  type FullRecompute,
} from './matching.service.js';
export { assertValidRules } from './preview.service.js';
export { forgetOperatorFacts } from './facts-cache.js';
export { canEditIndicators, canSeeIndicators, indicatorScopeSql, loadIndicatorEnterprise } from './scope.js';
export { validateRules, type RuleIssue } from '@yqt/contracts';
