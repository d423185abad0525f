/**
 * Inserts the demo data (generate.ts) into an empty database.
 *
 * Idempotent by design: if the operator `gkyc` already exists, seedDemo does nothing and returns
 * zero counts with `skipped: true` — so it is safe to call on every start. All rows go in ONE
 * transaction: either the whole demo exists or none of it. If two instances seed at once, the
 * loser's transaction fails on the unique operator code and is reported as skipped as well.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '@yqt/contracts';
import type { Db, Tx } from '../core/db.js';
import { hashPassword } from '../core/passwords.js';
import {
  areas,
  buildings,
  contacts,
  departments,
  enterprises,
  liaisonAssignments,
  operators,
  parks,
  staff,
  staffParks,
  units,
  users,
} from '../db/schema/index.js';
import { DEMO_OPERATOR_CODE, DEMO_PASSWORD, DEMO_SEED, generateDemo } from './generate.js';

export type SeedResult = { enterprises: number; staff: number; users: number; skipped: boolean };

/** Logins printed on the console at start and listed in the README. All share one password. */
export const demoAccounts: readonly { username: string; password: string; role: Role; description: string }[] = [
  { username: 'admin', password: DEMO_PASSWORD, role: 'admin', description: '平台管理员：全部数据、联片与网格调整、审计日志' },
  { username: 'leader', password: DEMO_PASSWORD, role: 'leader', description: '园区领导：只读查看全部园区、企业与联络员网格（leader02–leader03 同）' },
  { username: 'manager01', password: DEMO_PASSWORD, role: 'park_manager', description: '园区经理：动力谷自主创新园（manager02–manager10 依次对应其余九个园区）' },
  { username: 'liaison01', password: DEMO_PASSWORD, role: 'liaison', description: '企业联络员：动力谷一片区，网格内 6 家企业（area01–area12 为各联片组长）' },
  { username: 'dept01', password: DEMO_PASSWORD, role: 'dept_handler', description: '承办部门人员：企业服务部（dept02–dept10 分属物业、市政协调办等部门）' },
  { username: 'ent0001', password: DEMO_PASSWORD, role: 'enterprise_contact', description: '企业联系人：动力谷自主创新园内一家企业的主要联系人，联络员为 liaison01（ent0002–ent0020 同理）' },
];

const BATCH = 500;

async function insertBatched<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function operatorExists(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, DEMO_OPERATOR_CODE)).limit(1);
  return rows.length > 0;
}

export async function seedDemo(db: Db, seed: number = DEMO_SEED): Promise<SeedResult> {
  const skipped: SeedResult = { enterprises: 0, staff: 0, users: 0, skipped: true };
  // Cheap check first, so a normal restart hashes nothing.
  if (await operatorExists(db)) return skipped;

  const data = generateDemo(seed);
  // Hashing happens before the transaction (scrypt runs on libuv's thread pool, in parallel).
  // Every user gets its own salt, demo or not (~4 s once, on the first start of a 2-core machine).
  const userRows = await Promise.all(
    data.users.map(async ({ password, ...u }) => ({ ...u, passwordHash: await hashPassword(password) })),
  );

  try {
    return await db.transaction(async (tx) => {
      if (await operatorExists(tx)) return skipped;
      await tx.insert(operators).values(data.operator);
      await tx.insert(parks).values(data.parks);
      await insertBatched(data.buildings, (c) => tx.insert(buildings).values(c));
      await insertBatched(data.units, (c) => tx.insert(units).values(c));
      await tx.insert(departments).values(data.departments);
      await tx.insert(areas).values(data.areas);
      await insertBatched(userRows, (c) => tx.insert(users).values(c));
      await insertBatched(data.staff, (c) => tx.insert(staff).values(c));
      await tx.insert(staffParks).values(data.staffParks);
      await insertBatched(data.enterprises, (c) => tx.insert(enterprises).values(c));
      await insertBatched(data.contacts, (c) => tx.insert(contacts).values(c));
      await insertBatched(data.liaisonAssignments, (c) => tx.insert(liaisonAssignments).values(c));
      return { enterprises: data.enterprises.length, staff: data.staff.length, users: userRows.length, skipped: false };
    });
  } catch (err) {
    // Another instance seeded concurrently (unique operator code / username): treat as done.
    if (isUniqueViolation(err) && (await operatorExists(db))) return skipped;
    throw err;
  }
}
