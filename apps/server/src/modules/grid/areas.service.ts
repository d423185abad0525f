import type { Area } from '@yqt/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { invalid, notFound } from '../../core/errors.js';
import { areas, staff } from '../../db/schema/index.js';

async function listRows(db: DbOrTx, operatorId: string, id?: string): Promise<Area[]> {
  const rows = await rowsOf<{ id: string; name: string; leader_id: string | null; leader_name: string | null; officer_count: number; enterprise_count: number }>(
    db,
    sql`SELECT a.id, a.name, a.leader_staff_id AS leader_id, l.name AS leader_name,
               (SELECT count(*) FROM staff s WHERE s.area_id = a.id AND s.active)::int AS officer_count,
               (SELECT count(*) FROM enterprises e JOIN staff s ON s.id = e.liaison_id WHERE s.area_id = a.id)::int AS enterprise_count
          FROM areas a LEFT JOIN staff l ON l.id = a.leader_staff_id
         WHERE a.operator_id = ${operatorId} ${id ? sql`AND a.id = ${id}` : sql``}
         ORDER BY a.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    officerCount: Number(r.officer_count),
    enterpriseCount: Number(r.enterprise_count),
  }));
}

export async function listAreas(ctx: Ctx) {
  const items = await listRows(ctx.db, ctx.actor.operatorId);
  return { items };
}

async function getArea(db: DbOrTx, ctx: Ctx, id: string) {
  const [a] = await listRows(db, ctx.actor.operatorId, id);
  if (!a) throw notFound('联片');
  return a;
}

async function assertStaff(db: DbOrTx, ctx: Ctx, ids: string[], path: string) {
  if (!ids.length) return;
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.operatorId, ctx.actor.operatorId), inArray(staff.id, ids)));
  if (rows.length !== new Set(ids).size) throw invalid(path, '所选人员不存在');
}

export async function createArea(ctx: Ctx, body: { name: string; leaderId?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    if (body.leaderId) await assertStaff(tx, ctx, [body.leaderId], 'leaderId');
    const [row] = await tx
      .insert(areas)
      .values({ operatorId: ctx.actor.operatorId, name: body.name, leaderStaffId: body.leaderId ?? null, createdAt: ctx.now })
      .returning();
    await audit(tx, ctx, { action: 'area.create', entityType: 'area', entityId: row!.id, after: row });
    return getArea(tx, ctx, row!.id);
  });
}

export async function updateArea(ctx: Ctx, id: string, body: { name?: string; leaderId?: string | null }) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(areas).where(and(eq(areas.id, id), eq(areas.operatorId, ctx.actor.operatorId)));
    if (!before) throw notFound('联片');
    if (body.leaderId) await assertStaff(tx, ctx, [body.leaderId], 'leaderId');
    const [after] = await tx
      .update(areas)
      .set({ ...(body.name ? { name: body.name } : {}), ...(body.leaderId !== undefined ? { leaderStaffId: body.leaderId } : {}) })
      .where(eq(areas.id, id))
      .returning();
    await audit(tx, ctx, { action: 'area.update', entityType: 'area', entityId: id, before, after });
    return getArea(tx, ctx, id);
  });
}

/** Moves the given officers into the area (an officer belongs to one area at a time). */
export async function addMembers(ctx: Ctx, id: string, staffIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    await getArea(tx, ctx, id);
    await assertStaff(tx, ctx, staffIds, 'staffIds');
    const before = await tx.select({ id: staff.id, areaId: staff.areaId }).from(staff).where(inArray(staff.id, staffIds));
    await tx.update(staff).set({ areaId: id }).where(inArray(staff.id, staffIds));
    await audit(tx, ctx, { action: 'area.members', entityType: 'area', entityId: id, before, after: { staffIds } });
    return getArea(tx, ctx, id);
  });
}
