import type { EnterpriseCreate, EnterpriseDetail, EnterpriseListQuery, EnterpriseUpdate } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { enterprises } from '../../db/schema/index.js';
import { assertCreditCodeFree, checkedCreditCode } from './credit-code.js';
import { checkLocation } from './location.js';
import { auditSnapshot, toDetail, toSummary } from './enterprises.mapper.js';
import { canCreateIn, canEdit, canSee } from './enterprises.policy.js';
import { contactsOf, findEnterprise, liaisonHistoryOf, listEnterprises } from './enterprises.repo.js';
import { searchFieldsFor } from './search-tokens.js';
import { recomputeEnterpriseMatches } from '../eligibility/index.js';

/** Paginated, filtered list in the caller's scope. */
export async function list(ctx: Ctx, query: EnterpriseListQuery) {
  const { page, pageSize, sort, ...filters } = query;
  const { items, total } = await listEnterprises(ctx.db, ctx.actor, filters, sort, pageSize, (page - 1) * pageSize);
  return { items: items.map(toSummary), total, page, pageSize };
}

/** Loads an enterprise in scope or throws 404 (outside scope looks the same as absent). */
export async function loadScoped(db: DbOrTx, ctx: Ctx, id: string) {
  const row = await findEnterprise(db, ctx.actor, id);
  if (!row || !canSee(ctx.actor, row.e)) throw notFound('企业');
  return row;
}

export async function getDetail(ctx: Ctx, id: string, db: DbOrTx = ctx.db): Promise<EnterpriseDetail> {
  const row = await loadScoped(db, ctx, id);
  const [c, h] = await Promise.all([contactsOf(db, id), liaisonHistoryOf(db, id)]);
  return toDetail(ctx.actor, row, c, h);
}

/** Creates an enterprise in a park the caller manages. */
export async function create(ctx: Ctx, input: EnterpriseCreate): Promise<EnterpriseDetail> {
  const creditCode = checkedCreditCode(input.creditCode);
  if (!canCreateIn(ctx.actor, input.parkId)) throw forbidden('只能在您负责的园区内新增企业');
  const id = await ctx.db.transaction(async (tx) => {
    await checkLocation(tx, ctx.actor.operatorId, input);
    await assertCreditCodeFree(tx, ctx.actor.operatorId, creditCode);
    const [row] = await tx
      .insert(enterprises)
      .values({
        ...input,
        operatorId: ctx.actor.operatorId,
        creditCode,
        foundedOn: input.foundedOn ?? null,
        registeredCapitalWan: input.registeredCapitalWan ?? null,
        employeeCount: input.employeeCount ?? null,
        buildingId: input.buildingId ?? null,
        unitId: input.unitId ?? null,
        ...searchFieldsFor({ name: input.name, shortName: input.shortName, creditCode }),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recomputeEnterpriseMatches(tx, row!.id, ctx.now); // registry-only rules may already match
    await audit(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: row!.id, after: auditSnapshot(row!) });
    return row!.id;
  });
  return getDetail(ctx, id);
}

const MATCH_FIELDS = ['parkId', 'industryCode', 'size', 'tier', 'status', 'foundedOn', 'employeeCount'] as const;

/** Partial update with compare-and-set on `version`: a stale writer gets 409, never a silent overwrite. */
export async function update(ctx: Ctx, id: string, input: EnterpriseUpdate): Promise<EnterpriseDetail> {
  const { version, ...changes } = input;
  const creditCode = changes.creditCode !== undefined ? checkedCreditCode(changes.creditCode) : undefined;
  await ctx.db.transaction(async (tx) => {
    const { e: before } = await loadScoped(tx, ctx, id);
    if (!canEdit(ctx.actor, before)) throw forbidden('只能编辑您负责的企业');
    if (changes.parkId && changes.parkId !== before.parkId && !canCreateIn(ctx.actor, changes.parkId)) {
      throw forbidden('只能将企业调整到您负责的园区');
    }
    const parkId = changes.parkId ?? before.parkId;
    const buildingId = changes.buildingId !== undefined ? changes.buildingId : changes.parkId && changes.parkId !== before.parkId ? null : before.buildingId;
    const unitId = changes.unitId !== undefined ? changes.unitId : buildingId !== before.buildingId ? null : before.unitId;
    await checkLocation(tx, ctx.actor.operatorId, { parkId, buildingId, unitId });
    if (creditCode && creditCode !== before.creditCode) await assertCreditCodeFree(tx, ctx.actor.operatorId, creditCode, id);

    const name = changes.name ?? before.name;
    const shortName = changes.shortName !== undefined ? changes.shortName : before.shortName;
    const values = {
      ...changes,
      ...(creditCode ? { creditCode } : {}),
      parkId,
      buildingId: buildingId ?? null,
      unitId: unitId ?? null,
      ...searchFieldsFor({ name, shortName, creditCode: creditCode ?? before.creditCode }),
      version: sql`${enterprises.version} + 1`,
      updatedAt: ctx.now,
    };
    const [after] = await tx
      .update(enterprises)
      .set(values)
      .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning();
    if (!after) throw staleConflict(before.version);
    // Rules may test registry fields (park, industry, size, tier, status, founding date): refresh this
    // enterprise's stored policy matches with the edit (incremental, one enterprise × published policies).
    if (MATCH_FIELDS.some((k) => after[k] !== before[k])) await recomputeEnterpriseMatches(tx, id, ctx.now);
    await audit(tx, ctx, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
  });
  return getDetail(ctx, id);
}

export function staleConflict(currentVersion: number) {
  return conflict('该企业信息已被他人修改，请刷新后重试', { currentVersion });
}
