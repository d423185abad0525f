import type { RequestCreate, RequestDetail } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { hasRole } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { forbidden, invalid, notFound } from '../../core/errors.js';
import { requestCategories, requestCounters, requestEvents, serviceRequests } from '../../db/schema/index.js';
import { canEdit, checkLocation, loadScoped } from '../enterprises/index.js';
import { computeDeadlines, toShanghaiIso } from '../sla/sla-engine.js';
import { calendarFor, selectPolicy, targetsOf } from './sla-context.js';
import { notifyCounterpart, publishChange } from './request-events.js';
import { requestColumns } from './requests.repo.js';
import { getRequest } from './requests.service.js';

/** Staff may back-date a phone call or visit by at most this much. */
const MAX_BACKDATE_MS = 30 * 24 * 3600_000;

/** SQ + Shanghai date + 5-digit daily sequence, e.g. SQ2026112500017. */
async function nextNumber(tx: DbOrTx, operatorId: string, at: Date) {
  const day = toShanghaiIso(at).slice(0, 10).replaceAll('-', '');
  const [row] = await tx
    .insert(requestCounters)
    .values({ operatorId, day, last: 1 })
    .onConflictDoUpdate({ target: [requestCounters.operatorId, requestCounters.day], set: { last: sql`${requestCounters.last} + 1` } })
    .returning({ last: requestCounters.last });
  return `SQ${day}${String(row!.last).padStart(5, '0')}`;
}

/**
 * Files a request. Enterprise contacts file for their own enterprise; staff register one on an
 * enterprise's behalf (phone, visit), keeping the true received time. Deadlines come from the
 * matching SLA policy and the working calendar, fixed at intake.
 */
export async function createRequest(ctx: Ctx, input: RequestCreate): Promise<RequestDetail> {
  const isContact = hasRole(ctx.actor, 'enterprise_contact') && !ctx.actor.staffId;
  const enterpriseId = isContact ? ctx.actor.enterpriseId : input.enterpriseId;
  if (!enterpriseId) throw invalid('enterpriseId', '请选择企业');
  if (isContact && input.enterpriseId && input.enterpriseId !== ctx.actor.enterpriseId) throw notFound('企业');
  if (isContact && input.receivedAt) throw invalid('receivedAt', '企业用户不能指定受理时间');
  const channel = input.channel ?? (isContact ? 'web' : 'phone');
  // 'api' is how integrators (Open311 keys act as the enterprise's contact) file requests.
  if (isContact && !['web', 'mobile', 'kiosk', 'api'].includes(channel)) throw invalid('channel', '企业用户只能通过网页、手机、自助终端或接口提交');

  let receivedAt = ctx.now;
  if (input.receivedAt) {
    receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > ctx.now.getTime() + 60_000) throw invalid('receivedAt', '受理时间不能晚于当前时间');
    if (ctx.now.getTime() - receivedAt.getTime() > MAX_BACKDATE_MS) throw invalid('receivedAt', '受理时间不能早于30天前');
  }

  const { row: created, notes } = await ctx.db.transaction(async (tx) => {
    const { e } = await loadScoped(tx, ctx, enterpriseId);
    // Staff register only for enterprises they serve: their grid, their park, or any (admin).
    if (!isContact && !canEdit(ctx.actor, e)) throw forbidden('只能为您服务的企业登记诉求');
    const [category] = await tx
      .select()
      .from(requestCategories)
      .where(and(eq(requestCategories.id, input.categoryId), eq(requestCategories.operatorId, ctx.actor.operatorId), eq(requestCategories.active, true)));
    if (!category) throw invalid('categoryId', '诉求分类不存在');
    if (input.buildingId || input.unitId) await checkLocation(tx, ctx.actor.operatorId, { parkId: e.parkId, buildingId: input.buildingId, unitId: input.unitId });

    const policy = await selectPolicy(tx, ctx.actor.operatorId, { categoryId: category.id, parentCategoryId: category.parentId, priority: input.priority });
    const cal = await calendarFor(tx, ctx.actor.operatorId);
    const d = computeDeadlines(receivedAt, targetsOf(policy), cal);
    const number = await nextNumber(tx, ctx.actor.operatorId, receivedAt);
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        operatorId: ctx.actor.operatorId,
        number,
        enterpriseId: e.id,
        parkId: e.parkId,
        submitterUserId: ctx.actor.userId,
        submitterName: input.submitterName ?? (isContact ? ctx.actor.displayName : null),
        submitterPhone: input.submitterPhone ?? null,
        kind: input.kind,
        categoryId: category.id,
        channel,
        priority: input.priority,
        title: input.title,
        description: input.description,
        buildingId: input.buildingId ?? null,
        unitId: input.unitId ?? null,
        locationNote: input.locationNote ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        status: 'submitted',
        liaisonId: e.liaisonId,
        receivedAt,
        slaPolicyId: policy.id,
        ...d,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(requestColumns);
    await tx.insert(requestEvents).values({
      operatorId: ctx.actor.operatorId,
      requestId: row!.id,
      at: ctx.now,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'submit',
      toStatus: 'submitted',
      note: isContact ? null : `代企业登记（${channel}）`,
      visibility: 'public',
      data: { receivedAt: receivedAt.toISOString(), policyId: policy.id, policyVersion: policy.version },
    });
    await audit(tx, ctx, { action: 'request.create', entityType: 'request', entityId: row!.id, after: { ...row, description: undefined } });
    return { row: row!, notes: await notifyCounterpart(tx, ctx, row!, 'submit', true) };
  });
  await publishChange(ctx, created, notes);
  return getRequest(ctx, created.id);
}
