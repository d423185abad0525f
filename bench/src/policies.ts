/**
 * Policies benchmark (政策计算器) on PostgreSQL: 40,000 enterprises (registry generator, all made
 * active so every one is evaluated) with three years of indicators and qualifications, and 300
 * published policies from ten rule templates. Measures:
 *   (a) recomputePolicyMatches for one policy vs all enterprises        target < 200 ms
 *   (b) one enterprise's live check against 300 policies, service call
 *       and GET /api/v1/enterprises/{id}/policy-matches over HTTP        target < 50 ms
 *   (c) full recompute 300 × 40,000                                    target < 60 s
 *   (d) public policy search GET /api/v1/policies?q=… p95 at c=16      target < 30 ms
 *   plus the rule editor's preview (POST /api/v1/eligibility/preview) over all enterprises.
 * Prints numbers only — nothing here asserts a timing.
 */
import { permissionsOf, type Role } from '@yqt/contracts';
import { inArray, sql } from 'drizzle-orm';
import { cpus, loadavg } from 'node:os';
import { createDb, rowsOf, type DbHandle } from '../../apps/server/src/core/db.js';
import type { Ctx } from '../../apps/server/src/core/context.js';
import { policies } from '../../apps/server/src/db/schema/index.js';
import { createEventBus } from '../../apps/server/src/core/events.js';
import { shanghaiDate } from '../../apps/server/src/core/work-calendar.js';
import { recomputeAllMatches, recomputePolicyMatches } from '../../apps/server/src/modules/eligibility/index.js';
import { enterprisePolicyMatches } from '../../apps/server/src/modules/eligibility/enterprise-matches.service.js';
import { previewRules } from '../../apps/server/src/modules/eligibility/preview.service.js';
import { BENCH_ADMIN, generateDataset, insertDataset } from './generate.js';
import { getJson, login, runLoad, startApp } from './http.js';
import type { LoadResult } from './load.js';
import { insertIndicators, insertPolicies, type BenchPolicy } from './policies-data.js';
import { adminQuery, adminUrlOf } from './registry.js';
import { writeJson } from './report.js';

const env = process.env;
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);
const settings = {
  enterprises: num(env.BENCH_ENTERPRISES, 40_000),
  policies: num(env.BENCH_POLICIES, 300),
  /** Policies in the full recompute (c); fewer than all → the figure is also extrapolated linearly. */
  fullPolicies: num(env.BENCH_FULL_POLICIES, 300),
  liaisons: num(env.BENCH_LIAISONS, 200),
  durationSec: num(env.BENCH_DURATION, 10),
  warmupSec: num(env.BENCH_WARMUP, 2),
  connections: num(env.BENCH_CONNECTIONS, 16),
  checks: num(env.BENCH_CHECKS, 200),
  pgUrl: env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/yqt_bench_pol',
  keepPg: env.BENCH_KEEP_PG === '1',
};
const TARGETS = { recomputeOneMs: 200, liveCheckMs: 50, fullRecomputeS: 60, searchP95Ms: 30 };

const log = (msg: string) => console.log(`[bench] ${msg}`);
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });
const verdict = (value: number, target: number) => (value < target ? 'meets' : 'MISSES');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** A ctx for calling services directly, as the bench admin (what ctxOf builds per request). */
function adminCtx(handle: DbHandle, operatorId: string, userId: string, now: Date, bus: Ctx['bus']): Ctx {
  const roles: Role[] = ['admin'];
  return {
    actor: {
      userId,
      username: BENCH_ADMIN.username,
      displayName: '基准管理员',
      operatorId,
      operatorName: 'bench',
      roles,
      permissions: new Set(permissionsOf(roles)),
      staffId: null,
      departmentId: null,
      parkIds: [],
      enterpriseId: null,
    },
    db: handle.db,
    log: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return this; }, level: 'silent', silent() {} } as unknown as Ctx['log'],
    now,
    requestId: 'bench',
    ip: '127.0.0.1',
    bus,
    notificationAdapters: [],
  };
}

export async function runPolicies(): Promise<void> {
  log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load1 ${loadavg()[0]!.toFixed(1)}`);
  const { adminUrl, dbName } = adminUrlOf(settings.pgUrl);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
  const handle = await createDb({ engine: 'postgres', url: settings.pgUrl, poolSize: 10 });
  const record: Record<string, unknown> = { settings, targets: TARGETS };
  const now = new Date();
  const today = shanghaiDate(now);
  try {
    // ------------------------------------------------------------ data
    let t = performance.now();
    await handle.migrate();
    const data = await generateDataset({ enterprises: settings.enterprises, liaisons: settings.liaisons });
    await insertDataset(handle.db, data, false);
    // Every enterprise evaluated: the registry generator marks ~14 % moved out / deregistered.
    await handle.db.execute(sql`UPDATE enterprises SET status = 'active'`);
    for (const e of data.enterprises) e.status = 'active';
    log(`postgres: migrated + ${data.enterprises.length} enterprises in ${f1((performance.now() - t) / 1000)} s`);
    t = performance.now();
    const ind = await insertIndicators(
      handle.db,
      data.enterprises.map((e) => ({ id: e.id, tier: e.tier ?? 'none', size: e.size, status: 'active', industryCode: e.industryCode, foundedOn: e.foundedOn ?? null, employeeCount: e.employeeCount ?? null })),
      today,
    );
    const operatorId = data.operator.id;
    const pols = await insertPolicies(handle.db, operatorId, data.parks.map((p) => p.id), settings.policies, today);
    await handle.db.execute(sql`VACUUM (ANALYZE)`);
    log(`postgres: ${ind.indicators} indicator rows, ${ind.qualifications} qualifications, ${pols.length} published policies in ${f1((performance.now() - t) / 1000)} s (incl. VACUUM ANALYZE)`);
    record.data = { enterprises: data.enterprises.length, ...ind, policies: pols.length };

    // ------------------------------------------------------------ (a) one policy vs all enterprises
    const oneOfEach = new Map<string, BenchPolicy>();
    for (const p of pols) if (!oneOfEach.has(p.template)) oneOfEach.set(p.template, p);
    for (const p of oneOfEach.values()) await recomputePolicyMatches(handle.db, p.id, now); // warm-up (JIT, caches)
    const one: { template: string; ms: number; eligible: number; nearly: number }[] = [];
    for (const p of oneOfEach.values()) {
      const [r, ms] = await timed(() => recomputePolicyMatches(handle.db, p.id, now));
      one.push({ template: p.template, ms, ...r });
      log(`(a) recomputePolicyMatches "${p.template}": ${f1(ms)} ms — ${r.eligible} eligible, ${r.nearly} nearly`);
    }
    const oneMs = summary(one.map((x) => x.ms));
    log(`(a) one policy × ${data.enterprises.length} enterprises: p50 ${f1(oneMs.p50)} ms, max ${f1(oneMs.max)} ms — target < ${TARGETS.recomputeOneMs} ms: ${verdict(oneMs.max, TARGETS.recomputeOneMs)}`);
    record.recomputeOne = { runs: one, ...oneMs };

    // ------------------------------------------------------------ (c) full recompute
    const parked = pols.slice(settings.fullPolicies).map((p) => p.id);
    const park = async (status: 'draft' | 'published') => {
      for (let i = 0; i < parked.length; i += 500) await handle.db.update(policies).set({ status }).where(inArray(policies.id, parked.slice(i, i + 500)));
    };
    await park('draft');
    const full = await recomputeAllMatches(handle.db, operatorId, now);
    await park('published');
    const [stored] = await rowsOf<{ n: number; size: string }>(handle.db, sql`SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('policy_matches')) AS size FROM policy_matches`);
    log(
      `(c) full recompute ${full.policies} × ${full.enterprises}: ${f1(full.totalMs / 1000)} s (load ${f1(full.loadMs)} ms, evaluate ${f1(full.evaluateMs / 1000)} s, write ${f1(full.writeMs / 1000)} s) — ${full.eligible} eligible, ${full.nearly} nearly; policy_matches ${stored!.n} rows, ${stored!.size} — target < ${TARGETS.fullRecomputeS} s: ${verdict(full.totalMs / 1000, TARGETS.fullRecomputeS)}`,
    );
    const scale = pols.length / Math.max(1, full.policies);
    if (scale > 1) log(`(c) extrapolated to ${pols.length} policies (linear: each policy is evaluated and written on its own): ~${f1((full.totalMs * scale) / 1000)} s, ~${Math.round(stored!.n * scale)} rows`);
    record.fullRecompute = { ...full, storedRows: stored!.n, tableSize: stored!.size, extrapolatedTotalMs: full.totalMs * scale };

    // ------------------------------------------------------------ (b) live check: service
    const bus = await createEventBus();
    const ctx = adminCtx(handle, operatorId, data.users[0]!.id, now, bus);
    const step = Math.max(1, Math.floor(data.enterprises.length / settings.checks));
    const ids = data.enterprises.filter((_, i) => i % step === 0).slice(0, settings.checks).map((e) => e.id);
    for (const id of ids.slice(0, 20)) await enterprisePolicyMatches(ctx, id, { page: 1, pageSize: 50 });
    const svc: number[] = [];
    let evaluated = 0;
    for (const id of ids) {
      const [r, ms] = await timed(() => enterprisePolicyMatches(ctx, id, { page: 1, pageSize: 50 }));
      svc.push(ms);
      evaluated = r.counts.eligible + r.counts.nearly + r.counts.not_eligible;
    }
    const svcS = summary(svc);
    log(`(b) service enterprisePolicyMatches (${evaluated} policies each, ${svc.length} enterprises, serial): p50 ${f1(svcS.p50)} ms, p95 ${f1(svcS.p95)} ms, max ${f1(svcS.max)} ms — target < ${TARGETS.liveCheckMs} ms: ${verdict(svcS.p95, TARGETS.liveCheckMs)}`);
    record.liveCheckService = svcS;

    // preview of an unsaved draft over all enterprises
    const previews: { template: string; tookMs: number; eligible: number; nearly: number; total: number }[] = [];
    const cold = await previewRules(ctx, { rules: pols[0]!.rules });
    log(`(e) first preview (loads the operator's facts into the preview cache): ${f1(cold.tookMs)} ms`);
    for (const p of [...oneOfEach.values()].slice(0, 5)) await previewRules(ctx, { rules: p.rules });
    for (const p of oneOfEach.values()) {
      const r = await previewRules(ctx, { rules: p.rules });
      previews.push({ template: p.template, tookMs: r.tookMs, eligible: r.eligible, nearly: r.nearly, total: r.total });
    }
    const prevS = summary(previews.map((p) => p.tookMs));
    log(`(e) preview of a draft over ${previews[0]?.total} enterprises (facts cached): p50 ${f1(prevS.p50)} ms, max ${f1(prevS.max)} ms`);
    record.preview = { coldMs: cold.tookMs, runs: previews, ...prevS };
    await bus.close();

    // ------------------------------------------------------------ HTTP
    const running = await startApp(handle, settings.pgUrl);
    try {
      const base = running.baseUrl;
      const cookie = await login(base, BENCH_ADMIN.username, BENCH_ADMIN.password);
      const probe = await getJson(base, `/api/v1/enterprises/${ids[0]}/policy-matches`, cookie);
      if (probe.status !== 200) throw new Error(`policy-matches: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
      const paths = ids.map((id) => `/api/v1/enterprises/${id}/policy-matches`);
      const http: Record<string, LoadResult> = {};
      for (const c of [1, 4]) {
        const spec = { url: base, paths, headers: { cookie, accept: 'application/json' }, connections: c, durationSec: settings.warmupSec };
        if (settings.warmupSec > 0) await runLoad(spec);
        const r = await runLoad({ ...spec, durationSec: settings.durationSec });
        http[`c${c}`] = r;
        log(`(b) GET /enterprises/{id}/policy-matches c=${c}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${f1(r.latencyMs.p50)} ms, p95 ${f1(r.latencyMs.p95)} ms, p99 ${f1(r.latencyMs.p99)} ms, non-2xx ${r.non2xx}, errors ${r.errors} (load1 ${loadavg()[0]!.toFixed(1)})`);
      }
      log(`(b) HTTP live check at c=1: p95 ${f1(http.c1!.latencyMs.p95)} ms — target < ${TARGETS.liveCheckMs} ms: ${verdict(http.c1!.latencyMs.p95, TARGETS.liveCheckMs)}`);
      record.liveCheckHttp = http;

      // (d) public search: built by the policy library; measured when it answers.
      const words = ['研发', '高新技术', '专精特新', '补贴', '出口', '人才'];
      const searchProbe = await fetch(`${base}/api/v1/policies?q=${encodeURIComponent(words[0]!)}`);
      if (searchProbe.status === 200) {
        const total = ((await searchProbe.json()) as { total: number }).total;
        const spec = { url: base, paths: words.map((w) => `/api/v1/policies?q=${encodeURIComponent(w)}`), headers: { accept: 'application/json' }, connections: settings.connections, durationSec: settings.warmupSec };
        if (settings.warmupSec > 0) await runLoad(spec);
        const r = await runLoad({ ...spec, durationSec: settings.durationSec });
        log(`(d) public GET /policies?q=… (${words.join(' ')}; "${words[0]}" matches ${total}) c=${settings.connections}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${f1(r.latencyMs.p50)} ms, p95 ${f1(r.latencyMs.p95)} ms, p99 ${f1(r.latencyMs.p99)} ms, non-2xx ${r.non2xx} — target p95 < ${TARGETS.searchP95Ms} ms: ${verdict(r.latencyMs.p95, TARGETS.searchP95Ms)}`);
        record.search = r;
      } else {
        log(`(d) public policy search not measured: GET /api/v1/policies answered ${searchProbe.status}`);
        record.search = { notMeasured: searchProbe.status };
      }
    } finally {
      await running.close();
    }
    log(`results: ${writeJson('policies', record)}`);
  } finally {
    await handle.close().catch(() => {});
    if (settings.keepPg) log(`postgres: BENCH_KEEP_PG=1 — keeping ${settings.pgUrl}`);
    else await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}
