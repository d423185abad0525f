import pg from 'pg';
import { sql, eq } from 'drizzle-orm';
import { createDb, rowsOf } from './src/core/db.js';
import { seedFixture } from './test/fixture.js';
import { users } from './src/db/schema/index.js';
import { metricsSettings, requestMetrics } from './src/modules/metrics/index.js';
import { metricsQuery } from './src/modules/metrics/request-metrics.js';
import { visibleRequests } from './src/modules/requests/requests.policy.js';
import { permissionsOf } from '@yqt/contracts';

const url = 'postgres://postgres@127.0.0.1:5432/postgres';
const keep = process.argv[2] === 'keep';
const admin = new pg.Client({ connectionString: url }); await admin.connect();
const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname='yqt_mbench'`)).rowCount;
const h = await (async () => {
  if (exists && keep) return createDb({ engine: 'postgres', url: url.replace(/postgres$/, 'yqt_mbench') });
  await admin.query('DROP DATABASE IF EXISTS yqt_mbench'); await admin.query('CREATE DATABASE yqt_mbench');
  const h = await createDb({ engine: 'postgres', url: url.replace(/postgres$/, 'yqt_mbench') });
  await h.migrate();
  const fx = await seedFixture(h.db);
  await h.db.execute(sql`INSERT INTO service_requests (operator_id, number, enterprise_id, park_id, kind, category_id, channel, title, description, status, received_at, sla_policy_id, clock_started_at, accept_by, feedback_by, resolve_by, accept_warn_at, feedback_warn_at, resolve_warn_at, accepted_at, first_feedback_at, resolved_at, closed_at, close_reason, rating, liaison_id)
  SELECT ${fx.op.id}, 'B'||i, ${fx.entA1.id}, CASE WHEN i%2=0 THEN ${fx.parkA.id}::uuid ELSE ${fx.parkB.id}::uuid END, 'repair', (SELECT id FROM request_categories WHERE operator_id=${fx.op.id} AND code='policy'), 'web', 't', 'd',
   CASE WHEN i%5=0 THEN 'submitted' ELSE 'closed' END, ts, (SELECT id FROM sla_policies WHERE operator_id=${fx.op.id} AND policy_key='default'), ts, ts+interval '1 hour', ts+interval '1 day', ts+interval '2 day', ts, ts, ts,
   CASE WHEN i%5=0 THEN NULL ELSE ts + (i%120)*interval '1 minute' END, CASE WHEN i%5=0 THEN NULL ELSE ts + (i%900)*interval '1 minute' END, CASE WHEN i%5=0 THEN NULL ELSE ts + (i%3000)*interval '1 minute' END, CASE WHEN i%5=0 THEN NULL ELSE ts + interval '4 day' END, CASE WHEN i%5=0 THEN NULL ELSE 'rated' END, CASE WHEN i%5=0 THEN NULL ELSE 1 + i%5 END, ${fx.liaison1.staff!.id}
  FROM (SELECT i, timestamptz '2024-01-01 00:00+08' + (i * interval '1 minute' * 5) AS ts FROM generate_series(1, 200000) i) s`);
  await h.db.execute(sql`ANALYZE`);
  return h;
})();
const [u] = await h.db.select().from(users).where(eq(users.username, 'admin'));
const actor = { userId: u!.id, username: 'admin', displayName: 'a', operatorId: u!.operatorId, operatorName: '', roles: ['admin' as const], permissions: new Set(permissionsOf(['admin'])), staffId: null, departmentId: null, parkIds: [], enterpriseId: null };
const settings = await metricsSettings(h.db, u!.operatorId);
const asOf = new Date('2026-11-27T12:00:00+08:00');
const f = { from: new Date('2025-06-01T00:00:00+08:00'), to: new Date('2025-07-01T00:00:00+08:00') };
if (process.argv[3] === 'explain') {
  const plan = await rowsOf<Record<string, string>>(h.db, sql`EXPLAIN (ANALYZE, BUFFERS) ${metricsQuery(visibleRequests(actor), f, asOf, { settings })}`);
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
}
for (const [label, from, to, groupBy] of [['month', '2025-06-01', '2025-07-01', undefined], ['month again', '2025-06-01', '2025-07-01', undefined], ['year', '2025-01-01', '2026-01-01', undefined], ['2y by month', '2024-01-01', '2026-01-01', 'month'], ['year by park', '2025-01-01', '2026-01-01', 'park']] as const) {
  const t0 = performance.now();
  const r = await requestMetrics(h.db, visibleRequests(actor), { from: new Date(from + 'T00:00:00+08:00'), to: new Date(to + 'T00:00:00+08:00') }, asOf, { settings, groupBy });
  console.log(label, r.totals.received, Math.round(performance.now() - t0), 'ms', r.groups?.length ?? '');
}
await h.close();
if (!keep) await admin.query('DROP DATABASE yqt_mbench WITH (FORCE)');
await admin.end();
