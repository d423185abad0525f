import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, openBrowser, PHONE, screenshotOnFailure, shot, url, waitIdle, type Browser, type Me } from './browser';

/** A plain API session (fetch with the session cookie) for setting up data as one user. */
async function session(username: string) {
  const res = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`API login as ${username} → HTTP ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as Me & { scope: { departmentId: string | null } };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(url(`/api/v1${path}`), {
      method,
      headers: { cookie, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${username} → HTTP ${r.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { me, call };
}

/** A valid 1×1 PNG (the server sniffs the content type and rewrites images without metadata). */
function tinyPng(): string {
  const path = join(tmpdir(), `yqt-e2e-licence-${process.pid}.png`);
  writeFileSync(path, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  return path;
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from today. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

type IndicatorYear = { year: number; version: number; values: Record<string, number | string | null> };
type Indicators = { latestYear: number | null; years: IndicatorYear[]; yearRange: { min: number; max: number } };

const statusTag = (p: Page) => p.getByTestId('application-status').first();

/** One action from the handling panel; waits for the status it leads to. */
async function act(p: Page, action: string, expectStatus: string, fill?: (p: Page) => Promise<void>) {
  await p.getByTestId(`application-action-${action}`).click();
  if (fill) await fill(p);
  await p.getByTestId('action-confirm').last().click();
  await p.getByTestId('action-confirm').last().waitFor({ state: 'detached' });
  await expect.poll(() => statusTag(p).innerText()).toContain(expectStatus);
  await waitIdle(p);
}

describe('an eligible enterprise applies on a phone; the officer pre-checks, the department approves', () => {
  let enterprise: Browser;
  let officer: Browser;
  let department: Browser;
  let current: Browser | undefined;
  let policyId = '';
  let applicationId = '';
  const title = `E2E 研发投入奖补 ${Date.now().toString(36)}`;
  screenshotOnFailure(() => current);

  beforeAll(async () => {
    // A published policy with two conditions, reviewed by dept01's department, and indicators that meet both.
    const [admin, dept, ent] = await Promise.all([session('admin'), session('dept01'), session('ent0001')]);
    const enterpriseId = ent.me.scope.enterpriseId!;
    const ind = await ent.call<Indicators>('GET', `/enterprises/${enterpriseId}/indicators`);
    const year = ind.latestYear ?? ind.yearRange.max - 1;
    const row = ind.years.find((y) => y.year === year);
    const values = { ...(row?.values ?? {}) };
    const rdStaff = typeof values.rdStaff === 'number' ? values.rdStaff : 0;
    values.rdExpense = 500;
    values.totalStaff = Math.max(120, rdStaff);
    await ent.call('PUT', `/enterprises/${enterpriseId}/indicators/${year}`, { ...values, ...(row ? { version: row.version } : {}) });

    const created = await admin.call<{ id: string; version: number }>('POST', '/policies', {
      title,
      issuer: '株洲高新区科技局',
      level: 'zone',
      benefitType: 'subsidy',
      maxAmountWan: 50,
      applyFrom: shanghaiDay(-2),
      applyUntil: shanghaiDay(30),
      fullText: '对研发投入较大的企业给予奖补。',
      interpretation: { audience: '研发投入较大的企业', benefits: '最高50万元奖补' },
      departmentId: dept.me.scope.departmentId,
      materials: [{ name: '营业执照复印件', required: true }],
      rules: {
        kind: 'all',
        children: [
          { kind: 'compare', label: '上年度研发费用不低于100万元', metric: 'rdExpense', op: 'gte', value: 100 },
          { kind: 'compare', label: '职工总数不少于50人', metric: 'totalStaff', op: 'gte', value: 50 },
        ],
      },
    });
    policyId = created.id;
    await admin.call('POST', `/policies/${policyId}/publish`, { version: created.version });

    enterprise = await openBrowser(PHONE);
    officer = await openBrowser();
    department = await openBrowser();
    await login(enterprise.page, 'ent0001');
    await login(officer.page, 'liaison01');
    await login(department.page, 'dept01');
  }, 180_000);

  afterAll(async () => {
    await enterprise?.close();
    await officer?.close();
    await department?.close();
  });

  it('the enterprise sees the policy under 可申报 with the reasons', async () => {
    const p = enterprise.page;
    current = enterprise;
    await p.goto(url('/my/policy-matches'));
    await waitIdle(p);
    const card = p.locator(`[data-testid="match-card"][data-policy-id="${policyId}"]`);
    await expect.poll(() => card.getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => card.locator('[data-testid="match-condition"][data-status="met"]').count()).toBe(2);
    const text = await card.innerText();
    expect(text).toContain('上年度研发费用不低于100万元');
    expect(text).toMatch(/实际：\d{4}年 研发费用 500万元；要求：≥ 100万元/);
    await card.scrollIntoViewIfNeeded();
    await shot(p, 'applications-01-enterprise-eligible-phone');
  });

  it('applies: checks the pre-filled form, uploads the licence, declares and submits', async () => {
    const p = enterprise.page;
    current = enterprise;
    await p.locator(`[data-testid="match-card"][data-policy-id="${policyId}"]`).getByTestId('match-apply').click();
    await p.waitForURL(/\/applications\/new\?policyId=/);
    await waitIdle(p);
    await expect.poll(() => p.getByTestId('apply-contact-name').inputValue()).not.toBe('');
    await p.getByTestId('apply-contact-phone').fill('13830412242');
    await p.locator('input[data-testid="apply-amount"], [data-testid="apply-amount"] input').first().fill('30');
    await p.getByTestId('apply-statement').fill('2025年研发投入500万元，申请研发投入奖补。');
    await p.getByTestId('material-input-0').setInputFiles(tinyPng());
    await expect.poll(() => p.getByTestId('material-item').first().innerText()).toContain('已选 1 个');
    await p.getByText('本企业承诺所填信息').click();
    await shot(p, 'applications-02-enterprise-apply-form-phone');
    await p.getByTestId('apply-submit').click();
    await p.waitForURL(/\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    applicationId = p.url().split('/').pop()!;
    await expect.poll(() => statusTag(p).innerText()).toContain('待预审');
    await expect.poll(() => p.getByTestId('material-file').count()).toBe(1);
    await shot(p, 'applications-03-enterprise-submitted-phone');
  });

  it('the liaison officer pre-checks it', async () => {
    const p = officer.page;
    current = officer;
    await p.goto(url(`/applications/${applicationId}`));
    await waitIdle(p);
    await act(p, 'precheck', '待审核');
    await shot(p, 'applications-04-officer-prechecked');
  });

  it('the department approves it with an amount', async () => {
    const p = department.page;
    current = department;
    await p.goto(url('/applications?mine=true'));
    await expect.poll(() => p.locator(`[data-row-key="${applicationId}"]`).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await p.goto(url(`/applications/${applicationId}`));
    await waitIdle(p);
    await act(p, 'approve', '已批准', async (page) => {
      const amount = page.locator('input[data-testid="action-amount"], [data-testid="action-amount"] input').first();
      await amount.fill('25');
      await page.getByTestId('action-note').fill('经审核，核定奖补25万元。');
    });
    await expect.poll(() => p.getByTestId('application-approved-amount').innerText()).toContain('25');
    await shot(p, 'applications-05-department-approved');
  });

  it('the enterprise sees the approval on its timeline', async () => {
    const p = enterprise.page;
    current = enterprise;
    await p.goto(url(`/applications/${applicationId}`));
    await waitIdle(p);
    await expect.poll(() => statusTag(p).innerText()).toContain('已批准');
    const approved = p.locator('[data-testid="timeline-entry"][data-action="approve"]');
    await expect.poll(() => approved.count()).toBe(1);
    const text = await approved.innerText();
    expect(text).toContain('审核通过');
    expect(text).toContain('已批准');
    expect(text).toContain('批准金额：25万元');
    // The enterprise sees public entries only.
    expect(await p.locator('[data-testid="timeline-entry"][data-visibility="internal"]').count()).toBe(0);
    await shot(p, 'applications-06-enterprise-approved-phone');
  });
});
