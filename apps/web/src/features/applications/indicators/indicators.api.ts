import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EnterpriseIndicators, ImportResult, IndicatorHistoryPage, IndicatorUpsert, Qualification, QualificationCreate } from '@yqt/contracts';
import { api } from '../../../lib/api';

export type IndicatorUpsertInput = z.input<typeof IndicatorUpsert>;
export type QualificationInput = z.input<typeof QualificationCreate>;
export type IndicatorHistoryPageT = z.infer<typeof IndicatorHistoryPage>;

export const indicatorKeys = {
  of: (enterpriseId: string) => ['indicators', enterpriseId] as const,
  history: (enterpriseId: string, year: number, page: number) => ['indicators', enterpriseId, 'history', year, page] as const,
};

/** An enterprise's indicators change its policy matches: refresh both. */
function useRefresh(enterpriseId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: indicatorKeys.of(enterpriseId) });
    void qc.invalidateQueries({ queryKey: ['policy-matches', enterpriseId] });
  };
}

/** `silent`: the caller handles errors (the profile card hides itself outside the caller's indicator scope). */
export function useIndicators(enterpriseId: string | undefined, opts: { silent?: boolean } = {}) {
  return useQuery({
    queryKey: indicatorKeys.of(enterpriseId ?? ''),
    queryFn: ({ signal }) => api.get<EnterpriseIndicators>(`/enterprises/${enterpriseId}/indicators`, undefined, signal),
    enabled: !!enterpriseId,
    meta: opts.silent ? { silent: true } : undefined,
  });
}

export function useUpsertYear(enterpriseId: string) {
  const qc = useQueryClient();
  const refresh = useRefresh(enterpriseId);
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: IndicatorUpsertInput }) =>
      api.put<EnterpriseIndicators>(`/enterprises/${enterpriseId}/indicators/${year}`, body),
    onSuccess: (data) => {
      qc.setQueryData(indicatorKeys.of(enterpriseId), data);
      refresh();
    },
    meta: { silent: true },
  });
}

export function useYearHistory(enterpriseId: string, year: number | null, page: number) {
  return useQuery({
    queryKey: indicatorKeys.history(enterpriseId, year ?? 0, page),
    queryFn: ({ signal }) => api.get<IndicatorHistoryPageT>(`/enterprises/${enterpriseId}/indicators/${year}/history`, { page, pageSize: 20 }, signal),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

export function useQualificationMutations(enterpriseId: string) {
  const refresh = useRefresh(enterpriseId);
  return {
    add: useMutation({
      mutationFn: (body: QualificationInput) => api.post<Qualification>(`/enterprises/${enterpriseId}/qualifications`, body),
      onSuccess: refresh,
      meta: { silent: true },
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<{ ok: true }>(`/enterprises/${enterpriseId}/qualifications/${id}`),
      onSuccess: refresh,
    }),
  };
}

export function useIndicatorImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const fd = new FormData();
      fd.append('file', file);
      return api.post<ImportResult>('/indicators/import', fd, { dryRun: String(dryRun) });
    },
    onSuccess: (r) => {
      if (r.committed) {
        void qc.invalidateQueries({ queryKey: ['indicators'] });
        void qc.invalidateQueries({ queryKey: ['policy-matches'] });
      }
    },
    meta: { silent: true },
  });
}
