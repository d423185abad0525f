import { useState } from 'react';
import { Empty, Flex, List, Modal, Pagination, Tag, Typography } from 'antd';
import { indicatorSourceLabels, type IndicatorHistoryEntry, type IndicatorYear } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useIndicatorText, valueFields } from './format';
import { useYearHistory } from './indicators.api';

type Values = IndicatorYear['values'];

/** Earlier states of one year, newest first; each shows what the next version changed (old → new). */
export function YearHistoryModal({ enterpriseId, current, onClose }: { enterpriseId: string; current: IndicatorYear; onClose: () => void }) {
  const { t, label } = useI18n();
  const isMobile = useIsMobile();
  const text = useIndicatorText();
  const [page, setPage] = useState(1);
  const q = useYearHistory(enterpriseId, current.year, page);
  const items = q.data?.items ?? [];
  const source = (s: string | null) => (s ? label(indicatorSourceLabels[s as keyof typeof indicatorSourceLabels], s) : '—');

  /** The state that replaced entry i: the previous (newer) entry on this page, or the current figures. */
  const newer = (i: number): Values => (i === 0 ? current.values : items[i - 1]!.values);
  const changes = (old: Values, next: Values) => valueFields.filter((f) => old[f] !== next[f]);

  return (
    <Modal open title={t('ind.historyTitle', { year: current.year })} onCancel={onClose} footer={null} width={isMobile ? '100%' : 720} style={isMobile ? { top: 8 } : undefined}>
      <Typography.Paragraph type="secondary">
        {t('ind.historyCurrent', { v: current.version, at: fmtDateTime(current.updatedAt), by: current.updatedByName ?? '—' })}
      </Typography.Paragraph>
      <List<IndicatorHistoryEntry>
        loading={q.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('ind.noHistory')} /> }}
        renderItem={(h, i) => {
          // Only the first entry of a later page lacks its successor on this page: compare with nothing then.
          const next = page === 1 || i > 0 ? newer(i) : null;
          const changed = next ? changes(h.values, next) : [];
          return (
            <List.Item data-testid="ind-history-entry">
              <div style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag>{t('ind.version', { v: h.version })}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ind.recorded', { at: fmtDateTime(h.recordedAt), by: h.recordedByName ?? '—', source: source(h.source) })}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t('ind.replaced', { at: fmtDateTime(h.replacedAt), by: h.replacedByName ?? '—' })}
                </Typography.Text>
                {next ? (
                  changed.length ? (
                    <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
                      {changed.map((f) => (
                        <li key={f}>
                          {text.fieldLabel(f)}：<Typography.Text delete type="secondary">{text.value(f, h.values[f])}</Typography.Text> → {text.value(f, next[f])}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Typography.Text type="secondary">{t('ind.noChange')}</Typography.Text>
                  )
                ) : null}
              </div>
            </List.Item>
          );
        }}
      />
      {(q.data?.total ?? 0) > 20 ? <Pagination simple current={page} pageSize={20} total={q.data?.total ?? 0} onChange={setPage} style={{ textAlign: 'center' }} /> : null}
    </Modal>
  );
}
