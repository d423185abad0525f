import { Card, Col, Descriptions, Row, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, BankOutlined, CalculatorOutlined, CustomerServiceOutlined, ShopOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, Navigate } from 'react-router-dom';
import { roleLabels, type Me } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useCan, useMe } from '../auth/auth.api';
import { useParks } from '../parks/parks.api';

function scopeText(me: Me, t: ReturnType<typeof useI18n>['t']): string {
  switch (me.scope.kind) {
    case 'operator': return t('scope.operator');
    case 'parks': return t('scope.parks', { n: me.scope.parkIds.length });
    case 'grid': return t('scope.grid');
    case 'department': return t('scope.department');
    case 'enterprise': return t('scope.enterprise');
  }
}

export default function HomePage() {
  const { t, label } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const parks = useParks(can('parks.read'));
  if (!me) return null;
  const parkCount = parks.data?.total;
  const entCount = parks.data?.items.reduce((s, p) => s + p.enterpriseCount, 0);
  const isContact = me.scope.kind === 'enterprise' && !!me.scope.enterpriseId;
  // An enterprise contact has one enterprise: their home is its profile.
  if (isContact) return <Navigate to={`/enterprises/${me.scope.enterpriseId}`} replace />;

  const links: { to: string; icon: React.ReactNode; text: string; show: boolean }[] = [
    { to: `/enterprises/${me.scope.enterpriseId ?? ''}`, icon: <ShopOutlined />, text: t('nav.myEnterprise'), show: isContact },
    { to: '/requests', icon: <CustomerServiceOutlined />, text: t('nav.requests'), show: !isContact && can('requests.read') },
    { to: '/parks', icon: <BankOutlined />, text: t('nav.parks'), show: !isContact && can('parks.read') },
    { to: '/enterprises', icon: <ShopOutlined />, text: t('nav.enterprises'), show: !isContact && can('enterprises.read') },
    { to: '/enterprises/import', icon: <UploadOutlined />, text: t('ent.import'), show: can('enterprises.import') },
    { to: '/grid', icon: <ApartmentOutlined />, text: t('nav.grid'), show: !isContact && can('grid.read') },
    { to: '/staff', icon: <TeamOutlined />, text: t('nav.staff'), show: !isContact && can('staff.read') },
    { to: '/sla-preview', icon: <CalculatorOutlined />, text: t('nav.slaPreview'), show: can('sla.preview') },
    { to: '/audit', icon: <AuditOutlined />, text: t('nav.audit'), show: can('audit.read') },
  ];

  return (
    <div className="yqt-page">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, sm: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.roles')}>
            {me.roles.map((r) => <Tag color="blue" key={r}>{label(roleLabels[r])}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('home.scope')}>{scopeText(me, t)}</Descriptions.Item>
          <Descriptions.Item label={t('home.operator')}>{me.operator.name}</Descriptions.Item>
        </Descriptions>
      </Card>
      {can('parks.read') && !isContact ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card><Statistic title={t('home.parks')} value={parkCount ?? '—'} loading={parks.isLoading} /></Card>
          </Col>
          <Col xs={12} md={6}>
            <Card><Statistic title={t('home.enterprises')} value={entCount ?? '—'} loading={parks.isLoading} /></Card>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">{t('home.countsNote')}</Typography.Text>
          </Col>
        </Row>
      ) : null}
      <Card title={t('home.quickLinks')}>
        <Row gutter={[12, 12]}>
          {links.filter((l) => l.show).map((l) => (
            <Col key={l.to} xs={12} sm={8} md={6}>
              <Link to={l.to}>
                <Card hoverable size="small" style={{ textAlign: 'center' }}>
                  <div style={{ fontSize: 22 }}>{l.icon}</div>
                  {l.text}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </div>
  );
}
