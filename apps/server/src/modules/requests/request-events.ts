import { requestActionLabels } from '@yqt/contracts';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { type serviceRequests, staff } from '../../db/schema/index.js';
import { createNotifications, deliver, type NotificationRow } from '../notifications/index.js';

/** A request as the app reads it (without the derived search tokens). */
type RequestRow = Omit<typeof serviceRequests.$inferSelect, 'searchTokens'>;

/**
 * In-app notifications for the other side of an action: staff actions (public ones) tell the
 * enterprise's submitter; enterprise actions and new requests tell the responsible officer.
 */
export async function notifyCounterpart(tx: DbOrTx, ctx: Ctx, r: RequestRow, action: string, isPublic: boolean): Promise<NotificationRow[]> {
  const byEnterprise = ctx.actor.enterpriseId === r.enterpriseId && !ctx.actor.staffId;
  const label = requestActionLabels[action as keyof typeof requestActionLabels]?.zh ?? action;
  if (byEnterprise || action === 'submit') {
    if (!r.liaisonId) return [];
    const [officer] = await tx.select({ userId: staff.userId }).from(staff).where(eq(staff.id, r.liaisonId));
    if (!officer?.userId || officer.userId === ctx.actor.userId) return [];
    const title = action === 'submit' ? `【新诉求】${r.number} 请在受理时限内受理` : `【${label}】${r.number} 企业有新动态`;
    return createNotifications(tx, [{ operatorId: r.operatorId, userId: officer.userId, kind: `request.${action}`, title, body: r.title, requestId: r.id }], ctx.now);
  }
  if (!isPublic || !r.submitterUserId || r.submitterUserId === ctx.actor.userId) return [];
  return createNotifications(
    tx,
    [{ operatorId: r.operatorId, userId: r.submitterUserId, kind: `request.${action}`, title: `【${label}】您的诉求 ${r.number}`, body: r.title, requestId: r.id }],
    ctx.now,
  );
}

/** After commit: live update for everyone who can see the request, and the notifications. */
export async function publishChange(ctx: Ctx, r: Pick<RequestRow, 'id' | 'operatorId' | 'status' | 'parkId' | 'enterpriseId' | 'liaisonId' | 'departmentId'>, rows: NotificationRow[]) {
  ctx.bus.publish({
    type: 'request.changed',
    operatorId: r.operatorId,
    requestId: r.id,
    status: r.status,
    parkId: r.parkId,
    enterpriseId: r.enterpriseId,
    liaisonId: r.liaisonId,
    departmentId: r.departmentId,
  });
  await deliver(rows, ctx.bus, ctx.notificationAdapters, ctx.log);
}
