import { requestActionLabels, requestStatusLabels, type RequestActionBody, type RequestAction, type RequestDetail, type RequestListQuery, type RequestStatus } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { hasRole } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { departments, requestEvents, serviceRequests } from '../../db/schema/index.js';
import { rowsOf } from '../../core/db.js';
import { assertLiaisonOfficers } from '../grid/index.js';
import { addTime, computeDeadlines, extendForPause, workingMinutesBetween } from '../sla/sla-engine.js';
import { nextStatus, transitionFor } from './lifecycle.js';
import { toDetail, toSummary } from './requests.mapper.js';
import { canAct } from './requests.policy.js';
import { findRequest, followUpsOf, listRequests, policyOf, requestColumns, timelineOf } from './requests.repo.js';
import { attachmentsOf, toAttachment } from './attachments.service.js';
import { calendarFor, selectPolicy, targetsOf } from './sla-context.js';
import { notifyCounterpart, publishChange } from './request-events.js';

/** An enterprise may reopen within this many days of resolution (configurable later). */
export const REOPEN_WINDOW_DAYS = 7;
/** Rectification after a bad rating: 15 working days (RULES §4, the majority of local rules). */
export const RECTIFICATION_WORKING_MINUTES = 15 * 540;

export async function list(ctx: Ctx, q: RequestListQuery) {
  const { items, total } = await listRequests(ctx.db, ctx.actor, q, ctx.now);
  return { items: items.map(toSummary), total, page: q.page, pageSize: q.pageSize };
}

const contactOnly = (ctx: Ctx) => hasRole(ctx.actor, 'enterprise_contact') && !ctx.actor.staffId;

export async function getRequest(ctx: Ctx, id: string, db: DbOrTx = ctx.db): Promise<RequestDetail> {
  const row = await findRequest(db, ctx.actor, id);
  if (!row) throw notFound('诉求');
  const [events, policy, follow, files] = await Promise.all([
    timelineOf(db, id, contactOnly(ctx)),
    policyOf(db, row.r.slaPolicyId),
    followUpsOf(db, id),
    attachmentsOf(db, id, contactOnly(ctx)),
  ]);
  return { ...toDetail(ctx.actor, row, events, policy, follow, ctx.now), attachments: files.map(toAttachment) };
}

type Row = Omit<typeof serviceRequests.$inferSelect, 'searchTokens'>;

/**
 * Applies one lifecycle action. Order of checks: visible (else 404) → allowed from this status
 * (else 409) → allowed for this actor on this request (else 403) → input → compare-and-set on
 * `version`, so of two concurrent actors one wins and the other gets 409.
 */
export async function act(ctx: Ctx, id: string, action: RequestAction, body: RequestActionBody): Promise<RequestDetail> {
  const { after, notes } = await ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, ctx.actor, id);
    if (!row) throw notFound('诉求');
    const r = row.r;
    const t = transitionFor(action, r.status as RequestStatus);
    if (!t) throw conflict(`诉求${requestStatusLabels[r.status as RequestStatus]?.zh ?? r.status}，不能${requestActionLabels[action].zh}`, { status: r.status, action });
    if (action === 'rate' && r.rating !== null) throw conflict('该诉求已评价');
    if (!canAct(ctx.actor, action, r)) throw forbidden('无权对该诉求执行此操作');
    if (t.noteRequired && !body.note) throw invalid('note', '请填写说明');
    const internal = body.visibility === 'internal';
    if (internal && contactOnly(ctx)) throw invalid('visibility', '企业用户的留言均对办理人员可见');

    const changes = await changesFor(tx, ctx, action, r, body, internal);
    const to = changes.status ?? nextStatus(t, r.status as RequestStatus, r.resumeStatus as RequestStatus | null);
    const [updated] = await tx
      .update(serviceRequests)
      .set({ ...changes, status: to, version: sql`${serviceRequests.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(serviceRequests.id, id), eq(serviceRequests.version, body.version)))
      .returning(requestColumns);
    if (!updated) throw conflict('该诉求已被他人处理，请刷新后重试', { currentVersion: r.version });
    await tx.insert(requestEvents).values({
      operatorId: ctx.actor.operatorId,
      requestId: id,
      at: ctx.now,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action,
      fromStatus: r.status,
      toStatus: to,
      note: body.note ?? null,
      visibility: internal ? 'internal' : 'public',
      data: body.rating ? { rating: body.rating } : null,
    });
    await audit(tx, ctx, {
      action: `request.${action}`,
      entityType: 'request',
      entityId: id,
      before: { status: r.status, version: r.version },
      after: { status: to, ...changes },
    });
    return { after: updated, notes: await notifyCounterpart(tx, ctx, updated, action, !internal) };
  });
  await publishChange(ctx, after, notes);
  return getRequest(ctx, id);
}

/** The column changes each action makes besides the status. */
async function changesFor(tx: DbOrTx, ctx: Ctx, action: RequestAction, r: Row, body: RequestActionBody, internal: boolean): Promise<Partial<Row>> {
  const now = ctx.now;
  switch (action) {
    case 'accept':
      return { acceptedAt: now };
    case 'feedback':
      // The promise is a reply to the enterprise: an internal note does not meet the feedback clock.
      return { firstFeedbackAt: r.firstFeedbackAt ?? (internal ? null : now) };
    case 'resolve': {
      // After a bad rating, a supervisor's follow-up (回访) must be on record before it counts as solved again.
      if (r.followUpRequired) throw conflict('整改后须先由园区主管回访，方可再次办结', { followUpRequired: true });
      // A resolution is also a reply: it meets the feedback clock if no feedback came before.
      return { resolvedAt: now, firstFeedbackAt: r.firstFeedbackAt ?? now, acceptedAt: r.acceptedAt ?? now };
    }
    case 'returnForInfo':
      return { pausedAt: now, resumeStatus: r.status };
    case 'reply': {
      // Paused time does not count: every clock still running gets the paused time back.
      const policy = await policyOf(tx, r.slaPolicyId);
      const cal = await calendarFor(tx, r.operatorId);
      const mode = policy.timeMode as 'working' | 'natural';
      const from = r.pausedAt ?? now;
      const push = (due: Date, done: Date | null) => (done ? due : extendForPause(due, from, now, mode, cal));
      const paused = Math.round(mode === 'working' ? workingMinutesBetween(from, now, cal) : (now.getTime() - from.getTime()) / 60_000);
      return {
        pausedAt: null,
        resumeStatus: null,
        pausedMinutes: r.pausedMinutes + paused,
        acceptBy: push(r.acceptBy, r.acceptedAt),
        acceptWarnAt: push(r.acceptWarnAt, r.acceptedAt),
        feedbackBy: push(r.feedbackBy, r.firstFeedbackAt),
        feedbackWarnAt: push(r.feedbackWarnAt, r.firstFeedbackAt),
        resolveBy: push(r.resolveBy, r.resolvedAt),
        resolveWarnAt: push(r.resolveWarnAt, r.resolvedAt),
      };
    }
    case 'confirm':
      return { closedAt: now, closeReason: 'confirmed' };
    case 'rate': {
      if (!body.rating) throw invalid('rating', '请选择评价等级（1-5）');
      if (r.rating !== null) throw conflict('该诉求已评价');
      if (body.rating <= 2) {
        // 不满意 / 非常不满意: reopen for rectification with its own deadline and a required follow-up.
        const cal = await calendarFor(tx, r.operatorId);
        const due = addTime(now, RECTIFICATION_WORKING_MINUTES, 'working', cal);
        return {
          status: 'in_progress',
          rating: body.rating,
          ratingComment: body.note ?? null,
          ratedAt: now,
          closedAt: null,
          closeReason: null,
          resolvedAt: null,
          reopenCount: r.reopenCount + 1,
          rectificationBy: due,
          resolveBy: due,
          resolveWarnAt: due,
          followUpRequired: true,
        };
      }
      return { rating: body.rating, ratingComment: body.note ?? null, ratedAt: now, closedAt: r.closedAt ?? now, closeReason: r.closeReason ?? 'rated' };
    }
    case 'reopen': {
      const since = r.resolvedAt ?? r.closedAt;
      if (!since || now.getTime() - since.getTime() > REOPEN_WINDOW_DAYS * 86_400_000) {
        throw new AppError('CONFLICT', `办结超过${REOPEN_WINDOW_DAYS}天的诉求不能重新打开，请提交新的诉求`);
      }
      const policy = await policyOf(tx, r.slaPolicyId);
      const cal = await calendarFor(tx, r.operatorId);
      const due = addTime(now, policy.resolveMinutes, policy.timeMode as 'working' | 'natural', cal);
      return { resolvedAt: null, closedAt: null, closeReason: null, reopenCount: r.reopenCount + 1, resolveBy: due, resolveWarnAt: due };
    }
    case 'reject':
      return { closedAt: now, closeReason: 'rejected' };
    case 'transfer': {
      if (!body.departmentId) throw invalid('departmentId', '请选择承办部门');
      const [d] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, body.departmentId), eq(departments.operatorId, r.operatorId)));
      if (!d) throw invalid('departmentId', '承办部门不存在');
      return { departmentId: d.id, transferStatus: 'pending' };
    }
    case 'deptAccept':
      return { transferStatus: 'accepted' };
    case 'handBack':
      // Back to the officer, who stays responsible; the department keeps read access to what it handed back.
      return { transferStatus: 'handed_back' };
    case 'reassign': {
      if (!body.liaisonId) throw invalid('liaisonId', '请选择新的联络员');
      await assertLiaisonOfficers(tx, r.operatorId, [{ id: body.liaisonId, path: 'liaisonId' }]);
      return { liaisonId: body.liaisonId };
    }
    case 'markKeyIssue': {
      if (!body.leaderId) throw invalid('leaderId', '请指定牵头领导');
      const [leader] = await rowsOf<{ id: string }>(
        tx,
        sql`SELECT s.id FROM staff s JOIN users u ON u.id = s.user_id WHERE s.id = ${body.leaderId} AND s.operator_id = ${r.operatorId} AND 'leader' = ANY(u.roles)`,
      );
      if (!leader) throw invalid('leaderId', '牵头领导须为园区领导');
      // Key issues run on their own, longer policy from now on; the accept clock is already settled.
      const policy = await selectPolicy(tx, r.operatorId, { keyIssue: true });
      const cal = await calendarFor(tx, r.operatorId);
      const d = computeDeadlines(now, targetsOf(policy), cal);
      return {
        isKeyIssue: true,
        keyIssueLeaderId: leader.id,
        slaPolicyId: policy.id,
        feedbackBy: r.firstFeedbackAt ? r.feedbackBy : d.feedbackBy,
        feedbackWarnAt: r.firstFeedbackAt ? r.feedbackWarnAt : d.feedbackWarnAt,
        resolveBy: d.resolveBy,
        resolveWarnAt: d.resolveWarnAt,
      };
    }
    case 'merge': {
      if (!body.mergedIntoId || body.mergedIntoId === r.id) throw invalid('mergedIntoId', '请选择要并入的诉求');
      const target = await findRequest(tx, ctx.actor, body.mergedIntoId);
      if (!target || target.r.enterpriseId !== r.enterpriseId) throw invalid('mergedIntoId', '只能并入同一企业的诉求');
      if (target.r.closedAt) throw invalid('mergedIntoId', '不能并入已办结的诉求');
      await tx.insert(requestEvents).values({
        operatorId: r.operatorId,
        requestId: target.r.id,
        at: now,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        action: 'mergedFrom',
        note: `并入重复诉求 ${r.number}`,
        visibility: 'public',
        data: { mergedFrom: r.id },
      });
      return { closedAt: now, closeReason: 'merged', mergedIntoId: target.r.id };
    }
  }
}
