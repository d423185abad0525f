import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, Permission } from '@yqt/contracts';
import { api, ApiError } from '../../lib/api';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** Permission check against `permissions` from /auth/me (the server enforces; the UI only hides). */
export function useCan() {
  const { data } = useMe();
  const perms = new Set(data?.permissions ?? []);
  return (p: Permission) => perms.has(p);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meKey, me);
    },
    meta: { silent: true },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
    meta: { silent: true },
  });
}

/** 修改本人密码; the server ends the user's other sessions. Errors are shown on the form. */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/auth/password', body),
    meta: { silent: true },
  });
}
