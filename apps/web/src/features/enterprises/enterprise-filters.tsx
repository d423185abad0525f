import { useEffect, useState } from 'react';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useIsMobile } from '../../shared/use-is-mobile';
import {
  enterpriseStatuses,
  industrySections,
  sizeLabels,
  sizes,
  statusLabels,
  tierLabels,
  tiers,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useParks } from '../parks/parks.api';
import { StaffSelect } from '../staff/staff-select';
import { filterKeys, type FilterKey, type ListState } from './list-query';

type Props = {
  state: ListState;
  setFilters: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
  reset: () => void;
  showLiaison: boolean;
};

export function EnterpriseFilters({ state, setFilters, reset, showLiaison }: Props) {
  const { t, label, industry } = useI18n();
  const parks = useParks();
  const [q, setQ] = useState(state.q ?? '');
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const active = filterKeys.filter((k) => k !== 'q' && k !== 'sort' && state[k]).length;

  // URL → box (back button, reset); box → URL after a short pause.
  useEffect(() => setQ(state.q ?? ''), [state.q]);
  useEffect(() => {
    if (q.trim() === (state.q ?? '')) return;
    const h = setTimeout(() => setFilters({ q: q.trim() || undefined }), 400);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const sel = (key: FilterKey, placeholder: string, options: { value: string; label: string }[], width = 160) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={state[key]}
      onChange={(v: string | undefined) => setFilters({ [key]: v })}
      options={options}
      style={{ width }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Flex wrap gap={8} className="yqt-filters" align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onPressEnter={() => setFilters({ q: q.trim() || undefined })}
        placeholder={t('ent.searchPlaceholder')}
        style={{ width: 280 }}
        maxLength={50}
        data-testid="enterprise-search"
      />
      {isMobile ? (
        <Button icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} type={active ? 'primary' : 'default'} ghost={!!active}>
          {t('ent.filters')}
          {active ? ` (${active})` : ''}
        </Button>
      ) : null}
      {isMobile && !expanded ? null : (
        <>
      {sel(
        'parkId',
        t('ent.park'),
        (parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
        180,
      )}
      {sel(
        'industry',
        t('ent.industry'),
        Object.keys(industrySections).map((k) => ({ value: k, label: industry(k) })),
        200,
      )}
      {sel('tier', t('ent.tier'), tiers.map((v) => ({ value: v, label: label(tierLabels[v]) })))}
      {sel('size', t('ent.size'), sizes.map((v) => ({ value: v, label: label(sizeLabels[v]) })), 120)}
      {sel('status', t('ent.status'), enterpriseStatuses.map((v) => ({ value: v, label: label(statusLabels[v]) })), 120)}
      {showLiaison ? (
        <StaffSelect
          role="liaison"
          placeholder={t('ent.liaison')}
          value={state.liaisonId}
          onChange={(v) => setFilters({ liaisonId: v ?? undefined, unassigned: undefined })}
          style={{ width: 180, minWidth: 0 }}
          data-testid="filter-liaison"
        />
      ) : null}
      {showLiaison ? (
        <Checkbox
          checked={state.unassigned === 'true'}
          onChange={(e) => setFilters({ unassigned: e.target.checked ? 'true' : undefined, liaisonId: undefined })}
          data-testid="filter-unassigned"
        >
          {t('ent.unassigned')}
        </Checkbox>
      ) : null}
      <Select
        value={state.sort ?? 'name'}
        onChange={(v: string) => setFilters({ sort: v === 'name' ? undefined : v })}
        options={[
          { value: 'name', label: t('ent.sort.name') },
          { value: '-updatedAt', label: t('ent.sort.updatedAt') },
          { value: 'creditCode', label: t('ent.sort.creditCode') },
        ]}
        style={{ width: 140 }}
        aria-label={t('ent.sort')}
      />
      <Button onClick={reset}>{t('common.reset')}</Button>
        </>
      )}
    </Flex>
  );
}
