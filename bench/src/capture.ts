/**
 * Runs the real app on a drizzle instance with query logging, to capture the exact SQL (and
 * parameters) an HTTP request executes. Used to list the intake statements and to EXPLAIN the
 * list queries with the parameters the API really sends. PostgreSQL only.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, DbHandle } from '../../apps/server/src/core/db.js';
import * as schema from '../../apps/server/src/db/schema/index.js';
import { startApp } from './http.js';

export type Statement = { sql: string; params: unknown[] };

export async function captureStatements<T>(url: string, fn: (baseUrl: string) => Promise<T>, warmUp?: (baseUrl: string) => Promise<unknown>): Promise<{ statements: Statement[]; result: T }> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const statements: Statement[] = [];
  let on = false;
  const db = drizzle(pool, { schema, logger: { logQuery: (q, params) => void (on && statements.push({ sql: q, params })) } }) as unknown as Db;
  const handle: DbHandle = { db, engine: 'postgres', url, migrate: async () => {}, close: () => pool.end() };
  const running = await startApp(handle, url);
  try {
    if (warmUp) await warmUp(running.baseUrl);
    on = true;
    const result = await fn(running.baseUrl);
    on = false;
    return { statements, result };
  } finally {
    await running.close();
    await pool.end();
  }
}
