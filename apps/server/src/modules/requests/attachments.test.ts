import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();

function multipart(filename: string, data: Buffer) {
  const boundary = '----yqt-att';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const seg = (marker: number, payload: string) => {
  const p = Buffer.from(payload, 'latin1');
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(p.length + 2, 2);
  return Buffer.concat([h, p]);
};
const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xe1, 'Exif\0\0GPS 27.83N 113.15E'), Buffer.from([0xff, 0xda, 0, 2, 9, 9, 0xff, 0xd9])]);

async function newRequest() {
  const cats = (await t.req('admin', { method: 'GET', url: '/api/v1/request-categories' })).json().items;
  return (await t.req('contact', { method: 'POST', url: '/api/v1/requests', payload: { kind: 'repair', categoryId: cats[0].id, title: '漏水', description: '见照片' } })).json();
}
const upload = (user: string | null, id: string, name: string, data: Buffer, visibility = 'public') =>
  t.req(user, { method: 'POST', url: `/api/v1/requests/${id}/attachments?visibility=${visibility}`, ...multipart(name, data) });

describe('attachments', () => {
  it('the enterprise attaches a photo; it is stored without EXIF and served only through the request’s scope', async () => {
    const r = await newRequest();
    const res = await upload('contact', r.id, '现场.jpg', photo);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ filename: '现场.jpg', mime: 'image/jpeg', visibility: 'public' });
    const file = await t.req('liaison1', { method: 'GET', url: `/api/v1/requests/${r.id}/attachments/${a.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.toString('latin1')).not.toContain('GPS');
    expect((await t.req('liaison2', { method: 'GET', url: `/api/v1/requests/${r.id}/attachments/${a.id}` })).statusCode).toBe(404);
    expect((await t.req(null, { method: 'GET', url: `/api/v1/requests/${r.id}/attachments/${a.id}` })).statusCode).toBe(401);
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json().attachments).toHaveLength(1);
  });

  it('refuses disguised files, empty files, strangers and internal uploads by the enterprise', async () => {
    const r = await newRequest();
    const html = await upload('contact', r.id, 'photo.jpg', Buffer.from('<html><script>alert(1)</script>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details[0]).toMatchObject({ path: 'file', code: 'file_type' });
    expect((await upload('contact', r.id, 'a.jpg', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('liaison2', r.id, 'a.jpg', photo)).statusCode).toBe(404);
    expect((await upload('leader', r.id, 'a.jpg', photo)).statusCode).toBe(403);
    expect((await upload('contact', r.id, 'a.jpg', photo, 'internal')).statusCode).toBe(400);
    expect((await upload('contact', r.id, 'a.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0])]))).json().error.details[0].code).toBe('file_corrupt');
  });

  it('hides internal attachments from the enterprise and caps a request at 9 files', async () => {
    const r = await newRequest();
    const internal = (await upload('liaison1', r.id, '内部.pdf', Buffer.from('%PDF-1.7\n%%EOF'), 'internal')).json();
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/requests/${r.id}/attachments/${internal.id}` })).statusCode).toBe(404);
    expect((await t.req('contact', { method: 'GET', url: `/api/v1/requests/${r.id}` })).json().attachments).toHaveLength(0);
    const pdf = await t.req('liaison1', { method: 'GET', url: `/api/v1/requests/${r.id}/attachments/${internal.id}` });
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    for (let i = 0; i < 8; i++) expect((await upload('contact', r.id, `${i}.jpg`, photo)).statusCode).toBe(201);
    expect((await upload('contact', r.id, '10.jpg', photo)).statusCode).toBe(409);
  });
});
