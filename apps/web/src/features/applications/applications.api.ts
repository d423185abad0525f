import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationAction,
  ApplicationActionBody,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationFormPrefill,
  ApplicationPage,
  ApplicationStats,
  PolicyPage,
} from '@yqt/contracts';
import { api, type Query } from '../../lib/api';

export type ApplicationPageT = z.infer<typeof ApplicationPage>;
export type ApplicationCreateInput = z.input<typeof ApplicationCreate>;
export type ApplicationActionInput = z.input<typeof ApplicationActionBody>;
export type PolicyPageT = z.infer<typeof PolicyPage>;

export const applicationKeys = {
  all: ['applications'] as const,
  list: (q: Query) => ['applications', 'list', q] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  form: (policyId: string) => ['applications', 'form', policyId] as const,
  stats: (q: Query) => ['applications', 'stats', q] as const,
};

export function useApplicationPage(query: Query, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: ({ signal }) => api.get<ApplicationPageT>('/applications', query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ApplicationDetail>(`/applications/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 5_000,
  });
}

/** The form pre-filled from the enterprise's registry and latest indicators, with the materials checklist. */
export function useApplicationForm(policyId: string | null) {
  return useQuery({
    queryKey: applicationKeys.form(policyId ?? ''),
    queryFn: ({ signal }) => api.get<ApplicationFormPrefill>(`/policies/${policyId}/application-form`, undefined, signal),
    enabled: !!policyId,
    staleTime: 0,
  });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationCreateInput) => api.post<ApplicationDetail>('/applications', body),
    onSuccess: (a) => {
      qc.setQueryData(applicationKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: ['applications', 'list'] });
      void qc.invalidateQueries({ queryKey: ['applications', 'form'] });
    },
    meta: { silent: true },
  });
}

/** One workflow action with the version the caller saw; the caller handles 409 and field errors. */
export function useApplicationAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: ApplicationAction; body: ApplicationActionInput }) =>
      api.post<ApplicationDetail>(`/applications/${id}/actions/${action}`, body),
    onSuccess: (a) => {
      qc.setQueryData(applicationKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: ['applications', 'list'] });
      void qc.invalidateQueries({ queryKey: ['applications', 'stats'] });
    },
    meta: { silent: true },
  });
}

/** Uploads one file for one checklist item (the item goes first: the server reads it before the file). */
export function uploadMaterial(applicationId: string, item: string, file: File) {
  const body = new FormData();
  body.append('item', item);
  body.append('file', file, file.name);
  return api.post<ApplicationDetail>(`/applications/${applicationId}/materials`, body);
}

export function useUploadMaterial(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ item, file }: { item: string; file: File }) => uploadMaterial(applicationId, item, file),
    onSuccess: (a) => qc.setQueryData(applicationKeys.detail(a.id), a),
    meta: { silent: true },
  });
}

export function useRemoveMaterial(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) => api.delete<ApplicationDetail>(`/applications/${applicationId}/materials/${materialId}`),
    onSuccess: (a) => qc.setQueryData(applicationKeys.detail(a.id), a),
    meta: { silent: true },
  });
}

export const materialUrl = (applicationId: string, materialId: string) => `/api/v1/applications/${applicationId}/materials/${materialId}`;

export function useApplicationStats(query: Query) {
  return useQuery({
    queryKey: applicationKeys.stats(query),
    queryFn: ({ signal }) => api.get<ApplicationStats>('/applications/stats', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Policies for filter pickers (published ones; managers also see drafts), by title. */
export function usePolicyOptions(enabled = true) {
  return useQuery({
    queryKey: ['policies', 'options'],
    queryFn: ({ signal }) => api.get<PolicyPageT>('/policies', { pageSize: 200, sort: 'title' }, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
