/**
 * Deterministic demo data for 湖南高科园创园区管理服务有限公司 (株洲高新区): ten parks, 900
 * enterprises, ~210 staff in a liaison-officer grid, demo logins. PURE: no database, no clock,
 * no Math.random — the same seed always gives the same objects (ids included), so tests can
 * check it and seed.ts can insert it with every foreign key already wired.
 */
import { creditCodeCheckChar, type EnterpriseSize, type Role, type Tier } from '@yqt/contracts';
import type {
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
} from '../db/schema/index.js';
import { searchFieldsFor } from '../modules/enterprises/search-tokens.js';
import {
  contactTitles,
  divisionCodes,
  givenNameChars,
  industries,
  parkIndustryMix,
  roadsLusong,
  roadsTianyuan,
  surnames,
  tradeNameFirst,
  tradeNameSecond,
  type Industry,
} from './names.js';
import { Rng } from './random.js';

type WithId<T> = Omit<T, 'id'> & { id: string };
export type OperatorRow = WithId<typeof operators.$inferInsert>;
export type ParkRow = WithId<typeof parks.$inferInsert>;
export type BuildingRow = WithId<typeof buildings.$inferInsert>;
export type UnitRow = WithId<typeof units.$inferInsert>;
export type DepartmentRow = WithId<typeof departments.$inferInsert>;
export type AreaRow = WithId<typeof areas.$inferInsert>;
export type StaffRow = WithId<typeof staff.$inferInsert>;
export type StaffParkRow = typeof staffParks.$inferInsert;
export type EnterpriseRow = WithId<typeof enterprises.$inferInsert> & {
  tier: Tier;
  size: EnterpriseSize;
  status: 'active' | 'preparing' | 'moved_out';
};
export type ContactRow = WithId<typeof contacts.$inferInsert>;
export type LiaisonAssignmentRow = WithId<typeof liaisonAssignments.$inferInsert>;
/** A login before hashing: seed.ts turns `password` into passwordHash. */
export type DemoUser = WithId<Omit<typeof users.$inferInsert, 'passwordHash'>> & { roles: Role[]; password: string };

export type DemoData = {
  operator: OperatorRow;
  parks: ParkRow[];
  buildings: BuildingRow[];
  units: UnitRow[];
  departments: DepartmentRow[];
  areas: AreaRow[];
  users: DemoUser[];
  staff: StaffRow[];
  staffParks: StaffParkRow[];
  enterprises: EnterpriseRow[];
  contacts: ContactRow[];
  liaisonAssignments: LiaisonAssignmentRow[];
};

export const DEMO_SEED = 20211231;
export const DEMO_OPERATOR_CODE = 'gkyc';
export const DEMO_PASSWORD = 'demo1234';

type ParkSpec = {
  name: string;
  district: 'tianyuan' | 'lusong';
  address: string;
  description: string;
  enterprises: number;
  buildings: number;
  /** Share of office buildings among the non-apartment ones. */
  officeShare: number;
};

/** The ten parks in the order the operator lists them; the tenth (新马动力创新园) is ours. Counts sum to 900. */
const PARK_SPECS: readonly ParkSpec[] = [
  { name: '动力谷自主创新园', district: 'tianyuan', address: '湖南省株洲市天元区栗雨街道新马西路动力谷自主创新园', description: '株洲高新区核心创新载体，聚集轨道交通装备、IGBT电力电子与航空配套企业，设24小时无人自助厅。', enterprises: 220, buildings: 12, officeShare: 0.5 },
  { name: '天易科技城', district: 'tianyuan', address: '湖南省株洲市天元区群丰镇天易科技城', description: '以新材料、汽车零部件和智能装备为主的产业新城，标准厂房集中，设24小时无人自助厅。', enterprises: 180, buildings: 12, officeShare: 0.35 },
  { name: '汽配园', district: 'lusong', address: '湖南省株洲市芦淞区董家塅街道高科汽配园', description: '汽车及新能源汽车零部件配套产业园，服务整车与动力总成供应链企业。', enterprises: 90, buildings: 9, officeShare: 0.2 },
  { name: '中小企业促进园', district: 'tianyuan', address: '湖南省株洲市天元区泰山路中小企业促进园', description: '面向成长型中小企业的标准厂房与研发楼宇，提供一站式入园与政策申报服务。', enterprises: 80, buildings: 8, officeShare: 0.4 },
  { name: '硬质合金园', district: 'tianyuan', address: '湖南省株洲市天元区硬质合金产业园', description: '硬质合金、钨钼及超硬刀具产业集聚区，配套检测与粉末冶金公共平台。', enterprises: 60, buildings: 7, officeShare: 0.2 },
  { name: '天台金谷', district: 'tianyuan', address: '湖南省株洲市天元区黄河北路天台金谷', description: '商务办公与科技金融集聚区，入驻软件、科技服务与投融资机构。', enterprises: 70, buildings: 6, officeShare: 1 },
  { name: '留学生创业园', district: 'tianyuan', address: '湖南省株洲市天元区珠江北路留学生创业园', description: '面向留学归国人才的创业孵化载体，提供孵化器、众创空间与人才公寓。', enterprises: 50, buildings: 5, officeShare: 0.8 },
  { name: '科创园', district: 'tianyuan', address: '湖南省株洲市天元区长江南路科创园', description: '科技型中小企业孵化与加速园区，聚焦电子信息、软件与科技服务。', enterprises: 60, buildings: 6, officeShare: 0.7 },
  { name: '部件园', district: 'lusong', address: '湖南省株洲市芦淞区董家塅街道部件园', description: '轨道交通与汽车关键零部件配套园区，以标准厂房为主。', enterprises: 50, buildings: 5, officeShare: 0.2 },
  { name: '新马动力创新园', district: 'tianyuan', address: '湖南省株洲市天元区新马工业园新马动力创新园', description: '动力产业创新园区，承接轨道交通、航空动力与新能源项目落地。', enterprises: 40, buildings: 4, officeShare: 0.4 },
];

const DEPARTMENTS: readonly { name: string; kind: 'internal' | 'government' }[] = [
  { name: '企业服务部', kind: 'internal' },
  { name: '综合办公室', kind: 'internal' },
  { name: '物业管理部', kind: 'internal' },
  { name: '招商部', kind: 'internal' },
  { name: '财务部', kind: 'internal' },
  { name: '人力资源部', kind: 'internal' },
  { name: '市政协调办', kind: 'government' },
  { name: '科技金融部', kind: 'internal' },
];

/** Department handlers dept01..dept10: index into DEPARTMENTS, and their title. */
const DEPT_HANDLERS: readonly [number, string][] = [
  [0, '企业服务专员'],
  [2, '物业维修主管'],
  [6, '市政协调专员'],
  [3, '招商专员'],
  [4, '财务专员'],
  [5, '人力资源专员'],
  [7, '科技金融专员'],
  [1, '综合事务专员'],
  [2, '物业管理员'],
  [6, '市政协调专员'],
];

/** 联片: each park is one area, except the two largest which are split in two (12 areas). */
const AREA_SPECS: readonly { name: string; park: number; part: 0 | 1 | 2 }[] = [
  { name: '动力谷一片区', park: 0, part: 1 },
  { name: '动力谷二片区', park: 0, part: 2 },
  { name: '天易一片区', park: 1, part: 1 },
  { name: '天易二片区', park: 1, part: 2 },
  { name: '汽配园片区', park: 2, part: 0 },
  { name: '中小企业促进园片区', park: 3, part: 0 },
  { name: '硬质合金园片区', park: 4, part: 0 },
  { name: '天台金谷片区', park: 5, part: 0 },
  { name: '留学生创业园片区', park: 6, part: 0 },
  { name: '科创园片区', park: 7, part: 0 },
  { name: '部件园片区', park: 8, part: 0 },
  { name: '新马动力片区', park: 9, part: 0 },
];

/** Exact tier counts (the article: 18 national little giants in the ten parks). */
export const TIER_COUNTS: Readonly<Record<Exclude<Tier, 'none'>, number>> = {
  littleGiant: 18,
  srdi: 60,
  highTech: 150,
  innovativeSme: 80,
  techSme: 120,
};

const GRID_MIN = 3;
const GRID_MAX = 8;
/** Average grid size aimed at: ~880 enterprises over ~180 officers. */
const GRID_TARGET = 4.85;

// Employee thresholds per 统计上大中小微型企业划分办法(2017): [large ≥, medium ≥, small ≥].
const SIZE_THRESHOLDS: Partial<Record<string, [number, number, number]>> & { default: [number, number, number] } = {
  C: [1000, 300, 20],
  E: [1000, 300, 20],
  G: [1000, 300, 20],
  F: [200, 20, 5],
  H: [300, 100, 10],
  I: [300, 100, 10],
  default: [300, 100, 10],
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheckChar(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * w[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function personName(rng: Rng, gender?: 'male' | 'female'): string {
  const g = gender ?? (rng.chance(0.55) ? 'male' : 'female');
  const chars = givenNameChars[g];
  const given = rng.chance(0.3) ? rng.pick(chars) : rng.pick(chars) + rng.pick(chars);
  return rng.weighted(surnames) + given;
}

function mobile(rng: Rng): string {
  return rng.pick(['139', '138', '137', '136', '135', '158', '159', '150', '151', '152', '187', '188', '180', '181', '189', '133', '153', '177', '199', '173']) + rng.digits(8);
}

export function generateDemo(seed: number = DEMO_SEED): DemoData {
  const rng = new Rng(seed);
  // Ids come from their own stream so that changing the data logic does not reshuffle every id.
  const ids = new Rng((seed ^ 0x5eed1d5) >>> 0);
  const id = () => ids.uuid();

  const operator: OperatorRow = { id: id(), code: DEMO_OPERATOR_CODE, name: '湖南高科园创园区管理服务有限公司' };
  const operatorId = operator.id;

  // ---------------------------------------------------------------- parks, buildings, units
  const parkRows: ParkRow[] = [];
  const buildingRows: BuildingRow[] = [];
  const unitRows: UnitRow[] = [];
  /** Per park: the office/factory buildings enterprises can sit in, with their units. */
  const workplaces: { building: BuildingRow; units: UnitRow[] }[][] = [];

  PARK_SPECS.forEach((spec, p) => {
    const park: ParkRow = {
      id: id(),
      operatorId,
      code: `P${pad(p + 1, 2)}`,
      name: spec.name,
      address: spec.address,
      description: spec.description,
      sortOrder: p + 1,
    };
    parkRows.push(park);
    const places: { building: BuildingRow; units: UnitRow[] }[] = [];
    const apartments = spec.buildings >= 8 ? 2 : spec.buildings >= 5 ? 1 : 0;
    const work = spec.buildings - apartments;
    const offices = Math.max(spec.officeShare > 0 ? 1 : 0, Math.round(work * spec.officeShare));
    const factories = work - offices;
    // Factories first: grids are dealt in building order, so the first enterprises (and the
    // demo logins ent0001…) are mostly manufacturers.
    const kinds: ('office' | 'factory' | 'apartment')[] = [
      ...Array<'factory'>(factories).fill('factory'),
      ...Array<'office'>(offices).fill('office'),
      ...Array<'apartment'>(apartments).fill('apartment'),
    ];
    // One naming style per park: "A1栋, A2栋…" or "研发楼A座, 研发楼B座…".
    const officeStyle = rng.chance(0.65);
    let o = 0;
    let f = 0;
    let a = 0;
    for (const kind of kinds) {
      let name: string;
      if (kind === 'office') {
        o++;
        name = officeStyle ? `A${o}栋` : `研发楼${String.fromCharCode(64 + o)}座`;
      } else if (kind === 'factory') {
        f++;
        name = `${f}号厂房`;
      } else {
        a++;
        name = `人才公寓${a}栋`;
      }
      const building: BuildingRow = { id: id(), operatorId, parkId: park.id, name, kind };
      buildingRows.push(building);
      const unitCount = kind === 'apartment' ? rng.int(2, 4) : rng.int(Math.min(10, 4 + Math.floor(spec.enterprises / 60)), 10);
      const bUnits: UnitRow[] = [];
      const floors = kind === 'factory' ? rng.int(1, 3) : rng.int(3, 8);
      const perFloor = Math.ceil(unitCount / floors);
      for (let u = 0; u < unitCount; u++) {
        const floor = 1 + Math.floor(u / perFloor);
        const idx = (u % perFloor) + 1;
        const unitName = kind === 'factory' ? `${floor}F-${pad(idx, 2)}` : `${floor}${pad(idx, 2)}`;
        const unit: UnitRow = { id: id(), operatorId, buildingId: building.id, name: unitName, floor };
        unitRows.push(unit);
        bUnits.push(unit);
      }
      if (kind !== 'apartment') places.push({ building, units: bUnits });
    }
    workplaces.push(places);
  });

  // ---------------------------------------------------------------- enterprises
  const usedNames = new Set<string>();
  const usedTradeNames = new Set<string>();
  const usedCodes = new Set<string>();

  const creditCode = (founded: number, district: 'tianyuan' | 'lusong'): string => {
    for (;;) {
      const division =
        district === 'lusong'
          ? rng.weighted([[divisionCodes.lusong, 80], [divisionCodes.city, 12], [divisionCodes.tianyuan, 8]] as const)
          : rng.weighted([[divisionCodes.tianyuan, 78], [divisionCodes.city, 12], [divisionCodes.shifeng, 4], [divisionCodes.hetang, 3], [divisionCodes.lusong, 3]] as const);
      let body8: string;
      if (founded >= 2016) {
        // Post-reform codes: "MA" + 6 characters (e.g. 91430211MA4L…).
        body8 = 'MA' + rng.pick(['4', '4', '4', '5', '7']) + Array.from({ length: 5 }, () => rng.pick([...BODY_CHARS])).join('');
      } else {
        // Legacy organisation codes (GB 11714): 8 digits.
        body8 = rng.pick(['55', '56', '58', '66', '67', '68', '69', '73', '74', '76', '77', '79']) + rng.digits(6);
      }
      const first17 = `91${division}${body8}${orgCodeCheckChar(body8)}`;
      const code = first17 + creditCodeCheckChar(first17);
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };

  const companyName = (ind: Industry, large: boolean): { name: string; shortName: string } => {
    for (;;) {
      const trade = rng.pick(tradeNameFirst) + rng.pick(tradeNameSecond);
      if (trade[0] === trade[1] || usedTradeNames.has(trade)) continue;
      const region = rng.weighted([['株洲', 70], ['湖南', large ? 40 : 22], ['', 8]] as const);
      const word = rng.pick(ind.nameWords);
      const tech = !/科技|技术|服务|研究院|咨询|投资|基金|担保|贸易|商贸|物流|运输|工程|管理|培训|传媒|创意|进出口|物资|仓储|资源/.test(word) && rng.chance(0.3) ? '科技' : '';
      const suffix = rng.chance(large ? 0.5 : 0.06) ? '股份有限公司' : '有限公司';
      const name = region ? `${region}${trade}${word}${tech}${suffix}` : `${trade}（株洲）${word}${tech}${suffix}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      usedTradeNames.add(trade);
      return { name, shortName: `${trade}${word.length <= 2 ? word : ind.short}` };
    }
  };

  type Draft = EnterpriseRow & { parkIndex: number; placeIndex: number; unitName: string; industry: Industry };
  const drafts: Draft[] = [];

  PARK_SPECS.forEach((spec, p) => {
    const park = parkRows[p]!;
    const places = workplaces[p]!;
    const parkDrafts: Draft[] = [];
    for (let i = 0; i < spec.enterprises; i++) {
      const industry = industries[rng.weighted(parkIndustryMix[p]!)];
      const size: EnterpriseSize = rng.weighted([['micro', 44], ['small', 40], ['medium', 13], ['large', industry.section === 'C' ? 4 : 1.5]] as const);
      const status = rng.weighted([['active', 96.4], ['preparing', 1.8], ['moved_out', 1.8]] as const);
      const founded =
        status === 'preparing'
          ? rng.int(2022, 2023)
          : size === 'large'
            ? rng.int(1995, 2012)
            : size === 'medium'
              ? rng.int(1998, 2018)
              : rng.int(2003, 2023);
      const [lg, md, sm] = SIZE_THRESHOLDS[industry.section] ?? SIZE_THRESHOLDS.default;
      const employees =
        size === 'large'
          ? rng.int(lg, lg * 3)
          : size === 'medium'
            ? rng.int(md, lg - 1)
            : size === 'small'
              ? rng.int(sm, md - 1)
              : rng.int(status === 'preparing' ? 1 : 3, sm - 1);
      const capital =
        size === 'large'
          ? rng.int(50, 2000) * 100
          : size === 'medium'
            ? rng.int(20, 200) * 50
            : size === 'small'
              ? rng.int(10, 100) * 50
              : rng.pick([10, 30, 50, 100, 100, 200, 300, 500]);
      const { name, shortName } = companyName(industry, size === 'large');
      const code = creditCode(founded, spec.district);
      // Manufacturers sit in factories, everyone else in offices (when the park has both kinds).
      const wanted = industry.section === 'C' ? 'factory' : 'office';
      const fitting = places.filter((pl) => pl.building.kind === wanted);
      const place = fitting.length > 0 && rng.chance(0.85) ? rng.pick(fitting) : rng.pick(places);
      const unit = rng.pick(place.units);
      const detail = rng.pick(industry.details);
      const road = spec.district === 'lusong' ? rng.pick(roadsLusong) : rng.pick(roadsTianyuan);
      parkDrafts.push({
        id: '',
        operatorId,
        creditCode: code,
        name,
        shortName,
        industryCode: industry.section,
        industryDetail: detail,
        size,
        tier: 'none',
        status,
        foundedOn: isoDate(founded, rng.int(1, 12), rng.int(1, 28)),
        registeredCapitalWan: capital,
        employeeCount: employees,
        legalRepresentative: personName(rng, rng.chance(0.8) ? 'male' : 'female'),
        phone: `0731-2${rng.digits(7)}`,
        address: status === 'moved_out' ? `湖南省株洲市天元区${road}${rng.int(1, 999)}号` : `${spec.address}${place.building.name}${unit.name}`,
        businessScope: `${detail}；${rng.sample(industry.scope, 2).join('；')}；技术开发、技术咨询、技术服务。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
        parkId: park.id,
        buildingId: status === 'moved_out' ? null : place.building.id,
        unitId: status === 'moved_out' ? null : unit.id,
        liaisonId: null,
        backupLiaisonId: null,
        searchTokens: [],
        parkIndex: p,
        placeIndex: places.indexOf(place),
        unitName: unit.name,
        industry,
      });
    }
    // Order each park's enterprises by building and unit: liaison grids are dealt in this order,
    // so each officer looks after neighbours.
    parkDrafts.sort((x, y) => x.placeIndex - y.placeIndex || x.unitName.localeCompare(y.unitName) || x.creditCode.localeCompare(y.creditCode));
    drafts.push(...parkDrafts);
  });

  // The first 20 (all in 动力谷自主创新园) get contact logins ent0001..ent0020: keep them in the park.
  for (let i = 0; i < 20; i++) {
    const d = drafts[i]!;
    if (d.status !== 'active') {
      const place = workplaces[0]![d.placeIndex]!;
      const unit = place.units.find((u) => u.name === d.unitName)!;
      d.status = 'active';
      d.buildingId = place.building.id;
      d.unitId = unit.id;
      d.address = `${PARK_SPECS[0]!.address}${place.building.name}${unit.name}`;
    }
  }
  for (const d of drafts) d.id = id();

  // ---------------------------------------------------------------- tiers (cultivation ladder)
  // Score by innovation likelihood, then fill the ladder from the top with exact counts.
  // SME programmes (techSme, innovativeSme, srdi, littleGiant) exclude large enterprises;
  // enterprises still preparing are not on the ladder yet.
  const innovative = new Set(['rail', 'electronics', 'aviation', 'newMaterials', 'hardAlloy', 'bio', 'software', 'equipment', 'newEnergy', 'auto']);
  const scored = drafts
    .map((d) => {
      let s = rng.float() * 2;
      if (innovative.has(d.industry.key)) s += 1.2;
      if (d.industry.key === 'techService') s += 0.6;
      if (d.size === 'medium') s += 0.9;
      if (d.size === 'small') s += 0.5;
      if (d.size === 'large') s += 0.6;
      const age = 2023 - Number(d.foundedOn!.slice(0, 4));
      s += Math.min(age, 15) * 0.04;
      return { d, s };
    })
    .sort((x, y) => y.s - x.s);
  const ladder: [Exclude<Tier, 'none'>, (d: Draft) => boolean][] = [
    ['littleGiant', (d) => d.size !== 'large' && d.size !== 'micro' && d.industry.section === 'C' && d.status === 'active' && Number(d.foundedOn!.slice(0, 4)) <= 2017],
    ['srdi', (d) => d.size !== 'large' && d.status !== 'preparing' && Number(d.foundedOn!.slice(0, 4)) <= 2019],
    ['highTech', (d) => d.status !== 'preparing' && Number(d.foundedOn!.slice(0, 4)) <= 2021],
    ['innovativeSme', (d) => d.size !== 'large' && d.status !== 'preparing'],
    ['techSme', (d) => d.size !== 'large' && d.status !== 'preparing'],
  ];
  for (const [tier, eligible] of ladder) {
    let left = TIER_COUNTS[tier];
    for (const { d } of scored) {
      if (left === 0) break;
      if (d.tier === 'none' && eligible(d)) {
        d.tier = tier;
        left--;
      }
    }
  }
  for (const d of drafts) {
    if ((d.tier === 'littleGiant' || d.tier === 'srdi') && !d.name.endsWith('股份有限公司') && rng.chance(0.25)) {
      const renamed = d.name.replace(/有限公司$/, '股份有限公司');
      if (!usedNames.has(renamed)) {
        usedNames.delete(d.name);
        usedNames.add(renamed);
        d.name = renamed;
      }
    }
  }

  // ---------------------------------------------------------------- departments, areas
  const departmentRows: DepartmentRow[] = DEPARTMENTS.map((d) => ({ id: id(), operatorId, name: d.name, kind: d.kind }));
  const deptByName = (name: string) => departmentRows.find((d) => d.name === name)!.id;
  const serviceDept = deptByName('企业服务部');
  const officeDept = deptByName('综合办公室');
  const areaRows: AreaRow[] = AREA_SPECS.map((a) => ({ id: id(), operatorId, name: a.name, leaderStaffId: null }));

  // ---------------------------------------------------------------- staff and users
  const staffRows: StaffRow[] = [];
  const userRows: DemoUser[] = [];
  const staffParkRows: StaffParkRow[] = [];
  const usedStaffNames = new Set<string>();
  const staffName = () => {
    for (;;) {
      const n = personName(rng);
      if (!usedStaffNames.has(n)) {
        usedStaffNames.add(n);
        return n;
      }
    }
  };
  const addStaff = (
    username: string,
    roles: Role[],
    title: string,
    departmentId: string | null,
    areaId: string | null = null,
  ): StaffRow => {
    const name = staffName();
    const user: DemoUser = { id: id(), operatorId, username, displayName: name, roles, password: DEMO_PASSWORD };
    userRows.push(user);
    const row: StaffRow = { id: id(), operatorId, userId: user.id, name, title, phone: mobile(rng), departmentId, areaId, active: true };
    staffRows.push(row);
    return row;
  };

  const admin = addStaff('admin', ['admin'], '信息化管理员', officeDept);
  const adminUserId = admin.userId!;
  addStaff('leader', ['leader'], '董事长', officeDept);
  addStaff('leader02', ['leader'], '总经理', officeDept);
  addStaff('leader03', ['leader'], '副总经理（分管企业服务）', serviceDept);

  parkRows.forEach((park, p) => {
    const m = addStaff(`manager${pad(p + 1, 2)}`, ['park_manager'], `${park.name}园区经理`, serviceDept);
    staffParkRows.push({ staffId: m.id, parkId: park.id });
  });

  DEPT_HANDLERS.forEach(([d, title], i) => {
    addStaff(`dept${pad(i + 1, 2)}`, ['dept_handler'], title, departmentRows[d]!.id);
  });

  // Liaison grids: per area, the enterprises that need a liaison (active and preparing),
  // dealt in building order to officers with 3–8 each. The area's last officer leads it.
  type Officer = { row: StaffRow; grid: Draft[] };
  const officersByArea: Officer[][] = [];
  let liaisonNo = 0;
  AREA_SPECS.forEach((spec, a) => {
    const inPark = drafts.filter((d) => d.parkIndex === spec.park);
    const half = Math.ceil(inPark.length / 2);
    const inArea = spec.part === 0 ? inPark : spec.part === 1 ? inPark.slice(0, half) : inPark.slice(half);
    const assignable = inArea.filter((d) => d.status !== 'moved_out');
    let k = Math.round(assignable.length / GRID_TARGET);
    k = Math.max(Math.ceil(assignable.length / GRID_MAX), Math.min(Math.floor(assignable.length / GRID_MIN), k));
    // Grid sizes: everyone starts at the minimum, the rest is spread at random up to the maximum.
    const sizes = Array<number>(k).fill(GRID_MIN);
    // liaison01 (first officer of the first area) gets a grid of 6, for the demo.
    if (a === 0) sizes[0] = 6;
    let rest = assignable.length - sizes.reduce((s, n) => s + n, 0);
    while (rest > 0) {
      const j = rng.int(a === 0 ? 1 : 0, k - 1);
      if (sizes[j]! < GRID_MAX) {
        sizes[j]!++;
        rest--;
      }
    }
    const officers: Officer[] = [];
    let cursor = 0;
    for (let j = 0; j < k; j++) {
      const isLeader = j === k - 1;
      const username = isLeader ? `area${pad(a + 1, 2)}` : `liaison${pad(++liaisonNo, 2)}`;
      const row = addStaff(username, ['liaison'], isLeader ? `${spec.name}联片组长` : '企业联络员', serviceDept, areaRows[a]!.id);
      if (isLeader) areaRows[a]!.leaderStaffId = row.id;
      const grid = assignable.slice(cursor, cursor + sizes[j]!);
      cursor += sizes[j]!;
      officers.push({ row, grid });
    }
    officersByArea.push(officers);
  });

  // ---------------------------------------------------------------- liaison assignment history
  const assignments: LiaisonAssignmentRow[] = [];
  const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 1, 0, 0));
  // `reason` explains why that assignment was made (the history view shows it per row).
  officersByArea.forEach((officers, a) => {
    for (const officer of officers) {
      for (const d of officer.grid) {
        d.liaisonId = officer.row.id;
        if (officers.length > 1 && rng.chance(0.85)) {
          const others = officers.filter((o) => o !== officer);
          d.backupLiaisonId = rng.pick(others).row.id;
        }
        const foundedYear = Number(d.foundedOn!.slice(0, 4));
        const start = Math.max(2019, foundedYear);
        const changed = start <= 2022 && officers.length > 1 && rng.chance(0.3);
        if (changed) {
          const previous = rng.pick(officers.filter((o) => o !== officer));
          const firstStart = at(start, rng.int(1, 12), rng.int(1, 28));
          const switchAt = at(Math.min(2024, start + rng.int(1, 3)), rng.int(1, 12), rng.int(1, 28));
          assignments.push({
            id: id(),
            operatorId,
            enterpriseId: d.id,
            liaisonId: previous.row.id,
            backupLiaisonId: null,
            startedAt: firstStart,
            endedAt: switchAt,
            reason: '入园分配',
            assignedByUserId: adminUserId,
          });
          assignments.push({
            id: id(),
            operatorId,
            enterpriseId: d.id,
            liaisonId: d.liaisonId,
            backupLiaisonId: d.backupLiaisonId ?? null,
            startedAt: switchAt,
            endedAt: null,
            reason: rng.pick(['人员调整', '人员调整：原联络员岗位调动', '网格优化调整']),
            assignedByUserId: adminUserId,
          });
        } else {
          assignments.push({
            id: id(),
            operatorId,
            enterpriseId: d.id,
            liaisonId: d.liaisonId,
            backupLiaisonId: d.backupLiaisonId ?? null,
            startedAt: at(start, rng.int(1, 12), rng.int(1, 28)),
            endedAt: null,
            reason: d.status === 'preparing' ? '筹建期提前对接' : '入园分配',
            assignedByUserId: adminUserId,
          });
        }
      }
    }
    // Enterprises that moved out keep their closed history.
    const spec = AREA_SPECS[a]!;
    const inPark = drafts.filter((d) => d.parkIndex === spec.park);
    const half = Math.ceil(inPark.length / 2);
    const inArea = spec.part === 0 ? inPark : spec.part === 1 ? inPark.slice(0, half) : inPark.slice(half);
    for (const d of inArea.filter((x) => x.status === 'moved_out')) {
      const y = Math.max(2019, Number(d.foundedOn!.slice(0, 4)));
      assignments.push({
        id: id(),
        operatorId,
        enterpriseId: d.id,
        liaisonId: rng.pick(officers).row.id,
        backupLiaisonId: null,
        startedAt: at(y, rng.int(1, 6), rng.int(1, 28)),
        endedAt: at(Math.min(2024, y + rng.int(1, 3)), rng.int(7, 12), rng.int(1, 28)),
        reason: '入园分配（企业已迁出，联络关系结束）',
        assignedByUserId: adminUserId,
      });
    }
  });

  // ---------------------------------------------------------------- contacts (+ ent0001..ent0020)
  const contactRows: ContactRow[] = [];
  drafts.forEach((d, i) => {
    const n = rng.weighted([[1, 35], [2, 45], [3, 20]] as const);
    const titles = rng.sample(contactTitles, n);
    for (let c = 0; c < n; c++) {
      const name = personName(rng);
      const isPrimary = c === 0;
      let userId: string | null = null;
      if (isPrimary && i < 20) {
        const user: DemoUser = {
          id: id(),
          operatorId,
          username: `ent${pad(i + 1, 4)}`,
          displayName: name,
          roles: ['enterprise_contact'],
          password: DEMO_PASSWORD,
        };
        userRows.push(user);
        userId = user.id;
      }
      contactRows.push({
        id: id(),
        operatorId,
        enterpriseId: d.id,
        name,
        title: titles[c]!,
        phone: mobile(rng),
        email: rng.chance(0.6) ? `contact${c + 1}.e${pad(i + 1, 4)}@example.com` : null,
        isPrimary,
        userId,
      });
    }
  });

  // ---------------------------------------------------------------- finish enterprises
  const draftOnly = new Set<string>(['parkIndex', 'placeIndex', 'unitName', 'industry']);
  const enterpriseRows: EnterpriseRow[] = drafts.map((d) => {
    const row = Object.fromEntries(Object.entries(d).filter(([k]) => !draftOnly.has(k))) as EnterpriseRow;
    return { ...row, ...searchFieldsFor(row) };
  });

  return {
    operator,
    parks: parkRows,
    buildings: buildingRows,
    units: unitRows,
    departments: departmentRows,
    areas: areaRows,
    users: userRows,
    staff: staffRows,
    staffParks: staffParkRows,
    enterprises: enterpriseRows,
    contacts: contactRows,
    liaisonAssignments: assignments,
  };
}
