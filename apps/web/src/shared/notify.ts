import type { NotificationInstance } from 'antd/es/notification/interface';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from '../lib/api';

/** Context-aware antd notification/message instances, bound by <NotifyBinder/> inside <App>. */
let notificationApi: NotificationInstance | null = null;
let messageApi: MessageInstance | null = null;

export function bindNotify(n: NotificationInstance, m: MessageInstance): void {
  notificationApi = n;
  messageApi = m;
}

/** Shows the server's (Chinese) message; the request id helps support find the log line. */
export function notifyError(err: unknown): void {
  const msg = err instanceof ApiError || err instanceof Error ? err.message : String(err);
  const requestId = err instanceof ApiError ? err.requestId : null;
  notificationApi?.error({
    message: msg,
    description: requestId ? `requestId: ${requestId}` : undefined,
    placement: 'topRight',
  });
}

export function notifySuccess(text: string): void {
  messageApi?.success(text);
}

export function notifyWarning(text: string): void {
  messageApi?.warning(text, 5);
}
