import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EligibilityPreviewBody,
  EligibilityPreviewResult,
  FollowUpUpdate,
  PolicyAction,
  PolicyAttachment,
  PolicyCreate,
  PolicyDetail,
  PolicyFollowUp,
  PolicyFollowUpPage,
  PolicyMatchesPage,
  PolicyPage,
  PolicyTagList,
  PolicyUpdate,
  PolicyVersionDetail,
  PolicyVersionList,
} from '@yqt/contracts';
import { api, type Query } from '../../lib/api';

export type PolicyPageT = z.infer<typeof PolicyPage>;
export type PolicyCreateInput = z.input<typeof PolicyCreate>;
export type PolicyUpdateInput = z.input<typeof PolicyUpdate>;
export type PolicyVersionListT = z.infer<typeof PolicyVersionList>;
export type PolicyVersionDetailT = z.infer<typeof PolicyVersionDetail>;
export type PolicyTagListT = z.infer<typeof PolicyTagList>;
export type FollowUpPageT = z.infer<typeof PolicyFollowUpPage>;
export type FollowUpUpdateInput = z.input<typeof FollowUpUpdate>;
export type PreviewInput = z.input<typeof EligibilityPreviewBody>;

export const policyKeys = {
  all: ['policies'] as const,
  list: (q: Query) => ['policies', 'list', q] as const,
  detail: (id: string) => ['policies', 'detail', id] as const,
  versions: (id: string) => ['policies', 'versions', id] as const,
  version: (id: string, v: number) => ['policies', 'versions', id, v] as const,
  matches: (id: string, q: Query) => ['policies', 'matches', id, q] as const,
  tags: ['policy-tags'] as const,
  followUps: (q: Query) => ['policy-follow-ups', q] as const,
};

/** The library (public: published only; managers with `status` see every status). */
export function usePolicyPage(query: Query) {
  return useQuery({
    queryKey: policyKeys.list(query),
    queryFn: ({ signal }) => api.get<PolicyPageT>('/policies', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: policyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PolicyDetail>(`/policies/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function usePolicyTags() {
  return useQuery({
    queryKey: policyKeys.tags,
    queryFn: ({ signal }) => api.get<PolicyTagListT>('/policy-tags', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

function useRefreshPolicy() {
  const qc = useQueryClient();
  return (p: PolicyDetail) => {
    qc.setQueryData(policyKeys.detail(p.id), p);
    void qc.invalidateQueries({ queryKey: ['policies', 'list'] });
    void qc.invalidateQueries({ queryKey: ['policies', 'versions', p.id] });
    void qc.invalidateQueries({ queryKey: ['policies', 'matches', p.id] });
    void qc.invalidateQueries({ queryKey: policyKeys.tags });
  };
}

export function useCreatePolicy() {
  const refresh = useRefreshPolicy();
  return useMutation({
    mutationFn: (body: PolicyCreateInput) => api.post<PolicyDetail>('/policies', body),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export function useUpdatePolicy(id: string) {
  const refresh = useRefreshPolicy();
  return useMutation({
    mutationFn: (body: PolicyUpdateInput) => api.patch<PolicyDetail>(`/policies/${id}`, body),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

/** 发布 / 撤回 / 标记过期; the caller handles errors (409 → reload). Publishing creates follow-ups. */
export function usePolicyAction(id: string) {
  const qc = useQueryClient();
  const refresh = useRefreshPolicy();
  return useMutation({
    mutationFn: ({ action, version, reason }: { action: PolicyAction; version: number; reason?: string }) =>
      api.post<PolicyDetail>(`/policies/${id}/${action}`, action === 'withdraw' ? { version, reason } : { version }),
    onSuccess: (p) => {
      refresh(p);
      void qc.invalidateQueries({ queryKey: ['policy-follow-ups'] });
    },
    meta: { silent: true },
  });
}

export function usePolicyVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: policyKeys.versions(id),
    queryFn: ({ signal }) => api.get<PolicyVersionListT>(`/policies/${id}/versions`, undefined, signal),
    enabled,
  });
}

export function usePolicyVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: policyKeys.version(id, version ?? 0),
    queryFn: ({ signal }) => api.get<PolicyVersionDetailT>(`/policies/${id}/versions/${version}`, undefined, signal),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

export function usePolicyAttachments(policyId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: policyKeys.detail(policyId) });
  return {
    upload: useMutation({
      mutationFn: (file: File) => {
        const body = new FormData();
        body.append('file', file, file.name);
        return api.post<PolicyAttachment>(`/policies/${policyId}/attachments`, body);
      },
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (attachmentId: string) => api.delete<{ ok: true }>(`/policies/${policyId}/attachments/${attachmentId}`),
      onSuccess: refresh,
    }),
  };
}

export const attachmentUrl = (policyId: string, attachmentId: string) => `/api/v1/policies/${policyId}/attachments/${attachmentId}`;

export function usePolicyMatches(id: string, query: Query, enabled: boolean) {
  return useQuery({
    queryKey: policyKeys.matches(id, query),
    queryFn: ({ signal }) => api.get<PolicyMatchesPage>(`/policies/${id}/matches`, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** "Who matches" of an unsaved rule draft; errors are shown by the editor (silent). */
export function useEligibilityPreview() {
  return useMutation({
    mutationFn: (body: PreviewInput) => api.post<EligibilityPreviewResult>('/eligibility/preview', body),
    meta: { silent: true },
  });
}

export function useFollowUpPage(query: Query) {
  return useQuery({
    queryKey: policyKeys.followUps(query),
    queryFn: ({ signal }) => api.get<FollowUpPageT>('/policy-follow-ups', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ policyId, enterpriseId, body }: { policyId: string; enterpriseId: string; body: FollowUpUpdateInput }) =>
      api.patch<PolicyFollowUp>(`/policy-follow-ups/${policyId}/${enterpriseId}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['policy-follow-ups'] }),
    meta: { silent: true },
  });
}
