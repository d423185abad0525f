import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Department, StaffPage } from '@yqt/contracts';
import { api } from '../../lib/api';

export type StaffPageT = z.infer<typeof StaffPage>;
export type DepartmentT = z.infer<typeof Department>;
export type StaffQuery = {
  page?: number;
  pageSize?: number;
  q?: string;
  role?: string;
  areaId?: string;
  departmentId?: string;
};

export function useStaffPage(query: StaffQuery, enabled = true) {
  return useQuery({
    queryKey: ['staff', query],
    queryFn: ({ signal }) => api.get<StaffPageT>('/staff', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => api.get<{ items: DepartmentT[] }>('/departments', undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
