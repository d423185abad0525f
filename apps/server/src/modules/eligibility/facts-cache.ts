import type { DbOrTx } from '../../core/db.js';
import { loadFacts, type LoadedEnterprise } from './facts.repo.js';
import { allNeeds } from './rule-needs.js';

/**
 * The rule editor's preview evaluates a draft against every enterprise of the operator on each
 * edit. Its facts (all columns) are kept per process for a short time, so a burst of edits loads
 * them once. Advisory use only: stored matching and the enterprise's own check always read fresh
 * data. Writes through this process forget the operator's entry; other instances' writes show up
 * within TTL_MS.
 */
export const TTL_MS = 60_000;
const entries = new Map<string, { at: number; data: Promise<LoadedEnterprise[]> }>();

export function operatorFacts(db: DbOrTx, operatorId: string): Promise<LoadedEnterprise[]> {
  const t = performance.now();
  const hit = entries.get(operatorId);
  if (hit && t - hit.at < TTL_MS) return hit.data;
  // Ordered by name: the preview's sample is "the first 20" by verdict, then name.
  const data = loadFacts(db, { operatorId, orderByName: true }, allNeeds());
  entries.set(operatorId, { at: t, data });
  data.catch(() => entries.delete(operatorId));
  return data;
}

export function forgetOperatorFacts(operatorId: string): void {
  entries.delete(operatorId);
}
