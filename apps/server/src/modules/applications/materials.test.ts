import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { addContactUser, addOtherDeptHandler, FORM, insertPolicy, multipart, pdf, photo } from './test-support.js';

const t = useTestApp({ clock: () => new Date('2026-11-25T09:00:00+08:00') });

type A = { id: string; version: number; status: string; canUpload: boolean; timeline: { action: string; note: string | null }[]; materials: { id: string; item: string; canDelete: boolean; uploadedByName: string }[]; missingMaterials: string[] };
const upload = (user: string | null, id: string, item: string | null, filename: string, data: Buffer, query = '') =>
  t.req(user, { method: 'POST', url: `/api/v1/applications/${id}/materials${query}`, ...multipart(item, filename, data) });
const download = (user: string | null, id: string, mid: string) => t.req(user, { method: 'GET', url: `/api/v1/applications/${id}/materials/${mid}` });
const remove = (user: string | null, id: string, mid: string) => t.req(user, { method: 'DELETE', url: `/api/v1/applications/${id}/materials/${mid}` });
const get = async (user: string, id: string): Promise<A> => (await t.req(user, { method: 'GET', url: `/api/v1/applications/${id}` })).json();
const path = (res: { json(): { error: { details: { path: string }[] } } }) => res.json().error.details[0]!.path;

async function submit(user = 'contact'): Promise<A> {
  const p = await insertPolicy(t.handle.db, t.fx);
  const res = await t.req(user, { method: 'POST', url: '/api/v1/applications', payload: { policyId: p.id, form: FORM, declarationAccepted: true } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

beforeAll(async () => {
  await addContactUser(t.handle.db, t.fx, t.fx.entA2.id, 'contacta2');
  await addOtherDeptHandler(t.handle.db, t.fx, 'dept2');
});

describe('application materials', () => {
  it('the enterprise uploads per checklist item; images lose their metadata; the file is served only within scope', async () => {
    const a = await submit();
    const res = await upload('contact', a.id, '营业执照', '营业执照.jpg', photo);
    expect(res.statusCode).toBe(201);
    const d: A = res.json();
    expect(d.materials).toEqual([expect.objectContaining({ item: '营业执照', filename: '营业执照.jpg', mime: 'image/jpeg', uploadedByName: '企业联系人', canDelete: true })]);
    expect(d.missingMaterials).toEqual(['研发费用专项审计报告']);
    const mid = d.materials[0]!.id;
    const file = await download('liaison1', a.id, mid);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.toString('latin1')).not.toContain('GPS');
    for (const user of ['contact', 'manager', 'dept', 'leader', 'admin', 'liaison2']) expect((await download(user, a.id, mid)).statusCode).toBe(200);
    for (const user of ['contacta2', 'dept2', 'liaison3', 'otheradmin']) expect((await download(user, a.id, mid)).statusCode).toBe(404);
    expect((await download(null, a.id, mid)).statusCode).toBe(401);
    // The item may also come as a query parameter; PDFs are downloads, never inline.
    const viaQuery = await upload('contact', a.id, null, 'audit.pdf', pdf, `?item=${encodeURIComponent('研发费用专项审计报告')}`);
    expect(viaQuery.statusCode).toBe(201);
    const pdfId = (viaQuery.json() as A).materials.find((m) => m.item === '研发费用专项审计报告')!.id;
    const pdfRes = await download('contact', a.id, pdfId);
    expect(pdfRes.headers['content-disposition']).toMatch(/^attachment;/);
    expect(pdfRes.rawPayload.equals(pdf)).toBe(true);
    // A material id of another application is not found through this one.
    const other = await submit();
    expect((await download('contact', other.id, mid)).statusCode).toBe(404);
    expect((await get('contact', a.id)).timeline.filter((e) => e.action === 'upload')).toHaveLength(2);
  });

  it('refuses items off the checklist, missing items, disguised and empty files, naming the field', async () => {
    const a = await submit();
    expect(path(await upload('contact', a.id, '身份证', 'x.pdf', pdf))).toBe('item');
    expect(path(await upload('contact', a.id, null, 'x.pdf', pdf))).toBe('item');
    const fake = await upload('contact', a.id, '营业执照', 'x.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect([fake.statusCode, path(fake), fake.json().error.details[0].code]).toEqual([400, 'file', 'file_type']);
    expect(path(await upload('contact', a.id, '营业执照', 'x.pdf', Buffer.alloc(0)))).toBe('file');
    const notMultipart = await t.req('contact', { method: 'POST', url: `/api/v1/applications/${a.id}/materials`, payload: { item: '营业执照' } });
    expect([notMultipart.statusCode, path(notMultipart)]).toEqual([400, 'file']);
  });

  it('uploads by the enterprise and whoever pre-checks it; others 403 in scope, 404 outside', async () => {
    const a = await submit();
    for (const user of ['contact', 'liaison1', 'manager', 'admin']) expect((await upload(user, a.id, '其他证明材料', `${user}.pdf`, pdf)).statusCode).toBe(201);
    expect((await upload('dept', a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(403);
    expect((await upload('leader', a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(403);
    expect((await upload('contacta2', a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(404);
    expect((await upload('liaison3', a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(404);
    expect((await upload('otheradmin', a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(404);
    expect((await upload(null, a.id, '其他证明材料', 'd.pdf', pdf)).statusCode).toBe(401);
  });

  it('removes only one’s own uploads, only while editable; after pre-check nothing changes (409)', async () => {
    const a = await submit();
    await upload('liaison1', a.id, '营业执照', '扫描件.pdf', pdf);
    await upload('contact', a.id, '研发费用专项审计报告', '审计.pdf', pdf);
    let d = await upload('contact', a.id, '其他证明材料', '错传.pdf', pdf).then((r) => r.json() as A);
    const byOfficer = d.materials.find((m) => m.item === '营业执照')!;
    const mistaken = d.materials.find((m) => m.item === '其他证明材料')!;
    expect([byOfficer.canDelete, mistaken.canDelete]).toEqual([false, true]);
    expect((await remove('contact', a.id, byOfficer.id)).statusCode).toBe(403);
    expect((await remove('contacta2', a.id, mistaken.id)).statusCode).toBe(404);
    const res = await remove('contact', a.id, mistaken.id);
    expect(res.statusCode).toBe(200);
    d = res.json();
    expect(d.materials.map((m) => m.item).sort()).toEqual(['研发费用专项审计报告', '营业执照']);
    expect((await remove('contact', a.id, mistaken.id)).statusCode).toBe(404);
    expect((await get('contact', a.id)).timeline.at(-1)).toMatchObject({ action: 'removeMaterial', note: '其他证明材料：错传.pdf' });

    const checked = await t.req('liaison1', { method: 'POST', url: `/api/v1/applications/${a.id}/actions/precheck`, payload: { version: d.version } });
    expect(checked.statusCode).toBe(200);
    const audit = d.materials.find((m) => m.item === '研发费用专项审计报告')!;
    expect((await upload('contact', a.id, '其他证明材料', 'late.pdf', pdf)).statusCode).toBe(409);
    expect((await remove('contact', a.id, audit.id)).statusCode).toBe(409);
    expect((await get('contact', a.id)).canUpload).toBe(false);
    // Still 403 (not 409) for someone who may never upload.
    expect((await upload('dept', a.id, '其他证明材料', 'late.pdf', pdf)).statusCode).toBe(403);
  });
});
