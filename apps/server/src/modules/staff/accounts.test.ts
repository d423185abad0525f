import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixture.js';

const t = useTestApp();
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('staff accounts', () => {
  it('an admin creates a park manager who can log in with the parks as scope; others get 401/403', async () => {
    const body = { name: '新经理', username: 'newmgr', password: 'Secret123', roles: ['park_manager'], parkIds: [t.fx.parkB.id] };
    expect((await t.req(null, { method: 'POST', url: '/api/v1/staff', payload: body })).statusCode).toBe(401);
    expect((await t.req('manager', { method: 'POST', url: '/api/v1/staff', payload: body })).statusCode).toBe(403);
    const res = await t.req('admin', { method: 'POST', url: '/api/v1/staff', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '新经理', roles: ['park_manager'], active: true });
    const me = await login('newmgr', 'Secret123');
    expect(me.json().scope).toMatchObject({ kind: 'parks', parkIds: [t.fx.parkB.id] });
    const log = (await t.req('admin', { method: 'GET', url: `/api/v1/audit-logs?entityId=${res.json().id}` })).json();
    expect(JSON.stringify(log)).not.toContain('Secret123');
  });

  it('validates username, password strength, roles and duplicates', async () => {
    const bad = await t.req('admin', { method: 'POST', url: '/api/v1/staff', payload: { name: 'x', username: 'A', password: 'short', roles: ['enterprise_contact'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['username', 'password', 'roles.0']));
    const dup = await t.req('admin', { method: 'POST', url: '/api/v1/staff', payload: { name: 'x', username: 'admin', password: 'Secret123', roles: ['liaison'] } });
    expect(dup.statusCode).toBe(409);
    const noPark = await t.req('admin', { method: 'POST', url: '/api/v1/staff', payload: { name: 'x', username: 'mgr2', password: 'Secret123', roles: ['park_manager'] } });
    expect(noPark.json().error.details[0].path).toBe('parkIds');
  });

  it('deactivating ends the sessions and the login; an admin cannot deactivate themselves', async () => {
    const cookie = await t.as('liaison3');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const res = await t.req('admin', { method: 'PATCH', url: `/api/v1/staff/${t.fx.liaison3.staff!.id}`, payload: { active: false } });
    expect(res.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await login('liaison3', PASSWORD)).statusCode).toBe(401);
    expect((await t.req('admin', { method: 'PATCH', url: `/api/v1/staff/${t.fx.admin.staff!.id}`, payload: { active: false } })).statusCode).toBe(409);
    expect((await t.req('otheradmin', { method: 'PATCH', url: `/api/v1/staff/${t.fx.liaison2.staff!.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
  });

  it('an admin resets a password; the user changes their own, other sessions end', async () => {
    expect((await t.req('admin', { method: 'POST', url: `/api/v1/staff/${t.fx.dept1.staff!.id}/password`, payload: { password: 'Reset2026x' } })).statusCode).toBe(200);
    expect((await login('dept', PASSWORD)).statusCode).toBe(401);
    const first = (await login('dept', 'Reset2026x')).cookies[0]!;
    const second = (await login('dept', 'Reset2026x')).cookies[0]!;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: `yqt_session=${first.value}` }, payload: { currentPassword: 'nope', newPassword: 'Another99' } });
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: `yqt_session=${first.value}` }, payload: { currentPassword: 'Reset2026x', newPassword: 'Another99' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `yqt_session=${first.value}` } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `yqt_session=${second.value}` } })).statusCode).toBe(401);
    expect((await login('dept', 'Another99')).statusCode).toBe(200);
  });
});
