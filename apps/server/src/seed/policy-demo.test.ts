import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db.js';
import { rowsOf, type DbHandle } from '../core/db.js';
import { contacts, users } from '../db/schema/index.js';
import { seedPolicyDemo, type PolicyDemoResult } from './policy-demo.js';
import { seedDemo } from './seed.js';

const NOW = new Date('2026-11-25T10:00:00+08:00');
let handle: DbHandle;
let first: PolicyDemoResult;

beforeAll(async () => {
  handle = await freshDb();
  await seedDemo(handle.db);
  first = await seedPolicyDemo(handle.db, NOW);
}, 180_000);
afterAll(async () => handle?.close());

const count = async (q: ReturnType<typeof sql>) => (await rowsOf<{ n: number }>(handle.db, q))[0]!.n;

describe('policy demo data', () => {
  it('loads the library, guides, indicators, matches, follow-ups in every status and applications in every state', async () => {
    expect(first!.policies).toBeGreaterThanOrEqual(45);
    expect(first!.guides).toBeGreaterThanOrEqual(105);
    expect(first!.indicators).toBeGreaterThan(2000);
    expect(first!.matches).toBeGreaterThan(0);
    const statuses = await rowsOf<{ status: string }>(handle.db, sql`SELECT DISTINCT status FROM policy_follow_ups ORDER BY status`);
    expect(statuses.map((r) => r.status)).toEqual(['applying', 'informed', 'not_interested', 'pending']);
    const states = await rowsOf<{ status: string }>(handle.db, sql`SELECT DISTINCT status FROM policy_applications ORDER BY status`);
    expect(states.map((r) => r.status)).toEqual(['approved', 'disbursed', 'prechecked', 'rejected', 'returned', 'submitted', 'withdrawn']);
    // Stored matches equal a fresh evaluation: every follow-up points at a stored eligible/nearly match.
    expect(await count(sql`SELECT count(*)::int AS n FROM policy_follow_ups f LEFT JOIN policy_matches m USING (policy_id, enterprise_id) WHERE m.policy_id IS NULL`)).toBe(0);
  });

  it("the first demo enterprise contact (ent0001) has policies it can apply for", async () => {
    const [c] = await handle.db.select({ enterpriseId: contacts.enterpriseId }).from(contacts).innerJoin(users, eq(users.id, contacts.userId)).where(eq(users.username, 'ent0001'));
    expect(await count(sql`SELECT count(*)::int AS n FROM policy_matches WHERE enterprise_id = ${c!.enterpriseId} AND verdict = 'eligible'`)).toBeGreaterThan(0);
  });

  it('a second run adds nothing', async () => {
    const before = await count(sql`SELECT ((SELECT count(*) FROM policies) + (SELECT count(*) FROM policy_applications) + (SELECT count(*) FROM policy_follow_ups) + (SELECT count(*) FROM enterprise_indicators))::int AS n`);
    const again = await seedPolicyDemo(handle.db, NOW);
    expect(again).toMatchObject({ policies: 0, guides: 0, indicators: 0, followUps: 0, applications: 0 });
    expect(await count(sql`SELECT ((SELECT count(*) FROM policies) + (SELECT count(*) FROM policy_applications) + (SELECT count(*) FROM policy_follow_ups) + (SELECT count(*) FROM enterprise_indicators))::int AS n`)).toBe(before);
  });
});
