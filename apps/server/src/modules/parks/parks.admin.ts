import { BuildingCreate, Building, IdParams, Park, ParkCreate, ParkUpdate, Unit, UnitCreate } from '@yqt/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { audit } from '../../core/audit.js';
import { ctxOf, type Ctx } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import { buildings, parks, units } from '../../db/schema/index.js';
import { rowsOf } from '../../core/db.js';
import { parkRows, toParkDto, type ParkRow } from './parks.routes.js';

const write = requirePermission('parks.write');

async function parkOf(ctx: Ctx, id: string) {
  const [p] = await ctx.db.select().from(parks).where(and(eq(parks.id, id), eq(parks.operatorId, ctx.actor.operatorId)));
  if (!p) throw notFound('园区');
  return p;
}
/** The park as the list shows it (with its counts). */
async function toPark(ctx: Ctx, p: typeof parks.$inferSelect) {
  const [row] = await rowsOf<ParkRow>(ctx.db, parkRows(ctx.actor.operatorId, p.id));
  return toParkDto(row!);
}
/** Park code and name are unique within the operator (database constraints); a clash is a 409 naming the field. */
function duplicate(err: unknown): never {
  const c = (err as { cause?: { constraint?: string }; constraint?: string }).cause?.constraint ?? (err as { constraint?: string }).constraint;
  if (c === 'parks_operator_code_uq') throw conflict('园区编码已存在', [{ path: 'code', code: 'duplicate', message: '园区编码已存在' }]);
  if (c === 'parks_operator_name_uq') throw conflict('园区名称已存在', [{ path: 'name', code: 'duplicate', message: '园区名称已存在' }]);
  if (c?.startsWith('buildings_') || c?.startsWith('units_')) throw conflict('名称已存在', [{ path: 'name', code: 'duplicate', message: '名称已存在' }]);
  throw err;
}

/** Parks, buildings and units: how an operator installing from scratch describes its places. Admin only. */
export async function parkAdminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['parks'];

  app.post('/parks', { preHandler: write, schema: { tags, summary: '新增园区', body: ParkCreate, response: { 201: Park } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const row = await ctx.db
      .transaction(async (tx) => {
        const [p] = await tx.insert(parks).values({ ...request.body, operatorId: ctx.actor.operatorId, createdAt: ctx.now }).returning();
        await audit(tx, ctx, { action: 'park.create', entityType: 'park', entityId: p!.id, after: p });
        return p!;
      })
      .catch(duplicate);
    return reply.status(201).send(await toPark(ctx, row));
  });

  app.patch('/parks/:id', { preHandler: write, schema: { tags, summary: '修改园区', params: IdParams, body: ParkUpdate, response: { 200: Park } } }, async (request) => {
    const ctx = ctxOf(request);
    const before = await parkOf(ctx, request.params.id);
    const row = await ctx.db
      .transaction(async (tx) => {
        const [p] = await tx.update(parks).set(request.body).where(eq(parks.id, before.id)).returning();
        await audit(tx, ctx, { action: 'park.update', entityType: 'park', entityId: before.id, before, after: p });
        return p!;
      })
      .catch(duplicate);
    return toPark(ctx, row);
  });

  app.post('/parks/:id/buildings', { preHandler: write, schema: { tags, summary: '新增楼栋', params: IdParams, body: BuildingCreate, response: { 201: Building } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const park = await parkOf(ctx, request.params.id);
    const b = await ctx.db
      .transaction(async (tx) => {
        const [row] = await tx.insert(buildings).values({ ...request.body, parkId: park.id, operatorId: ctx.actor.operatorId }).returning();
        await audit(tx, ctx, { action: 'building.create', entityType: 'building', entityId: row!.id, after: row });
        return row!;
      })
      .catch(duplicate);
    return reply.status(201).send({ id: b.id, parkId: b.parkId, name: b.name, kind: b.kind });
  });

  app.post('/buildings/:id/units', { preHandler: write, schema: { tags, summary: '新增单元', params: IdParams, body: UnitCreate, response: { 201: Unit } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const [b] = await ctx.db.select().from(buildings).where(and(eq(buildings.id, request.params.id), eq(buildings.operatorId, ctx.actor.operatorId)));
    if (!b) throw notFound('楼栋');
    const u = await ctx.db
      .transaction(async (tx) => {
        const [row] = await tx.insert(units).values({ name: request.body.name, floor: request.body.floor ?? null, buildingId: b.id, operatorId: ctx.actor.operatorId }).returning();
        await audit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: row!.id, after: row });
        return row!;
      })
      .catch(duplicate);
    return reply.status(201).send({ id: u.id, buildingId: u.buildingId, name: u.name, floor: u.floor });
  });
}
