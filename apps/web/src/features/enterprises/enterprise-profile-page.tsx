import { Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { sizeLabels } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { dash, fmtDate, fmtDateTime } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useMe } from '../auth/auth.api';
import { ContactsCard } from './contacts-card';
import { useEnterprise } from './enterprises.api';
import { StatusTag, TierTag } from './labels';
import { LiaisonCard } from './liaison-card';
import { EnterpriseIndicatorsCard } from '../applications/indicators/enterprise-indicators-card';
import { EnterpriseFollowUpsCard } from '../policies/enterprise-follow-ups-card';

export default function EnterpriseProfilePage() {
  const { id } = useParams();
  const { t, label, industry } = useI18n();
  const { data: me } = useMe();
  const q = useEnterprise(id);
  const e = q.data;
  const isContact = me?.scope.kind === 'enterprise';

  return (
    <div className="yqt-page">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {e ? (
          <>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
              <Flex align="center" gap={4} style={{ minWidth: 0 }}>
                {isContact ? null : (
                  <Link to="/enterprises"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
                )}
                <div style={{ minWidth: 0 }}>
                  <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">{e.name}</Typography.Title>
                  <Flex wrap gap={4} style={{ marginTop: 4 }}>
                    <TierTag tier={e.tier} />
                    <StatusTag status={e.status} />
                  </Flex>
                </div>
              </Flex>
              {e.abilities.edit ? (
                <Link to={`/enterprises/${e.id}/edit`}>
                  <Button icon={<EditOutlined />} data-testid="enterprise-edit">{t('common.edit')}</Button>
                </Link>
              ) : null}
            </Flex>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Card title={t('ent.basic')} style={{ marginBottom: 16 }}>
                  <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
                    <Descriptions.Item label={t('ent.creditCode')}>
                      <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{e.creditCode}</Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ent.shortName')}>{dash(e.shortName)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.industry')}>{industry(e.industryCode)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.industryDetail')}>{dash(e.industryDetail)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.size')}>{label(sizeLabels[e.size], e.size)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.foundedOn')}>{dash(fmtDate(e.foundedOn))}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.registeredCapitalWan')}>{dash(e.registeredCapitalWan)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.employeeCount')}>{dash(e.employeeCount)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.legalRepresentative')}>{dash(e.legalRepresentative)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.phone')}>
                      {e.phone ? <a href={`tel:${e.phone}`}>{e.phone}</a> : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ent.address')} span={2}>{dash(e.address)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.businessScope')} span={2}>
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                        {dash(e.businessScope)}
                      </Typography.Paragraph>
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                <ContactsCard enterprise={e} />
                <EnterpriseIndicatorsCard enterpriseId={e.id} />
              </Col>
              <Col xs={24} lg={8}>
                <Card title={t('ent.location')} style={{ marginBottom: 16 }}>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('ent.park')}>
                      {isContact ? e.parkName : <Link to={`/parks/${e.parkId}`}>{e.parkName}</Link>}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('ent.building')}>{dash(e.buildingName)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.unit')}>{dash(e.unitName)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.area')}>{dash(e.areaName)}</Descriptions.Item>
                    <Descriptions.Item label={t('ent.updatedAt')}>{fmtDateTime(e.updatedAt)}</Descriptions.Item>
                  </Descriptions>
                </Card>
                <LiaisonCard enterprise={e} />
                <EnterpriseFollowUpsCard enterpriseId={e.id} />
              </Col>
            </Row>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
