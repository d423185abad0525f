import { creditCodeMessages, creditCodeProblem, normalizeCreditCode, type ImportRowError } from '@yqt/contracts';
import type { enterprises } from '../../../db/schema/index.js';
import { headerOf, parseIndustry, parseSize, parseStatus, tierOf, type RawRow } from './columns.js';

export type Places = {
  parks: Map<string, { id: string; name: string }>; // by name and by code
  buildings: Map<string, { id: string; name: string }>; // key `${parkId}/${name}`
  units: Map<string, { id: string }>; // key `${buildingId}/${name}`
};

export type ValidRow = {
  row: number;
  values: Omit<typeof enterprises.$inferInsert, 'operatorId' | 'searchTokens'> & { creditCode: string };
};

const dateRe = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const MAX = { name: 100, shortName: 30, industryDetail: 100, legalRepresentative: 50, phone: 20, address: 200 } as const;

/** Checks one raw row; pushes every problem (row, column header, reason) rather than stopping at the first. */
export function validateRow(row: number, v: RawRow, places: Places, errors: ImportRowError[]): ValidRow | null {
  const start = errors.length;
  const err = (key: Parameters<typeof headerOf>[0], reason: string) => errors.push({ row, column: headerOf(key), reason });
  const need = (key: Parameters<typeof headerOf>[0]) => {
    const s = v[key]?.trim() ?? '';
    if (!s) err(key, '必填项为空');
    return s;
  };

  const creditRaw = need('creditCode');
  const creditCode = normalizeCreditCode(creditRaw);
  if (creditRaw) {
    const p = creditCodeProblem(creditCode);
    if (p) err('creditCode', creditCodeMessages[p]);
  }
  const name = need('name');
  for (const k of Object.keys(MAX) as (keyof typeof MAX)[]) {
    if ((v[k]?.length ?? 0) > MAX[k]) err(k, `不能超过${MAX[k]}个字符`);
  }

  const parkText = need('park');
  const park = parkText ? places.parks.get(parkText) : undefined;
  if (parkText && !park) err('park', `园区“${parkText}”不存在`);
  let buildingId: string | null = null;
  let unitId: string | null = null;
  if (park && v.building) {
    const b = places.buildings.get(`${park.id}/${v.building}`);
    if (!b) err('building', `楼栋“${v.building}”不在${park.name}`);
    else buildingId = b.id;
  }
  if (v.unit) {
    if (!v.building) err('unit', '填写单元时须同时填写楼栋');
    else if (buildingId) {
      const u = places.units.get(`${buildingId}/${v.unit}`);
      if (!u) err('unit', `单元“${v.unit}”不在楼栋“${v.building}”`);
      else unitId = u.id;
    }
  }

  const industryText = need('industry');
  const industryCode = industryText ? parseIndustry(industryText) : undefined;
  if (industryText && !industryCode) err('industry', '行业门类应为 A–T 字母或门类名称（GB/T 4754）');
  const sizeText = need('size');
  const size = sizeText ? parseSize(sizeText) : undefined;
  if (sizeText && !size) err('size', '企业规模应为 大型/中型/小型/微型');
  const tier = v.tier ? tierOf(v.tier) : 'none';
  if (v.tier && !tier) err('tier', '梯度层级无法识别');
  const status = v.status ? parseStatus(v.status) : 'active';
  if (v.status && !status) err('status', '状态应为 在园/筹建中/已迁出/已注销');

  let foundedOn: string | null = null;
  if (v.foundedOn) {
    const m = v.foundedOn.match(dateRe);
    const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
    if (!m || !d || d.getUTCDate() !== +m[3]!) err('foundedOn', '日期格式应为 YYYY-MM-DD');
    else foundedOn = d.toISOString().slice(0, 10);
  }
  const num = (key: 'registeredCapitalWan' | 'employeeCount', int: boolean) => {
    const s = v[key]?.replace(/,/g, '');
    if (!s) return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0 || (int && !Number.isInteger(n))) {
      err(key, int ? '应为非负整数' : '应为非负数字');
      return null;
    }
    return n;
  };
  const registeredCapitalWan = num('registeredCapitalWan', false);
  const employeeCount = num('employeeCount', true);
  if (v.phone && !/^[0-9+\-() ]{5,20}$/.test(v.phone)) err('phone', '电话号码格式不正确');

  if (errors.length > start) return null;
  return {
    row,
    values: {
      creditCode,
      name,
      shortName: v.shortName || null,
      parkId: park!.id,
      buildingId,
      unitId,
      industryCode: industryCode!,
      industryDetail: v.industryDetail || null,
      size: size!,
      tier: tier!,
      status: status!,
      foundedOn,
      registeredCapitalWan,
      employeeCount,
      legalRepresentative: v.legalRepresentative || null,
      phone: v.phone || null,
      address: v.address || null,
    },
  };
}
