import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

// 2026-11-25 (Wednesday) 09:00 in Shanghai.
let now = new Date('2026-11-25T01:00:00Z');
const t = useTestApp({ clock: () => now });
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

async function category(code: string) {
  const res = await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' });
  return res.json().items.find((c: { code: string }) => c.code === code).id as string;
}
const submit = async (user: string, extra: Record<string, unknown> = {}) =>
  t.req(user, {
    method: 'POST',
    url: '/api/v1/requests',
    payload: { kind: 'repair', categoryId: await category('property.drainage'), title: '下水道堵塞', description: '厂区外下水道经常堵塞，雨天泥泞。', ...extra },
  });
const act = (user: string, id: string, action: string, body: Record<string, unknown>) =>
  t.req(user, { method: 'POST', url: `/api/v1/requests/${id}/actions/${action}`, payload: body });

describe('intake', () => {
  it('an enterprise contact submits; deadlines follow 1+1+2 in working time, with offsets', async () => {
    const res = await submit('contact');
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'submitted',
      channel: 'web',
      enterpriseId: t.fx.entA1.id,
      liaisonName: '联络员甲',
      acceptBy: '2026-11-25T10:00:00+08:00',
      feedbackBy: '2026-11-26T09:00:00+08:00',
      resolveBy: '2026-11-27T09:00:00+08:00',
      slaPolicy: { version: 1, name: '“1+1+2”承诺（默认）' },
    });
    expect(r.number).toMatch(/^SQ20261125\d{5}$/);
    expect(r.timeline[0]).toMatchObject({ action: 'submit', toStatus: 'submitted' });
    expect(r.allowedActions).toEqual([]);
  });

  it('numbers requests per day in sequence', async () => {
    const a = (await submit('contact')).json().number;
    const b = (await submit('contact')).json().number;
    expect(Number(b.slice(-5))).toBe(Number(a.slice(-5)) + 1);
  });

  it('uses the 7×24 policy for utility outages', async () => {
    const outage = await category('utilities.outage');
    now = at('2026-11-25T20:00:00'); // evening: outside working time, but outages run on natural time
    const r = (await submit('contact', { categoryId: outage, kind: 'difficulty' })).json();
    expect(r.acceptBy).toBe('2026-11-25T20:30:00+08:00');
    expect(r.slaPolicy.name).toBe('停水停电（7×24）');
    now = at('2026-11-25T09:00:00');
  });

  it('staff register a phone call on an enterprise’s behalf, keeping the true received time', async () => {
    const res = await submit('liaison1', { enterpriseId: t.fx.entA2.id, channel: 'phone', receivedAt: '2026-11-24T17:00:00+08:00', submitterName: '张经理' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', receivedAt: '2026-11-24T17:00:00+08:00', acceptBy: '2026-11-25T09:00:00+08:00' });
  });

  it('authorization: anonymous 401, leader 403, liaison outside grid 403, other tenant 404', async () => {
    expect((await t.req(null, { method: 'POST', url: '/api/v1/requests', payload: {} })).statusCode).toBe(401);
    expect((await submit('leader', { enterpriseId: t.fx.entA1.id })).statusCode).toBe(403);
    expect((await submit('liaison2', { enterpriseId: t.fx.entA2.id })).statusCode).toBe(403);
    expect((await submit('otheradmin', { enterpriseId: t.fx.entA1.id })).statusCode).toBe(404);
  });

  it('rejects bad input naming the field', async () => {
    const missing = await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'gossip', title: '' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['kind', 'categoryId', 'title', 'description']));
    expect((await submit('contact', { categoryId: t.fx.entA1.id })).json().error.details[0].path).toBe('categoryId');
    expect((await submit('contact', { receivedAt: '2026-11-24T09:00:00+08:00' })).json().error.details[0].path).toBe('receivedAt');
    expect((await submit('contact', { channel: 'phone' })).json().error.details[0].path).toBe('channel');
    expect((await submit('liaison1', { enterpriseId: t.fx.entA1.id, receivedAt: '2026-12-25T09:00:00+08:00' })).statusCode).toBe(400);
    expect((await submit('contact', { receivedAt: 'yesterday' })).statusCode).toBe(400);
    const badStatus = await t.req('admin', { method: 'GET', url: '/api/v1/requests?status=submitted,gone' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.details[0].path).toBe('status');
  });
});

describe('who sees what', () => {
  it('contacts see their enterprise, officers their requests, managers their park, departments nothing untransferred', async () => {
    await submit('manager', { enterpriseId: t.fx.entB1.id === '' ? '' : t.fx.entA2.id });
    const totals = async (u: string) => (await t.req(u, { method: 'GET', url: '/api/v1/requests?pageSize=100' })).json().total as number;
    const all = await totals('admin');
    expect(await totals('leader')).toBe(all);
    expect(await totals('contact')).toBeLessThan(all);
    expect(await totals('liaison2')).toBe(0);
    expect(await totals('dept')).toBe(0);
    expect(await totals('manager')).toBe(all); // every request so far is in park A
    expect(await totals('otheradmin')).toBe(0);
    const someone = (await t.req('admin', { method: 'GET', url: '/api/v1/requests?pageSize=1' })).json().items[0].id;
    expect((await t.req('liaison2', { method: 'GET', url: `/api/v1/requests/${someone}` })).statusCode).toBe(404);
  });
});

describe('lifecycle', () => {
  it('two officers accepting at once: one 200, one 409', async () => {
    const r = (await submit('contact')).json();
    const [a, b] = await Promise.all([act('liaison1', r.id, 'accept', { version: r.version }), act('admin', r.id, 'accept', { version: r.version })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('enforces the table: contact cannot accept (403), leader cannot act (403), resolve before accept is a 409', async () => {
    const r = (await submit('contact')).json();
    expect((await act('contact', r.id, 'accept', { version: r.version })).statusCode).toBe(403);
    expect((await act('leader', r.id, 'accept', { version: r.version })).statusCode).toBe(403);
    expect((await act('liaison1', r.id, 'resolve', { version: r.version, note: '已处理' })).statusCode).toBe(409);
    expect((await act('liaison1', r.id, 'reject', { version: r.version })).json().error.details[0].path).toBe('note');
    expect((await act('liaison1', r.id, 'fly', { version: r.version })).statusCode).toBe(400);
  });

  it('pauses the clocks while awaiting information and gives the time back on reply', async () => {
    now = at('2026-11-25T09:00:00');
    let r = (await submit('contact')).json();
    r = (await act('liaison1', r.id, 'accept', { version: r.version })).json();
    now = at('2026-11-25T09:30:00');
    r = (await act('liaison1', r.id, 'returnForInfo', { version: r.version, note: '请补充堵塞位置照片' })).json();
    expect(r.status).toBe('awaiting_info');
    expect(r.clocks.resolve.state).toBe('paused');
    now = at('2026-11-25T11:30:00'); // two working hours later
    r = (await act('contact', r.id, 'reply', { version: r.version, note: '位置在南门外' })).json();
    expect(r.status).toBe('accepted');
    expect(r.feedbackBy).toBe('2026-11-26T11:00:00+08:00');
    expect(r.resolveBy).toBe('2026-11-27T11:00:00+08:00');
    expect(r.clocks.accept.state).toBe('met');
  });

  it('feedback, resolve, and a bad rating reopens for rectification with a 15-working-day deadline', async () => {
    now = at('2026-11-25T09:00:00');
    let r = (await submit('contact')).json();
    r = (await act('liaison1', r.id, 'accept', { version: r.version })).json();
    r = (await act('liaison1', r.id, 'feedback', { version: r.version, note: '已联系市政部门' })).json();
    expect(r.status).toBe('in_progress');
    r = (await act('liaison1', r.id, 'feedback', { version: r.version, note: '内部：市政排期周五', visibility: 'internal' })).json();
    now = at('2026-11-25T15:00:00');
    r = (await act('liaison1', r.id, 'resolve', { version: r.version, note: '下水道已疏通' })).json();
    expect(r.clocks.resolve.state).toBe('met');
    const seenByContact = (await t.req('contact', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json();
    expect(seenByContact.timeline.map((e: { note: string }) => e.note)).not.toContain('内部：市政排期周五');
    expect(seenByContact.allowedActions).toEqual(expect.arrayContaining(['confirm', 'rate', 'reopen']));
    expect((await act('contact', r.id, 'rate', { version: r.version })).json().error.details[0].path).toBe('rating');
    r = (await act('contact', r.id, 'rate', { version: r.version, rating: 2, note: '又堵了' })).json();
    expect(r).toMatchObject({ status: 'in_progress', rating: 2, reopenCount: 1, resolvedAt: null, resolveBy: '2026-12-16T15:00:00+08:00' });
  });

  it('a good rating closes; a closed request cannot be rated twice', async () => {
    let r = (await submit('contact')).json();
    r = (await act('liaison1', r.id, 'accept', { version: r.version })).json();
    r = (await act('liaison1', r.id, 'resolve', { version: r.version, note: '已解决' })).json();
    r = (await act('contact', r.id, 'rate', { version: r.version, rating: 5, note: '很及时' })).json();
    expect(r).toMatchObject({ status: 'closed', closeReason: 'rated', rating: 5 });
    expect((await act('contact', r.id, 'rate', { version: r.version, rating: 4 })).statusCode).toBe(409);
  });

  it('lists as overdue a breached clock, but not one paused before its deadline', async () => {
    now = at('2026-11-26T09:00:00');
    const breached = (await submit('contact')).json();
    let paused = (await submit('contact')).json();
    paused = (await act('liaison1', paused.id, 'returnForInfo', { version: paused.version, note: '请补充照片' })).json();
    now = at('2026-11-26T10:30:00');
    const ids = (await t.req('admin', { method: 'GET', url: '/api/v1/requests?overdue=true&pageSize=100' })).json().items.map((r: { id: string }) => r.id);
    expect(ids).toContain(breached.id);
    expect(ids).not.toContain(paused.id);
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/requests/${breached.id}` })).json().clocks.accept.state).toBe('breached');
    now = at('2026-11-25T09:00:00');
  });

  it('writes every action to the audit log', async () => {
    const log = (await t.req('admin', { method: 'GET', url: '/api/v1/audit-logs?entityType=request&action=request.accept' })).json();
    expect(log.total).toBeGreaterThan(0);
  });
});

describe('POST /sla/preview', () => {
  it('starts a Friday-evening request at 08:30 on the Saturday make-up day (2026-02-14)', async () => {
    const res = await t.req('manager', { method: 'POST', url: '/api/v1/sla/preview', payload: { startAt: '2026-02-13T20:00:00+08:00' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      clockStartedAt: '2026-02-14T08:30:00+08:00',
      acceptBy: '2026-02-14T09:30:00+08:00',
      feedbackBy: '2026-02-14T17:30:00+08:00', // exactly one working day: the close, not the next morning
      resolveBy: '2026-02-24T17:30:00+08:00', // 春节 2/15–2/23 skipped
      policy: { version: 1 },
    });
  });
  it('is for administrators and park managers', async () => {
    expect((await t.req('liaison1', { method: 'POST', url: '/api/v1/sla/preview', payload: { startAt: '2026-02-13T20:00:00+08:00' } })).statusCode).toBe(403);
    expect((await t.req('admin', { method: 'POST', url: '/api/v1/sla/preview', payload: { startAt: 'soon' } })).statusCode).toBe(400);
  });
});
