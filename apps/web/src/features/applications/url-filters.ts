import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Query } from '../../lib/api';

/**
 * A list's filters kept in the URL (shareable, survive the back button). Changing a filter resets to
 * page 1; `replace` keeps typing out of the history stack.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>, [keys, params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const set = useCallback(
    (patch: Partial<Record<K, string | undefined>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | undefined][]) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPage = useCallback(
    (p: number, size: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(p));
        next.set('pageSize', String(size));
        return next;
      }),
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  /** The filters as an API query (no paging), e.g. for export links. */
  const query = useMemo<Query>(() => ({ ...f }), [f]);
  return { f, page, pageSize, set, setPage, reset, query };
}
