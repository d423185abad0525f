import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { enterpriseIndicatorHistory, enterpriseIndicators, enterpriseQualifications, users } from '../../db/schema/index.js';

export function yearsOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select({ row: enterpriseIndicators, updatedByName: users.displayName })
    .from(enterpriseIndicators)
    .leftJoin(users, eq(users.id, enterpriseIndicators.updatedByUserId))
    .where(eq(enterpriseIndicators.enterpriseId, enterpriseId))
    .orderBy(desc(enterpriseIndicators.year));
}

export async function yearOf(db: DbOrTx, enterpriseId: string, year: number) {
  const [row] = await db
    .select()
    .from(enterpriseIndicators)
    .where(and(eq(enterpriseIndicators.enterpriseId, enterpriseId), eq(enterpriseIndicators.year, year)))
    .limit(1);
  return row ?? null;
}

export function qualificationsOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(enterpriseQualifications)
    .where(eq(enterpriseQualifications.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseQualifications.kind), desc(enterpriseQualifications.obtainedOn), asc(enterpriseQualifications.id));
}

export async function historyOf(db: DbOrTx, enterpriseId: string, year: number, limit: number, offset: number) {
  const where = and(eq(enterpriseIndicatorHistory.enterpriseId, enterpriseId), eq(enterpriseIndicatorHistory.year, year));
  const [items, [total]] = await Promise.all([
    db
      .select({ h: enterpriseIndicatorHistory, replacedByName: users.displayName })
      .from(enterpriseIndicatorHistory)
      .leftJoin(users, eq(users.id, enterpriseIndicatorHistory.changedByUserId))
      .where(where)
      .orderBy(desc(enterpriseIndicatorHistory.version), desc(enterpriseIndicatorHistory.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(enterpriseIndicatorHistory).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
