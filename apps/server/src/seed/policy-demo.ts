/**
 * Demo data of the policy work (惠企政策), in dependency order: the policy library and service
 * guides, three years of enterprise indicators and qualifications, the stored matches, the liaison
 * officers' follow-up checklists (政策找企业) and applications in every state. Each step is
 * idempotent, so a restart adds nothing and a partly seeded database is completed.
 */
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../core/db.js';
import { operators } from '../db/schema/index.js';
import { recomputeAllMatches } from '../modules/eligibility/matching.service.js';
import { DEMO_OPERATOR_CODE } from './generate.js';

export type PolicyDemoResult = { policies: number; guides: number; indicators: number; matches: number; followUps: number; applications: number } | null;

export async function seedPolicyDemo(db: Db, now: Date): Promise<PolicyDemoResult> {
  const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.code, DEMO_OPERATOR_CODE)).limit(1);
  if (!op) return null;
  // Every restart passes here: when all three parts exist, answer without loading the demo content
  // (thousands of lines of policy and guide texts) at all.
  const [seeded] = await rowsOf<{ done: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM policies WHERE operator_id = ${op.id})
           AND EXISTS (SELECT 1 FROM enterprise_indicators i JOIN enterprises e ON e.id = i.enterprise_id WHERE e.operator_id = ${op.id})
           AND EXISTS (SELECT 1 FROM policy_applications WHERE operator_id = ${op.id}) AS done`,
  );
  if (seeded?.done) return { policies: 0, guides: 0, indicators: 0, matches: 0, followUps: 0, applications: 0 };
  const [{ seedPolicyContent }, { seedIndicators }, { seedApplications }] = await Promise.all([
    import('./policies/seed.js'),
    import('./indicators.js'),
    import('./applications.js'),
  ]);
  const content = await seedPolicyContent(db, op.id, now);
  const ind = await seedIndicators(db, op.id, now);
  let matches = 0;
  let followUps = 0;
  if (content.policies || !ind.skipped) {
    const m = await recomputeAllMatches(db, op.id, now);
    matches = m.eligible + m.nearly;
    followUps = await seedFollowUps(db, op.id, now);
  }
  const apps = await seedApplications(db, op.id, now);
  return { policies: content.policies, guides: content.guides, indicators: ind.indicators, matches, followUps, applications: apps.applications };
}

/**
 * What publishing did for the demo policies: every eligible or nearly-eligible enterprise is on its
 * officer's checklist. A deterministic share has already been worked (informed, not interested,
 * applying), so the checklist shows every status.
 */
async function seedFollowUps(db: Db, operatorId: string, now: Date): Promise<number> {
  const rows = await rowsOf<{ n: number }>(db, sql`
    WITH added AS (
    INSERT INTO policy_follow_ups (policy_id, enterprise_id, liaison_id, status, note, created_at, updated_at)
    SELECT m.policy_id, m.enterprise_id, e.liaison_id,
           CASE abs(hashtext(m.policy_id::text || m.enterprise_id::text)) % 10
             WHEN 0 THEN 'informed' WHEN 1 THEN 'informed' WHEN 2 THEN 'not_interested' WHEN 3 THEN 'applying' ELSE 'pending' END,
           NULL, ${now.toISOString()}, ${now.toISOString()}
      FROM policy_matches m
      JOIN policies p ON p.id = m.policy_id AND p.operator_id = ${operatorId} AND p.status = 'published'
      JOIN enterprises e ON e.id = m.enterprise_id
    ON CONFLICT DO NOTHING
    RETURNING 1)
    SELECT count(*)::int AS n FROM added`);
  return rows[0]?.n ?? 0;
}
