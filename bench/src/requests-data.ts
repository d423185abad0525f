/**
 * Organisation set-up for the requests benchmark, engine-agnostic (drizzle): the registry
 * generator's operator, parks, liaison officers and enterprises, then what requests need on top —
 * the default categories and SLA policies (the server's own ensureRequestDefaults), one park
 * manager per park, area leaders, a leader, and a few hundred enterprise-contact logins.
 *
 * Sessions for the contacts are minted directly in the `sessions` table (same token hashing as
 * the server) instead of a few hundred scrypt logins; staff log in through the real endpoint.
 * BENCHMARK DATA ONLY: every bench user shares one password hash (see generate.ts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../apps/server/src/core/db.js';
import { hashToken } from '../../apps/server/src/core/auth.js';
import { areas, contacts, requestCategories, sessions, slaPolicies, staff, staffParks, users } from '../../apps/server/src/db/schema/index.js';
import { ensureRequestDefaults } from '../../apps/server/src/modules/requests/defaults.js';
import { generateDataset, insertDataset, type Dataset } from './generate.js';

export type Category = { id: string; code: string; name: string; parentId: string | null };
export type ContactLogin = { userId: string; username: string; enterpriseId: string; cookie: string };
export type OrgInfo = {
  data: Dataset;
  operatorId: string;
  categories: Category[];
  defaultPolicyId: string;
  outagePolicyId: string;
  /** Park managers: one per park, username bench_pm_NN, roles ['park_manager']. */
  parkManagers: { username: string; staffId: string; parkId: string }[];
  contacts: ContactLogin[];
  insertMs: number;
};

const SESSION_TTL_MS = 7 * 24 * 3600_000;

/** Inserts a session row for a user and returns the cookie pair (what a login would set). */
export async function mintSession(db: Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), ip: '127.0.0.1', userAgent: 'bench' });
  return `yqt_session=${token}`;
}

export async function setupOrg(db: Db, opts: { enterprises: number; liaisons: number; contacts: number }): Promise<OrgInfo> {
  const t0 = performance.now();
  const data = await generateDataset({ enterprises: opts.enterprises, liaisons: opts.liaisons });
  await insertDataset(db, data, false);
  const operatorId = data.operator.id;
  await ensureRequestDefaults(db, operatorId);
  const passwordHash = data.users[0]!.passwordHash;

  // One park manager per park.
  const parkManagers: OrgInfo['parkManagers'] = [];
  for (const [i, park] of data.parks.entries()) {
    const userId = randomUUID();
    const staffId = randomUUID();
    const username = `bench_pm_${String(i + 1).padStart(2, '0')}`;
    await db.insert(users).values({ id: userId, operatorId, username, displayName: `园区主管${i + 1}`, passwordHash, roles: ['park_manager'] });
    await db.insert(staff).values({ id: staffId, operatorId, userId, name: `园区主管${i + 1}`, title: '园区主管', departmentId: data.departments[0]!.id });
    await db.insert(staffParks).values({ staffId, parkId: park.id });
    parkManagers.push({ username, staffId, parkId: park.id });
  }
  // A leader (receives level-4 escalations) and an area leader per area (level 2): the first officer of each area.
  const leaderUser = randomUUID();
  await db.insert(users).values({ id: leaderUser, operatorId, username: 'bench_leader', displayName: '分管领导', passwordHash, roles: ['leader'] });
  await db.insert(staff).values({ operatorId, userId: leaderUser, name: '分管领导', title: '副主任' });
  for (const a of data.areas) {
    const first = data.staff.find((s) => s.areaId === a.id);
    if (first) await db.update(areas).set({ leaderStaffId: first.id }).where(eq(areas.id, a.id));
  }

  // Enterprise-contact logins: the primary contact of active enterprises that have an officer.
  const chosen = data.enterprises.filter((e) => e.status === 'active' && e.liaisonId).slice(0, opts.contacts);
  const contactByEnterprise = new Map(data.contacts.map((c) => [c.enterpriseId, c]));
  const contactLogins: ContactLogin[] = [];
  const userRows: (typeof users.$inferInsert)[] = [];
  for (const [i, e] of chosen.entries()) {
    const c = contactByEnterprise.get(e.id)!;
    const userId = randomUUID();
    const username = `bench_contact_${String(i + 1).padStart(4, '0')}`;
    userRows.push({ id: userId, operatorId, username, displayName: c.name, passwordHash, roles: ['enterprise_contact'] });
    contactLogins.push({ userId, username, enterpriseId: e.id, cookie: '' });
  }
  for (let i = 0; i < userRows.length; i += 500) await db.insert(users).values(userRows.slice(i, i + 500));
  for (const [i, e] of chosen.entries()) {
    await db.update(contacts).set({ userId: contactLogins[i]!.userId }).where(eq(contacts.id, contactByEnterprise.get(e.id)!.id));
  }
  for (const c of contactLogins) c.cookie = await mintSession(db, c.userId);

  const categories = await db
    .select({ id: requestCategories.id, code: requestCategories.code, name: requestCategories.name, parentId: requestCategories.parentId })
    .from(requestCategories)
    .where(eq(requestCategories.operatorId, operatorId));
  const policies = await db
    .select({ id: slaPolicies.id, key: slaPolicies.policyKey })
    .from(slaPolicies)
    .where(and(eq(slaPolicies.operatorId, operatorId), inArray(slaPolicies.policyKey, ['default', 'utilities.outage'])));
  await db.execute(sql`ANALYZE`);
  return {
    data,
    operatorId,
    categories,
    defaultPolicyId: policies.find((p) => p.key === 'default')!.id,
    outagePolicyId: policies.find((p) => p.key === 'utilities.outage')!.id,
    parkManagers,
    contacts: contactLogins,
    insertMs: performance.now() - t0,
  };
}
