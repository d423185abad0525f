import { openApplicationStatuses, policyWindowOpen, type ApplicationCreate, type ApplicationDetail } from '@yqt/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { applicationEvents, enterprises, policyApplications, requestCounters } from '../../db/schema/index.js';
import { calendarFor } from '../requests/index.js';
import { deliverAll, notifyNext } from './application-events.js';
import { contactOnly } from './applications.policy.js';
import { policyOf, type PolicyFacts } from './applications.repo.js';
import { getApplication } from './applications.service.js';
import { stepDueAt } from './deadlines.js';

/**
 * SB + Shanghai date + 5-digit daily sequence per operator, e.g. SB2026112500003. Same counter table
 * as the request numbers (SQ…), under its own key (`SB20261125`), so the sequences never mix.
 */
export async function nextApplicationNumber(tx: DbOrTx, operatorId: string, at: Date) {
  const day = shanghaiDate(at).replaceAll('-', '');
  const [row] = await tx
    .insert(requestCounters)
    .values({ operatorId, day: `SB${day}`, last: 1 })
    .onConflictDoUpdate({ target: [requestCounters.operatorId, requestCounters.day], set: { last: sql`${requestCounters.last} + 1` } })
    .returning({ last: requestCounters.last });
  return `SB${day}${String(row!.last).padStart(5, '0')}`;
}


/**
 * A published policy of the caller's operator. Drafts, withdrawn and expired policies do not exist for
 * applicants (as on the library's pages); policy managers still reach them.
 */
export async function applicablePolicy(db: DbOrTx, ctx: Ctx, policyId: string): Promise<PolicyFacts> {
  const p = await policyOf(db, policyId);
  if (!p || p.operatorId !== ctx.actor.operatorId) throw notFound('政策');
  if (p.status !== 'published' && !ctx.actor.permissions.has('policies.manage')) throw notFound('政策');
  return p;
}

/** Amount rules shared by submission and resubmission. */
export function checkRequested(p: PolicyFacts, amount: number | null | undefined, path: string) {
  if (amount != null && p.maxAmountWan != null && amount > p.maxAmountWan) throw invalid(path, `申请金额不能超过政策最高额度${p.maxAmountWan}万元`, 'AMOUNT_OVER_MAX');
}

/**
 * Submits an application (申报). Only an enterprise contact, for its own enterprise: the declaration
 * (申报承诺) is the enterprise's own statement, so staff help with the pre-filled form but never submit
 * on its behalf. Within the window, for a published policy, one unfinished application per policy.
 * Materials may follow until pre-check (which refuses while a required item is missing).
 */
export async function createApplication(ctx: Ctx, input: ApplicationCreate): Promise<ApplicationDetail> {
  if (!contactOnly(ctx.actor) || !ctx.actor.enterpriseId) throw forbidden('申报须由企业联系人提交');
  const enterpriseId = ctx.actor.enterpriseId;
  const today = shanghaiDate(ctx.now);

  const { created, notes } = await ctx.db.transaction(async (tx) => {
    const p = await applicablePolicy(tx, ctx, input.policyId);
    if (p.status !== 'published') throw invalid('policyId', '该政策已失效或已撤回，不再受理申报', 'POLICY_NOT_OPEN');
    if (!policyWindowOpen(p, today)) {
      const why = !p.applyFrom && !p.applyUntil ? '该政策无需在线申报（按规定直接享受或另行办理）' : `不在申报期内（申报时间：${p.applyFrom ?? '不限'} 至 ${p.applyUntil ?? '不限'}）`;
      throw invalid('policyId', why, 'APPLICATION_WINDOW_CLOSED');
    }
    checkRequested(p, input.requestedAmountWan, 'requestedAmountWan');
    // Serialise this enterprise's submissions so the duplicate check below is exact (the partial unique
    // index policy_applications_open_uq is the backstop).
    const [e] = await tx
      .select({ id: enterprises.id, parkId: enterprises.parkId, liaisonId: enterprises.liaisonId, status: enterprises.status })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.operatorId, ctx.actor.operatorId)))
      .for('update');
    if (!e) throw notFound('企业');
    if (e.status !== 'active') throw invalid('policyId', '企业已迁出或注销，不能申报', 'ENTERPRISE_INACTIVE');
    const earlier = await tx
      .select({ id: policyApplications.id, number: policyApplications.number, status: policyApplications.status })
      .from(policyApplications)
      .where(and(eq(policyApplications.policyId, p.id), eq(policyApplications.enterpriseId, e.id), inArray(policyApplications.status, [...openApplicationStatuses, 'disbursed'])))
      .limit(1);
    if (earlier[0]) {
      const done = earlier[0].status === 'disbursed';
      const message = done ? `该政策已为本企业兑现（${earlier[0].number}），不能重复申报` : `本企业已有该政策的在办申报（${earlier[0].number}）`;
      throw conflict(message, [{ path: 'policyId', code: done ? 'ALREADY_DISBURSED' : 'APPLICATION_EXISTS', message }]);
    }

    const cal = await calendarFor(tx, ctx.actor.operatorId);
    const number = await nextApplicationNumber(tx, ctx.actor.operatorId, ctx.now);
    const [row] = await tx
      .insert(policyApplications)
      .values({
        operatorId: ctx.actor.operatorId,
        number,
        policyId: p.id,
        enterpriseId: e.id,
        parkId: e.parkId,
        liaisonId: e.liaisonId,
        departmentId: p.departmentId,
        submittedByUserId: ctx.actor.userId,
        status: 'submitted',
        form: input.form,
        declarationAccepted: true,
        requestedAmountWan: input.requestedAmountWan ?? null,
        stepDueAt: stepDueAt('submitted', ctx.now, cal),
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await tx.insert(applicationEvents).values({
      applicationId: row!.id,
      action: 'submit',
      fromStatus: null,
      toStatus: 'submitted',
      actorUserId: ctx.actor.userId,
      visibility: 'public',
      data: { requestedAmountWan: row!.requestedAmountWan, stepDueAt: row!.stepDueAt?.toISOString() ?? null },
      createdAt: ctx.now,
    });
    await audit(tx, ctx, { action: 'application.create', entityType: 'application', entityId: row!.id, after: row });
    return { created: row!, notes: await notifyNext(tx, ctx, row!, 'submit', null, p.title) };
  });
  await deliverAll(ctx, notes);
  return getApplication(ctx, created.id);
}
