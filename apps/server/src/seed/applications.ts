/**
 * Demo applications (申报) for the seeded policy library: applications in every state, with
 * timelines in working time, materials, amounts and step deadlines consistent with the workflow
 * (modules/applications). Some belong to the demo logins' enterprises — ent0001's, and those in
 * liaison01's grid — so the enterprise, officer and department views all show something.
 *
 * Runs after the policies and indicators are seeded. Idempotent: does nothing if the operator
 * already has an application, or has no published policy with an application window. Deterministic
 * for a given `now` and seed. Everything goes in ONE transaction.
 */
import type { ApplicationStatus } from '@yqt/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { rowsOf, type Db, type DbOrTx } from '../core/db.js';
import { shanghaiDate, shanghaiInstant, type WorkCalendar } from '../core/work-calendar.js';
import { applicationEvents, applicationMaterials, policies, policyApplications, requestCounters } from '../db/schema/index.js';
import { addWorkingDays, stepDueAt } from '../modules/applications/index.js';
import { calendarFor } from '../modules/requests/index.js';
import { Rng } from './random.js';

export const APPLICATIONS_SEED = 20261125;
export type ApplicationSeedResult = { applications: number; events: number; materials: number; skipped: boolean };

type Step = 'submit' | 'return' | 'resubmit' | 'precheck' | 'approve' | 'reject' | 'disburse' | 'withdraw';
type Actor = 'enterprise' | 'officer' | 'department';
const actorOf: Record<Step, Actor> = { submit: 'enterprise', resubmit: 'enterprise', withdraw: 'enterprise', return: 'officer', precheck: 'officer', approve: 'department', reject: 'department', disburse: 'department' };
const statusAfter: Record<Step, ApplicationStatus> = { submit: 'submitted', resubmit: 'submitted', return: 'returned', precheck: 'prechecked', approve: 'approved', reject: 'rejected', disburse: 'disbursed', withdraw: 'withdrawn' };
/** Working days before each step, [min, max] after the previous one (shorter than the deadlines, mostly). */
const gap: Record<Step, [number, number]> = { submit: [0, 0], return: [1, 2], resubmit: [1, 4], precheck: [1, 3], approve: [2, 7], reject: [2, 7], disburse: [3, 10], withdraw: [1, 4] };

/** The road to each target state; some go through a return for completion first. */
const roads: Record<ApplicationStatus, Step[][]> = {
  submitted: [['submit'], ['submit', 'return', 'resubmit']],
  returned: [['submit', 'return']],
  prechecked: [['submit', 'precheck'], ['submit', 'return', 'resubmit', 'precheck']],
  approved: [['submit', 'precheck', 'approve']],
  rejected: [['submit', 'precheck', 'reject']],
  disbursed: [['submit', 'precheck', 'approve', 'disburse'], ['submit', 'return', 'resubmit', 'precheck', 'approve', 'disburse']],
  withdrawn: [['submit', 'withdraw'], ['submit', 'precheck', 'withdraw']],
};
/** Per policy, the states its applications are dealt, in order (open windows carry the live work). */
const OPEN_MIX: ApplicationStatus[] = ['submitted', 'prechecked', 'approved', 'returned', 'disbursed', 'rejected', 'submitted', 'withdrawn'];
const PAST_MIX: ApplicationStatus[] = ['disbursed', 'rejected', 'disbursed', 'approved', 'withdrawn', 'disbursed'];

const RETURN_REASONS = ['请补充盖章版研发费用专项审计报告', '营业执照复印件不清晰，请重新上传', '申报表中研发人员数与社保缴纳人数不一致，请核实后补正', '请补充近三年知识产权证书扫描件'];
const REJECT_REASONS = ['研发费用占营业收入比重未达到政策要求', '申报主体不在政策支持范围内（注册地不在高新区）', '同一项目已获得市级同类资金支持，不得重复申报'];
const REVIEW_NOTES = ['材料齐全，符合申报条件', '经部门会审，同意给予支持', '已核对审计报告，数据一致'];
const INTERNAL_NOTES = ['企业近两年研发投入增长较快，建议重点关注', '已电话联系企业财务确认数据', '该企业去年获得过同类补助，审核时留意'];

/** A one-page placeholder PDF (the demo's uploaded materials). */
function placeholderPdf(title: string): Buffer {
  const text = `YuanQiTong demo material: ${title}`.replace(/[()\\]/g, '');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const s = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
      return `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const PDF = placeholderPdf('application material');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

type PolicyRow = { id: string; title: string; maxAmountWan: number | null; applyFrom: string | null; applyUntil: string | null; departmentId: string | null; materials: unknown; status: string };
type EnterpriseRow = { id: string; name: string; creditCode: string; parkId: string; liaisonId: string | null; legalRepresentative: string | null; address: string | null; phone: string | null; employeeCount: number | null };

async function load(db: DbOrTx, operatorId: string, today: string) {
  // Published policies whose window has opened (open now or past), and expired ones with a past window.
  const pol = (await db
    .select({ id: policies.id, title: policies.title, maxAmountWan: policies.maxAmountWan, applyFrom: policies.applyFrom, applyUntil: policies.applyUntil, departmentId: policies.departmentId, materials: policies.materials, status: policies.status })
    .from(policies)
    .where(and(eq(policies.operatorId, operatorId), inArray(policies.status, ['published', 'expired']), sql`(${policies.applyFrom} IS NOT NULL OR ${policies.applyUntil} IS NOT NULL)`, sql`coalesce(${policies.applyFrom}, ${policies.applyUntil}) <= ${today}`))
    .orderBy(asc(policies.key), asc(policies.id))) as PolicyRow[];
  const ents = await rowsOf<EnterpriseRow & { contactUserId: string | null; contactName: string | null; contactPhone: string | null; username: string | null }>(
    db,
    sql`SELECT e.id, e.name, e.credit_code AS "creditCode", e.park_id AS "parkId", e.liaison_id AS "liaisonId", e.legal_representative AS "legalRepresentative",
               e.address, e.phone, e.employee_count AS "employeeCount", c.user_id AS "contactUserId", c.name AS "contactName", c.phone AS "contactPhone", u.username
          FROM enterprises e
          LEFT JOIN LATERAL (SELECT * FROM contacts c WHERE c.enterprise_id = e.id ORDER BY c.is_primary DESC, c.user_id IS NULL, c.id LIMIT 1) c ON true
          LEFT JOIN users u ON u.id = c.user_id
         WHERE e.operator_id = ${operatorId} AND e.status = 'active' AND e.liaison_id IS NOT NULL
         ORDER BY e.credit_code`,
  );
  const people = await rowsOf<{ staffId: string; userId: string; username: string; departmentId: string | null; roles: string[] }>(
    db,
    sql`SELECT s.id AS "staffId", u.id AS "userId", u.username, s.department_id AS "departmentId", u.roles
          FROM staff s JOIN users u ON u.id = s.user_id WHERE s.operator_id = ${operatorId} AND s.active AND NOT u.disabled ORDER BY u.username`,
  );
  const indicators = await rowsOf<{ enterpriseId: string; year: number; operatingRevenue: number | null; rdExpense: number | null; netProfit: number | null; totalAssets: number | null; totalStaff: number | null; rdStaff: number | null; ipClass1: number | null; ipClass2: number | null }>(
    db,
    sql`SELECT DISTINCT ON (i.enterprise_id) i.enterprise_id AS "enterpriseId", i.year, i.operating_revenue::float8 AS "operatingRevenue", i.rd_expense::float8 AS "rdExpense",
               i.net_profit::float8 AS "netProfit", i.total_assets::float8 AS "totalAssets", i.total_staff AS "totalStaff", i.rd_staff AS "rdStaff", i.ip_class1 AS "ipClass1", i.ip_class2 AS "ipClass2"
          FROM enterprise_indicators i JOIN enterprises e ON e.id = i.enterprise_id
         WHERE e.operator_id = ${operatorId} ORDER BY i.enterprise_id, i.year DESC`,
  );
  const eligible = pol.length
    ? await rowsOf<{ policyId: string; enterpriseId: string }>(
        db,
        sql`SELECT policy_id AS "policyId", enterprise_id AS "enterpriseId" FROM policy_matches
             WHERE verdict = 'eligible' AND policy_id IN (${sql.join(pol.map((p) => sql`${p.id}`), sql`, `)}) ORDER BY policy_id, enterprise_id`,
      )
    : [];
  return { pol, ents, people, indicators, eligible };
}

/** A working-time moment `days` working days after `from` (09:00–17:00 Shanghai), or `from` itself for 0. */
function later(from: Date, days: number, rng: Rng, cal: WorkCalendar): Date {
  if (days === 0) return from;
  return new Date(addWorkingDays(from, days, cal).getTime() - rng.int(30, 510) * 60_000);
}

export async function seedApplications(db: Db, operatorId: string, now: Date, seed = APPLICATIONS_SEED): Promise<ApplicationSeedResult> {
  const skipped: ApplicationSeedResult = { applications: 0, events: 0, materials: 0, skipped: true };
  const exists = async (d: DbOrTx) => (await d.select({ id: policyApplications.id }).from(policyApplications).where(eq(policyApplications.operatorId, operatorId)).limit(1)).length > 0;
  if (await exists(db)) return skipped;
  const today = shanghaiDate(now);
  const { pol, ents, people, indicators, eligible } = await load(db, operatorId, today);
  if (!pol.length || !ents.length) return skipped;
  const cal = await calendarFor(db, operatorId);
  const rng = new Rng(seed);

  const userOfStaff = new Map(people.map((p) => [p.staffId, p.userId]));
  const admin = people.find((p) => p.roles.includes('admin'))?.userId ?? null;
  const handlersOf = (deptId: string | null) => people.filter((p) => p.departmentId === deptId && p.roles.includes('dept_handler')).map((p) => p.userId);
  const indicatorOf = new Map(indicators.map((i) => [i.enterpriseId, i]));
  const eligibleOf = new Map<string, Set<string>>();
  for (const m of eligible) eligibleOf.set(m.policyId, (eligibleOf.get(m.policyId) ?? new Set()).add(m.enterpriseId));
  // The demo logins: ent0001's enterprise and liaison01's grid come first in line.
  const ent0001 = ents.find((e) => e.username === 'ent0001') ?? null;
  const liaison01 = people.find((p) => p.username === 'liaison01')?.staffId ?? null;
  const grid = ents.filter((e) => e.liaisonId === liaison01 && e.id !== ent0001?.id);

  const apps: (typeof policyApplications.$inferInsert & { id: string; submittedAt: Date })[] = [];
  const events: (typeof applicationEvents.$inferInsert)[] = [];
  const files: (typeof applicationMaterials.$inferInsert)[] = [];
  const perDay = new Map<string, number>();
  const nowMs = now.getTime() - 30 * 60_000;

  pol.forEach((p, pi) => {
    const open = p.status === 'published' && (!p.applyUntil || p.applyUntil >= today);
    const mix = open ? OPEN_MIX : PAST_MIX;
    const count = open ? rng.int(3, 6) : rng.int(2, 4);
    // Who applies: the demo anchors on the first policies, then eligible enterprises, then anyone.
    const pool = rng.shuffle(ents.filter((e) => e.id !== ent0001?.id && !grid.includes(e)));
    const fits = eligibleOf.get(p.id);
    const ranked = [...(pi < 4 && ent0001 ? [ent0001] : []), ...(pi < 6 ? grid.slice(pi % 2, (pi % 2) + 2) : []), ...pool.filter((e) => fits?.has(e.id)), ...pool.filter((e) => !fits?.has(e.id))];
    const applicants = [...new Set(ranked)].slice(0, count);
    const checklist = (Array.isArray(p.materials) ? (p.materials as { name?: unknown; required?: unknown }[]) : []).filter((m) => typeof m.name === 'string') as { name: string; required?: boolean }[];
    const windowStart = p.applyFrom ? shanghaiInstant(p.applyFrom, 9 * 60).getTime() : now.getTime() - 120 * 86_400_000;
    const windowEnd = Math.min(p.applyUntil ? shanghaiInstant(p.applyUntil, 17 * 60).getTime() : nowMs, nowMs);

    applicants.forEach((e, k) => {
      // ent0001 shows the enterprise's side: waiting, returned, approved, paid.
      const target: ApplicationStatus = e === ent0001 ? (['submitted', 'returned', 'approved', 'disbursed'] as const)[pi % 4]! : mix[(k + pi) % mix.length]!;
      const road = rng.pick(roads[target]);
      // Start early enough for the road to end before now (roughly 1.5 calendar days per working day).
      const span = road.reduce((s, st) => s + gap[st][1], 0) * 1.5 * 86_400_000;
      const latest = Math.max(windowStart, Math.min(windowEnd, nowMs - span));
      // Enterprises file online any day, at waking hours.
      const pickDay = shanghaiDate(new Date(windowStart + rng.float() * (latest - windowStart)));
      let t = new Date(Math.max(windowStart, Math.min(latest, shanghaiInstant(pickDay, rng.int(8 * 60 + 30, 21 * 60 + 30)).getTime())));
      const submittedAt = t;
      const steps: { step: Step; at: Date }[] = [];
      for (const st of road) {
        const at = st === 'submit' ? t : later(t, rng.int(...gap[st]), rng, cal);
        if (at.getTime() > nowMs) break; // not yet: the application is still at the previous step
        steps.push({ step: st, at });
        t = at;
      }
      if (!steps.length) return;
      const last = steps.at(-1)!;
      const status = statusAfter[last.step];
      const id = rng.uuid();
      const day = shanghaiDate(submittedAt).replaceAll('-', '');
      const requested = p.maxAmountWan ? Math.max(1, Math.round(p.maxAmountWan * (0.4 + rng.float() * 0.6))) : null;
      const approvedAmount = requested ? Math.max(1, Math.round(requested * (0.6 + rng.float() * 0.4))) : null;
      const submitter = e.contactUserId;
      // The policy's department reviews; without one, an administrator does.
      const handlers = handlersOf(p.departmentId);
      const reviewer = handlers.length ? rng.pick(handlers) : admin;
      const officer = e.liaisonId ? (userOfStaff.get(e.liaisonId) ?? null) : null;
      const actorUser: Record<Actor, string | null> = { enterprise: submitter, officer, department: reviewer };
      const disburseStep = steps.find((s) => s.step === 'disburse');
      const decideStep = steps.find((s) => s.step === 'approve' || s.step === 'reject');
      const ref = disburseStep ? `ZZGX-BF-${day.slice(0, 4)}-${String(apps.length + 1).padStart(4, '0')}` : null;
      const returnReason = rng.pick(RETURN_REASONS);
      const rejectReason = rng.pick(REJECT_REASONS);
      let prev: ApplicationStatus | null = null;
      for (const s of steps) {
        const to = statusAfter[s.step];
        const note =
          s.step === 'return'
            ? returnReason
            : s.step === 'reject'
              ? rejectReason
              : s.step === 'approve'
                ? [rng.pick(REVIEW_NOTES), approvedAmount ? `批准金额：${approvedAmount}万元` : null].filter(Boolean).join('；')
                : s.step === 'disburse'
                  ? [approvedAmount ? `兑现金额：${approvedAmount}万元` : null, `拨付日期：${shanghaiDate(s.at)}`, `凭证号：${ref}`].filter(Boolean).join('，')
                  : s.step === 'resubmit'
                    ? '已按要求补正材料'
                    : null;
        events.push({ applicationId: id, action: s.step, fromStatus: prev, toStatus: to, actorUserId: actorUser[actorOf[s.step]], note, visibility: 'public', data: { stepDueAt: stepDueAt(to, s.at, cal)?.toISOString() ?? null }, createdAt: s.at });
        if (s.step === 'precheck' && rng.chance(0.4)) {
          events.push({ applicationId: id, action: 'note', fromStatus: to, toStatus: to, actorUserId: officer, note: rng.pick(INTERNAL_NOTES), visibility: 'internal', createdAt: s.at });
        }
        // Materials: uploaded with the submission (one required item held back when it is returned), the rest with the resubmission.
        if ((s.step === 'submit' || s.step === 'resubmit') && checklist.length) {
          const returnedLater = steps.some((x) => x.step === 'return');
          const items = s.step === 'submit' ? checklist.filter((m, i) => !(returnedLater && m.required && i === checklist.findIndex((c) => c.required))) : checklist.filter((m, i) => m.required && i === checklist.findIndex((c) => c.required));
          items.forEach((m, i) => {
            const at = new Date(s.at.getTime() + (i + 1) * 60_000);
            files.push({ id: rng.uuid(), applicationId: id, item: m.name, filename: `${m.name}.pdf`, mime: 'application/pdf', size: PDF.length, sha256: PDF_SHA, data: PDF, uploadedByUserId: submitter, createdAt: at });
            events.push({ applicationId: id, action: 'upload', fromStatus: to, toStatus: to, actorUserId: submitter, note: `${m.name}：${m.name}.pdf`, visibility: 'public', createdAt: at });
          });
        }
        prev = to;
      }
      const ind = indicatorOf.get(e.id);
      apps.push({
        id,
        operatorId,
        number: '', // assigned below, in order of submission
        policyId: p.id,
        enterpriseId: e.id,
        parkId: e.parkId,
        liaisonId: e.liaisonId,
        departmentId: p.departmentId,
        submittedByUserId: submitter,
        status,
        form: {
          enterpriseName: e.name,
          creditCode: e.creditCode,
          legalRepresentative: e.legalRepresentative,
          address: e.address,
          contactName: e.contactName,
          contactPhone: e.contactPhone ?? e.phone,
          indicatorYear: ind?.year ?? null,
          operatingRevenue: ind?.operatingRevenue ?? null,
          rdExpense: ind?.rdExpense ?? null,
          netProfit: ind?.netProfit ?? null,
          totalAssets: ind?.totalAssets ?? null,
          totalStaff: ind?.totalStaff ?? e.employeeCount,
          rdStaff: ind?.rdStaff ?? null,
          ipClass1: ind?.ipClass1 ?? null,
          ipClass2: ind?.ipClass2 ?? null,
          statement: `申请${p.title}`,
        },
        declarationAccepted: true,
        requestedAmountWan: requested,
        approvedAmountWan: ['approved', 'disbursed'].includes(status) ? approvedAmount : null,
        disbursedAmountWan: status === 'disbursed' ? approvedAmount : null,
        disbursedOn: disburseStep ? shanghaiDate(disburseStep.at) : null,
        disbursementRef: ref,
        rejectReason: status === 'rejected' ? rejectReason : null,
        stepDueAt: stepDueAt(status, last.at, cal),
        version: steps.length,
        submittedAt,
        decidedAt: decideStep?.at ?? null,
        updatedAt: last.at,
      });
    });
  });
  if (!apps.length) return skipped;
  // SB + day + the day's sequence, in order of submission.
  apps.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  for (const a of apps) {
    const day = shanghaiDate(a.submittedAt).replaceAll('-', '');
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    a.number = `SB${day}${String(seq).padStart(5, '0')}`;
  }

  try {
    return await db.transaction(async (tx) => {
      if (await exists(tx)) return skipped;
      for (let i = 0; i < apps.length; i += 500) await tx.insert(policyApplications).values(apps.slice(i, i + 500));
      for (let i = 0; i < events.length; i += 1000) await tx.insert(applicationEvents).values(events.slice(i, i + 1000));
      for (let i = 0; i < files.length; i += 200) await tx.insert(applicationMaterials).values(files.slice(i, i + 200));
      // Live submissions continue each day's sequence.
      const counters = [...perDay].map(([day, last]) => ({ operatorId, day: `SB${day}`, last }));
      await tx
        .insert(requestCounters)
        .values(counters)
        .onConflictDoUpdate({ target: [requestCounters.operatorId, requestCounters.day], set: { last: sql`greatest(${requestCounters.last}, excluded.last)` } });
      return { applications: apps.length, events: events.length, materials: files.length, skipped: false };
    });
  } catch (err) {
    for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
      if ((e as { code?: unknown }).code === '23505' && (await exists(db))) return skipped;
    }
    throw err;
  }
}
