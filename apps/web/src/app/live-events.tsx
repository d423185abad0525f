import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { API_BASE } from '../lib/api';
import { notificationKeys } from '../features/notifications/notifications.api';
import { useI18n } from './i18n';

const MIN_DELAY = 1_000;
const MAX_DELAY = 60_000;

/**
 * One EventSource (GET /api/v1/events, same-origin so the session cookie goes along) per signed-in
 * session. Events only say "something changed": `request.changed` refetches request lists and details,
 * `notification` refetches the bell and shows a toast. On error the stream is closed and reopened with
 * exponential backoff (1 s … 60 s); after a reconnect everything is refetched, since events may have
 * been missed. Mounted inside the signed-in layout, so it closes on logout (unmount) and when the user changes.
 */
export function LiveEvents({ userId }: { userId: string }) {
  const qc = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { t } = useI18n();
  // Kept in refs so a language switch does not reopen the stream.
  const ui = useRef({ t, navigate });
  useEffect(() => {
    ui.current = { t, navigate };
  }, [t, navigate]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let delay = MIN_DELAY;
    let everOpened = false;
    let stopped = false;

    const refetchAll = () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    };

    const connect = () => {
      if (stopped) return;
      es = new EventSource(`${API_BASE}/events`, { withCredentials: true });
      es.onopen = () => {
        if (everOpened) refetchAll(); // events may have been missed while disconnected
        everOpened = true;
        delay = MIN_DELAY;
      };
      es.addEventListener('request.changed', () => {
        void qc.invalidateQueries({ queryKey: ['requests'] });
      });
      es.addEventListener('notification', (ev: MessageEvent<string>) => {
        void qc.invalidateQueries({ queryKey: notificationKeys.all });
        let title = '';
        try {
          title = (JSON.parse(ev.data) as { title?: string }).title ?? '';
        } catch {
          /* malformed payload: still refetch */
        }
        if (title) {
          const key = `notif-${Date.now()}`;
          notification.info({
            key,
            title,
            placement: 'topRight',
            duration: 6,
            className: 'yqt-live-toast',
            description: (
              <a
                data-testid="live-toast-open"
                onClick={() => {
                  notification.destroy(key);
                  ui.current.navigate('/notifications');
                }}
              >
                {ui.current.t('notif.viewAll')}
              </a>
            ),
          });
        }
      });
      es.onerror = () => {
        es?.close();
        es = null;
        if (stopped) return;
        timer = setTimeout(connect, delay);
        delay = Math.min(MAX_DELAY, delay * 2);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      es?.close();
    };
  }, [userId, qc, notification]);

  return null;
}
