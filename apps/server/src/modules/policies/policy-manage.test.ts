import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { auditLogs, departments, policyVersions } from '../../db/schema/index.js';
import { createPolicy, fieldsOf, lifecycle, policyBody, publishedPolicy } from './test-support.js';

const now = new Date('2026-06-15T10:00:00+08:00');
const t = useTestApp({ clock: () => now });

const post = (user: string | null, payload: unknown) => t.req(user, { method: 'POST', url: '/api/v1/policies', payload: payload as Record<string, unknown> });
const patch = (user: string | null, id: string, payload: Record<string, unknown>) => t.req(user, { method: 'PATCH', url: `/api/v1/policies/${id}`, payload });
const audits = (id: string) => t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityId, id)).orderBy(asc(auditLogs.id));

const rules = {
  kind: 'all',
  label: '申报条件',
  children: [
    { kind: 'compare', label: '上年度营业收入不低于2000万元', metric: 'operatingRevenue', op: 'gte', value: 2000 },
    { kind: 'qualification', label: '有效期内的高新技术企业', qualification: 'high_tech' },
  ],
};

describe('POST /policies', () => {
  it('creates a draft of the caller’s operator with version 1 and a first snapshot', async () => {
    const res = await post('dept', policyBody({ title: '首台套奖励', departmentId: t.fx.dept.id, rules }));
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ title: '首台套奖励', status: 'draft', version: 1, rulesVersion: 1, departmentId: t.fx.dept.id, departmentName: '企业服务部', canEdit: true, allowedActions: ['publish'], windowOpen: false });
    expect(p.rules.children[0]).toMatchObject({ metric: 'operatingRevenue', op: 'gte', value: 2000 });
    const versions = await t.handle.db.select().from(policyVersions).where(eq(policyVersions.policyId, p.id));
    expect(versions.map((v) => v.version)).toEqual([1]);
    const [a] = await audits(p.id);
    expect(a).toMatchObject({ action: 'policy.create', actorName: '部门经办人' });
    expect((a!.after as { changedFields: string[] }).changedFields).toEqual(expect.arrayContaining(['title', 'rules', 'departmentId']));
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['liaison1', 403],
    ['leader', 403],
  ])('refuses %s with %i', async (user, status) => {
    expect((await post(user, policyBody())).statusCode).toBe(status);
  });

  it.each([
    ['a window that ends before it starts', { applyFrom: '2026-07-01', applyUntil: '2026-06-30' }, 'applyUntil'],
    ['an expiry before the effective date', { effectiveFrom: '2026-01-01', expiresOn: '2025-12-31' }, 'expiresOn'],
    ['a negative maximum amount', { maxAmountWan: -1 }, 'maxAmountWan'],
    ['a tag that is too long', { tags: ['一二三四五六七八九十一二三四五六七八九十一'] }, 'tags.0'],
    ['an empty tag', { tags: ['研发', ' '] }, 'tags.1'],
    ['repeated tags', { tags: ['研发', '研发'] }, 'tags'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) }, 'tags'],
    ['an impossible date', { applyFrom: '2026-02-30' }, 'applyFrom'],
    ['an unknown level', { level: 'county' }, 'level'],
    ['an unknown field', { sponsor: '某某' }, 'sponsor'],
    ['a missing title', { title: '' }, 'title'],
    ['an unknown rule kind', { rules: { kind: 'maybe', label: 'x' } }, 'rules.kind'],
    ['an unknown metric', { rules: { ...rules, children: [rules.children[0], { kind: 'compare', label: '利润', metric: 'profit', op: 'gte', value: 1 }] } }, 'rules.children.1.metric'],
    ['an empty rule group', { rules: { kind: 'any', children: [] } }, 'rules.children'],
    ['a rule with an extra field', { rules: { kind: 'not', child: { kind: 'qualification', label: '非高企', qualification: 'high_tech', since: 2 } } }, 'rules.child.since'],
    ['an ordering on an unordered metric (validateRules)', { rules: { kind: 'compare', label: '规模', metric: 'size', op: 'gte', value: 'small' } }, 'rules.op'],
    ['an empty range (validateRules)', { rules: { kind: 'all', children: [{ kind: 'between', label: '研发占比', metric: 'rdRatio', min: 0.1, max: 0.05 }] } }, 'rules.children.0.max'],
    ['a value outside the vocabulary (validateRules)', { rules: { kind: 'in', label: '行业', metric: 'industryCode', values: ['C', 'Z'] } }, 'rules.values.1'],
    ['a number compared with an enum metric (validateRules)', { rules: { kind: 'compare', label: '营收', metric: 'operatingRevenue', op: 'gte', value: '很多' } }, 'rules.value'],
  ])('answers 400 naming the field for %s', async (_what, over, path) => {
    const res = await post('admin', policyBody(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(path);
  });

  it('refuses a department of another operator, naming departmentId', async () => {
    const [d] = await t.handle.db.insert(departments).values({ operatorId: t.fx.op2.id, name: '别家部门' }).returning();
    const res = await post('admin', policyBody({ departmentId: d!.id }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['departmentId']);
  });

  it('refuses a key already used by another policy of the operator (409 naming key)', async () => {
    await createPolicy(t, { key: 'dup-key' });
    const res = await post('admin', policyBody({ key: 'dup-key' }));
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual(['key']);
    // Keys are per operator.
    expect((await post('otheradmin', policyBody({ key: 'dup-key' }))).statusCode).toBe(201);
  });
});

describe('PATCH /policies/{id}', () => {
  it('saves with compare-and-set: a stale version gets 409 and nothing changes', async () => {
    const p = await createPolicy(t, { title: '原标题' });
    const ok = await patch('admin', p.id, { version: 1, title: '新标题' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ title: '新标题', version: 2, rulesVersion: 1 });
    const stale = await patch('dept', p.id, { version: 1, title: '覆盖' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentVersion: 2 });
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}` })).json().title).toBe('新标题');
  });

  it('bumps rules_version only when the rules change, and audits the changed field names', async () => {
    const p = await createPolicy(t, { rules });
    const text = await patch('admin', p.id, { version: 1, fullText: '修订后的原文', maxAmountWan: 50 });
    expect(text.json()).toMatchObject({ version: 2, rulesVersion: 1 });
    // The same rules again (keys in another order) is no change.
    const same = await patch('admin', p.id, { version: 2, rules: { children: rules.children, label: rules.label, kind: 'all' } });
    expect(same.json()).toMatchObject({ version: 2, rulesVersion: 1 });
    const changed = await patch('admin', p.id, { version: 2, rules: { ...rules, kind: 'any' } });
    expect(changed.json()).toMatchObject({ version: 3, rulesVersion: 2, rules: { kind: 'any' } });
    const cleared = await patch('admin', p.id, { version: 3, rules: null });
    expect(cleared.json()).toMatchObject({ version: 4, rulesVersion: 3, rules: null });

    const updates = (await audits(p.id)).filter((a) => a.action === 'policy.update');
    expect(updates.map((a) => (a.after as { changedFields: string[] }).changedFields)).toEqual([['maxAmountWan', 'fullText'], ['rules'], ['rules']]);
    expect(updates[0]).toMatchObject({ before: { version: 1, maxAmountWan: 30, fullText: '第一条 为支持企业发展，制定本办法。' }, after: { version: 2, maxAmountWan: 50, fullText: '修订后的原文' } });
  });

  it('checks the dates of the merged state, naming the field', async () => {
    const p = await createPolicy(t, { applyFrom: '2026-06-01', applyUntil: '2026-06-30', effectiveFrom: '2026-01-01' });
    const res = await patch('admin', p.id, { version: 1, applyUntil: '2026-05-31' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['applyUntil']);
    const exp = await patch('admin', p.id, { version: 1, expiresOn: '2025-12-31' });
    expect(fieldsOf(exp)).toEqual(['expiresOn']);
    const neg = await patch('admin', p.id, { version: 1, maxAmountWan: -5 });
    expect(fieldsOf(neg)).toEqual(['maxAmountWan']);
    const badRule = await patch('admin', p.id, { version: 1, rules: { kind: 'ratio', label: '比', numerator: 'rdExpense', denominator: 'rdExpense', op: 'gte', value: 1 } });
    expect(fieldsOf(badRule)).toEqual(['rules.denominator']);
    expect((await patch('admin', p.id, { version: 1, applyUntil: null, applyFrom: '2026-09-01' })).statusCode).toBe(200);
  });

  it('clears the document number with an empty string and leaves it alone when absent', async () => {
    const p = await createPolicy(t, { docNumber: '株政发〔2026〕1号' });
    expect((await patch('admin', p.id, { version: 1, title: '只改标题' })).json().docNumber).toBe('株政发〔2026〕1号');
    expect((await patch('admin', p.id, { version: 2, docNumber: '' })).json().docNumber).toBeNull();
  });

  it('keeps the search tokens current: a new word is found, the old one is not', async () => {
    const p = await publishedPolicy(t, { title: '旧名称政策甲' });
    const find = async (s: string) => (await t.req(null, { method: 'GET', url: `/api/v1/policies?operator=op1&q=${encodeURIComponent(s)}` })).json().total;
    expect(await find('旧名称')).toBe(1);
    await patch('admin', p.id, { version: p.version, title: '新名称政策乙', interpretation: { audience: '', benefits: '', keyConditions: ['瞪羚企业优先'], materials: [], deadlines: '', contact: '', faq: [] } });
    expect(await find('旧名称')).toBe(0);
    expect(await find('新名称')).toBe(1);
    expect(await find('瞪羚')).toBe(1);
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['liaison1', 403],
    ['otheradmin', 404],
  ])('authorization: %s gets %i', async (user, status) => {
    const p = await createPolicy(t);
    expect((await patch(user, p.id, { version: 1, title: 'x' })).statusCode).toBe(status);
  });
});

describe('lifecycle', () => {
  it('draft → published → withdrawn → published → expired, each a version, invalid moves 409', async () => {
    const p = await createPolicy(t, { title: '生命周期', applyFrom: '2026-06-01', applyUntil: '2026-06-30' });
    const pub = await lifecycle(t, p, 'publish');
    expect(pub.statusCode, pub.body).toBe(200);
    const p2 = pub.json();
    expect(p2).toMatchObject({ status: 'published', version: 2, publishedOn: '2026-06-15', windowOpen: true, allowedActions: ['withdraw', 'expire'] });
    expect(p2.publishedAt).toBe(now.toISOString());

    expect((await lifecycle(t, p2, 'publish')).statusCode).toBe(409);
    const noReason = await lifecycle(t, p2, 'withdraw');
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const w = await lifecycle(t, p2, 'withdraw', { reason: '上级文件调整' });
    expect(w.json()).toMatchObject({ status: 'withdrawn', version: 3, windowOpen: false, allowedActions: ['publish'] });
    expect((await lifecycle(t, w.json(), 'expire')).statusCode).toBe(409);
    const again = await lifecycle(t, w.json(), 'publish');
    expect(again.json()).toMatchObject({ status: 'published', version: 4 });
    const exp = await lifecycle(t, again.json(), 'expire');
    expect(exp.json()).toMatchObject({ status: 'expired', version: 5 });

    const versions = (await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}/versions` })).json().items;
    expect(versions.map((v: { version: number; action: string; status: string }) => [v.version, v.action, v.status])).toEqual([
      [5, 'expire', 'expired'],
      [4, 'publish', 'published'],
      [3, 'withdraw', 'withdrawn'],
      [2, 'publish', 'published'],
      [1, 'create', 'draft'],
    ]);
    expect(versions[2]).toMatchObject({ reason: '上级文件调整', changedByName: '管理员' });
    expect(versions[3].changedFields).toEqual(['publishedOn']);
    const actions = (await audits(p.id)).map((a) => a.action).filter((a) => a !== 'policy.push');
    expect(actions).toEqual(['policy.create', 'policy.publish', 'policy.withdraw', 'policy.publish', 'policy.expire']);
    const [withdrawAudit] = (await audits(p.id)).filter((a) => a.action === 'policy.withdraw');
    expect(withdrawAudit!.after).toMatchObject({ status: 'withdrawn', reason: '上级文件调整', changedFields: ['status'] });
  });

  it('a stale version cannot publish (409)', async () => {
    const p = await createPolicy(t);
    await patch('admin', p.id, { version: 1, title: '先改一下' });
    const res = await lifecycle(t, p, 'publish');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ currentVersion: 2 });
  });

  it('refuses to publish a policy already past its expiry date, naming expiresOn', async () => {
    const p = await createPolicy(t, { effectiveFrom: '2025-01-01', expiresOn: '2026-06-14' });
    const res = await lifecycle(t, p, 'publish');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['expiresOn']);
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['liaison1', 403],
    ['leader', 403],
    ['otheradmin', 404],
  ])('authorization of publish: %s gets %i', async (user, status) => {
    const p = await createPolicy(t);
    expect((await lifecycle(t, p, 'publish', {}, user as string)).statusCode).toBe(status);
    const row = await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}` });
    expect(row.json().status).toBe('draft');
  });
});

describe('versions', () => {
  it('lists the history and returns one version’s snapshot', async () => {
    const p = await createPolicy(t, { title: '版本一', rules });
    await patch('admin', p.id, { version: 1, title: '版本二' });
    const list = await t.req('dept', { method: 'GET', url: `/api/v1/policies/${p.id}/versions` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items[0]).toMatchObject({ version: 2, action: 'update', changedFields: ['title'], rulesVersion: 1 });
    const v1 = await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}/versions/1` });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, action: 'create', snapshot: { title: '版本一', status: 'draft', rules: { kind: 'all' } } });
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/policies/${p.id}/versions/9` })).statusCode).toBe(404);
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['liaison1', 403],
    ['otheradmin', 404],
  ])('authorization: %s gets %i', async (user, status) => {
    const p = await publishedPolicy(t);
    expect((await t.req(user, { method: 'GET', url: `/api/v1/policies/${p.id}/versions` })).statusCode).toBe(status);
  });

  it('writes exactly one version per save', async () => {
    const p = await createPolicy(t);
    await patch('admin', p.id, { version: 1, title: 'a' });
    await patch('admin', p.id, { version: 2, title: 'a' }); // no change: no new version
    await patch('admin', p.id, { version: 2, tags: ['b'] });
    const rows = await t.handle.db.select({ v: policyVersions.version }).from(policyVersions).where(and(eq(policyVersions.policyId, p.id))).orderBy(asc(policyVersions.version));
    expect(rows.map((r) => r.v)).toEqual([1, 2, 3]);
  });
});
