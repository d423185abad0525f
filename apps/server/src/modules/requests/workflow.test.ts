import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let now = at('2026-11-25T09:00:00');
const t = useTestApp({ clock: () => now });

type R = { id: string; version: number; status: string; number: string };
async function submit(): Promise<R> {
  const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
  return (
    await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'difficulty', categoryId: cats[0].id, title: '用电增容', description: '新产线需要增容500kVA' } })
  ).json();
}
const act = (user: string, r: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
  t.req(user, { method: 'POST', url: `/api/v1/requests/${r.id}/actions/${action}`, payload: { version: r.version, ...extra } });
async function accepted() {
  const r = await submit();
  return (await act('liaison1', r, 'accept')).json() as R;
}

describe('transfer to a department', () => {
  it('the department must accept before working it; the officer stays responsible; hand back with a reason', async () => {
    let r = await accepted();
    expect((await act('liaison1', r, 'transfer')).json().error.details[0].path).toBe('departmentId');
    r = (await act('liaison1', r, 'transfer', { departmentId: t.fx.dept.id, note: '请协调供电公司' })).json();
    expect(r).toMatchObject({ status: 'in_progress', transferStatus: 'pending', departmentName: '企业服务部', liaisonName: '联络员甲' });
    // The department now sees it, but may not work it before signing for it.
    expect((await t.req('dept', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json().allowedActions.sort()).toEqual(['deptAccept', 'handBack']);
    expect((await act('dept', r, 'feedback', { note: 'x' })).statusCode).toBe(403);
    r = (await act('dept', r, 'deptAccept')).json();
    r = (await act('dept', r, 'feedback', { note: '已与供电公司对接，下周现场勘察' })).json();
    expect(r.status).toBe('in_progress');
    r = (await act('dept', r, 'handBack', { note: '属供电公司业务，建议企业直接申请' })).json();
    expect(r).toMatchObject({ transferStatus: 'handed_back', allowedActions: [] });
    expect((await t.req('liaison1', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json().allowedActions).toContain('resolve');
  });

  it('a handler of another department cannot sign for it', async () => {
    let r = await accepted();
    r = (await act('liaison1', r, 'transfer', { departmentId: t.fx.dept.id })).json();
    expect((await act('liaison2', r, 'deptAccept')).statusCode).toBe(404);
  });
});

describe('reassign, key issues and merging', () => {
  it('a park manager reassigns to another officer (a non-officer is refused)', async () => {
    let r = await accepted();
    expect((await act('liaison1', r, 'reassign', { liaisonId: t.fx.liaison2.staff!.id, note: '调整' })).statusCode).toBe(403);
    expect((await act('manager', r, 'reassign', { liaisonId: t.fx.dept1.staff!.id, note: '调整' })).statusCode).toBe(400);
    r = (await act('manager', r, 'reassign', { liaisonId: t.fx.liaison2.staff!.id, note: '人员调整' })).json();
    expect(r).toMatchObject({ liaisonName: '联络员乙' });
    expect((await t.req('liaison1', { method: 'GET', url: `/api/v1/requests/${r.id}` })).statusCode).toBe(404);
  });

  it('a key difficult problem gets a leader, its own longer deadline, and the leader may work it', async () => {
    now = at('2026-11-25T09:00:00');
    let r = await accepted();
    expect((await act('manager', r, 'markKeyIssue', { leaderId: t.fx.liaison1.staff!.id, note: '难' })).json().error.details[0].path).toBe('leaderId');
    const res = await act('manager', r, 'markKeyIssue', { leaderId: t.fx.leader.staff!.id, note: '涉及多部门，列为重点难题' });
    expect(res.statusCode).toBe(200);
    const k = res.json();
    expect(k).toMatchObject({ status: 'key_issue', isKeyIssue: true, slaPolicy: { name: '重点难题' } });
    // 10 working days from Wed 2026-11-25 09:00 → Wed 2026-12-09 09:00.
    expect(k.resolveBy).toBe('2026-12-09T09:00:00+08:00');
    r = (await act('leader', k, 'feedback', { note: '已召开协调会' })).json();
    expect(r.status).toBe('key_issue');
    // A leader has no say on requests they do not own.
    const other = await accepted();
    expect((await act('leader', other, 'feedback', { note: 'x' })).statusCode).toBe(403);
  });

  it('merges a duplicate into an open request of the same enterprise', async () => {
    const a = await accepted();
    const b = await submit();
    expect((await act('liaison1', b, 'merge', { mergedIntoId: b.id, note: '重复' })).statusCode).toBe(400);
    const merged = (await act('liaison1', b, 'merge', { mergedIntoId: a.id, note: '与已受理诉求重复' })).json();
    expect(merged).toMatchObject({ status: 'closed', closeReason: 'merged' });
    const target = (await t.req('contact', { method: 'GET', url: `/api/v1/requests/${a.id}` })).json();
    expect(target.timeline.map((e: { note: string }) => e.note)).toContain(`并入重复诉求 ${b.number}`);
  });
});

describe('rectification after a bad rating', () => {
  it('cannot be resolved again before a supervisor’s follow-up; the officer’s follow-up does not count', async () => {
    let r = await accepted();
    r = (await act('liaison1', r, 'resolve', { note: '已处理' })).json();
    r = (await act('contact', r, 'rate', { rating: 1, note: '没解决' })).json();
    expect(r).toMatchObject({ status: 'in_progress', followUpRequired: true });
    expect((await act('liaison1', r, 'resolve', { note: '再处理' })).statusCode).toBe(409);
    const byOfficer = await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/follow-ups`, payload: { method: 'phone', note: '电话了解情况' } });
    expect(byOfficer.statusCode).toBe(403);
    const bySupervisor = await t.req('manager', { method: 'POST', url: `/api/v1/requests/${r.id}/follow-ups`, payload: { method: 'visit', rating: 2, note: '现场查看，确需整改' } });
    expect(bySupervisor.statusCode).toBe(201);
    r = bySupervisor.json();
    expect(r).toMatchObject({ followUpRequired: false, followUps: [expect.objectContaining({ method: 'visit', staffName: '园区经理' })] });
    expect((await act('liaison1', r, 'resolve', { note: '整改完成' })).json().status).toBe('resolved');
    expect((await t.req('manager', { method: 'POST', url: `/api/v1/requests/${r.id}/follow-ups`, payload: { method: 'fax', note: '' } })).statusCode).toBe(400);
  });
});

describe('follow-up queue', () => {
  it('lists closed requests without a follow-up, sampled by the configured ratio', async () => {
    let r = await accepted();
    r = (await act('liaison1', r, 'resolve', { note: '已处理' })).json();
    r = (await act('contact', r, 'confirm')).json();
    const due = async () => (await t.req('liaison1', { method: 'GET', url: '/api/v1/requests?followUpDue=true&pageSize=100' })).json().items.map((x: { id: string }) => x.id);
    expect(await due()).toContain(r.id);
    const settings = (await t.req('admin', { method: 'GET', url: '/api/v1/request-settings' })).json();
    await t.req('admin', { method: 'PUT', url: '/api/v1/request-settings', payload: { ...settings, followUpSampleRatio: 0 } });
    expect(await due()).not.toContain(r.id);
    await t.req('admin', { method: 'PUT', url: '/api/v1/request-settings', payload: { ...settings, followUpSampleRatio: 1 } });
    await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/follow-ups`, payload: { method: 'phone', rating: 5, note: '企业表示满意' } });
    expect(await due()).not.toContain(r.id);
  });
});
