import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../app/i18n';

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
