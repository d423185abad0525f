import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  requestId: string | null;
  /** In-console path for messages not about a request (a policy, an application). */
  link: string | null;
  readAt: string | null;
  createdAt: string;
};
export type NotificationPage = { items: NotificationItem[]; total: number; unread: number; page: number; pageSize: number };
export type NotificationQuery = { page?: number; pageSize?: number; unread?: 'true' };

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: NotificationQuery) => ['notifications', q] as const,
};

export function useNotifications(query: NotificationQuery, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', query, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    refetchInterval: opts.refetchInterval,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/notifications/${id}/read`),
    onSettled: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/notifications/read-all'),
    onSettled: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
