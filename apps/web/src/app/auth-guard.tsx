import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '@yqt/contracts';
import { QueryState } from '../shared/query-state';
import { useCan, useMe } from '../features/auth/auth.api';
import { NotFound } from './not-found';

/** Sends anonymous visitors to /login?next=…; renders children for a signed-in user. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isLoading)
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  if (me.error) return <QueryState isLoading={false} error={me.error} onRetry={() => void me.refetch()}>{null}</QueryState>;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/** Hides a page the user has no permission for (the server would answer 403 anyway). */
export function RequirePermission({ perm, children }: { perm: Permission; children: ReactNode }) {
  const can = useCan();
  return can(perm) ? <>{children}</> : <NotFound />;
}
