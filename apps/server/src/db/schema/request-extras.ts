import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from './columns.js';
import { enterprises } from './enterprises.js';
import { operators } from './operators.js';
import { requestEvents, serviceRequests } from './requests.js';
import { staff } from './staff.js';
import { users } from './users.js';


/** Per-operator settings of the request process (all configurable by an administrator). */
export const operatorSettings = pgTable('operator_settings', {
  operatorId: uuid('operator_id').primaryKey().references(() => operators.id),
  /** Resolved but unrated requests close automatically after this many working days (counted as unrated, never satisfied). */
  autoCloseWorkingDays: integer('auto_close_working_days').notNull().default(5),
  reopenWindowDays: integer('reopen_window_days').notNull().default(7),
  rectificationWorkingDays: integer('rectification_working_days').notNull().default(15),
  /** Whether 基本满意 counts as satisfied in the satisfaction rate. */
  basicSatisfiedCounts: boolean('basic_satisfied_counts').notNull().default(true),
  /** Share of closed requests that get a follow-up call (1 = all). */
  followUpSampleRatio: real('follow_up_sample_ratio').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The escalation ladder: on breach, step 1 notifies the liaison officer, step 2 the area leader, … */
export const escalationSteps = pgTable(
  'escalation_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    level: integer('level').notNull(),
    /** liaison | area_leader | park_manager | leader */
    target: text('target').notNull(),
    /** Working minutes after the breach at which this step fires. */
    delayMinutes: integer('delay_minutes').notNull().default(0),
  },
  (t) => [uniqueIndex('escalation_steps_operator_level_uq').on(t.operatorId, t.level)],
);

/**
 * When the SLA sweep must next look at a request with a running clock: the earliest warning or ladder
 * step still to fire. A narrow table of its own, so that moving it forward every few minutes rewrites
 * one small row instead of a wide request row with a dozen indexes. Database triggers (migration 0010)
 * insert, reset (bumping `generation`) or delete the row whenever a clock changes; the sweep moves it.
 */
export const slaChecks = pgTable(
  'sla_checks',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => serviceRequests.id),
    nextCheckAt: ts('next_check_at').notNull(),
    /** Bumped by the trigger on every clock change; the sweep's move is guarded by it, so a change wins. */
    generation: integer('generation').notNull().default(1),
  },
  (t) => [index('sla_checks_next_idx').on(t.nextCheckAt, t.requestId)],
);

/**
 * One row per warning or escalation fired. The unique key makes firing exactly-once across
 * server instances: a sweep inserts with ON CONFLICT DO NOTHING and notifies only for rows it inserted.
 */
export const slaAlerts = pgTable(
  'sla_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    requestId: uuid('request_id').notNull().references(() => serviceRequests.id),
    clock: text('clock').notNull(), // accept | feedback | resolve
    kind: text('kind').notNull(), // warning | breach
    level: integer('level').notNull().default(0),
    /** The deadline the alert is about: a deadline moved by a pause can alert again. */
    dueAt: ts('due_at').notNull(),
    firedAt: ts('fired_at').notNull(),
  },
  (t) => [
    uniqueIndex('sla_alerts_once_uq').on(t.requestId, t.clock, t.kind, t.level, t.dueAt),
    index('sla_alerts_operator_fired_idx').on(t.operatorId, t.firedAt),
  ],
);

/** In-app notifications (other channels are delivery adapters fed from these rows). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    requestId: uuid('request_id').references(() => serviceRequests.id),
    /** In-console path for notifications that are not about a request, e.g. /policies/{id}. */
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx').on(t.userId).where(sql`read_at IS NULL`),
  ],
);

/** 回访: a call or visit after closing (or after rectification) to check satisfaction. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    requestId: uuid('request_id').notNull().references(() => serviceRequests.id),
    staffId: uuid('staff_id').references(() => staff.id),
    method: text('method').notNull(), // phone | visit | online
    rating: integer('rating'),
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [index('follow_ups_request_idx').on(t.requestId), index('follow_ups_operator_at_idx').on(t.operatorId, t.at)],
);

/** Quick-reply templates for the staff workbench. */
export const replyTemplates = pgTable('reply_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  operatorId: uuid('operator_id').notNull().references(() => operators.id),
  title: text('title').notNull(),
  body: text('body').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Attachments are stored in the database (shared by every instance) and served only after an authorization check. */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    requestId: uuid('request_id').notNull().references(() => serviceRequests.id),
    eventId: bigint('event_id', { mode: 'bigint' }).references(() => requestEvents.id),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    visibility: text('visibility').notNull().default('public'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('request_attachments_request_idx').on(t.requestId)],
);

/** Open311 API keys, issued per integrator; each maps to an enterprise or to a channel. Only a hash is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    channel: text('channel').notNull().default('api'),
    /** The service user the key acts as (audit trail, timeline). */
    userId: uuid('user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash)],
);
