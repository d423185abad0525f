import { and, asc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixture.js';
import { hashPassword } from '../../core/passwords.js';
import { auditLogs, contacts, enterpriseIndicators, notifications, policyFollowUps, users } from '../../db/schema/index.js';
import { createPolicy, fieldsOf, lifecycle, publishedPolicy, type PolicyOut } from './test-support.js';

const now = new Date('2026-06-15T10:00:00+08:00');
const t = useTestApp({ clock: () => now });

// Three conditions: one unmet → nearly (≤ 2 missing), three unmet → not eligible.
const rules = {
  kind: 'all',
  label: '申报条件',
  children: [
    { kind: 'compare', label: '营业收入不低于2000万元', metric: 'operatingRevenue', op: 'gte', value: 2000 },
    { kind: 'compare', label: '研发费用不低于100万元', metric: 'rdExpense', op: 'gte', value: 100 },
    { kind: 'compare', label: '职工不少于50人', metric: 'totalStaff', op: 'gte', value: 50 },
  ],
};

async function contactUser(enterpriseId: string, username: string, opts: { disabled?: boolean; operatorId?: string } = {}) {
  const [u] = await t.handle.db
    .insert(users)
    .values({ operatorId: opts.operatorId ?? t.fx.op.id, username, displayName: username, passwordHash: await hashPassword(PASSWORD), roles: ['enterprise_contact'], disabled: opts.disabled ?? false })
    .returning();
  await t.handle.db.insert(contacts).values({ operatorId: opts.operatorId ?? t.fx.op.id, enterpriseId, name: username, userId: u!.id });
  return u!;
}

async function indicators(enterpriseId: string, operatingRevenue: number, rdExpense: number, totalStaff: number) {
  await t.handle.db
    .insert(enterpriseIndicators)
    .values({ enterpriseId, year: 2025, operatingRevenue, rdExpense, totalStaff, source: 'staff' })
    .onConflictDoUpdate({ target: [enterpriseIndicators.enterpriseId, enterpriseIndicators.year], set: { operatingRevenue, rdExpense, totalStaff } });
}

const notesOf = (userId: string, policyId: string) =>
  t.handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.link, `/policies/${policyId}`))).orderBy(asc(notifications.createdAt), asc(notifications.title));
const followUps = (policyId: string) => t.handle.db.select().from(policyFollowUps).where(eq(policyFollowUps.policyId, policyId)).orderBy(asc(policyFollowUps.enterpriseId));
const followUpList = (user: string | null, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/policy-follow-ups${qs}` });
const patchFollowUp = (user: string | null, policyId: string, enterpriseId: string, payload: Record<string, unknown>) =>
  t.req(user, { method: 'PATCH', url: `/api/v1/policy-follow-ups/${policyId}/${enterpriseId}`, payload });

let contactB: Awaited<ReturnType<typeof contactUser>>, contactA2: Awaited<ReturnType<typeof contactUser>>, secondA1: Awaited<ReturnType<typeof contactUser>>, disabledA1: Awaited<ReturnType<typeof contactUser>>;
let policy: PolicyOut;

beforeAll(async () => {
  contactB = await contactUser(t.fx.entB1.id, 'contactb');
  contactA2 = await contactUser(t.fx.entA2.id, 'contacta2');
  secondA1 = await contactUser(t.fx.entA1.id, 'contacta1b');
  disabledA1 = await contactUser(t.fx.entA1.id, 'contacta1off', { disabled: true });
  await contactUser(t.fx.entX.id, 'contactx', { operatorId: t.fx.op2.id });
  await indicators(t.fx.entA1.id, 3000, 150, 80); // eligible
  await indicators(t.fx.entB1.id, 2500, 120, 30); // nearly (staff)
  await indicators(t.fx.entA2.id, 100, 1, 5); // not eligible
  await indicators(t.fx.entX.id, 9000, 900, 900); // another operator: never matched
  policy = await publishedPolicy(t, { title: '研发投入后补助', rules, applyFrom: '2026-06-01', applyUntil: '2026-07-31' });
});

describe('publishing pushes the policy to the enterprises it fits (政策找企业)', () => {
  it('creates pending follow-ups for eligible and nearly-eligible enterprises, assigned to their officer', async () => {
    const rows = await followUps(policy.id);
    const byEnterprise = Object.fromEntries(rows.map((r) => [r.enterpriseId, r]));
    expect(Object.keys(byEnterprise).sort()).toEqual([t.fx.entA1.id, t.fx.entB1.id].sort());
    expect(byEnterprise[t.fx.entA1.id]).toMatchObject({ status: 'pending', liaisonId: t.fx.liaison1.staff!.id, version: 1 });
    expect(byEnterprise[t.fx.entB1.id]).toMatchObject({ status: 'pending', liaisonId: t.fx.liaison2.staff!.id });
  });

  it('notifies the active contacts of eligible enterprises only', async () => {
    const [n] = await notesOf(t.fx.contactUser.user.id, policy.id);
    expect(n).toMatchObject({ kind: 'policy.eligible', title: '您的企业符合《研发投入后补助》的申报条件', link: `/policies/${policy.id}`, operatorId: t.fx.op.id });
    expect(n!.body).toContain('株洲长河电力机车科技有限公司');
    expect(n!.body).toContain('2026-07-31');
    expect(await notesOf(secondA1.id, policy.id)).toHaveLength(1);
    expect(await notesOf(disabledA1.id, policy.id)).toHaveLength(0);
    expect(await notesOf(contactB.id, policy.id)).toHaveLength(0); // nearly: the officer follows up, the enterprise is not told
    expect(await notesOf(contactA2.id, policy.id)).toHaveLength(0);
  });

  it('gives each officer one summary of their grid, and nobody else a notification', async () => {
    const l1 = await notesOf(t.fx.liaison1.user.id, policy.id);
    expect(l1.map((n) => [n.kind, n.title])).toEqual([['policy.followUp', '您的网格有1家企业符合《研发投入后补助》']]);
    expect(l1[0]!.body).toContain('符合1家，接近符合0家');
    const l2 = await notesOf(t.fx.liaison2.user.id, policy.id);
    expect(l2.map((n) => n.title)).toEqual(['您的网格有1家企业接近符合《研发投入后补助》']);
    for (const u of [t.fx.liaison3, t.fx.manager, t.fx.admin, t.fx.leader, t.fx.dept1, t.fx.otherAdmin]) expect(await notesOf(u.user.id, policy.id)).toHaveLength(0);
    const all = await t.handle.db.select().from(notifications).where(eq(notifications.link, `/policies/${policy.id}`));
    expect(all).toHaveLength(4); // contact, contacta1b, liaison1, liaison2
  });

  it('records the push in the audit log with its counts', async () => {
    const [a] = await t.handle.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, policy.id), eq(auditLogs.action, 'policy.push')));
    expect(a!.after).toMatchObject({ eligible: 1, nearly: 1, followUpsCreated: 2, notified: 4 });
  });

  it('on re-publish keeps existing follow-ups and their status, adds new matches, and tells nobody twice', async () => {
    const p = await publishedPolicy(t, { title: '重新发布测试', rules });
    expect((await patchFollowUp('liaison1', p.id, t.fx.entA1.id, { status: 'informed', note: '已电话告知', version: 1 })).statusCode).toBe(200);
    const w = await lifecycle(t, (await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}` })).json(), 'withdraw', { reason: '补充材料清单' });
    await indicators(t.fx.entA2.id, 2100, 130, 60); // now eligible
    const again = await lifecycle(t, w.json(), 'publish');
    expect(again.statusCode, again.body).toBe(200);

    const rows = Object.fromEntries((await followUps(p.id)).map((r) => [r.enterpriseId, r]));
    expect(rows[t.fx.entA1.id]).toMatchObject({ status: 'informed', note: '已电话告知', version: 2 });
    expect(rows[t.fx.entA2.id]).toMatchObject({ status: 'pending', liaisonId: t.fx.liaison1.staff!.id });
    expect(rows[t.fx.entB1.id]).toMatchObject({ status: 'pending' });
    expect(await notesOf(t.fx.contactUser.user.id, p.id)).toHaveLength(1);
    expect(await notesOf(contactA2.id, p.id)).toHaveLength(1);
    expect((await notesOf(t.fx.liaison1.user.id, p.id)).map((n) => n.title)).toEqual(['您的网格有1家企业符合《重新发布测试》', '您的网格有1家企业符合《重新发布测试》']);
    expect(await notesOf(t.fx.liaison2.user.id, p.id)).toHaveLength(1); // nothing new in their grid
    await indicators(t.fx.entA2.id, 100, 1, 5);
  });

  it('a rule change of a published policy recomputes and pushes the new matches; a text change does not', async () => {
    const p = await publishedPolicy(t, { title: '规则调整测试', rules });
    expect((await followUps(p.id)).length).toBe(2);
    const text = await t.req('admin', { method: 'PATCH', url: `/api/v1/policies/${p.id}`, payload: { version: p.version, fullText: '修订' } });
    expect(text.json()).toMatchObject({ rulesVersion: 1 });
    const looser = { kind: 'compare', label: '营业收入不低于50万元', metric: 'operatingRevenue', op: 'gte', value: 50 };
    const res = await t.req('admin', { method: 'PATCH', url: `/api/v1/policies/${p.id}`, payload: { version: text.json().version, rules: looser } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rulesVersion: 2 });
    const rows = Object.fromEntries((await followUps(p.id)).map((r) => [r.enterpriseId, r.status]));
    expect(rows).toEqual({ [t.fx.entA1.id]: 'pending', [t.fx.entB1.id]: 'pending', [t.fx.entA2.id]: 'pending' });
    expect(await notesOf(contactB.id, p.id)).toHaveLength(1); // now eligible
    expect(await notesOf(contactA2.id, p.id)).toHaveLength(1);
    expect(await notesOf(t.fx.contactUser.user.id, p.id)).toHaveLength(1); // still once
  });

  it('a draft saved with rules pushes nothing; a policy without rules publishes without a push', async () => {
    const d = await createPolicy(t, { rules });
    expect(await followUps(d.id)).toHaveLength(0);
    const plain = await publishedPolicy(t, { title: '无规则政策', rules: null });
    expect(await followUps(plain.id)).toHaveLength(0);
    expect(await t.handle.db.select().from(notifications).where(eq(notifications.link, `/policies/${plain.id}`))).toHaveLength(0);
  });

  it('notifies hundreds of contacts (inserted in chunks) in the publishing transaction', async () => {
    const hash = await hashPassword(PASSWORD);
    const many = await t.handle.db
      .insert(users)
      .values(Array.from({ length: 520 }, (_, i) => ({ operatorId: t.fx.op.id, username: `bulk${i}`, displayName: `批量${i}`, passwordHash: hash, roles: ['enterprise_contact'] })))
      .returning({ id: users.id });
    await t.handle.db.insert(contacts).values(many.map((u, i) => ({ operatorId: t.fx.op.id, enterpriseId: t.fx.entA1.id, name: `批量${i}`, userId: u.id })));
    const p = await publishedPolicy(t, { title: '批量通知测试', rules });
    const rows = await t.handle.db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.link, `/policies/${p.id}`), eq(notifications.kind, 'policy.eligible')));
    expect(rows).toHaveLength(522); // contact, contacta1b and the 520
    const bulk = await t.handle.db.select({ id: users.id }).from(users).where(like(users.username, 'bulk%'));
    await t.handle.db.delete(contacts).where(like(contacts.name, '批量%'));
    expect(bulk).toHaveLength(520);
  });
});

describe('GET /policy-follow-ups', () => {
  type F = { policyId: string; enterpriseId: string; enterpriseName: string; verdict: string | null; status: string; policyTitle: string; liaisonName: string | null };
  const mine = async (user: string) => {
    const res = await followUpList(user, `?policyId=${policy.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as F[]).map((f) => f.enterpriseName).sort();
  };

  it('shows a liaison officer their grid (as officer or backup), a park manager their parks, admins and policy departments all', async () => {
    expect(await mine('liaison1')).toEqual(['株洲长河电力机车科技有限公司']);
    expect(await mine('liaison2')).toEqual(['株洲硬质合金材料有限公司', '株洲长河电力机车科技有限公司'].sort());
    expect(await mine('liaison3')).toEqual([]);
    expect(await mine('manager')).toEqual(['株洲长河电力机车科技有限公司']);
    expect(await mine('admin')).toHaveLength(2);
    expect(await mine('dept')).toHaveLength(2);
    expect(await mine('otheradmin')).toEqual([]);
  });

  it('carries the policy title, the verdict and the officer', async () => {
    const items = (await followUpList('admin', `?policyId=${policy.id}`)).json().items as F[];
    const a1 = items.find((f) => f.enterpriseId === t.fx.entA1.id)!;
    expect(a1).toMatchObject({ policyTitle: '研发投入后补助', verdict: 'eligible', status: 'pending', liaisonName: '联络员甲' });
    expect(items.find((f) => f.enterpriseId === t.fx.entB1.id)).toMatchObject({ verdict: 'nearly', liaisonName: '联络员乙' });
  });

  it('filters by status, liaison and enterprise, and paginates', async () => {
    const all = (await followUpList('admin')).json().total as number;
    expect(all).toBeGreaterThan(2);
    const byLiaison = (await followUpList('admin', `?policyId=${policy.id}&liaisonId=${t.fx.liaison2.staff!.id}`)).json();
    expect(byLiaison.items.map((f: F) => f.enterpriseId)).toEqual([t.fx.entB1.id]);
    expect((await followUpList('admin', `?enterpriseId=${t.fx.entB1.id}&status=pending`)).json().items.every((f: F) => f.enterpriseId === t.fx.entB1.id && f.status === 'pending')).toBe(true);
    const page = (await followUpList('admin', '?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: all });
    expect(page.items).toHaveLength(1);
    const bad = await followUpList('admin', '?status=done&policyId=x');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['status', 'policyId']));
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['leader', 403],
  ])('refuses %s with %i', async (user, status) => {
    expect((await followUpList(user)).statusCode).toBe(status);
  });
});

describe('PATCH /policy-follow-ups/{policyId}/{enterpriseId}', () => {
  it('records the outcome with compare-and-set and an audit row naming the changed fields', async () => {
    const p = await publishedPolicy(t, { title: '跟进记录测试', rules });
    const res = await patchFollowUp('liaison2', p.id, t.fx.entB1.id, { status: 'applying', note: '企业准备申报', version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applying', note: '企业准备申报', version: 2, verdict: 'nearly' });
    const stale = await patchFollowUp('manager', p.id, t.fx.entB1.id, { status: 'not_interested', version: 1 });
    expect(stale.statusCode).toBe(404); // the manager of park A does not see park B
    const stale2 = await patchFollowUp('admin', p.id, t.fx.entB1.id, { status: 'not_interested', version: 1 });
    expect(stale2.statusCode).toBe(409);
    expect(stale2.json().error.details).toEqual({ currentVersion: 2 });
    const [a] = await t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityId, `${p.id}:${t.fx.entB1.id}`));
    expect(a).toMatchObject({ action: 'policy_follow_up.update', before: { status: 'pending', note: null }, after: { status: 'applying', changedFields: ['status', 'note'] } });
  });

  it('a withdrawn policy closes its checklist: gone from the list, no longer recordable (404)', async () => {
    const p = await publishedPolicy(t, { title: '撤回关闭清单测试', rules });
    expect((await followUpList('liaison1', `?policyId=${p.id}`)).json().items).toHaveLength(1);
    const w = await lifecycle(t, (await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}` })).json(), 'withdraw', { reason: '政策调整' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await followUpList('liaison1', `?policyId=${p.id}`)).json().items).toEqual([]);
    expect((await patchFollowUp('liaison1', p.id, t.fx.entA1.id, { status: 'informed', version: 1 })).statusCode).toBe(404);
  });

  it('lets the backup officer and the park manager record, but not officers of other grids (404)', async () => {
    const p = await publishedPolicy(t, { title: '跟进权限测试', rules });
    expect((await patchFollowUp('liaison2', p.id, t.fx.entA1.id, { status: 'informed', version: 1 })).statusCode).toBe(200); // backup of A1
    expect((await patchFollowUp('manager', p.id, t.fx.entA1.id, { status: 'applying', version: 2 })).statusCode).toBe(200);
    expect((await patchFollowUp('liaison1', p.id, t.fx.entB1.id, { status: 'informed', version: 1 })).statusCode).toBe(404);
    expect((await patchFollowUp('liaison3', p.id, t.fx.entA1.id, { status: 'informed', version: 3 })).statusCode).toBe(404);
    expect((await patchFollowUp('otheradmin', p.id, t.fx.entA1.id, { status: 'informed', version: 3 })).statusCode).toBe(404);
    expect((await patchFollowUp('dept', p.id, t.fx.entA1.id, { status: 'informed', version: 3 })).statusCode).toBe(403);
    expect((await patchFollowUp('contact', p.id, t.fx.entA1.id, { status: 'informed', version: 3 })).statusCode).toBe(403);
    expect((await patchFollowUp(null, p.id, t.fx.entA1.id, { status: 'informed', version: 3 })).statusCode).toBe(401);
    // An enterprise that never matched has no follow-up.
    expect((await patchFollowUp('liaison1', p.id, t.fx.entA2.id, { status: 'informed', version: 1 })).statusCode).toBe(404);
  });

  it('answers 400 naming the field for a bad status, a long note or a missing version', async () => {
    const bad = await patchFollowUp('liaison1', policy.id, t.fx.entA1.id, { status: 'pending', note: 'x'.repeat(501) });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['status', 'note', 'version']));
  });
});
