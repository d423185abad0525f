import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  apiGetRaw,
  apiSession,
  login,
  openBrowser,
  screenshotOnFailure,
  PHONE,
  DESKTOP,
  resetSession,
  shot,
  url,
  waitIdle,
  type Browser,
  type Me,
  type PageOf,
  type EnterpriseRow,
} from './browser';

const staffRoles = ['admin', 'leader', 'manager01', 'liaison01', 'dept01'] as const;

describe('demo roles', () => {
  let b: Browser;
  screenshotOnFailure(() => b);
  beforeAll(async () => {
    b = await openBrowser(DESKTOP);
  });
  afterAll(async () => {
    await b?.close();
  });

  for (const username of staffRoles) {
    it(`${username} logs in and sees their name in the header`, async () => {
      await resetSession(b);
      const { page } = b;
      await login(page, username);
      const me = await apiGet<Me>(page, '/auth/me');
      expect(me.username).toBe(username);
      await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain(me.displayName);
      await expect.poll(() => page.locator('header, .ant-layout-header').first().innerText()).toContain(me.displayName);
      await shot(page, `roles-${username}-landing`);
    });
  }

  it('logout returns to the login page', async () => {
    await resetSession(b);
    const { page } = b;
    await login(page, 'leader');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL((u) => u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByTestId('login-username').isVisible()).toBe(true);
    expect((await apiGetRaw(page, '/auth/me')).status()).toBe(401);
  });

  describe('enterprise contact ent0001', () => {
    let me: Me;
    let otherId: string;

    beforeAll(async () => {
      // An enterprise that is not ent0001's, looked up as admin outside the browser.
      const admin = await apiSession('admin');
      const page1 = await admin.get<PageOf<EnterpriseRow>>('/enterprises?pageSize=5');
      const contact = await apiSession('ent0001');
      me = contact.me;
      expect(me.scope.kind).toBe('enterprise');
      expect(me.scope.enterpriseId).toBeTruthy();
      const other = page1.items.find((e) => e.id !== me.scope.enterpriseId);
      expect(other).toBeTruthy();
      otherId = other!.id;
    });

    it('lands on their own enterprise profile', async () => {
      await resetSession(b);
      const { page } = b;
      await login(page, 'ent0001');
      await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain(me.displayName);
      const own = await apiGet<EnterpriseRow>(page, `/enterprises/${me.scope.enterpriseId}`);
      await waitIdle(page);
      await shot(page, 'roles-ent0001-landing');
      // Contract: an enterprise contact's landing page is their own enterprise's profile.
      await page.waitForURL((u) => u.pathname === `/enterprises/${own.id}`, { timeout: 10_000 });
      await expect.poll(() => page.getByTestId('enterprise-name').innerText()).toBe(own.name);
    });

    it('sees exactly one enterprise through the API', async () => {
      const { page } = b;
      const list = await apiGet<PageOf<EnterpriseRow>>(page, '/enterprises?pageSize=5');
      expect(list.total).toBe(1);
      expect(list.items.map((e) => e.id)).toEqual([me.scope.enterpriseId]);
      const res = await apiGetRaw(page, `/enterprises/${otherId}`);
      expect([403, 404]).toContain(res.status());
    });

    it("cannot open another enterprise's profile", async () => {
      const { page } = b;
      await page.goto(url(`/enterprises/${otherId}`));
      await waitIdle(page);
      const refusal = page.getByText(/不存在|无权|未找到|找不到|没有权限|加载失败|not found|no access|forbidden/i).first();
      await refusal.waitFor({ state: 'visible' });
      expect(await page.getByTestId('enterprise-name').count()).toBe(0);
      await shot(page, 'roles-ent0001-other-enterprise');
    });

    it('own profile on a phone (390x844)', async () => {
      const { page } = b;
      await page.setViewportSize(PHONE);
      try {
        await page.goto(url(`/enterprises/${me.scope.enterpriseId}`));
        await page.getByTestId('enterprise-name').waitFor();
        // No horizontal scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
        await shot(page, 'roles-ent0001-phone');
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });
  });
});
