import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from '../db/schema/index.js';

export type Schema = typeof schema;
/** The one database type the code above this file sees; engine-agnostic. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

export type DbHandle = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The connection string (PostgreSQL only): a second instance can connect to the same database. */
  url?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type DbOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory; loadDataDir = start from a dumped database (tests). */
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

// An arbitrary constant: the advisory lock that serialises migrations across server instances.
const MIGRATION_LOCK = 7_211_001;

export async function createDb(opts: DbOptions): Promise<DbHandle> {
  if (opts.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover, a test database dropped WITH (FORCE)) is
    // reported here; unhandled, it would crash the process. The pool replaces it on the next query.
    pool.on('error', (err) => console.warn(`[db] idle connection lost: ${err.message}`));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      url: opts.url,
      async migrate() {
        // A dedicated connection holds the session-level advisory lock while migrating,
        // so several instances starting together apply each migration once.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.loadDataDir
    ? new PGlite({ loadDataDir: opts.loadDataDir })
    : opts.dataDir
      ? new PGlite(opts.dataDir)
      : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async close() {
      await client.close();
    },
  };
}

/** Rows of a raw query, whatever the engine (both drivers return `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
