import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { enterpriseIndicators, policies, policyApplications } from '../../db/schema/index.js';
import { addContactUser, addOtherDeptHandler, CHECKLIST, FORM, insertPolicy } from './test-support.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let now = at('2026-11-25T09:00:00');
const t = useTestApp({ clock: () => now });

type A = { id: string; version: number; status: string; number: string; enterpriseId: string };
const body = (policyId: string, over: Record<string, unknown> = {}) => ({ policyId, requestedAmountWan: 20, form: FORM, declarationAccepted: true, ...over });
const post = (user: string | null, payload: unknown) => t.req(user, { method: 'POST', url: '/api/v1/applications', payload: payload as object });
const err = (res: { statusCode: number; json(): { error: { code: string; details: { path: string; code: string }[] } } }) => {
  const e = res.json().error;
  return [res.statusCode, e.details?.[0]?.path, e.details?.[0]?.code];
};
const list = async (user: string, qs = '') => (await t.req(user, { method: 'GET', url: `/api/v1/applications${qs}` })).json();

beforeAll(async () => {
  await addContactUser(t.handle.db, t.fx, t.fx.entA2.id, 'contacta2');
  await addContactUser(t.handle.db, t.fx, t.fx.entB1.id, 'contactb');
  await addOtherDeptHandler(t.handle.db, t.fx, 'dept2');
});

describe('submitting an application', () => {
  it('only an enterprise contact submits, for its own enterprise; numbers are SB + date + daily sequence', async () => {
    const p = await insertPolicy(t.handle.db, t.fx);
    expect((await post(null, body(p.id))).statusCode).toBe(401);
    expect((await post('liaison1', body(p.id))).statusCode).toBe(403);
    expect((await post('leader', body(p.id))).statusCode).toBe(403);
    const staff = await post('admin', body(p.id));
    expect([staff.statusCode, staff.json().error.message]).toEqual([403, '申报须由企业联系人提交']);
    const res = await post('contact', body(p.id));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'submitted', enterpriseId: t.fx.entA1.id, parkId: t.fx.parkA.id, departmentId: t.fx.dept.id, departmentName: '企业服务部', requestedAmountWan: 20, declarationAccepted: true, version: 1 });
    expect(a.form).toMatchObject({ contactName: '吴双青', operatingRevenue: 3200 });
    expect(a.enterprise).toMatchObject({ name: '株洲长河电力机车科技有限公司', liaisonName: '联络员甲' });
    expect(a.policy).toMatchObject({ id: p.id, maxAmountWan: 50, materials: CHECKLIST });
    expect(a.number).toBe('SB2026112500001');
    const b = (await post('contacta2', body(p.id))).json();
    expect(b.number).toBe('SB2026112500002');
    // Request numbers keep their own sequence.
    const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
    const r = await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'consultation', categoryId: cats[0].id, title: '咨询', description: '申报问题' } });
    expect(r.json().number).toBe('SQ2026112500001');
  });

  it('validates the body, naming the field', async () => {
    const p = await insertPolicy(t.handle.db, t.fx);
    expect(err(await post('contact', body(p.id, { declarationAccepted: false })))).toEqual([400, 'declarationAccepted', 'invalid_value']);
    expect(err(await post('contact', body(p.id, { form: { ...FORM, contactName: '' } })))[1]).toBe('form.contactName');
    expect(err(await post('contact', body(p.id, { form: { ...FORM, rdExpense: -3 } })))[1]).toBe('form.rdExpense');
    expect(err(await post('contact', body(p.id, { form: { ...FORM, hacker: 1 } })))[1]).toBe('form.hacker');
    expect(err(await post('contact', body(p.id, { requestedAmountWan: -5 })))[1]).toBe('requestedAmountWan');
    expect(err(await post('contact', body(p.id, { requestedAmountWan: 12.345 })))[1]).toBe('requestedAmountWan');
    expect(err(await post('contact', body(p.id, { requestedAmountWan: 50.01 })))).toEqual([400, 'requestedAmountWan', 'AMOUNT_OVER_MAX']);
    expect(err(await post('contact', body('not-a-uuid')))[1]).toBe('policyId');
  });

  it('only for a published policy of the operator, within its window (both ends inclusive)', async () => {
    expect((await post('contact', body(randomUUID()))).statusCode).toBe(404);
    const draft = await insertPolicy(t.handle.db, t.fx, { status: 'draft' });
    expect((await post('contact', body(draft.id))).statusCode).toBe(404);
    const foreign = await insertPolicy(t.handle.db, t.fx, { operatorId: t.fx.op2.id, departmentId: null });
    expect((await post('contact', body(foreign.id))).statusCode).toBe(404);
    // Expired and withdrawn policies do not exist for applicants, as on the library's pages.
    const expired = await insertPolicy(t.handle.db, t.fx, { status: 'expired' });
    expect((await post('contact', body(expired.id))).statusCode).toBe(404);
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/policies/${expired.id}/application-form` })).statusCode).toBe(404);
    const notYet = await insertPolicy(t.handle.db, t.fx, { applyFrom: '2026-11-26' });
    expect(err(await post('contact', body(notYet.id)))).toEqual([400, 'policyId', 'APPLICATION_WINDOW_CLOSED']);
    const over = await insertPolicy(t.handle.db, t.fx, { applyUntil: '2026-11-24' });
    expect(err(await post('contact', body(over.id)))).toEqual([400, 'policyId', 'APPLICATION_WINDOW_CLOSED']);
    // The window is in Shanghai days: 23:59 on the last day is still inside, 00:00 the next day is not.
    const lastDay = await insertPolicy(t.handle.db, t.fx, { applyUntil: '2026-11-25' });
    now = at('2026-11-25T23:59:00');
    expect((await post('contact', body(lastDay.id))).statusCode).toBe(201);
    now = at('2026-11-26T00:00:00');
    const closed = await post('contacta2', body(lastDay.id));
    expect(err(closed)).toEqual([400, 'policyId', 'APPLICATION_WINDOW_CLOSED']);
    now = at('2026-11-25T09:00:00');
    const firstDay = await insertPolicy(t.handle.db, t.fx, { applyFrom: '2026-11-25' });
    expect((await post('contact', body(firstDay.id))).statusCode).toBe(201);
    // No window at all: nothing to apply for online (same rule as the library's windowOpen).
    const none = await insertPolicy(t.handle.db, t.fx, { applyFrom: null, applyUntil: null });
    expect(err(await post('contact', body(none.id)))).toEqual([400, 'policyId', 'APPLICATION_WINDOW_CLOSED']);
  });

  it('one unfinished application per enterprise and policy (409 naming policyId); again after withdrawal; never after disbursement', async () => {
    const p = await insertPolicy(t.handle.db, t.fx);
    const first: A = (await post('contact', body(p.id))).json();
    const dup = await post('contact', body(p.id));
    expect(err(dup)).toEqual([409, 'policyId', 'APPLICATION_EXISTS']);
    expect(dup.json().error.message).toContain(first.number);
    // Another enterprise is not affected.
    expect((await post('contacta2', body(p.id))).statusCode).toBe(201);
    await t.req('contact', { method: 'POST', url: `/api/v1/applications/${first.id}/actions/withdraw`, payload: { version: first.version } });
    const second: A = (await post('contact', body(p.id))).json();
    expect(second.status).toBe('submitted');
    await t.handle.db.update(policyApplications).set({ status: 'disbursed' }).where(eq(policyApplications.id, second.id));
    expect(err(await post('contact', body(p.id)))).toEqual([409, 'policyId', 'ALREADY_DISBURSED']);
  });

  it('two submissions racing: exactly one is filed', async () => {
    const p = await insertPolicy(t.handle.db, t.fx);
    const results = await Promise.all([post('contact', body(p.id)), post('contact', body(p.id)), post('contact', body(p.id))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await t.handle.db.select().from(policyApplications).where(eq(policyApplications.policyId, p.id));
    expect(rows).toHaveLength(1);
  });
});

describe('the pre-filled form', () => {
  it('fills registry fields, the contact and the latest reported year; lists the checklist; knows an open application', async () => {
    await t.handle.db.insert(enterpriseIndicators).values([
      { enterpriseId: t.fx.entA1.id, year: 2024, operatingRevenue: 2800, rdExpense: 150, totalStaff: 120, rdStaff: 20, source: 'staff' },
      { enterpriseId: t.fx.entA1.id, year: 2025, operatingRevenue: 3200, rdExpense: 260, totalStaff: 135, rdStaff: null, ipClass1: 4, source: 'enterprise' },
    ]);
    const p = await insertPolicy(t.handle.db, t.fx);
    const url = `/api/v1/policies/${p.id}/application-form`;
    const res = await t.req('contact', { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.enterprise).toEqual({ id: t.fx.entA1.id, name: '株洲长河电力机车科技有限公司', creditCode: t.fx.entA1.creditCode });
    // 2025's figures only: an unreported 2025 value is null, never 2024's.
    expect(f.form).toMatchObject({ enterpriseName: '株洲长河电力机车科技有限公司', contactName: '吴双青', contactPhone: '13800000000', indicatorYear: 2025, operatingRevenue: 3200, rdExpense: 260, totalStaff: 135, rdStaff: null, ipClass1: 4 });
    expect(f.materials).toEqual(CHECKLIST);
    expect(f).toMatchObject({ windowOpen: true, openApplicationId: null });
    const a = (await post('contact', body(p.id))).json();
    expect((await t.req('contact', { method: 'GET', url })).json().openApplicationId).toBe(a.id);
    // Staff name the enterprise; contacts cannot look at another enterprise.
    expect(err(await t.req('liaison1', { method: 'GET', url }))[0]).toBe(400);
    expect(err(await t.req('liaison1', { method: 'GET', url }))[1]).toBe('enterpriseId');
    const staffView = (await t.req('liaison1', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entA2.id}` })).json();
    expect(staffView.form).toMatchObject({ enterpriseName: '湖南下水道疏通服务有限公司', indicatorYear: null, contactName: 'contacta2联系人' });
    expect((await t.req('contact', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entA2.id}` })).statusCode).toBe(404);
    expect((await t.req('contact', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entA1.id}` })).statusCode).toBe(200);
    // The form shows the enterprise's figures: outside the officer's indicator scope (another grid) → 404.
    expect((await t.req('liaison1', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entB1.id}` })).statusCode).toBe(404);
    // Staff never learn of an application outside their scope through the form.
    expect((await t.req('manager', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entA1.id}` })).json().openApplicationId).toBe(a.id);
    expect((await t.req('otheradmin', { method: 'GET', url: `${url}?enterpriseId=${t.fx.entX.id}` })).statusCode).toBe(404);
    expect((await t.req(null, { method: 'GET', url })).statusCode).toBe(401);
    const draft = await insertPolicy(t.handle.db, t.fx, { status: 'draft' });
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/policies/${draft.id}/application-form` })).statusCode).toBe(404);
    await t.handle.db.update(policies).set({ applyUntil: '2026-11-20' }).where(eq(policies.id, p.id));
    expect((await t.req('contact', { method: 'GET', url })).json().windowOpen).toBe(false);
  });
});

describe('who sees which applications', () => {
  // Its own world: three enterprises, applications on fresh policies, filed on three days.
  const ids: Record<string, A> = {};
  let policy1 = '';
  beforeAll(async () => {
    const p1 = await insertPolicy(t.handle.db, t.fx, { title: '高新技术企业认定奖励' });
    policy1 = p1.id;
    const p2 = await insertPolicy(t.handle.db, t.fx, { title: '专精特新企业奖励', departmentId: null });
    now = at('2026-11-10T10:00:00');
    ids.a1p1 = (await post('contact', body(p1.id))).json();
    now = at('2026-11-18T10:00:00');
    ids.a2p1 = (await post('contacta2', body(p1.id))).json();
    ids.b1p2 = (await post('contactb', body(p2.id))).json();
    now = at('2026-11-25T09:00:00');
    ids.a1p2 = (await post('contact', body(p2.id))).json();
    const ret = await t.req('liaison1', { method: 'POST', url: `/api/v1/applications/${ids.a1p2!.id}/actions/return`, payload: { version: 1, reason: '请补充材料' } });
    expect(ret.statusCode).toBe(200);
  });
  const mine = (user: string, qs = '') => list(user, `?pageSize=200${qs}`).then((p) => p.items.filter((i: A) => Object.values(ids).some((x) => x.id === i.id)).map((i: A) => i.id).sort());
  const idsOf = (...keys: string[]) => keys.map((k) => ids[k]!.id).sort();

  it('scopes the list by role; another operator sees none', async () => {
    expect(await mine('contact')).toEqual(idsOf('a1p1', 'a1p2'));
    expect(await mine('contacta2')).toEqual(idsOf('a2p1'));
    expect(await mine('liaison1')).toEqual(idsOf('a1p1', 'a2p1', 'a1p2'));
    // liaison2 is entA1's backup officer and entB1's officer.
    expect(await mine('liaison2')).toEqual(idsOf('a1p1', 'a1p2', 'b1p2'));
    expect(await mine('liaison3')).toEqual([]);
    expect(await mine('manager')).toEqual(idsOf('a1p1', 'a2p1', 'a1p2'));
    expect(await mine('dept')).toEqual(idsOf('a1p1', 'a2p1'));
    expect(await mine('dept2')).toEqual([]);
    expect(await mine('leader')).toEqual(idsOf('a1p1', 'a2p1', 'b1p2', 'a1p2'));
    expect(await mine('admin')).toEqual(idsOf('a1p1', 'a2p1', 'b1p2', 'a1p2'));
    expect((await list('otheradmin')).total).toBe(0);
    expect((await t.req(null, { method: 'GET', url: '/api/v1/applications' })).statusCode).toBe(401);
  });

  it('details outside the scope are 404, never 403', async () => {
    const get = (user: string, a: A) => t.req(user, { method: 'GET', url: `/api/v1/applications/${a.id}` }).then((r) => r.statusCode);
    expect(await get('contact', ids.a1p1!)).toBe(200);
    expect(await get('contact', ids.a2p1!)).toBe(404);
    expect(await get('contactb', ids.a1p1!)).toBe(404);
    expect(await get('manager', ids.b1p2!)).toBe(404);
    expect(await get('liaison3', ids.a1p1!)).toBe(404);
    expect(await get('dept', ids.b1p2!)).toBe(404);
    expect(await get('otheradmin', ids.a1p1!)).toBe(404);
    expect(await get('leader', ids.b1p2!)).toBe(200);
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/applications/${randomUUID()}` })).statusCode).toBe(404);
    expect(err(await t.req('admin', { method: 'GET', url: '/api/v1/applications/abc' }))).toEqual([400, 'id', expect.any(String)]);
  });

  it('filters by status, policy, park, enterprise, period, number and enterprise name; "mine" is what waits for me', async () => {
    expect(await mine('admin', '&status=returned')).toEqual(idsOf('a1p2'));
    expect(await mine('admin', '&status=submitted,returned')).toEqual(idsOf('a1p1', 'a2p1', 'b1p2', 'a1p2'));
    expect(await mine('admin', `&policyId=${policy1}`)).toEqual(idsOf('a1p1', 'a2p1'));
    expect(await mine('admin', `&parkId=${t.fx.parkB.id}`)).toEqual(idsOf('b1p2'));
    expect(await mine('admin', `&enterpriseId=${t.fx.entA2.id}`)).toEqual(idsOf('a2p1'));
    // Shanghai days, both ends inclusive.
    expect(await mine('admin', '&from=2026-11-18&to=2026-11-18')).toEqual(idsOf('a2p1', 'b1p2'));
    expect(await mine('admin', '&to=2026-11-10')).toEqual(idsOf('a1p1'));
    expect(await mine('admin', '&from=2026-11-19')).toEqual(idsOf('a1p2'));
    expect(await mine('admin', `&q=${ids.b1p2!.number}`)).toEqual(idsOf('b1p2'));
    expect(await mine('admin', `&q=${encodeURIComponent('硬质合金')}`)).toEqual(idsOf('b1p2'));
    expect(await mine('admin', `&q=${encodeURIComponent('下水')}`)).toEqual(idsOf('a2p1'));
    expect(await mine('admin', `&q=${encodeURIComponent('株洲长河电力')}`)).toEqual(idsOf('a1p1', 'a1p2'));
    // Waiting for me: the officer's pre-checks, the enterprise's returned one, the department's reviews.
    expect(await mine('liaison1', '&mine=true')).toEqual(idsOf('a1p1', 'a2p1'));
    expect(await mine('contact', '&mine=true')).toEqual(idsOf('a1p2'));
    expect(await mine('dept', '&mine=true')).toEqual([]);
    expect(await mine('manager', '&mine=true')).toEqual(idsOf('a1p1', 'a2p1'));
  });

  it('pages, sorts and refuses bad filters naming them', async () => {
    const first = await list('admin', `?parkId=${t.fx.parkA.id}&from=2026-11-10&to=2026-11-25&pageSize=1&sort=submittedAt`);
    expect(first).toMatchObject({ page: 1, pageSize: 1 });
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.items).toHaveLength(1);
    expect(first.items[0].id).toBe(ids.a1p1!.id);
    const due = await list('admin', `?enterpriseId=${t.fx.entA1.id}&from=2026-11-10&to=2026-11-10&sort=stepDueAt`);
    expect(due.items[0]).toMatchObject({ step: 'precheck', stepDueAt: '2026-11-13T17:30:00+08:00', overdue: true });
    expect(err(await t.req('admin', { method: 'GET', url: '/api/v1/applications?status=bogus' }))[1]).toBe('status');
    expect(err(await t.req('admin', { method: 'GET', url: '/api/v1/applications?from=2026-02-30' }))[1]).toBe('from');
    expect(err(await t.req('admin', { method: 'GET', url: '/api/v1/applications?from=2026-11-20&to=2026-11-01' }))[1]).toBe('to');
    expect(err(await t.req('admin', { method: 'GET', url: '/api/v1/applications?pageSize=500' }))[1]).toBe('pageSize');
  });
});

describe('OpenAPI', () => {
  it('documents every application route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/applications',
        '/api/v1/applications.xlsx',
        '/api/v1/applications/stats',
        '/api/v1/applications/stats.xlsx',
        '/api/v1/applications/{id}',
        '/api/v1/applications/{id}/actions/{action}',
        '/api/v1/applications/{id}/materials',
        '/api/v1/applications/{id}/materials/{materialId}',
        '/api/v1/policies/{id}/application-form',
      ]),
    );
  });
});
