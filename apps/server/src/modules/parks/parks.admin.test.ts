import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();

describe('parks administration', () => {
  it('an admin adds a park, a building and a unit; enterprises can then be placed there', async () => {
    const park = await t.req('admin', { method: 'POST', url: '/api/v1/parks', payload: { code: 'PC', name: '高新区总部园', address: '株洲市天元区' } });
    expect(park.statusCode).toBe(201);
    expect(park.json()).toMatchObject({ name: '高新区总部园', enterpriseCount: 0 });
    const b = await t.req('admin', { method: 'POST', url: `/api/v1/parks/${park.json().id}/buildings`, payload: { name: '1号楼', kind: 'office' } });
    expect(b.statusCode).toBe(201);
    const u = await t.req('admin', { method: 'POST', url: `/api/v1/buildings/${b.json().id}/units`, payload: { name: '301', floor: 3 } });
    expect(u.statusCode).toBe(201);
    const detail = (await t.req('leader', { method: 'GET', url: `/api/v1/parks/${park.json().id}` })).json();
    expect(detail.buildings[0]).toMatchObject({ name: '1号楼', units: [expect.objectContaining({ name: '301', floor: 3 })] });
    const renamed = await t.req('admin', { method: 'PATCH', url: `/api/v1/parks/${park.json().id}`, payload: { description: '总部经济' } });
    expect(renamed.json()).toMatchObject({ description: '总部经济', buildingCount: 1 });
  });

  it('duplicate codes, names and buildings are 409 naming the field; others get 401/403/404', async () => {
    const dupCode = await t.req('admin', { method: 'POST', url: '/api/v1/parks', payload: { code: 'PA', name: '新园' } });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.details[0].path).toBe('code');
    expect((await t.req('admin', { method: 'POST', url: '/api/v1/parks', payload: { code: 'PZ', name: '天易科技城' } })).json().error.details[0].path).toBe('name');
    expect((await t.req('admin', { method: 'POST', url: `/api/v1/parks/${t.fx.parkA.id}/buildings`, payload: { name: 'A1栋' } })).statusCode).toBe(409);
    expect((await t.req(null, { method: 'POST', url: '/api/v1/parks', payload: { code: 'PY', name: 'x' } })).statusCode).toBe(401);
    expect((await t.req('manager', { method: 'POST', url: '/api/v1/parks', payload: { code: 'PY', name: 'x' } })).statusCode).toBe(403);
    expect((await t.req('otheradmin', { method: 'PATCH', url: `/api/v1/parks/${t.fx.parkA.id}`, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await t.req('otheradmin', { method: 'POST', url: `/api/v1/buildings/${t.fx.bldA.id}/units`, payload: { name: '1' } })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'POST', url: '/api/v1/parks', payload: { code: 'bad code!', name: '' } })).statusCode).toBe(400);
  });
});
