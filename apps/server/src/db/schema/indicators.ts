import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { enterprises } from './enterprises.js';
import { users } from './users.js';

const wan = (name: string) => numeric(name, { precision: 16, scale: 2, mode: 'number' });

/**
 * An enterprise's reported figures for one fiscal year (企业经营指标). Amounts in 万元. Null = not reported
 * (the eligibility engine answers `unknown`, never guesses). Ratios are derived at evaluation time.
 */
export const enterpriseIndicators = pgTable(
  'enterprise_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    year: integer('year').notNull(),
    operatingRevenue: wan('operating_revenue'),
    mainBusinessRevenue: wan('main_business_revenue'),
    rdExpense: wan('rd_expense'),
    rdStaff: integer('rd_staff'),
    totalStaff: integer('total_staff'),
    totalAssets: wan('total_assets'),
    totalLiabilities: wan('total_liabilities'),
    netProfit: wan('net_profit'),
    exportRevenue: wan('export_revenue'),
    equityFinancing: wan('equity_financing'),
    ipClass1: integer('ip_class1'),
    ipClass2: integer('ip_class2'),
    rdInstitutionLevel: text('rd_institution_level'),
    emergingIndustry: text('emerging_industry'),
    creditStanding: text('credit_standing'),
    /** enterprise | staff | import | demo */
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enterprise_indicators_enterprise_year_uq').on(t.enterpriseId, t.year)],
);

/** Every earlier state of an indicator row (history kept; the row above is the current one). */
export const enterpriseIndicatorHistory = pgTable(
  'enterprise_indicator_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedByUserId: uuid('changed_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enterprise_indicator_history_enterprise_idx').on(t.enterpriseId, t.year, t.version)],
);

/** 资质荣誉 held, with validity (kinds: contracts qualificationKinds). */
export const enterpriseQualifications = pgTable(
  'enterprise_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    kind: text('kind').notNull(),
    certificateNo: text('certificate_no'),
    obtainedOn: date('obtained_on').notNull(),
    validUntil: date('valid_until'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_qualifications_enterprise_idx').on(t.enterpriseId, t.kind),
    index('enterprise_qualifications_kind_idx').on(t.kind, t.validUntil),
  ],
);
