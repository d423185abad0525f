import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';

const t = useTestApp();

function multipart(filename: string, data: Buffer) {
  const boundary = '----yqt-oversize-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('sheet bounds', () => {
  it('refuses a tiny .xlsx that declares a far-away cell before walking its grid (indicators and roster)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = '统一社会信用代码';
    ws.getCell('A1048576').value = 'x';
    const tall = Buffer.from(await wb.xlsx.writeBuffer());
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('Sheet1').getCell('XFD1').value = 'x';
    const wideBuf = Buffer.from(await wide.xlsx.writeBuffer());
    for (const url of ['/api/v1/indicators/import?dryRun=true', '/api/v1/enterprises/import?dryRun=true']) {
      const r1 = await t.req('admin', { method: 'POST', url, ...multipart('big.xlsx', tall) });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error.details[0]).toMatchObject({ path: 'file', code: 'file_too_many_rows' });
      const r2 = await t.req('admin', { method: 'POST', url, ...multipart('wide.xlsx', wideBuf) });
      expect(r2.json().error.details[0]).toMatchObject({ path: 'file', code: 'file_too_many_columns' });
    }
  }, 60_000);
});
