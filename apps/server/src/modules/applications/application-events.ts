import { applicationActionLabels, type ApplicationAction } from '@yqt/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { rowsOf } from '../../core/db.js';
import { enterprises, staff, users, type policyApplications } from '../../db/schema/index.js';
import { createNotifications, deliver, type NotificationRow } from '../notifications/index.js';

type ApplicationRow = typeof policyApplications.$inferSelect;

/** The enterprise's liaison officer now (or, without one, the park's managers): they owe the pre-check. */
async function officerUsers(tx: DbOrTx, a: ApplicationRow): Promise<string[]> {
  const [officer] = await tx
    .select({ userId: staff.userId })
    .from(enterprises)
    .innerJoin(staff, eq(staff.id, enterprises.liaisonId))
    .innerJoin(users, eq(users.id, staff.userId))
    .where(and(eq(enterprises.id, a.enterpriseId), eq(staff.active, true), eq(users.disabled, false)));
  if (officer?.userId) return [officer.userId];
  const managers = await rowsOf<{ id: string }>(
    tx,
    sql`SELECT u.id FROM staff_parks sp JOIN staff s ON s.id = sp.staff_id JOIN users u ON u.id = s.user_id
         WHERE sp.park_id = ${a.parkId} AND s.active AND NOT u.disabled AND 'park_manager' = ANY(u.roles)`,
  );
  return managers.map((m) => m.id);
}

/** Handlers of the policy's department: they owe the review and the disbursement. */
async function departmentUsers(tx: DbOrTx, a: ApplicationRow): Promise<string[]> {
  if (!a.departmentId) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(staff)
    .innerJoin(users, eq(users.id, staff.userId))
    .where(and(eq(staff.departmentId, a.departmentId), eq(staff.active, true), eq(users.disabled, false), sql`'dept_handler' = ANY(${users.roles})`));
  return rows.map((r) => r.id);
}

const titles: Record<ApplicationAction | 'submit', (n: string) => string> = {
  submit: (n) => `【待预审】新申报 ${n}，请在3个工作日内预审`,
  resubmit: (n) => `【待预审】申报 ${n} 已补正重新提交`,
  precheck: (n) => `【待审核】申报 ${n} 已通过预审，请审核`,
  return: (n) => `【退回补正】您的申报 ${n} 需补充材料`,
  approve: (n) => `【审核通过】您的申报 ${n} 已批准`,
  reject: (n) => `【审核不通过】您的申报 ${n} 未通过`,
  disburse: (n) => `【已兑现】您的申报 ${n} 资金已拨付`,
  withdraw: (n) => `【已撤回】申报 ${n} 已由企业撤回`,
};

/**
 * In-app notifications, written in the caller's transaction: the next actor (officer for a
 * pre-check, department for a review or disbursement) and the enterprise's submitter on every
 * staff step it must know about (return, decisions, payment). Nobody is told of their own action.
 */
export async function notifyNext(tx: DbOrTx, ctx: Ctx, a: ApplicationRow, action: ApplicationAction | 'submit', fromStatus: string | null, policyTitle: string) {
  let to: string[] = [];
  switch (action) {
    case 'submit':
    case 'resubmit':
      to = await officerUsers(tx, a);
      break;
    case 'precheck':
      to = await departmentUsers(tx, a);
      break;
    case 'withdraw':
      to = fromStatus === 'prechecked' ? await departmentUsers(tx, a) : await officerUsers(tx, a);
      break;
    default:
      to = a.submittedByUserId ? [a.submittedByUserId] : [];
  }
  const title = titles[action](a.number);
  const kind = `application.${action}`;
  return createNotifications(
    tx,
    [...new Set(to)].filter((u) => u !== ctx.actor.userId).map((userId) => ({ operatorId: a.operatorId, userId, kind, title, body: policyTitle, link: `/applications/${a.id}` })),
    ctx.now,
  );
}

/** After commit: hand the notifications to live clients and delivery adapters. */
export const deliverAll = (ctx: Ctx, rows: NotificationRow[]) => deliver(rows, ctx.bus, ctx.notificationAdapters, ctx.log);

export const actionLabel = (a: string) => applicationActionLabels[a as keyof typeof applicationActionLabels]?.zh ?? a;
