import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.js';
import { escalationSteps, operatorSettings, replyTemplates, requestCategories, slaPolicies } from '../../db/schema/index.js';

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

/** On breach: the officer at once, the area leader after 1 working hour, the park manager after a day, leadership after two. */
export const DEFAULT_LADDER = [
  { level: 1, target: 'liaison', delayMinutes: 0 },
  { level: 2, target: 'area_leader', delayMinutes: 60 },
  { level: 3, target: 'park_manager', delayMinutes: 540 },
  { level: 4, target: 'leader', delayMinutes: 1080 },
] as const;

const DEFAULT_TEMPLATES = [
  { title: '已受理', body: '您好，您的诉求已受理，我们将在1个工作日内反馈办理进展。' },
  { title: '已转相关部门', body: '您好，您反映的问题已转相关部门办理，我们会持续跟进并及时向您反馈。' },
  { title: '请补充材料', body: '您好，为尽快办理，请补充相关照片或材料（如具体位置、时间、联系人）。' },
  { title: '已办结', body: '您好，您反映的问题已处理完毕，请确认并对本次服务进行评价，感谢支持！' },
];

/** Creates the category tree and the SLA policies an operator starts with; idempotent. */
export async function ensureRequestDefaults(db: DbOrTx, operatorId: string) {
  // Settings are written last: when they exist, everything else does too (keeps restarts fast).
  const [done] = await db.select({ id: operatorSettings.operatorId }).from(operatorSettings).where(eq(operatorSettings.operatorId, operatorId));
  if (done) return;
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
  await db.insert(escalationSteps).values(DEFAULT_LADDER.map((s) => ({ operatorId, ...s }))).onConflictDoNothing();
  const [tpl] = await db.select({ id: replyTemplates.id }).from(replyTemplates).where(eq(replyTemplates.operatorId, operatorId)).limit(1);
  if (!tpl) await db.insert(replyTemplates).values(DEFAULT_TEMPLATES.map((t, i) => ({ operatorId, ...t, sortOrder: i })));
  await db.insert(operatorSettings).values({ operatorId }).onConflictDoNothing();
}
