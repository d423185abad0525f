import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { invalid } from '../../core/errors.js';
import { staff, users } from '../../db/schema/index.js';

/** The given staff ids must be active liaison officers of the operator; 400 naming `path` otherwise. */
export async function assertLiaisonOfficers(db: DbOrTx, operatorId: string, ids: { id: string; path: string }[]) {
  const unique = [...new Set(ids.map((i) => i.id))];
  if (!unique.length) return;
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(
      and(
        eq(staff.operatorId, operatorId),
        eq(staff.active, true),
        inArray(staff.id, unique),
        sql`'liaison' = ANY(${users.roles})`,
      ),
    );
  const ok = new Set(rows.map((r) => r.id));
  const bad = ids.find((i) => !ok.has(i.id));
  if (bad) throw invalid(bad.path, '所选人员不是在岗的企业联络员');
}
