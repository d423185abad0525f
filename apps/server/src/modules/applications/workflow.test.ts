import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { auditLogs, notifications } from '../../db/schema/index.js';
import { addContactUser, addOtherDeptHandler, FORM, insertPolicy, multipart, pdf } from './test-support.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let now = at('2026-11-25T09:00:00'); // Wednesday
const t = useTestApp({ clock: () => now });

type A = { id: string; version: number; status: string; number: string; [k: string]: unknown };
const url = (a: { id: string }) => `/api/v1/applications/${a.id}`;

beforeAll(async () => {
  await addContactUser(t.handle.db, t.fx, t.fx.entB1.id, 'contactb');
  await addContactUser(t.handle.db, t.fx, t.fx.entA2.id, 'contacta2');
  await addOtherDeptHandler(t.handle.db, t.fx, 'dept2');
});

async function submit(user = 'contact', over: Record<string, unknown> = {}, policyOver = {}): Promise<A> {
  const p = await insertPolicy(t.handle.db, t.fx, policyOver);
  const res = await t.req(user, { method: 'POST', url: '/api/v1/applications', payload: { policyId: p.id, requestedAmountWan: 40, form: FORM, declarationAccepted: true, ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const act = (user: string | null, a: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
  t.req(user, { method: 'POST', url: `${url(a)}/actions/${action}`, payload: { version: a.version, ...extra } });
const ok = async (user: string, a: A, action: string, extra: Record<string, unknown> = {}): Promise<A> => {
  const res = await act(user, a, action, extra);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const upload = (user: string, id: string, item: string) => t.req(user, { method: 'POST', url: `/api/v1/applications/${id}/materials`, ...multipart(item, `${item}.pdf`, pdf) });
async function complete(a: A, user = 'contact') {
  for (const item of ['营业执照', '研发费用专项审计报告']) expect((await upload(user, a.id, item)).statusCode).toBe(201);
}
async function prechecked(user = 'contact'): Promise<A> {
  const a = await submit(user);
  await complete(a, user);
  return ok(user === 'contactb' ? 'liaison2' : 'liaison1', a, 'precheck');
}
const detail = async (user: string, a: { id: string }) => (await t.req(user, { method: 'GET', url: url(a) })).json();
/** The notifications a user got about one application (the clock stands still, so no ordering by time). */
const told = async (userId: string, a: { id: string }) =>
  (await t.handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.link, `/applications/${a.id}`)))).map((n) => n.kind);
const path = (res: { json(): { error: { details: { path: string }[] } } }) => res.json().error.details[0]!.path;

describe('the full road: submit → pre-check → review → disbursement', () => {
  it('moves through every step with deadlines, a public timeline, notifications and audit rows', async () => {
    now = at('2026-11-25T09:00:00');
    let a = await submit();
    expect(a.number).toMatch(/^SB2026112500\d{3}$/);
    expect(a).toMatchObject({ status: 'submitted', step: 'precheck', stepDueAt: '2026-11-30T17:30:00+08:00', overdue: false, allowedActions: ['withdraw'], canUpload: true });
    expect(a.missingMaterials).toEqual(['营业执照', '研发费用专项审计报告']);
    // The officer is told, with a link into the console.
    const [n1] = await t.handle.db.select().from(notifications).where(and(eq(notifications.userId, t.fx.liaison1.user.id), eq(notifications.link, `/applications/${a.id}`)));
    expect(n1).toMatchObject({ kind: 'application.submit', requestId: null });
    expect(n1!.title).toContain(a.number);

    // Pre-check refuses while required materials are missing, naming them.
    const missing = await act('liaison1', a, 'precheck');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([
      { path: 'materials', code: 'MATERIAL_MISSING', message: '缺少必需材料：营业执照' },
      { path: 'materials', code: 'MATERIAL_MISSING', message: '缺少必需材料：研发费用专项审计报告' },
    ]);
    await complete(a);
    expect((await detail('liaison1', a)).allowedActions.sort()).toEqual(['precheck', 'return']);

    now = at('2026-11-26T10:00:00');
    a = await ok('liaison1', a, 'precheck', { note: '研发费用占比偏高，审核时请核对审计报告', visibility: 'internal' });
    expect(a).toMatchObject({ status: 'prechecked', step: 'review', stepDueAt: '2026-12-10T17:30:00+08:00', canUpload: false });
    expect(await told(t.fx.dept1.user.id, a)).toContain('application.precheck');

    // The enterprise sees the step, never the internal remark.
    const mine = await detail('contact', a);
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'upload', 'upload', 'precheck']);
    expect(JSON.stringify(mine.timeline)).not.toContain('审计报告时请核对');
    expect(JSON.stringify(mine.timeline)).not.toContain('偏高');
    const staffView = await detail('liaison1', a);
    expect(staffView.timeline.find((e: { visibility: string }) => e.visibility === 'internal')).toMatchObject({ action: 'note', note: '研发费用占比偏高，审核时请核对审计报告' });

    // Review: approved amount ≤ the policy's 50万元 and ≤ the 40万元 requested.
    now = at('2026-12-01T10:00:00');
    let res = await act('dept', a, 'approve');
    expect([res.statusCode, path(res)]).toEqual([400, 'amountWan']);
    res = await act('dept', a, 'approve', { amountWan: 60 });
    expect([res.statusCode, path(res), res.json().error.details[0].code]).toEqual([400, 'amountWan', 'AMOUNT_OVER_MAX']);
    res = await act('dept', a, 'approve', { amountWan: 45 });
    expect([res.statusCode, path(res), res.json().error.details[0].code]).toEqual([400, 'amountWan', 'AMOUNT_OVER_REQUESTED']);
    res = await act('dept', a, 'approve', { amountWan: -1 });
    expect([res.statusCode, path(res)]).toEqual([400, 'amountWan']);
    a = await ok('dept', a, 'approve', { amountWan: 38.5, note: '经审核，核定补助38.5万元' });
    expect(a).toMatchObject({ status: 'approved', approvedAmountWan: 38.5, decidedAt: '2026-12-01T10:00:00+08:00', step: 'disbursement', stepDueAt: '2026-12-29T17:30:00+08:00' });
    expect(await told(t.fx.contactUser.user.id, a)).toContain('application.approve');

    // Disbursement: amount ≤ approved, a date (not future, not before approval) and a reference.
    now = at('2026-12-15T15:00:00');
    res = await act('dept', a, 'disburse', { amountWan: 40, disbursedOn: '2026-12-15', reference: 'ZF-2026-1215-001' });
    expect([res.statusCode, path(res), res.json().error.details[0].code]).toEqual([400, 'amountWan', 'AMOUNT_OVER_APPROVED']);
    res = await act('dept', a, 'disburse', { amountWan: 38.5, reference: 'ZF-2026-1215-001' });
    expect([res.statusCode, path(res)]).toEqual([400, 'disbursedOn']);
    res = await act('dept', a, 'disburse', { amountWan: 38.5, disbursedOn: '2026-12-16', reference: 'ZF-2026-1215-001' });
    expect([res.statusCode, path(res)]).toEqual([400, 'disbursedOn']);
    res = await act('dept', a, 'disburse', { amountWan: 38.5, disbursedOn: '2026-11-30', reference: 'ZF-2026-1215-001' });
    expect([res.statusCode, path(res)]).toEqual([400, 'disbursedOn']);
    res = await act('dept', a, 'disburse', { amountWan: 38.5, disbursedOn: '2026-12-15' });
    expect([res.statusCode, path(res)]).toEqual([400, 'reference']);
    res = await act('dept', a, 'disburse', { amountWan: 38.5, disbursedOn: '2026-12-15', reference: 'ZF-2026-1215-001', reason: 'x' });
    expect([res.statusCode, path(res)]).toEqual([400, 'reason']);
    a = await ok('dept', a, 'disburse', { amountWan: 38.5, disbursedOn: '2026-12-15', reference: 'ZF-2026-1215-001' });
    expect(a).toMatchObject({ status: 'disbursed', disbursedAmountWan: 38.5, disbursedOn: '2026-12-15', disbursementRef: 'ZF-2026-1215-001', step: null, stepDueAt: null, allowedActions: [] });
    const last = (await detail('contact', a)).timeline.at(-1);
    expect(last).toMatchObject({ action: 'disburse', fromStatus: 'approved', toStatus: 'disbursed', actorName: '部门经办人' });
    expect(last.note).toContain('ZF-2026-1215-001');
    expect(await told(t.fx.contactUser.user.id, a)).toContain('application.disburse');

    const trail = await t.handle.db.select({ action: auditLogs.action }).from(auditLogs).where(and(eq(auditLogs.entityType, 'application'), eq(auditLogs.entityId, a.id))).orderBy(auditLogs.id);
    expect(trail.map((x) => x.action)).toEqual([
      'application.create',
      'application.material.add',
      'application.material.add',
      'application.precheck',
      'application.approve',
      'application.disburse',
    ]);
  });

  it('a policy without money (no maximum, nothing requested) is approved without an amount', async () => {
    now = at('2026-11-25T09:00:00');
    const p = await insertPolicy(t.handle.db, t.fx, { maxAmountWan: null, benefitType: 'qualification', materials: [] });
    let a: A = (await t.req('contact', { method: 'POST', url: '/api/v1/applications', payload: { policyId: p.id, form: FORM, declarationAccepted: true } })).json();
    a = await ok('liaison1', a, 'precheck');
    a = await ok('dept', a, 'approve');
    expect(a).toMatchObject({ status: 'approved', approvedAmountWan: null });
    const res = await act('dept', a, 'disburse', { amountWan: 1, disbursedOn: '2026-11-25', reference: 'R1' });
    expect([res.statusCode, path(res)]).toEqual([400, 'amountWan']);
    a = await ok('dept', a, 'disburse', { disbursedOn: '2026-11-25', reference: '认定文件 株高新〔2026〕8号' });
    expect(a.status).toBe('disbursed');
  });
});

describe('return for completion, rejection, withdrawal', () => {
  it('the officer returns with a reason; the enterprise completes and resubmits; pre-check starts again', async () => {
    now = at('2026-11-25T09:00:00');
    let a = await submit();
    let res = await act('liaison1', a, 'return');
    expect([res.statusCode, path(res)]).toEqual([400, 'reason']);
    a = await ok('liaison1', a, 'return', { reason: '请补充研发费用专项审计报告' });
    expect(a).toMatchObject({ status: 'returned', step: 'completion', stepDueAt: null, allowedActions: [] });
    expect(await told(t.fx.contactUser.user.id, a)).toContain('application.return');
    const seen = await detail('contact', a);
    expect(seen.allowedActions.sort()).toEqual(['resubmit', 'withdraw']);
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'return', note: '请补充研发费用专项审计报告', visibility: 'public' });
    // Only the resubmission may change the form; the requested amount stays within the maximum.
    res = await act('contact', seen, 'resubmit', { requestedAmountWan: 80 });
    expect([res.statusCode, path(res)]).toEqual([400, 'requestedAmountWan']);
    res = await act('contact', seen, 'resubmit', { form: { ...FORM, contactPhone: 'abc' } });
    expect([res.statusCode, path(res)]).toEqual([400, 'form.contactPhone']);
    now = at('2026-11-27T16:00:00');
    a = await ok('contact', seen, 'resubmit', { form: { ...FORM, statement: '已补充审计报告' }, requestedAmountWan: 30 });
    expect(a).toMatchObject({ status: 'submitted', requestedAmountWan: 30, form: { statement: '已补充审计报告' }, stepDueAt: '2026-12-02T17:30:00+08:00' });
    expect(await told(t.fx.liaison1.user.id, a)).toContain('application.resubmit');
  });

  it('the department may return at review, or reject with a reason (then the enterprise may apply again)', async () => {
    now = at('2026-11-25T09:00:00');
    let a = await prechecked();
    a = await ok('dept', a, 'return', { reason: '审计报告未盖章' });
    expect(a.status).toBe('returned');
    a = await ok('contact', a, 'resubmit');
    a = await ok('liaison1', a, 'precheck');
    let res = await act('dept', a, 'reject');
    expect([res.statusCode, path(res)]).toEqual([400, 'reason']);
    a = await ok('dept', a, 'reject', { reason: '研发费用占比未达到3%' });
    expect(a).toMatchObject({ status: 'rejected', rejectReason: '研发费用占比未达到3%', decidedAt: '2026-11-25T09:00:00+08:00', stepDueAt: null });
    expect(await told(t.fx.contactUser.user.id, a)).toContain('application.reject');
    res = await t.req('contact', { method: 'POST', url: '/api/v1/applications', payload: { policyId: a.policyId, form: FORM, declarationAccepted: true } });
    expect(res.statusCode).toBe(201);
  });

  it('the enterprise withdraws before a decision, not after', async () => {
    let a = await submit();
    a = await ok('contact', a, 'withdraw', { note: '暂不申报' });
    expect(a).toMatchObject({ status: 'withdrawn', stepDueAt: null, allowedActions: [] });
    let b = await prechecked();
    b = await ok('contact', b, 'withdraw');
    expect(await told(t.fx.dept1.user.id, b)).toContain('application.withdraw');
    let c = await prechecked();
    c = await ok('dept', c, 'approve', { amountWan: 10 });
    const res = await act('contact', c, 'withdraw');
    expect(res.statusCode).toBe(409);
    expect(b.status).toBe('withdrawn');
  });
});

describe('who may do what (403 in scope, 404 out of scope, 409 when the state moved)', () => {
  it('pre-check: the enterprise’s officer (and backup), the park manager, admin — nobody else', async () => {
    const a = await submit();
    expect((await act(null, a, 'precheck')).statusCode).toBe(401);
    expect((await act('contact', a, 'precheck')).statusCode).toBe(403);
    expect((await act('dept', a, 'precheck')).statusCode).toBe(403);
    expect((await act('leader', a, 'precheck')).statusCode).toBe(403);
    expect((await act('liaison3', a, 'precheck')).statusCode).toBe(404);
    expect((await act('dept2', a, 'precheck')).statusCode).toBe(404);
    expect((await act('contactb', a, 'precheck')).statusCode).toBe(404);
    expect((await act('otheradmin', a, 'precheck')).statusCode).toBe(404);
    await complete(a);
    for (const user of ['liaison1', 'liaison2', 'manager', 'admin']) expect((await detail(user, a)).allowedActions).toContain('precheck');
    expect((await ok('manager', a, 'precheck')).status).toBe('prechecked');
  });

  it('a park manager of another park sees nothing of it', async () => {
    const a = await submit('contactb');
    expect((await t.req('manager', { method: 'GET', url: url(a) })).statusCode).toBe(404);
    expect((await act('manager', a, 'precheck')).statusCode).toBe(404);
    expect((await act('liaison1', a, 'precheck')).statusCode).toBe(404);
    expect((await act('liaison2', a, 'return', { reason: '缺材料' })).statusCode).toBe(200);
  });

  it('review and disbursement: the policy’s department or admin; officers and park managers get 403', async () => {
    const a = await prechecked();
    for (const user of ['liaison1', 'manager', 'contact']) expect((await act(user, a, 'approve', { amountWan: 10 })).statusCode).toBe(403);
    expect((await act('dept2', a, 'approve', { amountWan: 10 })).statusCode).toBe(404);
    expect((await act('contacta2', a, 'approve', { amountWan: 10 })).statusCode).toBe(404);
    // The officer may not return at review (that is the department's call).
    expect((await act('liaison1', a, 'return', { reason: 'x' })).statusCode).toBe(403);
    const approved = await ok('admin', a, 'approve', { amountWan: 10 });
    expect((await act('liaison1', approved, 'disburse', { amountWan: 10, disbursedOn: '2026-11-25', reference: 'R' })).statusCode).toBe(403);
    expect((await ok('dept', approved, 'disburse', { amountWan: 10, disbursedOn: '2026-11-25', reference: 'R' })).status).toBe('disbursed');
  });

  it('the enterprise’s own steps are its own: officers get 403, other enterprises 404', async () => {
    const a = await submit();
    const returned = await ok('liaison1', a, 'return', { reason: '补充' });
    expect((await act('liaison1', returned, 'resubmit')).statusCode).toBe(403);
    expect((await act('admin', returned, 'withdraw')).statusCode).toBe(403);
    expect((await act('contacta2', returned, 'resubmit')).statusCode).toBe(404);
    expect((await act('contact', returned, 'resubmit', { visibility: 'internal', note: 'x' })).statusCode).toBe(400);
  });

  it('409 when the state moved: an action not possible from this status, or a stale version', async () => {
    const a = await submit();
    expect((await act('dept', a, 'approve', { amountWan: 10 })).statusCode).toBe(409);
    await complete(a);
    const b = await ok('liaison1', a, 'precheck');
    const again = await act('manager', a, 'precheck');
    expect(again.statusCode).toBe(409);
    const stale = await act('dept', { id: b.id, version: a.version }, 'approve', { amountWan: 10 });
    expect([stale.statusCode, stale.json().error.details]).toEqual([409, { currentVersion: b.version }]);
  });

  it('concurrent pre-checks by two allowed actors: exactly one wins, the other gets 409', async () => {
    const a = await submit();
    await complete(a);
    const results = await Promise.all([act('liaison1', a, 'precheck'), act('manager', a, 'precheck'), act('admin', a, 'return', { reason: '重复提交' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const events = (await detail('admin', a)).timeline.filter((e: { action: string }) => ['precheck', 'return'].includes(e.action));
    expect(events).toHaveLength(1);
  });

  it('refuses unknown actions and fields belonging to other actions, naming them', async () => {
    const a = await submit();
    let res = await act('liaison1', a, 'approveAll');
    expect([res.statusCode, path(res)]).toEqual([400, 'action']);
    res = await act('liaison1', a, 'precheck', { amountWan: 5 });
    expect([res.statusCode, path(res)]).toEqual([400, 'amountWan']);
    res = await act('liaison1', a, 'precheck', { reference: 'x' });
    expect([res.statusCode, path(res)]).toEqual([400, 'reference']);
    res = await t.req('liaison1', { method: 'POST', url: `${url(a)}/actions/precheck`, payload: {} });
    expect([res.statusCode, path(res)]).toEqual([400, 'version']);
  });
});
