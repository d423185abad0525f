import { openApplicationStatuses, policyWindowOpen, type ApplicationFormPrefill, type BenefitType, type PolicyLevel } from '@yqt/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { shanghaiDate } from '../../core/work-calendar.js';
import { contacts, enterpriseIndicators, enterprises, policyApplications } from '../../db/schema/index.js';
import { loadScoped } from '../enterprises/index.js';
import { loadIndicatorEnterprise } from '../eligibility/index.js';
import { contactOnly, visibleApplications } from './applications.policy.js';
import { asChecklist } from './applications.repo.js';
import { applicablePolicy } from './intake.service.js';

/**
 * The application form pre-filled for one enterprise: registry fields, the contact, and the figures of
 * the latest year the enterprise reported (never mixed across years), plus the materials checklist.
 * An enterprise contact gets its own enterprise; staff name one within their scope.
 */
export async function prefillForm(ctx: Ctx, policyId: string, enterpriseId: string | undefined): Promise<ApplicationFormPrefill> {
  const isContact = contactOnly(ctx.actor);
  const id = isContact ? ctx.actor.enterpriseId : enterpriseId;
  if (!id) throw invalid('enterpriseId', '请选择企业');
  // A contact naming another enterprise gets the same 404 as for one that does not exist.
  if (isContact && enterpriseId && enterpriseId !== id) throw notFound('企业');
  const p = await applicablePolicy(ctx.db, ctx, policyId);
  const { e } = await loadScoped(ctx.db, ctx, id);
  // The form carries the enterprise's figures: the indicator scope applies (404 outside it), not the profile's.
  await loadIndicatorEnterprise(ctx.db, ctx.actor, e.id);

  const [[ind], people, [open]] = await Promise.all([
    ctx.db.select().from(enterpriseIndicators).where(eq(enterpriseIndicators.enterpriseId, e.id)).orderBy(desc(enterpriseIndicators.year)).limit(1),
    ctx.db
      .select({ name: contacts.name, phone: contacts.phone, userId: contacts.userId, isPrimary: contacts.isPrimary })
      .from(contacts)
      .where(eq(contacts.enterpriseId, e.id))
      .orderBy(desc(contacts.isPrimary), asc(contacts.createdAt)),
    ctx.db
      .select({ id: policyApplications.id })
      .from(policyApplications)
      .innerJoin(enterprises, eq(enterprises.id, policyApplications.enterpriseId)) // visibleApplications needs it
      .where(
        and(
          eq(policyApplications.policyId, p.id),
          eq(policyApplications.enterpriseId, e.id),
          inArray(policyApplications.status, [...openApplicationStatuses]),
          visibleApplications(ctx.actor),
        ),
      )
      .limit(1),
  ]);
  // The person filling it in, if they are one of the enterprise's contacts; else the primary contact.
  const person = people.find((c) => c.userId === ctx.actor.userId) ?? people[0];
  const checklist = asChecklist(p.materials);
  return {
    policy: {
      id: p.id,
      title: p.title,
      issuer: p.issuer,
      level: p.level as PolicyLevel,
      docNumber: p.docNumber,
      benefitType: p.benefitType as BenefitType,
      maxAmountWan: p.maxAmountWan,
      applyFrom: p.applyFrom,
      applyUntil: p.applyUntil,
      status: p.status,
      materials: checklist,
    },
    enterprise: { id: e.id, name: e.name, creditCode: e.creditCode },
    form: {
      enterpriseName: e.name,
      creditCode: e.creditCode,
      legalRepresentative: e.legalRepresentative,
      address: e.address,
      contactName: person?.name ?? null,
      contactPhone: person?.phone ?? e.phone,
      indicatorYear: ind?.year ?? null,
      operatingRevenue: ind?.operatingRevenue ?? null,
      rdExpense: ind?.rdExpense ?? null,
      netProfit: ind?.netProfit ?? null,
      totalAssets: ind?.totalAssets ?? null,
      // Staff: the reported figure, else the registry's headcount.
      totalStaff: ind?.totalStaff ?? e.employeeCount ?? null,
      rdStaff: ind?.rdStaff ?? null,
      ipClass1: ind?.ipClass1 ?? null,
      ipClass2: ind?.ipClass2 ?? null,
      statement: null,
    },
    materials: checklist,
    windowOpen: p.status === 'published' && policyWindowOpen(p, shanghaiDate(ctx.now)),
    openApplicationId: open?.id ?? null,
  };
}
