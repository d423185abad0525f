import type { PolicyMatchesExportQuery } from '@yqt/contracts';
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import type { DbOrTx } from '../../core/db.js';
import { enterprises, parks, policyMatches, staff } from '../../db/schema/index.js';
import { indicatorScopeSql } from './scope.js';

const liaison = alias(staff, 'liaison');

/** Stored rows of the policy's CURRENT rules version, active enterprises in the caller's scope. */
function conditionsOf(actor: Actor, policyId: string, rulesVersion: number, f: PolicyMatchesExportQuery, withVerdict: boolean): SQL {
  const where: SQL[] = [
    eq(policyMatches.policyId, policyId),
    eq(policyMatches.rulesVersion, rulesVersion),
    eq(enterprises.status, 'active'),
    indicatorScopeSql(actor),
  ];
  if (f.parkId) where.push(eq(enterprises.parkId, f.parkId));
  if (f.liaisonId) where.push(or(eq(enterprises.liaisonId, f.liaisonId), eq(enterprises.backupLiaisonId, f.liaisonId))!);
  if (withVerdict && f.verdict) where.push(eq(policyMatches.verdict, f.verdict));
  return and(...where)!;
}

export async function listMatchRows(db: DbOrTx, actor: Actor, policyId: string, rulesVersion: number, f: PolicyMatchesExportQuery, limit: number, offset: number) {
  return db
    .select({
      policyId: policyMatches.policyId,
      enterpriseId: policyMatches.enterpriseId,
      verdict: policyMatches.verdict,
      conditions: policyMatches.conditions,
      missingCount: policyMatches.missingCount,
      rulesVersion: policyMatches.rulesVersion,
      evaluatedAt: policyMatches.evaluatedAt,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      parkId: enterprises.parkId,
      parkName: parks.name,
      liaisonId: enterprises.liaisonId,
      liaisonName: liaison.name,
    })
    .from(policyMatches)
    .innerJoin(enterprises, eq(enterprises.id, policyMatches.enterpriseId))
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(liaison, eq(liaison.id, enterprises.liaisonId))
    .where(conditionsOf(actor, policyId, rulesVersion, f, true))
    .orderBy(sql`CASE ${policyMatches.verdict} WHEN 'eligible' THEN 0 ELSE 1 END`, asc(policyMatches.missingCount), asc(enterprises.name), asc(enterprises.id))
    .limit(limit)
    .offset(offset);
}
export type MatchListRow = Awaited<ReturnType<typeof listMatchRows>>[number];

/** Counts per verdict under the same filters (verdict filter aside). */
export async function countMatches(db: DbOrTx, actor: Actor, policyId: string, rulesVersion: number, f: PolicyMatchesExportQuery) {
  const rows = await db
    .select({ verdict: policyMatches.verdict, n: count() })
    .from(policyMatches)
    .innerJoin(enterprises, eq(enterprises.id, policyMatches.enterpriseId))
    .where(conditionsOf(actor, policyId, rulesVersion, f, false))
    .groupBy(policyMatches.verdict);
  const counts = { eligible: 0, nearly: 0 };
  for (const r of rows) if (r.verdict === 'eligible' || r.verdict === 'nearly') counts[r.verdict] = r.n;
  return counts;
}
