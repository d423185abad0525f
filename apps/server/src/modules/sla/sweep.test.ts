import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { createDb, type Db } from '../../core/db.js';
import { runJobOnce, type Job } from '../../core/jobs.js';
import { notifications, serviceRequests, slaAlerts, slaChecks } from '../../db/schema/index.js';
import { autoCloseUnrated } from './auto-close.js';
import { createWorkCalendar } from '../../core/work-calendar.js';
import { addTime, minutesBetween } from './sla-engine.js';
import { slaSweep } from './sweep.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let now = at('2026-11-25T09:00:00'); // Wednesday
const t = useTestApp({ clock: () => now });
const sweepJob: Job = { name: 'sla-sweep', everyMs: 60_000, run: (tx, n) => slaSweep(tx, n) };

async function newRequest() {
  const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
  const res = await t.req('contact', {
    method: 'POST',
    url: '/api/v1/requests',
    payload: { kind: 'repair', categoryId: cats.find((c: { code: string }) => c.code === 'property.repair').id, title: '厂房漏水', description: '3号厂房屋顶漏水' },
  });
  return res.json() as { id: string; version: number };
}
const alertsOf = (id: string, clock = 'accept') =>
  t.handle.db.select().from(slaAlerts).where(and(eq(slaAlerts.requestId, id), eq(slaAlerts.clock, clock)));
const nextCheckOf = async (id: string) =>
  (await t.handle.db.select({ v: slaChecks.nextCheckAt }).from(slaChecks).where(eq(slaChecks.requestId, id)))[0]?.v ?? null;
const notesFor = (userId: string, requestId: string) =>
  t.handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.requestId, requestId)));

describe('SLA sweep', () => {
  it('warns the officer once at 80% of the accept clock, and escalates along the ladder on breach, each step once', async () => {
    now = at('2026-11-25T09:00:00');
    // The area gets a leader so step 2 has someone to tell.
    await t.req('admin', { method: 'PATCH', url: `/api/v1/areas/${t.fx.area.id}`, payload: { leaderId: t.fx.liaison2.staff!.id } });
    const r = await newRequest();
    const officer = t.fx.liaison1.user.id;

    now = at('2026-11-25T09:47:00');
    await runJobOnce(t.handle.db, sweepJob, now);
    expect(await alertsOf(r.id)).toHaveLength(0);

    now = at('2026-11-25T09:48:00'); // 80% of one working hour
    await runJobOnce(t.handle.db, sweepJob, now);
    await runJobOnce(t.handle.db, sweepJob, now);
    expect((await alertsOf(r.id)).map((a) => a.kind)).toEqual(['warning']);
    expect((await notesFor(officer, r.id)).filter((n) => n.kind === 'sla.warning')).toHaveLength(1);
    // The next look is at the accept deadline (the other clocks warn later): ticks before it read nothing.
    expect(await nextCheckOf(r.id)).toEqual(at('2026-11-25T10:00:00'));

    now = at('2026-11-25T10:00:00'); // breach: step 1 (officer, at once)
    await runJobOnce(t.handle.db, sweepJob, now);
    now = at('2026-11-25T10:59:00');
    await runJobOnce(t.handle.db, sweepJob, now);
    expect((await alertsOf(r.id)).filter((a) => a.kind === 'breach').map((a) => a.level)).toEqual([1]);
    expect(await nextCheckOf(r.id)).toEqual(at('2026-11-25T11:00:00')); // step 2 is one working hour late

    now = at('2026-11-25T11:00:00'); // one working hour late: step 2, the area leader
    await runJobOnce(t.handle.db, sweepJob, now);
    expect((await notesFor(t.fx.liaison2.user.id, r.id)).map((n) => n.title)).toEqual([expect.stringContaining('2级督办')]);

    now = at('2026-11-26T10:00:00'); // one working day late: step 3, the park manager
    await runJobOnce(t.handle.db, sweepJob, now);
    expect((await notesFor(t.fx.manager.user.id, r.id)).some((n) => n.title.includes('3级督办'))).toBe(true);

    now = at('2026-11-30T10:00:00'); // two working days late (over the weekend): step 4, leadership
    await runJobOnce(t.handle.db, sweepJob, now);
    await runJobOnce(t.handle.db, sweepJob, now);
    const levels = (await alertsOf(r.id)).filter((a) => a.kind === 'breach').map((a) => a.level).sort();
    expect(levels).toEqual([1, 2, 3, 4]);
    expect((await notesFor(t.fx.leader.user.id, r.id)).filter((n) => n.title.includes('受理'))).toHaveLength(1);
  });

  it('a clock change resets the next check (trigger); a ladder change makes every running clock due again', async () => {
    now = at('2026-11-30T09:00:00'); // Monday
    let r = await newRequest();
    expect(await nextCheckOf(r.id)).toEqual(at('2026-11-30T09:48:00')); // the accept warning
    r = (await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/accept`, payload: { version: r.version } })).json();
    const [row] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id));
    expect(await nextCheckOf(r.id)).toEqual(row!.feedbackWarnAt); // accepted: the next clock to warn is feedback
    await runJobOnce(t.handle.db, sweepJob, now);
    expect(await nextCheckOf(r.id)).toEqual(row!.feedbackWarnAt); // not due yet: untouched
    const ladder = (await t.req('admin', { method: 'GET', url: '/api/v1/sla/escalation-ladder' })).json();
    expect((await t.req('admin', { method: 'PUT', url: '/api/v1/sla/escalation-ladder', payload: ladder })).statusCode).toBe(200);
    expect(await nextCheckOf(r.id)).toEqual(now);
    await runJobOnce(t.handle.db, sweepJob, now);
    expect(await nextCheckOf(r.id)).toEqual(row!.feedbackWarnAt);
    await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/reject`, payload: { version: r.version, note: '不属于园区受理范围' } });
    expect(await nextCheckOf(r.id)).toBeNull();
  });

  it('does not alert a paused request or a met clock', async () => {
    now = at('2026-11-30T09:00:00');
    let r = await newRequest();
    r = (await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/accept`, payload: { version: r.version } })).json();
    await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/returnForInfo`, payload: { version: r.version, note: '请补充照片' } });
    now = at('2026-12-03T09:00:00');
    await runJobOnce(t.handle.db, sweepJob, now);
    expect(await alertsOf(r.id, 'accept')).toHaveLength(0);
    expect(await alertsOf(r.id, 'resolve')).toHaveLength(0);
  });

  it('fires each escalation exactly once when two instances sweep the same database at once', async () => {
    now = at('2026-12-03T09:00:00');
    const r = await newRequest();
    now = at('2026-12-07T12:00:00'); // far past every step of every clock
    // A second instance: its own connection pool to the same PostgreSQL database (PGlite: the same engine).
    const second = t.handle.url ? await createDb({ engine: 'postgres', url: t.handle.url, poolSize: 2 }) : null;
    const dbs: Db[] = [t.handle.db, second?.db ?? t.handle.db];
    const direct: Job = { ...sweepJob, name: 'sla-sweep-race' };
    // Without the job lock too: the unique alert key alone must keep effects exactly-once.
    await Promise.all([
      ...dbs.map((db) => db.transaction((tx) => slaSweep(tx, now))),
      ...dbs.map((db) => runJobOnce(db, direct, now)),
    ]);
    await second?.close();
    const alerts = await t.handle.db.select().from(slaAlerts).where(eq(slaAlerts.requestId, r.id));
    const keys = alerts.map((a) => `${a.clock}/${a.kind}/${a.level}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith('accept/breach'))).toHaveLength(4);
    const officerNotes = await notesFor(t.fx.liaison1.user.id, r.id);
    const titles = officerNotes.map((n) => n.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('next-check arithmetic', () => {
  it('addTime(due, d) is the first instant at which d minutes have passed, in both time modes (so no step is checked late)', () => {
    const cal = createWorkCalendar([]);
    const from = at('2025-01-01T00:00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('working' as const, 'natural' as const), (m, delay, mode) => {
        const due = new Date(from + m * 60_000);
        const t = addTime(due, delay, mode, cal);
        expect(minutesBetween(due, t, mode, cal)).toBeGreaterThanOrEqual(delay);
        expect(minutesBetween(due, new Date(t.getTime() - 1000), mode, cal)).toBeLessThan(delay);
      }),
      { numRuns: 500 },
    );
  });
});

describe('auto-close of unrated requests', () => {
  it('closes a resolved, unrated request after 5 working days as auto (never satisfied)', async () => {
    now = at('2026-12-07T09:00:00'); // Monday
    let r = await newRequest();
    r = (await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/accept`, payload: { version: r.version } })).json();
    r = (await t.req('liaison1', { method: 'POST', url: `/api/v1/requests/${r.id}/actions/resolve`, payload: { version: r.version, note: '已修复' } })).json();
    now = at('2026-12-14T08:59:00'); // 4 working days + 8.5 h: not yet
    await t.handle.db.transaction((tx) => autoCloseUnrated(tx, now));
    let [row] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id));
    expect(row!.status).toBe('resolved');
    now = at('2026-12-14T09:00:00'); // exactly 5 working days (Mon 09:00 → next Mon 09:00)
    expect(await t.handle.db.transaction((tx) => autoCloseUnrated(tx, now))).toBeGreaterThanOrEqual(1);
    [row] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.id, r.id));
    expect(row).toMatchObject({ status: 'closed', closeReason: 'auto', rating: null });
  });
});
