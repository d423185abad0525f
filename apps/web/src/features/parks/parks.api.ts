import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Park, ParkDetail } from '@yqt/contracts';
import { api } from '../../lib/api';

export type ParkDetailT = z.infer<typeof ParkDetail>;
export type ParksPage = { items: Park[]; total: number; page: number; pageSize: number };

/** All parks visible to the caller (operators run a handful, so one page of 200 covers them). */
export function useParks(enabled = true) {
  return useQuery({
    queryKey: ['parks'],
    queryFn: ({ signal }) => api.get<ParksPage>('/parks', { pageSize: 200 }, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePark(id: string | null | undefined) {
  return useQuery({
    queryKey: ['parks', id],
    queryFn: ({ signal }) => api.get<ParkDetailT>(`/parks/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}
