import type { PolicyAction, PolicyStatus } from '@yqt/contracts';
import type { Actor } from '../../core/actor.js';
import { hasRole } from '../../core/actor.js';
import { actionsFrom } from './lifecycle.js';

type PolicyFacts = { operatorId: string; status: string };

/** policies.manage of the policy's operator: drafts, edits, lifecycle, attachments, versions. */
export function canManage(actor: Actor | null, p: { operatorId: string }): boolean {
  return !!actor && actor.permissions.has('policies.manage') && actor.operatorId === p.operatorId;
}

/** Published policies are public (no login); any other status only for its managers — others get 404. */
export function canSee(actor: Actor | null, p: PolicyFacts): boolean {
  return p.status === 'published' || canManage(actor, p);
}

export function allowedActions(actor: Actor | null, p: PolicyFacts): PolicyAction[] {
  return canManage(actor, p) ? actionsFrom(p.status as PolicyStatus) : [];
}

/**
 * Whose follow-ups a caller works (政策找企业 checklist): admins and the departments that run
 * policies (dept_handler with policies.manage) see the operator's; a park manager their parks; a
 * liaison officer the enterprises of their grid (as officer or backup). Roles add up.
 */
export type FollowUpScope = { all: true } | { all: false; parkIds: string[]; staffId: string | null };

export function followUpScope(actor: Actor): FollowUpScope {
  if (hasRole(actor, 'admin') || (hasRole(actor, 'dept_handler') && actor.permissions.has('policies.manage'))) return { all: true };
  return {
    all: false,
    parkIds: hasRole(actor, 'park_manager') ? actor.parkIds : [],
    staffId: hasRole(actor, 'liaison') ? actor.staffId : null,
  };
}
