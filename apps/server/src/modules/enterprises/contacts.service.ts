import type { Contact } from '@yqt/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContactCreate, ContactUpdate } from '@yqt/contracts';
import { audit } from '../../core/audit.js';
import { invalidateSessions } from '../../core/auth.js';
import type { Ctx } from '../../core/context.js';
import type { DbOrTx } from '../../core/db.js';
import { forbidden, notFound } from '../../core/errors.js';
import { contacts, enterprises, users } from '../../db/schema/index.js';
import { toContact } from './enterprises.mapper.js';
import { canEditContacts } from './enterprises.policy.js';
import { loadScoped } from './enterprises.service.js';

async function loadForContactEdit(tx: DbOrTx, ctx: Ctx, enterpriseId: string) {
  const { e } = await loadScoped(tx, ctx, enterpriseId);
  if (!canEditContacts(ctx.actor, e)) throw forbidden('无权维护该企业的联系人');
  return e;
}

/** At most one primary contact per enterprise: setting one clears the others. */
async function clearOtherPrimaries(tx: DbOrTx, enterpriseId: string, keepId: string) {
  await tx
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.enterpriseId, enterpriseId), ne(contacts.id, keepId), eq(contacts.isPrimary, true)));
}

async function touchEnterprise(tx: DbOrTx, ctx: Ctx, enterpriseId: string) {
  await tx.update(enterprises).set({ updatedAt: ctx.now }).where(eq(enterprises.id, enterpriseId));
}

export async function addContact(ctx: Ctx, enterpriseId: string, input: z.infer<typeof ContactCreate>): Promise<Contact> {
  return ctx.db.transaction(async (tx) => {
    await loadForContactEdit(tx, ctx, enterpriseId);
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, phone: input.phone ?? null, email: input.email ?? null, operatorId: ctx.actor.operatorId, enterpriseId, createdAt: ctx.now })
      .returning();
    if (row!.isPrimary) await clearOtherPrimaries(tx, enterpriseId, row!.id);
    await touchEnterprise(tx, ctx, enterpriseId);
    await audit(tx, ctx, { action: 'contact.create', entityType: 'contact', entityId: row!.id, after: row });
    return toContact(row!);
  });
}

async function loadContact(tx: DbOrTx, enterpriseId: string, contactId: string) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.enterpriseId, enterpriseId)));
  if (!row) throw notFound('联系人');
  return row;
}

export async function updateContact(ctx: Ctx, enterpriseId: string, contactId: string, input: z.infer<typeof ContactUpdate>) {
  return ctx.db.transaction(async (tx) => {
    await loadForContactEdit(tx, ctx, enterpriseId);
    const before = await loadContact(tx, enterpriseId, contactId);
    const [after] = await tx.update(contacts).set(input).where(eq(contacts.id, contactId)).returning();
    if (after!.isPrimary && !before.isPrimary) await clearOtherPrimaries(tx, enterpriseId, contactId);
    await touchEnterprise(tx, ctx, enterpriseId);
    await audit(tx, ctx, { action: 'contact.update', entityType: 'contact', entityId: contactId, before, after });
    return toContact(after!);
  });
}

export async function removeContact(ctx: Ctx, enterpriseId: string, contactId: string) {
  const userId = await ctx.db.transaction(async (tx) => {
    await loadForContactEdit(tx, ctx, enterpriseId);
    const before = await loadContact(tx, enterpriseId, contactId);
    if (before.userId && before.userId === ctx.actor.userId) throw forbidden('不能删除自己的联系人记录');
    // A removed contact's login is disabled, not deleted: the user row stays for the audit trail.
    if (before.userId) await tx.update(users).set({ disabled: true }).where(eq(users.id, before.userId));
    await tx.delete(contacts).where(eq(contacts.id, contactId));
    await touchEnterprise(tx, ctx, enterpriseId);
    await audit(tx, ctx, { action: 'contact.delete', entityType: 'contact', entityId: contactId, before });
    return before.userId;
  });
  if (userId) invalidateSessions(ctx.bus, ctx.actor.operatorId, userId);
  return { ok: true as const };
}
