import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Query } from '../../lib/api';

/**
 * Filters kept in the URL so a list can be shared (links travel through WeChat groups) or
 * bookmarked — the same contract as the enterprise list: changing a filter resets to page 1,
 * typing replaces the history entry.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => {
    const f: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return {
      filters: f,
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || defaultPageSize)),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, defaultPageSize]);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => {
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
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (page: number, pageSize?: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(page));
        if (pageSize && pageSize !== defaultPageSize) next.set('pageSize', String(pageSize));
        else next.delete('pageSize');
        return next;
      });
    },
    [setParams, defaultPageSize],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const query = useMemo<Query>(() => ({ ...state.filters, page: state.page, pageSize: state.pageSize }), [state]);

  return { ...state, setFilters, setPage, reset, query };
}

/** A search box bound to a URL filter: URL → box (back button, reset); box → URL after a pause. */
export function useSearchBox(value: string | undefined, commit: (v: string | undefined) => void, delay = 400) {
  const [q, setQ] = useState(value ?? '');
  useEffect(() => setQ(value ?? ''), [value]);
  useEffect(() => {
    if (q.trim() === (value ?? '')) return;
    const h = setTimeout(() => commit(q.trim() || undefined), delay);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  return { q, setQ, submit: () => commit(q.trim() || undefined) };
}
