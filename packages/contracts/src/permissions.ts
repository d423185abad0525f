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
  'requests.read',
  'requests.create',
  'requests.act',
  'sla.preview',
  'metrics.read',
  'apikeys.manage',
  'sla.manage',
] as const;
export type Permission = (typeof permissions)[number];

const readAll: Permission[] = ['parks.read', 'enterprises.read', 'staff.read', 'grid.read', 'departments.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  // Leaders act only on the key difficult problems they own (the lifecycle table limits them).
  leader: [...readAll, 'enterprises.export', 'requests.read', 'requests.act', 'metrics.read'],
  park_manager: [
    ...readAll,
    'enterprises.create',
    'enterprises.write',
    'enterprises.import',
    'enterprises.export',
    'contacts.write',
    'grid.assign',
    'requests.read',
    'requests.create',
    'requests.act',
    'sla.preview',
    'metrics.read',
  ],
  liaison: [...readAll, 'enterprises.write', 'contacts.write', 'enterprises.export', 'requests.read', 'requests.create', 'requests.act'],
  dept_handler: ['parks.read', 'enterprises.read', 'staff.read', 'departments.read', 'requests.read', 'requests.act'],
  enterprise_contact: ['parks.read', 'enterprises.read', 'contacts.write', 'requests.read', 'requests.create', 'requests.act'],
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of userRoles) for (const p of rolePermissions[r]) set.add(p);
  return permissions.filter((p) => set.has(p));
}
