import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { DbHandle } from '../src/core/db.js';
import { freshDb } from './db.js';
import { PASSWORD, seedFixture, type Fixture } from './fixture.js';

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  fx: Fixture;
  /** Cookie header value for a fixture user. */
  as(username: string): Promise<string>;
  /** inject() as a user (or anonymously with `null`). */
  req(username: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
};

/** One app + fresh database + fixture per test file. Time can be pinned via `clock`. */
export function useTestApp(opts: { clock?: () => Date } = {}): TestApp {
  const t = {} as TestApp;
  // Cached per user; tests that move the clock forward by days get a fresh session.
  const cookies = new Map<string, { header: string; at: number }>();
  const clockNow = () => (opts.clock ?? (() => new Date()))().getTime();
  beforeAll(async () => {
    t.handle = await freshDb();
    t.fx = await seedFixture(t.handle.db);
    const config = { ...loadConfig({}), logLevel: 'silent' as const, webDist: null };
    t.app = await buildApp(config, { db: t.handle.db, clock: opts.clock });
    t.as = async (username) => {
      const cached = cookies.get(username);
      if (cached && Math.abs(clockNow() - cached.at) < 6 * 3600_000) return cached.header;
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'yqt_session')!;
      const header = `yqt_session=${c.value}`;
      cookies.set(username, { header, at: clockNow() });
      return header;
    };
    t.req = async (username, o) => {
      const headers = { ...(o.headers ?? {}) } as Record<string, string>;
      if (username) headers.cookie = await t.as(username);
      return t.app.inject({ ...o, headers });
    };
  }, 60_000);
  afterAll(async () => {
    await t.app?.close();
    await t.handle?.close();
  });
  return t;
}
