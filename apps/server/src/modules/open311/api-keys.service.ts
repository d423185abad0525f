import { permissionsOf, type Channel } from '@yqt/contracts';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { hashToken } from '../../core/auth.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { hashPassword } from '../../core/passwords.js';
import { apiKeys, enterprises, operators, users } from '../../db/schema/index.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { loadScoped } from '../enterprises/index.js';
import type { ApiKey, ApiKeyCreate } from './api-keys.schemas.js';

/** Keys are compared by SHA-256 only (the same digest as session tokens); the plaintext is never stored. */
export const hashApiKey = hashToken;
/** How many leading characters of a key are kept in clear, to tell keys apart in the list. */
export const PREFIX_LENGTH = 12;
/** `last_used_at` is refreshed at most this often, so reads with a key do not write on every call. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** 32 random bytes, base64url, with a recognisable prefix (secret scanners, support calls). */
export const newApiKey = () => `yqt_${randomBytes(32).toString('base64url')}`;

/**
 * The login a key acts as. It cannot log in: its password is random and never known to anyone.
 * Role enterprise_contact, but the Actor built from a key never reads roles from this row.
 */
export async function insertServiceUser(db: DbOrTx, operatorId: string, username: string, displayName: string) {
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const [u] = await db.insert(users).values({ operatorId, username, displayName, passwordHash, roles: ['enterprise_contact'] }).returning({ id: users.id });
  return u!.id;
}

export type ResolvedKey = {
  id: string;
  name: string;
  operatorId: string;
  operatorCode: string;
  operatorName: string;
  enterpriseId: string | null;
  channel: Channel;
  userId: string;
  username: string;
  displayName: string;
};

/** The active key with this plaintext, acting as an enabled service user; null otherwise (caller answers 403). */
export async function resolveApiKey(db: DbOrTx, plaintext: string, now: Date): Promise<ResolvedKey | null> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      operatorId: apiKeys.operatorId,
      operatorCode: operators.code,
      operatorName: operators.name,
      enterpriseId: apiKeys.enterpriseId,
      channel: apiKeys.channel,
      active: apiKeys.active,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      disabled: users.disabled,
    })
    .from(apiKeys)
    .innerJoin(operators, eq(operators.id, apiKeys.operatorId))
    .leftJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, hashApiKey(plaintext)))
    .limit(1);
  if (!row || !row.active || !row.userId || row.disabled) return null;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)))));
  return {
    id: row.id,
    name: row.name,
    operatorId: row.operatorId,
    operatorCode: row.operatorCode,
    operatorName: row.operatorName,
    enterpriseId: row.enterpriseId,
    channel: row.channel as Channel,
    userId: row.userId,
    username: row.username!,
    displayName: row.displayName!,
  };
}

/**
 * The Actor a key files as: an enterprise contact of exactly one enterprise (the key's, or for a
 * channel key the one named by account_id), whatever roles the service user row may have been given.
 */
export function actorForKey(key: ResolvedKey, enterpriseId: string): Actor {
  return {
    userId: key.userId,
    username: key.username,
    displayName: key.displayName,
    operatorId: key.operatorId,
    operatorName: key.operatorName,
    roles: ['enterprise_contact'],
    permissions: new Set(permissionsOf(['enterprise_contact'])),
    staffId: null,
    departmentId: null,
    parkIds: [],
    enterpriseId,
  };
}

const columns = {
  k: apiKeys,
  enterpriseName: enterprises.name,
  username: users.username,
};

function base(db: DbOrTx) {
  return db.select(columns).from(apiKeys).leftJoin(enterprises, eq(enterprises.id, apiKeys.enterpriseId)).leftJoin(users, eq(users.id, apiKeys.userId));
}

function toDto({ k, enterpriseName, username }: { k: typeof apiKeys.$inferSelect; enterpriseName: string | null; username: string | null }): ApiKey {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    enterpriseId: k.enterpriseId,
    enterpriseName,
    channel: k.channel as Channel,
    userId: k.userId,
    username,
    active: k.active,
    createdAt: toShanghaiIso(k.createdAt),
    lastUsedAt: k.lastUsedAt ? toShanghaiIso(k.lastUsedAt) : null,
  };
}

async function findKey(db: DbOrTx, operatorId: string, id: string) {
  const [row] = await base(db)
    .where(and(eq(apiKeys.operatorId, operatorId), eq(apiKeys.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listKeys(ctx: Ctx): Promise<ApiKey[]> {
  const rows = await base(ctx.db).where(eq(apiKeys.operatorId, ctx.actor.operatorId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toDto);
}

/**
 * Issues a key for an integrator, with its own service user. The plaintext is returned here once
 * and never again: only its SHA-256 and its first characters are stored.
 */
export async function issueKey(ctx: Ctx, input: ApiKeyCreate): Promise<ApiKey & { key: string }> {
  // Only enterprises of the administrator's operator (404 otherwise, like every out-of-scope id).
  if (input.enterpriseId) await loadScoped(ctx.db, ctx, input.enterpriseId);
  const key = newApiKey();
  const prefix = key.slice(0, PREFIX_LENGTH);
  const id = await ctx.db.transaction(async (tx) => {
    const userId = await insertServiceUser(tx, ctx.actor.operatorId, `api-${randomBytes(6).toString('hex')}`, input.name);
    const [row] = await tx
      .insert(apiKeys)
      .values({
        operatorId: ctx.actor.operatorId,
        name: input.name,
        keyHash: hashApiKey(key),
        prefix,
        enterpriseId: input.enterpriseId ?? null,
        channel: input.channel ?? 'api',
        userId,
        active: true,
        createdAt: ctx.now,
      })
      .returning();
    const { keyHash: _hash, ...after } = row!;
    await audit(tx, ctx, { action: 'apikey.create', entityType: 'api_key', entityId: row!.id, after });
    return row!.id;
  });
  const row = await findKey(ctx.db, ctx.actor.operatorId, id);
  return { ...toDto(row!), key };
}

/** Deactivates a key (kept for the record: requests filed with it still name its service user). Idempotent. */
export async function deactivateKey(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findKey(tx, ctx.actor.operatorId, id);
    if (!row) throw notFound('API 密钥');
    if (!row.k.active) return;
    await tx.update(apiKeys).set({ active: false }).where(eq(apiKeys.id, id));
    await audit(tx, ctx, { action: 'apikey.deactivate', entityType: 'api_key', entityId: id, before: { active: true }, after: { active: false } });
  });
}
