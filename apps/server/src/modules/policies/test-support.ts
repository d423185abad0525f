/** Helpers for this module's tests (not a test file itself). */
import { expect } from 'vitest';
import type { TestApp } from '../../../test/app.js';

let n = 0;

/** A valid create body: a city subsidy with an interpretation, overridable field by field. */
export function policyBody(over: Record<string, unknown> = {}) {
  n++;
  return {
    title: `测试政策${n}`,
    issuer: '株洲市工业和信息化局',
    level: 'city',
    benefitType: 'subsidy',
    maxAmountWan: 30,
    tags: ['测试'],
    fullText: '第一条 为支持企业发展，制定本办法。',
    interpretation: {
      audience: '园区内规模以上工业企业',
      benefits: '最高补贴30万元',
      keyConditions: ['上年度营业收入不低于2000万元'],
      materials: ['营业执照复印件'],
      deadlines: '每年6月集中受理',
      contact: '企业服务部 0731-12345678',
      faq: [{ q: '可以重复申报吗？', a: '同一项目不得重复申报。' }],
    },
    materials: [{ name: '营业执照', required: true }],
    ...over,
  };
}

export type PolicyOut = { id: string; version: number; status: string; [k: string]: unknown };

export async function createPolicy(t: TestApp, over: Record<string, unknown> = {}, user = 'admin'): Promise<PolicyOut> {
  const res = await t.req(user, { method: 'POST', url: '/api/v1/policies', payload: policyBody(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function lifecycle(t: TestApp, p: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}, user = 'admin') {
  return t.req(user, { method: 'POST', url: `/api/v1/policies/${p.id}/${action}`, payload: { version: p.version, ...extra } });
}

export async function publishedPolicy(t: TestApp, over: Record<string, unknown> = {}, user = 'admin'): Promise<PolicyOut> {
  const p = await createPolicy(t, over, user);
  const res = await lifecycle(t, p, 'publish', {}, user);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The paths named by a 400. */
export const fieldsOf = (res: { json(): unknown }) => ((res.json() as { error: { details: { path: string }[] } }).error.details ?? []).map((d) => d.path);
