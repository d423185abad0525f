import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Query } from '../../lib/api';

/** Filters kept in the URL so a list view can be shared or bookmarked. */
export const filterKeys = ['q', 'parkId', 'industry', 'tier', 'size', 'status', 'liaisonId', 'unassigned', 'sort'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type ListState = Partial<Record<FilterKey, string>> & { page: number; pageSize: number };

export function useListQuery() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<ListState>(() => {
    const s: ListState = {
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20)),
    };
    for (const k of filterKeys) {
      const v = params.get(k);
      if (v) s[k] = v;
    }
    return s;
  }, [params]);

  /** Changing a filter resets to page 1; `replace` keeps typing out of the history stack. */
  const setFilters = useCallback(
    (patch: Partial<Record<FilterKey, string | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(page));
        next.set('pageSize', String(pageSize));
        return next;
      });
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  /** The API query (no page info) for export links. */
  const filterQuery = useMemo<Query>(() => {
    const q: Query = {};
    for (const k of filterKeys) if (state[k]) q[k] = state[k];
    return q;
  }, [state]);

  return { state, setFilters, setPage, reset, filterQuery };
}
