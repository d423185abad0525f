import { useQuery } from '@tanstack/react-query';
import type { EnterprisePolicyMatchesPage } from '@yqt/contracts';
import { api } from '../../../lib/api';

/** Live evaluation of every published policy for one enterprise (eligible → nearly → not eligible). */
export function useEnterpriseMatches(enterpriseId: string | null | undefined, opts: { silent?: boolean } = {}) {
  return useQuery({
    queryKey: ['policy-matches', enterpriseId ?? ''],
    queryFn: ({ signal }) => api.get<EnterprisePolicyMatchesPage>(`/enterprises/${enterpriseId}/policy-matches`, { pageSize: 200 }, signal),
    enabled: !!enterpriseId,
    meta: opts.silent ? { silent: true } : undefined,
    staleTime: 30_000,
  });
}
