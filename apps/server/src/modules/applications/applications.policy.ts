import { applicationActions, type ApplicationAction, type ApplicationStatus, type Role } from '@yqt/contracts';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { hasRole, type Actor } from '../../core/actor.js';
import { enterprises, policyApplications } from '../../db/schema/index.js';
import { EDITABLE_STATUSES, transitionFor, transitionsOf } from './lifecycle.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/** An enterprise contact and nothing else: sees public timeline entries only, acts for its enterprise only. */
export const contactOnly = (actor: Actor) => hasRole(actor, 'enterprise_contact') && !actor.staffId;

/**
 * Who sees which applications: contacts their enterprise's; liaison officers (and backups) those of
 * the enterprises in their grid *now* (a grid change hands the queue over); department handlers
 * those of the policies their department reviews; park managers their parks'; leaders and admins
 * the operator's. A user with several roles sees the union. Queries using it join `enterprises`.
 */
export function visibleApplications(actor: Actor): SQL {
  const tenant = eq(policyApplications.operatorId, actor.operatorId);
  if (hasRole(actor, 'admin', 'leader')) return tenant;
  const any: SQL[] = [];
  if (hasRole(actor, 'park_manager') && actor.parkIds.length) any.push(inArray(policyApplications.parkId, actor.parkIds));
  if (hasRole(actor, 'liaison')) {
    const me = actor.staffId ?? NONE;
    any.push(or(eq(enterprises.liaisonId, me), eq(enterprises.backupLiaisonId, me))!);
  }
  if (hasRole(actor, 'dept_handler')) any.push(eq(policyApplications.departmentId, actor.departmentId ?? NONE));
  if (hasRole(actor, 'enterprise_contact')) any.push(eq(policyApplications.enterpriseId, actor.enterpriseId ?? NONE));
  return and(tenant, any.length ? or(...any) : sql`false`)!;
}

/**
 * "Waiting for me" (`mine=true`): the steps each role owes — officers and park managers the
 * pre-checks, the department its reviews and disbursements, the enterprise its returned applications.
 */
export function waitingFor(actor: Actor): SQL {
  const s = policyApplications.status;
  const any: SQL[] = [];
  if (hasRole(actor, 'admin')) any.push(inArray(s, ['submitted', 'prechecked', 'approved']));
  if (hasRole(actor, 'park_manager') && actor.parkIds.length) any.push(and(eq(s, 'submitted'), inArray(policyApplications.parkId, actor.parkIds))!);
  if (hasRole(actor, 'liaison') && actor.staffId) {
    any.push(and(eq(s, 'submitted'), or(eq(enterprises.liaisonId, actor.staffId), eq(enterprises.backupLiaisonId, actor.staffId)))!);
  }
  if (hasRole(actor, 'dept_handler') && actor.departmentId) any.push(and(inArray(s, ['prechecked', 'approved']), eq(policyApplications.departmentId, actor.departmentId))!);
  if (hasRole(actor, 'enterprise_contact') && actor.enterpriseId) any.push(and(eq(s, 'returned'), eq(policyApplications.enterpriseId, actor.enterpriseId))!);
  return any.length ? or(...any)! : sql`false`;
}

/** The facts of one application the rules look at (the enterprise's grid as it is now). */
export type ApplicationFacts = {
  status: string;
  enterpriseId: string;
  parkId: string;
  departmentId: string | null;
  enterpriseLiaisonId: string | null;
  enterpriseBackupLiaisonId: string | null;
};

/** Whether the actor holds `role` *for this application*. */
function holds(actor: Actor, role: Role, f: ApplicationFacts): boolean {
  if (!actor.roles.includes(role)) return false;
  switch (role) {
    case 'admin':
      return true;
    case 'park_manager':
      return actor.parkIds.includes(f.parkId);
    case 'liaison':
      return actor.staffId !== null && (f.enterpriseLiaisonId === actor.staffId || f.enterpriseBackupLiaisonId === actor.staffId);
    case 'dept_handler':
      return actor.departmentId !== null && f.departmentId === actor.departmentId;
    case 'enterprise_contact':
      return !actor.staffId && actor.enterpriseId === f.enterpriseId;
    default:
      return false;
  }
}

/** May this actor ever take `action` on this application (in some state)? No → 403, whatever the state. */
export function mayEverAct(actor: Actor, action: ApplicationAction, f: ApplicationFacts): boolean {
  if (!actor.permissions.has('applications.act')) return false;
  return transitionsOf(action).some((t) => t.roles.some((r) => holds(actor, r, f)));
}

/** May this actor take `action` on this application now? */
export function canAct(actor: Actor, action: ApplicationAction, f: ApplicationFacts): boolean {
  const t = transitionFor(action, f.status as ApplicationStatus);
  if (!t || !actor.permissions.has('applications.act')) return false;
  return t.roles.some((r) => holds(actor, r, f));
}

export const allowedActions = (actor: Actor, f: ApplicationFacts) => applicationActions.filter((a) => canAct(actor, a, f));

/** Materials: the enterprise itself and whoever pre-checks it, while the application is editable. */
export function canUpload(actor: Actor, f: ApplicationFacts): boolean {
  if (!EDITABLE_STATUSES.includes(f.status as ApplicationStatus)) return false;
  return (['enterprise_contact', 'liaison', 'park_manager', 'admin'] as const).some((r) => holds(actor, r, f));
}
