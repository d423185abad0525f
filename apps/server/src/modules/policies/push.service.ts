import { sql } from 'drizzle-orm';
import { audit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { createNotifications, type NotificationRow } from '../notifications/index.js';
import type { NewNotification } from '../notifications/notifications.service.js';
import { recomputePolicyMatches } from '../eligibility/index.js';
import type { PolicyRow } from './policies.repo.js';

/** Notifications are inserted this many at a time (a policy can match thousands of enterprises). */
export const NOTIFY_CHUNK = 500;

export type PushResult = { eligible: number; nearly: number; followUpsCreated: number; notifications: NotificationRow[] };

type NewFollowUps = { liaison_id: string | null; user_id: string | null; eligible: number; nearly: number };
type ContactToNotify = { user_id: string; enterprise_name: string };

/**
 * 政策找企业, inside the caller's transaction (publish, or a rule change of a published policy):
 * 1. recompute the policy's stored matches;
 * 2. add a `pending` follow-up for every eligible or nearly-eligible enterprise that has none yet,
 *    assigned to its liaison officer (existing follow-ups keep their status on a re-publish);
 * 3. tell the contacts of ELIGIBLE enterprises — each contact once per policy, however often it is re-published;
 * 4. give each officer with new follow-ups one summary ("您的网格有N家企业符合《…》").
 * Set-based SQL throughout: one statement per step, whatever the number of enterprises.
 * The caller delivers the returned notifications after commit.
 */
export async function pushPolicy(tx: DbOrTx, ctx: Ctx, p: PolicyRow): Promise<PushResult> {
  await recomputePolicyMatches(tx, p.id, ctx.now);
  const link = `/policies/${p.id}`;

  const [counts] = await rowsOf<{ eligible: number; nearly: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE verdict = 'eligible')::int AS eligible, count(*) FILTER (WHERE verdict = 'nearly')::int AS nearly
          FROM policy_matches WHERE policy_id = ${p.id}`,
  );

  // RETURNING of the insert feeds the per-officer tally: only rows created now count as news.
  const perOfficer = await rowsOf<NewFollowUps>(
    tx,
    sql`WITH created AS (
          INSERT INTO policy_follow_ups (policy_id, enterprise_id, liaison_id, status, version, created_at, updated_at)
          SELECT m.policy_id, m.enterprise_id, e.liaison_id, 'pending', 1, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz
            FROM policy_matches m
            JOIN enterprises e ON e.id = m.enterprise_id AND e.operator_id = ${p.operatorId}
           WHERE m.policy_id = ${p.id} AND m.verdict IN ('eligible', 'nearly')
          ON CONFLICT (policy_id, enterprise_id) DO NOTHING
          RETURNING enterprise_id, liaison_id
        )
        SELECT c.liaison_id, u.id AS user_id,
               count(*) FILTER (WHERE m.verdict = 'eligible')::int AS eligible,
               count(*) FILTER (WHERE m.verdict = 'nearly')::int AS nearly
          FROM created c
          JOIN policy_matches m ON m.policy_id = ${p.id} AND m.enterprise_id = c.enterprise_id
          LEFT JOIN staff s ON s.id = c.liaison_id AND s.active
          LEFT JOIN users u ON u.id = s.user_id AND NOT u.disabled
         GROUP BY c.liaison_id, u.id`,
  );

  const contacts = await rowsOf<ContactToNotify>(
    tx,
    sql`SELECT DISTINCT ON (u.id) u.id AS user_id, e.name AS enterprise_name
          FROM policy_matches m
          JOIN enterprises e ON e.id = m.enterprise_id AND e.operator_id = ${p.operatorId}
          JOIN contacts c ON c.enterprise_id = m.enterprise_id
          JOIN users u ON u.id = c.user_id AND NOT u.disabled AND 'enterprise_contact' = ANY(u.roles)
         WHERE m.policy_id = ${p.id} AND m.verdict = 'eligible'
           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = 'policy.eligible' AND n.link = ${link})
         ORDER BY u.id, e.name`,
  );

  const window = p.applyUntil ? `申报截止${p.applyUntil}。` : '';
  const items: NewNotification[] = contacts.map((c) => ({
    operatorId: p.operatorId,
    userId: c.user_id,
    kind: 'policy.eligible',
    title: `您的企业符合《${p.title}》的申报条件`,
    body: `${c.enterprise_name}：经系统比对，贵企业符合该政策的申报条件。${window}点击查看政策解读与申报材料。`,
    link,
  }));
  for (const o of perOfficer) {
    if (!o.user_id || o.eligible + o.nearly === 0) continue;
    items.push({
      operatorId: p.operatorId,
      userId: o.user_id,
      kind: 'policy.followUp',
      title: o.eligible > 0 ? `您的网格有${o.eligible}家企业符合《${p.title}》` : `您的网格有${o.nearly}家企业接近符合《${p.title}》`,
      body: `新增待跟进企业${o.eligible + o.nearly}家（符合${o.eligible}家，接近符合${o.nearly}家），请在“政策找企业”清单中逐一联系并记录跟进情况。`,
      link,
    });
  }
  const notifications: NotificationRow[] = [];
  for (let i = 0; i < items.length; i += NOTIFY_CHUNK) notifications.push(...(await createNotifications(tx, items.slice(i, i + NOTIFY_CHUNK), ctx.now)));

  const followUpsCreated = perOfficer.reduce((n, o) => n + o.eligible + o.nearly, 0);
  const result = { eligible: counts?.eligible ?? 0, nearly: counts?.nearly ?? 0, followUpsCreated };
  await audit(tx, ctx, { action: 'policy.push', entityType: 'policy', entityId: p.id, after: { ...result, notified: notifications.length, rulesVersion: p.rulesVersion } });
  return { ...result, notifications };
}
