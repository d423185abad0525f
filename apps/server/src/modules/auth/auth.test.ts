import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixture.js';

const t = useTestApp();

describe('auth', () => {
  it('logs in with an HttpOnly SameSite cookie and returns roles and scope', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'manager', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yqt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.roles).toEqual(['park_manager']);
    expect(me.scope).toMatchObject({ kind: 'parks', parkIds: [t.fx.parkA.id] });
    expect(me.permissions).toContain('grid.assign');
  });

  it('returns 401 with the error envelope for a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    expect(res.json().error.requestId).toBeTruthy();
  });

  it('rejects a login body with missing fields and unknown fields, naming each', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['password', 'extra']));
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });

  it('answers 401 for /me without a session and 200 with one', async () => {
    expect((await t.req(null, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const me = await t.req('contact', { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().scope).toMatchObject({ kind: 'enterprise', enterpriseId: t.fx.entA1.id });
  });

  it('logout deletes the session server-side', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'dept', password: PASSWORD } });
    const cookie = `yqt_session=${login.cookies[0]!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('rate-limits an account after 10 failures with a clear 429, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'liaison3', password: 'bad' }, remoteAddress: `10.0.0.${i}` });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'liaison3', password: PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('900');
  });

  it('refuses cross-site writes (CSRF) by Origin', async () => {
    const res = await t.req('admin', { method: 'POST', url: '/api/v1/auth/logout', headers: { origin: 'https://evil.example', host: 'localhost:80' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('platform endpoints', () => {
  it('health is ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });
  it('serves an OpenAPI 3.1 document listing the registry routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/enterprises', '/api/v1/enterprises/{id}', '/api/v1/parks', '/api/v1/staff', '/api/v1/auth/login']));
  });
  it('unknown API paths are JSON 404s', async () => {
    const res = await t.req('admin', { method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
