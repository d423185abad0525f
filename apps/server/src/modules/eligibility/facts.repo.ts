import { type IndicatorField } from '@yqt/contracts';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../core/db.js';
import { enterprises } from '../../db/schema/index.js';
import { factsOf, type EnterpriseFacts, type IndicatorRow, type QualificationFact } from './facts.js';
import type { FactNeeds } from './rule-needs.js';

/**
 * The batch fact loader: one query per table for any number of enterprises, never one per
 * enterprise. Only active enterprises are evaluated. Columns are projected to what the rules read
 * (see rule-needs.ts), numerics cast to float8 so both drivers hand back plain numbers.
 */
export type FactsFilter = {
  operatorId: string;
  /** Only these enterprises (a save, an import batch). */
  enterpriseIds?: readonly string[];
  parkId?: string;
  /** The caller's scope as a condition on `enterprises`. */
  scope?: SQL;
  /** The live check of one enterprise evaluates it whatever its status; stored matching only active ones. */
  includeInactive?: boolean;
  /** By name (the preview's "first 20"); otherwise in no particular order, which is cheaper. */
  orderByName?: boolean;
};
export type LoadedEnterprise = { facts: EnterpriseFacts; name: string; liaisonId: string | null; backupLiaisonId: string | null };

const columnSql: Record<IndicatorField, string> = {
  operatingRevenue: 'operating_revenue::float8',
  mainBusinessRevenue: 'main_business_revenue::float8',
  rdExpense: 'rd_expense::float8',
  rdStaff: 'rd_staff',
  totalStaff: 'total_staff',
  totalAssets: 'total_assets::float8',
  totalLiabilities: 'total_liabilities::float8',
  netProfit: 'net_profit::float8',
  exportRevenue: 'export_revenue::float8',
  equityFinancing: 'equity_financing::float8',
  ipClass1: 'ip_class1',
  ipClass2: 'ip_class2',
  rdInstitutionLevel: 'rd_institution_level',
  emergingIndustry: 'emerging_industry',
  creditStanding: 'credit_standing',
};

function whereOf(f: FactsFilter, ids?: readonly string[]): SQL {
  const parts: SQL[] = [eq(enterprises.operatorId, f.operatorId)];
  if (!f.includeInactive) parts.push(eq(enterprises.status, 'active'));
  if (ids) parts.push(inArray(enterprises.id, [...ids]));
  if (f.parkId) parts.push(eq(enterprises.parkId, f.parkId));
  if (f.scope) parts.push(f.scope);
  return and(...parts)!;
}

type EnterpriseRow = { id: string; name: string; liaisonId: string | null; backupLiaisonId: string | null; industryCode: string; size: string; tier: string; parkId: string; employeeCount: number | null; foundedOn: string | null };

async function loadChunk(db: DbOrTx, f: FactsFilter, needs: FactNeeds, ids?: readonly string[]): Promise<LoadedEnterprise[]> {
  const where = whereOf(f, ids);
  const cols = [...needs.columns].map((c) => `i.${columnSql[c]} AS "${c}"`);
  const kinds = [...needs.qualifications];
  const allKinds = kinds.includes('*');
  const [ents, inds, quals] = await Promise.all([
    rowsOf<EnterpriseRow>(
      db,
      sql`SELECT enterprises.id, enterprises.name, enterprises.liaison_id AS "liaisonId", enterprises.backup_liaison_id AS "backupLiaisonId",
                 enterprises.industry_code AS "industryCode", enterprises.size, enterprises.tier,
                 enterprises.park_id AS "parkId", enterprises.employee_count AS "employeeCount", enterprises.founded_on::text AS "foundedOn"
            FROM enterprises WHERE ${where}${f.orderByName ? sql` ORDER BY enterprises.name, enterprises.id` : sql``}`,
    ),
    cols.length
      ? rowsOf<IndicatorRow & { e: string }>(
          db,
          sql`SELECT i.enterprise_id AS "e", i.year, ${sql.raw(cols.join(', '))}
                FROM enterprise_indicators i JOIN enterprises ON enterprises.id = i.enterprise_id WHERE ${where}`,
        )
      : Promise.resolve([]),
    kinds.length
      ? rowsOf<QualificationFact & { e: string }>(
          db,
          sql`SELECT q.enterprise_id AS "e", q.kind, q.obtained_on::text AS "obtainedOn", q.valid_until::text AS "validUntil"
                FROM enterprise_qualifications q JOIN enterprises ON enterprises.id = q.enterprise_id
               WHERE ${where}${allKinds ? sql`` : sql` AND q.kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`}`,
        )
      : Promise.resolve([]),
  ]);
  const byId = new Map<string, LoadedEnterprise>();
  const out: LoadedEnterprise[] = [];
  for (const e of ents) {
    const { id, name, liaisonId, backupLiaisonId, ...registry } = e;
    const loaded = { facts: factsOf(id, registry), name, liaisonId, backupLiaisonId };
    byId.set(id, loaded);
    out.push(loaded);
  }
  for (const r of inds) {
    const facts = byId.get(r.e)?.facts;
    if (!facts) continue;
    facts.indicators.set(r.year, r);
    if (facts.latestYear === null || r.year > facts.latestYear) facts.latestYear = r.year;
  }
  for (const q of quals) byId.get(q.e)?.facts.qualifications.push(q);
  return out;
}

const ID_CHUNK = 1000;

/** Facts of the active enterprises matching the filter. */
export async function loadFacts(db: DbOrTx, f: FactsFilter, needs: FactNeeds): Promise<LoadedEnterprise[]> {
  if (!f.enterpriseIds) return loadChunk(db, f, needs);
  const out: LoadedEnterprise[] = [];
  for (let i = 0; i < f.enterpriseIds.length; i += ID_CHUNK) out.push(...(await loadChunk(db, f, needs, f.enterpriseIds.slice(i, i + ID_CHUNK))));
  return out;
}
