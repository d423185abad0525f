import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from './columns.js';
import { operators } from './operators.js';
import { departments } from './staff.js';
import { users } from './users.js';

/**
 * 惠企政策. The row is the current state; every save adds a snapshot to policy_versions.
 * `rules` is a RuleNode (contracts/eligibility.ts) or null when the policy is not machine-checkable.
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    /** Stable slug for demo content and imports; unique per operator. */
    key: text('key'),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    level: text('level').notNull(),
    docNumber: text('doc_number'),
    publishedOn: date('published_on'),
    effectiveFrom: date('effective_from'),
    expiresOn: date('expires_on'),
    applyFrom: date('apply_from'),
    applyUntil: date('apply_until'),
    benefitType: text('benefit_type').notNull(),
    maxAmountWan: numeric('max_amount_wan', { precision: 14, scale: 2, mode: 'number' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    fullText: text('full_text').notNull().default(''),
    /** {audience, benefits, keyConditions[], materials[], deadlines, contact, faq[{q,a}]} */
    interpretation: jsonb('interpretation').notNull(),
    rules: jsonb('rules'),
    /** 受理部门: the department that reviews applications (pre-check is the enterprise's liaison officer). */
    departmentId: uuid('department_id').references(() => departments.id),
    /** Application checklist [{name, required}] */
    materials: jsonb('materials').notNull().default(sql`'[]'::jsonb`),
    /** draft | published | expired | withdrawn */
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** Bumped only when `rules` change: stored matches carry the rules version they were computed from. */
    rulesVersion: integer('rules_version').notNull().default(1),
    /** Unigrams/bigrams of title, issuer, doc number, tags, text and interpretation (same scheme as enterprises). */
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    publishedAt: ts('published_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policies_operator_key_uq').on(t.operatorId, t.key),
    index('policies_operator_status_published_idx').on(t.operatorId, t.status, t.publishedOn),
    index('policies_operator_level_idx').on(t.operatorId, t.level),
    index('policies_operator_benefit_idx').on(t.operatorId, t.benefitType),
    index('policies_apply_until_idx').on(t.operatorId, t.applyUntil),
    index('policies_tags_gin').using('gin', t.tags),
    index('policies_search_tokens_gin').using('gin', t.searchTokens),
  ],
);

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedByUserId: uuid('changed_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_versions_policy_version_uq').on(t.policyId, t.version)],
);

export const policyAttachments = pgTable(
  'policy_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id').notNull().references(() => policies.id),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('policy_attachments_policy_idx').on(t.policyId)],
);

/** 办事指南: how to get a high-frequency matter done. Public. */
export const serviceGuides = pgTable(
  'service_guides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    department: text('department').notNull(),
    audience: text('audience').notNull().default(''),
    conditions: jsonb('conditions').notNull().default(sql`'[]'::jsonb`),
    /** [{name, copies, note}] */
    materials: jsonb('materials').notNull().default(sql`'[]'::jsonb`),
    /** [{title, detail}] */
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    timeLimit: text('time_limit').notNull().default(''),
    fees: text('fees').notNull().default(''),
    location: text('location').notNull().default(''),
    onlineUrl: text('online_url'),
    faq: jsonb('faq').notNull().default(sql`'[]'::jsonb`),
    published: boolean('published').notNull().default(true),
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_guides_operator_code_uq').on(t.operatorId, t.code),
    index('service_guides_operator_category_idx').on(t.operatorId, t.category, t.name),
    index('service_guides_search_tokens_gin').using('gin', t.searchTokens),
  ],
);
