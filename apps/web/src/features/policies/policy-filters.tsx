import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { benefitTypeLabels, benefitTypes, policyLevelLabels, policyLevels, policyStatusLabels, policyStatuses } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { usePolicyTags } from './policies.api';
import { useSearchBox } from './url-filters';

export const POLICY_FILTERS = ['q', 'level', 'benefitType', 'tag', 'openNow', 'status', 'sort'] as const;
export type PolicyFilterKey = (typeof POLICY_FILTERS)[number];

type Props = {
  filters: Partial<Record<PolicyFilterKey, string>>;
  setFilters: (patch: Partial<Record<PolicyFilterKey, string | undefined>>) => void;
  reset: () => void;
  /** Managers filter by status (drafts, withdrawn…). */
  showStatus?: boolean;
  size?: 'large' | 'middle';
};

/** Search + level / benefit type / tag / 申报中 (+ status for managers). Filters fold away on phones. */
export function PolicyFilters({ filters, setFilters, reset, showStatus, size = 'middle' }: Props) {
  const { t, label } = useI18n();
  const isMobile = useIsMobile();
  const tags = usePolicyTags();
  const [expanded, setExpanded] = useState(false);
  const box = useSearchBox(filters.q, (q) => setFilters({ q }));
  const active = (['level', 'benefitType', 'tag', 'openNow', 'status'] as const).filter((k) => filters[k]).length;

  const sel = (key: PolicyFilterKey, placeholder: string, options: { value: string; label: string }[], width = 150) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={filters[key]}
      onChange={(v: string | undefined) => setFilters({ [key]: v })}
      options={options}
      style={{ width }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`policy-filter-${key}`}
      size={size}
    />
  );

  return (
    <div className="yqt-filters">
      <Flex wrap gap={8} align="center">
        <Input
          allowClear
          size={size}
          prefix={<SearchOutlined />}
          value={box.q}
          onChange={(e) => box.setQ(e.target.value)}
          onPressEnter={box.submit}
          placeholder={t('pol.searchPlaceholder')}
          style={{ width: isMobile ? undefined : 320 }}
          maxLength={50}
          data-testid="policy-search"
        />
        {isMobile ? (
          <Button size={size} icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} type={active ? 'primary' : 'default'} ghost={!!active} data-testid="policy-filter-toggle">
            {t('pol.filters')}
            {active ? ` (${active})` : ''}
          </Button>
        ) : null}
        {isMobile && !expanded ? null : (
          <>
            {sel('level', t('pol.level'), policyLevels.map((v) => ({ value: v, label: label(policyLevelLabels[v]) })), 130)}
            {sel('benefitType', t('pol.benefitType'), benefitTypes.map((v) => ({ value: v, label: label(benefitTypeLabels[v]) })), 140)}
            {sel(
              'tag',
              t('pol.tag'),
              (tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` })),
              170,
            )}
            {showStatus ? sel('status', t('pol.status'), policyStatuses.map((v) => ({ value: v, label: label(policyStatusLabels[v]) })), 120) : null}
            <Checkbox
              checked={filters.openNow === 'true'}
              onChange={(e) => setFilters({ openNow: e.target.checked ? 'true' : undefined })}
              data-testid="policy-filter-openNow"
            >
              {t('pol.openNowOnly')}
            </Checkbox>
            {active || filters.q ? <Button size={size} onClick={reset}>{t('common.reset')}</Button> : null}
          </>
        )}
      </Flex>
    </div>
  );
}
