import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { enterprises, policyMatches } from '../../db/schema/index.js';
import { recomputePolicyMatches } from '../eligibility/index.js';
import { insertPolicy } from '../eligibility/test-fixtures.js';

const t = useTestApp();

describe('registry edits refresh stored policy matches', () => {
  it('changing an enterprise’s industry moves it in and out of a policy that tests the industry', async () => {
    const p = await insertPolicy(t.handle.db, t.fx.op.id, { kind: 'in', label: '属于信息技术服务业', metric: 'industryCode', values: ['I'], negate: false });
    await recomputePolicyMatches(t.handle.db, p.id, new Date());
    const stored = async () =>
      (await t.handle.db.select().from(policyMatches).where(and(eq(policyMatches.policyId, p.id), eq(policyMatches.enterpriseId, t.fx.entA1.id))))[0]?.verdict ?? null;
    const patch = async (industryCode: string) => {
      const [e] = await t.handle.db.select({ version: enterprises.version }).from(enterprises).where(eq(enterprises.id, t.fx.entA1.id));
      const res = await t.req('admin', { method: 'PATCH', url: `/api/v1/enterprises/${t.fx.entA1.id}`, payload: { industryCode, version: e!.version } });
      expect(res.statusCode).toBe(200);
    };
    await patch('C');
    expect(await stored()).toBeNull(); // fails the policy's only condition: not eligible, not stored
    await patch('I');
    expect(await stored()).toBe('eligible');
    await patch('C');
    expect(await stored()).toBeNull();
  });
});
