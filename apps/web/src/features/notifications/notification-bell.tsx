import { useState } from 'react';
import { Badge, Button, Drawer, Flex, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { NotificationList } from './notification-list';
import { useMarkAllRead, useNotifications } from './notifications.api';
import { useOpenNotification } from './use-open-notification';

/** Header bell: unread badge; a popover (desktop) or drawer (phone) with the latest messages. */
export function NotificationBell() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  // Live updates come over SSE (LiveEvents); the slow poll only covers a broken stream.
  const q = useNotifications({ page: 1, pageSize: 8 }, { refetchInterval: 5 * 60_000 });
  const readAll = useMarkAllRead();
  const openOne = useOpenNotification(() => setOpen(false));
  const unread = q.data?.unread ?? 0;

  const header = (
    <Flex justify="space-between" align="center" gap={16}>
      <Typography.Text strong>{t('notif.title')}</Typography.Text>
      <Button type="link" size="small" disabled={!unread} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="notif-read-all">
        {t('notif.readAll')}
      </Button>
    </Flex>
  );
  const body = (
    <div style={{ width: isMobile ? '100%' : 360, maxHeight: isMobile ? undefined : 420, overflow: 'auto' }} data-testid="notif-panel">
      <NotificationList items={q.data?.items ?? []} loading={q.isLoading} onOpen={openOne} />
      <div style={{ textAlign: 'center', paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notif-view-all">{t('notif.viewAll')}</Link>
      </div>
    </div>
  );
  const button = (
    <Button
      type="text"
      aria-label={t('notif.title')}
      onClick={isMobile ? () => setOpen(true) : undefined}
      data-testid="notif-bell"
      data-unread={unread}
      style={{ height: 40 }}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notif-badge">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (isMobile)
    return (
      <>
        {button}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" size="100%" title={header} styles={{ body: { padding: 8 } }}>
          {body}
        </Drawer>
      </>
    );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={header} content={body} arrow={false}>
      {button}
    </Popover>
  );
}
