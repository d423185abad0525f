/**
 * Shapes of the demo policy library (惠企政策) and the service-guide catalogue (办事指南) seeded for
 * 湖南高科园创 / 株洲高新区. Pure data contracts; the seeding code maps them onto database rows.
 */
import type { BenefitType, PolicyLevel, RuleNode } from '@yqt/contracts';

export interface DemoPolicy {
  /** Stable slug, unique, e.g. 'hightech-income-tax-15'. */
  key: string;
  title: string;
  /** 发文机关, e.g. '财政部 税务总局'. */
  issuer: string;
  level: PolicyLevel;
  /** 文号 — only real document numbers; null when not known for sure. */
  docNumber: string | null;
  /** YYYY-MM-DD */
  publishedOn: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  /** YYYY-MM-DD, null = open-ended. */
  expiresOn: string | null;
  /** Application window relative to the day the demo is seeded (days; negative = past). null = no window (e.g. automatic tax relief). */
  window: { fromOffsetDays: number; toOffsetDays: number } | null;
  benefitType: BenefitType;
  /** 最高金额 in 万元 */
  maxAmountWan: number | null;
  /** Short Chinese tags, e.g. ['研发', '高企', '税收']. */
  tags: string[];
  status: 'published' | 'draft' | 'expired' | 'withdrawn';
  /** The policy's operative text: several paragraphs, '\n' between paragraphs. */
  fullText: string;
  /** 政策解读 in plain Chinese for a small-business owner. */
  interpretation: {
    /** 适用对象 */
    audience: string;
    /** 能享受什么 */
    benefits: string;
    /** 关键条件, plain language */
    keyConditions: string[];
    /** 申报材料 */
    materials: string[];
    /** 时间节点 */
    deadlines: string;
    /** 咨询方式 (department + phone) */
    contact: string;
    /** 2–4 questions and answers */
    faq: { q: string; a: string }[];
  };
  /** Machine-checkable eligibility; null only when truly not checkable. */
  rules: RuleNode | null;
  /** Checklist an applicant uploads. */
  materials: { name: string; required: boolean }[];
}

export interface DemoServiceGuide {
  /** Stable unique code, e.g. 'SG-001'. */
  code: string;
  /** 事项名称 */
  name: string;
  /** e.g. '市场主体登记', '科技创新', '人才服务', '建设工程', '税务', '社保医保', '园区服务', '知识产权', '环保安全', '外贸' */
  category: string;
  /** 办理部门 */
  department: string;
  /** 申请对象 */
  audience: string;
  /** 办理条件 */
  conditions: string[];
  /** 申请材料 (copies like '原件1份') */
  materials: { name: string; copies: string; note: string | null }[];
  /** 办理流程 */
  steps: { title: string; detail: string }[];
  /** 承诺时限, e.g. '3个工作日' */
  timeLimit: string;
  /** 收费标准, e.g. '不收费' */
  fees: string;
  /** 办理地点 */
  location: string;
  /** Only well-known real portals, otherwise null. */
  onlineUrl: string | null;
  faq: { q: string; a: string }[];
}
