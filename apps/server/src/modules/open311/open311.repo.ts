import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { buildings, operators, parks, requestCategories, serviceRequests } from '../../db/schema/index.js';

export type Jurisdiction = { id: string; code: string; name: string };

export async function operatorByCode(db: DbOrTx, code: string): Promise<Jurisdiction | null> {
  const [op] = await db.select({ id: operators.id, code: operators.code, name: operators.name }).from(operators).where(eq(operators.code, code)).limit(1);
  return op ?? null;
}

/** How many operators the installation has, and the first (by code) of them. */
export async function operatorsAtAll(db: DbOrTx): Promise<{ n: number; first: Jurisdiction | null }> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(operators);
  const [first] = await db.select({ id: operators.id, code: operators.code, name: operators.name }).from(operators).orderBy(asc(operators.code)).limit(1);
  return { n: Number(n), first: first ?? null };
}

export type Category = typeof requestCategories.$inferSelect;

export function activeCategories(db: DbOrTx, operatorId: string): Promise<Category[]> {
  return db
    .select()
    .from(requestCategories)
    .where(and(eq(requestCategories.operatorId, operatorId), eq(requestCategories.active, true)))
    .orderBy(asc(requestCategories.sortOrder), asc(requestCategories.code));
}

/**
 * Actions whose public note explains the current state to the public (staff replies). Notes the
 * enterprise itself wrote (its reply, rating comment, reopen reason) are never shown to the world.
 */
export const STATUS_NOTE_ACTIONS = ['accept', 'feedback', 'resolve', 'returnForInfo', 'reject'] as const;

/**
 * Only the columns the public Open311 view may show: no submitter, enterprise, liaison or internal
 * data is even selected, so none can leak through the mapper.
 */
const publicColumns = {
  id: serviceRequests.id,
  number: serviceRequests.number,
  status: serviceRequests.status,
  description: serviceRequests.description,
  receivedAt: serviceRequests.receivedAt,
  updatedAt: serviceRequests.updatedAt,
  closedAt: serviceRequests.closedAt,
  resolveBy: serviceRequests.resolveBy,
  lat: serviceRequests.lat,
  lng: serviceRequests.lng,
  locationNote: serviceRequests.locationNote,
  buildingId: serviceRequests.buildingId,
  buildingName: buildings.name,
  parkName: parks.name,
  serviceCode: requestCategories.code,
  serviceName: requestCategories.name,
  statusNote: sql<string | null>`(SELECT e.note FROM request_events e
      WHERE e.request_id = ${serviceRequests.id} AND e.visibility = 'public' AND e.note IS NOT NULL
        AND e.action IN (${sql.join(
          STATUS_NOTE_ACTIONS.map((a) => sql`${a}`),
          sql`, `,
        )})
      ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
  attachmentId: sql<string | null>`(SELECT a.id::text FROM request_attachments a
      WHERE a.request_id = ${serviceRequests.id} AND a.visibility = 'public' ORDER BY a.created_at, a.id LIMIT 1)`,
};
export type PublicRequestRow = Awaited<ReturnType<typeof findPublicRequests>>[number];

export type RequestFilter = {
  numbers?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ('open' | 'closed')[];
};

/** The spec's response volume: at most this many requests per call. */
export const MAX_REQUESTS = 1000;

export function findPublicRequests(db: DbOrTx, operatorId: string, f: RequestFilter) {
  const where: SQL[] = [eq(serviceRequests.operatorId, operatorId)];
  if (f.numbers) where.push(inArray(serviceRequests.number, f.numbers));
  if (f.serviceCodes?.length) where.push(inArray(requestCategories.code, f.serviceCodes));
  if (f.from) where.push(gte(serviceRequests.receivedAt, f.from));
  if (f.to) where.push(lte(serviceRequests.receivedAt, f.to));
  if (f.statuses?.length === 1) where.push(f.statuses[0] === 'closed' ? eq(serviceRequests.status, 'closed') : ne(serviceRequests.status, 'closed'));
  return db
    .select(publicColumns)
    .from(serviceRequests)
    .innerJoin(requestCategories, eq(requestCategories.id, serviceRequests.categoryId))
    .innerJoin(parks, eq(parks.id, serviceRequests.parkId))
    .leftJoin(buildings, eq(buildings.id, serviceRequests.buildingId))
    .where(and(...where))
    .orderBy(desc(serviceRequests.receivedAt), desc(serviceRequests.id))
    .limit(MAX_REQUESTS);
}
