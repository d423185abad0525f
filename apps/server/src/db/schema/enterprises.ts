import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { operators } from './operators.js';
import { buildings, parks, units } from './parks.js';
import { staff } from './staff.js';
import { users } from './users.js';

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** GB/T 4754 section letter A–T */
    industryCode: text('industry_code').notNull(),
    industryDetail: text('industry_detail'),
    size: text('size').notNull(),
    tier: text('tier').notNull().default('none'),
    status: text('status').notNull().default('active'),
    foundedOn: date('founded_on'),
    registeredCapitalWan: numeric('registered_capital_wan', { precision: 14, scale: 2, mode: 'number' }),
    employeeCount: integer('employee_count'),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
    businessScope: text('business_scope'),
    parkId: uuid('park_id').notNull().references(() => parks.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    liaisonId: uuid('liaison_id').references(() => staff.id),
    backupLiaisonId: uuid('backup_liaison_id').references(() => staff.id),
    /**
     * Character unigrams and bigrams of name, short name and credit code (see search-tokens.ts).
     * A GIN index on it serves Chinese substring search of any length, incl. 1–2 characters
     * where pg_trgm cannot use its index; results are rechecked with ILIKE.
     */
    searchTokens: text('search_tokens').array().notNull().default(sql`'{}'::text[]`),
    /** Folded name, short name and credit code joined: the recheck for queries of 3+ characters (plain LIKE). */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_operator_credit_code_uq').on(t.operatorId, t.creditCode),
    index('enterprises_operator_name_idx').on(t.operatorId, t.name),
    index('enterprises_operator_updated_idx').on(t.operatorId, t.updatedAt),
    index('enterprises_park_name_idx').on(t.parkId, t.name),
    index('enterprises_operator_industry_idx').on(t.operatorId, t.industryCode),
    index('enterprises_operator_tier_idx').on(t.operatorId, t.tier),
    index('enterprises_operator_size_idx').on(t.operatorId, t.size),
    index('enterprises_operator_status_idx').on(t.operatorId, t.status),
    index('enterprises_liaison_idx').on(t.liaisonId),
    index('enterprises_backup_liaison_idx').on(t.backupLiaisonId),
    index('enterprises_search_tokens_gin').using('gin', t.searchTokens),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_enterprise_idx').on(t.enterpriseId), index('contacts_user_idx').on(t.userId)],
);

/** History of who was an enterprise's liaison officer (and backup), one row per period. */
export const liaisonAssignments = pgTable(
  'liaison_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    liaisonId: uuid('liaison_id').references(() => staff.id),
    backupLiaisonId: uuid('backup_liaison_id').references(() => staff.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    reason: text('reason'),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id),
  },
  (t) => [index('liaison_assignments_enterprise_idx').on(t.enterpriseId, t.startedAt)],
);
