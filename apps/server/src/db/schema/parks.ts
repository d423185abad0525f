import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { operators } from './operators.js';

export const parks = pgTable(
  'parks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('parks_operator_code_uq').on(t.operatorId, t.code), uniqueIndex('parks_operator_name_uq').on(t.operatorId, t.name)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    parkId: uuid('park_id').notNull().references(() => parks.id),
    name: text('name').notNull(),
    /** office | factory | apartment | mixed */
    kind: text('kind').notNull().default('factory'),
  },
  (t) => [uniqueIndex('buildings_park_name_uq').on(t.parkId, t.name)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
    name: text('name').notNull(),
    floor: integer('floor'),
  },
  (t) => [uniqueIndex('units_building_name_uq').on(t.buildingId, t.name), index('units_operator_idx').on(t.operatorId)],
);
