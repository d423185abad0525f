import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { policies, policyMatches, policyVersions, serviceGuides } from '../../db/schema/index.js';
import { demoServiceGuides } from './guides-data.js';
import { demoPolicies } from './policies-data.js';
import { seedPolicyContent, windowDates } from './seed.js';
import type { DemoPolicy } from './types.js';

// 00:30 in Shanghai = the previous day in UTC: offsets must count from the Shanghai date.
const now = new Date('2026-06-15T00:30:00+08:00');
const t = useTestApp({ clock: () => now });

describe('windowDates', () => {
  it('counts offsets from the Shanghai calendar day', () => {
    expect(windowDates({ fromOffsetDays: -10, toOffsetDays: 20 }, now)).toEqual({ applyFrom: '2026-06-05', applyUntil: '2026-07-05' });
    expect(windowDates({ fromOffsetDays: 0, toOffsetDays: 0 }, new Date('2026-06-14T16:00:00Z'))).toEqual({ applyFrom: '2026-06-15', applyUntil: '2026-06-15' });
    expect(windowDates(null, now)).toEqual({ applyFrom: null, applyUntil: null });
  });
});

describe('seedPolicyContent', () => {
  it('loads every demo policy and guide once, each policy with one version, reviewed by 企业服务部', async () => {
    const first = await seedPolicyContent(t.handle.db, t.fx.op.id, now);
    expect(first).toEqual({ policies: demoPolicies.length, guides: demoServiceGuides.length, skippedPolicies: 0, skippedGuides: 0 });
    expect(demoPolicies.length).toBeGreaterThanOrEqual(40);
    expect(demoServiceGuides.length).toBeGreaterThanOrEqual(100);

    const again = await seedPolicyContent(t.handle.db, t.fx.op.id, now);
    expect(again).toEqual({ policies: 0, guides: 0, skippedPolicies: demoPolicies.length, skippedGuides: demoServiceGuides.length });

    const rows = await t.handle.db.select().from(policies).where(eq(policies.operatorId, t.fx.op.id));
    expect(rows).toHaveLength(demoPolicies.length);
    expect(new Set(rows.map((r) => r.departmentId))).toEqual(new Set([t.fx.dept.id]));
    expect(rows.every((r) => r.version === 1 && r.rulesVersion === 1 && r.searchTokens.length > 0)).toBe(true);
    const [v] = await t.handle.db
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(DISTINCT ${policyVersions.policyId})::int` })
      .from(policyVersions)
      .innerJoin(policies, eq(policies.id, policyVersions.policyId))
      .where(eq(policies.operatorId, t.fx.op.id));
    expect(v).toEqual({ n: demoPolicies.length, distinct: demoPolicies.length });
    // Matching is the lead's full recompute, not the seeder's.
    expect(await t.handle.db.select().from(policyMatches)).toHaveLength(0);
  });

  it('converts each window from its offsets and keeps dates, statuses and rules as written', async () => {
    const withWindow = demoPolicies.find((p) => p.window && p.status === 'published')!;
    const [row] = await t.handle.db.select().from(policies).where(and(eq(policies.operatorId, t.fx.op.id), eq(policies.key, withWindow.key)));
    expect({ applyFrom: row!.applyFrom, applyUntil: row!.applyUntil }).toEqual(windowDates(withWindow.window, now));
    expect(row).toMatchObject({ title: withWindow.title, status: 'published', publishedOn: withWindow.publishedOn, rules: withWindow.rules });
    expect(row!.publishedAt!.toISOString()).toBe(new Date(`${withWindow.publishedOn}T09:00:00+08:00`).toISOString());
    const draft = demoPolicies.find((p) => p.status === 'draft');
    if (draft) {
      const [d] = await t.handle.db.select().from(policies).where(and(eq(policies.operatorId, t.fx.op.id), eq(policies.key, draft.key)));
      expect(d!.publishedAt).toBeNull();
    }
  });

  it('serves the seeded content on the public pages, searchable in Chinese', async () => {
    const published = demoPolicies.filter((p) => p.status === 'published');
    const list = (await t.req(null, { method: 'GET', url: '/api/v1/policies?operator=op1&pageSize=200' })).json();
    expect(list.total).toBe(published.length);
    const sample = published.find((p) => p.interpretation.keyConditions.length > 0)!;
    const word = Array.from(sample.interpretation.keyConditions[0]!.replace(/\s/g, '')).slice(0, 4).join('');
    const hits = (await t.req(null, { method: 'GET', url: `/api/v1/policies?operator=op1&pageSize=200&q=${encodeURIComponent(word)}` })).json();
    expect(hits.items.map((i: { title: string }) => i.title)).toContain(sample.title);
    const guides = (await t.req(null, { method: 'GET', url: '/api/v1/service-guides?operator=op1&pageSize=200' })).json();
    expect(guides.total).toBe(demoServiceGuides.length);
    const g = demoServiceGuides[0]!;
    const gHits = (await t.req(null, { method: 'GET', url: `/api/v1/service-guides?operator=op1&q=${encodeURIComponent(g.name)}` })).json();
    expect(gHits.items.map((i: { code: string }) => i.code)).toContain(g.code);
  });

  it('leaves the department empty for an operator without 企业服务部, and adds only what is missing', async () => {
    const one: DemoPolicy = { ...demoPolicies[0]!, key: 'seed-test-only', window: { fromOffsetDays: -3, toOffsetDays: 3 } };
    const res = await seedPolicyContent(t.handle.db, t.fx.op2.id, now, { policies: [one], guides: [demoServiceGuides[0]!] });
    expect(res).toEqual({ policies: 1, guides: 1, skippedPolicies: 0, skippedGuides: 0 });
    const [row] = await t.handle.db.select().from(policies).where(and(eq(policies.operatorId, t.fx.op2.id), eq(policies.key, 'seed-test-only')));
    expect(row).toMatchObject({ departmentId: null, applyFrom: '2026-06-12', applyUntil: '2026-06-18' });
    const more = await seedPolicyContent(t.handle.db, t.fx.op2.id, now, { policies: [one, { ...one, key: 'seed-test-two' }], guides: [] });
    expect(more).toEqual({ policies: 1, guides: 0, skippedPolicies: 1, skippedGuides: 0 });
    expect(await t.handle.db.select().from(serviceGuides).where(eq(serviceGuides.operatorId, t.fx.op2.id))).toHaveLength(1);
  });
});
