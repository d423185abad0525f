import { Suspense } from 'react';
import { Button, Flex, Spin, Typography } from 'antd';
import { LoginOutlined, AppstoreOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from './i18n';
import { LangSwitch } from './lang-switch';
import { useIsMobile } from '../shared/use-is-mobile';
import { useMe } from '../features/auth/auth.api';
import '../features/policies/policies.css';

/**
 * Frame of the public pages (惠企政策, 办事指南): no login needed, links are shared in chat groups.
 * Phones get the section links on a second row so nothing is squeezed at 390 px.
 */
export function PublicLayout() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const location = useLocation();
  const { data: me } = useMe();
  const next = encodeURIComponent(location.pathname + location.search);

  const links = (
    <nav className="yqt-pub-nav" aria-label={t('pub.sections')}>
      <NavLink to="/p/policies" data-testid="pub-nav-policies">{t('pub.nav.policies')}</NavLink>
      <NavLink to="/p/guides" data-testid="pub-nav-guides">{t('pub.nav.guides')}</NavLink>
    </nav>
  );

  return (
    <div className="yqt-pub">
      <header className="yqt-pub-header">
        <div className="yqt-pub-bar">
          <Link to="/p/policies" className="yqt-brand">
            <span className="yqt-logo-mark small">园</span>
            <span>{t('app.name')}</span>
          </Link>
          {isMobile ? null : links}
          <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
            <LangSwitch />
            {me ? (
              <Link to="/">
                <Button type="primary" size={isMobile ? 'small' : 'middle'} icon={<AppstoreOutlined />} data-testid="pub-console">{t('pub.console')}</Button>
              </Link>
            ) : (
              <Link to={`/login?next=${next}`}>
                <Button type="primary" size={isMobile ? 'small' : 'middle'} icon={<LoginOutlined />} data-testid="pub-login">{t('pub.login')}</Button>
              </Link>
            )}
          </Flex>
        </div>
        {isMobile ? <div className="yqt-pub-bar yqt-pub-bar-sub">{links}</div> : null}
      </header>
      <main className="yqt-pub-main">
        <Suspense fallback={<div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="yqt-pub-footer">
        <Typography.Text type="secondary">{t('pub.footer')}</Typography.Text>
      </footer>
    </div>
  );
}
