import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  PHONE,
  clickMenu,
  login,
  middleHanPair,
  openBrowser,
  screenshotOnFailure,
  shot,
  url,
  waitIdle,
  type Browser,
  type PageOf,
} from './browser';

type PolicyRow = { id: string; title: string; status: string };
type PolicyDetail = PolicyRow & {
  version: number;
  interpretation: { audience: string; benefits: string };
  rules: { kind: string; children?: { kind: string; metric?: string; op?: string; value?: unknown; qualification?: string; label: string }[] } | null;
};
type Preview = { eligible: number; nearly: number; total: number };

/** A signed-in API client (plain fetch) for setting up data as one demo user. */
async function apiAs(username: string) {
  const res = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username} → HTTP ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(url(`/api/v1${path}`), {
      method,
      headers: { cookie, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path} as ${username} → HTTP ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { get: <T>(p: string) => call<T>('GET', p), post: <T>(p: string, b: unknown) => call<T>('POST', p, b) };
}

/** Anonymous GET (no cookie), as a visitor from a chat-group link. */
async function publicGet<T>(path: string): Promise<T> {
  const r = await fetch(url(`/api/v1${path}`), { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`GET ${path} (anonymous) → HTTP ${r.status}`);
  return (await r.json()) as T;
}

/** Opens an antd Select, types to filter, clicks the option with that text. */
async function pick(page: Page, select: ReturnType<Page['locator']>, text: string) {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * A published policy with a plain-language interpretation to search for. The demo library has
 * dozens; on an installation without them the test publishes one through the API first.
 */
async function policyToFind(): Promise<{ id: string; title: string; audience: string }> {
  const page1 = await publicGet<PageOf<PolicyRow>>('/policies?pageSize=50');
  for (const p of page1.items) {
    const d = await publicGet<PolicyDetail>(`/policies/${p.id}`);
    if (d.interpretation.audience && /\p{Script=Han}{2}/u.test(d.title)) return { id: d.id, title: d.title, audience: d.interpretation.audience };
  }
  const admin = await apiAs('admin');
  const created = await admin.post<PolicyDetail>('/policies', {
    title: '株洲高新区企业研发投入后补助（端到端测试）',
    issuer: '株洲高新区管委会',
    level: 'zone',
    benefitType: 'subsidy',
    maxAmountWan: 100,
    tags: ['研发投入'],
    fullText: '对上年度研发投入较多的企业给予后补助。',
    interpretation: {
      audience: '上年度有研发投入、已在统计部门报送研发数据的区内企业。',
      benefits: '按研发费用增量的10%给予补助，最高100万元。',
      keyConditions: ['上年度研发费用不低于100万元'],
      materials: ['研发费用专项审计报告'],
      deadlines: '每年第四季度集中申报。',
      contact: '区科技局 0731-28826705',
      faq: [{ q: '亏损企业可以申报吗？', a: '可以，与盈亏无关。' }],
    },
    rules: { kind: 'all', children: [{ kind: 'compare', label: '上年度研发费用不低于100万元', metric: 'rdExpense', op: 'gte', value: 100 }] },
  });
  await admin.post(`/policies/${created.id}/publish`, { version: created.version });
  return { id: created.id, title: created.title, audience: created.interpretation.audience };
}

describe('惠企政策: public library (no login)', () => {
  let b: Browser;
  let phone: Browser | undefined;
  let target: { id: string; title: string; audience: string };
  screenshotOnFailure(() => phone ?? b);
  beforeAll(async () => {
    target = await policyToFind();
    b = await openBrowser();
  });
  afterAll(async () => {
    await phone?.close();
    await b?.close();
  });

  it('an anonymous visitor searches in Chinese, opens a policy and reads its 解读', async () => {
    const { page } = b;
    await page.goto(url('/p/policies'));
    await page.getByTestId('policy-search').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/p/policies');

    const q = middleHanPair(target.title);
    const expected = await publicGet<PageOf<PolicyRow>>(`/policies?q=${encodeURIComponent(q)}&pageSize=100`);
    expect(expected.items.map((p) => p.id), `API search for ${q}`).toContain(target.id);

    const box = page.locator('input[data-testid="policy-search"], [data-testid="policy-search"] input').first();
    await box.fill(q);
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    const expectedIds = new Set(expected.items.map((p) => p.id));
    const cards = page.getByTestId('policy-card');
    await expect
      .poll(async () => {
        await waitIdle(page);
        const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key') ?? ''));
        return ids.length > 0 && ids.every((id) => expectedIds.has(id));
      }, { timeout: 20_000, message: `the library shows the matches for "${q}"` })
      .toBe(true);
    await shot(page, `policies-public-search-${q}`);

    // The target may sit on a later page when the word is common: open it from its own card if listed.
    const card = page.locator(`[data-testid="policy-card"][data-row-key="${target.id}"]`);
    if (await card.count()) await card.click();
    else await page.goto(url(`/p/policies/${target.id}`));
    await page.waitForURL((u) => u.pathname === `/p/policies/${target.id}`);
    await expect.poll(() => page.getByTestId('policy-title').innerText()).toBe(target.title);
    const interp = page.getByTestId('policy-interpretation');
    await expect.poll(() => interp.innerText()).toContain(target.audience.slice(0, 10));
    await expect.poll(() => interp.innerText()).toMatch(/适用对象/);
    // Nobody is signed in: the header offers 登录, not the console.
    expect(await page.getByTestId('pub-login').count()).toBe(1);
    await shot(page, 'policies-public-detail');
  });

  it('the policy detail fits a 390-px phone', async () => {
    phone = await openBrowser(PHONE);
    const { page } = phone;
    await page.goto(url(`/p/policies/${target.id}`));
    await expect.poll(() => page.getByTestId('policy-title').innerText()).toBe(target.title);
    await page.getByTestId('policy-interpretation').waitFor();
    await waitIdle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
    expect(await page.getByTestId('share-link').count()).toBeGreaterThan(0);
    await shot(page, 'policies-public-detail-phone');
  });
});

describe('惠企政策: a manager builds conditions with a live preview and publishes', () => {
  let b: Browser;
  screenshotOnFailure(() => b);
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, 'admin');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('creates a policy with two conditions (营业收入 ≥ 1000万元 AND 高新技术企业), sees who matches, saves and publishes', async () => {
    const { page } = b;
    const title = `园区高企成长奖励（端到端 ${Date.now().toString(36)}）`;
    await clickMenu(page, '惠企政策');
    await page.getByTestId('policy-new').click();
    await page.waitForURL((u) => u.pathname === '/policies/new');
    await page.getByTestId('policy-title-input').fill(title);
    await page.getByTestId('policy-issuer-input').fill('湖南高科园创园区管理服务有限公司');
    await page.getByTestId('interp-audience-input').fill('营业收入1000万元以上的高新技术企业。');

    // Condition 1: 比较 · 营业收入 ≥ 1000 万元
    await page.getByTestId('rule-start').click();
    const conds = page.getByTestId('rule-cond');
    await expect.poll(() => conds.count()).toBe(1);
    await pick(page, conds.nth(0).getByTestId('rule-metric'), '营业收入');
    await conds.nth(0).locator('input[data-testid="rule-value"], [data-testid="rule-value"] input').first().fill('1000');
    await expect.poll(() => conds.nth(0).getByTestId('rule-label').inputValue()).toMatch(/营业收入.*≥ 1,000万元（含本数）/);

    // Condition 2: 资质 · 持有 高新技术企业
    await page.getByTestId('rule-add-condition').first().click();
    await expect.poll(() => conds.count()).toBe(2);
    await pick(page, conds.nth(1).getByTestId('rule-kind'), '资质');
    await pick(page, conds.nth(1).getByTestId('rule-qualification'), '高新技术企业');
    await expect.poll(() => conds.nth(1).getByTestId('rule-label').inputValue()).toContain('高新技术企业');

    // The live preview answers for exactly these rules.
    await page.getByTestId('preview-status').waitFor({ timeout: 20_000 });
    const rules = {
      kind: 'all',
      children: [
        { kind: 'compare', label: await conds.nth(0).getByTestId('rule-label').inputValue(), metric: 'operatingRevenue', op: 'gte', value: 1000 },
        { kind: 'qualification', label: await conds.nth(1).getByTestId('rule-label').inputValue(), qualification: 'high_tech', negate: false },
      ],
    };
    const res = await page.request.post(url('/api/v1/eligibility/preview'), { data: { rules } });
    expect(res.ok()).toBe(true);
    const expected = (await res.json()) as Preview;
    const number = async (id: string) => Number(((await page.getByTestId(id).innerText()).match(/[\d,]+\s*$/)?.[0] ?? 'NaN').replace(/[,\s]/g, ''));
    await expect.poll(() => number('preview-eligible'), { timeout: 15_000 }).toBe(expected.eligible);
    await expect.poll(() => number('preview-nearly')).toBe(expected.nearly);
    expect(expected.total).toBeGreaterThan(0);
    await page.getByTestId('rule-editor').scrollIntoViewIfNeeded();
    await shot(page, 'policies-editor-preview');

    await page.getByTestId('policy-save').click();
    await page.waitForURL((u) => /^\/policies\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 20_000 });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('policy-status').first().innerText()).toBe('草稿');

    await page.getByTestId('policy-publish').click();
    await page.getByTestId('confirm-publish').click();
    await expect.poll(() => page.getByTestId('policy-status').first().innerText(), { timeout: 20_000 }).toBe('已发布');
    await waitIdle(page);
    await shot(page, 'policies-published');

    // Stored as built: two conditions under "all"; visible to anonymous visitors now.
    const stored = await publicGet<PolicyDetail>(`/policies/${id}`);
    expect(stored.status).toBe('published');
    expect(stored.title).toBe(title);
    expect(stored.rules?.kind).toBe('all');
    expect(stored.rules?.children?.map((c) => c.kind)).toEqual(['compare', 'qualification']);
    expect(stored.rules?.children?.[0]).toMatchObject({ metric: 'operatingRevenue', op: 'gte', value: 1000 });
    expect(stored.rules?.children?.[1]).toMatchObject({ qualification: 'high_tech' });
  });
});
