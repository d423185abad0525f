/**
 * Registry benchmark: 40,000 enterprises (the zone's market-entity count) on PostgreSQL and on
 * PGlite; list, Chinese substring search (1, 2 and 4 characters, plus a deliberately broad
 * 2-character word) and detail over HTTP on loopback; then the embedded cold start.
 * Prints numbers only — nothing here asserts a timing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, type DbHandle } from '../../apps/server/src/core/db.js';
import { BENCH_ADMIN, generateDataset, matchShare, type Dataset } from './generate.js';
import { getJson, login, runLoad, startApp } from './http.js';
import type { LoadSpec } from './load.js';
import { printColdStartTable, printScenarioTable, writeJson, type ColdStartRow, type ScenarioRow } from './report.js';

const env = process.env;
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
const settings = {
  enterprises: num(env.BENCH_ENTERPRISES, 40_000),
  liaisons: num(env.BENCH_LIAISONS, 200),
  durationSec: num(env.BENCH_DURATION, 10),
  warmupSec: num(env.BENCH_WARMUP, 2),
  connections: num(env.BENCH_CONNECTIONS, 16),
  detailIds: num(env.BENCH_DETAIL_IDS, 1000),
  coldStarts: num(env.BENCH_COLD_STARTS, 3),
  keepPg: env.BENCH_KEEP_PG === '1',
  vacuum: env.BENCH_VACUUM !== '0',
  engines: (env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim()).filter(Boolean),
  pgUrl: env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/yqt_bench',
  queries: {
    q1: env.BENCH_Q1 ?? '鑫', // a common 字号 character
    q2: env.BENCH_Q2 ?? '检测', // an industry word, ~1–2 % of names
    q4: env.BENCH_Q4 ?? '硬质合金', // the local signature industry, ~1 %
    broad: env.BENCH_Q_BROAD ?? '科技', // in about a third of all names: the worst ordinary query
  },
};

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const log = (msg: string) => console.log(`[bench] ${msg}`);
const secs = (msStart: number) => ((performance.now() - msStart) / 1000).toFixed(1) + ' s';

// ---------------------------------------------------------------- engines
type Engine = { name: 'postgres' | 'pglite'; handle: DbHandle; location: string; dispose(): Promise<void> };

export function adminUrlOf(url: string): { adminUrl: string; dbName: string } {
  const u = new URL(url);
  const dbName = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`BENCH_PG_URL must name a plain database, got "${dbName}"`);
  u.pathname = '/postgres';
  return { adminUrl: u.toString(), dbName };
}

export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openPostgres(): Promise<Engine> {
  const { adminUrl, dbName } = adminUrlOf(settings.pgUrl);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
  const handle = await createDb({ engine: 'postgres', url: settings.pgUrl });
  return {
    name: 'postgres',
    handle,
    location: settings.pgUrl,
    async dispose() {
      await handle.close().catch(() => {});
      if (settings.keepPg) log(`postgres: BENCH_KEEP_PG=1 — keeping ${settings.pgUrl} for inspection`);
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

async function openPglite(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'yqt-bench-pglite-'));
  const handle = await createDb({ engine: 'pglite', dataDir: dir });
  return {
    name: 'pglite',
    handle,
    location: dir,
    async dispose() {
      await handle.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- scenarios
type Scenario = { name: string; paths: string[]; query?: string };

function scenariosFor(data: Dataset): Scenario[] {
  const q = (s: string) => `/api/v1/enterprises?q=${encodeURIComponent(s)}`;
  // Every connection walks the same list of ids in turn, starting where autocannon puts it.
  const step = Math.max(1, Math.floor(data.enterprises.length / settings.detailIds));
  const ids = data.enterprises.filter((_, i) => i % step === 0).slice(0, settings.detailIds).map((e) => e.id);
  const { q1, q2, q4, broad } = settings.queries;
  return [
    // Calibration: session lookup + zod serialisation and nothing else — what this machine gives any authenticated request.
    { name: 'baseline auth/me', paths: ['/api/v1/auth/me'] },
    { name: 'list page 1', paths: ['/api/v1/enterprises?page=1&pageSize=20'] },
    { name: `search 1 char "${q1}"`, paths: [q(q1)], query: q1 },
    { name: `search 2 chars "${q2}"`, paths: [q(q2)], query: q2 },
    { name: `search 4 chars "${q4}"`, paths: [q(q4)], query: q4 },
    { name: `search broad "${broad}"`, paths: [q(broad)], query: broad },
    { name: `detail (${ids.length} ids)`, paths: ids.map((id) => `/api/v1/enterprises/${id}`) },
  ];
}

async function benchEngine(engine: Engine, data: Dataset, rows: ScenarioRow[]) {
  let t = performance.now();
  await engine.handle.migrate();
  log(`${engine.name}: migrated in ${secs(t)}`);
  t = performance.now();
  const { insertDataset } = await import('./generate.js');
  const timings = await insertDataset(engine.handle.db, data, settings.vacuum);
  log(`${engine.name}: inserted in ${(timings.insertMs / 1000).toFixed(1)} s, ${settings.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${(timings.analyzeMs / 1000).toFixed(1)} s`);

  const running = await startApp(engine.handle, engine.location);
  try {
    const cookie = await login(running.baseUrl, BENCH_ADMIN.username, BENCH_ADMIN.password);
    for (const s of scenariosFor(data)) {
      // Sanity check: the request works and (for searches) returns what the data says it should.
      const probe = await getJson(running.baseUrl, s.paths[0]!, cookie);
      if (probe.status !== 200) throw new Error(`${s.name}: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
      const matches = s.query !== undefined ? (probe.body as { total: number }).total : undefined;
      if (s.query !== undefined) {
        const expected = Math.round(matchShare(data, s.query) * data.enterprises.length);
        log(`${engine.name}: "${s.query}" matches ${matches} (${((100 * matches!) / data.enterprises.length).toFixed(2)} %; generator expects ${expected})`);
      }
      const spec: LoadSpec = {
        url: running.baseUrl,
        paths: s.paths,
        headers: { cookie, accept: 'application/json' },
        connections: settings.connections,
        durationSec: settings.warmupSec,
      };
      if (settings.warmupSec > 0) await runLoad(spec);
      const result = await runLoad({ ...spec, durationSec: settings.durationSec });
      const row: ScenarioRow = { engine: engine.name, scenario: s.name, path: s.paths[0]!, matches, load1: loadavg()[0]!, result };
      rows.push(row);
      log(
        `${engine.name}: ${s.name}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyMs.p95.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
    }
  } finally {
    await running.close();
  }
  return timings;
}

// ---------------------------------------------------------------- embedded cold start
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function timeOneStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'auto' };
  delete childEnv.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  const exitedP = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  try {
    for (;;) {
      if (exited) throw new Error(`server exited before becoming healthy:\n${output}`);
      if (performance.now() - t0 > 180_000) throw new Error(`server not healthy after 180 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 15_000);
      await exitedP;
      clearTimeout(timer);
    }
  }
}

async function coldStarts(): Promise<ColdStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yqt-bench-cold-'));
  const rows: ColdStartRow[] = [];
  try {
    for (let run = 1; run <= settings.coldStarts; run++) {
      const ms = await timeOneStart(dir);
      const note = run === 1 ? 'first start: creates DB, migrates, seeds demo data' : 'restart on initialised DATA_DIR';
      rows.push({ run, note, ms });
      log(`cold start ${run}: ${(ms / 1000).toFixed(2)} s (${note})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- main
export async function runRegistry(): Promise<void> {
  log(
    `registry: ${settings.enterprises} enterprises, ${settings.connections} connections, ${settings.durationSec} s per scenario (+${settings.warmupSec} s warm-up), engines ${settings.engines.join(', ')}`,
  );
  let t = performance.now();
  const data = await generateDataset({ enterprises: settings.enterprises, liaisons: settings.liaisons });
  log(`generated ${data.enterprises.length} enterprises, ${data.staff.length} liaison officers, ${data.units.length} units in ${secs(t)}`);

  const rows: ScenarioRow[] = [];
  const setup: Record<string, { insertMs: number; analyzeMs: number }> = {};
  for (const name of settings.engines) {
    if (name !== 'postgres' && name !== 'pglite') throw new Error(`unknown engine "${name}" (postgres | pglite)`);
    t = performance.now();
    const engine = name === 'postgres' ? await openPostgres() : await openPglite();
    log(`${name}: opened in ${secs(t)} (${engine.location})`);
    try {
      setup[name] = await benchEngine(engine, data, rows);
    } finally {
      await engine.dispose();
    }
  }

  const cold = settings.coldStarts > 0 ? await coldStarts() : [];

  console.log(`\nRegistry benchmark — ${settings.enterprises} enterprises, ${settings.connections} connections, ${settings.durationSec} s each, loopback HTTP (${cpus().length} CPUs, Node ${process.version})\n`);
  printScenarioTable(rows);
  if (cold.length) {
    console.log('\nEmbedded (PGlite) cold start: process spawn → GET /api/health 200\n');
    printColdStartTable(cold);
  }
  console.log('\nTargets (for reading the numbers, not asserted): PostgreSQL search p95 < 30 ms at 16 connections; embedded restart < 3 s.');
  const file = writeJson('registry', {
    scenario: 'registry',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    settings: { ...settings, pgUrl: settings.pgUrl.replace(/\/\/[^@]*@/, '//***@') },
    setup,
    scenarios: rows,
    coldStart: cold,
  });
  console.log(`\nJSON: ${file}`);
}
