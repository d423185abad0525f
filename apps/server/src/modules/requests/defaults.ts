import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { requestCategories, slaPolicies } from '../../db/schema/index.js';

/** The starting category tree (editable later); codes are stable, names are what users see. */
export const defaultCategories: { code: string; name: string; children?: { code: string; name: string }[] }[] = [
  { code: 'utilities', name: '水电气', children: [{ code: 'utilities.outage', name: '停水停电' }, { code: 'utilities.billing', name: '水电费用' }] },
  { code: 'property', name: '物业维修', children: [{ code: 'property.repair', name: '厂房维修' }, { code: 'property.drainage', name: '排水管网' }, { code: 'property.security', name: '安保门禁' }] },
  { code: 'policy', name: '政策咨询' },
  { code: 'financing', name: '融资服务' },
  { code: 'talent', name: '人才招聘' },
  { code: 'permits', name: '审批办证' },
  { code: 'environment', name: '环境环保' },
  { code: 'commuting', name: '交通通勤' },
  { code: 'canteen', name: '员工食堂' },
  { code: 'apartments', name: '公寓住房' },
  { code: 'other', name: '其他' },
];

/** The "1+1+2" promise: accept within 1 working hour, first feedback within 1 working day, resolve within 2. */
export const DEFAULT_POLICY = { policyKey: 'default', name: '“1+1+2”承诺（默认）', timeMode: 'working', acceptMinutes: 60, feedbackMinutes: 540, resolveMinutes: 1080, warnRatio: 0.8 } as const;
/** Key difficult problems: longer clocks (5 and 10 working days for feedback and resolution; UNVERIFIED locally). */
export const KEY_ISSUE_POLICY = { policyKey: 'key_issue', name: '重点难题', timeMode: 'working', acceptMinutes: 60, feedbackMinutes: 2700, resolveMinutes: 5400, warnRatio: 0.8, forKeyIssue: true } as const;
/** Utility outages run on natural time, around the clock. */
const OUTAGE_POLICY = { policyKey: 'utilities.outage', name: '停水停电（7×24）', timeMode: 'natural', acceptMinutes: 30, feedbackMinutes: 120, resolveMinutes: 1440, warnRatio: 0.8 } as const;

/** Creates the category tree and the SLA policies an operator starts with; idempotent. */
export async function ensureRequestDefaults(db: DbOrTx, operatorId: string) {
  let sort = 0;
  for (const c of defaultCategories) {
    await db.insert(requestCategories).values({ operatorId, code: c.code, name: c.name, sortOrder: sort++ }).onConflictDoNothing();
    const [parent] = await db
      .select({ id: requestCategories.id })
      .from(requestCategories)
      .where(and(eq(requestCategories.operatorId, operatorId), eq(requestCategories.code, c.code)));
    for (const ch of c.children ?? []) {
      await db
        .insert(requestCategories)
        .values({ operatorId, parentId: parent!.id, code: ch.code, name: ch.name, sortOrder: sort++ })
        .onConflictDoNothing();
    }
  }
  const [outage] = await db
    .select({ id: requestCategories.id })
    .from(requestCategories)
    .where(and(eq(requestCategories.operatorId, operatorId), eq(requestCategories.code, 'utilities.outage')));
  await db
    .insert(slaPolicies)
    .values([
      { operatorId, version: 1, ...DEFAULT_POLICY },
      { operatorId, version: 1, ...KEY_ISSUE_POLICY },
      { operatorId, version: 1, ...OUTAGE_POLICY, categoryId: outage!.id },
    ])
    .onConflictDoNothing();
}
