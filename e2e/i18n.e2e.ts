import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, screenshotOnFailure, shot, waitIdle, type Browser } from './browser';

describe('language switch', () => {
  let b: Browser;
  screenshotOnFailure(() => b);
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, 'admin');
  });
  afterAll(async () => {
    await b?.close();
  });

  it('switches the console to English and back to Chinese', async () => {
    const { page } = b;
    const menu = page.locator('.ant-menu, nav').first();
    await expect.poll(() => menu.innerText()).toMatch(/企业/);

    await page.getByTestId('lang-switch').first().click();
    await expect.poll(() => menu.innerText()).toMatch(/Enterprises/);
    await expect.poll(() => menu.innerText()).not.toMatch(/企业/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await waitIdle(page);
    await shot(page, 'i18n-english');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('.ant-menu, nav').first().innerText()).toMatch(/Enterprises/);

    await page.getByTestId('lang-switch').first().click();
    await expect.poll(() => page.locator('.ant-menu, nav').first().innerText()).toMatch(/企业/);
    await expect.poll(() => page.locator('.ant-menu, nav').first().innerText()).not.toMatch(/Enterprises/);
    await shot(page, 'i18n-chinese');
  });
});
