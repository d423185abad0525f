import type { FollowUpListQuery } from '@yqt/contracts';
import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { enterprises, parks, policies, policyFollowUps, policyMatches, staff } from '../../db/schema/index.js';
import type { FollowUpScope } from './policies.policy.js';

/**
 * The follow-ups a caller works: the operator's published policies (a withdrawn or expired policy's
 * checklist is closed), narrowed to their parks / grid.
 */
function scopeConditions(operatorId: string, scope: FollowUpScope): SQL[] {
  const where: SQL[] = [eq(policies.operatorId, operatorId), eq(policies.status, 'published'), eq(enterprises.operatorId, operatorId)];
  if (scope.all) return where;
  const any: SQL[] = [];
  if (scope.parkIds.length) any.push(sql`${enterprises.parkId} IN (${sql.join(scope.parkIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  if (scope.staffId) any.push(or(eq(enterprises.liaisonId, scope.staffId), eq(enterprises.backupLiaisonId, scope.staffId))!);
  where.push(any.length ? or(...any)! : sql`false`);
  return where;
}

const itemColumns = {
  policyId: policyFollowUps.policyId,
  policyTitle: policies.title,
  enterpriseId: policyFollowUps.enterpriseId,
  enterpriseName: enterprises.name,
  parkId: enterprises.parkId,
  parkName: parks.name,
  verdict: policyMatches.verdict,
  status: policyFollowUps.status,
  note: policyFollowUps.note,
  liaisonId: policyFollowUps.liaisonId,
  liaisonName: staff.name,
  version: policyFollowUps.version,
  updatedAt: policyFollowUps.updatedAt,
};

function selectItems(db: DbOrTx) {
  return db
    .select(itemColumns)
    .from(policyFollowUps)
    .innerJoin(policies, eq(policies.id, policyFollowUps.policyId))
    .innerJoin(enterprises, eq(enterprises.id, policyFollowUps.enterpriseId))
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(policyMatches, and(eq(policyMatches.policyId, policyFollowUps.policyId), eq(policyMatches.enterpriseId, policyFollowUps.enterpriseId)))
    .leftJoin(staff, eq(staff.id, policyFollowUps.liaisonId));
}

export async function listFollowUps(db: DbOrTx, operatorId: string, scope: FollowUpScope, f: Omit<FollowUpListQuery, 'page' | 'pageSize'>, limit: number, offset: number) {
  const where = and(
    ...scopeConditions(operatorId, scope),
    f.policyId ? eq(policyFollowUps.policyId, f.policyId) : undefined,
    f.enterpriseId ? eq(policyFollowUps.enterpriseId, f.enterpriseId) : undefined,
    f.status ? eq(policyFollowUps.status, f.status) : undefined,
    f.liaisonId ? eq(policyFollowUps.liaisonId, f.liaisonId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    selectItems(db)
      .where(where)
      .orderBy(desc(policyFollowUps.updatedAt), asc(policyFollowUps.policyId), asc(policyFollowUps.enterpriseId))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(policyFollowUps)
      .innerJoin(policies, eq(policies.id, policyFollowUps.policyId))
      .innerJoin(enterprises, eq(enterprises.id, policyFollowUps.enterpriseId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findFollowUp(db: DbOrTx, operatorId: string, scope: FollowUpScope, policyId: string, enterpriseId: string) {
  const [row] = await selectItems(db)
    .where(and(...scopeConditions(operatorId, scope), eq(policyFollowUps.policyId, policyId), eq(policyFollowUps.enterpriseId, enterpriseId)))
    .limit(1);
  return row ?? null;
}
export type FollowUpRow = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;
