import { requestActions, type RequestStatus } from '@yqt/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { transitions } from './lifecycle.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let now = at('2026-11-25T09:00:00');
const t = useTestApp({ clock: () => now });
const users = ['contact', 'liaison1', 'liaison2', 'manager', 'admin', 'leader', 'dept'] as const;

/**
 * Random sequences of actions by random users, against the real API: whatever happens, the
 * request only moves along the transition table, its deadlines never move earlier, a closed
 * request has a closing event, and while paused its running clocks read 'paused' (or 'breached' when
 * the deadline had passed before the pause).
 */
describe('lifecycle invariants under random actions', () => {
  it('holds for any sequence', async () => {
    const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
    const step = fc.record({
      user: fc.constantFrom(...users),
      action: fc.constantFrom(...requestActions),
      advance: fc.integer({ min: 0, max: 240 }),
      rating: fc.integer({ min: 1, max: 5 }),
      stale: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        now = at('2026-11-25T09:00:00');
        let r = (
          await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'repair', categoryId: cats[0].id, title: '随机', description: '属性测试' } })
        ).json();
        for (const s of steps) {
          now = new Date(now.getTime() + s.advance * 60_000);
          const before = r;
          const res = await t.req(s.user, {
            method: 'POST',
            url: `/api/v1/requests/${r.id}/actions/${s.action}`,
            payload: {
              version: s.stale ? Math.max(1, r.version - 1) : r.version,
              note: '说明',
              rating: s.rating,
              departmentId: t.fx.dept.id,
              liaisonId: t.fx.liaison2.staff!.id,
              leaderId: t.fx.leader.staff!.id,
            },
          });
          const after = (await t.req('admin', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json();
          if (res.statusCode === 200) {
            const allowed = transitions.some((x) => x.action === s.action && x.from.includes(before.status as RequestStatus));
            expect(allowed).toBe(true);
            expect(after.version).toBe(before.version + 1);
          } else {
            expect([400, 403, 404, 409]).toContain(res.statusCode);
            expect(after.version).toBe(before.version);
            expect(after.status).toBe(before.status);
          }
          for (const k of ['acceptBy', 'feedbackBy'] as const) expect(Date.parse(after[k])).toBeGreaterThanOrEqual(Date.parse(before[k]));
          if (after.status === 'closed') expect(after.timeline.some((e: { toStatus: string }) => e.toStatus === 'closed')).toBe(true);
          if (after.status === 'awaiting_info') {
            // A pause stops every running clock — except one that had already breached before the pause.
            for (const c of Object.values(after.clocks) as { state: string; doneAt: string | null }[]) if (!c.doneAt) expect(['paused', 'breached']).toContain(c.state);
          }
          r = after;
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
