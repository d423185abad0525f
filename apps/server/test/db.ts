import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../src/core/db.js';

/** A fresh migrated database for one test file: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export async function freshDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    // Named after the global-setup process so its teardown finds and drops leftovers.
    const name = `yqt_t_${template.replace('yqt_tpl_', '')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Two files cloning the template at the same instant can collide ("being accessed by other users"): retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await createDb({ engine: 'postgres', url: u.toString(), poolSize: 4 });
    return {
      ...handle,
      async close() {
        await handle.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return createDb({ engine: 'pglite', loadDataDir: new Blob([dump]) });
}
