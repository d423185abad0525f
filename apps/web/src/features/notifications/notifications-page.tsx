import { useState } from 'react';
import { Button, Card, Pagination, Segmented } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { NotificationList } from './notification-list';
import { useMarkAllRead, useNotifications } from './notifications.api';
import { useOpenNotification } from './use-open-notification';

/** 消息中心: every message of the signed-in user, newest first. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const q = useNotifications({ page, pageSize: 20, unread: filter === 'unread' ? 'true' : undefined });
  const readAll = useMarkAllRead();
  const openOne = useOpenNotification();
  const unread = q.data?.unread ?? 0;
  return (
    <Page
      title={t('notif.title')}
      extra={
        <Button icon={<CheckOutlined />} disabled={!unread} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="notif-page-read-all">
          {t('notif.readAll')}
        </Button>
      }
    >
      <Segmented
        block={isMobile}
        value={filter}
        onChange={(v) => {
          setFilter(v as typeof filter);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('notif.all') },
          { value: 'unread', label: `${t('notif.unread')}${unread ? ` (${unread})` : ''}` },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="notif-filter"
      />
      <Card size="small" data-testid="notif-page-list">
        <NotificationList items={q.data?.items ?? []} loading={q.isLoading} onOpen={openOne} />
      </Card>
      {(q.data?.total ?? 0) > 20 ? (
        <Pagination simple={isMobile} current={page} pageSize={20} total={q.data?.total ?? 0} onChange={setPage} showSizeChanger={false} style={{ textAlign: 'center', marginTop: 12 }} />
      ) : null}
    </Page>
  );
}
