import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../app/i18n';
import { ApiError } from '../lib/api';

/** Loading / error frame for a single-resource query. */
export function QueryState({
  isLoading,
  error,
  onRetry,
  children,
}: {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (isLoading)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  // Absent and outside the caller's scope look the same (the server answers 404 for both): no retry.
  if (error instanceof ApiError && error.code === 'NOT_FOUND')
    return <Result status="404" title={t('common.notFound')} subTitle={error.message} />;
  if (error)
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={error instanceof Error ? error.message : undefined}
        extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      />
    );
  return <>{children}</>;
}
