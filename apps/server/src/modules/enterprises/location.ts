import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { buildings, parks, units } from '../../db/schema/index.js';

/** Park, building and unit must exist in the operator and nest inside each other. */
export async function checkLocation(
  db: DbOrTx,
  operatorId: string,
  loc: { parkId: string; buildingId?: string | null; unitId?: string | null },
) {
  const [park] = await db
    .select({ id: parks.id })
    .from(parks)
    .where(and(eq(parks.id, loc.parkId), eq(parks.operatorId, operatorId)));
  if (!park) throw invalid('parkId', '园区不存在');
  if (loc.buildingId) {
    const [b] = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.id, loc.buildingId), eq(buildings.parkId, loc.parkId)));
    if (!b) throw invalid('buildingId', '楼栋不属于所选园区');
  }
  if (loc.unitId) {
    if (!loc.buildingId) throw invalid('unitId', '选择单元前请先选择楼栋');
    const [u] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, loc.unitId), eq(units.buildingId, loc.buildingId)));
    if (!u) throw invalid('unitId', '单元不属于所选楼栋');
  }
}
