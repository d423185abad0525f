import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { rowsOf } from '../../core/db.js';
import { createWorkCalendar, shanghaiDayNumber } from '../../core/work-calendar.js';
import { followUps, operatorSettings, requestCategories, serviceRequests, slaPolicies } from '../../db/schema/index.js';
import { calendarFor } from '../requests/sla-context.js';
import { DEFAULT_TARGETS, computeDeadlines, workingMinutesBetween } from '../sla/sla-engine.js';
import { periodOf } from './metrics.service.js';
import { workingMinutesSql, workingTimeTable } from './working-time.sql.js';

/**
 * The hand-computed world. asOf = Friday 2026-11-27 12:00 Shanghai. November 2026 has no statutory
 * day off, so working time is Mon–Fri 08:30–17:30 (540 min a day). Mondays: 11-02, 11-09, 11-23.
 * Default "1+1+2" policy: accept 60, feedback 540, resolve 1080 working minutes from receipt.
 *
 *  #    park officer   kind/channel          story
 *  R1   A    liaison1  repair/web            Mon 11-23 09:00; accepted 09:30; fb 14:00; resolved Tue 10:00; confirmed, rated 5; follow-up
 *  R2   A    liaison1  repair/web            Mon 11-23 10:00; accepted 11:30 (late); fb Tue 11:00 (late); resolved Wed 16:00 (late); rated 4
 *  R3   A    liaison1  repair/phone          Mon 11-23 09:00; accepted 09:20; paused Mon 10:00–Tue 10:00 (540 wm) so fb due Wed 09:00,
 *                                            resolve due Thu 09:00; fb Wed 08:45 (met only thanks to the pause); resolved Thu 08:50; rated 3; follow-up
 *  R4   A    liaison1  difficulty/visit      Tue 11-24 09:00; transferred to 企业服务部; accepted 09:45; fb 16:00; resolved Wed 17:00; not yet closed
 *  R5   A    liaison1  consultation/web      Mon 11-02 09:00; accepted 09:10; fb 10:00; resolved Tue 11-03 09:00; auto-closed 11-10 unrated
 *  R6   A    liaison1  repair/mobile         Mon 11-02 14:00; accepted 14:30; fb 16:00; resolved Tue 12:00, reopened Wed 11-04 09:00 (new due
 *                                            Fri 11-06 09:00); resolved again Thu 11-05 15:00; confirmed, unrated
 *  R7   A    liaison1  complaint/web         Mon 11-09 09:00; accepted 09:30; fb 11:00; resolved 16:00; rated 2 on 11-10 → back in progress,
 *                                            rectification due Tue 12-01 10:00; a follow-up call (but not closed)
 *  R8   A    liaison1  consultation/web      Tue 11-24 09:00; rejected with an explanation at 09:40
 *  R9   A    liaison1  repair/phone          Thu 11-26 09:00; nothing done: accept (due 10:00) and feedback (due Fri 09:00) breached
 *  R10  A    liaison1  consultation/web      Wed 11-25 09:00; accepted 09:30; paused since Wed 10:00 (fb due Thu 09:00, resolve due Fri 09:00: pending)
 *  R11  B    liaison2  complaint/phone       Wed 11-25 09:00; never accepted; paused since 11:00, after accept_by 10:00 had passed → breached
 *  R12  B    (none)    consultation/mobile   Fri 11-27 11:30; nothing due yet
 *  R13  B    liaison2  consultation/web      Thu 11-26 10:00; merged into R12 at 10:30 — excluded from everything but `merged`
 *  R14  A    liaison1  repair/web            Fri 10-30 09:00 (October: outside the default period); confirmed
 *  R15  B    liaison2  consultation/mobile   Tue 11-24 14:00; accepted 14:10; resolved 16:00 (also the first reply); rated 5 Wed 09:00; follow-up
 *
 * November totals (R1–R12, R15; R13 merged, R14 October):
 *   received 13, merged 1; accepted 9 (not R8, R9, R11, R12); resolved 7 (R1–R6, R15); closed 7 (R1, R2, R3, R5, R6, R8, R15):
 *   confirmed 2 (R1, R6), rated 3 (R2, R3, R15), auto 1 (R5), rejected 1 (R8); open 5 (R7, R9, R10, R11, R12); overdue 2 (R9, R11)
 *   accept clock:   met R1 R3 R4 R5 R6 R7 R8(rejected 09:40 ≤ 10:00) R10 R15 = 9; late R2 R9 R11 = 3; pending R12 → 9/12
 *   feedback clock: met R1 R3 R4 R5 R6 R7 R8 R15 = 8; late R2 R9 = 2; pending R10 R11 R12 = 3 → 8/10
 *   resolve clock:  met R1 R3 R4 R5 R6 R15 = 6; late R2 = 1; pending R7 R9 R10 R11 R12 = 5; R8 n/a → 6/7
 *   closure 7/13; ratings 5:2 4:1 3:1 2:1; satisfaction (5,4,3) 4/5, without 基本满意 3/5
 *   follow-up: closed with a follow-up R1 R3 R15 = 3 / 7 closed (R7's call does not count: not closed)
 *   reopen: R6, R7 = 2 / ever resolved or closed (R1–R6, R8, R15 = 8, plus R7 reopened) 9
 *   accept minutes:   R1 30, R2 90, R3 20, R4 45, R5 10, R6 30, R7 30, R8 40, R10 30, R15 10 → n 10, sum 335, avg 33.5;
 *                     sorted 10 10 20 30 30 30 30 40 45 90, p90 at 0.9·9 = 8.1 → 45 + 0.1·45 = 49.5
 *   feedback minutes: R1 300, R2 600 (450+150), R3 1065 (510+540+15), R4 420, R5 60, R6 120, R7 120, R8 40, R15 120
 *                     → n 9, sum 2845, avg 316.1; sorted 40 60 120 120 120 300 420 600 1065, p90 at 7.2 → 600 + 0.2·465 = 693
 *   resolve minutes:  R1 600 (510+90), R2 1440 (450+540+450), R3 1610 (510+540+540+20), R4 1020 (510+510), R5 540 (510+30),
 *                     R6 1680 (210+540+540+390), R15 120 → n 7, sum 7010, avg 1001.4; sorted 120 540 600 1020 1440 1610 1680,
 *                     p90 at 5.4 → 1610 + 0.4·70 = 1638
 */
const asOf = new Date('2026-11-27T12:00:00+08:00');
const t = useTestApp({ clock: () => asOf });
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const URL = '/api/v1/metrics/requests';

type Insert = typeof serviceRequests.$inferInsert;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = t.handle.db;
  const fx = t.fx;
  const cats = await db.select().from(requestCategories).where(eq(requestCategories.operatorId, fx.op.id));
  const cat = (code: string) => cats.find((c) => c.code === code)!.id;
  const [policy] = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.operatorId, fx.op.id), eq(slaPolicies.policyKey, 'default')));
  const cal = await calendarFor(db, fx.op.id);
  const A = { parkId: fx.parkA.id, enterpriseId: fx.entA1.id, liaisonId: fx.liaison1.staff!.id };
  const A2 = { ...A, enterpriseId: fx.entA2.id };
  const B = { parkId: fx.parkB.id, enterpriseId: fx.entB1.id, liaisonId: fx.liaison2.staff!.id };
  let seq = 0;

  /** A service_requests row received at `received` under the default policy; deadlines as intake computes them. */
  function row(name: string, received: string, base: Partial<Insert>, extra: Partial<Insert>): Insert {
    const receivedAt = at(received);
    const d = computeDeadlines(receivedAt, DEFAULT_TARGETS, cal);
    seq += 1;
    return {
      operatorId: fx.op.id,
      number: `SQT${String(seq).padStart(5, '0')}`,
      enterpriseId: fx.entA1.id,
      parkId: fx.parkA.id,
      kind: 'repair',
      categoryId: cat('property.repair'),
      channel: 'web',
      title: `测试诉求 ${name}`,
      description: '指标测试数据',
      status: 'submitted',
      receivedAt,
      slaPolicyId: policy!.id,
      clockStartedAt: d.clockStartedAt,
      acceptBy: d.acceptBy,
      feedbackBy: d.feedbackBy,
      resolveBy: d.resolveBy,
      acceptWarnAt: d.acceptWarnAt,
      feedbackWarnAt: d.feedbackWarnAt,
      resolveWarnAt: d.resolveWarnAt,
      createdAt: receivedAt,
      updatedAt: receivedAt,
      ...base,
      ...extra,
    };
  }
  const closedRated = (rating: number, closed: string, reason = 'rated') => ({
    status: 'closed',
    closedAt: at(closed),
    closeReason: reason,
    rating,
    ratedAt: at(closed),
  });

  const rows: Record<string, Insert> = {
    R1: row('R1', '2026-11-23T09:00:00', A, {
      acceptedAt: at('2026-11-23T09:30:00'),
      firstFeedbackAt: at('2026-11-23T14:00:00'),
      resolvedAt: at('2026-11-24T10:00:00'),
      ...closedRated(5, '2026-11-24T15:00:00', 'confirmed'),
    }),
    R2: row('R2', '2026-11-23T10:00:00', A, {
      acceptedAt: at('2026-11-23T11:30:00'),
      firstFeedbackAt: at('2026-11-24T11:00:00'),
      resolvedAt: at('2026-11-25T16:00:00'),
      ...closedRated(4, '2026-11-26T09:00:00'),
    }),
    R3: row('R3', '2026-11-23T09:00:00', A2, {
      channel: 'phone',
      categoryId: cat('property.drainage'),
      acceptedAt: at('2026-11-23T09:20:00'),
      // Paused Mon 10:00 → Tue 10:00 = 540 working minutes: the running clocks moved by 540.
      pausedMinutes: 540,
      feedbackBy: at('2026-11-25T09:00:00'),
      feedbackWarnAt: at('2026-11-24T16:42:00'),
      resolveBy: at('2026-11-26T09:00:00'),
      resolveWarnAt: at('2026-11-25T13:42:00'),
      firstFeedbackAt: at('2026-11-25T08:45:00'),
      resolvedAt: at('2026-11-26T08:50:00'),
      ...closedRated(3, '2026-11-26T10:00:00'),
    }),
    R4: row('R4', '2026-11-24T09:00:00', A2, {
      kind: 'difficulty',
      channel: 'visit',
      categoryId: cat('policy'),
      departmentId: fx.dept.id,
      transferStatus: 'accepted',
      acceptedAt: at('2026-11-24T09:45:00'),
      firstFeedbackAt: at('2026-11-24T16:00:00'),
      resolvedAt: at('2026-11-25T17:00:00'),
      status: 'resolved',
    }),
    R5: row('R5', '2026-11-02T09:00:00', A, {
      kind: 'consultation',
      categoryId: cat('utilities.billing'),
      acceptedAt: at('2026-11-02T09:10:00'),
      firstFeedbackAt: at('2026-11-02T10:00:00'),
      resolvedAt: at('2026-11-03T09:00:00'),
      status: 'closed',
      closedAt: at('2026-11-10T09:00:00'),
      closeReason: 'auto',
    }),
    R6: row('R6', '2026-11-02T14:00:00', A, {
      channel: 'mobile',
      acceptedAt: at('2026-11-02T14:30:00'),
      firstFeedbackAt: at('2026-11-02T16:00:00'),
      // Reopened Wed 11-04 09:00: a new resolve clock of 1080 wm → Fri 11-06 09:00.
      reopenCount: 1,
      resolveBy: at('2026-11-06T09:00:00'),
      resolveWarnAt: at('2026-11-06T09:00:00'),
      resolvedAt: at('2026-11-05T15:00:00'),
      status: 'closed',
      closedAt: at('2026-11-06T10:00:00'),
      closeReason: 'confirmed',
    }),
    R7: row('R7', '2026-11-09T09:00:00', A2, {
      kind: 'complaint',
      acceptedAt: at('2026-11-09T09:30:00'),
      firstFeedbackAt: at('2026-11-09T11:00:00'),
      // Resolved 16:00, then rated 2 on Tue 11-10 10:00: rectification within 15 working days.
      rating: 2,
      ratedAt: at('2026-11-10T10:00:00'),
      reopenCount: 1,
      resolvedAt: null,
      rectificationBy: at('2026-12-01T10:00:00'),
      resolveBy: at('2026-12-01T10:00:00'),
      resolveWarnAt: at('2026-12-01T10:00:00'),
      followUpRequired: true,
      status: 'in_progress',
    }),
    R8: row('R8', '2026-11-24T09:00:00', A, {
      kind: 'consultation',
      categoryId: cat('policy'),
      status: 'closed',
      closedAt: at('2026-11-24T09:40:00'),
      closeReason: 'rejected',
    }),
    R9: row('R9', '2026-11-26T09:00:00', A2, { channel: 'phone', categoryId: cat('property.drainage') }),
    R10: row('R10', '2026-11-25T09:00:00', A, {
      kind: 'consultation',
      categoryId: cat('financing'),
      acceptedAt: at('2026-11-25T09:30:00'),
      status: 'awaiting_info',
      resumeStatus: 'accepted',
      pausedAt: at('2026-11-25T10:00:00'),
    }),
    R11: row('R11', '2026-11-25T09:00:00', B, {
      kind: 'complaint',
      channel: 'phone',
      categoryId: cat('property.security'),
      status: 'awaiting_info',
      resumeStatus: 'submitted',
      pausedAt: at('2026-11-25T11:00:00'),
    }),
    R12: row('R12', '2026-11-27T11:30:00', { ...B, liaisonId: null }, { kind: 'consultation', channel: 'mobile', categoryId: cat('talent') }),
    R13: row('R13', '2026-11-26T10:00:00', B, { kind: 'consultation', status: 'closed', closedAt: at('2026-11-26T10:30:00'), closeReason: 'merged' }),
    R14: row('R14', '2026-10-30T09:00:00', A, {
      acceptedAt: at('2026-10-30T09:05:00'),
      firstFeedbackAt: at('2026-10-30T10:00:00'),
      resolvedAt: at('2026-10-30T15:00:00'),
      status: 'closed',
      closedAt: at('2026-11-02T09:00:00'),
      closeReason: 'confirmed',
    }),
    R15: row('R15', '2026-11-24T14:00:00', B, {
      kind: 'consultation',
      channel: 'mobile',
      categoryId: cat('policy'),
      acceptedAt: at('2026-11-24T14:10:00'),
      firstFeedbackAt: at('2026-11-24T16:00:00'),
      resolvedAt: at('2026-11-24T16:00:00'),
      ...closedRated(5, '2026-11-25T09:00:00'),
    }),
  };
  for (const [name, values] of Object.entries(rows)) {
    const [r] = await db.insert(serviceRequests).values(values).returning({ id: serviceRequests.id });
    ids[name] = r!.id;
  }
  await db
    .update(serviceRequests)
    .set({ mergedIntoId: ids.R12 })
    .where(eq(serviceRequests.id, ids.R13!));
  const call = (name: string, day: string) => ({ operatorId: fx.op.id, requestId: ids[name]!, method: 'phone', rating: 5, at: at(day) });
  await db
    .insert(followUps)
    .values([
      call('R1', '2026-11-25T10:00:00'),
      call('R1', '2026-11-26T10:00:00'), // a second call still counts R1 once
      call('R3', '2026-11-26T15:00:00'),
      call('R7', '2026-11-11T10:00:00'),
      call('R15', '2026-11-26T11:00:00'),
      call('R5', '2026-11-30T10:00:00'), // after asOf: not yet happened
    ]);
});

const get = async (user: string | null, query = '') => t.req(user, { method: 'GET', url: `${URL}${query}` });
const ok = async (user: string, query = '') => {
  const res = await get(user, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? Math.round((numerator / denominator) * 1e4) / 1e4 : null });

describe('GET /api/v1/metrics/requests', () => {
  it('computes every metric of the default period (this month in Shanghai) against the hand-computed fixture', async () => {
    const body = await ok('admin');
    expect(body.period).toEqual({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' });
    expect(body.asOf).toBe('2026-11-27T12:00:00+08:00');
    expect(body.groups).toBeUndefined();
    expect(body.totals).toEqual({
      received: 13,
      merged: 1,
      accepted: 9,
      resolved: 7,
      closed: 7,
      closedBy: { confirmed: 2, rated: 3, auto: 1, rejected: 1 },
      open: 5,
      overdue: 2,
      ratings: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 2 },
      acceptOnTime: { ...ratio(9, 12), pending: 1 },
      feedbackOnTime: { ...ratio(8, 10), pending: 3 },
      resolveOnTime: { ...ratio(6, 7), pending: 5 },
      closure: ratio(7, 13),
      satisfaction: ratio(4, 5),
      followUp: ratio(3, 7),
      reopen: ratio(2, 9),
      acceptTime: { count: 10, avgMinutes: 33.5, p90Minutes: 49.5 },
      feedbackTime: { count: 9, avgMinutes: 316.1, p90Minutes: 693 },
      resolveTime: { count: 7, avgMinutes: 1001.4, p90Minutes: 1638 },
    });
    expect(body.totals.acceptOnTime.rate).toBe(0.75);
    expect(Object.keys(body.definitions)).toEqual(expect.arrayContaining(['received', 'acceptOnTime', 'satisfaction', 'followUp', 'reopen', 'resolveTime']));
    expect(body.definitions.satisfaction).toContain('基本满意（5、4、3星）');
  });

  it('leaves 基本满意 out of satisfaction when the operator setting says so; unrated auto-closures never count', async () => {
    const db = t.handle.db;
    await db.update(operatorSettings).set({ basicSatisfiedCounts: false }).where(eq(operatorSettings.operatorId, t.fx.op.id));
    try {
      const body = await ok('admin');
      expect(body.totals.satisfaction).toEqual(ratio(3, 5));
      expect(body.definitions.satisfaction).toContain('基本满意不计入');
    } finally {
      await db.update(operatorSettings).set({ basicSatisfiedCounts: true }).where(eq(operatorSettings.operatorId, t.fx.op.id));
    }
    // Only the auto-closed R5 (unrated) in scope: closed, but satisfaction has nothing to measure.
    const r5 = (await ok('admin', `?categoryId=${(await categoryId('utilities'))}`)).totals;
    expect(r5).toMatchObject({ received: 1, closed: 1, closedBy: { auto: 1 }, closure: ratio(1, 1), satisfaction: ratio(0, 0) });
    expect(r5.satisfaction.rate).toBeNull();
  });

  it('measures the period by received time, half-open [from, to)', async () => {
    const oct = await ok('admin', `?from=${encodeURIComponent('2026-10-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`);
    // R14 only: accepted 5 min, first feedback 60 min, resolved 360 min after receipt (Fri 09:00 → 15:00).
    expect(oct.totals).toMatchObject({ received: 1, closed: 1, acceptOnTime: ratio(1, 1), acceptTime: { count: 1, avgMinutes: 5, p90Minutes: 5 } });
    expect(oct.totals.feedbackTime.avgMinutes).toBe(60);
    expect(oct.totals.resolveTime.avgMinutes).toBe(360);
    // A period ending exactly at R12's received time leaves it out.
    const before = await ok('admin', `?from=${encodeURIComponent('2026-11-27T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-27T11:30:00+08:00')}`);
    expect(before.totals.received).toBe(0);
    const fromOnly = await ok('admin', `?from=${encodeURIComponent('2026-10-01T00:00:00+08:00')}`);
    expect(fromOnly.period).toEqual({ from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' });
  });

  it('filters by park, category (with sub-categories), kind, channel, officer and department', async () => {
    const fx = t.fx;
    const received = async (q: string) => (await ok('admin', q)).totals.received;
    expect(await received(`?parkId=${fx.parkB.id}`)).toBe(3); // R11 R12 R15
    expect(await received(`?categoryId=${await categoryId('property')}`)).toBe(7); // R1 R2 R3 R6 R7 R9 R11
    expect(await received(`?categoryId=${await categoryId('property.drainage')}`)).toBe(2); // R3 R9
    expect(await received('?kind=consultation')).toBe(5); // R5 R8 R10 R12 R15
    expect(await received('?channel=phone')).toBe(3); // R3 R9 R11
    expect(await received(`?liaisonId=${fx.liaison2.staff!.id}`)).toBe(2); // R11 R15
    expect(await received(`?departmentId=${fx.dept.id}`)).toBe(1); // R4
    expect(await received(`?parkId=${fx.parkB.id}&channel=phone`)).toBe(1); // R11
    const b = (await ok('admin', `?parkId=${fx.parkB.id}`)).totals;
    // R11 accept breached before its pause (late), R12 not due, R15 met; R13 merged.
    expect(b).toMatchObject({ merged: 1, open: 2, overdue: 1, acceptOnTime: { ...ratio(1, 2), pending: 1 }, satisfaction: ratio(1, 1), followUp: ratio(1, 1) });
  });

  it('breaks down by park, officer, department, kind, channel, category and month with the same metrics', async () => {
    const fx = t.fx;
    const park = await ok('admin', '?groupBy=park');
    expect(park.totals.received).toBe(13);
    expect(park.groups.map((g: { key: string; label: string; metrics: { received: number } }) => [g.key, g.label, g.metrics.received])).toEqual([
      [fx.parkA.id, '动力谷自主创新园', 10],
      [fx.parkB.id, '天易科技城', 3],
    ]);
    // Park A: R1–R10. accept met R1 R3 R4 R5 R6 R7 R8 R10 = 8, late R2 R9 → 8/10; satisfied R1 R2 R3 of rated R1 R2 R3 R7.
    expect(park.groups[0].metrics).toMatchObject({ acceptOnTime: { ...ratio(8, 10), pending: 0 }, satisfaction: ratio(3, 4), overdue: 1, merged: 0 });

    const officer = await ok('admin', '?groupBy=officer');
    expect(officer.groups.map((g: { key: string | null; label: string; metrics: { received: number } }) => [g.key, g.label, g.metrics.received])).toEqual([
      [fx.liaison1.staff!.id, '联络员甲', 10],
      [fx.liaison2.staff!.id, '联络员乙', 2],
      [null, '未指定联络员', 1],
    ]);

    const dept = await ok('admin', '?groupBy=department');
    expect(dept.groups.map((g: { key: string | null; label: string; metrics: { received: number } }) => [g.key, g.label, g.metrics.received])).toEqual([
      [fx.dept.id, '企业服务部', 1],
      [null, '未转办部门', 12],
    ]);
    expect(dept.groups[0].metrics).toMatchObject({ resolved: 1, closed: 0, resolveOnTime: ratio(1, 1), resolveTime: { count: 1, avgMinutes: 1020 } });

    const kind = await ok('admin', '?groupBy=kind');
    expect(kind.groups.map((g: { key: string; label: string; metrics: { received: number } }) => [g.key, g.label, g.metrics.received])).toEqual([
      ['consultation', '咨询', 5],
      ['complaint', '投诉', 2],
      ['difficulty', '困难求助', 1],
      ['repair', '报修', 5],
    ]);

    const channel = await ok('admin', '?groupBy=channel');
    expect(channel.groups.map((g: { key: string; label: string; metrics: { received: number } }) => [g.label, g.metrics.received])).toEqual([
      ['网页', 6],
      ['手机', 3],
      ['电话', 3],
      ['走访', 1],
    ]);

    const category = await ok('admin', `?groupBy=category&parkId=${fx.parkA.id}`);
    // Park A by stored category, in the tree's sort order: R5 | R1 R2 R6 R7 | R3 R9 | R4 R8 | R10.
    expect(category.groups.map((g: { label: string; metrics: { received: number } }) => [g.label, g.metrics.received])).toEqual([
      ['水电费用', 1],
      ['厂房维修', 4],
      ['排水管网', 2],
      ['政策咨询', 2],
      ['融资服务', 1],
    ]);

    const month = await ok('admin', `?groupBy=month&from=${encodeURIComponent('2026-10-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-01T00:00:00+08:00')}`);
    expect(month.totals.received).toBe(14);
    expect(month.groups.map((g: { key: string; label: string; metrics: { received: number } }) => [g.key, g.label, g.metrics.received])).toEqual([
      ['2026-10', '2026年10月', 1],
      ['2026-11', '2026年11月', 13],
    ]);
  });

  it('returns null rates, never 100% of nothing, for an empty population', async () => {
    const body = await ok('admin', `?from=${encodeURIComponent('2025-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2025-02-01T00:00:00+08:00')}&groupBy=park`);
    expect(body.groups).toEqual([]);
    expect(body.totals).toMatchObject({
      received: 0,
      acceptOnTime: { numerator: 0, denominator: 0, rate: null, pending: 0 },
      closure: ratio(0, 0),
      satisfaction: ratio(0, 0),
      followUp: ratio(0, 0),
      reopen: ratio(0, 0),
      acceptTime: { count: 0, avgMinutes: null, p90Minutes: null },
    });
  });
});

describe('authorization and input', () => {
  it('anonymous 401; liaison, department handler and enterprise contact 403', async () => {
    expect((await get(null)).statusCode).toBe(401);
    for (const user of ['liaison1', 'dept', 'contact']) expect((await get(user)).statusCode, user).toBe(403);
  });

  it('a park manager only ever sees their park; the leader sees the operator; another operator sees nothing', async () => {
    const manager = await ok('manager');
    expect(manager.totals.received).toBe(10);
    expect(manager.totals.acceptOnTime).toEqual({ ...ratio(8, 10), pending: 0 });
    expect((await ok('manager', `?parkId=${t.fx.parkB.id}`)).totals.received).toBe(0);
    expect((await ok('manager', '?groupBy=park')).groups.map((g: { key: string }) => g.key)).toEqual([t.fx.parkA.id]);
    expect((await ok('leader')).totals.received).toBe(13);
    const other = await ok('otheradmin', '?groupBy=officer');
    expect(other.totals).toMatchObject({ received: 0, merged: 0, closure: { rate: null } });
    expect(other.groups).toEqual([]);
  });

  it('rejects bad query parameters with 400 naming the field', async () => {
    const bad = async (q: string, path: string) => {
      const res = await get('admin', q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), q).toContain(path);
    };
    await bad('?from=yesterday', 'from');
    await bad('?to=2026-11-01', 'to');
    await bad('?kind=gossip', 'kind');
    await bad('?channel=fax', 'channel');
    await bad('?groupBy=enterprise', 'groupBy');
    await bad('?parkId=park-a', 'parkId');
    await bad('?parkid=x', 'parkid');
    await bad(`?from=${encodeURIComponent('2026-11-02T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`, 'to');
    await bad(`?from=${encodeURIComponent('2000-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-01-01T00:00:00+08:00')}`, 'from');
  });
});

describe('working minutes in SQL', () => {
  it('agrees with the SLA engine, across National Day, 调休补班 and an administrator override', async () => {
    // 2026: 国庆 10/1–10/7 off, Sunday 9/20 and Saturday 10/10 are working days; override: Wed 10/14 off.
    const cal = createWorkCalendar([{ date: '2026-10-14', kind: 'holiday' }]);
    const base = new Date('2026-09-15T00:00:00+08:00').getTime();
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pairs: [Date, Date][] = [
      [at('2026-09-30T16:00:00'), at('2026-10-08T09:00:00')],
      [at('2026-09-19T20:00:00'), at('2026-09-20T10:15:30')],
      [at('2026-10-09T17:00:00'), at('2026-10-10T08:00:00')],
      [at('2026-10-13T12:00:00'), at('2026-10-15T12:00:00')],
      [at('2026-10-20T10:00:00'), at('2026-10-20T10:00:00')],
    ];
    for (let i = 0; i < 60; i++) {
      const a = base + Math.floor(rand() * 40 * 86_400) * 1000;
      pairs.push([new Date(a), new Date(a + Math.floor(rand() * 12 * 86_400) * 1000)]);
    }
    const from = pairs.reduce((m, [a]) => Math.min(m, a.getTime()), Infinity);
    const to = pairs.reduce((m, [, b]) => Math.max(m, b.getTime()), 0);
    const values = sql.join(
      pairs.map(([a, b], i) => sql`(${i}::int, ${a.toISOString()}::timestamptz, ${b.toISOString()}::timestamptz)`),
      sql`, `,
    );
    const wt = workingTimeTable(cal, shanghaiDayNumber(new Date(from)), shanghaiDayNumber(new Date(to)));
    const rows = await rowsOf<{ i: number; wm: number }>(
      t.handle.db,
      sql`SELECT v.i, ${workingMinutesSql(sql`v.a`, sql`v.b`, wt)} AS wm FROM (VALUES ${values}) AS v(i, a, b) CROSS JOIN ${wt.source} ORDER BY v.i`,
    );
    expect(rows).toHaveLength(pairs.length);
    for (const r of rows) {
      const [x, y] = pairs[r.i]!;
      expect(Number(r.wm), `${x.toISOString()} → ${y.toISOString()}`).toBeCloseTo(workingMinutesBetween(x, y, cal), 6);
    }
    // Spot checks by hand: Wed 9/30 16:00 → Thu 10/8 09:00 = 90 + 30; Sat 9/19 20:00 → Sun 9/20 (补班) 10:15:30 = 105.5.
    expect(Number(rows[0]!.wm)).toBe(120);
    expect(Number(rows[1]!.wm)).toBe(105.5);
    // Tue 10/13 12:00 → Thu 10/15 12:00 with Wed 10/14 overridden off = 330 + 210.
    expect(Number(rows[3]!.wm)).toBe(330 + 210);
    // No end instant, or one outside the table: NULL (left out of averages), never 0; b before a: 0.
    const edge = await rowsOf<{ none: number | null; outside: number | null; backwards: number }>(
      t.handle.db,
      sql`SELECT ${workingMinutesSql(sql`${at('2026-10-09T09:00:00').toISOString()}::timestamptz`, sql`NULL::timestamptz`, wt)} AS none,
        ${workingMinutesSql(sql`${at('2026-10-09T09:00:00').toISOString()}::timestamptz`, sql`${at('2027-06-01T09:00:00').toISOString()}::timestamptz`, wt)} AS outside,
        ${workingMinutesSql(sql`${at('2026-10-09T09:00:00').toISOString()}::timestamptz`, sql`${at('2026-10-08T09:00:00').toISOString()}::timestamptz`, wt)} AS backwards
        FROM ${wt.source}`,
    );
    expect(edge[0]).toMatchObject({ none: null, outside: null });
    expect(Number(edge[0]!.backwards)).toBe(0);
  });

  it('defaults the period to the Shanghai month even just after midnight Shanghai (still the previous day in UTC)', () => {
    expect(periodOf({}, new Date('2026-11-30T16:30:00Z'))).toEqual({ from: at('2026-12-01T00:00:00'), to: at('2027-01-01T00:00:00') });
    expect(periodOf({}, new Date('2026-12-31T15:59:59Z'))).toEqual({ from: at('2026-12-01T00:00:00'), to: at('2027-01-01T00:00:00') });
  });
});

async function categoryId(code: string) {
  const [c] = await t.handle.db
    .select({ id: requestCategories.id })
    .from(requestCategories)
    .where(and(eq(requestCategories.operatorId, t.fx.op.id), eq(requestCategories.code, code)));
  return c!.id;
}
