import { Button, Card, Col, Collapse, Descriptions, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ShopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { dash } from '../../shared/format';
import { usePark } from './parks.api';

export default function ParkDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const park = usePark(id);
  const p = park.data;
  return (
    <Page
      title={
        <>
          <Link to="/parks"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
          {p?.name ?? t('nav.parks')}
        </>
      }
      extra={
        p ? (
          <Link to={`/enterprises?parkId=${p.id}`}>
            <Button type="primary" icon={<ShopOutlined />}>{t('park.viewEnterprises')}</Button>
          </Link>
        ) : null
      }
    >
      <QueryState isLoading={park.isLoading} error={park.error} onRetry={() => void park.refetch()}>
        {p ? (
          <>
            <Card style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={16}>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('park.code')}>{p.code}</Descriptions.Item>
                    <Descriptions.Item label={t('park.address')}>{dash(p.address)}</Descriptions.Item>
                    <Descriptions.Item label={t('park.description')}>{dash(p.description)}</Descriptions.Item>
                  </Descriptions>
                </Col>
                <Col xs={12} md={4}><Statistic title={t('park.enterpriseCount')} value={p.enterpriseCount} /></Col>
                <Col xs={12} md={4}><Statistic title={t('park.buildingCount')} value={p.buildingCount} /></Col>
              </Row>
            </Card>
            <Card title={t('park.buildings')}>
              {p.buildings.length ? (
                <Collapse
                  items={p.buildings.map((b) => ({
                    key: b.id,
                    label: (
                      <span>
                        {b.name} <Tag>{b.kind}</Tag>
                        <Typography.Text type="secondary">{t('park.units')}: {b.units.length}</Typography.Text>
                      </span>
                    ),
                    children: b.units.length ? (
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                        {b.units.map((u) => (
                          <Tag key={u.id}>
                            {u.name}
                            {u.floor !== null ? ` · ${t('park.floor', { n: u.floor })}` : ''}
                          </Tag>
                        ))}
                      </div>
                    ) : (
                      <Typography.Text type="secondary">{t('park.noUnits')}</Typography.Text>
                    ),
                  }))}
                />
              ) : (
                <Empty description={t('common.empty')} />
              )}
            </Card>
          </>
        ) : null}
      </QueryState>
    </Page>
  );
}
