import type { Actor } from '../../core/actor.js';
import { hasRole } from '../../core/actor.js';

/** The fields of an enterprise the rules look at. */
export type EnterpriseScopeFacts = { id: string; parkId: string; liaisonId: string | null; backupLiaisonId: string | null };

/** Enterprise contacts see only their own enterprise; staff with enterprises.read see the operator's. */
export function canSee(actor: Actor, e: EnterpriseScopeFacts): boolean {
  if (hasRole(actor, 'enterprise_contact') && actor.roles.length === 1) return e.id === actor.enterpriseId;
  return actor.permissions.has('enterprises.read');
}

function managesPark(actor: Actor, parkId: string) {
  return hasRole(actor, 'park_manager') && actor.parkIds.includes(parkId);
}

function inGrid(actor: Actor, e: EnterpriseScopeFacts) {
  return hasRole(actor, 'liaison') && actor.staffId !== null && (e.liaisonId === actor.staffId || e.backupLiaisonId === actor.staffId);
}

/** Edit profile fields: admin; park manager of its park; liaison officer (or backup) whose grid holds it. */
export function canEdit(actor: Actor, e: EnterpriseScopeFacts): boolean {
  return hasRole(actor, 'admin') || managesPark(actor, e.parkId) || inGrid(actor, e);
}

export function canCreateIn(actor: Actor, parkId: string): boolean {
  return hasRole(actor, 'admin') || managesPark(actor, parkId);
}

/** Assign or change the liaison officer: admin, or the park manager of its park. */
export function canAssignLiaison(actor: Actor, e: EnterpriseScopeFacts): boolean {
  return hasRole(actor, 'admin') || managesPark(actor, e.parkId);
}

/** Contacts: whoever may edit the enterprise, and the enterprise's own contacts. */
export function canEditContacts(actor: Actor, e: EnterpriseScopeFacts): boolean {
  return canEdit(actor, e) || (hasRole(actor, 'enterprise_contact') && actor.enterpriseId === e.id);
}

export function abilitiesFor(actor: Actor, e: EnterpriseScopeFacts) {
  return {
    edit: actor.permissions.has('enterprises.write') && canEdit(actor, e),
    assignLiaison: actor.permissions.has('grid.assign') && canAssignLiaison(actor, e),
    editContacts: actor.permissions.has('contacts.write') && canEditContacts(actor, e),
  };
}
