import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { creditCode } from '../../../test/fixture.js';

const t = useTestApp();
const list = (user: string | null, qs = '') => t.req(user, { method: 'GET', url: `/api/v1/enterprises${qs}` });

describe('GET /enterprises', () => {
  it('requires a session', async () => {
    expect((await list(null)).statusCode).toBe(401);
  });

  it('returns the page envelope with only the operator’s enterprises', async () => {
    const res = await list('leader');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(body.items.map((e: { name: string }) => e.name)).not.toContain('别家园区企业有限公司');
  });

  it('shows an enterprise contact only their own enterprise', async () => {
    const body = (await list('contact')).json();
    expect(body.total).toBe(1);
    expect(body.items[0].id).toBe(t.fx.entA1.id);
  });

  it.each([
    ['下水', ['湖南下水道疏通服务有限公司']],
    ['合', ['株洲硬质合金材料有限公司']],
    ['株洲', ['株洲长河电力机车科技有限公司', '株洲硬质合金材料有限公司']],
    ['电力机车科技', ['株洲长河电力机车科技有限公司']],
    ['机电', []],
  ])('finds Chinese substrings of any length: %s', async (q, names) => {
    const body = (await list('admin', `?q=${encodeURIComponent(q)}`)).json();
    expect(body.items.map((e: { name: string }) => e.name).sort()).toEqual([...names].sort());
    expect(body.total).toBe(names.length);
  });

  it('finds by a credit-code fragment, case-insensitively', async () => {
    const code = creditCode(3);
    const body = (await list('admin', `?q=${code.slice(10, 16).toLowerCase()}`)).json();
    expect(body.items.map((e: { creditCode: string }) => e.creditCode)).toContain(code);
  });

  it('filters by park, tier, industry and liaison', async () => {
    expect((await list('admin', `?parkId=${t.fx.parkB.id}`)).json().total).toBe(1);
    expect((await list('admin', '?tier=littleGiant')).json().items[0].name).toBe('株洲硬质合金材料有限公司');
    expect((await list('admin', '?industry=O')).json().total).toBe(1);
    expect((await list('admin', `?liaisonId=${t.fx.liaison1.staff!.id}`)).json().total).toBe(2);
  });

  it('paginates', async () => {
    const p2 = (await list('admin', '?page=2&pageSize=2')).json();
    expect(p2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(p2.items).toHaveLength(1);
  });

  it('rejects bad query parameters naming them', async () => {
    const res = await list('admin', '?pageSize=1000&tier=giant&parkId=nope');
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['pageSize', 'tier', 'parkId']));
  });
});

describe('GET /enterprises/:id', () => {
  it('returns the profile with contacts, liaison and history, and the caller’s abilities', async () => {
    const res = await t.req('manager', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA1.id}` });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      name: '株洲长河电力机车科技有限公司',
      parkName: '动力谷自主创新园',
      buildingName: 'A1栋',
      unitName: '101',
      liaisonName: '联络员甲',
      backupLiaisonName: '联络员乙',
      areaName: '动力谷片区',
      abilities: { edit: true, assignLiaison: true, editContacts: true },
    });
    expect(e.contacts[0]).toMatchObject({ name: '吴双青', isPrimary: true, hasAccount: true });
    expect(e.liaisonHistory).toHaveLength(1);
  });

  it('gives read-only abilities to a leader', async () => {
    const e = (await t.req('leader', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entA1.id}` })).json();
    expect(e.abilities).toEqual({ edit: false, assignLiaison: false, editContacts: false });
  });

  it('answers 404 for another enterprise (contact) and another tenant (admin)', async () => {
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entB1.id}` })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${t.fx.entX.id}` })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'GET', url: '/api/v1/enterprises/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('POST /enterprises', () => {
  const body = (n: number, extra: Record<string, unknown> = {}) => ({
    creditCode: creditCode(n),
    name: `测试新增企业${n}有限公司`,
    industryCode: 'C',
    size: 'small',
    parkId: t.fx.parkA.id,
    ...extra,
  });
  const post = (user: string | null, payload: unknown) => t.req(user, { method: 'POST', url: '/api/v1/enterprises', payload: payload as object });

  it('authorization matrix: anonymous 401, leader and liaison 403, manager outside park 403, manager in park 201', async () => {
    expect((await post(null, body(100))).statusCode).toBe(401);
    expect((await post('leader', body(100))).statusCode).toBe(403);
    expect((await post('liaison1', body(100))).statusCode).toBe(403);
    expect((await post('manager', body(100, { parkId: t.fx.parkB.id }))).statusCode).toBe(403);
    const ok = await post('manager', body(100, { buildingId: t.fx.bldA.id, unitId: t.fx.unitA.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: '测试新增企业100有限公司', buildingName: 'A1栋', unitName: '101', version: 1 });
  });

  it('another tenant cannot create into this operator’s park', async () => {
    const res = await post('otheradmin', body(101));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('parkId');
  });

  it('normalises the credit code (full-width, lower case, spaces) before storing', async () => {
    const code = creditCode(102);
    const fullWidth = Array.from(code.toLowerCase())
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('');
    const res = await post('admin', body(102, { creditCode: `  ${fullWidth} ` }));
    expect(res.statusCode).toBe(201);
    expect(res.json().creditCode).toBe(code);
  });

  it('rejects an invalid credit code with 400 naming creditCode', async () => {
    const bad = creditCode(103).slice(0, 17) + (creditCode(103).endsWith('0') ? '1' : '0');
    const res = await post('admin', body(103, { creditCode: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'creditCode', message: '统一社会信用代码校验位错误' });
    expect((await post('admin', body(103, { creditCode: '123' }))).json().error.details[0].message).toBe('统一社会信用代码应为18位');
  });

  it('answers 409 for a duplicate credit code within the operator', async () => {
    const res = await post('admin', body(1));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toContain('株洲长河电力机车科技有限公司');
  });

  it('rejects wrong types, missing fields, oversize strings and unknown fields', async () => {
    const res = await post('admin', { creditCode: creditCode(104), name: 'x'.repeat(101), size: 'huge', employeeCount: 'many', parkId: t.fx.parkA.id, hacker: true });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'industryCode', 'size', 'employeeCount', 'hacker']));
  });

  it('rejects a unit that is not in the building', async () => {
    const res = await post('admin', body(105, { buildingId: t.fx.bldB.id, parkId: t.fx.parkB.id, unitId: t.fx.unitA.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('unitId');
  });

  it('writes an audit entry with the request id', async () => {
    const res = await t.req('admin', { method: 'POST', url: '/api/v1/enterprises', payload: body(106), headers: { 'x-request-id': 'req-audit-106' } });
    const id = res.json().id;
    const log = (await t.req('admin', { method: 'GET', url: `/api/v1/audit-logs?entityId=${id}` })).json();
    expect(log.items[0]).toMatchObject({ action: 'enterprise.create', entityType: 'enterprise', requestId: 'req-audit-106', actorName: '管理员' });
    expect(log.items[0].after.creditCode).toBe(creditCode(106));
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await post('admin', { ...body(107), businessScope: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('PATCH /enterprises/:id', () => {
  const patch = (user: string | null, id: string, payload: object) => t.req(user, { method: 'PATCH', url: `/api/v1/enterprises/${id}`, payload });
  const current = async (id: string) => (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises/${id}` })).json();

  it('authorization matrix', async () => {
    const { version } = await current(t.fx.entA2.id);
    expect((await patch(null, t.fx.entA2.id, { version, phone: '0731-1' })).statusCode).toBe(401);
    expect((await patch('leader', t.fx.entA2.id, { version, employeeCount: 10 })).statusCode).toBe(403);
    expect((await patch('contact', t.fx.entA1.id, { version, employeeCount: 10 })).statusCode).toBe(403);
    expect((await patch('liaison2', t.fx.entA2.id, { version, employeeCount: 10 })).statusCode).toBe(403); // not in liaison2's grid
    expect((await patch('manager', t.fx.entB1.id, { version, employeeCount: 10 })).statusCode).toBe(403); // other park
    expect((await patch('otheradmin', t.fx.entA2.id, { version, employeeCount: 10 })).statusCode).toBe(404); // other tenant
    const ok = await patch('liaison1', t.fx.entA2.id, { version, employeeCount: 10 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ employeeCount: 10, version: version + 1 });
  });

  it('answers 409 to a stale version and keeps the first write', async () => {
    const { version } = await current(t.fx.entB1.id);
    expect((await patch('admin', t.fx.entB1.id, { version, legalRepresentative: '张三' })).statusCode).toBe(200);
    const stale = await patch('admin', t.fx.entB1.id, { version, legalRepresentative: '李四' });
    expect(stale.statusCode).toBe(409);
    expect((await current(t.fx.entB1.id)).legalRepresentative).toBe('张三');
  });

  it('lets only one of two concurrent writers with the same version win', async () => {
    const { version } = await current(t.fx.entA1.id);
    const results = await Promise.all([
      patch('admin', t.fx.entA1.id, { version, address: '甲' }),
      patch('admin', t.fx.entA1.id, { version, address: '乙' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('re-indexes the name for search after a rename', async () => {
    const { version } = await current(t.fx.entB1.id);
    await patch('admin', t.fx.entB1.id, { version, name: '株洲钨钴新材料有限公司' });
    const found = (await t.req('admin', { method: 'GET', url: `/api/v1/enterprises?q=${encodeURIComponent('钨钴')}` })).json();
    expect(found.items.map((e: { id: string }) => e.id)).toEqual([t.fx.entB1.id]);
  });

  it('requires version and validates fields', async () => {
    const res = await patch('admin', t.fx.entA2.id, { status: 'gone' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['version', 'status']));
  });
});
