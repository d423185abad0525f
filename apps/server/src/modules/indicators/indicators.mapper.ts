import { indicatorFields, type IndicatorValues, type IndicatorYear, type Qualification, type QualificationKind } from '@yqt/contracts';
import type { enterpriseIndicators, enterpriseQualifications } from '../../db/schema/index.js';
import { deriveIndicators } from '../eligibility/index.js';

export type IndicatorDbRow = typeof enterpriseIndicators.$inferSelect;
export type QualificationDbRow = typeof enterpriseQualifications.$inferSelect;

/** The reported figures of a row (or of a history snapshot), nothing else. */
export function valuesOf(row: Partial<Record<keyof IndicatorValues, unknown>>): IndicatorValues {
  const out = {} as Record<keyof IndicatorValues, unknown>;
  for (const f of indicatorFields) {
    // numeric columns arrive as numbers (mode: 'number'); snapshots were written from these values.
    out[f] = row[f] ?? null;
  }
  return out as IndicatorValues;
}

export function toIndicatorYear(row: IndicatorDbRow, prev: IndicatorDbRow | undefined, updatedByName: string | null): IndicatorYear {
  const values = valuesOf(row);
  return {
    year: row.year,
    values,
    derived: deriveIndicators(values, prev ? valuesOf(prev) : undefined),
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName,
  };
}

export function toQualification(q: QualificationDbRow, today: string): Qualification {
  return {
    id: q.id,
    kind: q.kind as QualificationKind,
    certificateNo: q.certificateNo,
    obtainedOn: q.obtainedOn,
    validUntil: q.validUntil,
    validNow: q.obtainedOn <= today && (q.validUntil === null || q.validUntil >= today),
    createdAt: q.createdAt.toISOString(),
  };
}

/** What the audit log and the history keep of a row: its figures and who/when/where from. */
export function snapshotOf(row: IndicatorDbRow) {
  return { ...valuesOf(row), year: row.year, version: row.version, source: row.source, updatedByUserId: row.updatedByUserId, updatedAt: row.updatedAt.toISOString() };
}
