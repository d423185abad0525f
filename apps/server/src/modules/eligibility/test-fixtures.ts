/** Helpers for the eligibility and indicator tests (not used by the application). */
import type { RuleNode } from '@yqt/contracts';
import type { DbOrTx } from '../../core/db.js';
import { enterpriseIndicators, enterpriseQualifications, policies } from '../../db/schema/index.js';

export async function insertPolicy(
  db: DbOrTx,
  operatorId: string,
  rules: RuleNode | null,
  opts: Partial<typeof policies.$inferInsert> = {},
): Promise<typeof policies.$inferSelect> {
  const [p] = await db
    .insert(policies)
    .values({
      operatorId,
      title: '测试政策',
      issuer: '株洲高新区管委会',
      level: 'zone',
      benefitType: 'subsidy',
      interpretation: {},
      status: 'published',
      rules,
      ...opts,
    })
    .returning();
  return p!;
}

export async function insertYear(db: DbOrTx, enterpriseId: string, year: number, values: Partial<typeof enterpriseIndicators.$inferInsert>) {
  await db.insert(enterpriseIndicators).values({ enterpriseId, year, source: 'staff', ...values });
}

export async function insertQualification(db: DbOrTx, enterpriseId: string, kind: string, obtainedOn: string, validUntil: string | null) {
  await db.insert(enterpriseQualifications).values({ enterpriseId, kind, obtainedOn, validUntil });
}
