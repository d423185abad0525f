/**
 * The demo Open311 integrator: API key `demo-open311-key` for operator `gkyc`, mapped to the
 * enterprise whose primary contact logs in as ent0001, acting as service user `open311-demo`.
 *
 * Idempotent (safe on every start, and when two instances start together: the unique key hash
 * and username decide). Does nothing when the demo operator or ent0001 does not exist.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { apiKeys, contacts, operators, users } from '../db/schema/index.js';
import { hashApiKey, insertServiceUser } from '../modules/open311/index.js';
import { DEMO_OPERATOR_CODE } from './generate.js';

export const DEMO_API_KEY = 'demo-open311-key';
export const DEMO_API_USERNAME = 'open311-demo';
export const DEMO_API_KEY_NAME = '演示集成方 (12345 热线对接)';

export type DemoApiKeyResult = { created: boolean; enterpriseId: string } | null;

export async function ensureDemoApiKey(db: Db): Promise<DemoApiKeyResult> {
  const keyHash = hashApiKey(DEMO_API_KEY);
  const [existing] = await db.select({ enterpriseId: apiKeys.enterpriseId }).from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  if (existing) return { created: false, enterpriseId: existing.enterpriseId! };

  const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, DEMO_OPERATOR_CODE)).limit(1);
  if (!op) return null;
  const [ent] = await db
    .select({ enterpriseId: contacts.enterpriseId })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.userId))
    .where(and(eq(users.username, 'ent0001'), eq(contacts.isPrimary, true), eq(contacts.operatorId, op.id)))
    .limit(1);
  if (!ent) return null;

  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_API_USERNAME)).limit(1);
    const userId = user?.id ?? (await insertServiceUser(tx, op.id, DEMO_API_USERNAME, '演示集成方'));
    const inserted = await tx
      .insert(apiKeys)
      .values({ operatorId: op.id, name: DEMO_API_KEY_NAME, keyHash, prefix: DEMO_API_KEY.slice(0, 12), enterpriseId: ent.enterpriseId, channel: 'api', userId })
      .onConflictDoNothing()
      .returning({ id: apiKeys.id });
    return { created: inserted.length > 0, enterpriseId: ent.enterpriseId };
  });
}
