import { useNavigate } from 'react-router-dom';
import { useMarkRead, type NotificationItem } from './notifications.api';

/** Click on a message: mark it read and open what it is about (its request or link, else the message list). */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    after?.();
    navigate(n.requestId ? `/requests/${n.requestId}` : (n.link ?? '/notifications'));
  };
}
