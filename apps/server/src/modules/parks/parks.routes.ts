import { IdParams, Park, ParkDetail, pageOf } from '@yqt/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../core/context.js';
import { rowsOf } from '../../core/db.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/rbac.js';
import { buildings, units } from '../../db/schema/index.js';

export type ParkRow = { id: string; code: string; name: string; address: string | null; description: string | null; enterprise_count: number; building_count: number };

export const toParkDto = (r: ParkRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  description: r.description,
  enterpriseCount: Number(r.enterprise_count),
  buildingCount: Number(r.building_count),
});

export function parkRows(operatorId: string, id?: string) {
  return sql`SELECT p.id, p.code, p.name, p.address, p.description,
                    (SELECT count(*) FROM enterprises e WHERE e.park_id = p.id AND e.status IN ('active', 'preparing'))::int AS enterprise_count,
                    (SELECT count(*) FROM buildings b WHERE b.park_id = p.id)::int AS building_count
               FROM parks p WHERE p.operator_id = ${operatorId} ${id ? sql`AND p.id = ${id}` : sql``}
              ORDER BY p.sort_order, p.name`;
}

export async function parkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // An operator has a handful of parks: the list is one page.
  app.get(
    '/parks',
    { preHandler: requirePermission('parks.read'), schema: { tags: ['parks'], summary: '园区列表', response: { 200: pageOf(Park) } } },
    async (request) => {
      const ctx = ctxOf(request);
      const items = (await rowsOf<ParkRow>(ctx.db, parkRows(ctx.actor.operatorId))).map(toParkDto);
      return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
    },
  );

  app.get(
    '/parks/:id',
    { preHandler: requirePermission('parks.read'), schema: { tags: ['parks'], summary: '园区详情（楼栋、单元）', params: IdParams, response: { 200: ParkDetail } } },
    async (request) => {
      const ctx = ctxOf(request);
      const [row] = await rowsOf<ParkRow>(ctx.db, parkRows(ctx.actor.operatorId, request.params.id));
      if (!row) throw notFound('园区');
      const bs = await ctx.db
        .select()
        .from(buildings)
        .where(and(eq(buildings.parkId, row.id), eq(buildings.operatorId, ctx.actor.operatorId)))
        .orderBy(asc(buildings.name));
      const us = bs.length
        ? await ctx.db.select().from(units).where(inArray(units.buildingId, bs.map((b) => b.id))).orderBy(asc(units.name))
        : [];
      return {
        ...toParkDto(row),
        buildings: bs.map((b) => ({
          id: b.id,
          parkId: b.parkId,
          name: b.name,
          kind: b.kind,
          units: us.filter((u) => u.buildingId === b.id).map((u) => ({ id: u.id, buildingId: u.buildingId, name: u.name, floor: u.floor })),
        })),
      };
    },
  );
}
