/**
 * Browser helpers for the e2e suite: Debian chromium driven by playwright-core (not @playwright/test),
 * one fresh throw-away profile per browser, screenshots into the run's folder, and small API helpers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type APIResponse, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach, expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'demo1234';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export const baseUrl = (): string => inject('baseUrl');
export const url = (path: string): string => new URL(path, baseUrl()).toString();

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** A fresh Chromium profile (no cookies, no localStorage) with one open page. */
export async function openBrowser(viewport: { width: number; height: number } = DESKTOP): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'yqt-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Surface page crashes and uncaught errors in the test output.
  page.on('pageerror', (err) => console.warn(`[browser] page error: ${err.message}`));
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login form and waits until the console shell is shown. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url('/login'));
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  // (no expect.poll here: login() also runs in beforeAll hooks)
  await page.getByTestId('user-menu').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Forgets the session (cookies and stored UI preferences) so the next login starts clean. */
export async function resetSession(b: Browser): Promise<void> {
  await b.context.clearCookies();
  await b.page.goto(url('/login'));
  await b.page.evaluate(() => localStorage.clear());
}

/** Saves a full-page PNG into e2e/screenshots/<run>/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  const file = join(inject('shotDir'), `${name.replace(/[^\w.\u4e00-\u9fff-]+/g, '_')}.png`);
  await waitIdle(page);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Waits for network quiet and for antd spinners / skeletons to disappear (best effort). */
export async function waitIdle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** Clicks a side-menu entry by its exact visible text, e.g. 企业 (opens the drawer on phones). */
export async function clickMenu(page: Page, text: string): Promise<void> {
  const menuItem = page
    .locator('[role="menuitem"], .ant-menu-item')
    .filter({ has: page.getByText(text, { exact: true }) })
    .first();
  if (!(await menuItem.isVisible().catch(() => false))) {
    const burger = page.getByTestId('nav-menu');
    if (await burger.isVisible().catch(() => false)) await burger.click();
  }
  await menuItem.click();
  await waitIdle(page);
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} → HTTP ${res.status()}: ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as T;
}

/** GET /api/v1/<path> with the page's session cookie. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return json<T>(await page.request.get(url(`/api/v1${path}`)), `GET ${path}`);
}

/** Raw GET with the page's session (to check status codes). */
export async function apiGetRaw(page: Page, path: string): Promise<APIResponse> {
  return page.request.get(url(`/api/v1${path}`));
}

/** A session outside the browser (plain fetch), for looking up test data as another user. */
export async function apiSession(username: string, password = DEMO_PASSWORD) {
  const res = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`API login as ${username} → HTTP ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    me: (await res.json()) as Me,
    get: async <T>(path: string): Promise<T> => {
      const r = await fetch(url(`/api/v1${path}`), { headers: { cookie, accept: 'application/json' } });
      if (!r.ok) throw new Error(`GET ${path} as ${username} → HTTP ${r.status}: ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

// Minimal shapes of the API answers the tests read (the full types live in @yqt/contracts).
export type Me = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  scope: { kind: string; parkIds: string[]; enterpriseId: string | null };
  permissions: string[];
};
export type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };
export type EnterpriseRow = { id: string; name: string; creditCode: string; parkId: string; parkName: string; liaisonId: string | null; liaisonName: string | null };
export type EnterpriseDetail = EnterpriseRow & { shortName: string | null; backupLiaisonName: string | null; liaisonHistory: { id: string; liaisonName: string | null }[] };
export type Park = { id: string; code: string; name: string; enterpriseCount: number };

/** Two adjacent Chinese characters from the middle of a name (e.g. 会展 from 中鑫（株洲）会展服务有限公司). */
export function middleHanPair(name: string): string {
  const chars = [...name];
  const han = (c: string | undefined) => !!c && /\p{Script=Han}/u.test(c);
  const mid = Math.floor(chars.length / 2) - 1;
  for (let d = 0; d < chars.length; d++) {
    for (const i of [mid - d, mid + d]) {
      if (i >= 0 && i + 1 < chars.length && han(chars[i]) && han(chars[i + 1])) return chars[i]! + chars[i + 1]!;
    }
  }
  throw new Error(`no two adjacent Chinese characters in ${name}`);
}

/** Registers a hook that saves a FAILED-<test>.png screenshot of the page when a test fails. */
export function screenshotOnFailure(get: () => Browser | undefined): void {
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const b = get();
      if (b) await shot(b.page, `FAILED-${ctx.task.name}`).catch(() => undefined);
    });
  });
}

/**
 * Types q into the enterprise list's search box and waits until the list shows the server's matches
 * (every visible row is one of the API's results for q). Returns the visible rows.
 */
export async function searchEnterprises(page: Page, q: string): Promise<{ ids: string[]; texts: string[]; total: number }> {
  const expected = await apiGet<PageOf<EnterpriseRow>>(page, `/enterprises?q=${encodeURIComponent(q)}&pageSize=100`);
  const expectedIds = new Set(expected.items.map((e) => e.id));
  const box = page.locator('input[data-testid="enterprise-search"], [data-testid="enterprise-search"] input').first();
  await box.fill(q);
  await box.press('Enter');
  const rows = page.locator('tr[data-row-key], [data-testid="enterprise-card"][data-row-key]');
  const visibleIds = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key') ?? ''));
  await expect
    .poll(
      async () => {
        await waitIdle(page);
        const ids = await visibleIds();
        return ids.length > 0 && ids.every((id) => expectedIds.has(id));
      },
      { timeout: 20_000, message: `enterprise list shows the matches for "${q}"` },
    )
    .toBe(true);
  await waitIdle(page);
  return { ids: await visibleIds(), texts: await rows.allInnerTexts(), total: expected.total };
}
