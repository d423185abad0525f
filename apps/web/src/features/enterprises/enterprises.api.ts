import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Contact,
  ContactCreate,
  EnterpriseCreate,
  EnterpriseDetail,
  EnterprisePage,
  EnterpriseUpdate,
  ImportResult,
} from '@yqt/contracts';
import { api, type Query } from '../../lib/api';

export type EnterprisePageT = z.infer<typeof EnterprisePage>;
export type ContactInput = z.input<typeof ContactCreate>;
export type EnterpriseCreateInput = z.input<typeof EnterpriseCreate>;
export type EnterpriseUpdateInput = z.input<typeof EnterpriseUpdate>;

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (q: Query) => ['enterprises', 'list', q] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
};

export function useEnterprisePage(query: Query) {
  return useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => api.get<EnterprisePageT>('/enterprises', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<EnterpriseDetail>(`/enterprises/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateEnterprise() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseCreateInput) => api.post<EnterpriseDetail>('/enterprises', body),
    onSuccess: (e) => {
      qc.setQueryData(enterpriseKeys.detail(e.id), e);
      void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      void qc.invalidateQueries({ queryKey: ['parks'] });
    },
    meta: { silent: true },
  });
}

export function useUpdateEnterprise(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseUpdateInput) => api.patch<EnterpriseDetail>(`/enterprises/${id}`, body),
    onSuccess: (e) => {
      qc.setQueryData(enterpriseKeys.detail(id), e);
      void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
    },
    meta: { silent: true },
  });
}

export function useContactMutations(enterpriseId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: enterpriseKeys.detail(enterpriseId) });
  const base = `/enterprises/${enterpriseId}/contacts`;
  return {
    create: useMutation({
      mutationFn: (body: ContactInput) => api.post<Contact>(base, body),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Partial<ContactInput> }) => api.patch<Contact>(`${base}/${id}`, body),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<{ ok: true }>(`${base}/${id}`),
      onSuccess: refresh,
    }),
  };
}

export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post<ImportResult>('/enterprises/import', fd, { dryRun: String(dryRun) });
    },
    onSuccess: (r) => {
      if (r.committed) {
        void qc.invalidateQueries({ queryKey: enterpriseKeys.all });
        void qc.invalidateQueries({ queryKey: ['parks'] });
      }
    },
    meta: { silent: true },
  });
}
