/**
 * Issue 4, one continuous story through the UI: a staff member (dept01, 企业服务部) builds a policy with
 * two conditions in the rule editor and publishes it → the eligible enterprise (ent0001, on a phone)
 * finds it under 可申报 with the reasons and applies → its liaison officer (liaison01) pre-checks →
 * the department (dept01 again) approves with an amount → the enterprise sees the approval.
 * Only the look-up of the enterprise's own data (to choose conditions it meets) goes through the API.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  apiGet,
  apiSession,
  clickMenu,
  login,
  openBrowser,
  screenshotOnFailure,
  shot,
  url,
  waitIdle,
  type Browser,
} from './browser';

// ---------- shapes of the API answers read here ----------
type IndicatorYear = { year: number; version: number; values: Record<string, number | string | null> };
type Qualification = { kind: string; validNow: boolean };
type Indicators = { latestYear: number | null; years: IndicatorYear[]; qualifications: Qualification[] };
type Department = { id: string; name: string };
type RuleLeaf = { kind: string; label: string; metric?: string; op?: string; value?: unknown; values?: string[]; qualification?: string; negate?: boolean };
type PolicyDetail = {
  id: string;
  title: string;
  status: string;
  departmentId: string | null;
  applyFrom: string | null;
  applyUntil: string | null;
  materials: { name: string; required: boolean }[];
  rules: { kind: string; children?: RuleLeaf[] } | null;
};
type Condition = { label: string; status: 'met' | 'unmet' | 'unknown'; actual: string | null; required: string };
type Match = { policyId: string; enterpriseId: string; verdict: string; conditions: Condition[] };
type Preview = { eligible: number; nearly: number; total: number };
type Application = { id: string; status: string; policyId: string; enterpriseId: string; approvedAmountWan: number | null };

// ---------- the second condition: a qualification the enterprise holds, else its emerging-industry field ----------
const QUALIFICATION_ZH: Record<string, string> = {
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  high_tech: '高新技术企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  tech_innovation_demo: '国家级技术创新示范企业',
  ip_advantage: '知识产权优势企业',
  ip_demo: '知识产权示范企业',
  manufacturing_champion: '制造业单项冠军',
  gazelle: '瞪羚企业',
  iso9001: 'ISO 9001 质量管理体系认证',
};
const EMERGING_ZH: Record<string, string> = {
  none: '不属于战略性新兴产业',
  next_gen_it: '新一代信息技术产业',
  high_end_equipment: '高端装备制造产业',
  new_materials: '新材料产业',
  biotech: '生物产业',
  nev: '新能源汽车产业',
  new_energy: '新能源产业',
  energy_saving: '节能环保产业',
  digital_creative: '数字创意产业',
  related_services: '相关服务业',
};
type Second =
  | { kind: 'qualification'; qualification: string; optionText: string }
  | { kind: 'in'; metric: 'emergingIndustry'; value: string; optionText: string };

/** A valid 1×1 PNG (the server sniffs the content type). */
function tinyPng(): string {
  const path = join(tmpdir(), `yqt-e2e-journey-${process.pid}.png`);
  writeFileSync(path, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  return path;
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from today. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Opens an antd Select, types to filter, clicks the option whose text is exactly `option`. */
async function pick(page: Page, select: Locator, typed: string, option = typed): Promise<void> {
  await select.click();
  await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ has: page.getByText(option, { exact: true }) })
    .first()
    .click();
}

/** Clicks a day in the open date-range calendar, paging months until that day is in view. */
async function pickDay(page: Page, day: string): Promise<void> {
  const panel = page.locator('.ant-picker-dropdown:visible');
  await panel.locator('td.ant-picker-cell-in-view[title]').first().waitFor();
  for (let i = 0; i < 14; i++) {
    const cell = panel.locator(`td.ant-picker-cell-in-view[title="${day}"]`);
    if (await cell.count()) {
      await cell.first().click();
      return;
    }
    const shown = (await panel.locator('td.ant-picker-cell-in-view[title]').first().getAttribute('title')) ?? '';
    // A two-month range panel hides the inner arrows: use the visible ones.
    await panel.locator(day < shown ? '.ant-picker-header-prev-btn:visible' : '.ant-picker-header-next-btn:visible').first().click();
    await panel.locator(`td.ant-picker-cell-in-view[title="${shown}"]`).waitFor({ state: 'detached' });
  }
  throw new Error(`day ${day} not found in the calendar`);
}

const numberInput = (scope: Page | Locator, testid: string) => scope.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first();
const statusTag = (p: Page) => p.getByTestId('application-status').first();

/** One action from the application's handling panel; waits until the status it leads to is shown. */
async function act(p: Page, action: string, buttonText: string, expectStatus: string, fill?: (p: Page) => Promise<void>): Promise<void> {
  const button = p.getByTestId(`application-action-${action}`);
  await expect.poll(() => button.innerText()).toContain(buttonText);
  await button.click();
  if (fill) await fill(p);
  await p.getByTestId('action-confirm').last().click();
  await p.getByTestId('action-confirm').last().waitFor({ state: 'detached' });
  await expect.poll(() => statusTag(p).innerText(), { timeout: 20_000 }).toContain(expectStatus);
  await waitIdle(p);
}

/** Opens an application from the signed-in staff member's 与我相关 list (the row appears once the server lists it). */
async function openFromMyList(p: Page, applicationId: string): Promise<void> {
  await p.goto(url('/applications?mine=true'));
  const row = p.locator(`[data-testid="application-row"][data-row-key="${applicationId}"], [data-testid="application-card"][data-row-key="${applicationId}"]`).first();
  await expect.poll(async () => {
    await waitIdle(p);
    return row.count();
  }, { timeout: 20_000, message: `application ${applicationId} is listed under 与我相关` }).toBeGreaterThan(0);
  const link = row.locator(`a[href="/applications/${applicationId}"]`);
  if (await link.count()) await link.first().click();
  else await row.click();
  await p.waitForURL((u) => u.pathname === `/applications/${applicationId}`);
  await statusTag(p).waitFor();
  await waitIdle(p);
}

/** The story's steps build on each other: once one fails, the later ones are skipped instead of failing too. */
let broken = '';
function step(name: string, fn: () => Promise<void>, timeout = 90_000): void {
  it(name, async (ctx) => {
    if (broken) ctx.skip(`an earlier step failed: ${broken}`);
    ctx.onTestFailed(() => {
      broken ||= name;
    });
    await fn();
  }, timeout);
}

describe('惠企政策 end to end: publish with two conditions → 可申报 → apply → pre-check → approve', () => {
  let staff: Browser | undefined; // dept01: builds and publishes, later approves
  let enterprise: Browser | undefined; // ent0001 on a phone
  let officer: Browser | undefined; // liaison01
  let current: Browser | undefined;
  screenshotOnFailure(() => current);

  const stamp = Date.now().toString(36);
  const title = `园区营收成长奖补（全流程 ${stamp}）`;
  const material = '营业执照副本（加盖公章）';
  const applyFrom = shanghaiDay(-1);
  const applyUntil = shanghaiDay(30);
  let enterpriseId = '';
  let enterpriseName = '';
  let parkId = '';
  let departmentId = '';
  let revenue = 0;
  let revenueFloor = 0;
  let second: Second;
  let policyId = '';
  let labels: string[] = [];
  let applicationId = '';

  beforeAll(async () => {
    // Look up what the demo enterprise of ent0001 actually has, to build conditions it meets.
    const [admin, ent, dept] = await Promise.all([apiSession('admin'), apiSession('ent0001'), apiSession('dept01')]);
    enterpriseId = ent.me.scope.enterpriseId!;
    expect(enterpriseId, 'ent0001 is the contact of an enterprise').toBeTruthy();
    const [ind, detail, departments] = await Promise.all([
      admin.get<Indicators>(`/enterprises/${enterpriseId}/indicators`),
      admin.get<{ name: string; parkId: string }>(`/enterprises/${enterpriseId}`),
      admin.get<{ items: Department[] }>('/departments'),
    ]);
    enterpriseName = detail.name;
    parkId = detail.parkId;
    const latest = ind.years.find((y) => y.year === ind.latestYear);
    const rev = latest?.values.operatingRevenue;
    if (typeof rev !== 'number') throw new Error(`enterprise ${enterpriseId} has no operating revenue for its latest year (${ind.latestYear})`);
    revenue = rev;
    revenueFloor = Math.max(0, Math.floor(rev) - 1); // "营业收入 ≥ latest revenue − 1", a whole number of 万元
    const held = ind.qualifications.find((q) => q.validNow && QUALIFICATION_ZH[q.kind]);
    const field = latest?.values.emergingIndustry;
    if (held) second = { kind: 'qualification', qualification: held.kind, optionText: QUALIFICATION_ZH[held.kind]! };
    else if (typeof field === 'string' && EMERGING_ZH[field]) second = { kind: 'in', metric: 'emergingIndustry', value: field, optionText: EMERGING_ZH[field]! };
    else throw new Error(`enterprise ${enterpriseId} holds no valid qualification and reports no emerging-industry field`);
    const service = departments.items.find((d) => d.name === '企业服务部');
    if (!service) throw new Error('no department named 企业服务部');
    departmentId = service.id;
    expect((dept.me.scope as { departmentId?: string }).departmentId, 'dept01 works in 企业服务部').toBe(departmentId);
    expect(dept.me.permissions).toContain('policies.manage');

    [staff, enterprise, officer] = await Promise.all([openBrowser(DESKTOP), openBrowser(PHONE), openBrowser(DESKTOP)]);
    await login(staff.page, 'dept01');
    await login(enterprise.page, 'ent0001');
    await login(officer.page, 'liaison01');
  }, 180_000);

  afterAll(async () => {
    await enterprise?.close();
    await officer?.close();
    await staff?.close();
  });

  step('dept01 builds a policy with two conditions the enterprise meets, sees the live preview, saves and publishes', async () => {
    current = staff;
    const p = staff!.page;
    await clickMenu(p, '惠企政策');
    await p.getByTestId('policy-new').click();
    await p.waitForURL((u) => u.pathname === '/policies/new');

    // Basics: title, issuer, maximum, an application window open today, 受理部门 = 企业服务部.
    await p.getByTestId('policy-title-input').fill(title);
    await p.getByTestId('policy-issuer-input').fill('湖南高科园创园区管理服务有限公司');
    await numberInput(p, 'policy-amount-input').fill('20');
    // The window is picked on the calendar (Enter in the end-date box would also submit the form).
    const from = p.locator('input[data-testid="policy-window-input"][date-range="start"]');
    const until = p.locator('input[data-testid="policy-window-input"][date-range="end"]');
    await from.click();
    await pickDay(p, applyFrom);
    await pickDay(p, applyUntil);
    await p.locator('.ant-picker-dropdown').first().waitFor({ state: 'hidden' });
    await expect.poll(() => from.inputValue()).toBe(applyFrom);
    await expect.poll(() => until.inputValue()).toBe(applyUntil);
    await pick(p, p.getByTestId('policy-department-input'), '企业服务', '企业服务部');
    await p.getByTestId('interp-audience-input').fill(`上年度营业收入${revenueFloor}万元以上、且满足资质或产业领域要求的园区企业。`);
    await p.getByTestId('interp-benefits-input').fill('按营业收入增量给予奖补，最高20万元。');

    // Condition 1: 比较 · 营业收入（最近年度）≥ revenue − 1 万元
    await p.getByTestId('rule-start').click();
    const conds = p.getByTestId('rule-cond');
    await expect.poll(() => conds.count()).toBe(1);
    await pick(p, conds.nth(0).getByTestId('rule-metric'), '营业收入', '营业收入（万元）');
    await numberInput(conds.nth(0), 'rule-value').fill(String(revenueFloor));
    const floorText = revenueFloor.toLocaleString('en-US');
    await expect.poll(() => conds.nth(0).getByTestId('rule-label').inputValue()).toMatch(new RegExp(`^营业收入（最近年度）≥ ${floorText}万元（含本数）$`));

    // Condition 2: 资质 · 持有 <a qualification it holds>, or 属于 · 战略性新兴产业领域 ∈ {its field}
    await p.getByTestId('rule-add-condition').first().click();
    await expect.poll(() => conds.count()).toBe(2);
    const c2 = conds.nth(1);
    if (second.kind === 'qualification') {
      await pick(p, c2.getByTestId('rule-kind'), '资质');
      await pick(p, c2.getByTestId('rule-qualification'), second.optionText);
      await expect.poll(() => c2.getByTestId('rule-label').inputValue()).toBe(`持有有效的“${second.optionText}”资质`);
    } else {
      await pick(p, c2.getByTestId('rule-kind'), '属于');
      await pick(p, c2.getByTestId('rule-metric'), '战略性新兴产业领域');
      await pick(p, c2.getByTestId('rule-values'), second.optionText);
      await p.keyboard.press('Escape');
      await expect.poll(() => c2.getByTestId('rule-label').inputValue()).toContain(second.optionText);
    }
    labels = [await conds.nth(0).getByTestId('rule-label').inputValue(), await c2.getByTestId('rule-label').inputValue()];

    // The live preview answers for exactly these rules, and someone (at least our enterprise) is eligible.
    const rules = {
      kind: 'all',
      children: [
        { kind: 'compare', label: labels[0], metric: 'operatingRevenue', op: 'gte', value: revenueFloor },
        second.kind === 'qualification'
          ? { kind: 'qualification', label: labels[1], qualification: second.qualification, negate: false }
          : { kind: 'in', label: labels[1], metric: second.metric, values: [second.value], negate: false },
      ],
    };
    const res = await p.request.post(url('/api/v1/eligibility/preview'), { data: { rules } });
    expect(res.ok(), `preview → HTTP ${res.status()}`).toBe(true);
    const expected = (await res.json()) as Preview;
    expect(expected.eligible).toBeGreaterThan(0);
    await p.getByTestId('preview-status').waitFor({ timeout: 20_000 });
    const number = async (id: string) => Number(((await p.getByTestId(id).innerText()).match(/[\d,]+\s*$/)?.[0] ?? 'NaN').replace(/[,\s]/g, ''));
    await expect.poll(() => number('preview-eligible'), { timeout: 15_000 }).toBe(expected.eligible);
    await expect.poll(() => number('preview-nearly')).toBe(expected.nearly);

    // Materials checklist: one required item.
    await p.getByTestId('material-add').click();
    await p.getByTestId('material-name').last().fill(material);
    await p.getByTestId('rule-editor').scrollIntoViewIfNeeded();
    await shot(p, 'journey-01-staff-editor-preview');

    await p.getByTestId('policy-save').click();
    await p.waitForURL((u) => /^\/policies\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 20_000 });
    policyId = new URL(p.url()).pathname.split('/').pop()!;
    await expect.poll(() => p.getByTestId('policy-status').first().innerText()).toBe('草稿');

    await p.getByTestId('policy-publish').click();
    await p.getByTestId('confirm-publish').click();
    await expect.poll(() => p.getByTestId('policy-status').first().innerText(), { timeout: 20_000 }).toBe('已发布');
    await waitIdle(p);
    await shot(p, 'journey-02-staff-published');

    // Publishing matched it: the enterprise is on the policy's list of eligible enterprises.
    const matched = await apiGet<{ items: Match[] }>(p, `/policies/${policyId}/matches?verdict=eligible&parkId=${parkId}&pageSize=200`);
    expect(matched.items.find((x) => x.enterpriseId === enterpriseId)?.verdict, `${enterpriseName} is among the eligible enterprises`).toBe('eligible');

    // Stored as built in the editor.
    const stored = await apiGet<PolicyDetail>(p, `/policies/${policyId}`);
    expect(stored).toMatchObject({ title, status: 'published', departmentId, applyFrom, applyUntil });
    expect(stored.materials).toEqual([{ name: material, required: true }]);
    expect(stored.rules?.kind).toBe('all');
    expect(stored.rules?.children).toHaveLength(2);
    expect(stored.rules?.children?.[0]).toMatchObject({ kind: 'compare', metric: 'operatingRevenue', op: 'gte', value: revenueFloor, label: labels[0] });
    expect(stored.rules?.children?.[1]).toMatchObject(
      second.kind === 'qualification' ? { kind: 'qualification', qualification: second.qualification, label: labels[1] } : { kind: 'in', metric: second.metric, values: [second.value], label: labels[1] },
    );
  });

  step('ent0001 (phone) finds it under 可申报 with both conditions met, actual vs required', async () => {
    current = enterprise;
    const p = enterprise!.page;
    await clickMenu(p, '可申报政策');
    await p.waitForURL((u) => u.pathname === '/my/policy-matches');
    await p.getByTestId('policy-matches').waitFor();

    // What the server says about this enterprise and this policy (the page must show the same).
    const matches = await apiGet<{ items: Match[] }>(p, `/enterprises/${enterpriseId}/policy-matches?verdict=eligible&pageSize=200`);
    const m = matches.items.find((x) => x.policyId === policyId);
    expect(m, 'the new policy is among the enterprise matches').toBeDefined();
    expect(m!.verdict).toBe('eligible');
    expect(m!.conditions.map((c) => [c.label, c.status])).toEqual([[labels[0], 'met'], [labels[1], 'met']]);

    const card = p.locator(`[data-testid="match-card"][data-policy-id="${policyId}"]`);
    await expect.poll(async () => {
      await waitIdle(p);
      return card.count();
    }, { timeout: 20_000, message: 'the new policy is listed' }).toBe(1);
    await expect.poll(() => card.getAttribute('data-verdict')).toBe('eligible');
    // It sits in the 可申报 group: after that heading, before 差一点.
    const inEligibleGroup = await p.evaluate((id) => {
      const el = document.querySelector(`[data-testid="match-card"][data-policy-id="${id}"]`);
      const head = document.querySelector('[data-testid="match-group-eligible"]');
      const next = document.querySelector('[data-testid="match-group-nearly"]');
      if (!el || !head || !next) return false;
      return !!(head.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(next.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    }, policyId);
    expect(inEligibleGroup, 'the card is in the 可申报 group').toBe(true);
    expect(await p.getByTestId('match-group-eligible').innerText()).toMatch(/^可申报/);
    await expect.poll(() => card.getByTestId('match-title').innerText()).toBe(title);

    const lines = card.locator('[data-testid="match-condition"]');
    await expect.poll(() => lines.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const c = m!.conditions[i]!;
      expect(await lines.nth(i).getAttribute('data-status')).toBe('met');
      const text = await lines.nth(i).innerText();
      expect(text).toContain(labels[i]);
      expect(text).toContain(`实际：${c.actual}；要求：${c.required}`);
    }
    // Revenue: actual is the latest year's figure, required the threshold set in the editor.
    const revText = await lines.nth(0).innerText();
    expect(revText).toMatch(new RegExp(`实际：.*营业收入.*${revenue.toLocaleString('en-US', { maximumFractionDigits: 2 })}万元；要求：≥ ${revenueFloor.toLocaleString('en-US')}万元`));
    await card.scrollIntoViewIfNeeded();
    await shot(p, 'journey-03-enterprise-eligible-phone');
    // The full page is a long list on a phone: keep the card itself as well.
    await card.screenshot({ path: join(inject('shotDir'), 'journey-03b-enterprise-eligible-card-phone.png'), animations: 'disabled' });
  });

  step('ent0001 applies: pre-filled form, uploads the required material, declares and submits', async () => {
    current = enterprise;
    const p = enterprise!.page;
    await p.locator(`[data-testid="match-card"][data-policy-id="${policyId}"]`).getByTestId('match-apply').click();
    await p.waitForURL((u) => u.pathname === '/applications/new' && u.searchParams.get('policyId') === policyId);
    await p.getByTestId('apply-policy').waitFor();
    await waitIdle(p);
    await expect.poll(() => p.getByTestId('apply-policy').innerText()).toContain(title);
    await expect.poll(() => p.getByTestId('apply-contact-name').inputValue()).not.toBe('');
    await p.getByTestId('apply-contact-phone').fill('13830412242');
    await numberInput(p, 'apply-amount').fill('15');
    await p.getByTestId('apply-statement').fill(`上年度营业收入${revenue}万元，申请园区营收成长奖补。`);

    const item = p.locator(`[data-testid="material-item"][data-item="${material}"]`);
    await expect.poll(() => item.innerText()).toContain('必需');
    await p.getByTestId('material-input-0').setInputFiles(tinyPng());
    await expect.poll(() => item.innerText()).toContain('已选 1 个');
    await p.getByText('本企业承诺所填信息').click();
    await shot(p, 'journey-04-enterprise-apply-form-phone');

    await p.getByTestId('apply-submit').click();
    await p.waitForURL(/\/applications\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    applicationId = new URL(p.url()).pathname.split('/').pop()!;
    await expect.poll(() => statusTag(p).innerText(), { timeout: 20_000 }).toContain('待预审');
    await expect.poll(() => p.getByTestId('material-file').count(), { timeout: 20_000 }).toBe(1);
    expect(await p.getByTestId('application-title').innerText()).toBe(title);
    await shot(p, 'journey-05-enterprise-submitted-phone');

    const a = await apiGet<Application>(p, `/applications/${applicationId}`);
    expect(a).toMatchObject({ policyId, enterpriseId, status: 'submitted' });
  });

  step('liaison01 opens it from its list and pre-checks it (预审通过)', async () => {
    current = officer;
    const p = officer!.page;
    await openFromMyList(p, applicationId);
    await expect.poll(() => p.getByTestId('application-title').innerText()).toBe(title);
    await act(p, 'precheck', '预审通过', '待审核', async (page) => {
      await page.getByTestId('action-note').fill('材料齐全，营业收入与申报一致，同意提交部门审核。');
    });
    await shot(p, 'journey-06-officer-prechecked');
  });

  step('dept01 (企业服务部) approves it with an amount (审核通过)', async () => {
    current = staff;
    const p = staff!.page;
    await openFromMyList(p, applicationId);
    await expect.poll(() => p.getByTestId('application-title').innerText()).toBe(title);
    await act(p, 'approve', '审核通过', '已批准', async (page) => {
      await numberInput(page, 'action-amount').fill('12');
      await page.getByTestId('action-note').fill('经审核，核定奖补12万元。');
    });
    await expect.poll(() => p.getByTestId('application-approved-amount').innerText()).toContain('12');
    await shot(p, 'journey-07-department-approved');
  });

  step('ent0001 sees the approval on its timeline', async () => {
    current = enterprise;
    const p = enterprise!.page;
    await p.goto(url(`/applications/${applicationId}`));
    await statusTag(p).waitFor();
    await waitIdle(p);
    await expect.poll(() => statusTag(p).innerText()).toContain('已批准');
    await expect.poll(() => p.locator('[data-testid="timeline-entry"][data-action="precheck"]').count()).toBe(1);
    const approved = p.locator('[data-testid="timeline-entry"][data-action="approve"]');
    await expect.poll(() => approved.count()).toBe(1);
    const text = await approved.innerText();
    expect(text).toContain('审核通过');
    expect(text).toContain('已批准');
    expect(text).toContain('批准金额：12万元');
    // The enterprise sees public entries only.
    expect(await p.locator('[data-testid="timeline-entry"][data-visibility="internal"]').count()).toBe(0);
    await shot(p, 'journey-08-enterprise-approved-phone');

    const a = await apiGet<Application>(p, `/applications/${applicationId}`);
    expect(a).toMatchObject({ status: 'approved', approvedAmountWan: 12 });
    console.log(`[journey] ${enterpriseName}: policy ${policyId} (${labels.join(' AND ')}) → application ${applicationId} approved 12万元`);
  });
});
