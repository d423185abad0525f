import { industrySections, sizeLabels, statusLabels, tierLabels, type EnterpriseSize, type EnterpriseStatus, type Tier } from '@yqt/contracts';

/** Roster columns, in template order. Headers are matched by any alias (Chinese or English). */
export const rosterColumns = [
  { key: 'creditCode', header: '统一社会信用代码', required: true, aliases: ['信用代码', 'creditCode', 'credit_code'], width: 24 },
  { key: 'name', header: '企业名称', required: true, aliases: ['名称', 'name'], width: 36 },
  { key: 'shortName', header: '企业简称', required: false, aliases: ['简称', 'shortName'], width: 14 },
  { key: 'park', header: '所属园区', required: true, aliases: ['园区', 'park'], width: 18 },
  { key: 'building', header: '楼栋', required: false, aliases: ['building'], width: 10 },
  { key: 'unit', header: '单元', required: false, aliases: ['unit'], width: 10 },
  { key: 'industry', header: '行业门类', required: true, aliases: ['行业', 'industry', 'industryCode'], width: 20 },
  { key: 'industryDetail', header: '细分行业', required: false, aliases: ['行业细分', 'industryDetail'], width: 20 },
  { key: 'size', header: '企业规模', required: true, aliases: ['规模', 'size'], width: 10 },
  { key: 'tier', header: '梯度层级', required: false, aliases: ['层级', 'tier'], width: 18 },
  { key: 'status', header: '状态', required: false, aliases: ['status'], width: 8 },
  { key: 'foundedOn', header: '成立日期', required: false, aliases: ['foundedOn'], width: 12 },
  { key: 'registeredCapitalWan', header: '注册资本（万元）', required: false, aliases: ['注册资本', '注册资本(万元)', 'registeredCapitalWan'], width: 14 },
  { key: 'employeeCount', header: '从业人数', required: false, aliases: ['员工人数', 'employeeCount'], width: 10 },
  { key: 'legalRepresentative', header: '法定代表人', required: false, aliases: ['法人', 'legalRepresentative'], width: 12 },
  { key: 'phone', header: '联系电话', required: false, aliases: ['电话', 'phone'], width: 16 },
  { key: 'address', header: '地址', required: false, aliases: ['address'], width: 30 },
] as const;
export type RosterKey = (typeof rosterColumns)[number]['key'];
export type RawRow = Partial<Record<RosterKey, string>>;

export const headerOf = (key: RosterKey) => rosterColumns.find((c) => c.key === key)!.header;

const normHeader = (h: string) => h.replace(/[\s*＊（）()]/g, '').toLowerCase();
const headerIndex = new Map<string, RosterKey>();
for (const c of rosterColumns) for (const h of [c.header, ...c.aliases]) headerIndex.set(normHeader(h), c.key);
export const keyForHeader = (h: string): RosterKey | undefined => headerIndex.get(normHeader(h));

/** Accepts the code or the Chinese label of each enum. */
function reverse<T extends string>(labels: Record<T, { zh: string; en: string }>) {
  const m = new Map<string, T>();
  for (const [k, v] of Object.entries(labels) as [T, { zh: string; en: string }][]) {
    m.set(k.toLowerCase(), k);
    m.set(v.zh, k);
    m.set(v.en.toLowerCase(), k);
  }
  return (s: string) => m.get(s.trim()) ?? m.get(s.trim().toLowerCase());
}
export const parseSize = reverse<EnterpriseSize>(sizeLabels);
export const parseTier = reverse<Tier>({ ...tierLabels, littleGiant: { zh: '小巨人', en: 'little giant' } } as typeof tierLabels);
const parseTierFull = reverse<Tier>(tierLabels);
export const tierOf = (s: string) => parseTierFull(s) ?? parseTier(s) ?? (s.includes('小巨人') ? 'littleGiant' : undefined);
export const parseStatus = reverse<EnterpriseStatus>(statusLabels);

/** "C", "C 制造业", "制造业" all mean section C. */
export function parseIndustry(s: string): keyof typeof industrySections | undefined {
  const t = s.trim().toUpperCase();
  const letter = t.match(/^([A-T])\b/)?.[1];
  if (letter) return letter as keyof typeof industrySections;
  for (const [k, v] of Object.entries(industrySections)) if (s.includes(v)) return k as keyof typeof industrySections;
  return undefined;
}
