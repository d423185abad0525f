import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '@yqt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, clickMenu, login, openBrowser, screenshotOnFailure, shot, waitIdle, type Browser, type EnterpriseRow, type PageOf } from './browser';

const HEADER = '统一社会信用代码,企业名称,所属园区,行业门类,企业规模';
const PARK = '动力谷自主创新园';

/** A valid 统一社会信用代码: 91 + 430211 (株洲天元区) + 9 random charset characters + computed check character. */
function validCreditCode(): string {
  let body = '91430211';
  while (body.length < 17) body += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return body + creditCodeCheckChar(body);
}

/** Same first 17 characters, any other (wrong) check character. */
function withWrongCheckDigit(code: string): string {
  const right = code[17]!;
  const wrong = [...CREDIT_CODE_CHARSET].find((c) => c !== right)!;
  return code.slice(0, 17) + wrong;
}

function csv(rows: string[][]): string {
  return '\uFEFF' + [HEADER, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

async function openImportPage(page: Page) {
  await clickMenu(page, '企业');
  // the list (with its 导入 button) must be on screen before clicking, not the previous page
  await page.locator('[data-testid="enterprise-search"]').first().waitFor();
  await page.getByTestId('enterprise-import').click();
  await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  expect(await page.getByTestId('import-preview').count()).toBe(0);
  await waitIdle(page);
}

describe('enterprise roster import (admin)', () => {
  let b: Browser;
  let dir: string;
  const stamp = Date.now().toString(36).toUpperCase();
  const good = [
    { code: validCreditCode(), name: `端到端测试甲${stamp}科技有限公司` },
    { code: validCreditCode(), name: `端到端测试乙${stamp}材料有限公司` },
  ];
  const badCode = withWrongCheckDigit(validCreditCode());
  screenshotOnFailure(() => b);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yqt-e2e-import-'));
    b = await openBrowser();
    await login(b.page, 'admin');
  });
  afterAll(async () => {
    await b?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the bad row (row 4, 统一社会信用代码) and blocks the commit', async () => {
    const { page } = b;
    const file = join(dir, '企业导入-含错误.csv');
    writeFileSync(
      file,
      csv([
        [good[0]!.code, good[0]!.name, PARK, 'C', '小型'],
        [good[1]!.code, good[1]!.name, PARK, 'C 制造业', '微型'],
        [badCode, `端到端测试丙${stamp}有限公司`, PARK, 'C', '小型'],
      ]),
    );
    await openImportPage(page);
    await page.locator('[data-testid="import-file"]').setInputFiles(file);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 30_000 });
    const badRow = errors.locator('tbody tr').filter({ hasText: '统一社会信用代码' }).first();
    await badRow.waitFor();
    const cells = (await badRow.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells).toContain('4');
    expect(cells).toContain('统一社会信用代码');
    // the good rows are not reported
    const rowNumbers = (await errors.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
    expect(rowNumbers).not.toContain('2');
    expect(rowNumbers).not.toContain('3');
    await expect.poll(() => page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot(page, 'import-errors');
  });

  it('imports a clean file and the enterprises can be found', async () => {
    const { page } = b;
    const file = join(dir, '企业导入-正确.csv');
    writeFileSync(
      file,
      csv([
        [good[0]!.code, good[0]!.name, PARK, 'C', '小型'],
        [good[1]!.code, good[1]!.name, PARK, 'C 制造业', '微型'],
      ]),
    );
    // Start from a fresh import page so no state from the previous file lingers.
    await openImportPage(page);
    await page.locator('[data-testid="import-file"]').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    const commit = page.getByTestId('import-commit');
    await expect.poll(() => commit.isEnabled(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'import-preview-clean');
    await commit.click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    await shot(page, 'import-done');

    for (const g of good) {
      const byName = await apiGet<PageOf<EnterpriseRow>>(page, `/enterprises?q=${encodeURIComponent(g.name)}&pageSize=5`);
      expect(byName.items.map((e) => e.creditCode)).toContain(g.code);
      const byCode = await apiGet<PageOf<EnterpriseRow>>(page, `/enterprises?q=${g.code}&pageSize=5`);
      expect(byCode.total).toBe(1);
      expect(byCode.items[0]!.name).toBe(g.name);
      expect(byCode.items[0]!.parkName).toBe(PARK);
    }
    const bad = await apiGet<PageOf<EnterpriseRow>>(page, `/enterprises?q=${badCode}&pageSize=5`);
    expect(bad.total).toBe(0);
  });
});
