import type { ImportResult, ImportRowError } from '@yqt/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { hasRole } from '../../../core/actor.js';
import { auditRecord } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import type { DbOrTx } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { auditLogs, buildings, enterprises, parks, units } from '../../../db/schema/index.js';
import { searchFieldsFor } from '../search-tokens.js';
import { headerOf, rosterColumns } from './columns.js';
import { parseRoster } from './parse.js';
import { validateRow, type Places, type ValidRow } from './validate.js';
import { recomputeEnterprisesMatches } from '../../eligibility/index.js';

export const MAX_IMPORT_ROWS = 50_000;
const CHUNK = 500;

async function loadPlaces(db: DbOrTx, operatorId: string): Promise<Places> {
  const [p, b, u] = await Promise.all([
    db.select({ id: parks.id, name: parks.name, code: parks.code }).from(parks).where(eq(parks.operatorId, operatorId)),
    db.select({ id: buildings.id, name: buildings.name, parkId: buildings.parkId }).from(buildings).where(eq(buildings.operatorId, operatorId)),
    db.select({ id: units.id, name: units.name, buildingId: units.buildingId }).from(units).where(eq(units.operatorId, operatorId)),
  ]);
  const places: Places = { parks: new Map(), buildings: new Map(), units: new Map() };
  for (const x of p) {
    places.parks.set(x.name, x);
    places.parks.set(x.code, x);
  }
  for (const x of b) places.buildings.set(`${x.parkId}/${x.name}`, x);
  for (const x of u) places.units.set(`${x.buildingId}/${x.name}`, x);
  return places;
}

async function existingByCode(db: DbOrTx, operatorId: string, codes: string[]) {
  const found = new Map<string, typeof enterprises.$inferSelect>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.operatorId, operatorId), inArray(enterprises.creditCode, codes.slice(i, i + CHUNK))));
    for (const r of rows) found.set(r.creditCode, r);
  }
  return found;
}

/**
 * Imports a roster. Dry run: validate every row and report every problem. Commit: the same checks,
 * then all rows in one transaction (upsert by credit code) — or nothing, if any row is bad.
 */
export async function importRoster(ctx: Ctx, file: { filename: string; data: Buffer }, dryRun: boolean): Promise<ImportResult> {
  const required = rosterColumns.filter((c) => c.required).map((c) => c.key);
  const sheet = await parseRoster(file.filename, file.data, required);
  const errors: ImportRowError[] = sheet.missingHeaders.map((k) => ({ row: 1, column: headerOf(k), reason: '缺少必填列' }));
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `单次最多导入${MAX_IMPORT_ROWS}行`);
  }
  const places = await loadPlaces(ctx.db, ctx.actor.operatorId);
  const valid: ValidRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  if (!sheet.missingHeaders.length) {
    for (const { row, values } of sheet.rows) {
      const ok = validateRow(row, values, places, errors);
      if (!ok) continue;
      const seen = firstRowOfCode.get(ok.values.creditCode);
      if (seen) {
        errors.push({ row, column: headerOf('creditCode'), reason: `与第${seen}行重复` });
        continue;
      }
      firstRowOfCode.set(ok.values.creditCode, row);
      valid.push(ok);
    }
  }

  const existing = await existingByCode(ctx.db, ctx.actor.operatorId, valid.map((v) => v.values.creditCode));
  // Park managers import only into their parks, and only update enterprises already in them.
  if (!hasRole(ctx.actor, 'admin')) {
    for (const v of valid) {
      const before = existing.get(v.values.creditCode);
      if (!ctx.actor.parkIds.includes(v.values.parkId)) errors.push({ row: v.row, column: headerOf('park'), reason: '不是您负责的园区' });
      else if (before && !ctx.actor.parkIds.includes(before.parkId)) {
        errors.push({ row: v.row, column: headerOf('creditCode'), reason: '该企业属于其他园区，无权修改' });
      }
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const toUpdate = valid.filter((v) => existing.has(v.values.creditCode)).length;
  const result: ImportResult = {
    dryRun,
    totalRows: sheet.rows.length,
    validRows: sheet.rows.length - new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size,
    toCreate: valid.length - toUpdate,
    toUpdate,
    errors,
    committed: false,
  };
  if (dryRun) return result;
  if (errors.length) throw new AppError('VALIDATION_FAILED', `导入失败：有${errors.length}处错误，未导入任何数据`, { rows: errors });
  if (!valid.length) throw new AppError('VALIDATION_FAILED', '文件中没有数据行', { rows: [] });

  await ctx.db.transaction(async (tx) => {
    // Re-read inside the transaction: another import may have created some codes since the check.
    const current = await existingByCode(tx, ctx.actor.operatorId, valid.map((v) => v.values.creditCode));
    const audits: (typeof auditLogs.$inferInsert)[] = [];
    const touched: string[] = [];
    const inserts = valid.filter((v) => !current.has(v.values.creditCode));
    for (let i = 0; i < inserts.length; i += CHUNK) {
      const rows = await tx
        .insert(enterprises)
        .values(
          inserts.slice(i, i + CHUNK).map((v) => ({
            ...v.values,
            operatorId: ctx.actor.operatorId,
            ...searchFieldsFor(v.values),
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })),
        )
        .returning({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name });
      touched.push(...rows.map((r) => r.id));
      for (const r of rows) audits.push(auditRecord(ctx, { action: 'enterprise.import.create', entityType: 'enterprise', entityId: r.id, after: r }));
    }
    for (const v of valid) {
      const before = current.get(v.values.creditCode);
      if (!before) continue;
      await tx
        .update(enterprises)
        .set({
          ...v.values,
          ...searchFieldsFor(v.values),
          version: sql`${enterprises.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(eq(enterprises.id, before.id));
      touched.push(before.id);
      const { searchTokens: _s, searchText: _t, ...b } = before;
      audits.push(auditRecord(ctx, { action: 'enterprise.import.update', entityType: 'enterprise', entityId: before.id, before: b, after: v.values }));
    }
    audits.push(
      auditRecord(ctx, {
        action: 'enterprise.import',
        entityType: 'enterprise',
        entityId: null,
        after: { filename: file.filename, created: inserts.length, updated: valid.length - inserts.length },
      }),
    );
    for (let i = 0; i < audits.length; i += CHUNK) await tx.insert(auditLogs).values(audits.slice(i, i + CHUNK));
    // Registry fields feed eligibility rules: the imported enterprises' policy matches, in the same commit.
    await recomputeEnterprisesMatches(tx, ctx.actor.operatorId, touched, ctx.now);
    result.toCreate = inserts.length;
    result.toUpdate = valid.length - inserts.length;
  });
  return { ...result, committed: true };
}
