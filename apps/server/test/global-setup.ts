import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '../src/core/db.js';

/**
 * Migrate once per run, then every test file starts from a copy:
 * PGlite — a dumped data dir loaded into a fresh in-memory instance;
 * PostgreSQL (TEST_DATABASE_URL) — a template database each file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'yqt-test-'));
  const handle = await createDb({ engine: 'pglite' });
  await handle.migrate();
  const dumpPath = join(dir, 'migrated.tar.gz');
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  writeFileSync(dumpPath, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await handle.close();
  project.provide('pgliteDump', dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `yqt_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tpl = await createDb({ engine: 'postgres', url: u.toString(), poolSize: 1 });
    await tpl.migrate();
    await tpl.close();
    await admin.end();
  }
  project.provide('pgTemplate', template ?? '');

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'yqt_t_${process.pid}_%' OR datname = $1`, [template]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}
