import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { auditLogs } from '../../db/schema/index.js';
import { DOCX, sniffPolicyFile, XLSX } from './attachment-types.js';
import { createPolicy, fieldsOf, lifecycle } from './test-support.js';

const t = useTestApp();

function multipart(filename: string, data: Buffer) {
  const boundary = '----yqt-policy';
  return {
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
/** The start of a ZIP package holding the given entry names (enough for type sniffing). */
function zipWith(...names: string[]) {
  return Buffer.concat(
    names.map((n) => {
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(Buffer.byteLength(n), 26);
      return Buffer.concat([h, Buffer.from(n, 'latin1'), Buffer.from('<xml/>')]);
    }),
  );
}
const pdf = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const docx = zipWith('[Content_Types].xml', '_rels/.rels', 'word/document.xml');
const xlsx = zipWith('[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml');
const docm = zipWith('[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin');
const seg = (marker: number, payload: string) => {
  const p = Buffer.from(payload, 'latin1');
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(p.length + 2, 2);
  return Buffer.concat([h, p]);
};
const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xe1, 'Exif\0\0GPS 27.83N 113.15E'), Buffer.from([0xff, 0xda, 0, 2, 9, 9, 0xff, 0xd9])]);

const upload = (user: string | null, id: string, name: string, data: Buffer) => t.req(user, { method: 'POST', url: `/api/v1/policies/${id}/attachments`, ...multipart(name, data) });
const url = (id: string, aid = '') => `/api/v1/policies/${id}/attachments${aid ? `/${aid}` : ''}`;

describe('sniffPolicyFile', () => {
  it('tells documents from workbooks by their parts and refuses macros and plain ZIPs', () => {
    expect(sniffPolicyFile(docx)).toBe(DOCX);
    expect(sniffPolicyFile(xlsx)).toBe(XLSX);
    expect(sniffPolicyFile(pdf)).toBe('application/pdf');
    expect(sniffPolicyFile(docm)).toBeNull();
    expect(sniffPolicyFile(zipWith('readme.txt'))).toBeNull();
    expect(sniffPolicyFile(Buffer.from('word/document.xml [Content_Types].xml'))).toBeNull();
  });
});

describe('policy attachments', () => {
  it('a manager attaches files to a draft; the public sees them once the policy is published', async () => {
    const p = await createPolicy(t, { title: '附件政策' });
    const a = await upload('dept', p.id, '申报指南.pdf', pdf);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ filename: '申报指南.pdf', mime: 'application/pdf', size: pdf.length });
    const w = await upload('admin', p.id, '申报表.xlsx', xlsx);
    expect(w.json().mime).toBe(XLSX);
    expect((await upload('admin', p.id, '通知.docx', docx)).json().mime).toBe(DOCX);

    expect((await t.req(null, { method: 'GET', url: url(p.id) })).statusCode).toBe(404);
    expect((await t.req(null, { method: 'GET', url: url(p.id, a.json().id) })).statusCode).toBe(404);
    expect((await t.req('contact', { method: 'GET', url: url(p.id, a.json().id) })).statusCode).toBe(404);

    expect((await lifecycle(t, p, 'publish')).statusCode).toBe(200);
    const list = await t.req(null, { method: 'GET', url: url(p.id) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { filename: string }) => x.filename)).toEqual(['申报指南.pdf', '申报表.xlsx', '通知.docx']);
    const file = await t.req(null, { method: 'GET', url: url(p.id, a.json().id) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment;');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const detail = (await t.req(null, { method: 'GET', url: `/api/v1/policies/${p.id}` })).json();
    expect(detail.attachments).toHaveLength(3);
  });

  it('strips EXIF from images', async () => {
    const p = await createPolicy(t);
    const a = await upload('admin', p.id, '海报.jpg', photo);
    expect(a.json().mime).toBe('image/jpeg');
    const file = await t.req('admin', { method: 'GET', url: url(p.id, a.json().id) });
    expect(file.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
  });

  it.each([
    ['a text file named .pdf', 'fake.pdf', Buffer.from('hello')],
    ['a macro-enabled Word file', 'macro.docx', docm],
    ['an empty file', 'empty.pdf', Buffer.alloc(0)],
  ])('refuses %s with a 400 naming file', async (_what, name, data) => {
    const p = await createPolicy(t);
    const res = await upload('admin', p.id, name, data);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['file']);
  });

  it('deletes an attachment with an audit row', async () => {
    const p = await createPolicy(t);
    const a = (await upload('admin', p.id, 'a.pdf', pdf)).json();
    expect((await t.req('liaison1', { method: 'DELETE', url: url(p.id, a.id) })).statusCode).toBe(403);
    expect((await t.req('otheradmin', { method: 'DELETE', url: url(p.id, a.id) })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'DELETE', url: url(p.id, a.id) })).statusCode).toBe(200);
    expect((await t.req('admin', { method: 'GET', url: url(p.id, a.id) })).statusCode).toBe(404);
    expect((await t.req('admin', { method: 'DELETE', url: url(p.id, a.id) })).statusCode).toBe(404);
    const rows = await t.handle.db.select().from(auditLogs).where(and(eq(auditLogs.entityId, p.id)));
    expect(rows.map((r) => r.action)).toEqual(['policy.create', 'policy.attach', 'policy.detach']);
  });

  it.each([
    [null, 401],
    ['contact', 403],
    ['liaison1', 403],
    ['otheradmin', 404],
  ])('upload authorization: %s gets %i', async (user, status) => {
    const p = await createPolicy(t);
    expect((await upload(user, p.id, 'a.pdf', pdf)).statusCode).toBe(status);
  });
});
