import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { operators } from './operators.js';
import { parks } from './parks.js';
import { users } from './users.js';

/** 承办部门: a unit of the operator (or a government office) that handles transferred requests. */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  operatorId: uuid('operator_id').notNull().references(() => operators.id),
  name: text('name').notNull(),
  /** internal | government */
  kind: text('kind').notNull().default('internal'),
});

/** 联片: a group of liaison officers' grids under one leader. */
export const areas = pgTable('areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  operatorId: uuid('operator_id').notNull().references(() => operators.id),
  name: text('name').notNull(),
  leaderStaffId: uuid('leader_staff_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id').notNull().references(() => operators.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    departmentId: uuid('department_id').references(() => departments.id),
    areaId: uuid('area_id').references(() => areas.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_operator_name_idx').on(t.operatorId, t.name),
    index('staff_area_idx').on(t.areaId),
    index('staff_department_idx').on(t.departmentId),
    index('staff_user_idx').on(t.userId),
  ],
);

/** Parks a park manager is responsible for (their scope). */
export const staffParks = pgTable(
  'staff_parks',
  {
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    parkId: uuid('park_id').notNull().references(() => parks.id),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.parkId] })],
);
