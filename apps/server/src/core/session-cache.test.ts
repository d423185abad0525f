import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createEventBus } from './events.js';
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.js';
import type { Actor } from './actor.js';

let now = new Date('2026-11-25T09:00:00+08:00');
const t = useTestApp({ clock: () => now });
const actor = (userId: string) => ({ userId }) as Actor;

describe('session cache', () => {
  it('keeps an entry for less than the TTL by the app clock, drops one token or all of a user', () => {
    const c = new SessionCache();
    c.set('a', actor('u1'), 0, c.mark());
    c.set('b', actor('u1'), 0, c.mark());
    c.set('c', actor('u2'), 0, c.mark());
    expect(c.get('a', SESSION_CACHE_TTL_MS - 1)?.userId).toBe('u1');
    expect(c.get('a', SESSION_CACHE_TTL_MS)).toBeNull();
    c.invalidate('u1', 'b');
    expect(c.get('b', 1)).toBeNull();
    expect(c.get('c', 1)?.userId).toBe('u2');
    c.set('d', actor('u2'), 0, c.mark());
    c.invalidate('u2');
    expect(c.get('c', 1)).toBeNull();
    expect(c.get('d', 1)).toBeNull();
  });

  it('does not cache a session read before an invalidation that arrived meanwhile', () => {
    const c = new SessionCache();
    const mark = c.mark(); // lookup starts…
    c.invalidate('u1'); // …the user is demoted meanwhile…
    c.set('a', actor('u1'), 0, mark); // …the stale read must not be cached
    expect(c.get('a', 1)).toBeNull();
  });

  it('a revoked session stops working at once on an instance that hears of it, and within the TTL on one that does not', async () => {
    const me = (app: typeof t.app, cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    const config = { ...loadConfig({}), logLevel: 'silent' as const, webDist: null };
    // B shares A's bus (the NOTIFY path works); C has its own (the message was lost).
    const b = await buildApp(config, { db: t.handle.db, clock: () => now, bus: t.app.bus });
    const c = await buildApp(config, { db: t.handle.db, clock: () => now, bus: await createEventBus() });
    try {
      const cookie = await t.as('liaison2');
      for (const app of [t.app, b, c]) expect((await me(app, cookie)).statusCode).toBe(200); // cached everywhere now
      const staffId = t.fx.liaison2.staff!.id;
      const res = await t.req('admin', { method: 'PATCH', url: `/api/v1/staff/${staffId}`, payload: { active: false } });
      expect(res.statusCode).toBe(200);
      expect((await me(t.app, cookie)).statusCode).toBe(401);
      expect((await me(b, cookie)).statusCode).toBe(401);
      expect((await me(c, cookie)).statusCode).toBe(200); // the bounded staleness, documented in decision 008
      now = new Date(now.getTime() + SESSION_CACHE_TTL_MS);
      expect((await me(c, cookie)).statusCode).toBe(401);
    } finally {
      await b.close();
      await c.close();
    }
  });
});
