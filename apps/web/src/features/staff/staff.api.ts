import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Department, StaffCreate, StaffPage, StaffSummary, StaffUpdate } from '@yqt/contracts';
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

export type StaffCreateBody = z.input<typeof StaffCreate>;
export type StaffUpdateBody = z.input<typeof StaffUpdate>;

/** Staff writes change list rows, grid sizes/area officer counts and department head counts. */
function useRefreshStaff() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['staff'] });
    void qc.invalidateQueries({ queryKey: ['grid'] });
    void qc.invalidateQueries({ queryKey: ['departments'] });
  };
}

/** Forms show these errors themselves (field errors, 409 duplicate username). */
const silent = { silent: true } as const;

export function useCreateStaff() {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: StaffCreateBody) => api.post<StaffSummary>('/staff', body),
    onSuccess: refresh,
    meta: silent,
  });
}

export function useUpdateStaff() {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StaffUpdateBody }) => api.patch<StaffSummary>(`/staff/${id}`, body),
    onSuccess: refresh,
    meta: silent,
  });
}

export function useResetStaffPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post<{ ok: true }>(`/staff/${id}/password`, { password }),
    meta: silent,
  });
}
