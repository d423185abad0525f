import { RuleNode } from '@yqt/contracts';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { parks, policies } from '../../db/schema/index.js';

/** The policy fields matching needs; `rules` parsed (a stored tree that no longer parses is treated as no rules). */
export type MatchPolicy = {
  id: string;
  operatorId: string;
  status: string;
  rules: RuleNode | null;
  rulesVersion: number;
  title: string;
  level: string;
  benefitType: string;
  maxAmountWan: number | null;
  applyFrom: string | null;
  applyUntil: string | null;
};

const columns = {
  id: policies.id,
  operatorId: policies.operatorId,
  status: policies.status,
  rules: policies.rules,
  rulesVersion: policies.rulesVersion,
  title: policies.title,
  level: policies.level,
  benefitType: policies.benefitType,
  maxAmountWan: policies.maxAmountWan,
  applyFrom: policies.applyFrom,
  applyUntil: policies.applyUntil,
};

function parsed(row: Omit<MatchPolicy, 'rules'> & { rules: unknown }): MatchPolicy {
  const r = row.rules === null ? null : RuleNode.safeParse(row.rules);
  return { ...row, rules: r?.success ? r.data : null };
}

export async function findMatchPolicy(db: DbOrTx, id: string): Promise<MatchPolicy | null> {
  const [row] = await db.select(columns).from(policies).where(eq(policies.id, id)).limit(1);
  return row ? parsed(row) : null;
}

/** Published policies of an operator that carry machine-checkable rules. */
export async function publishedPolicies(db: DbOrTx, operatorId: string): Promise<MatchPolicy[]> {
  const rows = await db
    .select(columns)
    .from(policies)
    .where(and(eq(policies.operatorId, operatorId), eq(policies.status, 'published'), isNotNull(policies.rules)))
    .orderBy(asc(policies.id));
  return rows.map(parsed).filter((p) => p.rules !== null);
}

/** What a match list shows of a published policy, and a hash of its rules (not the rules themselves). */
export type PolicyHead = Omit<MatchPolicy, 'rules'> & { rulesHash: string };

export async function publishedPolicyHeads(db: DbOrTx, operatorId: string): Promise<PolicyHead[]> {
  const { rules: _r, ...rest } = columns;
  return db
    .select({ ...rest, rulesHash: sql<string>`md5(${policies.rules}::text)` })
    .from(policies)
    .where(and(eq(policies.operatorId, operatorId), eq(policies.status, 'published'), isNotNull(policies.rules)))
    .orderBy(asc(policies.id));
}

export async function rulesOf(db: DbOrTx, ids: string[]): Promise<Map<string, RuleNode | null>> {
  const out = new Map<string, RuleNode | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.select({ id: policies.id, rules: policies.rules }).from(policies).where(inArray(policies.id, ids.slice(i, i + 500)));
    for (const r of rows) {
      const parsedRules = RuleNode.safeParse(r.rules);
      out.set(r.id, parsedRules.success ? parsedRules.data : null);
    }
  }
  return out;
}

export async function parkNamesOf(db: DbOrTx, operatorId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: parks.id, name: parks.name }).from(parks).where(eq(parks.operatorId, operatorId));
  return new Map(rows.map((p) => [p.id, p.name]));
}

