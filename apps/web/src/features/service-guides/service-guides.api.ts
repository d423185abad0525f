import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ServiceGuideCategoryList, ServiceGuideDetail, ServiceGuidePage } from '@yqt/contracts';
import { api, type Query } from '../../lib/api';

export type ServiceGuidePageT = z.infer<typeof ServiceGuidePage>;
export type ServiceGuideCategoryListT = z.infer<typeof ServiceGuideCategoryList>;

export const guideKeys = {
  list: (q: Query) => ['service-guides', 'list', q] as const,
  detail: (id: string) => ['service-guides', 'detail', id] as const,
  categories: ['service-guide-categories'] as const,
};

/** 办事指南 list (public; q = Chinese substring search). */
export function useGuidePage(query: Query) {
  return useQuery({
    queryKey: guideKeys.list(query),
    queryFn: ({ signal }) => api.get<ServiceGuidePageT>('/service-guides', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGuide(id: string | undefined) {
  return useQuery({
    queryKey: guideKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ServiceGuideDetail>(`/service-guides/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useGuideCategories() {
  return useQuery({
    queryKey: guideKeys.categories,
    queryFn: ({ signal }) => api.get<ServiceGuideCategoryListT>('/service-guide-categories', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
