import type { ServiceGuideListQuery } from '@yqt/contracts';
import { and, asc, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { serviceGuides } from '../../db/schema/index.js';
import { searchConditions, searchFieldsOf } from '../policies/index.js';

/** Whose guides, and whether unpublished ones are included (guides.manage of that operator, on request). */
export type GuideScope = { operatorId: string | null; includeUnpublished: boolean };

type GuideText = {
  name: string;
  category: string;
  department: string;
  conditions: readonly string[];
  materials: readonly { name: string; note?: string | null }[];
};

/** Search columns: name, category, department, every condition and every material (name and note). */
export function guideSearchFields(g: GuideText) {
  return searchFieldsOf([g.name, g.category, g.department, ...g.conditions, ...g.materials.flatMap((m) => [m.name, m.note ?? ''])]);
}

const summaryColumns = {
  id: serviceGuides.id,
  code: serviceGuides.code,
  name: serviceGuides.name,
  category: serviceGuides.category,
  department: serviceGuides.department,
  timeLimit: serviceGuides.timeLimit,
  fees: serviceGuides.fees,
  onlineUrl: serviceGuides.onlineUrl,
  published: serviceGuides.published,
  updatedAt: serviceGuides.updatedAt,
};

function conditions(scope: GuideScope, f: { q?: string | undefined; category?: string | undefined }): SQL[] {
  const where: SQL[] = [];
  if (scope.operatorId) where.push(eq(serviceGuides.operatorId, scope.operatorId));
  if (!scope.includeUnpublished) where.push(eq(serviceGuides.published, true));
  if (f.category) where.push(eq(serviceGuides.category, f.category));
  where.push(...searchConditions(f.q, serviceGuides.searchTokens, serviceGuides.searchText));
  return where;
}

/** One page query and one count. */
export async function listGuides(db: DbOrTx, scope: GuideScope, f: Pick<ServiceGuideListQuery, 'q' | 'category'>, limit: number, offset: number) {
  const where = and(...conditions(scope, f));
  const [items, [total]] = await Promise.all([
    db.select(summaryColumns).from(serviceGuides).where(where).orderBy(asc(serviceGuides.category), asc(serviceGuides.name), asc(serviceGuides.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(serviceGuides).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

const { searchTokens: _t, searchText: _s, ...storedColumns } = getTableColumns(serviceGuides);

export async function findGuide(db: DbOrTx, id: string) {
  const [row] = await db.select(storedColumns).from(serviceGuides).where(eq(serviceGuides.id, id)).limit(1);
  return row ?? null;
}
export type GuideRow = NonNullable<Awaited<ReturnType<typeof findGuide>>>;

export function categoryCounts(db: DbOrTx, operatorId: string | null) {
  return rowsOf<{ category: string; count: number }>(
    db,
    sql`SELECT category, count(*)::int AS count FROM ${serviceGuides}
         WHERE published ${operatorId ? sql`AND operator_id = ${operatorId}` : sql``}
         GROUP BY category ORDER BY count(*) DESC, category`,
  );
}
