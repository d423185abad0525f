import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { indicatorFields, type IndicatorField, type IndicatorYear } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { QueryState } from '../../../shared/query-state';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useCan } from '../../auth/auth.api';
import { useEnterprise } from '../../enterprises/enterprises.api';
import { IndicatorYearModal } from './indicator-year-modal';
import { useIndicators } from './indicators.api';
import { IndicatorsTable, IndicatorYearCards, NoIndicators } from './indicators-view';
import { QualificationsCard } from './qualifications-card';
import { YearHistoryModal } from './year-history-modal';

type Editing = { year: number | null; focus: IndicatorField | null };

/**
 * /enterprises/:id/indicators — 企业经营指标: every reported year with the ratios the server derives,
 * edit one year, its history, and the qualifications. `?year=2025&focus=exportRevenue` (from the
 * policy calculator's "补充数据" links) opens that year's form at that field.
 */
export default function IndicatorsPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const ent = useEnterprise(id);
  const q = useIndicators(id);
  const data = q.data;
  const canEdit = !!data?.abilities.edit;
  const linkYear = Number(params.get('year')) || null;
  const linkFocus = params.get('focus');
  const [editing, setEditing] = useState<Editing | null>(() =>
    linkYear || linkFocus ? { year: linkYear, focus: indicatorFields.includes(linkFocus as IndicatorField) ? (linkFocus as IndicatorField) : null } : null,
  );
  const [history, setHistory] = useState<IndicatorYear | null>(null);
  const closeEditor = () => {
    setEditing(null);
    if (params.has('year') || params.has('focus')) setParams({}, { replace: true });
  };

  return (
    <div className="yqt-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={4} style={{ minWidth: 0 }}>
          <Link to={`/enterprises/${id}`}><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>{t('ind.title')}</Typography.Title>
            {ent.data ? <Typography.Text type="secondary">{ent.data.name}</Typography.Text> : null}
          </div>
        </Flex>
        <Flex gap={8} wrap>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ year: null, focus: null })} data-testid="ind-add">
              {t('ind.addYear')}
            </Button>
          ) : null}
          {can('indicators.import') && !isMobile ? (
            <Link to="/indicators/import"><Button icon={<UploadOutlined />}>{t('ind.import')}</Button></Link>
          ) : null}
        </Flex>
      </Flex>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {data ? (
          <>
            <Alert type="info" showIcon title={t('ind.unitsNote')} style={{ marginBottom: 12 }} />
            <Card title={t('ind.yearsTitle')} style={{ marginBottom: 16 }} styles={{ body: isMobile ? undefined : { padding: 0 } }}>
              {!data.years.length ? (
                <div style={{ padding: 24 }}>
                  <NoIndicators onAdd={canEdit ? () => setEditing({ year: null, focus: null }) : undefined} />
                </div>
              ) : isMobile ? (
                <IndicatorYearCards data={data} onEdit={canEdit ? (year) => setEditing({ year, focus: null }) : undefined} onHistory={setHistory} />
              ) : (
                <IndicatorsTable data={data} onEdit={canEdit ? (year) => setEditing({ year, focus: null }) : undefined} onHistory={setHistory} />
              )}
            </Card>
            <QualificationsCard enterpriseId={data.enterpriseId} items={data.qualifications} canEdit={canEdit} />
            {editing && canEdit ? <IndicatorYearModal enterpriseId={data.enterpriseId} year={editing.year} focus={editing.focus} onClose={closeEditor} /> : null}
            {history ? <YearHistoryModal enterpriseId={data.enterpriseId} current={history} onClose={() => setHistory(null)} /> : null}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
