import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant: the company that runs the parks. Every tenant-owned row carries operator_id. */
export const operators = pgTable('operators', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
