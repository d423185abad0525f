/**
 * Stored matching (政策匹配): keeps `policy_matches` in step with policies and enterprise data.
 * Only eligible / nearly rows are stored, each stamped with the rules version it was computed
 * from. Incremental by design: a policy save recomputes that policy (one pass over the
 * operator's enterprises), an indicator save recomputes that enterprise (one pass over the
 * published policies); the full all × all pass is for seeding, benchmarks and nightly repair.
 */
import { and, eq, ne, or, sql, isNull, inArray } from 'drizzle-orm';
import { shanghaiDate } from '../../core/work-calendar.js';
import type { DbOrTx } from '../../core/db.js';
import { enterprises, policies, policyMatches } from '../../db/schema/index.js';
import { compiledPublishedPolicies } from './compiled-rules.js';
import { compileRule, evalContext, type CompiledRule } from './engine.js';
import { forgetOperatorFacts } from './facts-cache.js';
import { loadFacts, type LoadedEnterprise } from './facts.repo.js';
import { deleteMatchesOfEnterprises, writeMatches, type MatchRow } from './matches.write.js';
import { findMatchPolicy, parkNamesOf, publishedPolicies, type MatchPolicy } from './policies.repo.js';
import { allNeeds, needsOf } from './rule-needs.js';

type Counts = { eligible: number; nearly: number };

/**
 * Evaluates one compiled policy over loaded enterprises. Stored rows keep only the blocking
 * conditions — what stands in the way, exactly `missing_count` of them, without `needs` and the
 * `blocking` flag — rendered only for the rows kept. A quarter of all enterprise × policy pairs are
 * stored in the benchmark; storing every condition made a one-policy recompute about twice as slow,
 * and the match list explains its page live anyway.
 */
function matchRows(policy: Pick<MatchPolicy, 'id' | 'rulesVersion'>, compiled: CompiledRule, ents: readonly LoadedEnterprise[], ctx: ReturnType<typeof evalContext>, counts: Counts): MatchRow[] {
  const rows: MatchRow[] = [];
  for (const e of ents) {
    const q = compiled.quick(e.facts, ctx);
    if (q.verdict === 'not_eligible') continue;
    counts[q.verdict]++;
    const ex = compiled.explain(e.facts, ctx, { blockingOnly: true });
    // Every stored condition is blocking by definition, and `needs` repeats `missing`: both left
    // out — write volume is what a recompute costs.
    const conditions = ex.conditions.map(({ needs: _n, blocking: _b, ...c }) => c);
    rows.push({ policyId: policy.id, enterpriseId: e.facts.id, verdict: q.verdict, conditions, missingCount: ex.missingCount, rulesVersion: policy.rulesVersion });
  }
  return rows;
}

/**
 * Recomputes one policy against every active enterprise of its operator and replaces its rows.
 * A policy that is not published, or has no rules, ends with no rows.
 */
export async function recomputePolicyMatches(db: DbOrTx, policyId: string, now: Date): Promise<{ eligible: number; nearly: number }> {
  const policy = await findMatchPolicy(db, policyId);
  const counts: Counts = { eligible: 0, nearly: 0 };
  if (!policy || policy.status !== 'published' || !policy.rules) {
    await db.delete(policyMatches).where(eq(policyMatches.policyId, policyId));
    return counts;
  }
  const needs = needsOf([policy.rules]);
  const [ents, parkNames] = await Promise.all([
    loadFacts(db, { operatorId: policy.operatorId }, needs),
    needs.parks ? parkNamesOf(db, policy.operatorId) : undefined,
  ]);
  const rows = matchRows(policy, compileRule(policy.rules), ents, evalContext(shanghaiDate(now), parkNames), counts);
  await db.transaction(async (tx) => {
    await tx.delete(policyMatches).where(eq(policyMatches.policyId, policyId));
    await writeMatches(tx, rows, now);
  });
  return counts;
}

/**
 * Recomputes a batch of enterprises of one operator against all its published policies and
 * replaces their rows (an inactive enterprise ends with none). Facts: one query per table.
 */
export async function recomputeEnterprisesMatches(db: DbOrTx, operatorId: string, enterpriseIds: readonly string[], now: Date): Promise<Counts> {
  const counts: Counts = { eligible: 0, nearly: 0 };
  if (!enterpriseIds.length) return counts;
  forgetOperatorFacts(operatorId);
  const [pols, ents] = await Promise.all([compiledPublishedPolicies(db, operatorId), loadFacts(db, { operatorId, enterpriseIds }, allNeeds())]);
  const parkNames = needsOf(pols.map((p) => p.rules)).parks ? await parkNamesOf(db, operatorId) : undefined;
  const ctx = evalContext(shanghaiDate(now), parkNames);
  const rows: MatchRow[] = [];
  for (const p of pols) rows.push(...matchRows(p.policy, p.compiled, ents, ctx, counts));
  await db.transaction(async (tx) => {
    await deleteMatchesOfEnterprises(tx, enterpriseIds);
    await writeMatches(tx, rows, now);
  });
  return counts;
}

/** One enterprise against all published policies of its operator (call inside the write's transaction). */
export async function recomputeEnterpriseMatches(db: DbOrTx, enterpriseId: string, now: Date): Promise<void> {
  const [e] = await db.select({ operatorId: enterprises.operatorId }).from(enterprises).where(eq(enterprises.id, enterpriseId)).limit(1);
  if (!e) return;
  await recomputeEnterprisesMatches(db, e.operatorId, [enterpriseId], now);
}

export type FullRecompute = {
  policies: number;
  enterprises: number;
  eligible: number;
  nearly: number;
  /** Milliseconds: fact loading, evaluation (incl. explanations of stored rows), writes, total. */
  loadMs: number;
  evaluateMs: number;
  writeMs: number;
  totalMs: number;
};

/**
 * Full recompute of every published policy × every active enterprise of an operator. Facts are
 * loaded once; each policy is evaluated in a tight loop and its rows replaced in its own
 * transaction (delete + chunked insert), so readers never see a half-written policy and no
 * transaction holds the whole table. Rows of policies that are no longer published go too.
 */
export async function recomputeAllMatches(db: DbOrTx, operatorId: string, now: Date): Promise<FullRecompute> {
  const t0 = performance.now();
  const pols = await publishedPolicies(db, operatorId);
  const needs = needsOf(pols.map((p) => p.rules!));
  const [ents, parkNames] = await Promise.all([loadFacts(db, { operatorId }, needs), needs.parks ? parkNamesOf(db, operatorId) : undefined]);
  const loadMs = performance.now() - t0;
  const ctx = evalContext(shanghaiDate(now), parkNames);
  const counts: Counts = { eligible: 0, nearly: 0 };
  let evaluateMs = 0;
  let writeMs = 0;

  const t1 = performance.now();
  await db.delete(policyMatches).where(
    inArray(
      policyMatches.policyId,
      db
        .select({ id: policies.id })
        .from(policies)
        .where(and(eq(policies.operatorId, operatorId), or(ne(policies.status, 'published'), isNull(policies.rules)))),
    ),
  );
  writeMs += performance.now() - t1;

  for (const p of pols) {
    const te = performance.now();
    const rows = matchRows(p, compileRule(p.rules!), ents, ctx, counts);
    const tw = performance.now();
    evaluateMs += tw - te;
    await db.transaction(async (tx) => {
      await tx.delete(policyMatches).where(eq(policyMatches.policyId, p.id));
      await writeMatches(tx, rows, now);
    });
    writeMs += performance.now() - tw;
  }
  return { policies: pols.length, enterprises: ents.length, ...counts, loadMs, evaluateMs, writeMs, totalMs: performance.now() - t0 };
}

/** Test/diagnostic helper: the stored rows of a policy. */
export function storedMatchesOf(db: DbOrTx, policyId: string) {
  return db.select().from(policyMatches).where(eq(policyMatches.policyId, policyId)).orderBy(sql`${policyMatches.enterpriseId}`);
}
