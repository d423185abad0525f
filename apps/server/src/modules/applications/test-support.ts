/** Helpers for this module's tests (not a test file itself): policies inserted directly, extra logins. */
import { departments, contacts, policies, staff, users } from '../../db/schema/index.js';
import type { Db } from '../../core/db.js';
import { hashPassword } from '../../core/passwords.js';
import { PASSWORD, type Fixture } from '../../../test/fixture.js';

export const CHECKLIST = [
  { name: '营业执照', required: true },
  { name: '研发费用专项审计报告', required: true },
  { name: '其他证明材料', required: false },
];

let n = 0;
/** A published zone subsidy reviewed by the fixture's 企业服务部, window Nov–Dec 2026, max 50万元. */
export async function insertPolicy(db: Db, fx: Fixture, over: Partial<typeof policies.$inferInsert> = {}) {
  n++;
  const [p] = await db
    .insert(policies)
    .values({
      operatorId: fx.op.id,
      key: `test-policy-${n}-${Math.random().toString(36).slice(2, 8)}`,
      title: `研发投入补助${n}`,
      issuer: '株洲高新区管委会',
      level: 'zone',
      benefitType: 'subsidy',
      maxAmountWan: 50,
      applyFrom: '2026-11-01',
      applyUntil: '2026-12-31',
      interpretation: {},
      departmentId: fx.dept.id,
      materials: CHECKLIST,
      status: 'published',
      ...over,
    })
    .returning();
  return p!;
}

/** A login for an enterprise contact of `enterpriseId`. */
export async function addContactUser(db: Db, fx: Fixture, enterpriseId: string, username: string) {
  const [u] = await db
    .insert(users)
    .values({ operatorId: fx.op.id, username, displayName: `${username}联系人`, passwordHash: await hashPassword(PASSWORD), roles: ['enterprise_contact'] })
    .returning();
  await db.insert(contacts).values({ operatorId: fx.op.id, enterpriseId, name: `${username}联系人`, phone: '13900000000', userId: u!.id });
  return u!;
}

/** A handler of a second department (not the one reviewing the test policies). */
export async function addOtherDeptHandler(db: Db, fx: Fixture, username: string) {
  const [d] = await db.insert(departments).values({ operatorId: fx.op.id, name: '财务部' }).returning();
  const [u] = await db
    .insert(users)
    .values({ operatorId: fx.op.id, username, displayName: '财务部经办人', passwordHash: await hashPassword(PASSWORD), roles: ['dept_handler'] })
    .returning();
  await db.insert(staff).values({ operatorId: fx.op.id, userId: u!.id, name: '财务部经办人', departmentId: d!.id });
  return { user: u!, department: d! };
}

export const FORM = { contactName: '吴双青', contactPhone: '13800000000', operatingRevenue: 3200, rdExpense: 260, statement: '申请2025年度研发投入补助' };

/** A tiny valid PDF and a JPEG carrying EXIF with a position (to prove it is stripped). */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const seg = (marker: number, payload: string) => {
  const p = Buffer.from(payload, 'latin1');
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(p.length + 2, 2);
  return Buffer.concat([h, p]);
};
export const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xe1, 'Exif\0\0GPS 27.83N 113.15E'), Buffer.from([0xff, 0xda, 0, 2, 9, 9, 0xff, 0xd9])]);

/** multipart/form-data with the `item` field first, then the file. */
export function multipart(item: string | null, filename: string, data: Buffer) {
  const b = '----yqt-sb';
  const parts: Buffer[] = [];
  if (item !== null) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${item}\r\n`));
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
