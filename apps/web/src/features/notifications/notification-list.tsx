import { Badge, Empty, List, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { fmtShort } from '../requests/time';
import type { NotificationItem } from './notifications.api';

/** One list of messages; unread ones are bold with a dot. */
export function NotificationList({
  items,
  loading,
  onOpen,
}: {
  items: NotificationItem[];
  loading?: boolean;
  onOpen: (n: NotificationItem) => void;
}) {
  const { t } = useI18n();
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} /> }}
      renderItem={(n) => (
        <List.Item
          className="yqt-notif-item"
          data-unread={n.readAt ? 'false' : 'true'}
          data-testid="notif-item"
          onClick={() => onOpen(n)}
          style={{ cursor: 'pointer', paddingInline: 8 }}
        >
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={!n.readAt} style={{ display: 'block' }}>
              {!n.readAt ? <Badge status="processing" style={{ marginInlineEnd: 6 }} /> : null}
              {n.title}
            </Typography.Text>
            {n.body ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                {n.body}
              </Typography.Paragraph>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtShort(n.createdAt)}</Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}
