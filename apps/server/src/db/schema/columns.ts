import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by the schema files. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Binary file contents (attachments are kept in the database so every instance serves them). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
