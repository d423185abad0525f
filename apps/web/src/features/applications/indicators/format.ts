import {
  creditStandingLabels,
  emergingIndustryLabels,
  indicatorFields,
  metricCatalog,
  rdInstitutionLevelLabels,
  type CreditStanding,
  type DerivedIndicators,
  type EmergingIndustry,
  type IndicatorField,
  type RdInstitutionLevel,
} from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import type { DictKey } from '../../../app/dict';
import { fmtNum } from '../labels';

export type DerivedKey = keyof DerivedIndicators;
/** The ratios the server derives from a year's figures (never stored), in display order. */
export const derivedKeys: DerivedKey[] = ['rdRatio', 'mainBusinessShare', 'revenueGrowth', 'mainBusinessGrowth', 'debtRatio', 'rdStaffRatio', 'netProfitMargin', 'exportShare'];
export const valueFields: IndicatorField[] = indicatorFields;
export const enumFields = new Set<IndicatorField>(['rdInstitutionLevel', 'emergingIndustry', 'creditStanding']);
/** Whole numbers (people, patents); the rest are 万元 amounts with up to two decimals. */
export const countFields = new Set<IndicatorField>(['rdStaff', 'totalStaff', 'ipClass1', 'ipClass2']);

const unitKey: Record<string, DictKey> = { 万元: 'ind.unit.wan', 人: 'ind.unit.person', 件: 'ind.unit.item' };

/** Labels, units and value formatting of indicator fields and derived ratios in the current language. */
export function useIndicatorText() {
  const { t, label } = useI18n();
  const unit = (f: IndicatorField): string => {
    const u = (metricCatalog[f] as { unit?: string }).unit;
    return u && unitKey[u] ? t(unitKey[u]) : '';
  };
  const fieldLabel = (f: IndicatorField | DerivedKey) => label(metricCatalog[f]);
  const enumLabel = (f: IndicatorField, v: string) => {
    if (f === 'rdInstitutionLevel') return label(rdInstitutionLevelLabels[v as RdInstitutionLevel], v);
    if (f === 'emergingIndustry') return label(emergingIndustryLabels[v as EmergingIndustry], v);
    if (f === 'creditStanding') return label(creditStandingLabels[v as CreditStanding], v);
    return v;
  };
  const value = (f: IndicatorField, v: number | string | null | undefined): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'string') return enumLabel(f, v);
    const u = unit(f);
    return u ? `${fmtNum(v)} ${u}` : fmtNum(v);
  };
  /** Growth rates carry a sign; shares do not. */
  const ratio = (k: DerivedKey, v: number | null | undefined): string => {
    if (v === null || v === undefined) return '—';
    const pct = `${fmtNum(Math.round(v * 10000) / 100)}%`;
    return (k === 'revenueGrowth' || k === 'mainBusinessGrowth') && v > 0 ? `+${pct}` : pct;
  };
  return { unit, fieldLabel, enumLabel, value, ratio };
}
