import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  clickMenu,
  login,
  openBrowser,
  screenshotOnFailure,
  searchEnterprises,
  shot,
  waitIdle,
  type Browser,
  type EnterpriseDetail,
  type EnterpriseRow,
  type PageOf,
  type Park,
} from './browser';

const PARK = '动力谷自主创新园';

/** Number of entries in the liaison history on the profile (0 when the card shows its empty state). */
async function historyCount(page: Page): Promise<number> {
  const h = page.getByTestId('liaison-history');
  if ((await h.count()) === 0) return 0;
  return h.locator('.ant-timeline-item, li').count();
}

describe('liaison assignment (manager01)', () => {
  let b: Browser;
  let ent: EnterpriseRow;
  screenshotOnFailure(() => b);

  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, 'manager01');
    const parks = await apiGet<PageOf<Park>>(b.page, '/parks?pageSize=100');
    const park = parks.items.find((p) => p.name === PARK);
    expect(park, `park ${PARK} visible to manager01`).toBeTruthy();
    const list = await apiGet<PageOf<EnterpriseRow>>(b.page, `/enterprises?parkId=${park!.id}&pageSize=20`);
    expect(list.total).toBeGreaterThan(0);
    // Prefer one that already has an officer, so "a different officer" is a real change.
    ent = list.items.find((e) => e.liaisonId) ?? list.items[0]!;
  });
  afterAll(async () => {
    await b?.close();
  });

  it('assigns a different liaison officer from the enterprise profile', async () => {
    const { page } = b;
    const before = await apiGet<EnterpriseDetail>(page, `/enterprises/${ent.id}`);

    // Navigate like a user: 企业 → search its 统一社会信用代码 → open the profile.
    await clickMenu(page, '企业');
    const found = await searchEnterprises(page, ent.creditCode);
    expect(found.ids).toContain(ent.id);
    const link = page.locator(`[data-row-key="${ent.id}"]`).getByText(ent.name, { exact: true }).first();
    await link.click();
    await page.waitForURL((u) => u.pathname.includes(ent.id));
    await expect.poll(() => page.getByTestId('enterprise-name').innerText()).toBe(ent.name);
    await waitIdle(page);
    const currentName = (await page.getByTestId('liaison-name').innerText()).trim();
    if (before.liaisonName) expect(currentName).toBe(before.liaisonName);
    const historyBefore = await historyCount(page);
    expect(historyBefore).toBe(before.liaisonHistory.length);

    // Open the modal and pick an officer other than the current one.
    await page.getByTestId('assign-liaison').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('assign-liaison-ok') });
    await modal.waitFor();
    await modal.locator('[data-testid="liaison-select"]').first().click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.waitFor();
    const options = dropdown.locator('.ant-select-item-option');
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    let chosen = '';
    const n = await options.count();
    for (let i = 0; i < n; i++) {
      const opt = options.nth(i);
      const label = ((await opt.getAttribute('title')) ?? (await opt.innerText())).trim();
      const officer = label.split('·')[0]!.trim();
      if (officer && officer !== before.liaisonName && officer !== before.backupLiaisonName) {
        await opt.click();
        chosen = officer;
        break;
      }
    }
    expect(chosen, 'a different officer offered in liaison-select').not.toBe('');
    await shot(page, 'grid-assign-modal');
    await page.getByTestId('assign-liaison-ok').click();
    await modal.waitFor({ state: 'hidden' });

    // The profile shows the new officer and one more history entry.
    await expect.poll(() => page.getByTestId('liaison-name').innerText(), { timeout: 15_000 }).toBe(chosen);
    await expect.poll(() => historyCount(page), { timeout: 15_000 }).toBe(historyBefore + 1);
    await expect.poll(() => page.getByTestId('liaison-history').innerText()).toContain(chosen);

    const after = await apiGet<EnterpriseDetail>(page, `/enterprises/${ent.id}`);
    expect(after.liaisonName).toBe(chosen);
    expect(after.liaisonHistory.length).toBe(before.liaisonHistory.length + 1);
    await shot(page, 'grid-assigned-profile');
  });
});
