import type { Contact, EnterpriseDetail, EnterpriseSummary } from '@yqt/contracts';
import type { Actor } from '../../core/actor.js';
import type { contacts } from '../../db/schema/index.js';
import { abilitiesFor } from './enterprises.policy.js';
import type { contactsOf, findEnterprise, liaisonHistoryOf, listEnterprises } from './enterprises.repo.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSummary(r: Awaited<ReturnType<typeof listEnterprises>>['items'][number]): EnterpriseSummary {
  return { ...r, size: r.size as EnterpriseSummary['size'], tier: r.tier as EnterpriseSummary['tier'], status: r.status as EnterpriseSummary['status'], updatedAt: iso(r.updatedAt) };
}

export function toContact(c: typeof contacts.$inferSelect): Contact {
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    name: c.name,
    title: c.title,
    phone: c.phone,
    email: c.email,
    isPrimary: c.isPrimary,
    hasAccount: c.userId !== null,
  };
}

export function toDetail(
  actor: Actor,
  row: NonNullable<Awaited<ReturnType<typeof findEnterprise>>>,
  contactRows: Awaited<ReturnType<typeof contactsOf>>,
  history: Awaited<ReturnType<typeof liaisonHistoryOf>>,
): EnterpriseDetail {
  const e = row.e;
  return {
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    shortName: e.shortName,
    industryCode: e.industryCode,
    industryDetail: e.industryDetail,
    size: e.size as EnterpriseDetail['size'],
    tier: e.tier as EnterpriseDetail['tier'],
    status: e.status as EnterpriseDetail['status'],
    foundedOn: e.foundedOn,
    registeredCapitalWan: e.registeredCapitalWan,
    employeeCount: e.employeeCount,
    legalRepresentative: e.legalRepresentative,
    phone: e.phone,
    address: e.address,
    businessScope: e.businessScope,
    parkId: e.parkId,
    parkName: row.parkName,
    buildingId: e.buildingId,
    buildingName: row.buildingName,
    unitId: e.unitId,
    unitName: row.unitName,
    liaisonId: e.liaisonId,
    liaisonName: row.liaisonName,
    backupLiaisonId: e.backupLiaisonId,
    backupLiaisonName: row.backupLiaisonName,
    areaName: row.areaName,
    version: e.version,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
    contacts: contactRows.map(toContact),
    liaisonHistory: history.map((h) => ({ ...h, startedAt: iso(h.startedAt), endedAt: h.endedAt ? iso(h.endedAt) : null })),
    abilities: abilitiesFor(actor, e),
  };
}

/** The stored columns, as written to the audit log (no derived search tokens). */
export function auditSnapshot<T extends { searchTokens?: unknown; searchText?: unknown }>(row: T): Omit<T, 'searchTokens' | 'searchText'> {
  const { searchTokens: _tokens, searchText: _text, ...rest } = row;
  return rest;
}
