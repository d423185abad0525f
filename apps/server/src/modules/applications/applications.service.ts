import {
  applicationStatusLabels,
  type ApplicationAction,
  type ApplicationActionBody,
  type ApplicationDetail,
  type ApplicationListQuery,
  type ApplicationStatus,
} from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { applicationEvents, applicationMaterials, enterprises, parks, policyApplications, staff } from '../../db/schema/index.js';
import { calendarFor } from '../requests/index.js';
import { actionLabel, deliverAll, notifyNext } from './application-events.js';
import { factsOf, toDetail, toSummary, type EnterpriseFacts } from './applications.mapper.js';
import { canAct, contactOnly, mayEverAct } from './applications.policy.js';
import { findApplication, listApplications, materialsOf, missingRequired, policyOf, timelineOf, type PolicyFacts, type SummaryRow } from './applications.repo.js';
import { stepDueAt } from './deadlines.js';
import { transitionFor } from './lifecycle.js';

export async function list(ctx: Ctx, q: ApplicationListQuery) {
  const { items, total } = await listApplications(ctx.db, ctx.actor, q);
  return { items: items.map((r) => toSummary(r, ctx.now)), total, page: q.page, pageSize: q.pageSize };
}

async function enterpriseOf(db: DbOrTx, id: string): Promise<EnterpriseFacts> {
  const [e] = await db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, parkId: enterprises.parkId, parkName: parks.name, liaisonId: enterprises.liaisonId, liaisonName: staff.name })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(staff, eq(staff.id, enterprises.liaisonId))
    .where(eq(enterprises.id, id));
  return e!;
}

/** One application within the caller's scope (else 404), with its timeline (public entries only for the enterprise). */
export async function getApplication(ctx: Ctx, id: string, db: DbOrTx = ctx.db): Promise<ApplicationDetail> {
  const row = await findApplication(db, ctx.actor, id);
  if (!row) throw notFound('申报');
  const [policy, enterprise, events, materials] = await Promise.all([
    policyOf(db, row.a.policyId),
    enterpriseOf(db, row.a.enterpriseId),
    timelineOf(db, id, contactOnly(ctx.actor)),
    materialsOf(db, id),
  ]);
  return toDetail(ctx.actor, row, policy!, enterprise, events, materials, ctx.now);
}

type Row = typeof policyApplications.$inferSelect;
type Changes = Partial<Row> & { publicNote?: string };
const fmtWan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;

/**
 * Applies one workflow action. Order of checks: visible (else 404) → the caller's role may take this
 * action on this application at all (else 403) → allowed from the current status (else 409) → the
 * version the caller saw (else 409) → input (400 naming the field). The row is locked first, so of two
 * concurrent actors exactly one wins and the other gets 409.
 */
export async function act(ctx: Ctx, id: string, action: ApplicationAction, body: ApplicationActionBody): Promise<ApplicationDetail> {
  const notes = await ctx.db.transaction(async (tx) => {
    const row = await findApplication(tx, ctx.actor, id, { lock: true });
    if (!row) throw notFound('申报');
    const a = row.a;
    const facts = factsOf(row);
    if (!mayEverAct(ctx.actor, action, facts)) throw forbidden(`无权对该申报执行“${actionLabel(action)}”`);
    const t = transitionFor(action, a.status as ApplicationStatus);
    if (!t) throw conflict(`申报${applicationStatusLabels[a.status as ApplicationStatus]?.zh ?? a.status}，不能${actionLabel(action)}`, { status: a.status, action });
    if (!canAct(ctx.actor, action, facts)) throw forbidden(`无权对该申报执行“${actionLabel(action)}”`);
    if (a.version !== body.version) throw conflict('该申报已被他人处理，请刷新后重试', { currentVersion: a.version });

    checkBody(ctx, action, body, t.reasonRequired ?? false);
    const policy = (await policyOf(tx, a.policyId))!;
    const { publicNote, ...changes } = await changesFor(tx, ctx, action, row, policy, body);
    const cal = await calendarFor(tx, a.operatorId);
    const [updated] = await tx
      .update(policyApplications)
      .set({ ...changes, status: t.to, stepDueAt: stepDueAt(t.to, ctx.now, cal), version: sql`${policyApplications.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.version, body.version)))
      .returning();
    if (!updated) throw conflict('该申报已被他人处理，请刷新后重试', { currentVersion: a.version });

    const internal = body.visibility === 'internal';
    // Parts joined with '；' — without doubling the sentence end a user typed ("…。；批准金额").
    const visibleNote = [body.reason, internal ? null : body.note, publicNote].filter(Boolean).map((x) => x!.replace(/[。；;.\s]+$/u, '')).join('；') || null;
    const data = { amountWan: body.amountWan ?? null, disbursedOn: body.disbursedOn ?? null, reference: body.reference ?? null, stepDueAt: updated.stepDueAt?.toISOString() ?? null };
    await tx.insert(applicationEvents).values({ applicationId: id, action, fromStatus: a.status, toStatus: t.to, actorUserId: ctx.actor.userId, note: visibleNote, visibility: 'public', data, createdAt: ctx.now });
    // The step itself is always on the enterprise's timeline; a staff remark marked internal is a separate, hidden entry.
    if (internal && body.note) {
      await tx.insert(applicationEvents).values({ applicationId: id, action: 'note', fromStatus: t.to, toStatus: t.to, actorUserId: ctx.actor.userId, note: body.note, visibility: 'internal', createdAt: ctx.now });
    }
    await audit(tx, ctx, {
      action: `application.${action}`,
      entityType: 'application',
      entityId: id,
      before: { status: a.status, version: a.version },
      after: { status: t.to, version: updated.version, ...changes },
    });
    return notifyNext(tx, ctx, updated, action, a.status, row.policyTitle);
  });
  await deliverAll(ctx, notes);
  return getApplication(ctx, id);
}

/** Fields that belong to other actions are refused rather than silently ignored. */
function checkBody(ctx: Ctx, action: ApplicationAction, body: ApplicationActionBody, reasonRequired: boolean) {
  if (reasonRequired && !body.reason) throw invalid('reason', action === 'reject' ? '请填写不予通过的原因' : '请填写退回补正的原因');
  if (!reasonRequired && body.reason) throw invalid('reason', '该操作无需填写原因，请填写备注（note）');
  if (body.visibility === 'internal' && contactOnly(ctx.actor)) throw invalid('visibility', '企业用户的留言均对办理人员可见');
  if (body.amountWan !== undefined && action !== 'approve' && action !== 'disburse') throw invalid('amountWan', '仅审核通过和兑现时填写金额');
  if ((body.disbursedOn !== undefined || body.reference) && action !== 'disburse') throw invalid(body.disbursedOn !== undefined ? 'disbursedOn' : 'reference', '仅兑现时填写拨付日期和凭证号');
  if ((body.form !== undefined || body.requestedAmountWan !== undefined) && action !== 'resubmit') throw invalid(body.form !== undefined ? 'form' : 'requestedAmountWan', '仅补正重新提交时可修改申报表');
}

/** The column changes each action makes besides status, step deadline and version. */
async function changesFor(tx: DbOrTx, ctx: Ctx, action: ApplicationAction, row: SummaryRow, policy: PolicyFacts, body: ApplicationActionBody): Promise<Changes> {
  const a = row.a;
  switch (action) {
    case 'precheck': {
      const items = await tx.selectDistinct({ item: applicationMaterials.item }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, a.id));
      const missing = missingRequired(policy.materials, items.map((i) => i.item));
      if (missing.length) {
        throw new AppError(
          'VALIDATION_FAILED',
          `缺少必需材料：${missing.join('、')}`,
          missing.map((m) => ({ path: 'materials', code: 'MATERIAL_MISSING', message: `缺少必需材料：${m}` })),
        );
      }
      return {};
    }
    case 'return':
    case 'withdraw':
      return {};
    case 'resubmit': {
      if (body.requestedAmountWan !== undefined && body.requestedAmountWan !== null && policy.maxAmountWan !== null && body.requestedAmountWan > policy.maxAmountWan) {
        throw invalid('requestedAmountWan', `申请金额不能超过政策最高额度${policy.maxAmountWan}万元`, 'AMOUNT_OVER_MAX');
      }
      return {
        ...(body.form ? { form: body.form } : {}),
        ...(body.requestedAmountWan !== undefined ? { requestedAmountWan: body.requestedAmountWan } : {}),
      };
    }
    case 'approve': {
      const amount = body.amountWan;
      // A policy that pays money (a maximum) or an application that asked for an amount needs one approved.
      if (amount === undefined && (policy.maxAmountWan !== null || a.requestedAmountWan !== null)) throw invalid('amountWan', '请填写批准金额（万元）');
      if (amount !== undefined && policy.maxAmountWan !== null && amount > policy.maxAmountWan) {
        throw invalid('amountWan', `批准金额不能超过政策最高额度${fmtWan(policy.maxAmountWan)}`, 'AMOUNT_OVER_MAX');
      }
      if (amount !== undefined && a.requestedAmountWan !== null && amount > a.requestedAmountWan) {
        throw invalid('amountWan', `批准金额不能超过申请金额${fmtWan(a.requestedAmountWan)}`, 'AMOUNT_OVER_REQUESTED');
      }
      return { approvedAmountWan: amount ?? null, decidedAt: ctx.now, publicNote: amount !== undefined ? `批准金额：${fmtWan(amount)}` : undefined };
    }
    case 'reject':
      return { rejectReason: body.reason ?? null, decidedAt: ctx.now };
    case 'disburse': {
      const amount = body.amountWan;
      if (amount === undefined && a.approvedAmountWan !== null) throw invalid('amountWan', '请填写兑现金额（万元）');
      if (amount !== undefined && a.approvedAmountWan === null) throw invalid('amountWan', '该申报未批准金额，无需填写兑现金额');
      if (amount !== undefined && a.approvedAmountWan !== null && amount > a.approvedAmountWan) {
        throw invalid('amountWan', `兑现金额不能超过批准金额${fmtWan(a.approvedAmountWan)}`, 'AMOUNT_OVER_APPROVED');
      }
      if (!body.disbursedOn) throw invalid('disbursedOn', '请填写拨付日期');
      if (body.disbursedOn > shanghaiDate(ctx.now)) throw invalid('disbursedOn', '拨付日期不能晚于今天');
      if (a.decidedAt && body.disbursedOn < shanghaiDate(a.decidedAt)) throw invalid('disbursedOn', '拨付日期不能早于批准日期');
      if (!body.reference) throw invalid('reference', '请填写拨付凭证号');
      return {
        disbursedAmountWan: amount ?? null,
        disbursedOn: body.disbursedOn,
        disbursementRef: body.reference,
        publicNote: [amount !== undefined ? `兑现金额：${fmtWan(amount)}` : null, `拨付日期：${body.disbursedOn}`, `凭证号：${body.reference}`].filter(Boolean).join('，'),
      };
    }
  }
}
