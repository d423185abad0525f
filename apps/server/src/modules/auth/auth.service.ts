import { and, count, eq, gt } from 'drizzle-orm';
import { loginFailures, users } from '../../db/schema/index.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { verifyPassword } from '../../core/passwords.js';
import { createSession } from '../../core/auth.js';

// Failed attempts allowed in the window before login is refused with 429.
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;

type LoginInput = { username: string; password: string; ip: string; userAgent: string | null; now: Date; ttlMs: number };

/**
 * Verifies credentials and opens a session. Failures are counted in the database so the
 * per-account and per-IP limits hold across every server instance.
 */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; userId: string }> {
  const since = new Date(input.now.getTime() - LOGIN_WINDOW_MS);
  const username = input.username.trim();
  const [acc] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, input.ip), gt(loginFailures.at, since)));
  if ((acc?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', '登录失败次数过多，请15分钟后再试', null, {
      'retry-after': String(LOGIN_WINDOW_MS / 1000),
    });
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  // Verify even when the user is unknown so timing does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await db.insert(loginFailures).values({ username, ip: input.ip, at: input.now });
    throw new AppError('UNAUTHENTICATED', user?.disabled && ok ? '账号已停用' : '用户名或密码错误');
  }
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
  const token = await createSession(db, user.id, input.now, input.ttlMs, input.ip, input.userAgent);
  return { token, userId: user.id };
}

// A valid scrypt hash of a random password; used only to equalise timing.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$N2Q2ZmE3YjQ4ZTJhOTFjMGU1ZDNiOGE2ZjRjMmUxYjA=';
