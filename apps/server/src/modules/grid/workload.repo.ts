import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { likePattern } from '../enterprises/search-tokens.js';

export type WorkloadFilter = { operatorId: string; areaId?: string; q?: string; sort: 'gridSize' | '-gridSize' | 'name' };

function officerWhere(f: WorkloadFilter): SQL {
  const parts: SQL[] = [sql`s.operator_id = ${f.operatorId}`, sql`s.active`, sql`'liaison' = ANY(u.roles)`];
  if (f.areaId) parts.push(sql`s.area_id = ${f.areaId}`);
  if (f.q) parts.push(sql`s.name ILIKE ${likePattern(f.q)}`);
  return sql.join(parts, sql` AND `);
}

const orderBy = {
  gridSize: sql`grid_size ASC, s.name ASC`,
  '-gridSize': sql`grid_size DESC, s.name ASC`,
  name: sql`s.name ASC, s.id ASC`,
};

/** Each officer's grid size, backup count and parks; counts come from indexed lookups per officer. */
export async function officerWorkload(db: DbOrTx, f: WorkloadFilter, limit: number, offset: number) {
  const where = officerWhere(f);
  const [items, [total]] = await Promise.all([
    rowsOf<{ staff_id: string; name: string; area_id: string | null; area_name: string | null; grid_size: number; backup_count: number; parks: string[] | null }>(
      db,
      sql`SELECT s.id AS staff_id, s.name, s.area_id, a.name AS area_name,
                 COALESCE(g.n, 0)::int AS grid_size, COALESCE(b.n, 0)::int AS backup_count, g.parks
            FROM staff s
            JOIN users u ON u.id = s.user_id
            LEFT JOIN areas a ON a.id = s.area_id
            LEFT JOIN LATERAL (SELECT count(*) AS n, array_agg(DISTINCT p.name) AS parks
                                 FROM enterprises e JOIN parks p ON p.id = e.park_id
                                WHERE e.liaison_id = s.id) g ON true
            LEFT JOIN LATERAL (SELECT count(*) AS n FROM enterprises e WHERE e.backup_liaison_id = s.id) b ON true
           WHERE ${where}
           ORDER BY ${orderBy[f.sort]}
           LIMIT ${limit} OFFSET ${offset}`,
    ),
    rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM staff s JOIN users u ON u.id = s.user_id WHERE ${where}`),
  ]);
  return {
    items: items.map((r) => ({
      staffId: r.staff_id,
      name: r.name,
      areaId: r.area_id,
      areaName: r.area_name,
      gridSize: Number(r.grid_size),
      backupCount: Number(r.backup_count),
      parks: r.parks ?? [],
    })),
    total: Number(total?.n ?? 0),
  };
}
