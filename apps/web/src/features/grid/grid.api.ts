import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Area, EnterpriseDetail, WorkloadPage } from '@yqt/contracts';
import { api } from '../../lib/api';

export type WorkloadPageT = z.infer<typeof WorkloadPage>;
export type AssignInput = { liaisonId: string | null; backupLiaisonId?: string | null; reason?: string | null };

export function useAssignLiaison(enterpriseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignInput) => api.put<EnterpriseDetail>(`/enterprises/${enterpriseId}/liaison`, body),
    onSuccess: (e) => {
      qc.setQueryData(['enterprises', 'detail', enterpriseId], e);
      void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      void qc.invalidateQueries({ queryKey: ['grid'] });
    },
    meta: { silent: true },
  });
}

export function useBulkAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignInput & { enterpriseIds: string[]; liaisonId: string }) =>
      api.post<{ updated: number }>('/grid/assignments', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      void qc.invalidateQueries({ queryKey: ['grid'] });
    },
    meta: { silent: true },
  });
}

export type WorkloadQuery = { page: number; pageSize: number; areaId?: string; q?: string; sort?: string };

export function useWorkload(query: WorkloadQuery) {
  return useQuery({
    queryKey: ['grid', 'workload', query],
    queryFn: ({ signal }) => api.get<WorkloadPageT>('/grid/workload', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAreas() {
  return useQuery({
    queryKey: ['grid', 'areas'],
    queryFn: ({ signal }) => api.get<{ items: Area[] }>('/areas', undefined, signal),
  });
}

export function useAreaMutations() {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['grid'] });
    void qc.invalidateQueries({ queryKey: ['staff'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: { name: string; leaderId?: string | null }) => api.post<Area>('/areas', body),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: { name?: string; leaderId?: string | null } }) =>
        api.patch<Area>(`/areas/${id}`, body),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    members: useMutation({
      mutationFn: ({ id, staffIds }: { id: string; staffIds: string[] }) => api.put<unknown>(`/areas/${id}/members`, { staffIds }),
      onSuccess: refresh,
    }),
  };
}
