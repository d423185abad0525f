import type { PasswordChange, StaffCreate, StaffUpdate } from '@yqt/contracts';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { hashPassword, verifyPassword } from '../../core/passwords.js';
import { hashToken, invalidateSessions } from '../../core/auth.js';
import { areas, departments, parks, sessions, staff, staffParks, users } from '../../db/schema/index.js';

async function checkRefs(tx: DbOrTx, operatorId: string, v: { departmentId?: string | null; areaId?: string | null; parkIds?: string[] }) {
  if (v.departmentId) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(and(eq(departments.id, v.departmentId), eq(departments.operatorId, operatorId)));
    if (!d) throw invalid('departmentId', '部门不存在');
  }
  if (v.areaId) {
    const [a] = await tx.select({ id: areas.id }).from(areas).where(and(eq(areas.id, v.areaId), eq(areas.operatorId, operatorId)));
    if (!a) throw invalid('areaId', '联片不存在');
  }
  if (v.parkIds?.length) {
    const ps = await tx.select({ id: parks.id }).from(parks).where(and(inArray(parks.id, v.parkIds), eq(parks.operatorId, operatorId)));
    if (ps.length !== new Set(v.parkIds).size) throw invalid('parkIds', '园区不存在');
  }
}

/** Creates a staff member with a login; park managers get the parks they are responsible for. */
export async function createStaff(ctx: Ctx, input: z.infer<typeof StaffCreate>) {
  if (input.roles.includes('park_manager') && !input.parkIds.length) throw invalid('parkIds', '园区经理须指定负责的园区');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await checkRefs(tx, ctx.actor.operatorId, input);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('用户名已被使用', [{ path: 'username', code: 'duplicate', message: '用户名已被使用' }]);
    const [u] = await tx.insert(users).values({ operatorId: ctx.actor.operatorId, username: input.username, displayName: input.name, passwordHash, roles: input.roles, createdAt: ctx.now }).returning({ id: users.id });
    const [s] = await tx
      .insert(staff)
      .values({ operatorId: ctx.actor.operatorId, userId: u!.id, name: input.name, title: input.title ?? null, phone: input.phone ?? null, departmentId: input.departmentId ?? null, areaId: input.areaId ?? null, createdAt: ctx.now })
      .returning();
    if (input.parkIds.length) await tx.insert(staffParks).values(input.parkIds.map((parkId) => ({ staffId: s!.id, parkId })));
    // The password never reaches the audit log.
    await audit(tx, ctx, { action: 'staff.create', entityType: 'staff', entityId: s!.id, after: { ...s, username: input.username, roles: input.roles, parkIds: input.parkIds } });
    return { id: s!.id };
  });
}

async function loadStaff(tx: DbOrTx, ctx: Ctx, id: string) {
  const [s] = await tx.select().from(staff).where(and(eq(staff.id, id), eq(staff.operatorId, ctx.actor.operatorId)));
  if (!s) throw notFound('工作人员');
  return s;
}

/** Edits a staff member; deactivating also disables the login and ends their sessions. */
export async function updateStaff(ctx: Ctx, id: string, input: z.infer<typeof StaffUpdate>) {
  const { userId } = await ctx.db.transaction(async (tx) => {
    const before = await loadStaff(tx, ctx, id);
    if (before.userId === ctx.actor.userId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
      throw conflict('不能停用自己或取消自己的管理员角色');
    }
    await checkRefs(tx, ctx.actor.operatorId, input);
    const { roles, parkIds, active, ...fields } = input;
    const [after] = await tx
      .update(staff)
      .set({ ...fields, ...(active !== undefined ? { active } : {}) })
      .where(eq(staff.id, id))
      .returning();
    if (before.userId) {
      const userChanges = { ...(roles ? { roles } : {}), ...(fields.name ? { displayName: fields.name } : {}), ...(active !== undefined ? { disabled: !active } : {}) };
      if (Object.keys(userChanges).length) await tx.update(users).set(userChanges).where(eq(users.id, before.userId));
      if (active === false) await tx.delete(sessions).where(eq(sessions.userId, before.userId));
    }
    if (parkIds) {
      await tx.delete(staffParks).where(eq(staffParks.staffId, id));
      if (parkIds.length) await tx.insert(staffParks).values(parkIds.map((parkId) => ({ staffId: id, parkId })));
    }
    await audit(tx, ctx, { action: 'staff.update', entityType: 'staff', entityId: id, before, after: { ...after, roles, parkIds } });
    return { userId: before.userId };
  });
  // Roles, parks, department or activity may have changed: cached sessions must reload them.
  if (userId) invalidateSessions(ctx.bus, ctx.actor.operatorId, userId);
  return { id };
}

/** An administrator sets a new password; every session of that user ends. */
export async function resetPassword(ctx: Ctx, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  const userId = await ctx.db.transaction(async (tx) => {
    const s = await loadStaff(tx, ctx, id);
    if (!s.userId) throw notFound('账号');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, s.userId));
    await tx.delete(sessions).where(eq(sessions.userId, s.userId));
    await audit(tx, ctx, { action: 'staff.password.reset', entityType: 'staff', entityId: id });
    return s.userId;
  });
  invalidateSessions(ctx.bus, ctx.actor.operatorId, userId);
  return { ok: true as const };
}

/** Anyone changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(ctx: Ctx, input: z.infer<typeof PasswordChange>, currentToken: string | undefined) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!u || !(await verifyPassword(input.currentPassword, u.passwordHash))) throw invalid('currentPassword', '当前密码不正确');
  if (input.currentPassword === input.newPassword) throw invalid('newPassword', '新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, u.id), currentToken ? ne(sessions.tokenHash, hashToken(currentToken)) : undefined));
    await audit(tx, ctx, { action: 'user.password.change', entityType: 'user', entityId: u.id });
  });
  // Drops this session from the caches too; it reloads from the database on the next call.
  invalidateSessions(ctx.bus, ctx.actor.operatorId, u.id);
  return { ok: true as const };
}

