import type { FollowUpCreate, RequestDetail } from '@yqt/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { hasRole } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { followUps, requestEvents, serviceRequests } from '../../db/schema/index.js';
import { findRequest } from './requests.repo.js';
import { getRequest } from './requests.service.js';

/**
 * Records a follow-up call or visit (回访). Supervisors (admin, the park's manager) may record one
 * at any time after the enterprise rated or the request closed — theirs is the one that clears a
 * rectification; the responsible officer may record routine follow-ups on closed requests.
 */
export async function addFollowUp(ctx: Ctx, id: string, input: z.infer<typeof FollowUpCreate>): Promise<RequestDetail> {
  await ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, ctx.actor, id);
    if (!row) throw notFound('诉求');
    const r = row.r;
    const supervisor = hasRole(ctx.actor, 'admin') || (hasRole(ctx.actor, 'park_manager') && ctx.actor.parkIds.includes(r.parkId));
    const officer = hasRole(ctx.actor, 'liaison') && r.liaisonId === ctx.actor.staffId;
    if (!supervisor && !officer) throw forbidden('无权回访该诉求');
    if (!r.closedAt && !r.followUpRequired) throw conflict('诉求办结或评价后才能回访');
    if (!supervisor && !r.closedAt) throw forbidden('整改回访须由园区主管进行');
    const [f] = await tx
      .insert(followUps)
      .values({ operatorId: r.operatorId, requestId: id, staffId: ctx.actor.staffId, method: input.method, rating: input.rating ?? null, note: input.note, at: ctx.now })
      .returning();
    if (supervisor && r.followUpRequired) {
      await tx.update(serviceRequests).set({ followUpRequired: false, version: sql`${serviceRequests.version} + 1`, updatedAt: ctx.now }).where(eq(serviceRequests.id, id));
    }
    await tx.insert(requestEvents).values({
      operatorId: r.operatorId,
      requestId: id,
      at: ctx.now,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'followUp',
      note: input.note,
      visibility: 'internal',
      data: { method: input.method, rating: input.rating ?? null },
    });
    await audit(tx, ctx, { action: 'request.followUp', entityType: 'request', entityId: id, after: f });
  });
  return getRequest(ctx, id);
}
