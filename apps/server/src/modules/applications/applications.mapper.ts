import type { ApplicationDetail, ApplicationFormValues, ApplicationStatus, ApplicationSummary, BenefitType, PolicyLevel } from '@yqt/contracts';
import type { Actor } from '../../core/actor.js';
import { toShanghaiIso } from '../sla/sla-engine.js';
import { allowedActions, canUpload, type ApplicationFacts } from './applications.policy.js';
import { asChecklist, missingRequired, type MaterialRow, type PolicyFacts, type SummaryRow } from './applications.repo.js';
import type { applicationEvents } from '../../db/schema/index.js';
import { stepOf } from './deadlines.js';
import { EDITABLE_STATUSES } from './lifecycle.js';

const iso = (d: Date | string) => toShanghaiIso(new Date(d));
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export const factsOf = (row: SummaryRow): ApplicationFacts => ({
  status: row.a.status,
  enterpriseId: row.a.enterpriseId,
  parkId: row.a.parkId,
  departmentId: row.a.departmentId,
  enterpriseLiaisonId: row.enterpriseLiaisonId,
  enterpriseBackupLiaisonId: row.enterpriseBackupLiaisonId,
});

export function toSummary(row: SummaryRow, now: Date): ApplicationSummary {
  const a = row.a;
  return {
    id: a.id,
    number: a.number,
    status: a.status as ApplicationStatus,
    policyId: a.policyId,
    policyTitle: row.policyTitle,
    enterpriseId: a.enterpriseId,
    enterpriseName: row.enterpriseName,
    parkId: a.parkId,
    parkName: row.parkName,
    departmentId: a.departmentId,
    departmentName: row.departmentName,
    requestedAmountWan: a.requestedAmountWan,
    approvedAmountWan: a.approvedAmountWan,
    disbursedAmountWan: a.disbursedAmountWan,
    submittedAt: iso(a.submittedAt),
    decidedAt: isoOrNull(a.decidedAt),
    step: stepOf(a.status),
    stepDueAt: isoOrNull(a.stepDueAt),
    overdue: a.stepDueAt !== null && now.getTime() > a.stepDueAt.getTime(),
    version: a.version,
  };
}

export type EnterpriseFacts = { id: string; name: string; creditCode: string; parkId: string; parkName: string; liaisonId: string | null; liaisonName: string | null };
type EventRow = { e: typeof applicationEvents.$inferSelect; actorName: string | null };

export function toDetail(actor: Actor, row: SummaryRow, policy: PolicyFacts, enterprise: EnterpriseFacts, events: EventRow[], materials: MaterialRow[], now: Date): ApplicationDetail {
  const a = row.a;
  const facts = factsOf(row);
  const editable = EDITABLE_STATUSES.includes(a.status as ApplicationStatus);
  const checklist = asChecklist(policy.materials);
  return {
    ...toSummary(row, now),
    form: (a.form ?? {}) as ApplicationFormValues,
    declarationAccepted: a.declarationAccepted,
    disbursedOn: a.disbursedOn,
    disbursementRef: a.disbursementRef,
    rejectReason: a.rejectReason,
    policy: {
      id: policy.id,
      title: policy.title,
      issuer: policy.issuer,
      level: policy.level as PolicyLevel,
      docNumber: policy.docNumber,
      benefitType: policy.benefitType as BenefitType,
      maxAmountWan: policy.maxAmountWan,
      applyFrom: policy.applyFrom,
      applyUntil: policy.applyUntil,
      status: policy.status,
      materials: checklist,
    },
    enterprise,
    materials: materials.map((m) => ({
      id: m.id,
      item: m.item,
      filename: m.filename,
      mime: m.mime,
      size: m.size,
      uploadedByName: m.uploadedByName,
      canDelete: editable && m.uploadedByUserId === actor.userId && canUpload(actor, facts),
      createdAt: iso(m.createdAt),
    })),
    missingMaterials: missingRequired(checklist, materials.map((m) => m.item)),
    // `events` are already limited to public ones for the enterprise (applications.repo timelineOf).
    timeline: events.map(({ e, actorName }) => ({
      id: String(e.id),
      at: iso(e.createdAt),
      actorName,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      visibility: e.visibility as 'public' | 'internal',
    })),
    allowedActions: allowedActions(actor, facts),
    canUpload: canUpload(actor, facts),
  };
}
