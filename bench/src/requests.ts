/**
 * Requests benchmark (see bench/README.md, "requests"):
 * (1) intake over HTTP as enterprise contacts at several concurrencies, next to a raw
 *     node-postgres baseline running the same statements in the same transaction;
 * (2) four list queries over 1,000,000 requests at 16 connections, with EXPLAIN (ANALYZE, BUFFERS);
 * (3) one SLA sweep over 100,000 open requests whose warn times have come, then a second one;
 * (4) the intake on embedded PGlite.
 * Prints numbers only — nothing here asserts a timing.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createDb, rowsOf, type DbHandle } from '../../apps/server/src/core/db.js';
import { slaSweep } from '../../apps/server/src/modules/sla/sweep.js';
import { BENCH_ADMIN } from './generate.js';
import { captureStatements, type Statement } from './capture.js';
import { getJson, login, runLoad, startApp } from './http.js';
import type { LoadResult, LoadSpec } from './load.js';
import { adminQuery, adminUrlOf } from './registry.js';
import { bulkRequests, sweepSet } from './requests-bulk.js';
import { mintSession, setupOrg, type OrgInfo } from './requests-data.js';
import { diffIntakeStatements, runRawIntake, type RawSetup } from './requests-raw.js';
import { printTable, writeJson } from './report.js';

const env = process.env;
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
const settings = {
  durationSec: num(env.BENCH_DURATION, 10),
  warmupSec: num(env.BENCH_WARMUP, 2),
  intakeConnections: (env.BENCH_INTAKE_CONNECTIONS ?? '1,16,64').split(',').map(Number).filter((n) => n > 0),
  pgliteConnections: (env.BENCH_PGLITE_CONNECTIONS ?? '1,16').split(',').map(Number).filter((n) => n > 0),
  listConnections: num(env.BENCH_CONNECTIONS, 16),
  requests: num(env.BENCH_REQUESTS, 1_000_000),
  sweep: num(env.BENCH_SWEEP, 100_000),
  sweepBacklogMin: num(env.BENCH_SWEEP_BACKLOG_MIN, 60),
  enterprises: num(env.BENCH_REQ_ENTERPRISES, 10_000),
  pgliteEnterprises: num(env.BENCH_PGLITE_ENTERPRISES, 2_000),
  liaisons: num(env.BENCH_LIAISONS, 200),
  contacts: num(env.BENCH_CONTACTS, 300),
  appPool: num(env.BENCH_POOL, 10),
  engines: (env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((s) => s.trim()).filter(Boolean),
  pgUrl: env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/yqt_bench_req',
  keepPg: env.BENCH_KEEP_PG === '1',
};
const TARGET_LIST_P95_MS = 50;
const TARGET_RATIO = 0.5;
const TARGET_SWEEP_MS = 1000;

const log = (msg: string) => console.log(`[bench] ${msg}`);
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s';
const load1 = () => loadavg()[0]!;
const fmt = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

// ---------------------------------------------------------------- records
type IntakeRow = { engine: string; connections: number; app: LoadResult; appLoad1: number; raw?: LoadResult; rawLoad1?: number; ratio?: number };
type PlanInfo = { statement: 'items' | 'count'; executionMs: number; keyLines: string[]; plan: string[]; seqScan: boolean };
type ListRow = { scenario: string; path: string; total: number; result: LoadResult; load1: number; plans: PlanInfo[]; verdict: string };
type SweepRow = { name: string; ms: number; alertsFired: number; notifications: number; load1: number; error?: string; stack?: string[] };

// ---------------------------------------------------------------- intake
function intakeRequests(org: OrgInfo): NonNullable<LoadSpec['requests']> {
  const cat = org.categories.find((c) => c.code === 'property.repair')!;
  return org.contacts.map((c, i) => ({
    method: 'POST',
    path: '/api/v1/requests',
    headers: { cookie: c.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'repair', categoryId: cat.id, title: i % 2 ? '厂房屋顶漏水' : '办公楼电梯故障', description: '三号厂房屋顶漏水，雨天影响生产，请尽快安排维修。' }),
  }));
}

async function runIntakeHttp(baseUrl: string, org: OrgInfo, connections: number): Promise<LoadResult> {
  const spec: LoadSpec = { url: baseUrl, paths: ['/api/v1/requests'], requests: intakeRequests(org), headers: { accept: 'application/json' }, connections, durationSec: settings.warmupSec };
  if (settings.warmupSec > 0) await runLoad(spec);
  return runLoad({ ...spec, durationSec: settings.durationSec });
}

const intakeLine = (engine: string, kind: string, c: number, r: LoadResult, l: number) =>
  log(`${engine}: intake ${kind} c=${c}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${fmt(r.latencyMs.p50)} ms, p99 ${fmt(r.latencyMs.p99)} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx} (load1 ${l.toFixed(1)})`);

// ---------------------------------------------------------------- list scenarios
type ListScenario = { name: string; requests: NonNullable<LoadSpec['requests']> };

function monthBounds(back: number): { from: string; to: string } {
  // Calendar months in Shanghai time (UTC+8), `back` months before the current one.
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - back;
  const iso = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 1) - 8 * 3600_000).toISOString();
  return { from: iso(y, m), to: iso(y, m + 1) };
}

function listScenarios(org: OrgInfo, cookies: { admin: string; liaison: string[]; pm: Map<string, string> }): ListScenario[] {
  const leafCats = org.categories.filter((c) => c.code !== 'utilities' && c.code !== 'property');
  const words = ['停电', '漏水', '门禁', '咨询'];
  const search: ListScenario['requests'] = [];
  for (let back = 1; back <= 12; back++) {
    for (const w of words) {
      const { from, to } = monthBounds(back);
      search.push({ path: `/api/v1/requests?q=${encodeURIComponent(w)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, headers: { cookie: cookies.admin } });
    }
  }
  const pm: ListScenario['requests'] = [];
  for (const cat of leafCats) {
    for (const p of org.parkManagers) pm.push({ path: `/api/v1/requests?parkId=${p.parkId}&categoryId=${cat.id}&status=open&sort=deadline`, headers: { cookie: cookies.pm.get(p.username)! } });
  }
  return [
    { name: 'liaison queue (open, mine, by deadline)', requests: cookies.liaison.map((cookie) => ({ path: '/api/v1/requests?status=open&mine=true&sort=deadline&pageSize=20', headers: { cookie } })) },
    { name: 'park manager: park+category, open', requests: pm },
    { name: 'admin search q + one month', requests: search },
    { name: 'admin overdue list', requests: [{ path: '/api/v1/requests?overdue=true', headers: { cookie: cookies.admin } }] },
  ];
}

/**
 * The lines that carry a plan's verdict: the top node, sorts, every node on service_requests with
 * its index condition / filter / rows removed, and the timings — not the small lookup joins.
 */
function keyLinesOf(plan: string[]): string[] {
  const out: string[] = [];
  let detail = false;
  for (const [i, line] of plan.entries()) {
    const isNode = i === 0 || line.includes('->');
    if (isNode) detail = /service_requests|Sort|Limit|Aggregate|Gather/.test(line) && !/Join/.test(line);
    if ((isNode && detail) || /Execution Time|Sort Key|Sort Method/.test(line) || (detail && /Index Cond|Recheck Cond|Filter:|Rows Removed by Filter|Heap Blocks/.test(line))) {
      out.push(line.replace(/\(cost=[^)]*\) /, ''));
    }
  }
  return out;
}

async function explain(url: string, statements: Statement[]): Promise<PlanInfo[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: PlanInfo[] = [];
    for (const s of statements.filter((x) => /from "service_requests"/.test(x.sql))) {
      const res = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      const plan = res.rows.map((r) => r['QUERY PLAN']);
      const exec = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
      const keyLines = keyLinesOf(plan);
      out.push({ statement: /count\(/.test(s.sql) ? 'count' : 'items', executionMs: exec, keyLines, plan, seqScan: plan.some((l) => /Seq Scan on service_requests/.test(l)) });
    }
    return out;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- engines
async function openPostgres(): Promise<{ handle: DbHandle; dispose(): Promise<void> }> {
  const { adminUrl, dbName } = adminUrlOf(settings.pgUrl);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
  const handle = await createDb({ engine: 'postgres', url: settings.pgUrl, poolSize: settings.appPool });
  return {
    handle,
    async dispose() {
      await handle.close().catch(() => {});
      if (settings.keepPg) log(`postgres: BENCH_KEEP_PG=1 — keeping ${settings.pgUrl}`);
      else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

async function countAlerts(db: DbHandle['db']): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sla_alerts`);
  return r!.n;
}

class Rollback extends Error {}

async function benchPostgres(record: Record<string, unknown>, intake: IntakeRow[], lists: ListRow[], sweeps: SweepRow[]) {
  const { handle, dispose } = await openPostgres();
  try {
    let t = performance.now();
    await handle.migrate();
    const org = await setupOrg(handle.db, { enterprises: settings.enterprises, liaisons: settings.liaisons, contacts: settings.contacts });
    log(`postgres: migrated + ${org.data.enterprises.length} enterprises, ${org.data.staff.length} officers, ${org.contacts.length} contact logins in ${secs(performance.now() - t)}`);
    const now = new Date();
    const bulk = await bulkRequests(settings.pgUrl, org, settings.requests, now);
    log(`postgres: ${settings.requests} requests inserted in ${secs(bulk.insertMs)}, indexes rebuilt in ${secs(bulk.indexMs)}, VACUUM (ANALYZE) ${secs(bulk.vacuumMs)}`);
    const [dist] = await rowsOf<{ open: number; overdue: number; total: number; size: string }>(
      handle.db,
      sql`SELECT count(*) FILTER (WHERE status IN ('submitted','accepted','in_progress','awaiting_info','key_issue'))::int AS open,
                 count(*) FILTER (WHERE closed_at IS NULL AND ((accepted_at IS NULL AND accept_by < now()) OR (first_feedback_at IS NULL AND feedback_by < now()) OR (resolved_at IS NULL AND resolve_by < now())))::int AS overdue,
                 count(*)::int AS total, pg_size_pretty(pg_total_relation_size('service_requests')) AS size
            FROM service_requests`,
    );
    log(`postgres: service_requests ${dist!.total} rows (${dist!.size} with indexes), ${dist!.open} open, ${dist!.overdue} overdue`);
    record.data = { ...dist, bulk };

    const running = await startApp(handle, settings.pgUrl);
    try {
      const base = running.baseUrl;
      // Staff log in through the real endpoint (one of each); further officers' sessions are minted.
      const admin = await login(base, BENCH_ADMIN.username, BENCH_ADMIN.password);
      const liaisonUsers = org.data.users.filter((u) => u.roles?.includes('liaison'));
      const liaisonCookies = [await login(base, liaisonUsers[0]!.username, BENCH_ADMIN.password)];
      for (const u of liaisonUsers.slice(1, 50)) liaisonCookies.push(await mintSession(handle.db, u.id));
      const pmCookies = new Map<string, string>();
      for (const p of org.parkManagers) pmCookies.set(p.username, await login(base, p.username, BENCH_ADMIN.password));

      // ------------------------------------------------ (1) statements of one intake, for the baseline and the README
      const cat = org.categories.find((c) => c.code === 'property.repair')!;
      const probe = intakeRequests(org)[0]!;
      const cap = await captureStatements(settings.pgUrl, async (u) => {
        const res = await fetch(u + probe.path, { method: 'POST', headers: probe.headers, body: probe.body });
        if (res.status !== 201) throw new Error(`intake probe: HTTP ${res.status} ${await res.text()}`);
      }, (u) => fetch(`${u}/api/v1/auth/me`, { headers: probe.headers })); // steady state: the session is cached
      const diff = diffIntakeStatements(cap.statements.map((s) => s.sql));
      log(`postgres: one intake = ${cap.statements.length} statements; raw baseline ${diff.length ? `DIFFERS: ${diff.join('; ')}` : 'matches them in order'}`);
      record.intakeStatements = { count: cap.statements.length, matchesBaseline: diff.length === 0, diff, statements: cap.statements.map((s) => s.sql) };

      // ------------------------------------------------ (2) list queries over 1M requests
      for (const s of listScenarios(org, { admin, liaison: liaisonCookies, pm: pmCookies })) {
        const first = s.requests[0]!;
        const probeRes = await getJson(base, first.path, first.headers!.cookie!);
        if (probeRes.status !== 200) throw new Error(`${s.name}: HTTP ${probeRes.status} ${JSON.stringify(probeRes.body).slice(0, 300)}`);
        const total = (probeRes.body as { total: number }).total;
        const spec: LoadSpec = { url: base, paths: [first.path], requests: s.requests, headers: { accept: 'application/json' }, connections: settings.listConnections, durationSec: settings.warmupSec };
        if (settings.warmupSec > 0) await runLoad(spec);
        const result = await runLoad({ ...spec, durationSec: settings.durationSec });
        const l = load1();
        const captured = await captureStatements(settings.pgUrl, async (u) => void (await fetch(u + first.path, { headers: first.headers })).text());
        const plans = await explain(settings.pgUrl, captured.statements);
        const verdict = result.latencyMs.p95 < TARGET_LIST_P95_MS ? 'meets p95 < 50 ms' : 'MISSES p95 < 50 ms';
        lists.push({ scenario: s.name, path: first.path, total, result, load1: l, plans, verdict });
        log(
          `postgres: ${s.name}: total ${total}, ${result.reqPerSec.toFixed(0)} req/s, p50 ${fmt(result.latencyMs.p50)} / p95 ${fmt(result.latencyMs.p95)} / p99 ${fmt(result.latencyMs.p99)} ms, ` +
            `EXPLAIN ${plans.map((p) => `${p.statement} ${fmt(p.executionMs, 2)} ms${p.seqScan ? ' (seq scan)' : ''}`).join(', ')} — ${verdict} (load1 ${l.toFixed(1)})`,
        );
      }

      // ------------------------------------------------ (1) intake: app vs raw
      const rawSetup: RawSetup = {
        url: settings.pgUrl,
        operatorId: org.operatorId,
        categoryId: cat.id,
        contacts: org.contacts.map((c) => ({ userId: c.userId, enterpriseId: c.enterpriseId, token: tokenOf(c.cookie) })),
        body: { kind: 'repair', title: '厂房屋顶漏水', description: '三号厂房屋顶漏水，雨天影响生产，请尽快安排维修。' },
      };
      for (const c of settings.intakeConnections) {
        const app = await runIntakeHttp(base, org, c);
        const appLoad1 = load1();
        intakeLine('postgres', 'app', c, app, appLoad1);
        if (settings.warmupSec > 0) await runRawIntake(rawSetup, c, settings.warmupSec);
        const raw = await runRawIntake(rawSetup, c, settings.durationSec);
        const rawLoad1 = load1();
        intakeLine('postgres', 'raw', c, raw, rawLoad1);
        intake.push({ engine: 'postgres', connections: c, app, appLoad1, raw, rawLoad1, ratio: app.reqPerSec / raw.reqPerSec });
      }
    } finally {
      await running.close();
    }

    // ------------------------------------------------ (3) SLA sweep
    t = performance.now();
    const sweepMs = await sweepSet(settings.pgUrl, org, settings.sweep, now);
    const sweepNow = new Date();
    const [due] = await rowsOf<{ n: number; breached: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n,
                 count(*) FILTER (WHERE (accepted_at IS NULL AND accept_by <= ${sweepNow.toISOString()}) OR (first_feedback_at IS NULL AND feedback_by <= ${sweepNow.toISOString()}) OR (resolved_at IS NULL AND resolve_by <= ${sweepNow.toISOString()}))::int AS breached
            FROM service_requests
           WHERE closed_at IS NULL AND paused_at IS NULL
             AND ((accepted_at IS NULL AND accept_warn_at <= ${sweepNow.toISOString()}) OR (first_feedback_at IS NULL AND feedback_warn_at <= ${sweepNow.toISOString()}) OR (resolved_at IS NULL AND resolve_warn_at <= ${sweepNow.toISOString()}))`,
    );
    log(`postgres: sweep set of ${settings.sweep} inserted in ${secs(sweepMs)}; open requests with a warn time come: ${due!.n} (${due!.breached} breached)`);
    record.sweepSet = { inserted: settings.sweep, warnCome: due!.n, breached: due!.breached };

    const timeSweep = async (name: string, at: Date, commit: boolean): Promise<SweepRow> => {
      const before = await countAlerts(handle.db);
      let ms = NaN;
      let notes = 0;
      let error: string | undefined;
      let stack: string[] | undefined;
      try {
        await handle.db.transaction(async (tx) => {
          const t0 = performance.now();
          const rows = await slaSweep(tx, at);
          ms = performance.now() - t0;
          notes = rows.length;
          if (!commit) {
            const [r] = await rowsOf<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM sla_alerts`);
            throw new Rollback(String(r!.n - before));
          }
        });
      } catch (e) {
        if (e instanceof Rollback) return { name, ms, alertsFired: Number(e.message), notifications: notes, load1: load1() };
        // drizzle wraps the driver's error: the cause says what PostgreSQL objected to.
        const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : '';
        error = `${cause ? `${cause} — ` : ''}${e instanceof Error ? e.message.slice(0, 160) : String(e)}`;
        stack = e instanceof Error ? e.stack?.split('\n').slice(1, 9).map((l) => l.trim()) : undefined;
      }
      const fired = (await countAlerts(handle.db)) - before;
      const row = { name, ms, alertsFired: fired, notifications: notes, load1: load1(), ...(error ? { error, stack } : {}) };
      log(`postgres: ${name}: ${error ? `FAILED after ${fmt(ms)} ms: ${error}` : `${fmt(ms)} ms, ${fired} alerts, ${notes} notifications`} (load1 ${row.load1.toFixed(1)})`);
      return row;
    };

    // a) catch-up: no alert has ever fired (first start, or after a long outage) — rolled back.
    const catchUp = await timeSweep('catch-up sweep, nothing fired before (rolled back)', sweepNow, false);
    if (!catchUp.error) log(`postgres: ${catchUp.name}: ${fmt(catchUp.ms)} ms, ${catchUp.alertsFired} alerts, ${catchUp.notifications} notifications`);
    sweeps.push(catchUp);
    // b) the realistic mix: an earlier sweep (the server's own, committed) fired everything due up to
    //    BENCH_SWEEP_BACKLOG_MIN ago and moved each request's next check forward.
    const asOf = new Date(sweepNow.getTime() - settings.sweepBacklogMin * 60_000);
    sweeps.push(await timeSweep(`catch-up sweep as of ${settings.sweepBacklogMin} min ago (committed)`, asOf, true));
    sweeps.push(await timeSweep(`sweep 1 (last sweep ${settings.sweepBacklogMin} min ago)`, sweepNow, true));
    sweeps.push(await timeSweep('sweep 2, right after', new Date(sweepNow.getTime() + 1000), true));
    log(`postgres: sweep phase ${secs(performance.now() - t)}`);
  } finally {
    await dispose();
  }
}

async function benchPglite(record: Record<string, unknown>, intake: IntakeRow[]) {
  const dir = mkdtempSync(join(tmpdir(), 'yqt-bench-req-pglite-'));
  const handle = await createDb({ engine: 'pglite', dataDir: dir });
  try {
    const t = performance.now();
    await handle.migrate();
    const org = await setupOrg(handle.db, { enterprises: settings.pgliteEnterprises, liaisons: Math.min(settings.liaisons, 50), contacts: settings.contacts });
    log(`pglite: migrated + ${org.data.enterprises.length} enterprises, ${org.contacts.length} contact logins in ${secs(performance.now() - t)}`);
    record.pglite = { enterprises: org.data.enterprises.length, contacts: org.contacts.length };
    const running = await startApp(handle, dir);
    try {
      for (const c of settings.pgliteConnections) {
        const app = await runIntakeHttp(running.baseUrl, org, c);
        const l = load1();
        intakeLine('pglite', 'app', c, app, l);
        intake.push({ engine: 'pglite', connections: c, app, appLoad1: l });
      }
    } finally {
      await running.close();
    }
  } finally {
    await handle.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main
export async function runRequests(): Promise<void> {
  log(
    `requests: ${settings.requests} requests, intake at ${settings.intakeConnections.join('/')} connections (PGlite ${settings.pgliteConnections.join('/')}), lists at ${settings.listConnections}, ` +
      `sweep set ${settings.sweep}, ${settings.durationSec} s per run (+${settings.warmupSec} s warm-up), app pool ${settings.appPool}, engines ${settings.engines.join(', ')}`,
  );
  const record: Record<string, unknown> = {};
  const intake: IntakeRow[] = [];
  const lists: ListRow[] = [];
  const sweeps: SweepRow[] = [];
  for (const e of settings.engines) {
    if (e === 'postgres') await benchPostgres(record, intake, lists, sweeps);
    else if (e === 'pglite') await benchPglite(record, intake);
    else throw new Error(`unknown engine "${e}" (postgres | pglite)`);
  }

  console.log(`\nRequests benchmark — ${settings.durationSec} s per run, loopback HTTP (${cpus().length} CPUs, Node ${process.version}); load1 = 1-minute load average after the run\n`);
  console.log('(1)/(4) Intake POST /api/v1/requests as enterprise contacts — app vs raw node-postgres (same statements, same transaction)\n');
  printTable(
    ['engine', 'conns', 'app req/s', 'app p50', 'app p99', 'err', 'load1', 'raw req/s', 'raw p50', 'raw p99', 'load1', 'app/raw'],
    intake.map((r) => [
      r.engine,
      String(r.connections),
      r.app.reqPerSec.toFixed(0),
      fmt(r.app.latencyMs.p50),
      fmt(r.app.latencyMs.p99),
      String(r.app.errors + r.app.timeouts + r.app.non2xx + (r.raw?.errors ?? 0)),
      r.appLoad1.toFixed(1),
      r.raw ? r.raw.reqPerSec.toFixed(0) : '',
      r.raw ? fmt(r.raw.latencyMs.p50) : '',
      r.raw ? fmt(r.raw.latencyMs.p99) : '',
      r.rawLoad1 !== undefined ? r.rawLoad1.toFixed(1) : '',
      r.ratio !== undefined ? `${(100 * r.ratio).toFixed(0)} %` : '',
    ]),
  );
  if (lists.length) {
    console.log(`\n(2) Lists over ${settings.requests.toLocaleString('en')} requests at ${settings.listConnections} connections (ms); EXPLAIN ANALYZE of the items / count statements\n`);
    printTable(
      ['scenario', 'total', 'req/s', 'p50', 'p95', 'p99', 'items ms', 'count ms', 'seq scan', 'load1', 'verdict'],
      lists.map((r) => {
        const items = r.plans.find((p) => p.statement === 'items');
        const count = r.plans.find((p) => p.statement === 'count');
        return [
          r.scenario,
          String(r.total),
          r.result.reqPerSec.toFixed(0),
          fmt(r.result.latencyMs.p50),
          fmt(r.result.latencyMs.p95),
          fmt(r.result.latencyMs.p99),
          fmt(items?.executionMs ?? NaN, 2),
          fmt(count?.executionMs ?? NaN, 2),
          r.plans.filter((p) => p.seqScan).map((p) => p.statement).join('+') || 'no',
          r.load1.toFixed(1),
          r.verdict,
        ];
      }),
    );
    for (const r of lists) {
      console.log(`\n  ${r.scenario} — ${r.path.slice(0, 140)}`);
      for (const p of r.plans) console.log(`    [${p.statement}]\n      ${p.keyLines.slice(0, 16).join('\n      ')}`);
    }
  }
  if (sweeps.length) {
    console.log(`\n(3) SLA sweep (slaSweep in one transaction) over the open requests whose warn times have come\n`);
    printTable(
      ['sweep', 'ms', 'alerts fired', 'notifications', 'load1', 'note'],
      sweeps.map((s) => [s.name, fmt(s.ms, 0), String(s.alertsFired), String(s.notifications), s.load1.toFixed(1), s.error ? `FAILED: ${s.error.slice(0, 80)}` : s.ms < TARGET_SWEEP_MS ? '< 1 s' : '>= 1 s']),
    );
  }
  console.log(`\nTargets (for reading, not asserted): intake app ≥ ${TARGET_RATIO * 100} % of raw; list p95 < ${TARGET_LIST_P95_MS} ms at 16 connections; sweep < 1 s.`);
  const file = writeJson('requests', {
    scenario: 'requests',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    settings: { ...settings, pgUrl: settings.pgUrl.replace(/\/\/[^@]*@/, '//***@') },
    ...record,
    intake,
    lists,
    sweeps,
  });
  console.log(`\nJSON: ${file}`);
}
