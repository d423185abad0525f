import { industrySections, sizeLabels, statusLabels, tierLabels } from '@yqt/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type ExcelJS from 'exceljs';

import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { buildings, enterprises, parks, staff, units } from '../../../db/schema/index.js';
import { filterConditions, type ListFilters } from '../enterprises.repo.js';
import { rosterColumns } from './columns.js';
import { loadExcel } from '../../../core/sheet.js';

export const MAX_EXPORT_ROWS = 100_000;
const liaison = alias(staff, 'liaison');

function styledSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  return ws;
}

/**
 * The current enterprise list (same filters and scope as the list endpoint) as .xlsx.
 * Columns are the roster columns, so an export can be edited and imported back, plus the liaison officer.
 */
export async function exportRoster(ctx: Ctx, filters: ListFilters): Promise<Buffer> {
  const where = and(...filterConditions(ctx.actor, filters));
  const rows = await ctx.db
    .select({ e: enterprises, parkName: parks.name, buildingName: buildings.name, unitName: units.name, liaisonName: liaison.name })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .leftJoin(units, eq(units.id, enterprises.unitId))
    .leftJoin(liaison, eq(liaison.id, enterprises.liaisonId))
    .where(where)
    .orderBy(asc(parks.sortOrder), asc(enterprises.name))
    .limit(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `导出超过${MAX_EXPORT_ROWS}行，请先筛选`);

  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = styledSheet(wb, '企业名录', [...rosterColumns, { header: '企业联络员', width: 12 }]);
  for (const r of rows) {
    const e = r.e;
    ws.addRow([
      e.creditCode,
      e.name,
      e.shortName,
      r.parkName,
      r.buildingName,
      r.unitName,
      `${e.industryCode} ${industrySections[e.industryCode as keyof typeof industrySections] ?? ''}`.trim(),
      e.industryDetail,
      sizeLabels[e.size as keyof typeof sizeLabels]?.zh ?? e.size,
      tierLabels[e.tier as keyof typeof tierLabels]?.zh ?? e.tier,
      statusLabels[e.status as keyof typeof statusLabels]?.zh ?? e.status,
      e.foundedOn,
      e.registeredCapitalWan,
      e.employeeCount,
      e.legalRepresentative,
      e.phone,
      e.address,
      r.liaisonName,
    ]);
  }
  ws.getColumn(13).numFmt = '#,##0.00';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rosterColumns.length + 1 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty roster with the columns, one example row, and the operator's parks for reference. */
export async function rosterTemplate(ctx: Ctx): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '园企通';
  const ws = styledSheet(wb, '企业名录', [...rosterColumns]);
  rosterColumns.forEach((c, i) => {
    if (c.required) ws.getCell(1, i + 1).value = `${c.header}*`;
  });
  const help = styledSheet(wb, '填写说明', [
    { header: '项目', width: 16 },
    { header: '可填写的值', width: 80 },
  ]);
  const parkRows = await ctx.db
    .select({ name: parks.name, code: parks.code })
    .from(parks)
    .where(eq(parks.operatorId, ctx.actor.operatorId))
    .orderBy(asc(parks.sortOrder));
  help.addRows([
    ['所属园区', parkRows.map((p) => `${p.name}（${p.code}）`).join('、')],
    ['行业门类', Object.entries(industrySections).map(([k, v]) => `${k} ${v}`).join('；')],
    ['企业规模', Object.values(sizeLabels).map((l) => l.zh).join('、')],
    ['梯度层级', Object.values(tierLabels).map((l) => l.zh).join('、')],
    ['状态', Object.values(statusLabels).map((l) => l.zh).join('、')],
    ['说明', '带 * 的列必填；按统一社会信用代码匹配：已存在的企业将被更新，其余新增。先“预检”，无错误后再确认导入。'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
