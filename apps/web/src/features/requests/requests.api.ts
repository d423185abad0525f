import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  RequestAction,
  RequestActionBody,
  RequestCategory,
  RequestCreate,
  RequestDetail,
  RequestPage,
  SlaPreview,
  SlaPreviewBody,
} from '@yqt/contracts';
import { api, type Query } from '../../lib/api';

export type Category = z.infer<typeof RequestCategory>;
export type RequestPageT = z.infer<typeof RequestPage>;
export type RequestCreateInput = z.input<typeof RequestCreate>;
export type ActionInput = z.input<typeof RequestActionBody>;
export type SlaPreviewT = z.infer<typeof SlaPreview>;
export type SlaPreviewInput = z.input<typeof SlaPreviewBody>;
export type ReplyTemplate = { id: string; title: string; body: string };

export const requestKeys = {
  all: ['requests'] as const,
  list: (q: Query) => ['requests', 'list', q] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: ['request-categories'],
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/request-categories', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export type CategoryOption = { value: string; label: string; children?: CategoryOption[] };

/** The flat list as a Cascader tree (parents first by sortOrder). */
export function categoryTree(items: Category[]): CategoryOption[] {
  const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder);
  const byParent = new Map<string | null, Category[]>();
  for (const c of sorted) {
    const k = c.parentId && items.some((p) => p.id === c.parentId) ? c.parentId : null;
    byParent.set(k, [...(byParent.get(k) ?? []), c]);
  }
  const build = (parent: string | null): CategoryOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return { value: c.id, label: c.name, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

/** The Cascader path (root … leaf ids) of one category. */
export function categoryPath(items: Category[], id: string | undefined): string[] {
  const path: string[] = [];
  let cur = items.find((c) => c.id === id);
  while (cur) {
    path.unshift(cur.id);
    const parentId: string | null = cur.parentId;
    cur = parentId ? items.find((c) => c.id === parentId) : undefined;
  }
  return path;
}

export function useReplyTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['reply-templates'],
    queryFn: ({ signal }) => api.get<{ items: ReplyTemplate[] }>('/reply-templates', undefined, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useRequestPage(query: Query, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: requestKeys.list(query),
    queryFn: ({ signal }) => api.get<RequestPageT>('/requests', query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<RequestDetail>(`/requests/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 5_000,
  });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestCreateInput) => api.post<RequestDetail>('/requests', body),
    onSuccess: (r) => {
      qc.setQueryData(requestKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
    meta: { silent: true },
  });
}

/** One lifecycle action; the caller handles errors (409 → refetch, 400 note → field error). */
export function useRequestAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: RequestAction; body: ActionInput }) =>
      api.post<RequestDetail>(`/requests/${id}/actions/${action}`, body),
    onSuccess: (r) => {
      qc.setQueryData(requestKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
    meta: { silent: true },
  });
}

export function useSlaPreview() {
  return useMutation({
    mutationFn: (body: SlaPreviewInput) => api.post<SlaPreviewT>('/sla/preview', body),
    meta: { silent: true },
  });
}
