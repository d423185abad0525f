import {
  creditCodeMessages,
  creditCodeProblem,
  indicatorFields,
  indicatorProblems,
  normalizeCreditCode,
  type ImportResult,
  type ImportRowError,
  type IndicatorField,
  type IndicatorValues,
} from '@yqt/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditRecord } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { auditLogs, enterpriseIndicatorHistory, enterpriseIndicators, enterprises } from '../../../db/schema/index.js';
import { canEditIndicators, forgetOperatorFacts, recomputeEnterprisesMatches } from '../../eligibility/index.js';
import { yearRange } from '../indicators.service.js';
import { snapshotOf, valuesOf, type IndicatorDbRow } from '../indicators.mapper.js';
import { headerOf, indicatorColumns, keyForHeader, type Column, type ColumnKey } from './columns.js';
import { readMatrix } from '../../../core/sheet.js';

export const MAX_IMPORT_ROWS = 20_000;
const CHUNK = 500;

type ParsedRow = { row: number; creditCode: string; year: number; provided: Partial<IndicatorValues> };
type Target = { id: string; operatorId: string; parkId: string; liaisonId: string | null; backupLiaisonId: string | null; foundedOn: string | null };
type ValidRow = ParsedRow & { enterprise: Target; existing: IndicatorDbRow | null; merged: IndicatorValues };

const snake: Record<IndicatorField, string> = {
  operatingRevenue: 'operating_revenue',
  mainBusinessRevenue: 'main_business_revenue',
  rdExpense: 'rd_expense',
  rdStaff: 'rd_staff',
  totalStaff: 'total_staff',
  totalAssets: 'total_assets',
  totalLiabilities: 'total_liabilities',
  netProfit: 'net_profit',
  exportRevenue: 'export_revenue',
  equityFinancing: 'equity_financing',
  ipClass1: 'ip_class1',
  ipClass2: 'ip_class2',
  rdInstitutionLevel: 'rd_institution_level',
  emergingIndustry: 'emerging_industry',
  creditStanding: 'credit_standing',
};

/** One cell → value, or the reason it is bad. Thousands separators and full-width digits are accepted. */
function parseCell(col: Column, raw: string): { value: number | string } | { reason: string } {
  const s = raw.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (col.kind === 'enum') {
    const v = col.vocab!.get(raw.trim()) ?? col.vocab!.get(raw.trim().toLowerCase());
    return v ? { value: v } : { reason: `应为：${col.hint}` };
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { reason: '须为数字' };
  const n = Number(s);
  if (col.kind === 'count' && !Number.isInteger(n)) return { reason: '须为整数' };
  if (col.kind !== 'signedAmount' && n < 0) return { reason: '不能为负数' };
  if (Math.abs(n) > 1e10) return { reason: '数值过大' };
  return { value: n };
}

function parseRows(matrix: string[][], errors: ImportRowError[]): ParsedRow[] {
  const header = matrix[0] ?? [];
  const keys: (ColumnKey | undefined)[] = header.map((h) => keyForHeader(h));
  for (const c of indicatorColumns) if (c.required && !keys.includes(c.key)) errors.push({ row: 1, column: c.header, reason: '缺少必填列' });
  if (errors.length) return [];
  const out: ParsedRow[] = [];
  for (let r = 1; r < matrix.length; r++) {
    const cells = matrix[r]!;
    if (cells.every((c) => !c.trim())) continue; // blank lines are not rows
    const row = r + 1; // spreadsheet row number: the header is row 1
    const start = errors.length;
    const cell = (k: ColumnKey) => (cells[keys.indexOf(k)] ?? '').trim();
    const rawCode = cell('creditCode');
    const creditCode = normalizeCreditCode(rawCode);
    if (!rawCode) errors.push({ row, column: headerOf('creditCode'), reason: '必填项为空' });
    else {
      const p = creditCodeProblem(creditCode);
      if (p) errors.push({ row, column: headerOf('creditCode'), reason: creditCodeMessages[p] });
    }
    const rawYear = cell('year').replace(/年$/, '');
    const year = Number(rawYear);
    if (!rawYear) errors.push({ row, column: headerOf('year'), reason: '必填项为空' });
    else if (!/^\d{4}$/.test(rawYear)) errors.push({ row, column: headerOf('year'), reason: '应为四位年份，如 2025' });
    const provided: Partial<Record<IndicatorField, number | string>> = {};
    keys.forEach((k, i) => {
      if (!k || k === 'creditCode' || k === 'year') return;
      const raw = (cells[i] ?? '').trim();
      if (!raw) return; // blank = keep what is on record
      const col = indicatorColumns.find((c) => c.key === k)!;
      const v = parseCell(col, raw);
      if ('reason' in v) errors.push({ row, column: col.header, reason: v.reason });
      else provided[k] = v.value;
    });
    if (errors.length === start) out.push({ row, creditCode, year, provided: provided as Partial<IndicatorValues> });
  }
  return out;
}

async function targetsByCode(db: DbOrTx, operatorId: string, codes: string[]): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .select({
        id: enterprises.id,
        creditCode: enterprises.creditCode,
        operatorId: enterprises.operatorId,
        parkId: enterprises.parkId,
        liaisonId: enterprises.liaisonId,
        backupLiaisonId: enterprises.backupLiaisonId,
        foundedOn: enterprises.foundedOn,
      })
      .from(enterprises)
      .where(and(eq(enterprises.operatorId, operatorId), inArray(enterprises.creditCode, codes.slice(i, i + CHUNK))));
    for (const { creditCode, ...t } of rows) found.set(creditCode, t);
  }
  return found;
}

/** Existing rows keyed `${enterpriseId}/${year}` (FOR UPDATE inside the commit transaction). */
async function existingRows(db: DbOrTx, ids: string[], lock: boolean): Promise<Map<string, IndicatorDbRow>> {
  const out = new Map<string, IndicatorDbRow>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const q = db.select().from(enterpriseIndicators).where(inArray(enterpriseIndicators.enterpriseId, ids.slice(i, i + CHUNK)));
    const rows = lock ? await q.for('update') : await q;
    for (const r of rows) out.set(`${r.enterpriseId}/${r.year}`, r);
  }
  return out;
}

const nulls = (): IndicatorValues => valuesOf({});

/**
 * Imports yearly indicators (one row per enterprise and year, keyed by 统一社会信用代码 + 年度).
 * A blank cell keeps the value on record; a new year starts empty. Dry run lists every bad cell
 * (row, column, reason); a commit applies all rows in one transaction — or nothing. Updated years
 * keep their previous state in the history, and matches of the touched enterprises are recomputed.
 */
export async function importIndicators(ctx: Ctx, file: { filename: string; data: Buffer }, dryRun: boolean): Promise<ImportResult> {
  const matrix = await readMatrix(file.filename, file.data);
  if (matrix.length - 1 > MAX_IMPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `单次最多导入${MAX_IMPORT_ROWS}行`);
  const errors: ImportRowError[] = [];
  const parsed = parseRows(matrix, errors);
  const totalRows = matrix.slice(1).filter((r) => r.some((c) => c.trim())).length;

  const targets = await targetsByCode(ctx.db, ctx.actor.operatorId, [...new Set(parsed.map((p) => p.creditCode))]);
  const existing = await existingRows(ctx.db, [...new Set([...targets.values()].map((t) => t.id))], false);
  const valid: ValidRow[] = [];
  const firstRow = new Map<string, number>();
  for (const p of parsed) {
    const e = targets.get(p.creditCode);
    const err = (key: ColumnKey, reason: string) => errors.push({ row: p.row, column: headerOf(key), reason });
    if (!e) {
      err('creditCode', '未找到该统一社会信用代码的企业');
      continue;
    }
    if (!canEditIndicators(ctx.actor, e)) {
      err('creditCode', '该企业不在您负责的范围内，无权修改');
      continue;
    }
    const range = yearRange(e.foundedOn, ctx.now);
    if (p.year > range.max || p.year < range.min) {
      err('year', p.year > range.max ? `年度不能晚于${range.max}年` : `年度不能早于成立年份（${range.min}年）`);
      continue;
    }
    const key = `${e.id}/${p.year}`;
    const seen = firstRow.get(key);
    if (seen) {
      err('year', `与第${seen}行重复（同一企业同一年度）`);
      continue;
    }
    firstRow.set(key, p.row);
    const before = existing.get(key) ?? null;
    const merged: IndicatorValues = { ...(before ? valuesOf(before) : nulls()), ...p.provided };
    const problems = indicatorProblems(merged);
    for (const pr of problems) err(pr.path, pr.message);
    if (!problems.length) valid.push({ ...p, enterprise: e, existing: before, merged });
  }
  errors.sort((a, b) => a.row - b.row);
  const toUpdate = valid.filter((v) => v.existing).length;
  const result: ImportResult = {
    dryRun,
    totalRows,
    validRows: totalRows - new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size,
    toCreate: valid.length - toUpdate,
    toUpdate,
    errors,
    committed: false,
  };
  if (dryRun) return result;
  if (errors.length) throw new AppError('VALIDATION_FAILED', `导入失败：有${errors.length}处错误，未导入任何数据`, { rows: errors });
  if (!valid.length) throw new AppError('VALIDATION_FAILED', '文件中没有数据行', { rows: [] });

  await ctx.db.transaction(async (tx) => {
    const ids = [...new Set(valid.map((v) => v.enterprise.id))];
    // Re-read under lock: an edit since the dry run is kept in the history, not lost.
    const current = await existingRows(tx, ids, true);
    const audits: (typeof auditLogs.$inferInsert)[] = [];
    const inserts: (typeof enterpriseIndicators.$inferInsert)[] = [];
    const updates: { before: IndicatorDbRow; values: IndicatorValues }[] = [];
    for (const v of valid) {
      const before = current.get(`${v.enterprise.id}/${v.year}`);
      if (before) updates.push({ before, values: { ...valuesOf(before), ...v.provided } });
      else inserts.push({ enterpriseId: v.enterprise.id, year: v.year, ...v.merged, source: 'import', updatedByUserId: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now });
    }
    for (let i = 0; i < inserts.length; i += CHUNK) {
      const rows = await tx.insert(enterpriseIndicators).values(inserts.slice(i, i + CHUNK)).returning();
      for (const r of rows) audits.push(auditRecord(ctx, { action: 'indicators.import.create', entityType: 'enterprise_indicators', entityId: r.id, after: { enterpriseId: r.enterpriseId, ...snapshotOf(r) } }));
    }
    for (let i = 0; i < updates.length; i += CHUNK) {
      const chunk = updates.slice(i, i + CHUNK);
      const json = JSON.stringify(chunk.map((u) => Object.fromEntries([['id', u.before.id], ...indicatorFields.map((f) => [snake[f], u.values[f]])])));
      const sets = indicatorFields.map((f) => `${snake[f]} = x.${snake[f]}`).join(', ');
      const types = indicatorFields
        .map((f) => `${snake[f]} ${['rdStaff', 'totalStaff', 'ipClass1', 'ipClass2'].includes(f) ? 'int' : ['rdInstitutionLevel', 'emergingIndustry', 'creditStanding'].includes(f) ? 'text' : 'numeric'}`)
        .join(', ');
      await tx.execute(sql`
        UPDATE enterprise_indicators t
           SET ${sql.raw(sets)}, source = 'import', version = t.version + 1,
               updated_by_user_id = ${ctx.actor.userId}::uuid, updated_at = ${ctx.now.toISOString()}::timestamptz
          FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, ${sql.raw(types)})
         WHERE t.id = x.id`);
      await tx.insert(enterpriseIndicatorHistory).values(
        chunk.map((u) => ({
          enterpriseId: u.before.enterpriseId,
          year: u.before.year,
          version: u.before.version,
          snapshot: snapshotOf(u.before),
          changedByUserId: ctx.actor.userId,
          createdAt: ctx.now,
        })),
      );
      for (const u of chunk) {
        audits.push(
          auditRecord(ctx, {
            action: 'indicators.import.update',
            entityType: 'enterprise_indicators',
            entityId: u.before.id,
            before: { enterpriseId: u.before.enterpriseId, ...snapshotOf(u.before) },
            after: { enterpriseId: u.before.enterpriseId, year: u.before.year, version: u.before.version + 1, ...u.values },
          }),
        );
      }
    }
    audits.push(
      auditRecord(ctx, {
        action: 'indicators.import',
        entityType: 'enterprise_indicators',
        entityId: null,
        after: { filename: file.filename, created: inserts.length, updated: updates.length, enterprises: ids.length },
      }),
    );
    for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditLogs).values(audits.slice(i, i + CHUNK));
    await recomputeEnterprisesMatches(tx, ctx.actor.operatorId, ids, ctx.now);
    result.toCreate = inserts.length;
    result.toUpdate = updates.length;
  });
  forgetOperatorFacts(ctx.actor.operatorId);
  return { ...result, committed: true };
}
