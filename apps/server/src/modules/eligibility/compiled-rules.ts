import type { RuleNode } from '@yqt/contracts';
import type { DbOrTx } from '../../core/db.js';
import { compileRule, type CompiledRule } from './engine.js';
import { publishedPolicyHeads, rulesOf, type PolicyHead } from './policies.repo.js';

/**
 * Compiled rules of published policies, cached per process by policy id and a hash of the rules
 * (md5 computed by the database), so a request that evaluates one enterprise against hundreds of
 * policies neither transfers, parses nor compiles their rules again. The hash makes an edited rule
 * a new key — no invalidation, no trust in version bookkeeping. Bounded; oldest entries go first.
 */
const MAX_ENTRIES = 5000;
const cache = new Map<string, { rules: RuleNode; compiled: CompiledRule } | null>();

export type CompiledPolicy = { policy: PolicyHead; rules: RuleNode; compiled: CompiledRule };

export async function compiledPublishedPolicies(db: DbOrTx, operatorId: string): Promise<CompiledPolicy[]> {
  const heads = await publishedPolicyHeads(db, operatorId);
  const key = (h: PolicyHead) => `${h.id}:${h.rulesHash}`;
  const missing = heads.filter((h) => !cache.has(key(h)));
  if (missing.length) {
    const rules = await rulesOf(db, missing.map((h) => h.id));
    for (const h of missing) {
      const r = rules.get(h.id) ?? null;
      cache.set(key(h), r ? { rules: r, compiled: compileRule(r) } : null);
    }
    if (cache.size > MAX_ENTRIES) for (const k of [...cache.keys()].slice(0, cache.size - MAX_ENTRIES)) cache.delete(k);
  }
  const out: CompiledPolicy[] = [];
  for (const h of heads) {
    const c = cache.get(key(h));
    if (c) out.push({ policy: h, ...c });
  }
  return out;
}
