import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();
const url = (id: string, contactId?: string) => `/api/v1/enterprises/${id}/contacts${contactId ? `/${contactId}` : ''}`;

describe('contacts', () => {
  it('authorization matrix for adding a contact', async () => {
    const payload = { name: '李经理', phone: '0731-28888888' };
    expect((await t.req(null, { method: 'POST', url: url(t.fx.entA1.id), payload })).statusCode).toBe(401);
    expect((await t.req('leader', { method: 'POST', url: url(t.fx.entA1.id), payload })).statusCode).toBe(403);
    expect((await t.req('liaison2', { method: 'POST', url: url(t.fx.entA2.id), payload })).statusCode).toBe(403);
    expect((await t.req('contact', { method: 'POST', url: url(t.fx.entB1.id), payload })).statusCode).toBe(404);
    const own = await t.req('contact', { method: 'POST', url: url(t.fx.entA1.id), payload });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ name: '李经理', isPrimary: false, hasAccount: false });
  });

  it('keeps a single primary contact', async () => {
    const res = await t.req('liaison1', { method: 'POST', url: url(t.fx.entA1.id), payload: { name: '王总', isPrimary: true } });
    expect(res.statusCode).toBe(201);
    const e = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA1.id}` })).json();
    expect(e.contacts.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { name: string }) => c.name)).toEqual(['王总']);
  });

  it('updates and deletes with audit, 404 for a contact of another enterprise', async () => {
    const created = (await t.req('admin', { method: 'POST', url: url(t.fx.entA2.id), payload: { name: '赵会计' } })).json();
    const upd = await t.req('admin', { method: 'PATCH', url: url(t.fx.entA2.id, created.id), payload: { title: '财务' } });
    expect(upd.json().title).toBe('财务');
    expect((await t.req('admin', { method: 'DELETE', url: url(t.fx.entB1.id, created.id) })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'DELETE', url: url(t.fx.entA2.id, created.id) })).statusCode).toBe(200);
    const log = (await t.req('admin', { method: 'GET', url: `/api/v1/audit-logs?entityId=${created.id}` })).json();
    expect(log.items.map((i: { action: string }) => i.action)).toEqual(['contact.delete', 'contact.update', 'contact.create']);
  });

  it('validates phone and email and rejects unknown fields', async () => {
    const res = await t.req('admin', { method: 'POST', url: url(t.fx.entA2.id), payload: { name: '', phone: 'abc', email: 'x@', role: 'boss' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'phone', 'email', 'role']));
  });

  it('the audit log cannot be changed, even by SQL', async () => {
    await expect(t.handle.db.execute('DELETE FROM audit_logs' as never)).rejects.toThrow();
  });
});
