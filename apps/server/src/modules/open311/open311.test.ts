import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { creditCode } from '../../../test/fixture.js';
import { apiKeys, auditLogs, requestAttachments, serviceRequests } from '../../db/schema/index.js';

// 2026-11-25 (Wednesday) 09:00 in Shanghai.
let now = new Date('2026-11-25T01:00:00Z');
const t = useTestApp({ clock: () => now });

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: FORM, payload: form(fields) });
const issue = async (user: string | null, body: Record<string, unknown>) => t.req(user, { method: 'POST', url: '/api/v1/api-keys', payload: body });

const J = 'jurisdiction_id=op1';
let entKey: string;
let channelKey: string;
let otherKey: string;

beforeAll(async () => {
  entKey = (await issue('admin', { name: '企业自建系统', enterpriseId: t.fx.entA1.id })).json().key;
  channelKey = (await issue('admin', { name: '12345 热线', channel: 'api' })).json().key;
  otherKey = (await issue('otheradmin', { name: '别家集成方', enterpriseId: t.fx.entX.id })).json().key;
});

/** The spec's example request, adapted to a park. */
const example = (extra: Record<string, string> = {}) => ({
  api_key: entKey,
  jurisdiction_id: 'op1',
  service_code: 'property.drainage',
  lat: '27.8245',
  long: '113.0912',
  address_string: 'A1栋北侧雨水井',
  email: 'smit333@example.com',
  device_id: 'tt222111',
  account_id: '',
  first_name: '双青',
  last_name: '吴',
  phone: '13800000000',
  description: '厂区北侧下水道堵塞，雨天积水严重。',
  media_url: 'https://example.com/photos/2212426634.jpg',
  'attribute[kind]': 'repair',
  ...extra,
});

describe('discovery', () => {
  it('lists the GeoReport v2 endpoint with both formats (JSON and XML)', async () => {
    const res = await get('/open311/discovery.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const d = res.json();
    expect(d).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
    ]);
    const xml = await get('/open311/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/);
    expect(xml.body).toContain('<formats>\n        <format>text/xml</format>\n        <format>application/json</format>\n      </formats>');
  });
});

describe('GET services', () => {
  it('lists the categories as services (JSON)', async () => {
    const res = await get(`/open311/v2/services.json?${J}`);
    expect(res.statusCode).toBe(200);
    const services = res.json();
    expect(services).toContainEqual({
      service_code: 'utilities.outage',
      service_name: '停水停电',
      description: '园区企业诉求：水电气 / 停水停电',
      metadata: true,
      type: 'realtime',
      keywords: '水电气, 停水停电, utilities, outage',
      group: '水电气',
    });
    expect(services.find((s: { service_code: string }) => s.service_code === 'policy')).toMatchObject({ group: '政策咨询', metadata: true });
  });

  it('lists the same services as XML', async () => {
    const res = await get(`/open311/v2/services.xml?${J}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services>\n {2}<service>\n {4}<service_code>utilities<\/service_code>/);
    expect(res.body).toContain('<service_code>property.drainage</service_code>');
    expect(res.body).toContain('<metadata>true</metadata>');
    expect(res.body).toContain('<type>realtime</type>');
  });

  it('needs jurisdiction_id when the installation serves several operators (400), and knows only real ones (404)', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }]);
    const unknown = await get('/open311/v2/services.xml?jurisdiction_id=nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toMatch(/<errors>\n {2}<error>\n {4}<code>404<\/code>\n {4}<description>jurisdiction_id 不存在：nowhere<\/description>/);
  });

  it('takes the jurisdiction from a key, and refuses a wrong key even on reads', async () => {
    expect((await get(`/open311/v2/services.json?api_key=${entKey}`)).statusCode).toBe(200);
    expect((await get('/open311/v2/services.json?api_key=nonsense')).statusCode).toBe(403);
    expect((await get(`/open311/v2/services.json?jurisdiction_id=op1&api_key=${otherKey}`)).statusCode).toBe(403);
  });
});

describe('GET service definition', () => {
  it('describes the attributes of a service (JSON)', async () => {
    const res = await get(`/open311/v2/services/property.drainage.json?${J}`);
    expect(res.statusCode).toBe(200);
    const def = res.json();
    expect(def.service_code).toBe('property.drainage');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['kind', 'title', 'priority']);
    expect(def.attributes[0]).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false, order: 1, datatype_description: '不填则为“报修”' });
    expect(def.attributes[0].values).toContainEqual({ key: 'complaint', name: '投诉' });
    expect(def.attributes[1]).toMatchObject({ code: 'title', datatype: 'string', required: false });
  });

  it('describes them as XML with service_definition as root', async () => {
    const res = await get(`/open311/v2/services/policy.xml?${J}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<service_definition>\n  <service_code>policy</service_code>\n  <attributes>\n    <attribute>\n      <variable>true</variable>\n      <code>kind</code>');
    expect(res.body).toContain('<value>\n          <key>repair</key>\n          <name>报修</name>\n        </value>');
    expect(res.body).toContain('<datatype_description>不填则为“咨询”</datatype_description>');
  });

  it('answers 404 in the spec error format for an unknown service_code, and for a path without a format', async () => {
    const res = await get(`/open311/v2/services/potholes.json?${J}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: 'service_code 不存在：potholes' }]);
    const xml = await get(`/open311/v2/services/potholes.xml?${J}`);
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toContain('<errors>');
    expect((await get('/open311/v2/services/policy')).statusCode).toBe(404);
    expect((await get('/open311/v2/nothing.json')).json()[0].code).toBe(404);
  });
});

describe('POST requests', () => {
  let number: string;

  it('files the spec example with an enterprise key: 201, the id, a service notice and the account', async () => {
    const res = await post('/open311/v2/requests.json', example());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual([{ service_request_id: expect.stringMatching(/^SQ20261125\d{5}$/), service_notice: expect.stringContaining('前办结'), account_id: creditCode(1) }]);
    expect(body[0].service_notice).toContain('2026-11-27 09:00');
    number = body[0].service_request_id;

    // The request is the enterprise's, with the same SLA as any other intake, channel 'api'.
    const [row] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, number));
    expect(row).toMatchObject({
      enterpriseId: t.fx.entA1.id,
      channel: 'api',
      kind: 'repair',
      status: 'submitted',
      submitterName: '吴双青',
      submitterPhone: '13800000000',
      locationNote: 'A1栋北侧雨水井',
      title: '厂区北侧下水道堵塞，雨天积水严重。',
    });
    expect(row!.lat).toBeCloseTo(27.8245);
    expect(row!.description).toContain('媒体链接：https://example.com/photos/2212426634.jpg');
    const detail = (await t.req('admin', { method: 'GET', url: `/api/v1/requests/${row!.id}` })).json();
    expect(detail).toMatchObject({ resolveBy: '2026-11-27T09:00:00+08:00', timeline: [{ action: 'submit', actorName: '企业自建系统' }] });
  });

  it('answers as XML on requests.xml', async () => {
    const res = await post('/open311/v2/requests.xml', example({ 'attribute[title]': '雨水井堵塞' }));
    expect(res.statusCode).toBe(201);
    expect(res.body).toMatch(/<service_requests>\n {2}<request>\n {4}<service_request_id>SQ\d{13}<\/service_request_id>\n {4}<service_notice>.+<\/service_notice>\n {4}<account_id>/);
  });

  it('GET by id shows the public view only: open, deadlines with +08:00, address; no submitter, phone or media', async () => {
    const res = await get(`/open311/v2/requests/${number}.json?${J}`);
    expect(res.statusCode).toBe(200);
    const [r] = res.json();
    expect(r).toEqual({
      service_request_id: number,
      status: 'open',
      status_notes: null,
      service_name: '排水管网',
      service_code: 'property.drainage',
      description: expect.stringContaining('下水道堵塞'),
      agency_responsible: '测试运营方',
      requested_datetime: '2026-11-25T09:00:00+08:00',
      updated_datetime: '2026-11-25T09:00:00+08:00',
      expected_datetime: '2026-11-27T09:00:00+08:00',
      address: 'A1栋北侧雨水井，动力谷自主创新园',
      address_id: null,
      zipcode: null,
      lat: expect.closeTo(27.8245, 4),
      long: expect.closeTo(113.0912, 4),
    });
    expect(res.body).not.toContain('13800000000');
    expect(res.body).not.toContain('吴双青');
    expect(res.body).not.toContain('株洲长河');

    const xml = await get(`/open311/v2/requests/${number}.xml?${J}`);
    expect(xml.body).toContain(`<service_requests>\n  <request>\n    <service_request_id>${number}</service_request_id>\n    <status>open</status>\n    <status_notes/>`);
    expect(xml.body).toContain('<agency_responsible>测试运营方</agency_responsible>');
  });

  it('answers 404 for an unknown service_request_id, and for one of another jurisdiction', async () => {
    const res = await get(`/open311/v2/requests/SQ2026112599999.json?${J}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: 'service_request_id 不存在：SQ2026112599999' }]);
    expect((await get(`/open311/v2/requests/${number}.json?jurisdiction_id=op2`)).statusCode).toBe(404);
  });

  it('refuses a missing api_key with 403 in the spec error format (JSON and XML)', async () => {
    const { api_key: _k, ...noKey } = example();
    const res = await post('/open311/v2/requests.json', noKey);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: '缺少 api_key：提交诉求需要 API 密钥' }]);
    const xml = await post('/open311/v2/requests.xml', noKey);
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code>\n    <description>缺少 api_key：提交诉求需要 API 密钥</description>\n  </error>\n</errors>\n');
  });

  it('refuses an unknown key (403) and a key of another jurisdiction (403)', async () => {
    expect((await post('/open311/v2/requests.json', example({ api_key: 'yqt_guessed' }))).statusCode).toBe(403);
    expect((await post('/open311/v2/requests.json', example({ api_key: otherKey }))).statusCode).toBe(403);
  });

  it('answers 404 for an unknown service_code and 400 when it is missing', async () => {
    const res = await post('/open311/v2/requests.json', example({ service_code: 'potholes' }));
    expect(res.statusCode).toBe(404);
    expect(res.json()[0].description).toBe('service_code 不存在：potholes');
    expect((await post('/open311/v2/requests.json', example({ service_code: '' }))).statusCode).toBe(400);
  });

  it('requires a full location and valid attributes (400)', async () => {
    const noPlace = await post('/open311/v2/requests.json', example({ lat: '', long: '', address_string: '' }));
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()[0].description).toContain('address_string');
    expect((await post('/open311/v2/requests.json', example({ long: '' }))).statusCode).toBe(400);
    expect((await post('/open311/v2/requests.json', example({ lat: '123' }))).statusCode).toBe(400);
    expect((await post('/open311/v2/requests.json', example({ 'attribute[kind]': 'pothole' }))).json()[0].description).toContain('attribute[kind]');
    expect((await post('/open311/v2/requests.json', example({ 'attribute[colour]': 'red' }))).statusCode).toBe(400);
    expect((await post('/open311/v2/requests.json', example({ description: 'x'.repeat(4001) }))).statusCode).toBe(400);
    // An address_id is a building of the enterprise's park.
    expect((await post('/open311/v2/requests.json', example({ address_id: t.fx.bldB.id }))).json()[0].description).toContain('address_id');
    const ok = await post('/open311/v2/requests.json', example({ lat: '', long: '', address_string: '', address_id: t.fx.bldA.id }));
    expect(ok.statusCode).toBe(201);
  });

  it('an enterprise key files only for its enterprise: a different account_id is refused', async () => {
    const res = await post('/open311/v2/requests.json', example({ account_id: creditCode(3) }));
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].description).toContain('account_id');
    expect((await post('/open311/v2/requests.json', example({ account_id: creditCode(1).toLowerCase() }))).statusCode).toBe(201);
  });

  it('a channel key files for the enterprise named by account_id (its credit code), validated', async () => {
    const ch = (account_id: string) => post('/open311/v2/requests.json', example({ api_key: channelKey, account_id }));
    expect((await ch('')).statusCode).toBe(400);
    expect((await ch('91430211000000001X')).json()[0].description).toContain('统一社会信用代码');
    expect((await ch(creditCode(99))).statusCode).toBe(400); // valid but not in the registry
    expect((await ch(creditCode(4))).statusCode).toBe(400); // another operator's enterprise
    const res = await ch(creditCode(3));
    expect(res.statusCode).toBe(201);
    expect(res.json()[0].account_id).toBe(creditCode(3));
    const [row] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, res.json()[0].service_request_id));
    expect(row).toMatchObject({ enterpriseId: t.fx.entB1.id, channel: 'api' });
  });

  it('refuses a deactivated key with 403', async () => {
    const issued = (await issue('admin', { name: '临时对接', enterpriseId: t.fx.entA2.id })).json();
    expect((await post('/open311/v2/requests.json', example({ api_key: issued.key, first_name: '', last_name: '' }))).statusCode).toBe(201);
    expect((await t.req('admin', { method: 'DELETE', url: `/api/v1/api-keys/${issued.id}` })).statusCode).toBe(204);
    const res = await post('/open311/v2/requests.json', example({ api_key: issued.key }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: 'api_key 无效或已停用' }]);
  });
});

describe('GET requests (filters)', () => {
  let closed: string;
  let worked: string;

  beforeAll(async () => {
    // One request rejected (closed with a public note), one accepted with an internal and a public reply.
    const mk = async (code: string) => (await post('/open311/v2/requests.json', example({ service_code: code }))).json()[0].service_request_id as string;
    closed = await mk('policy');
    worked = await mk('canteen');
    const idOf = async (n: string) => (await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, n)))[0]!.id;
    const act = (id: string, action: string, body: Record<string, unknown>) => t.req('admin', { method: 'POST', url: `/api/v1/requests/${id}/actions/${action}`, payload: body });
    const c = await idOf(closed);
    now = new Date('2026-11-25T02:00:00Z');
    expect((await act(c, 'reject', { version: 1, note: '不属于园区服务范围，请联系市场监管部门。' })).statusCode).toBe(200);
    const w = await idOf(worked);
    expect((await act(w, 'accept', { version: 1 })).statusCode).toBe(200);
    expect((await act(w, 'feedback', { version: 2, note: '已联系食堂承包方，本周内整改。' })).statusCode).toBe(200);
    expect((await act(w, 'feedback', { version: 3, note: '内部：承包方合同下月到期', visibility: 'internal' })).statusCode).toBe(200);
    now = new Date('2026-11-25T03:00:00Z');
  });

  it('defaults to the last 90 days, newest first, every status', async () => {
    const all = (await get(`/open311/v2/requests.json?${J}`)).json();
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.map((r: { service_request_id: string }) => r.service_request_id)).toContain(closed);
    const times = all.map((r: { requested_datetime: string }) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by status: closed ones carry the closing time and the staff note', async () => {
    const done = (await get(`/open311/v2/requests.json?${J}&status=closed`)).json();
    expect(done).toEqual([
      expect.objectContaining({ service_request_id: closed, status: 'closed', status_notes: '不属于园区服务范围，请联系市场监管部门。', updated_datetime: '2026-11-25T10:00:00+08:00' }),
    ]);
    const open = (await get(`/open311/v2/requests.json?${J}&status=open`)).json();
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(closed);
    expect((await get(`/open311/v2/requests.json?${J}&status=open,closed`)).json().length).toBe(open.length + 1);
    expect((await get(`/open311/v2/requests.json?${J}&status=pending`)).statusCode).toBe(400);
  });

  it('shows the last public staff note, never an internal one', async () => {
    const res = await get(`/open311/v2/requests/${worked}.json?${J}`);
    expect(res.json()[0]).toMatchObject({ status: 'open', status_notes: '已联系食堂承包方，本周内整改。' });
    expect((await get(`/open311/v2/requests.json?${J}`)).body).not.toContain('内部');
  });

  it('filters by service_code (repeatable, comma-delimited) and by a list of ids overriding the rest', async () => {
    const canteen = (await get(`/open311/v2/requests.json?${J}&service_code=canteen`)).json();
    expect(canteen.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([worked]);
    const two = (await get(`/open311/v2/requests.json?${J}&service_code=canteen,policy`)).json();
    expect(two).toHaveLength(2);
    expect((await get(`/open311/v2/requests.json?${J}&service_code=canteen&service_code=policy`)).json()).toHaveLength(2);
    const byId = (await get(`/open311/v2/requests.json?${J}&service_request_id=${closed},${worked}&service_code=nothing&status=open`)).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([closed, worked].sort());
  });

  it('filters by start_date/end_date (W3C, ≤ 90 days); bad dates and longer spans are 400s', async () => {
    const q = (s: string) => get(`/open311/v2/requests.json?${J}&${s}`);
    expect((await q('start_date=2026-11-25T00:00:00%2B08:00&end_date=2026-11-26T00:00:00%2B08:00')).json().length).toBeGreaterThanOrEqual(8);
    expect((await q('start_date=2026-11-01T00:00:00Z&end_date=2026-11-24T00:00:00Z')).json()).toEqual([]);
    expect((await q('end_date=2026-11-24T00:00:00Z')).json()).toEqual([]);
    expect((await q('start_date=2026-11-25')).json().length).toBeGreaterThanOrEqual(8);
    expect((await q('start_date=2026-01-01T00:00:00Z&end_date=2026-11-25T00:00:00Z')).statusCode).toBe(400);
    expect((await q('start_date=yesterday')).statusCode).toBe(400);
    expect((await q('start_date=2026-11-26T00:00:00Z&end_date=2026-11-25T00:00:00Z')).statusCode).toBe(400);
  });

  it('gives a media_url only when the request has a public attachment', async () => {
    const id = (await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, worked)))[0]!.id;
    const [att] = await t.handle.db
      .insert(requestAttachments)
      .values({ operatorId: t.fx.op.id, requestId: id, filename: 'a.jpg', mime: 'image/jpeg', size: 3, sha256: 'x', data: Buffer.from('abc') })
      .returning();
    const [r] = (await get(`/open311/v2/requests/${worked}.json?${J}`)).json();
    expect(r.media_url).toBe(`http://localhost:80/api/v1/requests/${id}/attachments/${att!.id}`);
    expect((await get(`/open311/v2/requests/${closed}.json?${J}`)).json()[0]).not.toHaveProperty('media_url');
  });

  it('serves XML with service_requests / request elements', async () => {
    const res = await get(`/open311/v2/requests.xml?${J}&status=closed`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<service_requests>\n  <request>\n    <service_request_id>${closed}</service_request_id>\n    <status>closed</status>`);
    expect(res.body.match(/<request>/g)).toHaveLength(1);
  });
});

describe('API key administration', () => {
  it('anonymous 401, park manager 403, enterprise contact 403', async () => {
    expect((await t.req(null, { method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(401);
    expect((await issue(null, { name: 'x', channel: 'api' })).statusCode).toBe(401);
    expect((await issue('manager', { name: 'x', channel: 'api' })).statusCode).toBe(403);
    expect((await t.req('manager', { method: 'GET', url: '/api/v1/api-keys' })).statusCode).toBe(403);
    expect((await issue('contact', { name: 'x', channel: 'api' })).statusCode).toBe(403);
  });

  it('admin issues a key (201): the plaintext once, only its SHA-256 stored, audited without it', async () => {
    const res = await issue('admin', { name: '园区小程序', channel: 'mobile' });
    expect(res.statusCode).toBe(201);
    const k = res.json();
    expect(k).toMatchObject({ name: '园区小程序', channel: 'mobile', enterpriseId: null, active: true, lastUsedAt: null, username: expect.stringMatching(/^api-/) });
    expect(k.key).toMatch(/^yqt_[\w-]{43}$/);
    expect(k.prefix).toBe(k.key.slice(0, 12));

    const [row] = await t.handle.db.select().from(apiKeys).where(eq(apiKeys.id, k.id));
    expect(row!.keyHash).toBe(createHash('sha256').update(k.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(k.key);

    const list = await t.req('admin', { method: 'GET', url: '/api/v1/api-keys' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(k.key);
    expect(list.json().items.find((x: { id: string }) => x.id === k.id)).toMatchObject({ prefix: k.prefix, active: true });
    expect(list.json().items.some((x: { name: string }) => x.name === '别家集成方')).toBe(false);

    const [entry] = await t.handle.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'apikey.create'), eq(auditLogs.entityId, k.id)));
    expect(entry).toBeDefined();
    const recorded = JSON.stringify([entry!.before, entry!.after]);
    expect(recorded).toContain(k.prefix);
    expect(recorded).not.toContain(k.key);
    expect(recorded).not.toContain(row!.keyHash);

    // A mobile-channel key files with channel 'mobile'.
    const filed = await post('/open311/v2/requests.json', example({ api_key: k.key, account_id: creditCode(2) }));
    expect(filed.statusCode).toBe(201);
    const [r] = await t.handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, filed.json()[0].service_request_id));
    expect(r).toMatchObject({ channel: 'mobile', enterpriseId: t.fx.entA2.id });
  });

  it('needs exactly one of enterpriseId and channel; enterprises of another operator are 404', async () => {
    expect((await issue('admin', { name: 'x' })).statusCode).toBe(400);
    expect((await issue('admin', { name: 'x', channel: 'api', enterpriseId: t.fx.entA1.id })).statusCode).toBe(400);
    expect((await issue('admin', { name: 'x', enterpriseId: t.fx.entX.id })).statusCode).toBe(404);
  });

  it('deactivates a key (204, audited); another operator’s admin gets 404; the key stops working', async () => {
    const k = (await issue('admin', { name: '待停用', channel: 'api' })).json();
    expect((await t.req('otheradmin', { method: 'DELETE', url: `/api/v1/api-keys/${k.id}` })).statusCode).toBe(404);
    expect((await t.req('manager', { method: 'DELETE', url: `/api/v1/api-keys/${k.id}` })).statusCode).toBe(403);
    expect((await t.req('admin', { method: 'DELETE', url: `/api/v1/api-keys/${k.id}` })).statusCode).toBe(204);
    expect((await t.req('admin', { method: 'DELETE', url: `/api/v1/api-keys/${k.id}` })).statusCode).toBe(204);
    const [row] = await t.handle.db.select().from(apiKeys).where(eq(apiKeys.id, k.id));
    expect(row!.active).toBe(false);
    const audits = await t.handle.db.select().from(auditLogs).where(and(eq(auditLogs.action, 'apikey.deactivate'), eq(auditLogs.entityId, k.id)));
    expect(audits).toHaveLength(1);
    expect((await post('/open311/v2/requests.json', example({ api_key: k.key, account_id: creditCode(1) }))).statusCode).toBe(403);
  });
});
