import type { Permission, Role, Scope } from '@yqt/contracts';

/** Who is asking, resolved once per request from the session. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  operatorId: string;
  operatorName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** Set for staff; null for enterprise contacts. */
  staffId: string | null;
  departmentId: string | null;
  /** Parks a park manager is responsible for. */
  parkIds: string[];
  /** Set for enterprise contacts: the only enterprise they may see. */
  enterpriseId: string | null;
};

export function hasRole(actor: Actor, ...r: Role[]) {
  return actor.roles.some((x) => r.includes(x));
}

/** The broadest scope among the actor's roles (shown to the UI; services check resources themselves). */
export function scopeOf(actor: Actor): Scope {
  const kind: Scope['kind'] = hasRole(actor, 'admin', 'leader')
    ? 'operator'
    : hasRole(actor, 'park_manager')
      ? 'parks'
      : hasRole(actor, 'liaison')
        ? 'grid'
        : hasRole(actor, 'dept_handler')
          ? 'department'
          : 'enterprise';
  return {
    kind,
    parkIds: actor.parkIds,
    enterpriseId: actor.enterpriseId,
    staffId: actor.staffId,
    departmentId: actor.departmentId,
  };
}
