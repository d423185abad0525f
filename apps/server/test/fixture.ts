import { creditCodeCheckChar, type Role } from '@yqt/contracts';
import type { Db } from '../src/core/db.js';
import { hashPassword } from '../src/core/passwords.js';
import {
  areas,
  buildings,
  contacts,
  departments,
  enterprises,
  liaisonAssignments,
  operators,
  parks,
  staff,
  staffParks,
  units,
  users,
} from '../src/db/schema/index.js';
import { searchFieldsFor } from '../src/modules/enterprises/search-tokens.js';
import { ensureRequestDefaults } from '../src/modules/requests/defaults.js';

export const PASSWORD = 'test-pass-1';

/** A valid credit code from a running number (91 + 430211 + 9-digit body + check char). */
export function creditCode(n: number): string {
  const first17 = `91430211${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A small world for API tests: operator with parks A and B; admin, leader, manager of A,
 * two liaison officers, a department handler, a contact of enterprise A1; and a second operator
 * with one enterprise, to prove tenant isolation.
 */
export async function seedFixture(db: Db) {
  const hash = await hashPassword(PASSWORD);
  const [op] = await db.insert(operators).values({ code: 'op1', name: '测试运营方' }).returning();
  const [op2] = await db.insert(operators).values({ code: 'op2', name: '另一运营方' }).returning();
  await ensureRequestDefaults(db, op!.id);
  await ensureRequestDefaults(db, op2!.id);
  const [parkA, parkB] = await db
    .insert(parks)
    .values([
      { operatorId: op!.id, code: 'PA', name: '动力谷自主创新园', sortOrder: 1 },
      { operatorId: op!.id, code: 'PB', name: '天易科技城', sortOrder: 2 },
    ])
    .returning();
  const [otherPark] = await db.insert(parks).values({ operatorId: op2!.id, code: 'PX', name: '别家园区' }).returning();
  const [bldA] = await db.insert(buildings).values({ operatorId: op!.id, parkId: parkA!.id, name: 'A1栋' }).returning();
  const [bldB] = await db.insert(buildings).values({ operatorId: op!.id, parkId: parkB!.id, name: 'B1栋' }).returning();
  const [unitA] = await db.insert(units).values({ operatorId: op!.id, buildingId: bldA!.id, name: '101', floor: 1 }).returning();
  const [dept] = await db.insert(departments).values({ operatorId: op!.id, name: '企业服务部' }).returning();
  const [area] = await db.insert(areas).values({ operatorId: op!.id, name: '动力谷片区' }).returning();

  async function person(operatorId: string, username: string, name: string, roles: Role[], extra: Partial<typeof staff.$inferInsert> = {}) {
    const [u] = await db.insert(users).values({ operatorId, username, displayName: name, passwordHash: hash, roles }).returning();
    if (roles.includes('enterprise_contact')) return { user: u!, staff: null };
    const [s] = await db.insert(staff).values({ operatorId, userId: u!.id, name, ...extra }).returning();
    return { user: u!, staff: s! };
  }
  const admin = await person(op!.id, 'admin', '管理员', ['admin']);
  const leader = await person(op!.id, 'leader', '领导', ['leader']);
  const manager = await person(op!.id, 'manager', '园区经理', ['park_manager']);
  await db.insert(staffParks).values({ staffId: manager.staff!.id, parkId: parkA!.id });
  const liaison1 = await person(op!.id, 'liaison1', '联络员甲', ['liaison'], { areaId: area!.id });
  const liaison2 = await person(op!.id, 'liaison2', '联络员乙', ['liaison'], { areaId: area!.id });
  const liaison3 = await person(op!.id, 'liaison3', '联络员丙', ['liaison']);
  const dept1 = await person(op!.id, 'dept', '部门经办人', ['dept_handler'], { departmentId: dept!.id });
  const otherAdmin = await person(op2!.id, 'otheradmin', '别家管理员', ['admin']);

  const mk = (operatorId: string, parkId: string, n: number, name: string, liaisonId: string | null, extra: Partial<typeof enterprises.$inferInsert> = {}) => {
    const code = creditCode(n);
    return { operatorId, parkId, creditCode: code, name, industryCode: 'C', size: 'small', liaisonId, ...searchFieldsFor({ name, creditCode: code }), ...extra };
  };
  const [entA1, entA2, entB1, entX] = await db
    .insert(enterprises)
    .values([
      mk(op!.id, parkA!.id, 1, '株洲长河电力机车科技有限公司', liaison1.staff!.id, { tier: 'srdi', buildingId: bldA!.id, unitId: unitA!.id, backupLiaisonId: liaison2.staff!.id }),
      mk(op!.id, parkA!.id, 2, '湖南下水道疏通服务有限公司', liaison1.staff!.id, { industryCode: 'O' }),
      mk(op!.id, parkB!.id, 3, '株洲硬质合金材料有限公司', liaison2.staff!.id, { tier: 'littleGiant' }),
      mk(op2!.id, otherPark!.id, 4, '别家园区企业有限公司', null),
    ])
    .returning();
  await db.insert(liaisonAssignments).values(
    [entA1!, entA2!, entB1!].map((e) => ({ operatorId: op!.id, enterpriseId: e.id, liaisonId: e.liaisonId, backupLiaisonId: e.backupLiaisonId })),
  );
  const contactUser = await person(op!.id, 'contact', '企业联系人', ['enterprise_contact']);
  const [contactA1] = await db
    .insert(contacts)
    .values({ operatorId: op!.id, enterpriseId: entA1!.id, name: '吴双青', phone: '13800000000', isPrimary: true, userId: contactUser.user.id })
    .returning();

  return {
    op: op!, op2: op2!, parkA: parkA!, parkB: parkB!, otherPark: otherPark!, bldA: bldA!, bldB: bldB!, unitA: unitA!, dept: dept!, area: area!,
    admin, leader, manager, liaison1, liaison2, liaison3, dept1, otherAdmin, contactUser, contactA1: contactA1!,
    entA1: entA1!, entA2: entA2!, entB1: entB1!, entX: entX!,
  };
}
export type Fixture = Awaited<ReturnType<typeof seedFixture>>;
