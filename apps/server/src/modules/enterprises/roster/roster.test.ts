import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { creditCode } from '../../../../test/fixture.js';

const t = useTestApp();

function multipart(filename: string, data: Buffer) {
  const boundary = '----yqt-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (user: string | null, filename: string, data: Buffer, dryRun: boolean) =>
  t.req(user, { method: 'POST', url: `/api/v1/enterprises/import?dryRun=${dryRun}`, ...multipart(filename, data) });

const header = '统一社会信用代码,企业名称,所属园区,楼栋,单元,行业门类,企业规模,梯度层级,成立日期,从业人数';
const csv = (...rows: string[]) => Buffer.from('\uFEFF' + [header, ...rows].join('\r\n'), 'utf8');
const badCheck = (n: number) => creditCode(n).slice(0, 17) + (creditCode(n).endsWith('1') ? '2' : '1');

describe('roster import', () => {
  it('dry run lists every bad row with row number, column and reason, and writes nothing', async () => {
    const file = csv(
      `${creditCode(201)},导入测试一有限公司,动力谷自主创新园,A1栋,101,C,小型,高新技术企业,2015-03-01,45`,
      `${badCheck(202)},导入测试二有限公司,动力谷自主创新园,,,C 制造业,微型,,,`,
      `${creditCode(203)},,不存在的园区,,,Z,巨型,,2015-02-30,-3`,
      `${creditCode(201)},重复行有限公司,天易科技城,,,I,小型,,,`,
    );
    const res = await upload('admin', 'roster.csv', file, true);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ dryRun: true, totalRows: 4, validRows: 1, toCreate: 1, toUpdate: 0, committed: false });
    const at = (row: number) => r.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; reason: string }) => `${e.column}:${e.reason}`);
    expect(at(3)).toEqual(['统一社会信用代码:统一社会信用代码校验位错误']);
    expect(at(4)).toEqual(
      expect.arrayContaining(['企业名称:必填项为空', '所属园区:园区“不存在的园区”不存在', '企业规模:企业规模应为 大型/中型/小型/微型', '成立日期:日期格式应为 YYYY-MM-DD', '从业人数:应为非负整数']),
    );
    expect(at(4).some((s: string) => s.startsWith('行业门类'))).toBe(true);
    expect(at(5)).toEqual(['统一社会信用代码:与第2行重复']);
    const found = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises?q=${creditCode(201)}` })).json();
    expect(found.total).toBe(0);
  });

  it('commit is all-or-nothing: a file with one bad row imports nothing', async () => {
    const file = csv(`${creditCode(204)},全有全无一有限公司,动力谷自主创新园,,,C,小型,,,`, `${badCheck(205)},全有全无二有限公司,动力谷自主创新园,,,C,小型,,,`);
    const res = await upload('admin', 'roster.csv', file, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows[0]).toMatchObject({ row: 3, column: '统一社会信用代码' });
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/enterprises?q=${encodeURIComponent('全有全无')}` })).json().total).toBe(0);
  });

  it('commits an .xlsx, upserting by credit code and auditing each row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    ws.addRow(['统一社会信用代码*', '企业名称*', '所属园区*', '行业门类*', '企业规模*', '成立日期', '注册资本（万元）']);
    ws.addRow([creditCode(206), 'Excel导入有限公司', 'PA', 'M', '小型', new Date(Date.UTC(2019, 4, 8)), 500]);
    ws.addRow([creditCode(1), '株洲长河电力机车科技股份有限公司', '动力谷自主创新园', 'C', '中型', '2007-09-01', '3,000']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const dry = (await upload('admin', 'roster.xlsx', data, true)).json();
    expect(dry).toMatchObject({ toCreate: 1, toUpdate: 1, errors: [] });
    const res = await upload('admin', 'roster.xlsx', data, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, toCreate: 1, toUpdate: 1 });

    const created = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises?q=${encodeURIComponent('Excel导入')}` })).json();
    expect(created.items[0]).toMatchObject({ creditCode: creditCode(206), industryCode: 'M' });
    const updated = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA1.id}` })).json();
    expect(updated).toMatchObject({ name: '株洲长河电力机车科技股份有限公司', size: 'medium', foundedOn: '2007-09-01', registeredCapitalWan: 3000 });
    const log = (await t.req('admin', { method: 'GET', url: `/api/v1/audit-logs?entityId=${t.fx.entA1.id}&action=enterprise.import.update` })).json();
    expect(log.total).toBe(1);
  });

  it('reads GB18030-encoded CSV as saved by Excel on Chinese Windows', async () => {
    // "株洲编码测试有限公司" etc. encoded in GB18030 by hand-built bytes via TextEncoder is not possible; use a known mapping.
    const gbk = Buffer.from(
      // 统一社会信用代码,企业名称,所属园区,行业门类,企业规模\r\n<code>,测试,PA,C,小型
      'CDB3D2BBC9E7BBE1D0C5D3C3B4FAC2EB2CC6F3D2B5C3FBB3C62CCBF9CAF4D4B0C7F82CD0D0D2B5C3C5C0E02CC6F3D2B5B9E6C4A30D0A',
      'hex',
    );
    const body = Buffer.concat([gbk, Buffer.from(`${creditCode(207)},`), Buffer.from('B2E2CAD4', 'hex'), Buffer.from(',PA,C,'), Buffer.from('D0A1D0CD', 'hex')]);
    const r = (await upload('admin', 'gbk.csv', body, true)).json();
    expect(r).toMatchObject({ totalRows: 1, toCreate: 1, errors: [] });
  });

  it('a park manager may import only into their park', async () => {
    const file = csv(`${creditCode(208)},园区外企业有限公司,天易科技城,,,C,小型,,,`, `${creditCode(3)},株洲硬质合金材料有限公司,动力谷自主创新园,,,C,小型,,,`);
    const r = (await upload('manager', 'roster.csv', file, true)).json();
    expect(r.errors).toEqual([
      { row: 2, column: '所属园区', reason: '不是您负责的园区' },
      { row: 3, column: '统一社会信用代码', reason: '该企业属于其他园区，无权修改' },
    ]);
  });

  it('authorization: anonymous 401, leader and liaison 403', async () => {
    const file = csv(`${creditCode(209)},x有限公司,PA,,,C,小型,,,`);
    expect((await upload(null, 'r.csv', file, true)).statusCode).toBe(401);
    expect((await upload('leader', 'r.csv', file, true)).statusCode).toBe(403);
    expect((await upload('liaison1', 'r.csv', file, true)).statusCode).toBe(403);
  });

  it('rejects other file types, unreadable workbooks, missing columns and a missing file', async () => {
    expect((await upload('admin', 'r.txt', Buffer.from('x'), true)).json().error.details[0].path).toBe('file');
    expect((await upload('admin', 'r.xlsx', Buffer.from('not a zip'), true)).statusCode).toBe(400);
    const noCols = (await upload('admin', 'r.csv', Buffer.from('名称\nabc'), true)).json();
    expect(noCols.errors.map((e: { column: string }) => e.column)).toEqual(expect.arrayContaining(['统一社会信用代码', '所属园区']));
    const noFile = await t.req('admin', { method: 'POST', url: '/api/v1/enterprises/import', payload: { a: 1 } });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('roster export', () => {
  it('exports the filtered list in scope as .xlsx that parses back', async () => {
    const res = await t.req('leader', { method: 'GET', url: `/api/v1/enterprises/export.xlsx?parkId=${t.fx.parkA.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('企业名录')!;
    expect(ws.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    const names = [];
    for (let r = 2; r <= ws.rowCount; r++) names.push(String(ws.getRow(r).getCell(2).value));
    expect(names).toContain('湖南下水道疏通服务有限公司');
    expect(names).not.toContain('株洲硬质合金材料有限公司');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('is forbidden to department handlers and anonymous users', async () => {
    expect((await t.req('dept', { method: 'GET', url: '/api/v1/enterprises/export.xlsx' })).statusCode).toBe(403);
    expect((await t.req(null, { method: 'GET', url: '/api/v1/enterprises/export.xlsx' })).statusCode).toBe(401);
  });

  it('serves an import template listing the operator’s parks', async () => {
    const res = await t.req('manager', { method: 'GET', url: '/api/v1/enterprises/import/template.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('填写说明')!.getRow(2).getCell(2).value)).toContain('动力谷自主创新园（PA）');
  });
});
