import { count, eq, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../core/db.js';
import { verifyPassword } from '../core/passwords.js';
import * as s from '../db/schema/index.js';
import { demoAccounts, seedDemo } from './seed.js';

let handle: DbHandle;

beforeAll(async () => {
  handle = await createDb({ engine: 'pglite' });
  await handle.migrate();
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

const rows = async (table: PgTable) => (await handle.db.select({ n: count() }).from(table))[0]!.n;

describe('seedDemo on PGlite', () => {
  it('inserts the demo data in one go', async () => {
    const t0 = performance.now();
    const result = await seedDemo(handle.db);
    const ms = performance.now() - t0;
    console.log(`seedDemo: ${Math.round(ms)} ms`, result);
    expect(result).toMatchObject({ enterprises: 900, skipped: false });
    expect(result.staff).toBeGreaterThan(190);
    expect(result.users).toBe(result.staff + 20);

    expect(await rows(s.operators)).toBe(1);
    expect(await rows(s.parks)).toBe(10);
    expect(await rows(s.enterprises)).toBe(900);
    expect(await rows(s.staff)).toBe(result.staff);
    expect(await rows(s.users)).toBe(result.users);
    expect(await rows(s.departments)).toBe(8);
    expect(await rows(s.areas)).toBe(12);
    expect(await rows(s.staffParks)).toBe(10);
    expect(await rows(s.contacts)).toBeGreaterThanOrEqual(900);
    const open = await handle.db.select({ n: count() }).from(s.liaisonAssignments).where(isNull(s.liaisonAssignments.endedAt));
    const assigned = await handle.db.select({ n: count() }).from(s.enterprises).where(eq(s.enterprises.status, 'active'));
    expect(open[0]!.n).toBeGreaterThanOrEqual(assigned[0]!.n);
  }, 60_000);

  it('stores working password hashes for the demo accounts', async () => {
    for (const a of demoAccounts) {
      const [u] = await handle.db.select().from(s.users).where(eq(s.users.username, a.username));
      expect(u, a.username).toBeDefined();
      expect(u!.roles).toContain(a.role);
      expect(await verifyPassword(a.password, u!.passwordHash)).toBe(true);
    }
  });

  it('is a no-op the second time (operator gkyc already exists)', async () => {
    const again = await seedDemo(handle.db);
    expect(again).toEqual({ enterprises: 0, staff: 0, users: 0, skipped: true });
    expect(await rows(s.enterprises)).toBe(900);
  });
});
