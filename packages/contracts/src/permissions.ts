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
  // 惠企政策 (issue 4). Reading published policies and service guides needs no login at all.
  'policies.manage', // draft, edit rules, publish, withdraw; see drafts and every enterprise's matches
  'policies.followup', // work the 政策找企业 checklist of one's grid
  'guides.manage',
  'indicators.read',
  'indicators.write',
  'indicators.import',
  'matches.read',
  'applications.read',
  'applications.create',
  'applications.act',
  'applications.stats',
] as const;
export type Permission = (typeof permissions)[number];

const readAll: Permission[] = ['parks.read', 'enterprises.read', 'staff.read', 'grid.read', 'departments.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  // Leaders act only on the key difficult problems they own (the lifecycle table limits them).
  leader: [...readAll, 'enterprises.export', 'requests.read', 'requests.act', 'metrics.read', 'indicators.read', 'matches.read', 'applications.read', 'applications.stats'],
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
    'policies.manage',
    'policies.followup',
    'indicators.read',
    'indicators.write',
    'indicators.import',
    'matches.read',
    'applications.read',
    'applications.act',
    'applications.stats',
  ],
  liaison: [
    ...readAll,
    'enterprises.write',
    'contacts.write',
    'enterprises.export',
    'requests.read',
    'requests.create',
    'requests.act',
    'policies.followup',
    'indicators.read',
    'indicators.write',
    'matches.read',
    'applications.read',
    'applications.act',
  ],
  // 企业服务部 and other departments: they draft policies and guides and review applications.
  dept_handler: [
    'parks.read',
    'enterprises.read',
    'staff.read',
    'departments.read',
    'requests.read',
    'requests.act',
    'policies.manage',
    'guides.manage',
    'indicators.read',
    'matches.read',
    'applications.read',
    'applications.act',
    'applications.stats',
  ],
  // Always limited to their own enterprise by the services.
  enterprise_contact: [
    'parks.read',
    'enterprises.read',
    'contacts.write',
    'requests.read',
    'requests.create',
    'requests.act',
    'indicators.read',
    'indicators.write',
    'matches.read',
    'applications.read',
    'applications.create',
    'applications.act',
  ],
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const r of userRoles) for (const p of rolePermissions[r]) set.add(p);
  return permissions.filter((p) => set.has(p));
}
