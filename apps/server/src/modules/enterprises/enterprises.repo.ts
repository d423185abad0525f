import type { EnterpriseListQuery } from '@yqt/contracts';
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { hasRole } from '../../core/actor.js';
import type { DbOrTx } from '../../core/db.js';
import {
  areas,
  buildings,
  contacts,
  enterprises,
  liaisonAssignments,
  parks,
  staff,
  units,
  users,
} from '../../db/schema/index.js';
import { likePattern, queryTokens } from './search-tokens.js';

const liaison = alias(staff, 'liaison');
const backup = alias(staff, 'backup');

/** Rows the actor may see at all: the operator's, or only their own enterprise for contacts. */
export function visibleTo(actor: Actor): SQL {
  const base = eq(enterprises.operatorId, actor.operatorId);
  if (hasRole(actor, 'enterprise_contact') && actor.roles.length === 1) {
    return and(base, eq(enterprises.id, actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000'))!;
  }
  return base;
}

export type ListFilters = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'>;

export function filterConditions(actor: Actor, f: ListFilters): SQL[] {
  const where: SQL[] = [visibleTo(actor)];
  if (f.parkId) where.push(eq(enterprises.parkId, f.parkId));
  if (f.industry) where.push(eq(enterprises.industryCode, f.industry));
  if (f.tier) where.push(eq(enterprises.tier, f.tier));
  if (f.size) where.push(eq(enterprises.size, f.size));
  if (f.status) where.push(eq(enterprises.status, f.status));
  if (f.liaisonId) where.push(eq(enterprises.liaisonId, f.liaisonId));
  if (f.unassigned === 'true') where.push(isNull(enterprises.liaisonId));
  const q = f.q?.trim();
  if (q) {
    const tokens = queryTokens(q);
    if (tokens.length) {
      // GIN-indexed containment narrows to candidates; ILIKE checks the characters are adjacent and in order.
      where.push(sql`${enterprises.searchTokens} @> ARRAY[${sql.join(tokens.map((t) => sql`${t}`), sql`, `)}]::text[]`);
      // One or two characters: the n-gram match is already exact. Longer: bigrams may be present
      // but not adjacent, so recheck against the folded text (LIKE, not ILIKE: both sides are folded).
      if (Array.from(q).length > 2) where.push(sql`${enterprises.searchText} LIKE ${likePattern(q)}`);
    }
  }
  return where;
}

const summaryColumns = {
  id: enterprises.id,
  creditCode: enterprises.creditCode,
  name: enterprises.name,
  industryCode: enterprises.industryCode,
  size: enterprises.size,
  tier: enterprises.tier,
  status: enterprises.status,
  parkId: enterprises.parkId,
  parkName: parks.name,
  liaisonId: enterprises.liaisonId,
  liaisonName: liaison.name,
  updatedAt: enterprises.updatedAt,
};

const orderings = {
  name: [asc(enterprises.name), asc(enterprises.id)],
  '-updatedAt': [desc(enterprises.updatedAt), asc(enterprises.id)],
  creditCode: [asc(enterprises.creditCode)],
} as const;

export async function listEnterprises(
  db: DbOrTx,
  actor: Actor,
  f: ListFilters,
  sort: EnterpriseListQuery['sort'],
  limit: number,
  offset: number,
) {
  const where = and(...filterConditions(actor, f));
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(enterprises)
      .innerJoin(parks, eq(parks.id, enterprises.parkId))
      .leftJoin(liaison, eq(liaison.id, enterprises.liaisonId))
      .where(where)
      .orderBy(...orderings[sort])
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findEnterprise(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      e: enterprises,
      parkName: parks.name,
      buildingName: buildings.name,
      unitName: units.name,
      liaisonName: liaison.name,
      backupLiaisonName: backup.name,
      areaName: areas.name,
    })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .leftJoin(units, eq(units.id, enterprises.unitId))
    .leftJoin(liaison, eq(liaison.id, enterprises.liaisonId))
    .leftJoin(backup, eq(backup.id, enterprises.backupLiaisonId))
    .leftJoin(areas, eq(areas.id, liaison.areaId))
    .where(and(visibleTo(actor), eq(enterprises.id, id)))
    .limit(1);
  return row ?? null;
}

export function contactsOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.enterpriseId, enterpriseId))
    .orderBy(desc(contacts.isPrimary), asc(contacts.createdAt), asc(contacts.id));
}

export function liaisonHistoryOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select({
      id: liaisonAssignments.id,
      liaisonId: liaisonAssignments.liaisonId,
      liaisonName: liaison.name,
      backupLiaisonId: liaisonAssignments.backupLiaisonId,
      backupLiaisonName: backup.name,
      startedAt: liaisonAssignments.startedAt,
      endedAt: liaisonAssignments.endedAt,
      reason: liaisonAssignments.reason,
      assignedByName: users.displayName,
    })
    .from(liaisonAssignments)
    .leftJoin(liaison, eq(liaison.id, liaisonAssignments.liaisonId))
    .leftJoin(backup, eq(backup.id, liaisonAssignments.backupLiaisonId))
    .leftJoin(users, eq(users.id, liaisonAssignments.assignedByUserId))
    .where(eq(liaisonAssignments.enterpriseId, enterpriseId))
    .orderBy(desc(liaisonAssignments.startedAt))
    .limit(50);
}
