import type { ConditionResult, Verdict } from '@yqt/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { policyMatches } from '../../db/schema/index.js';

export type MatchRow = {
  policyId: string;
  enterpriseId: string;
  verdict: Exclude<Verdict, 'not_eligible'>;
  conditions: ConditionResult[];
  missingCount: number;
  rulesVersion: number;
};

const CHUNK = 2000;

/**
 * Bulk upsert: each chunk travels as ONE json parameter expanded by jsonb_to_recordset — a
 * multi-row INSERT … ON CONFLICT without thousands of bind parameters, identical on PGlite and
 * PostgreSQL.
 */
export async function writeMatches(db: DbOrTx, rows: readonly MatchRow[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map((r) => ({ p: r.policyId, e: r.enterpriseId, v: r.verdict, c: r.conditions, m: r.missingCount, r: r.rulesVersion })),
    );
    await db.execute(sql`
      INSERT INTO policy_matches (policy_id, enterprise_id, verdict, conditions, missing_count, rules_version, evaluated_at)
      SELECT x.p, x.e, x.v, x.c, x.m, x.r, ${at}::timestamptz
        FROM jsonb_to_recordset(${json}::jsonb) AS x(p uuid, e uuid, v text, c jsonb, m int, r int)
      ON CONFLICT (policy_id, enterprise_id) DO UPDATE
        SET verdict = excluded.verdict, conditions = excluded.conditions, missing_count = excluded.missing_count,
            rules_version = excluded.rules_version, evaluated_at = excluded.evaluated_at`);
  }
}

export async function deleteMatchesOfEnterprises(db: DbOrTx, enterpriseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < enterpriseIds.length; i += CHUNK) {
    await db.delete(policyMatches).where(inArray(policyMatches.enterpriseId, enterpriseIds.slice(i, i + CHUNK)));
  }
}
