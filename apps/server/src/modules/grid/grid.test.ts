import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();
const assign = (user: string | null, id: string, payload: object) =>
  t.req(user, { method: 'PUT', url: `/api/v1/enterprises/${id}/liaison`, payload });

describe('PUT /enterprises/:id/liaison', () => {
  it('authorization matrix: anonymous 401, liaison 403, manager of another park 403, other tenant 404, manager 200', async () => {
    const to3 = { liaisonId: t.fx.liaison3.staff!.id };
    expect((await assign(null, t.fx.entA2.id, to3)).statusCode).toBe(401);
    expect((await assign('liaison1', t.fx.entA2.id, to3)).statusCode).toBe(403);
    expect((await assign('leader', t.fx.entA2.id, to3)).statusCode).toBe(403);
    expect((await assign('manager', t.fx.entB1.id, to3)).statusCode).toBe(403);
    expect((await assign('otheradmin', t.fx.entA2.id, to3)).statusCode).toBe(404);
    const ok = await assign('manager', t.fx.entA2.id, { ...to3, backupLiaisonId: t.fx.liaison1.staff!.id, reason: '人员调整' });
    expect(ok.statusCode).toBe(200);
    const e = ok.json();
    expect(e).toMatchObject({ liaisonName: '联络员丙', backupLiaisonName: '联络员甲' });
    expect(e.liaisonHistory).toHaveLength(2);
    expect(e.liaisonHistory[0]).toMatchObject({ liaisonName: '联络员丙', endedAt: null, reason: '人员调整', assignedByName: '园区经理' });
    expect(e.liaisonHistory[1].endedAt).not.toBeNull();
  });

  it('moves write access with the grid: the new officer may edit, the old one may not', async () => {
    const e = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA2.id}` })).json();
    const byOld = await t.req('liaison2', { method: 'PATCH', url: `/api/v1/enterprises/${t.fx.entA2.id}`, payload: { version: e.version, phone: '0731-22222222' } });
    expect(byOld.statusCode).toBe(403);
    const byNew = await t.req('liaison3', { method: 'PATCH', url: `/api/v1/enterprises/${t.fx.entA2.id}`, payload: { version: e.version, phone: '0731-22222222' } });
    expect(byNew.statusCode).toBe(200);
  });

  it('rejects a non-officer, a same-person backup, and a backup without officer', async () => {
    const r1 = await assign('admin', t.fx.entA1.id, { liaisonId: t.fx.dept1.staff!.id });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details[0].path).toBe('liaisonId');
    const r2 = await assign('admin', t.fx.entA1.id, { liaisonId: t.fx.liaison1.staff!.id, backupLiaisonId: t.fx.liaison1.staff!.id });
    expect(r2.json().error.details[0].path).toBe('backupLiaisonId');
    const r3 = await assign('admin', t.fx.entA1.id, { liaisonId: null, backupLiaisonId: t.fx.liaison1.staff!.id });
    expect(r3.statusCode).toBe(400);
    const r4 = await assign('admin', t.fx.entA1.id, { liaisonId: 'x' });
    expect(r4.statusCode).toBe(400);
  });

  it('records the assignment in the audit log', async () => {
    const log = (await t.req('admin', { method: 'GET', url: `/api/v1/audit-logs?entityId=${t.fx.entA2.id}&action=grid.assign` })).json();
    expect(log.items[0].before).toEqual({ liaisonId: t.fx.liaison1.staff!.id, backupLiaisonId: null });
    expect(log.items[0].after).toMatchObject({ liaisonId: t.fx.liaison3.staff!.id, reason: '人员调整' });
  });
});

describe('POST /grid/assignments', () => {
  it('is all-or-nothing: one enterprise outside the manager’s park fails the whole request', async () => {
    const res = await t.req('manager', {
      method: 'POST',
      url: '/api/v1/grid/assignments',
      payload: { enterpriseIds: [t.fx.entA1.id, t.fx.entB1.id], liaisonId: t.fx.liaison2.staff!.id },
    });
    expect(res.statusCode).toBe(403);
    const a1 = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA1.id}` })).json();
    expect(a1.liaisonId).toBe(t.fx.liaison1.staff!.id);
  });

  it('assigns several enterprises at once for an admin, counting only real changes', async () => {
    const res = await t.req('admin', {
      method: 'POST',
      url: '/api/v1/grid/assignments',
      payload: { enterpriseIds: [t.fx.entA1.id, t.fx.entB1.id], liaisonId: t.fx.liaison2.staff!.id, reason: '网格调整' },
    });
    expect(res.json()).toEqual({ updated: 1 }); // entB1 already had liaison2 and no backup
    const list = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises?liaisonId=${t.fx.liaison2.staff!.id}` })).json();
    expect(list.total).toBe(2);
  });

  it('rejects an empty selection and unknown enterprises', async () => {
    const empty = await t.req('admin', { method: 'POST', url: '/api/v1/grid/assignments', payload: { enterpriseIds: [], liaisonId: t.fx.liaison2.staff!.id } });
    expect(empty.statusCode).toBe(400);
    const foreign = await t.req('admin', { method: 'POST', url: '/api/v1/grid/assignments', payload: { enterpriseIds: [t.fx.entX.id], liaisonId: t.fx.liaison2.staff!.id } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('workload and areas', () => {
  it('lists each officer’s grid size, backups and parks', async () => {
    const res = await t.req('leader', { method: 'GET', url: '/api/v1/grid/workload?sort=name' });
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { name: string; gridSize: number; parks: string[] }[];
    expect(rows.map((r) => r.name).sort()).toEqual(['联络员丙', '联络员乙', '联络员甲'].sort());
    const yi = rows.find((r) => r.name === '联络员乙')!;
    expect(yi.gridSize).toBe(2);
    expect(yi.parks.sort()).toEqual(['动力谷自主创新园', '天易科技城'].sort());
  });

  it('forbids workload to a department handler', async () => {
    expect((await t.req('dept', { method: 'GET', url: '/api/v1/grid/workload' })).statusCode).toBe(403);
  });

  it('lets an admin create an area, set its leader and move officers into it; others get 403', async () => {
    expect((await t.req('manager', { method: 'POST', url: '/api/v1/areas', payload: { name: '天易片区' } })).statusCode).toBe(403);
    expect((await t.req(null, { method: 'POST', url: '/api/v1/areas', payload: { name: '天易片区' } })).statusCode).toBe(401);
    const created = await t.req('admin', { method: 'POST', url: '/api/v1/areas', payload: { name: '天易片区', leaderId: t.fx.leader.staff!.id } });
    expect(created.statusCode).toBe(201);
    const area = created.json();
    expect(area).toMatchObject({ name: '天易片区', leaderName: '领导', officerCount: 0 });
    const moved = await t.req('admin', { method: 'PUT', url: `/api/v1/areas/${area.id}/members`, payload: { staffIds: [t.fx.liaison2.staff!.id] } });
    expect(moved.json()).toMatchObject({ officerCount: 1, enterpriseCount: 2 });
    const renamed = await t.req('admin', { method: 'PATCH', url: `/api/v1/areas/${area.id}`, payload: { name: '天易联片' } });
    expect(renamed.json().name).toBe('天易联片');
    const otherTenant = await t.req('otheradmin', { method: 'PATCH', url: `/api/v1/areas/${area.id}`, payload: { name: 'x' } });
    expect(otherTenant.statusCode).toBe(404);
    const badLeader = await t.req('admin', { method: 'POST', url: '/api/v1/areas', payload: { name: '坏', leaderId: t.fx.otherAdmin.staff!.id } });
    expect(badLeader.statusCode).toBe(400);
  });
});
