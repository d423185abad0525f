import { Suspense, useState } from 'react';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Spin, Typography } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  CustomerServiceOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  NotificationOutlined,
  SettingOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels, type Me } from '@yqt/contracts';
import { useI18n } from './i18n';
import { LangSwitch } from './lang-switch';
import { useIsMobile } from '../shared/use-is-mobile';
import { useLogout, useMe } from '../features/auth/auth.api';
import { NotificationBell } from '../features/notifications/notification-bell';
import { PasswordChangeDialog } from '../features/auth/password-change-dialog';
import { LiveEvents } from './live-events';

type NavLeaf = { key: string; icon?: React.ReactNode; label: string };
type NavItem = NavLeaf & { children?: NavLeaf[] };

const SETTINGS_GROUP = 'group:settings';

function navItems(me: Me, t: ReturnType<typeof useI18n>['t']): NavItem[] {
  const can = (p: string) => me.permissions.includes(p);
  const items: NavItem[] = [{ key: '/', icon: <HomeOutlined />, label: t('nav.home') }];
  if (me.scope.kind === 'enterprise' && me.scope.enterpriseId) {
    items.push({ key: `/enterprises/${me.scope.enterpriseId}`, icon: <ShopOutlined />, label: t('nav.myEnterprise') });
    if (can('requests.read')) items.push({ key: '/requests', icon: <CustomerServiceOutlined />, label: t('nav.myRequests') });
    if (can('matches.read')) items.push({ key: '/my/policy-matches', icon: <AimOutlined />, label: t('nav.myPolicyMatches') });
    if (can('applications.read')) items.push({ key: '/applications', icon: <FileDoneOutlined />, label: t('nav.myApplications') });
    items.push({ key: '/policies', icon: <FileTextOutlined />, label: t('nav.policies') });
    return items;
  }
  if (can('requests.read')) items.push({ key: '/requests', icon: <CustomerServiceOutlined />, label: t('nav.requests') });
  items.push({ key: '/policies', icon: <FileTextOutlined />, label: t('nav.policies') });
  if (can('policies.followup')) items.push({ key: '/policy-follow-ups', icon: <NotificationOutlined />, label: t('nav.policyFollowUps') });
  if (can('applications.read')) items.push({ key: '/applications', icon: <FileDoneOutlined />, label: t('nav.applications') });
  if (can('parks.read')) items.push({ key: '/parks', icon: <BankOutlined />, label: t('nav.parks') });
  if (can('enterprises.read')) items.push({ key: '/enterprises', icon: <ShopOutlined />, label: t('nav.enterprises') });
  if (can('grid.read')) items.push({ key: '/grid', icon: <ApartmentOutlined />, label: t('nav.grid') });
  if (can('staff.read')) items.push({ key: '/staff', icon: <TeamOutlined />, label: t('nav.staff') });
  if (can('sla.preview')) items.push({ key: '/sla-preview', icon: <CalculatorOutlined />, label: t('nav.slaPreview') });
  if (can('sla.manage'))
    items.push({
      key: SETTINGS_GROUP,
      icon: <SettingOutlined />,
      label: t('nav.requestSettings'),
      children: [
        { key: '/settings/sla-policies', label: t('set.policies') },
        { key: '/settings/calendar', label: t('set.calendar') },
        { key: '/settings/escalation', label: t('set.ladder') },
        { key: '/settings/request-settings', label: t('set.settings') },
        { key: '/settings/reply-templates', label: t('set.templates') },
        { key: '/settings/categories', label: t('set.categories') },
      ],
    });
  if (can('audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') });
  return items;
}

function selectedKey(pathname: string, items: NavItem[]): string {
  let best = '/';
  for (const i of items.flatMap((x) => x.children ?? [x]))
    if (i.key !== '/' && pathname.startsWith(i.key) && i.key.length > best.length) best = i.key;
  return best;
}

function UserMenu({ me }: { me: Me }) {
  const { t, label } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [changingPassword, setChangingPassword] = useState(false);
  const roleText = me.roles.map((r) => label(roleLabels[r])).join('、');
  const items: MenuProps['items'] = [
    { key: 'who', label: <div style={{ maxWidth: 240 }}><b>{me.displayName}</b><br /><Typography.Text type="secondary">{roleText}</Typography.Text></div>, disabled: true },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="password-change">{t('user.changePassword')}</span>,
      onClick: () => setChangingPassword(true),
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('user.logout')}</span>,
      onClick: () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }),
    },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} />
            {isMobile ? null : (
              <span style={{ lineHeight: 1.2, textAlign: 'left' }}>
                {me.displayName}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{roleText}</Typography.Text>
              </span>
            )}
          </Flex>
        </Button>
      </Dropdown>
      {changingPassword ? <PasswordChangeDialog onClose={() => setChangingPassword(false)} /> : null}
    </>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const isMobile = useIsMobile();
  const [drawer, setDrawer] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  if (!me) return null;
  const items = navItems(me, t);
  const inSettings = location.pathname.startsWith('/settings/');
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname, items)]}
      defaultOpenKeys={inSettings ? [SETTINGS_GROUP] : []}
      items={items.map((i) => (i.children ? { ...i, children: i.children.map((c) => ({ ...c, 'data-testid': `nav-${c.key.slice(10)}` })) } : i))}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (
    <Link to="/" className="yqt-brand">
      <span className="yqt-logo-mark small">园</span>
      {!collapsed || isMobile ? <span>{t('app.name')}</span> : null}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <LiveEvents userId={me.id} />
      {isMobile ? (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={brand} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} className="yqt-sider">
          <div className="yqt-sider-brand">{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="yqt-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {isMobile ? (
              <>
                <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('nav.menu')} data-testid="nav-menu" />
                {brand}
              </>
            ) : (
              <Typography.Text type="secondary" ellipsis>{me.operator.name}</Typography.Text>
            )}
          </Flex>
          <Flex align="center" gap={4}>
            <NotificationBell />
            <LangSwitch />
            <UserMenu me={me} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="yqt-content">
          <Suspense fallback={<div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
