import { applicationStatusLabels, type ApplicationFilters, type ApplicationStatsQuery, type ApplicationStatus } from '@yqt/contracts';
import { and } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { baseQuery, filterConditions, orderings } from './applications.repo.js';
import { applicationStats, checkPeriod } from './stats.service.js';
import { loadExcel } from '../../core/sheet.js';

export const MAX_EXPORT_ROWS = 100_000;
const WAN = '#,##0.00';
const when = (d: Date | null) => (d ? toShanghaiIso(d).slice(0, 16).replace('T', ' ') : null);

function styledSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  return ws;
}

export const listColumns = [
  { header: '申报编号', width: 18 },
  { header: '政策', width: 40 },
  { header: '企业', width: 32 },
  { header: '园区', width: 16 },
  { header: '受理部门', width: 14 },
  { header: '状态', width: 10 },
  { header: '申请金额（万元）', width: 14 },
  { header: '批准金额（万元）', width: 14 },
  { header: '兑现金额（万元）', width: 14 },
  { header: '拨付日期', width: 12 },
  { header: '拨付凭证号', width: 18 },
  { header: '提交时间', width: 17 },
  { header: '决定时间', width: 17 },
  { header: '当前环节时限', width: 17 },
];

/** The application list (same scope and filters as GET /applications, newest first) as .xlsx. */
export async function exportApplications(ctx: Ctx, filters: ApplicationFilters): Promise<Buffer> {
  checkPeriod(filters);
  const rows = await baseQuery(ctx.db)
    .where(and(...filterConditions(ctx.actor, filters)))
    .orderBy(...orderings['-submittedAt'])
    .limit(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `导出超过${MAX_EXPORT_ROWS}行，请先筛选`);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = styledSheet(wb, '政策申报', listColumns);
  for (const r of rows) {
    const a = r.a;
    ws.addRow([
      a.number,
      r.policyTitle,
      r.enterpriseName,
      r.parkName,
      r.departmentName,
      applicationStatusLabels[a.status as ApplicationStatus]?.zh ?? a.status,
      a.requestedAmountWan,
      a.approvedAmountWan,
      a.disbursedAmountWan,
      a.disbursedOn,
      a.disbursementRef,
      when(a.submittedAt),
      when(a.decidedAt),
      when(a.stepDueAt),
    ]);
  }
  for (const c of [7, 8, 9]) ws.getColumn(c).numFmt = WAN;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: listColumns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const groupHeaders = { policy: '政策', park: '园区', month: '月份' } as const;

/** The statistics (same query as GET /applications/stats) as .xlsx, with a totals row. */
export async function exportStats(ctx: Ctx, q: ApplicationStatsQuery): Promise<Buffer> {
  const s = await applicationStats(ctx, q);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = styledSheet(wb, '申报统计', [
    { header: groupHeaders[q.groupBy], width: q.groupBy === 'policy' ? 40 : 16 },
    { header: '申报数', width: 10 },
    { header: '在办', width: 8 },
    { header: '已决定', width: 8 },
    { header: '通过', width: 8 },
    { header: '不通过', width: 8 },
    { header: '撤回', width: 8 },
    { header: '已兑现', width: 8 },
    { header: '通过率', width: 10 },
    { header: '批准金额（万元）', width: 16 },
    { header: '兑现金额（万元）', width: 16 },
  ]);
  const line = (label: string, r: typeof s.totals) =>
    ws.addRow([label, r.applications, r.pending, r.decided, r.approved, r.rejected, r.withdrawn, r.disbursed, r.approvalRate, r.approvedAmountWan, r.disbursedAmountWan]);
  for (const r of s.rows) line(r.label, r);
  line('合计', s.totals).font = { bold: true };
  ws.getColumn(9).numFmt = '0.0%';
  ws.getColumn(10).numFmt = WAN;
  ws.getColumn(11).numFmt = WAN;
  const period = `统计期间（提交日期）：${s.from ?? '不限'} 至 ${s.to ?? '不限'}`;
  ws.addRow([]);
  ws.addRow([period]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
