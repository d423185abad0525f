import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from './columns.js';
import { enterprises } from './enterprises.js';
import { operators } from './operators.js';
import { parks } from './parks.js';
import { policies } from './policies.js';
import { departments, staff } from './staff.js';
import { users } from './users.js';

const wan = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/**
 * Stored eligibility results (政策匹配). Only `eligible` and `nearly` rows are kept: the table stays
 * proportional to the interesting pairs, and `not_eligible` is computed on demand.
 */
export const policyMatches = pgTable(
  'policy_matches',
  {
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    verdict: text('verdict').notNull(),
    /** ConditionResult[] (contracts/eligibility.ts) */
    conditions: jsonb('conditions').notNull(),
    /** Unmet + unknown leaf conditions on the closest path to eligibility. */
    missingCount: integer('missing_count').notNull().default(0),
    rulesVersion: integer('rules_version').notNull(),
    evaluatedAt: ts('evaluated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.enterpriseId] }),
    index('policy_matches_enterprise_idx').on(t.enterpriseId, t.verdict),
    index('policy_matches_policy_verdict_idx').on(t.policyId, t.verdict),
  ],
);

/** 政策找企业: the liaison officer's follow-up checklist for a published policy's matches. */
export const policyFollowUps = pgTable(
  'policy_follow_ups',
  {
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    liaisonId: uuid('liaison_id').references(() => staff.id),
    /** pending | informed | not_interested | applying */
    status: text('status').notNull().default('pending'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.enterpriseId] }),
    index('policy_follow_ups_liaison_idx').on(t.liaisonId, t.status, t.updatedAt),
    index('policy_follow_ups_enterprise_idx').on(t.enterpriseId),
  ],
);

/** 申报: an enterprise applies for a policy. Status changes are compare-and-set on `version`. */
export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    /** Human-readable number, e.g. SB2026112500003 */
    number: text('number').notNull(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    /** Denormalised from the enterprise at submission, for statistics by park and the officer's queue. */
    parkId: uuid('park_id').notNull().references(() => parks.id),
    liaisonId: uuid('liaison_id').references(() => staff.id),
    departmentId: uuid('department_id').references(() => departments.id),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    /** submitted | returned | prechecked | approved | rejected | disbursed | withdrawn */
    status: text('status').notNull(),
    /** Pre-filled form data (indicators snapshot + declared fields). */
    form: jsonb('form').notNull().default(sql`'{}'::jsonb`),
    declarationAccepted: boolean('declaration_accepted').notNull().default(false),
    requestedAmountWan: wan('requested_amount_wan'),
    approvedAmountWan: wan('approved_amount_wan'),
    disbursedAmountWan: wan('disbursed_amount_wan'),
    disbursedOn: date('disbursed_on'),
    disbursementRef: text('disbursement_ref'),
    rejectReason: text('reject_reason'),
    /** Deadline of the current step (pre-check, review, disbursement). */
    stepDueAt: ts('step_due_at'),
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_applications_operator_number_uq').on(t.operatorId, t.number),
    index('policy_applications_operator_status_idx').on(t.operatorId, t.status, t.submittedAt),
    index('policy_applications_enterprise_idx').on(t.enterpriseId, t.submittedAt),
    index('policy_applications_policy_idx').on(t.policyId, t.status),
    index('policy_applications_park_idx').on(t.parkId, t.submittedAt),
    index('policy_applications_liaison_idx').on(t.liaisonId, t.status),
    index('policy_applications_department_idx').on(t.departmentId, t.status),
    // The admin list (newest first) and the statistics over a submission period.
    index('policy_applications_operator_submitted_idx').on(t.operatorId, t.submittedAt),
    // One open application per enterprise per policy, even when two submissions race.
    uniqueIndex('policy_applications_open_uq')
      .on(t.policyId, t.enterpriseId)
      .where(sql`${t.status} IN ('submitted', 'returned', 'prechecked', 'approved')`),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    applicationId: uuid('application_id').notNull().references(() => policyApplications.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
    /** public (the enterprise sees it) | internal */
    visibility: text('visibility').notNull().default('public'),
    data: jsonb('data'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => policyApplications.id),
    /** Name of the checklist item this file satisfies. */
    item: text('item').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_materials_application_idx').on(t.applicationId)],
);
