import { z } from 'zod';

/** Roles a user may hold. Names follow the glossary. */
export const roles = ['admin', 'leader', 'park_manager', 'liaison', 'dept_handler', 'enterprise_contact'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '平台管理员', en: 'Platform administrator' },
  leader: { zh: '园区领导', en: 'Leader' },
  park_manager: { zh: '园区经理', en: 'Park manager' },
  liaison: { zh: '企业联络员', en: 'Liaison officer' },
  dept_handler: { zh: '承办部门人员', en: 'Department handler' },
  enterprise_contact: { zh: '企业联系人', en: 'Enterprise contact' },
};

/** Cultivation ladder tiers (梯度培育). `none` = not yet on the ladder. */
export const tiers = ['none', 'techSme', 'innovativeSme', 'highTech', 'srdi', 'littleGiant'] as const;
export const Tier = z.enum(tiers);
export type Tier = z.infer<typeof Tier>;
export const tierLabels: Record<Tier, { zh: string; en: string }> = {
  none: { zh: '未入库', en: 'None' },
  techSme: { zh: '科技型中小企业', en: 'Tech SME' },
  innovativeSme: { zh: '创新型中小企业', en: 'Innovative SME' },
  highTech: { zh: '高新技术企业', en: 'High-tech enterprise' },
  srdi: { zh: '专精特新中小企业', en: 'SRDI SME' },
  littleGiant: { zh: '专精特新“小巨人”', en: 'Little giant' },
};

/** Enterprise size per 统计上大中小微型企业划分办法. */
export const sizes = ['large', 'medium', 'small', 'micro'] as const;
export const EnterpriseSize = z.enum(sizes);
export type EnterpriseSize = z.infer<typeof EnterpriseSize>;
export const sizeLabels: Record<EnterpriseSize, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

export const enterpriseStatuses = ['active', 'preparing', 'moved_out', 'deregistered'] as const;
export const EnterpriseStatus = z.enum(enterpriseStatuses);
export type EnterpriseStatus = z.infer<typeof EnterpriseStatus>;
export const statusLabels: Record<EnterpriseStatus, { zh: string; en: string }> = {
  active: { zh: '在园', en: 'Active' },
  preparing: { zh: '筹建中', en: 'Preparing' },
  moved_out: { zh: '已迁出', en: 'Moved out' },
  deregistered: { zh: '已注销', en: 'Deregistered' },
};

/** GB/T 4754-2017 sections (门类). */
export const industrySections = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;
export type IndustrySection = keyof typeof industrySections;
export const IndustrySection = z.enum(Object.keys(industrySections) as [IndustrySection, ...IndustrySection[]]);
