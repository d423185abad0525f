/**
 * PostgreSQL-only bulk generation for the requests benchmark, all in SQL (INSERT … SELECT over
 * generate_series, seeded with setseed so the distribution is repeatable):
 *
 * - `bulkRequests`: N (default 1,000,000) requests over 5 years, denser towards today (density
 *   grows linearly), across the registry generator's enterprises (so their parks and officers),
 *   14 leaf categories weighted like a zone's traffic with matching realistic titles, ~2 % open
 *   (mostly from the last weeks), ~8 % transferred to a department, realistic channel mix.
 *   Deadlines follow the default "1+1+2" policy approximated in natural time (accept 1 h, first
 *   feedback 1 day, resolve 2 days, warnings at 80 %): exact working-time deadlines do not change
 *   what the list queries touch. Rows are inserted in arrival order (ORDER BY received_at), so
 *   the heap is laid out by time as in a live table. Secondary indexes are dropped and rebuilt.
 * - `sweepSet`: M (default 100,000) open requests whose warn times have come — ~20 % awaiting
 *   acceptance, ~80 % in progress; per running clock ~20–25 % newly warned (deadline still
 *   ahead), the rest breached from minutes to 4 days ago (so every escalation level occurs).
 * All generated instants are whole seconds: the app writes JS Dates (millisecond precision) and
 * the sweep's "already escalated?" test compares due_at for equality with values that went
 * through JS, so microsecond timestamps would make every clock look new to it.
 */
import pg from 'pg';
import type { OrgInfo } from './requests-data.js';

/** Leaf categories with their weight (of 100), kind and realistic titles. */
export const TEMPLATES: { code: string; weight: number; kind: string; titles: string[] }[] = [
  { code: 'utilities.outage', weight: 5, kind: 'repair', titles: ['厂区突然停电', '配电房跳闸导致停电', '计划停电通知咨询', '园区停水'] },
  { code: 'utilities.billing', weight: 4, kind: 'consultation', titles: ['电费账单异常', '水费计量有误'] },
  { code: 'property.repair', weight: 18, kind: 'repair', titles: ['厂房屋顶漏水', '办公楼电梯故障', '空调不制冷', '门窗损坏需维修', '卫生间水管漏水'] },
  { code: 'property.drainage', weight: 6, kind: 'repair', titles: ['雨后厂区积水', '下水道堵塞'] },
  { code: 'property.security', weight: 5, kind: 'difficulty', titles: ['门禁卡无法使用', '夜间监控盲区'] },
  { code: 'policy', weight: 16, kind: 'consultation', titles: ['高新技术企业认定政策咨询', '研发费用加计扣除咨询', '专精特新申报咨询', '稳岗补贴申领咨询'] },
  { code: 'financing', weight: 6, kind: 'difficulty', titles: ['申请科技贷款', '融资担保咨询'] },
  { code: 'talent', weight: 7, kind: 'difficulty', titles: ['招聘技术工人困难', '人才公寓申请'] },
  { code: 'permits', weight: 8, kind: 'difficulty', titles: ['环评审批进度查询', '消防验收咨询'] },
  { code: 'environment', weight: 6, kind: 'complaint', titles: ['周边企业异味扰民', '夜间施工噪声扰民'] },
  { code: 'commuting', weight: 5, kind: 'suggestion', titles: ['建议增开园区公交线路', '上下班高峰道路拥堵'] },
  { code: 'canteen', weight: 4, kind: 'suggestion', titles: ['食堂菜品价格偏高'] },
  { code: 'apartments', weight: 4, kind: 'repair', titles: ['公寓热水器故障'] },
  { code: 'other', weight: 6, kind: 'consultation', titles: ['园区网络信号差', '快递收发点设置建议'] },
];

/** The 100 weighted template slots (category id, policy id, kind, title). */
function slots(org: OrgInfo) {
  const out: { slot: number; categoryId: string; policyId: string; kind: string; title: string }[] = [];
  for (const t of TEMPLATES) {
    const cat = org.categories.find((c) => c.code === t.code);
    if (!cat) throw new Error(`category ${t.code} missing`);
    for (let i = 0; i < t.weight; i++) {
      out.push({ slot: out.length + 1, categoryId: cat.id, policyId: t.code === 'utilities.outage' ? org.outagePolicyId : org.defaultPolicyId, kind: t.kind, title: t.titles[i % t.titles.length]! });
    }
  }
  if (out.length !== 100) throw new Error(`template weights sum to ${out.length}, not 100`);
  return out;
}

async function prepareTemp(c: pg.Client, org: OrgInfo) {
  await c.query(`DROP TABLE IF EXISTS bench_ent, bench_tpl`);
  await c.query(`CREATE TEMP TABLE bench_ent AS SELECT row_number() OVER (ORDER BY id)::int AS idx, id, park_id, liaison_id FROM enterprises WHERE status <> 'deregistered'`);
  await c.query(`CREATE TEMP TABLE bench_tpl (slot int PRIMARY KEY, category_id uuid, policy_id uuid, kind text, title text)`);
  const s = slots(org);
  await c.query(
    `INSERT INTO bench_tpl SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
    [s.map((x) => x.slot), s.map((x) => x.categoryId), s.map((x) => x.policyId), s.map((x) => x.kind), s.map((x) => x.title)],
  );
  await c.query(`ANALYZE bench_ent; ANALYZE bench_tpl`);
  const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_ent`);
  return rows[0]!.n;
}

const DESCRIPTION = `'。具体情况：' || t.title || '，已影响企业正常生产经营，请园区尽快协调相关部门处理并反馈办理进度。联系人可随时电话沟通。'`;

/** Inserts `n` historic requests; returns timings. `now` anchors the 5 years. */
export async function bulkRequests(url: string, org: OrgInfo, n: number, now: Date): Promise<{ insertMs: number; indexMs: number; vacuumMs: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET maintenance_work_mem = '256MB'`);
    const nEnt = await prepareTemp(c, org);
    const { rows: idx } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'service_requests' AND indexname <> 'service_requests_pkey'`,
    );
    for (const i of idx) await c.query(`DROP INDEX ${i.indexname}`);
    const t0 = performance.now();
    await c.query(`SELECT setseed(0.42)`);
    const dept = org.data.departments[0]!.id;
    await c.query(
      `INSERT INTO service_requests (operator_id, number, enterprise_id, park_id, submitter_name, kind, category_id, channel, priority, title, description,
                                     status, liaison_id, department_id, transfer_status, is_key_issue, received_at, sla_policy_id, clock_started_at,
                                     accept_by, feedback_by, resolve_by, accept_warn_at, feedback_warn_at, resolve_warn_at,
                                     accepted_at, first_feedback_at, resolved_at, closed_at, close_reason, paused_at, rating, rated_at, created_at, updated_at)
       SELECT $1, 'SQ' || to_char(s.recv AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(s.g::text, 7, '0'), e.id, e.park_id, NULL, t.kind, t.category_id,
              CASE WHEN s.u5 < 0.45 THEN 'web' WHEN s.u5 < 0.70 THEN 'mobile' WHEN s.u5 < 0.85 THEN 'phone' WHEN s.u5 < 0.93 THEN 'visit' WHEN s.u5 < 0.97 THEN 'kiosk' ELSE 'api' END,
              CASE WHEN s.u6 < 0.06 THEN 'urgent' ELSE 'normal' END,
              t.title, t.title || ${DESCRIPTION},
              s.status, e.liaison_id, CASE WHEN s.u6 > 0.92 THEN $2::uuid END, CASE WHEN s.u6 > 0.92 THEN 'accepted' ELSE 'none' END, s.status = 'key_issue',
              s.recv, t.policy_id, s.recv,
              s.recv + interval '1 hour', s.recv + interval '1 day', s.recv + interval '2 days',
              s.recv + interval '48 minutes', s.recv + interval '19.2 hours', s.recv + interval '38.4 hours',
              CASE WHEN s.status IN ('submitted') OR s.close_reason = 'rejected' THEN NULL ELSE least($3, s.recv + (5 + s.u3 * 80) * interval '1 minute') END,
              CASE WHEN s.status IN ('submitted', 'accepted') OR s.close_reason = 'rejected' OR (s.status IN ('in_progress', 'awaiting_info') AND s.recv + s.u3 * interval '30 hours' > $3) THEN NULL
                   ELSE least($3, s.recv + s.u3 * interval '30 hours') END,
              CASE WHEN s.status IN ('resolved', 'closed') AND s.close_reason IS DISTINCT FROM 'rejected' THEN least($3, s.recv + (0.3 + s.u4 * 2.5) * interval '1 day') END,
              CASE WHEN s.status = 'closed' THEN least($3, s.recv + (1 + s.u4 * 6) * interval '1 day') END,
              s.close_reason,
              CASE WHEN s.status = 'awaiting_info' THEN least($3, s.recv + interval '4 hours') END,
              CASE WHEN s.close_reason = 'rated' THEN CASE WHEN s.u5 < 0.78 THEN 5 WHEN s.u5 < 0.95 THEN 4 WHEN s.u5 < 0.985 THEN 3 ELSE 2 END END,
              CASE WHEN s.close_reason = 'rated' THEN least($3, s.recv + (1 + s.u4 * 6) * interval '1 day') END,
              s.recv, least($3, s.recv + (1 + s.u4 * 6) * interval '1 day')
         FROM (SELECT s1.*,
                      CASE WHEN s1.open THEN CASE WHEN s1.u2 < 0.15 THEN 'submitted' WHEN s1.u2 < 0.35 THEN 'accepted' WHEN s1.u2 < 0.85 THEN 'in_progress' WHEN s1.u2 < 0.95 THEN 'awaiting_info' ELSE 'key_issue' END
                           WHEN s1.recv > $3::timestamptz - interval '8 days' AND s1.u2 < 0.3 THEN 'resolved'
                           ELSE 'closed' END AS status,
                      CASE WHEN s1.open OR (s1.recv > $3::timestamptz - interval '8 days' AND s1.u2 < 0.3) THEN NULL
                           WHEN s1.u2 < 0.03 THEN 'rejected' WHEN s1.u2 < 0.05 THEN 'merged' WHEN s1.u2 < 0.30 THEN 'auto' WHEN s1.u2 < 0.40 THEN 'confirmed' ELSE 'rated' END AS close_reason
                 FROM (SELECT s0.*,
                              date_trunc('second', CASE WHEN s0.open THEN $3::timestamptz - s0.u1 ^ 3 * interval '45 days'
                                   ELSE $3::timestamptz - interval '3 days' - (1 - sqrt(s0.u1)) * interval '5 years' END) AS recv
                         FROM (SELECT g, 1 + floor(random() * $4)::int AS ei, 1 + floor(random() * 100)::int AS slot, random() < 0.02 AS open,
                                      random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6
                                 FROM generate_series(1, $5::int) g) s0) s1) s
         JOIN bench_ent e ON e.idx = s.ei
         JOIN bench_tpl t ON t.slot = s.slot
        ORDER BY s.recv`,
      [org.operatorId, dept, now.toISOString(), nEnt, n],
    );
    const t1 = performance.now();
    for (const i of idx) await c.query(i.indexdef);
    const t2 = performance.now();
    await c.query(`VACUUM (ANALYZE) service_requests`);
    return { insertMs: t1 - t0, indexMs: t2 - t1, vacuumMs: performance.now() - t2 };
  } finally {
    await c.end();
  }
}

/** Inserts `m` open requests whose warn times have come (see the file comment). */
export async function sweepSet(url: string, org: OrgInfo, m: number, now: Date): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const nEnt = await prepareTemp(c, org);
    await c.query(`SELECT setseed(0.17)`);
    const t0 = performance.now();
    // start = clock start; for submitted rows the accept deadline is drawn, for in-progress ones the resolve deadline.
    await c.query(
      `INSERT INTO service_requests (operator_id, number, enterprise_id, park_id, kind, category_id, channel, priority, title, description, status, liaison_id,
                                     received_at, sla_policy_id, clock_started_at, accept_by, feedback_by, resolve_by, accept_warn_at, feedback_warn_at, resolve_warn_at,
                                     accepted_at, first_feedback_at, created_at, updated_at)
       SELECT $1, 'SW' || lpad(s.g::text, 9, '0'), e.id, e.park_id, t.kind, t.category_id, 'web', 'normal', t.title, t.title || ${DESCRIPTION},
              CASE WHEN s.sub THEN 'submitted' ELSE 'in_progress' END, e.liaison_id,
              s.start, $2::uuid, s.start,
              s.start + interval '1 hour', s.start + interval '9 hours', s.start + interval '2 days',
              s.start + interval '48 minutes', s.start + interval '7.2 hours', s.start + interval '38.4 hours',
              CASE WHEN NOT s.sub THEN s.start + interval '30 minutes' END, CASE WHEN NOT s.sub THEN s.start + interval '3 hours' END,
              s.start, $3::timestamptz
         FROM (SELECT s0.*,
                      date_trunc('second', CASE WHEN s0.sub
                           THEN CASE WHEN s0.u1 < 0.2 THEN $3::timestamptz + s0.u2 * interval '12 minutes' ELSE $3::timestamptz - s0.u2 * interval '3 days' END - interval '1 hour'
                           ELSE CASE WHEN s0.u1 < 0.25 THEN $3::timestamptz + s0.u2 * interval '9.6 hours' ELSE $3::timestamptz - s0.u2 * interval '4 days' END - interval '2 days'
                      END) AS start
                 FROM (SELECT g, 1 + floor(random() * $4)::int AS ei, 1 + floor(random() * 100)::int AS slot, random() < 0.2 AS sub, random() AS u1, random() AS u2
                         FROM generate_series(1, $5::int) g) s0) s
         JOIN bench_ent e ON e.idx = s.ei
         JOIN bench_tpl t ON t.slot = s.slot`,
      [org.operatorId, org.defaultPolicyId, now.toISOString(), nEnt, m],
    );
    await c.query(`VACUUM (ANALYZE) service_requests`);
    return performance.now() - t0;
  } finally {
    await c.end();
  }
}
