import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  clickMenu,
  login,
  middleHanPair,
  openBrowser,
  shot,
  waitIdle,
  type Browser,
  type EnterpriseDetail,
  type EnterpriseRow,
  type PageOf,
} from './browser';

/** Types into the list's search box and waits until the table shows the server's answer for `q`. */
async function search(page: Page, q: string): Promise<{ ids: string[]; texts: string[]; total: number }> {
  const expected = await apiGet<PageOf<EnterpriseRow>>(page, `/enterprises?q=${encodeURIComponent(q)}&pageSize=100`);
  const expectedIds = new Set(expected.items.map((e) => e.id));
  const box = page.locator('input[data-testid="enterprise-search"], [data-testid="enterprise-search"] input').first();
  await box.fill(q);
  await box.press('Enter');
  const rows = page.locator('tr[data-row-key], [data-testid="enterprise-card"][data-row-key]');
  // Settled when every visible row is one of the server's matches for q (the list is sorted by name on both sides).
  await expect
    .poll(
      async () => {
        await waitIdle(page);
        const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key') ?? ''));
        return ids.length > 0 && ids.every((id) => expectedIds.has(id));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-key') ?? ''));
  const texts = await rows.allInnerTexts();
  return { ids, texts, total: expected.total };
}

/** Every row must contain q — or, if not in the visible columns, its short name must (the search also covers 简称). */
async function expectAllMatch(page: Page, q: string, r: { ids: string[]; texts: string[] }) {
  expect(r.ids.length).toBeGreaterThan(0);
  const misses: string[] = [];
  for (const [i, text] of r.texts.entries()) {
    if (text.includes(q)) continue;
    const d = await apiGet<EnterpriseDetail>(page, `/enterprises/${r.ids[i]}`);
    if (!(d.shortName ?? '').includes(q) && !d.name.includes(q)) misses.push(text.replace(/\s+/g, ' '));
  }
  expect(misses, `rows not matching "${q}"`).toEqual([]);
}

describe('enterprise search (admin)', () => {
  let b: Browser;
  let name = '';
  beforeAll(async () => {
    b = await openBrowser();
    await login(b.page, 'admin');
    const first = await apiGet<PageOf<EnterpriseRow>>(b.page, '/enterprises?pageSize=1');
    expect(first.items.length).toBe(1);
    name = first.items[0]!.name;
    await clickMenu(b.page, '企业');
    await b.page.getByTestId('enterprise-search').first().waitFor();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('finds enterprises by two Chinese characters from the middle of a name', async () => {
    const q = middleHanPair(name);
    const r = await search(b.page, q);
    expect(r.total).toBeGreaterThan(0);
    await expectAllMatch(b.page, q, r);
    // the row for the enterprise the substring came from is reachable (first page or total ≥ 1)
    await expect.poll(() => b.page.getByText(`共 ${r.total} 条`).count()).toBeGreaterThan(0);
    await shot(b.page, `search-${q}`);
  });

  it('finds enterprises by a single Chinese character', async () => {
    const q = [...middleHanPair(name)][1]!;
    const r = await search(b.page, q);
    expect(r.total).toBeGreaterThan(0);
    await expectAllMatch(b.page, q, r);
    await shot(b.page, `search-1char-${q}`);
  });
});
