import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useParks } from './parks.api';

export default function ParksPage() {
  const { t } = useI18n();
  const parks = useParks();
  return (
    <Page title={t('nav.parks')}>
      <QueryState isLoading={parks.isLoading} error={parks.error} onRetry={() => void parks.refetch()}>
        {parks.data?.items.length ? (
          <Row gutter={[16, 16]}>
            {parks.data.items.map((p) => (
              <Col key={p.id} xs={24} sm={12} xl={8}>
                <Link to={`/parks/${p.id}`} data-testid="park-card">
                  <Card hoverable title={p.name} extra={<Typography.Text type="secondary">{p.code}</Typography.Text>}>
                    {p.address ? (
                      <Typography.Paragraph type="secondary" ellipsis>
                        <EnvironmentOutlined /> {p.address}
                      </Typography.Paragraph>
                    ) : null}
                    <Row>
                      <Col span={12}>
                        <Statistic title={t('park.enterpriseCount')} value={p.enterpriseCount} />
                      </Col>
                      <Col span={12}>
                        <Statistic title={t('park.buildingCount')} value={p.buildingCount} />
                      </Col>
                    </Row>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty description={t('common.empty')} />
        )}
      </QueryState>
    </Page>
  );
}
