import type { Role } from './enums.js';

/** Coarse permissions, checked on the route. Resource scope is checked in the service. */
export const permissions = [
  'parks.read',
  'parks.write',
  'enterprises.read',
  'enterprises.create',
  'enterprises.write',
  'enterprises.import',
  'enterprises.export',
  'contacts.write',
  'staff.read',
  'staff.write',
  'grid.read',
  'grid.assign',
  'areas.write',
  'departments.read',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const readAll: Permission[] = ['parks.read', 'enterprises.read', 'staff.read', 'grid.read', 'departments.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: [...readAll, 'enterprises.export'],
  park_manager: [
    ...readAll,
    'enterprises.create',
    'enterprises.write',
    'enterprises.import',
    'enterprises.export',
    'contacts.write',
    'grid.assign',
  ],
  liaison: [...readAll, 'enterprises.write', 'contacts.write', 'enterprises.export'],
  dept_handler: ['parks.read', 'enterprises.read', 'staff.read', 'departments.read'],
  enterprise_contact: ['parks.read', 'enterprises.read', 'contacts.write'],
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of userRoles) for (const p of rolePermissions[r]) set.add(p);
  return permissions.filter((p) => set.has(p));
}
