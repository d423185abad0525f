import { policyWindowOpen, type PolicyAttachment, type PolicyDetail, type PolicyInterpretation, type PolicyMaterial, type PolicySummary, type RuleNode } from '@yqt/contracts';
import type { Actor } from '../../core/actor.js';
import { allowedActions, canManage } from './policies.policy.js';
import type { attachmentsOf, listPolicies, PolicyRow } from './policies.repo.js';

const iso = (d: Date | string) => new Date(d).toISOString();

type SummaryRow = Awaited<ReturnType<typeof listPolicies>>['items'][number];

export function toSummary(r: SummaryRow): PolicySummary {
  return {
    ...r,
    level: r.level as PolicySummary['level'],
    benefitType: r.benefitType as PolicySummary['benefitType'],
    status: r.status as PolicySummary['status'],
    windowOpen: r.windowOpen === true,
    updatedAt: iso(r.updatedAt),
  };
}

export function toAttachment(a: Awaited<ReturnType<typeof attachmentsOf>>[number]): PolicyAttachment {
  return { ...a, createdAt: iso(a.createdAt) };
}

/** Same rule as windowOpenSql, for one row already loaded. */
export function isWindowOpen(p: Pick<PolicyRow, 'status' | 'applyFrom' | 'applyUntil'>, today: string): boolean {
  return p.status === 'published' && policyWindowOpen(p, today);
}

export function toDetail(
  actor: Actor | null,
  p: PolicyRow,
  departmentName: string | null,
  attachments: Awaited<ReturnType<typeof attachmentsOf>>,
  today: string,
): PolicyDetail {
  const interpretation = p.interpretation as PolicyInterpretation;
  return {
    id: p.id,
    key: p.key,
    title: p.title,
    issuer: p.issuer,
    level: p.level as PolicyDetail['level'],
    docNumber: p.docNumber,
    publishedOn: p.publishedOn,
    effectiveFrom: p.effectiveFrom,
    expiresOn: p.expiresOn,
    applyFrom: p.applyFrom,
    applyUntil: p.applyUntil,
    benefitType: p.benefitType as PolicyDetail['benefitType'],
    maxAmountWan: p.maxAmountWan,
    tags: p.tags,
    benefits: interpretation.benefits ?? '',
    status: p.status as PolicyDetail['status'],
    windowOpen: isWindowOpen(p, today),
    updatedAt: iso(p.updatedAt),
    fullText: p.fullText,
    interpretation,
    rules: (p.rules as RuleNode | null) ?? null,
    materials: p.materials as PolicyMaterial[],
    departmentId: p.departmentId,
    departmentName,
    attachments: attachments.map(toAttachment),
    version: p.version,
    rulesVersion: p.rulesVersion,
    publishedAt: p.publishedAt ? iso(p.publishedAt) : null,
    createdAt: iso(p.createdAt),
    allowedActions: allowedActions(actor, p),
    canEdit: canManage(actor, p),
  };
}

/** The fields an editor changes; versions and the audit log compare these. */
export const editableFields = [
  'key',
  'title',
  'issuer',
  'level',
  'docNumber',
  'publishedOn',
  'effectiveFrom',
  'expiresOn',
  'applyFrom',
  'applyUntil',
  'benefitType',
  'maxAmountWan',
  'tags',
  'fullText',
  'interpretation',
  'rules',
  'departmentId',
  'materials',
] as const;
export type EditableField = (typeof editableFields)[number];

/** The stored state kept in policy_versions (everything but ids, timestamps and search columns). */
export function snapshotOf(p: PolicyRow) {
  const out: Record<string, unknown> = {};
  for (const f of editableFields) out[f] = p[f] ?? null;
  out.status = p.status;
  out.rulesVersion = p.rulesVersion;
  out.publishedAt = p.publishedAt ? iso(p.publishedAt) : null;
  return out;
}

// jsonb does not keep key order: compare canonical JSON (sorted keys) so an unchanged object is unchanged.
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Editable fields whose values differ between two states. */
export function changedFields(before: Partial<Record<EditableField, unknown>>, after: Partial<Record<EditableField, unknown>>): EditableField[] {
  return editableFields.filter((f) => !sameValue(before[f], after[f]));
}
