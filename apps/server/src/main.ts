import { sql } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb, rowsOf } from './core/db.js';
import { createEventBus } from './core/events.js';
import { startJobs } from './core/jobs.js';
import { slaJobs } from './modules/sla/index.js';
import { demoAccounts, seedDemo } from './seed/seed.js';
import { operators } from './db/schema/index.js';
import { ensureRequestDefaults } from './modules/requests/index.js';
import { ensureDemoApiKey } from './seed/demo-api-key.js';
import { seedRequestHistory } from './seed/requests-history.js';
import { seedPolicyDemo } from './seed/policy-demo.js';

const config = loadConfig();
if (!config.webDist) config.webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

const started = Date.now();
const handle = await createDb(config.db.engine === 'postgres' ? config.db : { engine: 'pglite', dataDir: config.db.dataDir });
await handle.migrate();

// Demo data: on request, or by default into an empty embedded database (first start).
const [{ n }] = (await rowsOf<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM operators`)) as [{ n: number }];
const wantDemo = config.demoData === 'on' || (config.demoData === 'auto' && config.db.engine === 'pglite' && Number(n) === 0);
let seeded = false;
let seededHistory = 0;
if (wantDemo) {
  const res = await seedDemo(handle.db);
  seeded = res !== null;
}

// Every operator starts with the request categories and the "1+1+2" SLA policies (idempotent).
for (const op of await handle.db.select({ id: operators.id }).from(operators)) await ensureRequestDefaults(handle.db, op.id);
// The demo integrator's Open311 key (only where the demo operator exists).
await ensureDemoApiKey(handle.db);
// Demo request history (2021 and 2024–today, plus today's open work); skipped when requests exist.
if (wantDemo) {
  const history = await seedRequestHistory(handle.db, { now: new Date() });
  if (!history.skipped) seededHistory = history.requests;
}
// Demo policies, service guides, indicators, matches and applications: wherever the demo operator exists
// (each step is idempotent, so databases seeded by an earlier version are completed on their next start).
const policyDemo = await seedPolicyDemo(handle.db, new Date());

const bus = await createEventBus(config.db.engine === 'postgres' ? config.db.url : undefined);
const app = await buildApp(config, { db: handle.db, bus });
await app.listen({ port: config.port, host: config.host });
// SLA warnings, escalations and auto-closing run in every instance; an advisory lock picks one per tick.
const stopJobs = startJobs(handle.db, slaJobs(bus, app.notificationAdapters, app.log), app.clock, app.log);

const url = `http://localhost:${config.port}`;
const where = config.db.engine === 'pglite' ? `embedded PGlite, data in ${config.db.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const lines = [
  '',
  `  园企通 YuanQiTong is running — open ${url}`,
  `  Database: ${where}${seeded ? ` — demo data loaded${seededHistory ? ` (${seededHistory} requests of history)` : ''}` : ''}`,
  ...(policyDemo?.policies ? [`  Demo policies: ${policyDemo.policies} policies, ${policyDemo.guides} service guides, ${policyDemo.matches} matches, ${policyDemo.applications} applications`] : []),
  `  API docs: ${url}/api/docs   Ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
];
const hasDemo = (await rowsOf<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`))[0]?.n;
if (Number(hasDemo) > 0) {
  lines.push('', '  Demo accounts (password demo1234):');
  for (const a of demoAccounts) lines.push(`    ${a.username.padEnd(10)} ${a.description}`);
}
console.log(lines.join('\n') + '\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    stopJobs();
    await app.close();
    await bus.close();
    await handle.close();
    process.exit(0);
  });
}
