import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createPolicy, lifecycle, publishedPolicy, type PolicyOut } from './test-support.js';

// 00:30 in Shanghai is still the previous day in UTC: window checks must use the Shanghai date.
const now = new Date('2026-06-15T00:30:00+08:00');
const t = useTestApp({ clock: () => now });

type Item = { id: string; title: string; windowOpen: boolean; status: string; [k: string]: unknown };
const list = (user: string | null, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/policies${qs}` });
const titles = (res: { json(): unknown }) => (res.json() as { items: Item[] }).items.map((i) => i.title);
const q = (s: string) => `?operator=op1&q=${encodeURIComponent(s)}`;

let hightech: PolicyOut, draft: PolicyOut, other: PolicyOut;

beforeAll(async () => {
  hightech = await publishedPolicy(t, {
    title: '高新技术企业认定奖励',
    issuer: '株洲市科学技术局',
    level: 'city',
    benefitType: 'award',
    tags: ['高企', '研发'],
    publishedOn: '2026-03-01',
    applyFrom: '2026-06-01',
    applyUntil: '2026-07-31',
    fullText: '对首次认定的企业给予奖励。',
    interpretation: { audience: '首次通过认定的企业', benefits: '一次性奖励20万元', keyConditions: ['研发费用占比达标'], materials: [], deadlines: '', contact: '', faq: [] },
  });
  await publishedPolicy(t, {
    title: '研发费用加计扣除',
    issuer: '财政部 税务总局',
    level: 'national',
    benefitType: 'tax_relief',
    docNumber: '财政部 税务总局公告2023年第7号',
    tags: ['研发', '税收'],
    publishedOn: '2023-03-26',
    fullText: '企业开展研发活动中实际发生的研发费用，委托研发按规定计算。',
    interpretation: { audience: '会计核算健全的企业', benefits: '按实际发生额的100%在税前加计扣除', keyConditions: [], materials: [], deadlines: '', contact: '', faq: [] },
  });
  await publishedPolicy(t, {
    title: '专精特新企业贷款贴息',
    issuer: '湖南省工业和信息化厅',
    level: 'provincial',
    benefitType: 'loan',
    tags: ['专精特新'],
    publishedOn: '2026-01-05',
    applyFrom: '2026-01-01',
    applyUntil: '2026-03-31',
    interpretation: { audience: '专精特新中小企业', benefits: '按贷款利息的50%给予贴息', keyConditions: [], materials: [], deadlines: '', contact: '', faq: [{ q: '贴息上限是多少？', a: '单户不超过下水道改造费用' }] },
  });
  draft = await createPolicy(t, { title: '园区人才公寓补贴', level: 'operator', tags: ['人才'] });
  await publishedPolicy(t, { title: '窗口今日开始', publishedOn: '2026-06-10', applyFrom: '2026-06-15', applyUntil: '2026-06-30', tags: ['边界'] });
  await publishedPolicy(t, { title: '窗口昨日结束', publishedOn: '2026-06-11', applyFrom: '2026-06-01', applyUntil: '2026-06-14', tags: ['边界'] });
  other = await publishedPolicy(t, { title: '别家运营方政策', tags: ['研发'] }, 'otheradmin');
});

describe('GET /policies (public)', () => {
  it('needs no login and lists published policies only', async () => {
    const res = await list(null, '?operator=op1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(titles(res)).not.toContain('园区人才公寓补贴');
    expect(body.items.every((i: Item) => i.status === 'published')).toBe(true);
    expect(body.items[0]).not.toHaveProperty('fullText');
  });

  it('shows an anonymous visitor every operator’s published policies unless one is named', async () => {
    expect(titles(await list(null))).toContain('别家运营方政策');
    expect(titles(await list(null, '?operator=op2'))).toEqual(['别家运营方政策']);
    const bad = await list(null, '?operator=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('operator');
  });

  it('shows a signed-in user their own operator’s policies; drafts only to policy managers', async () => {
    const contact = titles(await list('contact'));
    expect(contact).toHaveLength(5);
    expect(contact).not.toContain('别家运营方政策');
    expect(contact).not.toContain('园区人才公寓补贴');
    expect(titles(await list('liaison1'))).not.toContain('园区人才公寓补贴');
    expect(titles(await list('manager'))).toContain('园区人才公寓补贴');
    expect(titles(await list('dept', '?status=draft'))).toEqual(['园区人才公寓补贴']);
    // A status filter cannot widen what a non-manager sees.
    expect((await list('contact', '?status=draft')).json().total).toBe(0);
    expect((await list(null, '?status=draft')).json().total).toBe(0);
  });

  it('puts open windows first, then the newest published', async () => {
    expect(titles(await list(null, '?operator=op1'))).toEqual(['窗口今日开始', '高新技术企业认定奖励', '窗口昨日结束', '专精特新企业贷款贴息', '研发费用加计扣除']);
    expect(titles(await list(null, '?operator=op1&sort=-publishedOn'))).toEqual(['窗口昨日结束', '窗口今日开始', '高新技术企业认定奖励', '专精特新企业贷款贴息', '研发费用加计扣除']);
    expect(titles(await list(null, '?operator=op1&sort=applyUntil'))[0]).toBe('专精特新企业贷款贴息');
  });

  it('computes windowOpen on the Shanghai date, inclusive at both ends; no window is never open', async () => {
    const items = (await list(null, '?operator=op1')).json().items as Item[];
    const open = Object.fromEntries(items.map((i) => [i.title, i.windowOpen]));
    expect(open).toEqual({
      高新技术企业认定奖励: true,
      窗口今日开始: true,
      窗口昨日结束: false,
      专精特新企业贷款贴息: false,
      研发费用加计扣除: false,
    });
    expect(titles(await list(null, '?operator=op1&openNow=true')).sort()).toEqual(['窗口今日开始', '高新技术企业认定奖励'].sort());
    expect((await list(null, '?operator=op1&openNow=false')).json().total).toBe(3);
  });

  it.each([
    ['研发', ['高新技术企业认定奖励', '研发费用加计扣除']],
    ['税', ['研发费用加计扣除']],
    ['贴息', ['专精特新企业贷款贴息']],
    ['加计扣除', ['研发费用加计扣除']],
    ['一次性奖励', ['高新技术企业认定奖励']], // interpretation: benefits
    ['研发费用占比', ['高新技术企业认定奖励']], // interpretation: key conditions
    ['下水道', ['专精特新企业贷款贴息']], // interpretation: FAQ answer
    ['委托研发', ['研发费用加计扣除']], // full text
    ['2023年第7号', ['研发费用加计扣除']], // document number
    ['科学技术局', ['高新技术企业认定奖励']], // issuer
    ['人才公寓', []], // a draft is not public
    ['奖励贴息', []], // bigrams present, not adjacent
  ])('finds Chinese text of any length: %s', async (s, expected) => {
    const res = await list(null, q(s));
    expect(res.statusCode).toBe(200);
    expect(titles(res).sort()).toEqual([...expected].sort());
    expect(res.json().total).toBe(expected.length);
  });

  it('searches drafts for a manager', async () => {
    expect(titles(await list('admin', `?q=${encodeURIComponent('公寓')}`))).toEqual(['园区人才公寓补贴']);
  });

  it('filters by level, benefit type and tag, and paginates', async () => {
    expect(titles(await list(null, '?operator=op1&level=national'))).toEqual(['研发费用加计扣除']);
    expect(titles(await list(null, '?operator=op1&benefitType=loan'))).toEqual(['专精特新企业贷款贴息']);
    expect(titles(await list(null, `?operator=op1&tag=${encodeURIComponent('研发')}`)).sort()).toEqual(['研发费用加计扣除', '高新技术企业认定奖励'].sort());
    expect(titles(await list(null, `?operator=op1&tag=${encodeURIComponent('研发')}&openNow=true`))).toEqual(['高新技术企业认定奖励']);
    const p2 = (await list(null, '?operator=op1&page=2&pageSize=2')).json();
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items.map((i: Item) => i.title)).toEqual(['窗口昨日结束', '专精特新企业贷款贴息']);
    // A page beyond the end still reports the total.
    expect((await list(null, '?operator=op1&page=9&pageSize=2')).json()).toMatchObject({ items: [], total: 5, page: 9 });
    expect((await list(null, `?operator=op1&page=2&q=${encodeURIComponent('研发')}`)).json()).toMatchObject({ items: [], total: 2 });
  });

  it('rejects bad query parameters naming them', async () => {
    const res = await list(null, '?level=county&benefitType=gift&openNow=yes&pageSize=500&sort=random');
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['level', 'benefitType', 'openNow', 'pageSize', 'sort']));
  });
});

describe('GET /policies/{id} (public)', () => {
  it('shows a published policy to anyone, with its interpretation and window', async () => {
    const res = await t.req(null, { method: 'GET', url: `/api/v1/policies/${hightech.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '高新技术企业认定奖励',
      windowOpen: true,
      interpretation: { benefits: '一次性奖励20万元', keyConditions: ['研发费用占比达标'] },
      fullText: '对首次认定的企业给予奖励。',
      allowedActions: [],
      canEdit: false,
    });
    // Another operator's published policy is public too (a shared link works for anyone).
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/policies/${other.id}` })).statusCode).toBe(200);
  });

  it('hides a draft from the public, enterprise contacts, officers and other operators (404)', async () => {
    for (const user of [null, 'contact', 'liaison1', 'leader', 'otheradmin']) {
      const res = await t.req(user, { method: 'GET', url: `/api/v1/policies/${draft.id}` });
      expect(res.statusCode, String(user)).toBe(404);
    }
    const res = await t.req('manager', { method: 'GET', url: `/api/v1/policies/${draft.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', canEdit: true, allowedActions: ['publish'] });
  });

  it('hides a withdrawn policy from the public again', async () => {
    const p = await publishedPolicy(t, { title: '将被撤回的政策' });
    expect((await t.req(null, { method: 'GET', url: `/api/v1/policies/${p.id}` })).statusCode).toBe(200);
    expect((await lifecycle(t, p, 'withdraw', { reason: '政策调整' })).statusCode).toBe(200);
    expect((await t.req(null, { method: 'GET', url: `/api/v1/policies/${p.id}` })).statusCode).toBe(404);
    expect(titles(await list(null, '?operator=op1'))).not.toContain('将被撤回的政策');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await t.req(null, { method: 'GET', url: '/api/v1/policies/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const bad = await t.req(null, { method: 'GET', url: '/api/v1/policies/abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('id');
  });
});

describe('GET /policy-tags', () => {
  it('counts tags of published policies only', async () => {
    const res = await t.req(null, { method: 'GET', url: '/api/v1/policy-tags?operator=op1' });
    expect(res.statusCode).toBe(200);
    const counts = Object.fromEntries(res.json().items.map((x: { tag: string; count: number }) => [x.tag, x.count]));
    expect(counts).toMatchObject({ 研发: 2, 边界: 2, 高企: 1, 税收: 1, 专精特新: 1 });
    expect(counts).not.toHaveProperty('人才');
    expect(res.json().items[0].count).toBeGreaterThanOrEqual(res.json().items.at(-1).count);
  });
});
