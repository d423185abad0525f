import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { GridAssignBody, GridBulkAssignBody } from '@yqt/contracts';
import { auditRecord } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { auditLogs, enterprises, liaisonAssignments } from '../../db/schema/index.js';
import { canAssignLiaison, getDetail } from '../enterprises/index.js';
import { visibleTo } from '../enterprises/enterprises.repo.js';
import { assertLiaisonOfficers } from './officers.js';

type Assignment = { liaisonId: string | null; backupLiaisonId: string | null; reason: string | null };

async function checkOfficers(tx: Tx, ctx: Ctx, a: Assignment) {
  if (a.backupLiaisonId && !a.liaisonId) throw invalid('backupLiaisonId', '请先指定主联络员');
  if (a.backupLiaisonId && a.backupLiaisonId === a.liaisonId) throw invalid('backupLiaisonId', 'B角不能与主联络员为同一人');
  await assertLiaisonOfficers(tx, ctx.actor.operatorId, [
    ...(a.liaisonId ? [{ id: a.liaisonId, path: 'liaisonId' }] : []),
    ...(a.backupLiaisonId ? [{ id: a.backupLiaisonId, path: 'backupLiaisonId' }] : []),
  ]);
}

/**
 * Assigns officer and backup to the given enterprises in one transaction: closes each open
 * history period, opens a new one, bumps the enterprise version. All or nothing: one enterprise
 * outside the caller's scope fails the whole request.
 */
async function assign(tx: Tx, ctx: Ctx, enterpriseIds: string[], a: Assignment) {
  const rows = await tx
    .select()
    .from(enterprises)
    .where(and(visibleTo(ctx.actor), inArray(enterprises.id, enterpriseIds)))
    .for('update');
  if (rows.length !== new Set(enterpriseIds).size) throw notFound('企业');
  const denied = rows.find((e) => !canAssignLiaison(ctx.actor, e));
  if (denied) throw forbidden(`无权调整“${denied.name}”的联络员（仅限本园区）`);
  await checkOfficers(tx, ctx, a);
  const changed = rows.filter((e) => e.liaisonId !== a.liaisonId || e.backupLiaisonId !== a.backupLiaisonId);
  if (!changed.length) return 0;
  const ids = changed.map((e) => e.id);

  await tx
    .update(liaisonAssignments)
    .set({ endedAt: ctx.now })
    .where(and(inArray(liaisonAssignments.enterpriseId, ids), isNull(liaisonAssignments.endedAt)));
  await tx.insert(liaisonAssignments).values(
    ids.map((enterpriseId) => ({
      operatorId: ctx.actor.operatorId,
      enterpriseId,
      liaisonId: a.liaisonId,
      backupLiaisonId: a.backupLiaisonId,
      startedAt: ctx.now,
      reason: a.reason,
      assignedByUserId: ctx.actor.userId,
    })),
  );
  await tx
    .update(enterprises)
    .set({ liaisonId: a.liaisonId, backupLiaisonId: a.backupLiaisonId, version: sql`${enterprises.version} + 1`, updatedAt: ctx.now })
    .where(inArray(enterprises.id, ids));
  await tx.insert(auditLogs).values(
    changed.map((e) =>
      auditRecord(ctx, {
        action: 'grid.assign',
        entityType: 'enterprise',
        entityId: e.id,
        before: { liaisonId: e.liaisonId, backupLiaisonId: e.backupLiaisonId },
        after: { liaisonId: a.liaisonId, backupLiaisonId: a.backupLiaisonId, reason: a.reason },
      }),
    ),
  );
  return changed.length;
}

export async function assignOne(ctx: Ctx, enterpriseId: string, body: z.infer<typeof GridAssignBody>) {
  await ctx.db.transaction((tx) =>
    assign(tx, ctx, [enterpriseId], { liaisonId: body.liaisonId, backupLiaisonId: body.backupLiaisonId ?? null, reason: body.reason ?? null }),
  );
  return getDetail(ctx, enterpriseId);
}

export async function assignMany(ctx: Ctx, body: z.infer<typeof GridBulkAssignBody>) {
  const updated = await ctx.db.transaction((tx) =>
    assign(tx, ctx, body.enterpriseIds, { liaisonId: body.liaisonId, backupLiaisonId: body.backupLiaisonId ?? null, reason: body.reason ?? null }),
  );
  return { updated };
}
