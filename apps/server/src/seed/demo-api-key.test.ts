import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { DbHandle } from '../core/db.js';
import { apiKeys, contacts, operators, serviceRequests, users } from '../db/schema/index.js';
import { ensureRequestDefaults } from '../modules/requests/index.js';
import { DEMO_API_KEY, DEMO_API_KEY_NAME, ensureDemoApiKey } from './demo-api-key.js';
import { seedDemo } from './seed.js';

let handle: DbHandle;
let app: FastifyInstance;
let beforeSeeding: Awaited<ReturnType<typeof ensureDemoApiKey>> | undefined;

beforeAll(async () => {
  handle = await freshDb();
  beforeSeeding = await ensureDemoApiKey(handle.db);
  await seedDemo(handle.db);
  for (const op of await handle.db.select({ id: operators.id }).from(operators)) await ensureRequestDefaults(handle.db, op.id);
  app = await buildApp({ ...loadConfig({}), logLevel: 'silent' as const, webDist: null }, { db: handle.db });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('ensureDemoApiKey', () => {
  it('does nothing without the demo operator', () => {
    expect(beforeSeeding).toBeNull();
  });

  it("creates demo-open311-key once, for ent0001's enterprise, acting as open311-demo", async () => {
    const first = await ensureDemoApiKey(handle.db);
    const second = await ensureDemoApiKey(handle.db);
    expect(first).toMatchObject({ created: true });
    expect(second).toEqual({ created: false, enterpriseId: first!.enterpriseId });

    const keys = await handle.db.select().from(apiKeys);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ name: DEMO_API_KEY_NAME, channel: 'api', active: true, keyHash: createHash('sha256').update(DEMO_API_KEY).digest('hex') });

    const [contact] = await handle.db.select({ enterpriseId: contacts.enterpriseId }).from(contacts).innerJoin(users, eq(users.id, contacts.userId)).where(eq(users.username, 'ent0001'));
    expect(keys[0]!.enterpriseId).toBe(contact!.enterpriseId);
    const [user] = await handle.db.select().from(users).where(eq(users.id, keys[0]!.userId!));
    expect(user).toMatchObject({ username: 'open311-demo', roles: ['enterprise_contact'], disabled: false });

    // Nobody can log in as the service user.
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'open311-demo', password: 'demo1234' } });
    expect(login.statusCode).toBe(401);
  });

  it('files a request through Open311 with the demo key (single operator: no jurisdiction_id needed)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: DEMO_API_KEY, service_code: 'utilities.outage', address_string: '3号厂房配电房', description: '厂区突然停电，生产线停工。' }).toString(),
    });
    expect(res.statusCode).toBe(201);
    const [{ service_request_id: number }] = res.json();
    const [row] = await handle.db.select().from(serviceRequests).where(eq(serviceRequests.number, number));
    expect(row).toMatchObject({ channel: 'api', kind: 'consultation', enterpriseId: (await ensureDemoApiKey(handle.db))!.enterpriseId });
    const read = await app.inject({ method: 'GET', url: `/open311/v2/requests/${number}.xml` });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('<agency_responsible>湖南高科园创园区管理服务有限公司</agency_responsible>');
  });
});
