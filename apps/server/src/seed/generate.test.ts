import { creditCodeProblem, roles, tiers } from '@yqt/contracts';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.js';
import { Rng } from './random.js';

const data = generateDemo();

const PARK_NAMES = ['动力谷自主创新园', '天易科技城', '汽配园', '中小企业促进园', '硬质合金园', '天台金谷', '留学生创业园', '科创园', '部件园', '新马动力创新园'];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const userBy = (username: string) => data.users.find((u) => u.username === username)!;
const staffOfUser = (username: string) => data.staff.find((s) => s.userId === userBy(username).id)!;

describe('Rng', () => {
  it('is deterministic and in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.int(3, 8));
    expect(Array.from({ length: 100 }, () => b.int(3, 8))).toEqual(xs);
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(8);
    expect(new Rng(1).uuid()).toMatch(UUID_V4);
  });
});

describe('generateDemo', () => {
  it('is deterministic: same seed, same output; another seed differs', () => {
    expect(generateDemo()).toEqual(data);
    expect(generateDemo(7).enterprises[0]!.name).not.toBe(data.enterprises[0]!.name);
  });

  it('has the operator and the ten parks in order', () => {
    expect(data.operator).toMatchObject({ code: 'gkyc', name: '湖南高科园创园区管理服务有限公司' });
    expect(data.parks.map((p) => p.name)).toEqual(PARK_NAMES);
    expect(data.parks.map((p) => p.code)).toEqual(PARK_NAMES.map((_, i) => `P${String(i + 1).padStart(2, '0')}`));
    for (const p of data.parks) {
      expect(p.address).toMatch(/株洲市(天元区|芦淞区)/);
      const bs = data.buildings.filter((b) => b.parkId === p.id);
      expect(bs.length).toBeGreaterThanOrEqual(4);
      expect(bs.length).toBeLessThanOrEqual(12);
      expect(new Set(bs.map((b) => b.name)).size).toBe(bs.length);
      for (const b of bs) {
        expect(['office', 'factory', 'apartment']).toContain(b.kind);
        const us = data.units.filter((u) => u.buildingId === b.id);
        expect(us.length).toBeGreaterThanOrEqual(2);
        expect(us.length).toBeLessThanOrEqual(10);
        expect(new Set(us.map((u) => u.name)).size).toBe(us.length);
      }
    }
  });

  it('has 900 enterprises, 动力谷 and 天易 the largest parks', () => {
    expect(data.enterprises).toHaveLength(900);
    const perPark = data.parks.map((p) => data.enterprises.filter((e) => e.parkId === p.id).length);
    const sorted = [...perPark].sort((a, b) => b - a);
    expect([perPark[0], perPark[1]]).toEqual([sorted[0], sorted[1]]);
  });

  it('gives every enterprise a valid, unique credit code from a Zhuzhou division, and a unique name', () => {
    const codes = data.enterprises.map((e) => e.creditCode);
    for (const c of codes) {
      expect(creditCodeProblem(c), c).toBeNull();
      expect(c).toMatch(/^91(430211|430203|430204|430202|430200)/);
    }
    expect(new Set(codes).size).toBe(900);
    expect(new Set(data.enterprises.map((e) => e.name)).size).toBe(900);
  });

  it('has a realistic tier, size, status and industry mix', () => {
    const count = (pred: (e: (typeof data.enterprises)[number]) => boolean) => data.enterprises.filter(pred).length;
    expect(count((e) => e.tier === 'littleGiant')).toBe(18);
    expect(count((e) => e.tier === 'srdi')).toBe(60);
    expect(count((e) => e.tier === 'highTech')).toBe(150);
    expect(count((e) => e.tier === 'innovativeSme')).toBe(80);
    expect(count((e) => e.tier === 'techSme')).toBe(120);
    for (const e of data.enterprises) expect(tiers).toContain(e.tier);
    // SME programmes exclude large enterprises.
    expect(count((e) => e.size === 'large' && ['littleGiant', 'srdi', 'techSme', 'innovativeSme'].includes(e.tier))).toBe(0);
    expect(count((e) => e.size === 'micro' || e.size === 'small')).toBeGreaterThan(700);
    expect(count((e) => e.size === 'large')).toBeLessThan(45);
    expect(count((e) => e.status === 'active')).toBeGreaterThan(850);
    expect(count((e) => e.industryCode === 'C')).toBeGreaterThan(450);
    for (const e of data.enterprises) {
      const year = Number(e.foundedOn!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1995);
      expect(year).toBeLessThanOrEqual(2023);
      expect(e.phone).toMatch(/^0731-2\d{7}$/);
      expect(e.searchTokens!.length).toBeGreaterThan(10);
      if (e.size === 'micro') expect(e.employeeCount!).toBeLessThan(20);
      if (e.size === 'large') expect(e.employeeCount!).toBeGreaterThanOrEqual(200);
    }
  });

  it('places enterprises in a building and unit of their own park', () => {
    const buildingPark = new Map(data.buildings.map((b) => [b.id, b.parkId]));
    const unitBuilding = new Map(data.units.map((u) => [u.id, u.buildingId]));
    for (const e of data.enterprises.filter((x) => x.status !== 'moved_out')) {
      expect(buildingPark.get(e.buildingId!)).toBe(e.parkId);
      expect(unitBuilding.get(e.unitId!)).toBe(e.buildingId);
    }
  });

  it('gives each enterprise 1–3 contacts with exactly one primary', () => {
    const byEnt = new Map<string, typeof data.contacts>();
    for (const c of data.contacts) byEnt.set(c.enterpriseId, [...(byEnt.get(c.enterpriseId) ?? []), c]);
    for (const e of data.enterprises) {
      const cs = byEnt.get(e.id) ?? [];
      expect(cs.length).toBeGreaterThanOrEqual(1);
      expect(cs.length).toBeLessThanOrEqual(3);
      expect(cs.filter((c) => c.isPrimary)).toHaveLength(1);
    }
  });

  it('gives every active enterprise one liaison; every grid has 3–8 enterprises; backups differ', () => {
    const liaisonStaff = new Set(data.staff.filter((s) => userBy0(s.userId!).roles.includes('liaison')).map((s) => s.id));
    for (const e of data.enterprises) {
      if (e.status === 'active') expect(liaisonStaff.has(e.liaisonId!)).toBe(true);
      if (e.status === 'moved_out') expect(e.liaisonId).toBeNull();
      if (e.backupLiaisonId) expect(e.backupLiaisonId).not.toBe(e.liaisonId);
    }
    const grid = new Map<string, number>();
    for (const e of data.enterprises) if (e.liaisonId) grid.set(e.liaisonId, (grid.get(e.liaisonId) ?? 0) + 1);
    expect(grid.size).toBe(liaisonStaff.size);
    for (const n of grid.values()) {
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
    }
    const withBackup = data.enterprises.filter((e) => e.backupLiaisonId).length;
    expect(withBackup / data.enterprises.length).toBeGreaterThan(0.7);
  });

  it('has one open assignment per assigned enterprise that matches it, and some closed history', () => {
    const open = data.liaisonAssignments.filter((a) => a.endedAt === null);
    const assigned = data.enterprises.filter((e) => e.liaisonId);
    expect(open).toHaveLength(assigned.length);
    const openByEnt = new Map(open.map((a) => [a.enterpriseId, a]));
    for (const e of assigned) {
      const a = openByEnt.get(e.id)!;
      expect(a.liaisonId).toBe(e.liaisonId);
      expect(a.backupLiaisonId ?? null).toBe(e.backupLiaisonId ?? null);
    }
    const closed = data.liaisonAssignments.filter((a) => a.endedAt !== null);
    expect(closed.length).toBeGreaterThan(100);
    for (const a of closed) expect(a.endedAt!.getTime()).toBeGreaterThan(a.startedAt!.getTime());
  });

  it('has ~210 staff in areas and departments', () => {
    expect(data.staff.length).toBeGreaterThanOrEqual(195);
    expect(data.staff.length).toBeLessThanOrEqual(225);
    expect(data.departments).toHaveLength(8);
    expect(data.departments.find((d) => d.name === '市政协调办')!.kind).toBe('government');
    expect(data.areas).toHaveLength(12);
    for (const a of data.areas) {
      const leader = data.staff.find((s) => s.id === a.leaderStaffId)!;
      expect(leader.areaId).toBe(a.id);
      expect(userBy0(leader.userId!).roles).toEqual(['liaison']);
    }
    expect(data.users.filter((u) => u.roles.includes('leader'))).toHaveLength(3);
    expect(data.users.filter((u) => u.roles.includes('park_manager'))).toHaveLength(10);
    // every staff member has a login
    const userIds = new Set(data.users.map((u) => u.id));
    for (const s of data.staff) expect(userIds.has(s.userId!)).toBe(true);
  });

  it('has the demo accounts with the right roles and scope', () => {
    const usernames = data.users.map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const u of data.users) {
      expect(u.password).toBe('demo1234');
      for (const r of u.roles) expect(roles).toContain(r);
    }
    expect(userBy('admin').roles).toEqual(['admin']);
    expect(userBy('leader').roles).toEqual(['leader']);
    expect(userBy('liaison01').roles).toEqual(['liaison']);
    expect(userBy('dept01').roles).toEqual(['dept_handler']);
    expect(staffOfUser('dept01').departmentId).toBe(data.departments.find((d) => d.name === '企业服务部')!.id);
    expect(userBy('ent0001').roles).toEqual(['enterprise_contact']);
    for (let i = 1; i <= 10; i++) {
      const m = `manager${String(i).padStart(2, '0')}`;
      expect(userBy(m).roles).toEqual(['park_manager']);
      expect(data.staffParks.filter((sp) => sp.staffId === staffOfUser(m).id).map((sp) => sp.parkId)).toEqual([data.parks[i - 1]!.id]);
    }
    // enterprise logins only for the primary contacts of the first 20 enterprises
    const entUsers = data.users.filter((u) => u.roles.includes('enterprise_contact'));
    expect(entUsers.map((u) => u.username)).toEqual(Array.from({ length: 20 }, (_, i) => `ent${String(i + 1).padStart(4, '0')}`));
    entUsers.forEach((u, i) => {
      const c = data.contacts.find((x) => x.userId === u.id)!;
      expect(c.isPrimary).toBe(true);
      expect(c.enterpriseId).toBe(data.enterprises[i]!.id);
      expect(c.name).toBe(u.displayName);
    });
  });

  it("puts ent0001's enterprise in liaison01's grid (5–8, several in 动力谷) and park P01", () => {
    const liaison01 = staffOfUser('liaison01');
    const grid = data.enterprises.filter((e) => e.liaisonId === liaison01.id);
    expect(grid.length).toBeGreaterThanOrEqual(5);
    expect(grid.length).toBeLessThanOrEqual(8);
    const p01 = data.parks.find((p) => p.code === 'P01')!;
    expect(grid.filter((e) => e.parkId === p01.id).length).toBeGreaterThanOrEqual(3);
    const contact = data.contacts.find((c) => c.userId === userBy('ent0001').id)!;
    const ent = data.enterprises.find((e) => e.id === contact.enterpriseId)!;
    expect(ent.liaisonId).toBe(liaison01.id);
    expect(ent.parkId).toBe(p01.id);
    expect(ent.status).toBe('active');
  });

  it('uses unique v4 UUIDs everywhere', () => {
    const all = [
      data.operator.id,
      ...data.parks.map((x) => x.id),
      ...data.buildings.map((x) => x.id),
      ...data.units.map((x) => x.id),
      ...data.departments.map((x) => x.id),
      ...data.areas.map((x) => x.id),
      ...data.users.map((x) => x.id),
      ...data.staff.map((x) => x.id),
      ...data.enterprises.map((x) => x.id),
      ...data.contacts.map((x) => x.id),
      ...data.liaisonAssignments.map((x) => x.id),
    ];
    for (const u of all) expect(u).toMatch(UUID_V4);
    expect(new Set(all).size).toBe(all.length);
  });
});

function userBy0(userId: string) {
  return data.users.find((u) => u.id === userId)!;
}
