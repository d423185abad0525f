import { z } from 'zod';
import { EnterpriseSize, EnterpriseStatus, IndustrySection, Tier } from './enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, Phone, optText, pageOf, text } from './common.js';

// ---------- parks, buildings, units ----------
export const Park = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  enterpriseCount: z.number().int(),
  buildingCount: z.number().int(),
});
export type Park = z.infer<typeof Park>;

export const Building = z.object({ id: z.string(), parkId: z.string(), name: z.string(), kind: z.string() });
export const Unit = z.object({ id: z.string(), buildingId: z.string(), name: z.string(), floor: z.number().int().nullable() });
export const ParkDetail = Park.extend({
  buildings: z.array(Building.extend({ units: z.array(Unit) })),
});

// ---------- staff, departments, areas ----------
export const StaffSummary = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  active: z.boolean(),
  gridSize: z.number().int(),
  backupCount: z.number().int(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;
export const StaffListQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  role: z.string().max(32).optional(),
  areaId: Id.optional(),
  departmentId: Id.optional(),
});
export const StaffPage = pageOf(StaffSummary);

export const Department = z.object({ id: z.string(), name: z.string(), kind: z.string(), staffCount: z.number().int() });
export const Area = z.object({
  id: z.string(),
  name: z.string(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  officerCount: z.number().int(),
  enterpriseCount: z.number().int(),
});
export type Area = z.infer<typeof Area>;
export const AreaCreate = z.strictObject({ name: text(50), leaderId: Id.nullish() });
export const AreaUpdate = z.strictObject({ name: text(50).optional(), leaderId: Id.nullish() });
export const AreaMembersBody = z.strictObject({ staffIds: z.array(Id).min(1).max(200) });

// ---------- enterprises ----------
export const EnterpriseListQuery = PageQuery.extend({
  q: z.string().trim().max(50, '搜索词不能超过50个字符').optional(),
  parkId: Id.optional(),
  industry: IndustrySection.optional(),
  tier: Tier.optional(),
  size: EnterpriseSize.optional(),
  status: EnterpriseStatus.optional(),
  liaisonId: Id.optional(),
  /** 'none' lists enterprises without an officer (to be assigned). */
  unassigned: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', '-updatedAt', 'creditCode']).default('name'),
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

export const EnterpriseSummary = z.object({
  id: z.string(),
  creditCode: z.string(),
  name: z.string(),
  industryCode: z.string(),
  size: EnterpriseSize,
  tier: Tier,
  status: EnterpriseStatus,
  parkId: z.string(),
  parkName: z.string(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;
export const EnterprisePage = pageOf(EnterpriseSummary);

export const Contact = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
  hasAccount: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const LiaisonHistoryEntry = z.object({
  id: z.string(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  backupLiaisonId: z.string().nullable(),
  backupLiaisonName: z.string().nullable(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  reason: z.string().nullable(),
  assignedByName: z.string().nullable(),
});

export const EnterpriseDetail = EnterpriseSummary.extend({
  shortName: z.string().nullable(),
  industryDetail: z.string().nullable(),
  foundedOn: z.string().nullable(),
  registeredCapitalWan: z.number().nullable(),
  employeeCount: z.number().int().nullable(),
  legalRepresentative: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  businessScope: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  backupLiaisonId: z.string().nullable(),
  backupLiaisonName: z.string().nullable(),
  areaName: z.string().nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  contacts: z.array(Contact),
  liaisonHistory: z.array(LiaisonHistoryEntry),
  /** What the caller may do with this enterprise (the UI hides the rest). */
  abilities: z.object({ edit: z.boolean(), assignLiaison: z.boolean(), editContacts: z.boolean() }),
});
export type EnterpriseDetail = z.infer<typeof EnterpriseDetail>;

const enterpriseFields = {
  name: text(100),
  shortName: optText(30),
  industryCode: IndustrySection,
  industryDetail: optText(100),
  size: EnterpriseSize,
  tier: Tier.default('none'),
  status: EnterpriseStatus.default('active'),
  foundedOn: IsoDate.nullish(),
  registeredCapitalWan: z.number().min(0).max(1e9).nullish(),
  employeeCount: z.number().int().min(0).max(10_000_000).nullish(),
  legalRepresentative: optText(50),
  phone: Phone,
  address: optText(200),
  businessScope: optText(2000),
  parkId: Id,
  buildingId: Id.nullish(),
  unitId: Id.nullish(),
};

export const EnterpriseCreate = z.strictObject({
  creditCode: z.string().max(40, '统一社会信用代码过长'),
  ...enterpriseFields,
});
export type EnterpriseCreate = z.infer<typeof EnterpriseCreate>;

/** Partial update guarded by `version` (compare-and-set → 409 when stale). */
export const EnterpriseUpdate = z.strictObject({
  version: z.number().int().min(1),
  creditCode: z.string().max(40, '统一社会信用代码过长').optional(),
  name: enterpriseFields.name.optional(),
  shortName: enterpriseFields.shortName.optional(),
  industryCode: enterpriseFields.industryCode.optional(),
  industryDetail: enterpriseFields.industryDetail.optional(),
  size: enterpriseFields.size.optional(),
  tier: Tier.optional(),
  status: EnterpriseStatus.optional(),
  foundedOn: enterpriseFields.foundedOn,
  registeredCapitalWan: enterpriseFields.registeredCapitalWan,
  employeeCount: enterpriseFields.employeeCount,
  legalRepresentative: enterpriseFields.legalRepresentative.optional(),
  phone: enterpriseFields.phone.optional(),
  address: enterpriseFields.address.optional(),
  businessScope: enterpriseFields.businessScope.optional(),
  parkId: Id.optional(),
  buildingId: Id.nullish(),
  unitId: Id.nullish(),
});
export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdate>;

export const ContactCreate = z.strictObject({
  name: text(50),
  title: optText(50),
  phone: Phone,
  email: z.string().trim().email('邮箱格式不正确').max(100).nullish().or(z.literal('').transform(() => null)),
  isPrimary: z.boolean().default(false),
});
export const ContactUpdate = ContactCreate.partial();
export const ContactParams = z.object({ id: Id, contactId: Id });

// ---------- liaison grid ----------
export const GridAssignBody = z.strictObject({
  liaisonId: Id.nullable(),
  backupLiaisonId: Id.nullish(),
  reason: optText(200),
});
export const GridBulkAssignBody = z.strictObject({
  enterpriseIds: z.array(Id).min(1, '至少选择一家企业').max(500),
  liaisonId: Id,
  backupLiaisonId: Id.nullish(),
  reason: optText(200),
});
export const GridWorkloadQuery = PageQuery.extend({
  areaId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['gridSize', '-gridSize', 'name']).default('-gridSize'),
});
export const OfficerWorkload = z.object({
  staffId: z.string(),
  name: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  gridSize: z.number().int(),
  backupCount: z.number().int(),
  parks: z.array(z.string()),
});
export const WorkloadPage = pageOf(OfficerWorkload);

// ---------- import ----------
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;
export const ImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  errors: z.array(ImportRowError),
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

// ---------- audit ----------
export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: Id.optional(),
  actorId: Id.optional(),
  action: z.string().max(60).optional(),
});
export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const AuditPage = pageOf(AuditEntry);

// ---------- staff accounts ----------
export const Password = z
  .string()
  .min(8, '密码至少8位')
  .max(128, '密码过长')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');
const staffRole = z.enum(['admin', 'leader', 'park_manager', 'liaison', 'dept_handler']);
export const StaffCreate = z.strictObject({
  name: text(50),
  username: z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为3-32位小写字母、数字或 ._-，以字母开头'),
  password: Password,
  roles: z.array(staffRole).min(1, '至少选择一个角色'),
  title: optText(50),
  phone: Phone,
  departmentId: Id.nullish(),
  areaId: Id.nullish(),
  parkIds: z.array(Id).max(20).default([]),
});
export const StaffUpdate = z.strictObject({
  name: text(50).optional(),
  roles: z.array(staffRole).min(1, '至少选择一个角色').optional(),
  title: optText(50).optional(),
  phone: Phone.optional(),
  departmentId: Id.nullish(),
  areaId: Id.nullish(),
  parkIds: z.array(Id).max(20).optional(),
  active: z.boolean().optional(),
});
export const PasswordReset = z.strictObject({ password: Password });
export const PasswordChange = z.strictObject({ currentPassword: z.string().min(1, '请输入当前密码').max(128), newPassword: Password });

// ---------- parks administration ----------
export const ParkCreate = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, '编码为1-20位字母、数字、_ 或 -'),
  name: text(50),
  address: optText(200),
  description: optText(1000),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export const ParkUpdate = ParkCreate.partial();
export const BuildingCreate = z.strictObject({ name: text(30), kind: z.enum(['office', 'factory', 'apartment', 'mixed']).default('factory') });
export const UnitCreate = z.strictObject({ name: text(30), floor: z.number().int().min(-5).max(200).nullish() });
