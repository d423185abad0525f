import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, optText, pageOf, text } from './common.js';
import { BenefitType, Condition, MAX_RULE_DEPTH, PolicyLevel, RuleNode, Verdict, validateRules } from './eligibility.js';

/**
 * 惠企政策 library: public reading (no login), managing by `policies.manage` holders, and the
 * 政策找企业 follow-up checklist. See eligibility.ts for the rule format.
 */

// ---------- vocabularies ----------
export const policyStatuses = ['draft', 'published', 'expired', 'withdrawn'] as const;
export const PolicyStatus = z.enum(policyStatuses);
export type PolicyStatus = z.infer<typeof PolicyStatus>;
export const policyStatusLabels: Record<PolicyStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  expired: { zh: '已过期', en: 'Expired' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Lifecycle actions (each its own route: POST /policies/{id}/{action}). */
export const policyActions = ['publish', 'withdraw', 'expire'] as const;
export const PolicyAction = z.enum(policyActions);
export type PolicyAction = z.infer<typeof PolicyAction>;

export const followUpStatuses = ['pending', 'informed', 'not_interested', 'applying'] as const;
export const FollowUpStatus = z.enum(followUpStatuses);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;
export const followUpStatusLabels: Record<FollowUpStatus, { zh: string; en: string }> = {
  pending: { zh: '待跟进', en: 'Pending' },
  informed: { zh: '已告知', en: 'Informed' },
  not_interested: { zh: '无意向', en: 'Not interested' },
  applying: { zh: '申报中', en: 'Applying' },
};

// ---------- parts of a policy ----------
const shortList = (max: number, itemMax: number) => z.array(text(itemMax)).max(max, `最多${max}项`);

/** 政策解读: the plain-language explanation shown on the public page. */
export const PolicyInterpretation = z.strictObject({
  /** 适用对象 */
  audience: z.string().trim().max(2000, '不能超过2000个字符').default(''),
  /** 能享受什么 */
  benefits: z.string().trim().max(2000, '不能超过2000个字符').default(''),
  /** 关键条件 */
  keyConditions: shortList(30, 300).default([]),
  /** 申报材料 */
  materials: shortList(50, 200).default([]),
  /** 时间节点 */
  deadlines: z.string().trim().max(1000, '不能超过1000个字符').default(''),
  /** 咨询方式 */
  contact: z.string().trim().max(300, '不能超过300个字符').default(''),
  faq: z.array(z.strictObject({ q: text(300), a: text(2000) })).max(30, '最多30个问答').default([]),
});
export type PolicyInterpretation = z.infer<typeof PolicyInterpretation>;

/** One item of the application checklist (申报材料清单). */
export const PolicyMaterial = z.strictObject({ name: text(100), required: z.boolean().default(true) });
export type PolicyMaterial = z.infer<typeof PolicyMaterial>;

export const PolicyTagText = z.string().trim().min(1, '标签不能为空').max(20, '标签不能超过20个字符');

export const PolicyAttachment = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number().int(), createdAt: IsoDateTime });
export type PolicyAttachment = z.infer<typeof PolicyAttachment>;

// ---------- reading ----------
export const PolicySummary = z.object({
  id: z.string(),
  key: z.string().nullable(),
  title: z.string(),
  issuer: z.string(),
  level: PolicyLevel,
  docNumber: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  applyFrom: z.string().nullable(),
  applyUntil: z.string().nullable(),
  benefitType: BenefitType,
  maxAmountWan: z.number().nullable(),
  tags: z.array(z.string()),
  /** The interpretation's "what you get", for list cards. */
  benefits: z.string(),
  status: PolicyStatus,
  /** Published and its application window contains today (Asia/Shanghai). A policy without a window is never "open". */
  windowOpen: z.boolean(),
  updatedAt: IsoDateTime,
});
export type PolicySummary = z.infer<typeof PolicySummary>;
export const PolicyPage = pageOf(PolicySummary);

export const PolicyDetail = PolicySummary.extend({
  fullText: z.string(),
  interpretation: PolicyInterpretation,
  rules: RuleNode.nullable(),
  materials: z.array(PolicyMaterial),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  attachments: z.array(PolicyAttachment),
  version: z.number().int(),
  rulesVersion: z.number().int(),
  publishedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  /** Lifecycle actions the caller may take now (empty for the public). */
  allowedActions: z.array(PolicyAction),
  /** The caller may edit the policy (policies.manage of its operator). */
  canEdit: z.boolean(),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const policySorts = ['default', '-publishedOn', 'applyUntil', '-updatedAt', 'title'] as const;
export const PolicyListQuery = PageQuery.extend({
  /** Chinese substring search over title, issuer, 文号, tags, full text and interpretation. */
  q: z.string().trim().max(50, '搜索词不能超过50个字符').optional(),
  level: PolicyLevel.optional(),
  benefitType: BenefitType.optional(),
  tag: PolicyTagText.optional(),
  /** Only policies whose application window contains today (Asia/Shanghai). */
  openNow: z.enum(['true', 'false']).optional(),
  /** Staff with policies.manage see every status; everyone else sees published policies only. */
  status: PolicyStatus.optional(),
  /** Anonymous visitors of an installation with several operators: the operator's code. */
  operator: z.string().trim().max(40).optional(),
  /** default: open windows first, then the newest published. */
  sort: z.enum(policySorts).default('default'),
});
export type PolicyListQuery = z.infer<typeof PolicyListQuery>;

export const PolicyTagQuery = z.object({ operator: z.string().trim().max(40).optional() });
export const PolicyTagCount = z.object({ tag: z.string(), count: z.number().int() });
export const PolicyTagList = z.object({ items: z.array(PolicyTagCount) });

// ---------- writing ----------

const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);
const zhByCode: Record<string, string> = {
  invalid_value: '取值无效',
  invalid_type: '类型不正确',
  invalid_union: '条件类型无效',
  too_small: '数值或长度过小',
  too_big: '数值或长度过大',
};
const groupLabel = z.string().trim().min(1, '条件说明不能为空').max(120, '条件说明不能超过120个字符').optional();
const GroupShape = z.strictObject({ kind: z.enum(['all', 'any']), label: groupLabel, children: z.array(z.unknown()).min(1, '条件组不能为空').max(50, '条件组最多50项') });
const NotShape = z.strictObject({ kind: z.literal('not'), label: groupLabel, child: z.unknown() });

/**
 * Problems of a rule tree, node by node, each with its exact path (['children', 1, 'metric']).
 * Parsing the recursive union in one go would only say "rules is invalid"; editors need the field.
 */
export function ruleTreeIssues(v: unknown, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; message: string }[] {
  if (depth > MAX_RULE_DEPTH) return [{ path, message: `条件嵌套不能超过${MAX_RULE_DEPTH}层` }];
  const kind = v && typeof v === 'object' ? (v as { kind?: unknown }).kind : undefined;
  const schema: z.ZodType = kind === 'all' || kind === 'any' ? GroupShape : kind === 'not' ? NotShape : Condition;
  const r = schema.safeParse(v);
  if (!r.success) {
    return r.error.issues.flatMap((i) => {
      const at = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...path, ...at, k], message: `不支持的字段：${k}` }));
      const message = hasCjk(i.message) ? i.message : (zhByCode[i.code] ?? '格式不正确');
      // An unknown `kind` fails the discriminator: name `kind` itself.
      return [{ path: [...path, ...(i.code === 'invalid_union' && at.length === 0 ? ['kind'] : at)], message }];
    });
  }
  if (kind === 'all' || kind === 'any') {
    return (r.data as { children: unknown[] }).children.flatMap((c, i) => ruleTreeIssues(c, [...path, 'children', i], depth + 1));
  }
  if (kind === 'not') return ruleTreeIssues((r.data as { child: unknown }).child, [...path, 'child'], depth + 1);
  return [];
}

/** "children.0.value" → ['children', 0, 'value'] */
const pathParts = (dotted: string) => (dotted ? dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : []);

/**
 * Rules in a request body: the shape node by node (ruleTreeIssues), then the meaning (the
 * eligibility engine's validateRules: metric types, vocabularies, empty ranges), each problem a
 * 400 naming `rules.<path>`; finally parsed as a RuleNode (defaults applied).
 */
export const RuleNodeInput = z.unknown().transform((v, ctx): RuleNode => {
  const shape = ruleTreeIssues(v);
  const issues = shape.length ? shape : validateRules(v, '').map((i) => ({ path: pathParts(i.path), message: i.message }));
  for (const i of issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
  return issues.length ? z.NEVER : RuleNode.parse(v);
});

/**
 * The application window contains `today` (YYYY-MM-DD, Asia/Shanghai), both ends inclusive; one end may
 * be open, but a policy without any window is never "open" (nothing to apply for online). The one rule of
 * the library, the 可申报 page and applications; `windowOpenSql` in the policies repo is its SQL twin.
 */
export function policyWindowOpen(p: { applyFrom: string | null; applyUntil: string | null }, today: string): boolean {
  if (!p.applyFrom && !p.applyUntil) return false;
  return (!p.applyFrom || p.applyFrom <= today) && (!p.applyUntil || today <= p.applyUntil);
}

type DateFields = { effectiveFrom?: string | null; expiresOn?: string | null; applyFrom?: string | null; applyUntil?: string | null };

/**
 * Cross-field date rules, shared by the create schema and the service (which checks the merged
 * state on update). ISO dates compare correctly as strings. Returns the offending field.
 */
export function policyDateProblems(p: DateFields): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (p.applyFrom && p.applyUntil && p.applyUntil < p.applyFrom) out.push({ path: 'applyUntil', message: '申报截止日期不能早于开始日期' });
  if (p.effectiveFrom && p.expiresOn && p.expiresOn < p.effectiveFrom) out.push({ path: 'expiresOn', message: '失效日期不能早于生效日期' });
  return out;
}

const policyFields = {
  /** Stable slug (imports, demo content); unique per operator. */
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '标识只能包含小写字母、数字和连字符')
    .nullish(),
  title: text(200),
  issuer: text(100),
  level: PolicyLevel,
  docNumber: optText(100),
  publishedOn: IsoDate.nullish(),
  effectiveFrom: IsoDate.nullish(),
  expiresOn: IsoDate.nullish(),
  applyFrom: IsoDate.nullish(),
  applyUntil: IsoDate.nullish(),
  benefitType: BenefitType,
  maxAmountWan: z.number().finite('必须是数字').min(0, '最高金额不能为负数').max(1e9, '最高金额过大').nullish(),
  tags: z
    .array(PolicyTagText)
    .max(20, '最多20个标签')
    .refine((a) => new Set(a).size === a.length, '标签不能重复')
    .default([]),
  fullText: z.string().max(100_000, '政策原文不能超过100000个字符').default(''),
  interpretation: PolicyInterpretation,
  rules: RuleNodeInput.nullish(),
  departmentId: Id.nullish(),
  materials: z.array(PolicyMaterial).max(50, '最多50项材料').default([]),
};

function withDateRules<T extends z.ZodType<DateFields>>(schema: T) {
  return schema.superRefine((p, ctx) => {
    for (const e of policyDateProblems(p)) ctx.addIssue({ code: 'custom', message: e.message, path: [e.path] });
  });
}

/** A new policy is always a draft; publishing is its own action. */
export const PolicyCreate = withDateRules(z.strictObject(policyFields));
export type PolicyCreate = z.infer<typeof PolicyCreate>;

/** Partial update guarded by `version` (compare-and-set → 409 when stale). Dates are checked again on the merged state. */
export const PolicyUpdate = withDateRules(
  z.strictObject({
    version: z.number().int().min(1),
    key: policyFields.key,
    title: policyFields.title.optional(),
    issuer: policyFields.issuer.optional(),
    level: policyFields.level.optional(),
    // Absent stays absent (unchanged); '' clears it.
    docNumber: z.string().trim().max(100, '不能超过100个字符').nullish().transform((v) => (v === '' ? null : v)),
    publishedOn: policyFields.publishedOn,
    effectiveFrom: policyFields.effectiveFrom,
    expiresOn: policyFields.expiresOn,
    applyFrom: policyFields.applyFrom,
    applyUntil: policyFields.applyUntil,
    benefitType: policyFields.benefitType.optional(),
    maxAmountWan: policyFields.maxAmountWan,
    tags: z.array(PolicyTagText).max(20, '最多20个标签').refine((a) => new Set(a).size === a.length, '标签不能重复').optional(),
    fullText: z.string().max(100_000, '政策原文不能超过100000个字符').optional(),
    interpretation: PolicyInterpretation.optional(),
    rules: policyFields.rules,
    departmentId: policyFields.departmentId,
    materials: z.array(PolicyMaterial).max(50, '最多50项材料').optional(),
  }),
);
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;

/** Body of publish / expire: the version the caller saw. */
export const PolicyActionBody = z.strictObject({ version: z.number().int().min(1) });
/** Withdrawing needs a reason (shown in the audit log and the version history). */
export const PolicyWithdrawBody = z.strictObject({ version: z.number().int().min(1), reason: text(500) });

// ---------- versions ----------
export const PolicyVersionSummary = z.object({
  version: z.number().int(),
  /** What produced this version: create, update, publish, withdraw, expire. */
  action: z.string(),
  /** The reason given (withdraw). */
  reason: z.string().nullable(),
  status: PolicyStatus,
  rulesVersion: z.number().int(),
  /** Fields that differ from the previous version (empty for the first). */
  changedFields: z.array(z.string()),
  changedByName: z.string().nullable(),
  createdAt: IsoDateTime,
});
export const PolicyVersionList = z.object({ items: z.array(PolicyVersionSummary) });
export const PolicyVersionDetail = PolicyVersionSummary.extend({
  /** The policy's stored fields as they were at this version. */
  snapshot: z.record(z.string(), z.unknown()),
});
export const PolicyVersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1).max(2_147_483_647) });
export const PolicyAttachmentParams = z.object({ id: Id, attachmentId: Id });

// ---------- 政策找企业 follow-ups ----------
export const FollowUpListQuery = PageQuery.extend({
  policyId: Id.optional(),
  enterpriseId: Id.optional(),
  status: FollowUpStatus.optional(),
  /** The liaison officer the follow-up was assigned to. */
  liaisonId: Id.optional(),
});
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;

export const PolicyFollowUp = z.object({
  policyId: z.string(),
  policyTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  /** The current stored match; null when the enterprise no longer matches (the follow-up is kept). */
  verdict: Verdict.nullable(),
  status: FollowUpStatus,
  note: z.string().nullable(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
});
export type PolicyFollowUp = z.infer<typeof PolicyFollowUp>;
export const PolicyFollowUpPage = pageOf(PolicyFollowUp);
export const FollowUpParams = z.object({ policyId: Id, enterpriseId: Id });
export const FollowUpUpdate = z.strictObject({
  status: z.enum(['informed', 'not_interested', 'applying'], { message: '状态应为 已告知、无意向 或 申报中' }),
  note: optText(500),
  version: z.number().int().min(1),
});
export type FollowUpUpdate = z.infer<typeof FollowUpUpdate>;

/**
 * The rule editor's "who matches" preview of an unsaved draft. Same node-by-node parsing as a saved
 * policy (errors name `rules.children.1.value`; the depth limit applies before anything recurses).
 */
export const EligibilityPreviewBody = z.strictObject({ rules: RuleNodeInput, parkId: Id.optional() });
export type EligibilityPreviewBody = z.infer<typeof EligibilityPreviewBody>;
