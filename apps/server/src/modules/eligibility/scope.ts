import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { DbOrTx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { hasRole } from '../../core/actor.js';
import { enterprises } from '../../db/schema/index.js';

/**
 * Who may see an enterprise's indicators, qualifications and eligibility — business figures, so
 * narrower than the enterprise profile: administrators, leaders and department handlers the whole
 * operator; park managers their parks; liaison officers their grid (as officer or backup); an
 * enterprise contact only their own enterprise. A user with several roles gets the union.
 */
export type IndicatorScopeFacts = { id: string; operatorId: string; parkId: string; liaisonId: string | null; backupLiaisonId: string | null };

export const seesWholeOperator = (actor: Actor) => hasRole(actor, 'admin', 'leader', 'dept_handler');

export function canSeeIndicators(actor: Actor, e: IndicatorScopeFacts): boolean {
  if (e.operatorId !== actor.operatorId) return false;
  if (seesWholeOperator(actor)) return true;
  if (hasRole(actor, 'park_manager') && actor.parkIds.includes(e.parkId)) return true;
  if (hasRole(actor, 'liaison') && actor.staffId && (e.liaisonId === actor.staffId || e.backupLiaisonId === actor.staffId)) return true;
  return hasRole(actor, 'enterprise_contact') && actor.enterpriseId === e.id;
}

/** Writing needs indicators.write (route) and the same scope, minus leaders and department handlers. */
export function canEditIndicators(actor: Actor, e: IndicatorScopeFacts): boolean {
  if (!actor.permissions.has('indicators.write') || e.operatorId !== actor.operatorId) return false;
  if (hasRole(actor, 'admin')) return true;
  if (hasRole(actor, 'park_manager') && actor.parkIds.includes(e.parkId)) return true;
  if (hasRole(actor, 'liaison') && actor.staffId && (e.liaisonId === actor.staffId || e.backupLiaisonId === actor.staffId)) return true;
  return hasRole(actor, 'enterprise_contact') && actor.enterpriseId === e.id;
}

/** The same scope as a WHERE condition on `enterprises` (the operator included). */
export function indicatorScopeSql(actor: Actor): SQL {
  const base = eq(enterprises.operatorId, actor.operatorId);
  if (seesWholeOperator(actor)) return base;
  const parts: SQL[] = [];
  if (hasRole(actor, 'park_manager') && actor.parkIds.length) parts.push(inArray(enterprises.parkId, actor.parkIds));
  if (hasRole(actor, 'liaison') && actor.staffId) parts.push(or(eq(enterprises.liaisonId, actor.staffId), eq(enterprises.backupLiaisonId, actor.staffId))!);
  if (hasRole(actor, 'enterprise_contact') && actor.enterpriseId) parts.push(eq(enterprises.id, actor.enterpriseId));
  return parts.length ? and(base, or(...parts))! : sql`false`;
}

/** Loads an enterprise whose indicators the actor may see, or 404 (outside scope looks like absent). */
export async function loadIndicatorEnterprise(db: DbOrTx, actor: Actor, id: string) {
  const [e] = await db
    .select({
      id: enterprises.id,
      operatorId: enterprises.operatorId,
      name: enterprises.name,
      parkId: enterprises.parkId,
      liaisonId: enterprises.liaisonId,
      backupLiaisonId: enterprises.backupLiaisonId,
      foundedOn: enterprises.foundedOn,
      status: enterprises.status,
    })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), eq(enterprises.operatorId, actor.operatorId)))
    .limit(1);
  if (!e || !canSeeIndicators(actor, e)) throw notFound('企业');
  return e;
}
