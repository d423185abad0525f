import { Button, Card, Col, Empty, Flex, Row, Statistic, Tabs, Tag, Typography } from 'antd';
import { BarChartOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { qualificationLabels, type EnterpriseIndicators, type IndicatorField } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { useCan } from '../../auth/auth.api';
import { EnterpriseApplications } from '../enterprise-applications';
import { PolicyMatchesView } from '../matches/policy-matches-view';
import { useIndicatorText, type DerivedKey } from './format';
import { useIndicators } from './indicators.api';

const keyFigures: IndicatorField[] = ['operatingRevenue', 'rdExpense', 'totalStaff', 'ipClass1'];
const keyRatios: DerivedKey[] = ['rdRatio', 'revenueGrowth', 'debtRatio', 'netProfitMargin'];

function LatestYear({ data }: { data: EnterpriseIndicators }) {
  const { t, label } = useI18n();
  const text = useIndicatorText();
  const y = data.years[0];
  const valid = data.qualifications.filter((q) => q.validNow);
  return (
    <div data-testid="ind-summary">
      {y ? (
        <>
          <Typography.Text type="secondary">{t('ind.latestYear', { year: y.year })}</Typography.Text>
          <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
            {keyFigures.map((f) => (
              <Col key={f} xs={12} md={6}>
                <Statistic title={text.fieldLabel(f)} value={text.value(f, y.values[f])} styles={{ content: { fontSize: 18 } }} />
              </Col>
            ))}
            {keyRatios.map((d) => (
              <Col key={d} xs={12} md={6}>
                <Statistic title={text.fieldLabel(d)} value={text.ratio(d, y.derived[d])} styles={{ content: { fontSize: 18 } }} />
              </Col>
            ))}
          </Row>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.none')} />
      )}
      <Flex gap={4} wrap align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('ind.q.title')}：</Typography.Text>
        {valid.length ? valid.map((q) => <Tag key={q.id} color="blue">{label(qualificationLabels[q.kind], q.kind)}</Tag>) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
      </Flex>
      <div style={{ marginTop: 12 }}>
        <Link to={`/enterprises/${data.enterpriseId}/indicators`} data-testid="ind-open">
          <Button icon={<BarChartOutlined />}>
            {data.abilities.edit ? t('ind.openEdit') : t('ind.open')} <RightOutlined />
          </Button>
        </Link>
      </div>
    </div>
  );
}

/**
 * The enterprise profile's 经营与政策 card: latest indicators and qualifications, the policy
 * calculator (政策匹配) and the enterprise's applications. Hidden when the caller may not see this
 * enterprise's business figures (indicator scope is narrower than the profile's: 404).
 */
export function EnterpriseIndicatorsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const q = useIndicators(can('indicators.read') ? enterpriseId : undefined, { silent: true });
  if (!can('indicators.read') || q.isError) return null;
  const items = [
    { key: 'indicators', label: <span data-testid="ent-tab-indicators">{t('ind.tab')}</span>, children: q.data ? <LatestYear data={q.data} /> : null },
    ...(can('matches.read')
      ? [{ key: 'matches', label: <span data-testid="ent-tab-matches">{t('pm.tab')}</span>, children: <PolicyMatchesView enterpriseId={enterpriseId} canApply={can('applications.create')} silent /> }]
      : []),
    ...(can('applications.read')
      ? [{ key: 'applications', label: <span data-testid="ent-tab-applications">{t('apl.tab')}</span>, children: <EnterpriseApplications enterpriseId={enterpriseId} /> }]
      : []),
  ];
  return (
    <Card title={t('ind.cardTitle')} style={{ marginTop: 16, marginBottom: 16 }} loading={q.isLoading} data-testid="enterprise-indicators-card">
      <Tabs items={items} />
    </Card>
  );
}
