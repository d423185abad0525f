import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, optText, pageOf, text } from './common.js';

export const requestKinds = ['consultation', 'complaint', 'appeal', 'difficulty', 'suggestion', 'repair'] as const;
export const RequestKind = z.enum(requestKinds);
export type RequestKind = z.infer<typeof RequestKind>;
export const requestKindLabels: Record<RequestKind, { zh: string; en: string }> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  complaint: { zh: '投诉', en: 'Complaint' },
  appeal: { zh: '申诉', en: 'Appeal' },
  difficulty: { zh: '困难求助', en: 'Difficulty' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  repair: { zh: '报修', en: 'Repair' },
};

export const channels = ['web', 'mobile', 'kiosk', 'phone', 'visit', 'api'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;
export const channelLabels: Record<Channel, { zh: string; en: string }> = {
  web: { zh: '网页', en: 'Web' },
  mobile: { zh: '手机', en: 'Mobile' },
  kiosk: { zh: '自助终端', en: 'Kiosk' },
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '走访', en: 'Visit' },
  api: { zh: '接口', en: 'API' },
};

export const priorities = ['normal', 'urgent'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const requestStatuses = ['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue', 'resolved', 'closed'] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const requestStatusLabels: Record<RequestStatus, { zh: string; en: string }> = {
  submitted: { zh: '待受理', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  awaiting_info: { zh: '待补充', en: 'Awaiting info' },
  key_issue: { zh: '重点难题', en: 'Key issue' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** 好差评 (国办发〔2019〕51号): 5 非常满意 … 1 非常不满意. */
export const ratingLabels = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const;

export const requestActions = [
  'accept',
  'feedback',
  'resolve',
  'returnForInfo',
  'reply',
  'confirm',
  'rate',
  'reopen',
  'reject',
  'transfer',
  'deptAccept',
  'handBack',
  'reassign',
  'markKeyIssue',
  'merge',
] as const;
export const RequestAction = z.enum(requestActions);
export const requestActionLabels: Record<RequestAction | 'submit', { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'Submitted' },
  accept: { zh: '受理', en: 'Accept' },
  feedback: { zh: '反馈', en: 'Feedback' },
  resolve: { zh: '解决', en: 'Resolve' },
  returnForInfo: { zh: '退回补充', en: 'Ask for info' },
  reply: { zh: '补充信息', en: 'Reply' },
  confirm: { zh: '确认办结', en: 'Confirm' },
  rate: { zh: '评价', en: 'Rate' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  reject: { zh: '不予受理', en: 'Reject' },
  transfer: { zh: '转办', en: 'Transfer' },
  deptAccept: { zh: '部门签收', en: 'Department accepts' },
  handBack: { zh: '部门退回', en: 'Hand back' },
  reassign: { zh: '改派', en: 'Reassign' },
  markKeyIssue: { zh: '列为重点难题', en: 'Mark as key issue' },
  merge: { zh: '并单', en: 'Merge' },
};
export type RequestAction = z.infer<typeof RequestAction>;

export const RequestCategory = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** false only in the administrators' view (`includeInactive=true`): deactivated, can be reactivated. */
  active: z.boolean(),
});
export const RequestCategoryQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const RequestCreate = z.strictObject({
  kind: RequestKind,
  categoryId: Id,
  title: text(100),
  description: text(5000),
  priority: Priority.default('normal'),
  channel: Channel.optional(),
  /** Staff registering on an enterprise's behalf name the enterprise; contacts may omit it. */
  enterpriseId: Id.optional(),
  /** Staff registering a phone call or visit give the true received time (not in the future). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  buildingId: Id.nullish(),
  unitId: Id.nullish(),
  locationNote: optText(200),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  submitterName: optText(50),
  submitterPhone: optText(30),
});
export type RequestCreate = z.infer<typeof RequestCreate>;

export const RequestListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z
    .string()
    .refine((v) => v === 'open' || v.split(',').every((x) => (requestStatuses as readonly string[]).includes(x)), '状态应为 open 或以逗号分隔的诉求状态')
    .optional()
    .describe('comma-separated statuses, or "open"'),
  kind: RequestKind.optional(),
  categoryId: Id.optional(),
  channel: Channel.optional(),
  parkId: Id.optional(),
  enterpriseId: Id.optional(),
  liaisonId: Id.optional(),
  departmentId: Id.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Closed requests picked for a follow-up call (all, or the configured sample) that have none yet. */
  followUpDue: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['deadline', '-receivedAt', 'receivedAt']).default('-receivedAt'),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

const Clock = z.object({ dueAt: IsoDateTime, warnAt: IsoDateTime, doneAt: IsoDateTime.nullable(), state: z.enum(['running', 'warning', 'breached', 'met', 'late', 'paused']) });

export const RequestSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: RequestStatus,
  kind: RequestKind,
  channel: Channel,
  priority: Priority,
  title: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  parkId: z.string(),
  parkName: z.string(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  isKeyIssue: z.boolean(),
  receivedAt: IsoDateTime,
  acceptBy: IsoDateTime,
  feedbackBy: IsoDateTime,
  resolveBy: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  rating: z.number().int().nullable(),
  version: z.number().int(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;
export const RequestPage = pageOf(RequestSummary);

export const RequestEvent = z.object({
  id: z.string(),
  at: IsoDateTime,
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
});

export const FollowUpCreate = z.strictObject({
  method: z.enum(['phone', 'visit', 'online']),
  rating: z.number().int().min(1).max(5).nullish(),
  note: text(2000),
});
export const FollowUp = z.object({
  id: z.string(),
  method: z.string(),
  rating: z.number().int().nullable(),
  note: z.string().nullable(),
  at: IsoDateTime,
  staffName: z.string().nullable(),
});

export const Attachment = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  visibility: z.enum(['public', 'internal']),
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

export const RequestDetail = RequestSummary.extend({
  description: z.string(),
  submitterName: z.string().nullable(),
  submitterPhone: z.string().nullable(),
  buildingId: z.string().nullable(),
  unitId: z.string().nullable(),
  locationNote: z.string().nullable(),
  clockStartedAt: IsoDateTime,
  clocks: z.object({ accept: Clock, feedback: Clock, resolve: Clock }),
  acceptedAt: IsoDateTime.nullable(),
  firstFeedbackAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  closeReason: z.string().nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  transferStatus: z.enum(['none', 'pending', 'accepted', 'handed_back']),
  keyIssueLeaderId: z.string().nullable(),
  rectificationBy: IsoDateTime.nullable(),
  followUpRequired: z.boolean(),
  followUps: z.array(FollowUp),
  attachments: z.array(Attachment),
  slaPolicy: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
  timeline: z.array(RequestEvent),
  /** Actions the caller may take now (the UI shows only these). */
  allowedActions: z.array(RequestAction),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestActionBody = z.strictObject({
  /** The version the caller saw: a concurrent second actor gets 409. */
  version: z.number().int().min(1),
  note: optText(2000),
  /** Internal notes are hidden from the enterprise. */
  visibility: z.enum(['public', 'internal']).default('public'),
  rating: z.number().int().min(1).max(5).optional(),
  /** transfer: the department that takes over the handling. */
  departmentId: Id.optional(),
  /** reassign: the new responsible liaison officer. */
  liaisonId: Id.optional(),
  /** markKeyIssue: the leader who owns the key difficult problem. */
  leaderId: Id.optional(),
  /** merge: the request this duplicate is merged into. */
  mergedIntoId: Id.optional(),
});
export type RequestActionBody = z.infer<typeof RequestActionBody>;
export const RequestActionParams = z.object({ id: Id, action: RequestAction });

export const SlaPreviewBody = z.strictObject({
  startAt: z.iso.datetime({ offset: true }),
  categoryId: Id.optional(),
  priority: Priority.optional(),
});
export const SlaPreview = z.object({
  clockStartedAt: IsoDateTime,
  acceptBy: IsoDateTime,
  feedbackBy: IsoDateTime,
  resolveBy: IsoDateTime,
  policy: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
});
