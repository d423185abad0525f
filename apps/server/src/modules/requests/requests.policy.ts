import type { RequestAction } from '@yqt/contracts';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { hasRole, type Actor } from '../../core/actor.js';
import { serviceRequests } from '../../db/schema/index.js';
import { transitionFor } from './lifecycle.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * Who sees which requests: contacts their enterprise's; liaison officers those they are responsible
 * for; department handlers those transferred to their department; park managers their parks';
 * leaders and admins the operator's. A user with several roles sees the union.
 */
export function visibleRequests(actor: Actor): SQL {
  const tenant = eq(serviceRequests.operatorId, actor.operatorId);
  if (hasRole(actor, 'admin', 'leader')) return tenant;
  const any: SQL[] = [];
  if (hasRole(actor, 'park_manager') && actor.parkIds.length) any.push(inArray(serviceRequests.parkId, actor.parkIds));
  if (hasRole(actor, 'liaison')) any.push(eq(serviceRequests.liaisonId, actor.staffId ?? NONE));
  if (hasRole(actor, 'dept_handler')) any.push(eq(serviceRequests.departmentId, actor.departmentId ?? NONE));
  if (hasRole(actor, 'enterprise_contact')) any.push(eq(serviceRequests.enterpriseId, actor.enterpriseId ?? NONE));
  return and(tenant, any.length ? or(...any) : sql`false`)!;
}

export type RequestFacts = {
  status: string;
  parkId: string;
  enterpriseId: string;
  liaisonId: string | null;
  departmentId: string | null;
  transferStatus: string;
  keyIssueLeaderId?: string | null;
  rating?: number | null;
};

/** Whether this actor holds a role the transition allows *for this request* (not just in general). */
export function canAct(actor: Actor, action: RequestAction, r: RequestFacts): boolean {
  const t = transitionFor(action, r.status as never);
  if (!t || !actor.permissions.has('requests.act')) return false;
  if (action === 'rate' && r.rating != null) return false; // one rating per request
  return t.roles.some((role) => {
    if (!actor.roles.includes(role)) return false;
    switch (role) {
      case 'admin':
        return true;
      case 'park_manager':
        return actor.parkIds.includes(r.parkId);
      case 'liaison':
        return actor.staffId !== null && r.liaisonId === actor.staffId;
      case 'dept_handler': {
        if (actor.departmentId === null || r.departmentId !== actor.departmentId) return false;
        // Signing for or handing back a transfer is for a pending one; working it, for an accepted one.
        if (action === 'deptAccept') return r.transferStatus === 'pending';
        if (action === 'handBack') return r.transferStatus === 'pending' || r.transferStatus === 'accepted';
        return r.transferStatus === 'accepted';
      }
      case 'leader':
        return r.status === 'key_issue' && actor.staffId !== null && r.keyIssueLeaderId === actor.staffId;
      case 'enterprise_contact':
        return actor.enterpriseId === r.enterpriseId;
      default:
        return false;
    }
  });
}
