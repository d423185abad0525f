import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const now = at('2026-11-25T09:00:00');
const t = useTestApp({ clock: () => now });
const policy = { name: '“1+1+2”承诺（默认）', timeMode: 'working', acceptMinutes: 30, feedbackMinutes: 540, resolveMinutes: 1080 };

describe('SLA policy administration', () => {
  it('revising a policy adds a version; requests keep the version they started under', async () => {
    const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
    const before = (
      await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'consultation', categoryId: cats[0].id, title: 'a', description: 'b' } })
    ).json();
    expect(before.acceptBy).toBe('2026-11-25T10:00:00+08:00');
    const res = await t.req('admin', { method: 'PUT', url: '/api/v1/sla/policies/default', payload: policy });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ policyKey: 'default', version: 2, acceptMinutes: 30, current: true });
    const after = (
      await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'consultation', categoryId: cats[0].id, title: 'a', description: 'b' } })
    ).json();
    expect(after).toMatchObject({ acceptBy: '2026-11-25T09:30:00+08:00', slaPolicy: { version: 2 } });
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/requests/${before.id}` })).json().slaPolicy.version).toBe(1);
    const history = (await t.req('admin', { method: 'GET', url: '/api/v1/sla/policies?history=true' })).json().items;
    expect(history.filter((p: { policyKey: string }) => p.policyKey === 'default').map((p: { version: number }) => p.version)).toEqual([2, 1]);
  });

  it('validates clock order and refuses non-admins', async () => {
    const bad = await t.req('admin', { method: 'PUT', url: '/api/v1/sla/policies/default', payload: { ...policy, acceptMinutes: 600 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('resolveMinutes');
    expect((await t.req('manager', { method: 'PUT', url: '/api/v1/sla/policies/default', payload: policy })).statusCode).toBe(403);
    expect((await t.req(null, { method: 'PUT', url: '/api/v1/sla/policies/default', payload: policy })).statusCode).toBe(401);
    expect((await t.req('admin', { method: 'PUT', url: '/api/v1/sla/policies/nope', payload: policy })).statusCode).toBe(404);
  });

  it('a category + priority policy wins over the default in the preview', async () => {
    const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
    const canteen = cats.find((c: { code: string }) => c.code === 'canteen').id;
    const created = await t.req('admin', {
      method: 'POST',
      url: '/api/v1/sla/policies',
      payload: { name: '食堂紧急', categoryId: canteen, priority: 'urgent', timeMode: 'natural', acceptMinutes: 15, feedbackMinutes: 60, resolveMinutes: 240 },
    });
    expect(created.statusCode).toBe(201);
    const p = (await t.req('manager', { method: 'POST', url: '/api/v1/sla/preview', payload: { startAt: '2026-11-28T20:00:00+08:00', categoryId: canteen, priority: 'urgent' } })).json();
    expect(p).toMatchObject({ acceptBy: '2026-11-28T20:15:00+08:00', policy: { name: '食堂紧急' } });
  });
});

describe('calendar overrides', () => {
  it('an administrator loads next year’s notice; the preview follows it', async () => {
    // 2027 is outside the calendar package: without overrides Mon–Fri is assumed and flagged.
    const days = (await t.req('manager', { method: 'GET', url: '/api/v1/calendar?from=2027-01-01&to=2027-01-03' })).json().days;
    expect(days[0]).toMatchObject({ date: '2027-01-01', workday: true, covered: false, source: 'fallback' });
    expect((await t.req('admin', { method: 'PUT', url: '/api/v1/calendar/overrides', payload: { date: '2027-01-01', kind: 'holiday', name: '元旦' } })).statusCode).toBe(200);
    const p = (await t.req('admin', { method: 'POST', url: '/api/v1/sla/preview', payload: { startAt: '2026-12-31T17:00:00+08:00' } })).json();
    // Feedback (540 working min): 30 min on 12-31, then 1 Jan is a holiday and 2–3 Jan a weekend: Mon 4 Jan 17:00.
    expect(p.feedbackBy).toBe('2027-01-04T17:00:00+08:00');
    expect((await t.req('admin', { method: 'DELETE', url: '/api/v1/calendar/overrides/2027-01-01' })).statusCode).toBe(200);
    expect((await t.req('admin', { method: 'DELETE', url: '/api/v1/calendar/overrides/2027-01-01' })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'PUT', url: '/api/v1/calendar/overrides', payload: { date: '2027-13-01', kind: 'holiday' } })).statusCode).toBe(400);
    expect((await t.req('liaison1', { method: 'PUT', url: '/api/v1/calendar/overrides', payload: { date: '2027-01-01', kind: 'holiday' } })).statusCode).toBe(403);
  });
});

describe('ladder, settings, templates, categories', () => {
  it('replaces the escalation ladder, refusing duplicate levels and decreasing delays', async () => {
    const ok = await t.req('admin', { method: 'PUT', url: '/api/v1/sla/escalation-ladder', payload: { steps: [{ level: 1, target: 'liaison', delayMinutes: 0 }, { level: 2, target: 'leader', delayMinutes: 120 }] } });
    expect(ok.json().steps).toHaveLength(2);
    const dup = await t.req('admin', { method: 'PUT', url: '/api/v1/sla/escalation-ladder', payload: { steps: [{ level: 1, target: 'liaison', delayMinutes: 0 }, { level: 1, target: 'leader', delayMinutes: 10 }] } });
    expect(dup.statusCode).toBe(400);
    const dec = await t.req('admin', { method: 'PUT', url: '/api/v1/sla/escalation-ladder', payload: { steps: [{ level: 1, target: 'liaison', delayMinutes: 60 }, { level: 2, target: 'leader', delayMinutes: 10 }] } });
    expect(dec.statusCode).toBe(400);
  });

  it('reads and writes the request settings', async () => {
    const s = (await t.req('admin', { method: 'GET', url: '/api/v1/request-settings' })).json();
    expect(s).toMatchObject({ autoCloseWorkingDays: 5, rectificationWorkingDays: 15, basicSatisfiedCounts: true });
    const upd = await t.req('admin', { method: 'PUT', url: '/api/v1/request-settings', payload: { ...s, autoCloseWorkingDays: 3 } });
    expect(upd.json().autoCloseWorkingDays).toBe(3);
    expect((await t.req('admin', { method: 'PUT', url: '/api/v1/request-settings', payload: { ...s, autoCloseWorkingDays: 0 } })).statusCode).toBe(400);
  });

  it('manages templates and a two-level category tree; duplicate codes are 409', async () => {
    const tpl = await t.req('admin', { method: 'POST', url: '/api/v1/reply-templates', payload: { title: '已派人', body: '维修人员已出发。' } });
    expect(tpl.statusCode).toBe(201);
    expect((await t.req('liaison1', { method: 'GET', url: '/api/v1/reply-templates' })).json().items.map((x: { title: string }) => x.title)).toContain('已派人');
    expect((await t.req('admin', { method: 'DELETE', url: `/api/v1/reply-templates/${tpl.json().id}` })).statusCode).toBe(200);
    const parent = (await t.req('admin', { method: 'POST', url: '/api/v1/request-categories', payload: { name: '安全生产', code: 'safety' } })).json();
    const child = await t.req('admin', { method: 'POST', url: '/api/v1/request-categories', payload: { name: '消防', code: 'safety.fire', parentId: parent.id } });
    expect(child.statusCode).toBe(201);
    expect((await t.req('admin', { method: 'POST', url: '/api/v1/request-categories', payload: { name: '三级', code: 'safety.fire.x', parentId: child.json().id } })).statusCode).toBe(400);
    expect((await t.req('admin', { method: 'POST', url: '/api/v1/request-categories', payload: { name: '重复', code: 'safety' } })).statusCode).toBe(409);
    await t.req('admin', { method: 'PATCH', url: `/api/v1/request-categories/${parent.id}`, payload: { active: false } });
    expect((await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items.map((c: { code: string }) => c.code)).not.toContain('safety');

    // Administrators still see it, marked inactive, and can bring it back — parent before child.
    const all = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories?includeInactive=true' })).json().items as { code: string; active: boolean }[];
    expect(all.find((c) => c.code === 'safety')).toMatchObject({ active: false });
    expect((await t.req('liaison1', { method: 'GET', url: '/api/v1/request-categories?includeInactive=true' })).statusCode).toBe(403);
    await t.req('admin', { method: 'PATCH', url: `/api/v1/request-categories/${child.json().id}`, payload: { active: false } });
    const early = await t.req('admin', { method: 'PATCH', url: `/api/v1/request-categories/${child.json().id}`, payload: { active: true } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('active');
    expect((await t.req('admin', { method: 'PATCH', url: `/api/v1/request-categories/${parent.id}`, payload: { active: true } })).json()).toMatchObject({ active: true });
    expect((await t.req('admin', { method: 'PATCH', url: `/api/v1/request-categories/${child.json().id}`, payload: { active: true } })).statusCode).toBe(200);
    expect((await t.req('contact', { method: 'GET', url: '/api/v1/request-categories' })).json().items.map((c: { code: string }) => c.code)).toContain('safety.fire');
  });
});
