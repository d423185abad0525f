import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { likePattern } from '../enterprises/search-tokens.js';

type StaffFilter = { q?: string; role?: string; areaId?: string; departmentId?: string; id?: string };

export async function listStaff(db: DbOrTx, operatorId: string, f: StaffFilter, limit: number, offset: number) {
  const parts: SQL[] = [sql`s.operator_id = ${operatorId}`];
  if (f.q) parts.push(sql`(s.name ILIKE ${likePattern(f.q)} OR s.phone ILIKE ${likePattern(f.q)})`);
  if (f.role) parts.push(sql`${f.role} = ANY(u.roles)`);
  if (f.areaId) parts.push(sql`s.area_id = ${f.areaId}`);
  if (f.departmentId) parts.push(sql`s.department_id = ${f.departmentId}`);
  if (f.id) parts.push(sql`s.id = ${f.id}`);
  const where = sql.join(parts, sql` AND `);
  const [items, [total]] = await Promise.all([
    rowsOf<{
      id: string; name: string; title: string | null; phone: string | null; roles: string[] | null;
      department_id: string | null; department_name: string | null; area_id: string | null; area_name: string | null;
      active: boolean; grid_size: number; backup_count: number;
    }>(
      db,
      // The page is chosen first; grid counts are computed for its rows only.
      sql`SELECT p.*,
                 (SELECT count(*) FROM enterprises e WHERE e.liaison_id = p.id)::int AS grid_size,
                 (SELECT count(*) FROM enterprises e WHERE e.backup_liaison_id = p.id)::int AS backup_count
            FROM (SELECT s.id, s.name, s.title, s.phone, u.roles, s.department_id, d.name AS department_name,
                         s.area_id, a.name AS area_name, s.active
                    FROM staff s
                    LEFT JOIN users u ON u.id = s.user_id
                    LEFT JOIN departments d ON d.id = s.department_id
                    LEFT JOIN areas a ON a.id = s.area_id
                   WHERE ${where}
                   ORDER BY s.name, s.id
                   LIMIT ${limit} OFFSET ${offset}) p
           ORDER BY p.name, p.id`,
    ),
    rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM staff s LEFT JOIN users u ON u.id = s.user_id WHERE ${where}`),
  ]);
  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      phone: r.phone,
      roles: r.roles ?? [],
      departmentId: r.department_id,
      departmentName: r.department_name,
      areaId: r.area_id,
      areaName: r.area_name,
      active: r.active,
      gridSize: Number(r.grid_size),
      backupCount: Number(r.backup_count),
    })),
    total: Number(total?.n ?? 0),
  };
}

export async function listDepartments(db: DbOrTx, operatorId: string) {
  const rows = await rowsOf<{ id: string; name: string; kind: string; staff_count: number }>(
    db,
    sql`SELECT d.id, d.name, d.kind, (SELECT count(*) FROM staff s WHERE s.department_id = d.id)::int AS staff_count
          FROM departments d WHERE d.operator_id = ${operatorId} ORDER BY d.name`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, staffCount: Number(r.staff_count) }));
}

/** One staff member in the list's shape (after a create or an edit). */
export async function staffSummary(ctx: { db: DbOrTx; actor: { operatorId: string } }, id: string) {
  const { items } = await listStaff(ctx.db, ctx.actor.operatorId, { id }, 1, 0);
  return items[0]!;
}
