import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, optText, pageOf, text } from './common.js';
import { BenefitType, PolicyLevel } from './eligibility.js';

/**
 * 申报 (policy applications) and 兑现 (disbursement). Workflow:
 * submitted → (liaison pre-check) prechecked → (department review) approved | rejected → disbursed;
 * a pre-check or a review may return the application for completion (returned → resubmit → submitted);
 * the enterprise may withdraw before a decision.
 */

// ---------- statuses and actions ----------
export const applicationStatuses = ['submitted', 'returned', 'prechecked', 'approved', 'rejected', 'disbursed', 'withdrawn'] as const;
export const ApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const applicationStatusLabels: Record<ApplicationStatus, { zh: string; en: string }> = {
  submitted: { zh: '待预审', en: 'Awaiting pre-check' },
  returned: { zh: '退回补正', en: 'Returned for completion' },
  prechecked: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  disbursed: { zh: '已兑现', en: 'Disbursed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
/** Not finished: at most one of these per enterprise and policy (a unique index enforces it). */
export const openApplicationStatuses = ['submitted', 'returned', 'prechecked', 'approved'] as const satisfies readonly ApplicationStatus[];

export const applicationActions = ['precheck', 'return', 'resubmit', 'approve', 'reject', 'disburse', 'withdraw'] as const;
export const ApplicationAction = z.enum(applicationActions);
export type ApplicationAction = z.infer<typeof ApplicationAction>;
/** Labels of the actions and of the other timeline entries (submit, material upload/removal, internal note). */
export const applicationActionLabels: Record<ApplicationAction | 'submit' | 'upload' | 'removeMaterial' | 'note', { zh: string; en: string }> = {
  submit: { zh: '提交申报', en: 'Submitted' },
  precheck: { zh: '预审通过', en: 'Pre-check passed' },
  return: { zh: '退回补正', en: 'Returned for completion' },
  resubmit: { zh: '补正后重新提交', en: 'Resubmitted' },
  approve: { zh: '审核通过', en: 'Approved' },
  reject: { zh: '审核不通过', en: 'Rejected' },
  disburse: { zh: '兑现拨付', en: 'Disbursed' },
  withdraw: { zh: '撤回申报', en: 'Withdrawn' },
  upload: { zh: '上传材料', en: 'Material uploaded' },
  removeMaterial: { zh: '删除材料', en: 'Material removed' },
  note: { zh: '内部备注', en: 'Internal note' },
};

/** The step an open application is waiting for; its deadline is `stepDueAt`. */
export const applicationSteps = ['precheck', 'completion', 'review', 'disbursement'] as const;
export const ApplicationStep = z.enum(applicationSteps);
export type ApplicationStep = z.infer<typeof ApplicationStep>;

// ---------- amounts and the form ----------
/** 万元 with at most two decimals. */
const wan = z
  .number('请输入金额')
  .finite('必须是数字')
  .max(10_000_000, '金额过大')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '金额最多保留两位小数');
const positiveWan = wan.refine((v) => v > 0, '金额必须大于0');
const nonNegativeWan = wan.refine((v) => v >= 0, '金额不能为负数');
const count = z.number().int('必须是整数').min(0, '不能为负数').max(10_000_000);

/**
 * The application form (申报表). Pre-filled from the registry and the latest indicators
 * (GET /policies/{id}/application-form); the enterprise checks and completes it. Amounts in 万元.
 */
export const ApplicationForm = z.strictObject({
  enterpriseName: optText(100),
  creditCode: optText(18),
  legalRepresentative: optText(50),
  address: optText(200),
  contactName: text(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确'),
  /** The fiscal year the figures below are from. */
  indicatorYear: z.number().int().min(2000).max(2100).nullish(),
  operatingRevenue: nonNegativeWan.nullish(),
  rdExpense: nonNegativeWan.nullish(),
  netProfit: wan.nullish(),
  totalAssets: nonNegativeWan.nullish(),
  totalStaff: count.nullish(),
  rdStaff: count.nullish(),
  ipClass1: count.nullish(),
  ipClass2: count.nullish(),
  /** 申报说明: what the enterprise applies for and why. */
  statement: optText(2000),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;

/** The form as stored and returned (every field may be absent or null). */
export const ApplicationFormValues = z.object({
  enterpriseName: z.string().nullish(),
  creditCode: z.string().nullish(),
  legalRepresentative: z.string().nullish(),
  address: z.string().nullish(),
  contactName: z.string().nullish(),
  contactPhone: z.string().nullish(),
  indicatorYear: z.number().int().nullish(),
  operatingRevenue: z.number().nullish(),
  rdExpense: z.number().nullish(),
  netProfit: z.number().nullish(),
  totalAssets: z.number().nullish(),
  totalStaff: z.number().int().nullish(),
  rdStaff: z.number().int().nullish(),
  ipClass1: z.number().int().nullish(),
  ipClass2: z.number().int().nullish(),
  statement: z.string().nullish(),
});
export type ApplicationFormValues = z.infer<typeof ApplicationFormValues>;

export const MaterialChecklistItem = z.object({ name: z.string(), required: z.boolean() });
export type MaterialChecklistItem = z.infer<typeof MaterialChecklistItem>;

// ---------- create and act ----------
/** An enterprise contact applies for its own enterprise (staff do not apply on an enterprise's behalf). */
export const ApplicationCreate = z.strictObject({
  policyId: Id,
  requestedAmountWan: positiveWan.nullish(),
  form: ApplicationForm,
  /** 申报承诺: the enterprise declares the information true and complete. */
  declarationAccepted: z.literal(true, { error: '请阅读并勾选申报承诺' }),
});
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;

export const ApplicationActionParams = z.object({ id: Id, action: ApplicationAction });

export const ApplicationActionBody = z.strictObject({
  /** The version the caller saw: a concurrent second actor gets 409. */
  version: z.number().int().min(1),
  /** A remark on the step. Public by default; `visibility: internal` hides it from the enterprise. */
  note: optText(2000),
  visibility: z.enum(['public', 'internal']).default('public'),
  /** return, reject: the reason the enterprise is given (always public). */
  reason: optText(500),
  /** approve: the approved amount; disburse: the amount paid (万元). */
  amountWan: positiveWan.optional(),
  /** disburse: the payment date (not in the future, not before the approval). */
  disbursedOn: IsoDate.optional(),
  /** disburse: the payment reference (拨付凭证号). */
  reference: optText(100),
  /** resubmit: the completed form and requested amount (omit to keep the current ones). */
  form: ApplicationForm.optional(),
  requestedAmountWan: positiveWan.nullish(),
});
export type ApplicationActionBody = z.infer<typeof ApplicationActionBody>;

// ---------- list ----------
const statusList = z
  .string()
  .refine((v) => v === 'open' || v.split(',').every((x) => (applicationStatuses as readonly string[]).includes(x)), '状态应为 open 或以逗号分隔的申报状态')
  .describe('comma-separated statuses, or "open"');

/** Filters shared by the list, its export and the statistics. Dates are Asia/Shanghai calendar days, both ends inclusive, on the submission time. */
export const ApplicationFilters = z.object({
  q: z.string().trim().max(50).optional().describe('申报编号或企业名称'),
  status: statusList.optional(),
  policyId: Id.optional(),
  parkId: Id.optional(),
  enterpriseId: Id.optional(),
  /** Waiting for me: officers' pre-checks, the department's reviews and disbursements, the enterprise's returned ones. */
  mine: z.enum(['true', 'false']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ApplicationFilters = z.infer<typeof ApplicationFilters>;

export const ApplicationListQuery = PageQuery.extend(ApplicationFilters.shape).extend({
  sort: z.enum(['-submittedAt', 'submittedAt', 'stepDueAt']).default('-submittedAt'),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

// ---------- DTOs ----------
export const ApplicationSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: ApplicationStatus,
  policyId: z.string(),
  policyTitle: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  requestedAmountWan: z.number().nullable(),
  approvedAmountWan: z.number().nullable(),
  disbursedAmountWan: z.number().nullable(),
  submittedAt: IsoDateTime,
  decidedAt: IsoDateTime.nullable(),
  /** Deadline of the step the application waits for (null when finished or back with the enterprise). */
  step: ApplicationStep.nullable(),
  stepDueAt: IsoDateTime.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;
export const ApplicationPage = pageOf(ApplicationSummary);

export const ApplicationEvent = z.object({
  id: z.string(),
  at: IsoDateTime,
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

export const ApplicationMaterial = z.object({
  id: z.string(),
  item: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedByName: z.string().nullable(),
  /** Whether the caller may delete it now (own upload while the application is editable). */
  canDelete: z.boolean(),
  createdAt: IsoDateTime,
});
export type ApplicationMaterial = z.infer<typeof ApplicationMaterial>;

export const ApplicationPolicySummary = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  level: PolicyLevel,
  docNumber: z.string().nullable(),
  benefitType: BenefitType,
  maxAmountWan: z.number().nullable(),
  applyFrom: z.string().nullable(),
  applyUntil: z.string().nullable(),
  status: z.string(),
  materials: z.array(MaterialChecklistItem),
});
export type ApplicationPolicySummary = z.infer<typeof ApplicationPolicySummary>;

export const ApplicationEnterpriseSummary = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
});

export const ApplicationDetail = ApplicationSummary.extend({
  form: ApplicationFormValues,
  declarationAccepted: z.boolean(),
  disbursedOn: z.string().nullable(),
  disbursementRef: z.string().nullable(),
  rejectReason: z.string().nullable(),
  policy: ApplicationPolicySummary,
  enterprise: ApplicationEnterpriseSummary,
  materials: z.array(ApplicationMaterial),
  /** Required checklist items without a file yet (pre-check cannot pass while any is missing). */
  missingMaterials: z.array(z.string()),
  /** The enterprise sees only public entries. */
  timeline: z.array(ApplicationEvent),
  /** Actions the caller may take now (the UI shows only these). */
  allowedActions: z.array(ApplicationAction),
  /** Whether the caller may upload materials now. */
  canUpload: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

// ---------- pre-filled form ----------
export const ApplicationFormQuery = z.object({
  /** Staff name the enterprise; an enterprise contact may omit it (their own). */
  enterpriseId: Id.optional(),
});

export const ApplicationFormPrefill = z.object({
  policy: ApplicationPolicySummary,
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  /** Suggested values; figures from the latest reported year (`indicatorYear`), null where unreported. */
  form: ApplicationFormValues,
  materials: z.array(MaterialChecklistItem),
  /** Whether today (Asia/Shanghai) is inside the application window; a missing bound is open. */
  windowOpen: z.boolean(),
  /** The enterprise's unfinished application for this policy, if any (a second one is refused). */
  openApplicationId: z.string().nullable(),
});
export type ApplicationFormPrefill = z.infer<typeof ApplicationFormPrefill>;

// ---------- statistics ----------
export const applicationStatsGroupings = ['policy', 'park', 'month'] as const;
export const ApplicationStatsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  groupBy: z.enum(applicationStatsGroupings).default('policy'),
  policyId: Id.optional(),
  parkId: Id.optional(),
});
export type ApplicationStatsQuery = z.infer<typeof ApplicationStatsQuery>;

/**
 * One group. `approved` counts applications approved (including those since disbursed); `decided` =
 * approved + rejected; `approvalRate` = approved / decided (null when nothing is decided yet).
 * Amounts in 万元: approved amounts of approved and disbursed applications; disbursed amounts paid.
 */
export const ApplicationStatsRow = z.object({
  key: z.string(),
  label: z.string(),
  applications: z.number().int(),
  pending: z.number().int(),
  decided: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  withdrawn: z.number().int(),
  disbursed: z.number().int(),
  approvalRate: z.number().nullable(),
  approvedAmountWan: z.number(),
  disbursedAmountWan: z.number(),
});
export type ApplicationStatsRow = z.infer<typeof ApplicationStatsRow>;

export const ApplicationStats = z.object({
  groupBy: z.enum(applicationStatsGroupings),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(ApplicationStatsRow),
  totals: ApplicationStatsRow.omit({ key: true, label: true }),
});
export type ApplicationStats = z.infer<typeof ApplicationStats>;
