import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigserial,
} from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { operators } from './operators.js';
import { buildings, parks, units } from './parks.js';
import { departments, staff } from './staff.js';
import { users } from './users.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** 诉求分类: an editable tree (utilities, property repair, policy, …). */
export const requestCategories = pgTable(
  'request_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('request_categories_operator_code_uq').on(t.operatorId, t.code), index('request_categories_parent_idx').on(t.parentId)],
);

/**
 * SLA policies, versioned: an edit inserts a new row with the same `policy_key` and version + 1;
 * a request keeps the row (id) it started under. Matching: category+priority, category, priority, default.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    policyKey: text('policy_key').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    categoryId: uuid('category_id').references(() => requestCategories.id),
    priority: text('priority'),
    /** The policy for key difficult problems (重点难题). */
    forKeyIssue: boolean('for_key_issue').notNull().default(false),
    timeMode: text('time_mode').notNull().default('working'),
    acceptMinutes: integer('accept_minutes').notNull(),
    feedbackMinutes: integer('feedback_minutes').notNull(),
    resolveMinutes: integer('resolve_minutes').notNull(),
    warnRatio: real('warn_ratio').notNull().default(0.8),
    /** Only the newest version of a key is current; older ones stay for the requests that use them. */
    current: boolean('current').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('sla_policies_key_version_uq').on(t.operatorId, t.policyKey, t.version),
    index('sla_policies_current_idx').on(t.operatorId, t.current),
  ],
);

/** Administrator corrections to the statutory calendar (next year's notice, local days off). */
export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    date: date('date').notNull(),
    kind: text('kind').notNull(), // workday | holiday
    name: text('name'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_overrides_operator_date_uq').on(t.operatorId, t.date)],
);

/** Per-operator, per-day counter behind the human-readable number SQyyyyMMddNNNNN. */
export const requestCounters = pgTable(
  'request_counters',
  {
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.day] })],
);

/** 诉求 / 工单. */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    number: text('number').notNull(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    /** Copied from the enterprise at intake: requests stay in the park where they arose. */
    parkId: uuid('park_id').notNull().references(() => parks.id),
    submitterUserId: uuid('submitter_user_id').references(() => users.id),
    submitterName: text('submitter_name'),
    submitterPhone: text('submitter_phone'),
    kind: text('kind').notNull(),
    categoryId: uuid('category_id').notNull().references(() => requestCategories.id),
    channel: text('channel').notNull(),
    priority: text('priority').notNull().default('normal'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    buildingId: uuid('building_id').references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    locationNote: text('location_note'),
    lat: real('lat'),
    lng: real('lng'),
    status: text('status').notNull(),
    /** Status to return to when the enterprise answers a return-for-information. */
    resumeStatus: text('resume_status'),
    /** The officer responsible (stays responsible after a transfer). */
    liaisonId: uuid('liaison_id').references(() => staff.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** none | pending | accepted | handed_back */
    transferStatus: text('transfer_status').notNull().default('none'),
    isKeyIssue: boolean('is_key_issue').notNull().default(false),
    keyIssueLeaderId: uuid('key_issue_leader_id').references(() => staff.id),
    mergedIntoId: uuid('merged_into_id'),
    receivedAt: ts('received_at').notNull(),
    slaPolicyId: uuid('sla_policy_id').notNull().references(() => slaPolicies.id),
    clockStartedAt: ts('clock_started_at').notNull(),
    acceptBy: ts('accept_by').notNull(),
    feedbackBy: ts('feedback_by').notNull(),
    resolveBy: ts('resolve_by').notNull(),
    acceptWarnAt: ts('accept_warn_at').notNull(),
    feedbackWarnAt: ts('feedback_warn_at').notNull(),
    resolveWarnAt: ts('resolve_warn_at').notNull(),
    acceptedAt: ts('accepted_at'),
    firstFeedbackAt: ts('first_feedback_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** confirmed | rated | auto | rejected | merged */
    closeReason: text('close_reason'),
    pausedAt: ts('paused_at'),
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: ts('rated_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    rectificationBy: ts('rectification_by'),
    followUpRequired: boolean('follow_up_required').notNull().default(false),
    /**
     * Character unigrams and bigrams of title and number for Chinese substring search (same scheme as
     * enterprises, modules/enterprises/search-tokens.ts), computed by the database (yqt_ngrams, migration
     * 0008) so every writer — the app, the demo seed, bulk loads — fills it.
     */
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`yqt_ngrams(title || number)`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_requests_operator_number_uq').on(t.operatorId, t.number),
    index('service_requests_operator_received_idx').on(t.operatorId, t.receivedAt),
    index('service_requests_park_status_idx').on(t.parkId, t.status, t.resolveBy),
    index('service_requests_enterprise_idx').on(t.enterpriseId, t.receivedAt),
    index('service_requests_liaison_status_idx').on(t.liaisonId, t.status, t.resolveBy),
    index('service_requests_department_idx').on(t.departmentId, t.transferStatus),
    index('service_requests_category_idx').on(t.operatorId, t.categoryId, t.receivedAt),
    // Migration 0006 adds partial indexes drizzle cannot express (INCLUDE, IN-list predicates) for the
    // open-work queues and the overdue list.
    // The SLA sweep looks only at open clocks whose warning or deadline has come: partial indexes keep it off closed rows.
    index('service_requests_search_gin').using('gin', t.searchTokens),
    index('service_requests_accept_open_idx').on(t.acceptWarnAt).where(sql`accepted_at IS NULL AND closed_at IS NULL AND paused_at IS NULL`),
    index('service_requests_feedback_open_idx').on(t.feedbackWarnAt).where(sql`first_feedback_at IS NULL AND closed_at IS NULL AND paused_at IS NULL`),
    index('service_requests_resolve_open_idx').on(t.resolveWarnAt).where(sql`resolved_at IS NULL AND closed_at IS NULL AND paused_at IS NULL`),
  ],
);

/** The timeline: every action on a request. `visibility` public = shown to the enterprise. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    requestId: uuid('request_id').notNull().references(() => serviceRequests.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    visibility: text('visibility').notNull().default('public'),
    data: jsonb('data'),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);
