import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { policyApplications } from '../../db/schema/index.js';
import { addOtherDeptHandler, insertPolicy } from './test-support.js';

const t = useTestApp({ clock: () => new Date('2026-12-10T12:00:00+08:00') });
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

/**
 * The hand-built world (Shanghai times). P1 is reviewed by 企业服务部, P2 by 财务部.
 *  #  policy enterprise park submitted            status      approved disbursed
 *  1  P1     A1         A    2026-10-05 10:00     approved    30       –
 *  2  P1     A2         A    2026-10-20 10:00     disbursed   20       18
 *  3  P1     B1         B    2026-11-01 00:30     rejected    –        –     (UTC: still 31 October)
 *  4  P1     A1         A    2026-11-10 10:00     withdrawn   –        –
 *  5  P2     A1         A    2026-11-12 10:00     submitted   –        –
 *  6  P2     B1         B    2026-11-30 23:30     disbursed   50       50
 *  7  P2     A2         A    2026-12-02 10:00     prechecked  –        –
 *  8  P2     B1         B    2026-09-15 10:00     rejected    –        –
 *  9  (another operator's policy and enterprise, 2026-11-05, approved 99)
 */
let p1 = '';
let p2 = '';
beforeAll(async () => {
  const other = await addOtherDeptHandler(t.handle.db, t.fx, 'dept2');
  const P1 = await insertPolicy(t.handle.db, t.fx, { title: '研发投入补助' });
  const P2 = await insertPolicy(t.handle.db, t.fx, { title: '专精特新奖励', departmentId: other.department.id });
  const PX = await insertPolicy(t.handle.db, t.fx, { title: '别家政策', operatorId: t.fx.op2.id, departmentId: null });
  p1 = P1.id;
  p2 = P2.id;
  const { entA1: A1, entA2: A2, entB1: B1, entX: X } = t.fx;
  const row = (n: number, p: typeof P1, e: typeof A1, when: string, status: string, approved: number | null = null, disbursed: number | null = null) => ({
    operatorId: e.operatorId,
    number: `SB2026000000${n}`,
    policyId: p.id,
    enterpriseId: e.id,
    parkId: e.parkId,
    departmentId: p.departmentId,
    status,
    form: {},
    declarationAccepted: true,
    approvedAmountWan: approved,
    disbursedAmountWan: disbursed,
    submittedAt: at(when),
  });
  await t.handle.db.insert(policyApplications).values([
    row(1, P1, A1, '2026-10-05T10:00:00', 'approved', 30),
    row(2, P1, A2, '2026-10-20T10:00:00', 'disbursed', 20, 18),
    row(3, P1, B1, '2026-11-01T00:30:00', 'rejected'),
    row(4, P1, A1, '2026-11-10T10:00:00', 'withdrawn'),
    row(5, P2, A1, '2026-11-12T10:00:00', 'submitted'),
    row(6, P2, B1, '2026-11-30T23:30:00', 'disbursed', 50, 50),
    row(7, P2, A2, '2026-12-02T10:00:00', 'prechecked'),
    row(8, P2, B1, '2026-09-15T10:00:00', 'rejected'),
    row(9, PX, X, '2026-11-05T10:00:00', 'approved', 99),
  ]);
});

const stats = async (user: string, qs: string) => {
  const res = await t.req(user, { method: 'GET', url: `/api/v1/applications/stats?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const zero = { applications: 0, pending: 0, decided: 0, approved: 0, rejected: 0, withdrawn: 0, disbursed: 0, approvalRate: null, approvedAmountWan: 0, disbursedAmountWan: 0 };

describe('application statistics', () => {
  it('by policy over a period: counts, approval rate over decided, amounts approved and paid, totals', async () => {
    const s = await stats('admin', 'groupBy=policy&from=2026-10-01&to=2026-11-30');
    expect(s).toMatchObject({ groupBy: 'policy', from: '2026-10-01', to: '2026-11-30' });
    expect(s.rows).toEqual([
      { key: p1, label: '研发投入补助', applications: 4, pending: 0, decided: 3, approved: 2, rejected: 1, withdrawn: 1, disbursed: 1, approvalRate: 0.6667, approvedAmountWan: 50, disbursedAmountWan: 18 },
      { key: p2, label: '专精特新奖励', applications: 2, pending: 1, decided: 1, approved: 1, rejected: 0, withdrawn: 0, disbursed: 1, approvalRate: 1, approvedAmountWan: 50, disbursedAmountWan: 50 },
    ]);
    expect(s.totals).toEqual({ applications: 6, pending: 1, decided: 4, approved: 3, rejected: 1, withdrawn: 1, disbursed: 2, approvalRate: 0.75, approvedAmountWan: 100, disbursedAmountWan: 68 });
  });

  it('by park and by Shanghai month, all time', async () => {
    const parks = await stats('leader', 'groupBy=park');
    expect(parks.rows.map((r: { label: string; applications: number; pending: number; approvalRate: number; approvedAmountWan: number; disbursedAmountWan: number }) => [r.label, r.applications, r.pending, r.approvalRate, r.approvedAmountWan, r.disbursedAmountWan])).toEqual([
      ['动力谷自主创新园', 5, 2, 1, 50, 18],
      ['天易科技城', 3, 0, 0.3333, 50, 50],
    ]);
    const months = await stats('admin', 'groupBy=month');
    expect(months.rows.map((r: { key: string; applications: number; decided: number; approvalRate: number | null }) => [r.key, r.applications, r.decided, r.approvalRate])).toEqual([
      ['2026-09', 1, 1, 0],
      ['2026-10', 2, 2, 1],
      // #3 was filed at 00:30 on 1 November in Shanghai (still October in UTC): it counts for November.
      ['2026-11', 4, 2, 0.5],
      ['2026-12', 1, 0, null],
    ]);
    expect(months.totals).toMatchObject({ applications: 8, approvedAmountWan: 100, disbursedAmountWan: 68 });
    // Filters narrow the same aggregate.
    const b = await stats('admin', `groupBy=month&parkId=${t.fx.parkB.id}&policyId=${p1}`);
    expect(b.rows.map((r: { key: string }) => r.key)).toEqual(['2026-11']);
  });

  it('is scoped: park managers their parks, departments their policies, other operators their own; officers and enterprises may not', async () => {
    const mgr = await stats('manager', 'groupBy=park');
    expect(mgr.rows.map((r: { label: string }) => r.label)).toEqual(['动力谷自主创新园']);
    expect(mgr.totals).toMatchObject({ applications: 5 });
    const dept = await stats('dept', 'groupBy=policy');
    expect(dept.rows.map((r: { key: string }) => r.key)).toEqual([p1]);
    expect(dept.totals).toMatchObject({ applications: 4, approvedAmountWan: 50 });
    const dept2 = await stats('dept2', 'groupBy=policy');
    expect(dept2.totals).toMatchObject({ applications: 4, approvedAmountWan: 50, disbursedAmountWan: 50 });
    const other = await stats('otheradmin', 'groupBy=policy');
    expect(other.rows).toEqual([expect.objectContaining({ label: '别家政策', applications: 1, approvedAmountWan: 99 })]);
    const none = await stats('admin', 'from=2027-01-01');
    expect(none).toMatchObject({ rows: [], totals: zero });
    for (const user of ['liaison1', 'contact']) expect((await t.req(user, { method: 'GET', url: '/api/v1/applications/stats' })).statusCode).toBe(403);
    expect((await t.req(null, { method: 'GET', url: '/api/v1/applications/stats' })).statusCode).toBe(401);
    const bad = await t.req('admin', { method: 'GET', url: '/api/v1/applications/stats?from=2026-12-01&to=2026-11-01' });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'to']);
    const badGroup = await t.req('admin', { method: 'GET', url: '/api/v1/applications/stats?groupBy=enterprise' });
    expect([badGroup.statusCode, badGroup.json().error.details[0].path]).toEqual([400, 'groupBy']);
  });
});

async function sheetOf(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

describe('exports', () => {
  it('stats.xlsx carries the same figures and a totals row', async () => {
    const { name, rows } = await sheetOf(await t.req('admin', { method: 'GET', url: '/api/v1/applications/stats.xlsx?groupBy=policy&from=2026-10-01&to=2026-11-30' }));
    expect(name).toBe('申报统计');
    expect(rows[0]).toEqual(['政策', '申报数', '在办', '已决定', '通过', '不通过', '撤回', '已兑现', '通过率', '批准金额（万元）', '兑现金额（万元）']);
    expect(rows[1]).toEqual(['研发投入补助', 4, 0, 3, 2, 1, 1, 1, 0.6667, 50, 18]);
    expect(rows[2]).toEqual(['专精特新奖励', 2, 1, 1, 1, 0, 0, 1, 1, 50, 50]);
    expect(rows[3]).toEqual(['合计', 6, 1, 4, 3, 1, 1, 2, 0.75, 100, 68]);
    expect(String(rows[4]![0])).toContain('2026-10-01 至 2026-11-30');
    expect((await t.req('liaison1', { method: 'GET', url: '/api/v1/applications/stats.xlsx' })).statusCode).toBe(403);
  });

  it('applications.xlsx exports the caller’s list with its filters', async () => {
    const { name, rows } = await sheetOf(await t.req('manager', { method: 'GET', url: '/api/v1/applications.xlsx?status=disbursed,approved' }));
    expect(name).toBe('政策申报');
    expect(rows[0]!.slice(0, 6)).toEqual(['申报编号', '政策', '企业', '园区', '受理部门', '状态']);
    // Park A only (the manager's park), newest first.
    expect(rows.slice(1).map((r) => [r[0], r[5], r[7], r[8]])).toEqual([
      ['SB20260000002', '已兑现', 20, 18],
      ['SB20260000001', '已批准', 30, undefined], // an empty cell
    ]);
    expect(rows[1]!.slice(1, 5)).toEqual(['研发投入补助', '湖南下水道疏通服务有限公司', '动力谷自主创新园', '企业服务部']);
    expect(rows[1]![11]).toBe('2026-10-20 10:00');
    const mine = await sheetOf(await t.req('contact', { method: 'GET', url: '/api/v1/applications.xlsx' }));
    expect(mine.rows.slice(1).map((r) => r[0]).sort()).toEqual(['SB20260000001', 'SB20260000004', 'SB20260000005']);
    const bad = await t.req('admin', { method: 'GET', url: '/api/v1/applications.xlsx?status=nope' });
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'status']);
  });
});
