import { permissionsOf, type Role } from '@yqt/contracts';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { sessions } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { rowsOf, type Db } from './db.js';
import { AppError } from './errors.js';
import type { EventBus } from './events.js';
import { SessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'yqt_session';
// Sliding expiry is refreshed at most this often, so ordinary reads do not write.
const REFRESH_EVERY_MS = 5 * 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now: Date, ttlMs: number, ip: string, userAgent: string | null) {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function deleteSession(db: Db, bus: EventBus, actor: { operatorId: string; userId: string } | null, token: string) {
  const tokenHash = hashToken(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (actor) bus.publish({ type: 'session.invalidate', operatorId: actor.operatorId, userId: actor.userId, tokenHash });
}

/** After a commit that ended a user's sessions or changed their roles or scope: drop cached sessions everywhere. */
export function invalidateSessions(bus: EventBus, operatorId: string, userId: string) {
  bus.publish({ type: 'session.invalidate', operatorId, userId });
}

type SessionRow = {
  user_id: string;
  username: string;
  display_name: string;
  operator_id: string;
  operator_name: string;
  roles: Role[];
  last_seen_at: Date | string;
  staff_id: string | null;
  department_id: string | null;
  enterprise_id: string | null;
  park_ids: string[] | null;
};

/** One query: session → user → staff/contact → managed parks. */
export async function actorForToken(db: Db, token: string, now: Date, ttlMs: number): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await rowsOf<SessionRow>(
    db,
    sql`SELECT u.id AS user_id, u.username, u.display_name, u.operator_id, o.name AS operator_name, u.roles,
               s.last_seen_at, st.id AS staff_id, st.department_id, c.enterprise_id,
               (SELECT array_agg(sp.park_id::text) FROM staff_parks sp WHERE sp.staff_id = st.id) AS park_ids
          FROM sessions s
          JOIN users u ON u.id = s.user_id
          JOIN operators o ON o.id = u.operator_id
          LEFT JOIN staff st ON st.user_id = u.id
          LEFT JOIN contacts c ON c.user_id = u.id
         WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now.toISOString()} AND NOT u.disabled
         LIMIT 1`,
  );
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > REFRESH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const roles = row.roles;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    roles,
    permissions: new Set(permissionsOf(roles)),
    staffId: row.staff_id,
    departmentId: row.department_id,
    parkIds: row.park_ids ?? [],
    enterpriseId: row.enterprise_id,
  };
}

/**
 * First of the three places: authenticate everything under /api/v1 in one hook.
 * Routes opt out with `config: { public: true }` (login, public policy pages).
 */
export function registerAuthentication(app: FastifyInstance, ttlMs: number) {
  const cache = new SessionCache();
  const unsubscribe = app.bus.subscribe((e) => {
    if (e.type === 'session.invalidate') cache.invalidate(e.userId, e.tokenHash);
  });
  app.addHook('onClose', async () => unsubscribe());
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = app.clock();
      const hash = hashToken(token);
      request.actor = cache.get(hash, now.getTime());
      if (!request.actor) {
        const mark = cache.mark();
        request.actor = await actorForToken(app.db, token, now, ttlMs);
        if (request.actor) cache.set(hash, request.actor, now.getTime(), mark);
      }
    }
    if (!request.actor && !request.routeOptions.config?.public) {
      throw new AppError('UNAUTHENTICATED', '请先登录');
    }
  });
}

/**
 * CSRF defence for cookie sessions: cookies are SameSite=Lax, JSON bodies force a CORS preflight,
 * and every unsafe request whose Origin (or Referer) names another host is refused.
 */
export function registerCsrfGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    const origin = request.headers.origin ?? request.headers.referer;
    if (!origin) return; // non-browser clients (curl, integrations) send none and carry no ambient cookie risk
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('FORBIDDEN', '请求来源无效');
    }
    if (host !== request.headers.host) throw new AppError('FORBIDDEN', '跨站请求被拒绝');
  });
}
