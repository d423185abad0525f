/**
 * Shorthands for writing service guides (办事指南) as data: a material row, a step, and the
 * usual places enterprises in 株洲高新区 go to. Every helper returns plain data.
 */
import type { DemoServiceGuide } from './types.js';

type Material = DemoServiceGuide['materials'][number];
type Step = DemoServiceGuide['steps'][number];

/** 申请材料: name, copies (default 原件1份), optional note. */
export const mat = (name: string, copies = '原件1份', note: string | null = null): Material => ({ name, copies, note });
/** 办理流程 step. */
export const step = (title: string, detail: string): Step => ({ title, detail });

/** The zone's government service hall. */
export const GOV_HALL = '株洲高新区（天元区）政务服务中心';
/** A window in the zone's government service hall. */
export const hall = (window: string) => `${GOV_HALL} ${window}`;
/** The operator's one-stop service centre in a park. */
export const parkDesk = (park = '各园区') => `高科园创${park}一站式服务中心`;

/** Well-known public portals used by the guides. */
export const PORTALS = {
  hunanGov: 'https://zwfw.hunan.gov.cn/',
  hunanTax: 'https://etax.hunan.chinatax.gov.cn/',
  creditPublicity: 'https://www.gsxt.gov.cn/',
  hightech: 'http://www.innocom.gov.cn/',
  techSme: 'https://www.innofund.gov.cn/',
  srdi: 'https://zjtx.miit.gov.cn/',
  patent: 'https://cponline.cnipa.gov.cn/',
  trademark: 'https://sbj.cnipa.gov.cn/',
  copyright: 'https://register.ccopyright.com.cn/',
  singleWindow: 'https://www.singlewindow.cn/',
  pollutionPermit: 'https://permit.mee.gov.cn/',
  sinosure: 'https://www.sinosure.com.cn/',
} as const;
