import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, PHONE, screenshotOnFailure, shot, url, waitIdle, type Browser } from './browser';

/** A tiny valid JPEG carrying an EXIF block with a GPS note, as a phone photo would. */
function phonePhoto(): string {
  const seg = (marker: number, payload: string) => {
    const p = Buffer.from(payload, 'latin1');
    const h = Buffer.from([0xff, marker, 0, 0]);
    h.writeUInt16BE(p.length + 2, 2);
    return Buffer.concat([h, p]);
  };
  const path = join(tmpdir(), `yqt-e2e-photo-${process.pid}.jpg`);
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xe1, 'Exif\0\0GPS 27.83N'), Buffer.from([0xff, 0xda, 0, 2, 1, 1, 0xff, 0xd9])]));
  return path;
}

/** One staff action through the panel; waits for the status it leads to before the next step. */
async function act(page: Page, action: string, expectStatus: string, note?: string) {
  if (note) {
    const box = page.getByTestId('request-note').first();
    await box.fill(note);
    await expect.poll(() => box.inputValue()).toBe(note);
  }
  await page.getByTestId(`request-action-${action}`).click();
  await page.getByTestId('action-confirm').last().click();
  await page.getByTestId('action-confirm').last().waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('request-status').first().innerText()).toContain(expectStatus);
  await waitIdle(page);
}

describe('a request from phone to rectification', () => {
  let officer: Browser;
  let enterprise: Browser;
  let requestId = '';
  screenshotOnFailure(() => enterprise);

  beforeAll(async () => {
    officer = await openBrowser();
    enterprise = await openBrowser(PHONE);
    await login(officer.page, 'liaison01');
    await login(enterprise.page, 'ent0001');
  }, 120_000);
  afterAll(async () => {
    await officer?.close();
    await enterprise?.close();
  });

  it('the enterprise submits a repair with a photo on a phone', async () => {
    await officer.page.goto(url('/requests'));
    await waitIdle(officer.page);
    const p = enterprise.page;
    await p.goto(url('/requests/new'));
    await p.getByTestId('request-kind-repair').click();
    await p.getByTestId('request-category').click();
    await p.locator('.ant-cascader-menu-item').filter({ hasText: '物业维修' }).first().click();
    await p.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item').filter({ hasText: '排水管网' }).click();
    await p.getByTestId('request-title').fill('厂区外下水道堵塞');
    await p.getByTestId('request-description').fill('施工导致下水道经常堵塞，厂区内外泥泞，请尽快疏通。');
    await p.getByTestId('request-photos').setInputFiles(phonePhoto());
    await p.getByTestId('request-submit').click();
    await p.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestId = p.url().split('/').pop()!;
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toContain('待受理');
    await expect.poll(() => p.getByTestId('attachment').count()).toBe(1);
    await shot(p, 'requests-01-enterprise-submitted-phone');
  });

  it('appears live in the officer’s queue, who accepts, replies and resolves', async () => {
    const p = officer.page;
    // No reload: the queue is refreshed by the server-sent event.
    await expect.poll(() => p.locator(`[data-row-key="${requestId}"]`).count(), { timeout: 20_000 }).toBe(1);
    await shot(p, 'requests-02-officer-queue-live');
    await p.goto(url(`/requests/${requestId}`));
    await act(p, 'accept', '已受理');
    await act(p, 'feedback', '办理中', '已联系市政部门，今天下午疏通。');
    await act(p, 'resolve', '已解决', '围墙外下水道已全面疏通，园区内管网已清排。');
    await shot(p, 'requests-03-officer-resolved');
  });

  it('the enterprise rates 不满意 and the request reopens for rectification', async () => {
    const p = enterprise.page;
    await expect.poll(() => p.getByTestId('request-status').first().innerText(), { timeout: 20_000 }).toContain('已解决');
    await p.getByTestId('request-action-rate').click();
    await p.getByTestId('request-rating-2').click();
    await expect(p.getByTestId('rate-low-warning').isVisible()).resolves.toBe(true);
    await p.getByTestId('request-note').fill('雨后又堵了');
    await p.getByTestId('action-confirm').last().click();
    await waitIdle(p);
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toContain('办理中');
    await shot(p, 'requests-04-enterprise-rated-reopened');
    const detail = await p.request.get(url(`/api/v1/requests/${requestId}`));
    expect(await detail.json()).toMatchObject({ status: 'in_progress', rating: 2, reopenCount: 1, followUpRequired: true });
  });
});
