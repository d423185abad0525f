import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { creditCode } from '../../../../test/fixture.js';
import { auditLogs, enterpriseIndicatorHistory, enterpriseIndicators, enterprises, policyMatches } from '../../../db/schema/index.js';
import { insertPolicy, insertYear } from '../../eligibility/test-fixtures.js';

const NOW = new Date('2026-11-25T02:00:00Z');
const t = useTestApp({ clock: () => NOW });

function multipart(filename: string, data: Buffer) {
  const boundary = '----yqt-indicator-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (user: string | null, filename: string, data: Buffer, dryRun: boolean) =>
  t.req(user, { method: 'POST', url: `/api/v1/indicators/import?dryRun=${dryRun}`, ...multipart(filename, data) });

const header = '统一社会信用代码,年度,营业收入（万元）,主营业务收入（万元）,研发费用（万元）,研发人员数,职工总数,净利润（万元）,纳税信用等级,研发机构级别';
const csv = (...rows: string[]) => Buffer.from('\uFEFF' + [header, ...rows].join('\r\n'), 'utf8');
const A1 = () => t.fx.entA1.creditCode;
const A2 = () => t.fx.entA2.creditCode;
const B1 = () => t.fx.entB1.creditCode;

beforeAll(async () => {
  await t.handle.db.update(enterprises).set({ foundedOn: '2018-03-01' }).where(eq(enterprises.id, t.fx.entA2.id));
  await insertYear(t.handle.db, t.fx.entA1.id, 2024, { operatingRevenue: 5000, rdStaff: 20, totalStaff: 100, creditStanding: 'B' });
});

describe('indicator import', () => {
  it('dry run lists every bad cell with row, column and reason, and writes nothing', async () => {
    const file = csv(
      `${A1()},2025,"1,200",1000,60,12,80,-30,A级,省级`, // good
      `${A1()},2025,1300,,,,,,,`, // duplicate of row 2
      `${creditCode(999)},2025,100,,,,,,,`, // unknown enterprise
      `${t.fx.entX.creditCode},2025,100,,,,,,,`, // another operator's enterprise
      `${A2()},2017,100,,,,,,,`, // before founding (2018)
      `${A2()},2027,100,,,,,,,`, // after this year
      `${B1()},2025,-5,,,,,,,`, // negative revenue
      `${B1()},2024,100,,,3.5,,,AAA,`, // non-integer R&D staff, bad credit standing
      `${A1()},2024,,,,150,,,,`, // merged with the record: rdStaff 150 > totalStaff 100
      `91430211XXXXXXXXX,2025,1,,,,,,,`, // malformed credit code
      `${B1()},二五,1,,,,,,,`, // bad year
    );
    const res = await upload('admin', 'indicators.csv', file, true);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, committed: false, totalRows: 11, validRows: 1, toCreate: 1, toUpdate: 0 });
    expect(body.errors).toEqual([
      { row: 3, column: '年度', reason: '与第2行重复（同一企业同一年度）' },
      { row: 4, column: '统一社会信用代码', reason: '未找到该统一社会信用代码的企业' },
      { row: 5, column: '统一社会信用代码', reason: '未找到该统一社会信用代码的企业' },
      { row: 6, column: '年度', reason: '年度不能早于成立年份（2018年）' },
      { row: 7, column: '年度', reason: '年度不能晚于2026年' },
      { row: 8, column: '营业收入（万元）', reason: '不能为负数' },
      { row: 9, column: '研发人员数', reason: '须为整数' },
      { row: 9, column: '纳税信用等级', reason: '应为：A级、B级、M级、C级、D级' },
      { row: 10, column: '研发人员数', reason: '研发人员数不能超过职工总数' },
      { row: 11, column: '统一社会信用代码', reason: expect.any(String) },
      { row: 12, column: '年度', reason: '应为四位年份，如 2025' },
    ]);
    const rows = await t.handle.db.select().from(enterpriseIndicators).where(eq(enterpriseIndicators.year, 2025));
    expect(rows).toEqual([]);
  });

  it('a commit with any error imports nothing (400 with the rows)', async () => {
    const res = await upload('admin', 'indicators.csv', csv(`${A1()},2025,1200,,,,,,,`, `${B1()},2025,-1,,,,,,,`), false);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.rows).toEqual([{ row: 3, column: '营业收入（万元）', reason: '不能为负数' }]);
    expect(await t.handle.db.select().from(enterpriseIndicators).where(eq(enterpriseIndicators.year, 2025))).toEqual([]);
  });

  it('commits all rows: new years created, blanks keep recorded values, history and audit kept, matches recomputed', async () => {
    // Two conditions: B1 (revenue 900, national R&D institution) is one condition away — nearly.
    const policy = await insertPolicy(t.handle.db, t.fx.op.id, {
      kind: 'all',
      children: [
        { kind: 'compare', label: '营业收入不低于1000万元', metric: 'operatingRevenue', op: 'gte', value: 1000 },
        { kind: 'compare', label: '省级及以上研发机构', metric: 'rdInstitutionLevel', op: 'gte', value: 'provincial' },
      ],
    });
    const res = await upload('admin', 'indicators.csv', csv(`${A1()},2025,"1,200",1000,60,12,80,-30,A级,省级`, `${A1()},2024,6000,,,,,,,`, `${B1()},2025年,900,,,,,,A,national`), false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, toCreate: 2, toUpdate: 1, errors: [] });

    const [y24] = await t.handle.db.select().from(enterpriseIndicators).where(and(eq(enterpriseIndicators.enterpriseId, t.fx.entA1.id), eq(enterpriseIndicators.year, 2024)));
    expect(y24).toMatchObject({ operatingRevenue: 6000, rdStaff: 20, totalStaff: 100, creditStanding: 'B', version: 2, source: 'import' });
    const [y25] = await t.handle.db.select().from(enterpriseIndicators).where(and(eq(enterpriseIndicators.enterpriseId, t.fx.entA1.id), eq(enterpriseIndicators.year, 2025)));
    expect(y25).toMatchObject({ operatingRevenue: 1200, mainBusinessRevenue: 1000, rdExpense: 60, rdStaff: 12, totalStaff: 80, netProfit: -30, creditStanding: 'A', rdInstitutionLevel: 'provincial', totalAssets: null, version: 1 });
    const [b25] = await t.handle.db.select().from(enterpriseIndicators).where(eq(enterpriseIndicators.enterpriseId, t.fx.entB1.id));
    expect(b25).toMatchObject({ year: 2025, operatingRevenue: 900, creditStanding: 'A', rdInstitutionLevel: 'national' });

    const hist = await t.handle.db.select().from(enterpriseIndicatorHistory).where(eq(enterpriseIndicatorHistory.enterpriseId, t.fx.entA1.id));
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ year: 2024, version: 1, snapshot: expect.objectContaining({ operatingRevenue: 5000, rdStaff: 20 }) });

    const audits = await t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityType, 'enterprise_indicators'));
    expect(audits.map((a) => a.action).sort()).toEqual(['indicators.import', 'indicators.import.create', 'indicators.import.create', 'indicators.import.update']);

    const matches = await t.handle.db.select().from(policyMatches).where(eq(policyMatches.policyId, policy.id));
    expect(matches.map((m) => [m.enterpriseId, m.verdict]).sort()).toEqual(
      [
        [t.fx.entA1.id, 'eligible'],
        [t.fx.entB1.id, 'nearly'],
      ].sort(),
    );
  });

  it('reads .xlsx with the template headers', async () => {
    const tpl = await t.req('manager', { method: 'GET', url: '/api/v1/indicators/template.xlsx' });
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('经营指标')!;
    expect(ws.getRow(1).getCell(1).value).toBe('统一社会信用代码*');
    expect(ws.getRow(1).getCell(2).value).toBe('年度*');
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    ws.addRow([A2(), 2023, 300, null, 9]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('manager', 'mine.xlsx', buf, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, toCreate: 1 });
    const [row] = await t.handle.db.select().from(enterpriseIndicators).where(eq(enterpriseIndicators.enterpriseId, t.fx.entA2.id));
    expect(row).toMatchObject({ year: 2023, operatingRevenue: 300, rdExpense: 9, source: 'import' });
  });

  it('a park manager imports only enterprises of their parks', async () => {
    const res = await upload('manager', 'x.csv', csv(`${B1()},2023,100,,,,,,,`), true);
    expect(res.json().errors).toEqual([{ row: 2, column: '统一社会信用代码', reason: '该企业不在您负责的范围内，无权修改' }]);
  });

  it('authorization and bad files', async () => {
    expect((await upload(null, 'x.csv', csv(), true)).statusCode).toBe(401);
    expect((await upload('liaison1', 'x.csv', csv(), true)).statusCode).toBe(403);
    expect((await upload('contact', 'x.csv', csv(), true)).statusCode).toBe(403);
    expect((await t.req('liaison1', { method: 'GET', url: '/api/v1/indicators/template.xlsx' })).statusCode).toBe(403);
    const type = await upload('admin', 'x.txt', Buffer.from('a'), true);
    expect(type.json().error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
    const noKey = await upload('admin', 'x.csv', Buffer.from('营业收入\r\n100'), true);
    expect(noKey.json().errors).toEqual([
      { row: 1, column: '统一社会信用代码', reason: '缺少必填列' },
      { row: 1, column: '年度', reason: '缺少必填列' },
    ]);
    const empty = await upload('admin', 'x.csv', csv(), false);
    expect(empty.statusCode).toBe(400);
  });
});
