import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  clickMenu,
  login,
  middleHanPair,
  openBrowser,
  screenshotOnFailure,
  searchEnterprises,
  shot,
  type Browser,
  type EnterpriseDetail,
  type EnterpriseRow,
  type PageOf,
} from './browser';

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
  screenshotOnFailure(() => b);
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
    const r = await searchEnterprises(b.page, q);
    expect(r.total).toBeGreaterThan(0);
    await expectAllMatch(b.page, q, r);
    // the row for the enterprise the substring came from is reachable (first page or total ≥ 1)
    await expect.poll(() => b.page.getByText(`共 ${r.total} 条`).count()).toBeGreaterThan(0);
    await shot(b.page, `search-${q}`);
  });

  it('finds enterprises by a single Chinese character', async () => {
    const q = [...middleHanPair(name)][1]!;
    const r = await searchEnterprises(b.page, q);
    expect(r.total).toBeGreaterThan(0);
    await expectAllMatch(b.page, q, r);
    await shot(b.page, `search-1char-${q}`);
  });

  it('finds an enterprise by its full name, full-width brackets included', async () => {
    const page1 = await apiGet<PageOf<EnterpriseRow>>(b.page, '/enterprises?pageSize=100');
    const bracketed = page1.items.find((e) => /[（）]/.test(e.name));
    expect(bracketed, 'a demo enterprise with （…） in its name').toBeTruthy();
    const api = await apiGet<PageOf<EnterpriseRow>>(b.page, `/enterprises?q=${encodeURIComponent(bracketed!.name)}&pageSize=5`);
    expect(api.items.map((e) => e.id), `API search for the full name ${bracketed!.name}`).toContain(bracketed!.id);
    const r = await searchEnterprises(b.page, bracketed!.name);
    expect(r.ids).toContain(bracketed!.id);
    await shot(b.page, 'search-full-name');
  });
});
