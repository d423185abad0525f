import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { auditLogs } from '../../db/schema/index.js';

const t = useTestApp();

let n = 0;
function guide(over: Record<string, unknown> = {}) {
  n++;
  return {
    code: `SG-T${n}`,
    name: `测试事项${n}`,
    category: '园区服务',
    department: '园区管委会企业服务中心',
    audience: '园区入驻企业',
    conditions: ['已在园区注册'],
    materials: [{ name: '申请表', copies: '原件1份', note: null }],
    steps: [{ title: '提交申请', detail: '到服务窗口提交' }],
    timeLimit: '3个工作日',
    fees: '不收费',
    location: '一站式服务中心2号窗口',
    onlineUrl: null,
    faq: [],
    ...over,
  };
}
const post = (user: string | null, body: Record<string, unknown>) => t.req(user, { method: 'POST', url: '/api/v1/service-guides', payload: body });
const list = (user: string | null, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/service-guides${qs}` });
const names = (res: { json(): unknown }) => (res.json() as { items: { name: string }[] }).items.map((i) => i.name).sort();
type G = { id: string; version: number };
let licence: G, hightech: G, water: G, hidden: G;

beforeAll(async () => {
  const mk = async (user: string, body: Record<string, unknown>) => {
    const res = await post(user, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as G;
  };
  licence = await mk('dept', guide({ name: '营业执照变更登记', category: '市场主体登记', department: '市场监督管理局', conditions: ['法定代表人签署'], materials: [{ name: '变更登记申请书', copies: '原件1份', note: '需加盖公章' }] }));
  hightech = await mk('dept', guide({ name: '高新技术企业认定', category: '科技创新', department: '科学技术局', conditions: ['研发费用占比达到规定比例'], materials: [{ name: '知识产权证明', copies: '复印件1份', note: null }] }));
  water = await mk('admin', guide({ name: '用水报装', category: '园区服务', department: '自来水公司', materials: [{ name: '用水申请表', copies: '原件1份', note: '下水管网接驳图' }] }));
  hidden = await mk('admin', guide({ name: '内部试行事项', category: '园区服务', published: false }));
  await mk('otheradmin', guide({ name: '别家事项', category: '园区服务' }));
});

describe('GET /service-guides (public)', () => {
  it('needs no login and lists published guides', async () => {
    const res = await list(null, '?operator=op1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(names(res)).toEqual(['营业执照变更登记', '用水报装', '高新技术企业认定'].sort());
  });

  it.each([
    ['营业执照', ['营业执照变更登记']], // name
    ['科技', ['高新技术企业认定']], // category
    ['监督管理', ['营业执照变更登记']], // department
    ['研发费用', ['高新技术企业认定']], // conditions
    ['公章', ['营业执照变更登记']], // material note
    ['下水', ['用水报装']], // 2 characters
    ['水', ['用水报装']], // 1 character
    ['试行', []], // unpublished
  ])('finds Chinese text: %s', async (q, expected) => {
    const res = await list(null, `?operator=op1&q=${encodeURIComponent(q)}`);
    expect(names(res)).toEqual([...expected].sort());
  });

  it('filters by category and lists categories with counts', async () => {
    expect(names(await list(null, `?operator=op1&category=${encodeURIComponent('园区服务')}`))).toEqual(['用水报装']);
    const cats = await t.req(null, { method: 'GET', url: '/api/v1/service-guide-categories?operator=op1' });
    expect(cats.statusCode).toBe(200);
    expect(cats.json().items).toEqual([
      { category: '园区服务', count: 1 },
      { category: '市场主体登记', count: 1 },
      { category: '科技创新', count: 1 },
    ].sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)));
  });

  it('shows unpublished guides only to their managers on request', async () => {
    expect(names(await list('dept', '?includeUnpublished=true'))).toContain('内部试行事项');
    expect(names(await list('contact', '?includeUnpublished=true'))).not.toContain('内部试行事项');
    expect(names(await list(null, '?includeUnpublished=true'))).not.toContain('内部试行事项');
    expect(names(await list('contact'))).not.toContain('别家事项');
  });
});

describe('GET /service-guides/{id}', () => {
  it('returns a published guide to anyone and hides an unpublished one (404) from all but its managers', async () => {
    const res = await t.req(null, { method: 'GET', url: `/api/v1/service-guides/${licence.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '营业执照变更登记', materials: [{ name: '变更登记申请书', copies: '原件1份', note: '需加盖公章' }], canEdit: false });
    for (const user of [null, 'contact', 'liaison1', 'otheradmin']) {
      expect((await t.req(user, { method: 'GET', url: `/api/v1/service-guides/${hidden.id}` })).statusCode, String(user)).toBe(404);
    }
    const mine = await t.req('dept', { method: 'GET', url: `/api/v1/service-guides/${hidden.id}` });
    expect(mine.json()).toMatchObject({ published: false, canEdit: true });
  });
});

describe('managing guides', () => {
  it.each([
    [null, 401],
    ['contact', 403],
    ['manager', 403],
    ['liaison1', 403],
  ])('POST refuses %s with %i', async (user, status) => {
    expect((await post(user, guide())).statusCode).toBe(status);
  });

  it.each([
    ['a bad code', { code: '编码 1' }, 'code'],
    ['a missing name', { name: '' }, 'name'],
    ['a bad link', { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
    ['a material without a name', { materials: [{ name: '', copies: '1份', note: null }] }, 'materials.0.name'],
    ['an unknown field', { price: 5 }, 'price'],
  ])('answers 400 naming the field for %s', async (_what, over, path) => {
    const res = await post('admin', guide(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a code in use (409 naming code)', async () => {
    const res = await post('admin', guide({ code: 'SG-T1' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].path).toBe('code');
  });

  it('edits with compare-and-set, refreshes search and audits changed fields', async () => {
    const g = (await post('admin', guide({ name: '消防验收', department: '住房和城乡建设局' }))).json();
    const res = await t.req('dept', { method: 'PATCH', url: `/api/v1/service-guides/${g.id}`, payload: { version: 1, name: '消防验收备案', conditions: ['建设工程竣工'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '消防验收备案', version: 2 });
    expect((await t.req('admin', { method: 'PATCH', url: `/api/v1/service-guides/${g.id}`, payload: { version: 1, name: '覆盖' } })).statusCode).toBe(409);
    expect(names(await list(null, `?operator=op1&q=${encodeURIComponent('竣工')}`))).toEqual(['消防验收备案']);
    const rows = await t.handle.db.select().from(auditLogs).where(eq(auditLogs.entityId, g.id)).orderBy(asc(auditLogs.id));
    expect(rows.map((r) => r.action)).toEqual(['service_guide.create', 'service_guide.update']);
    expect((rows[1]!.after as { changedFields: string[] }).changedFields.sort()).toEqual(['conditions', 'name']);
    expect((await t.req('otheradmin', { method: 'PATCH', url: `/api/v1/service-guides/${g.id}`, payload: { version: 2, name: 'x' } })).statusCode).toBe(404);
  });

  it('unpublishes and publishes again, with compare-and-set', async () => {
    const off = await t.req('admin', { method: 'POST', url: `/api/v1/service-guides/${water.id}/unpublish`, payload: { version: water.version } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ published: false, version: water.version + 1 });
    expect((await t.req(null, { method: 'GET', url: `/api/v1/service-guides/${water.id}` })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'POST', url: `/api/v1/service-guides/${water.id}/unpublish`, payload: { version: water.version + 1 } })).statusCode).toBe(409);
    expect((await t.req('admin', { method: 'POST', url: `/api/v1/service-guides/${water.id}/publish`, payload: { version: water.version } })).statusCode).toBe(409);
    const on = await t.req('dept', { method: 'POST', url: `/api/v1/service-guides/${water.id}/publish`, payload: { version: water.version + 1 } });
    expect(on.json()).toMatchObject({ published: true });
    expect((await t.req('contact', { method: 'POST', url: `/api/v1/service-guides/${hightech.id}/unpublish`, payload: { version: 1 } })).statusCode).toBe(403);
  });
});
