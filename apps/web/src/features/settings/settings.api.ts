import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarDay,
  CalendarOverrideInput,
  CalendarOverrideOut,
  CategoryInput,
  CategoryUpdate,
  EscalationLadder,
  ReplyTemplateInput,
  RequestCategory,
  RequestSettings,
  SlaPolicyInput,
  SlaPolicyOut,
} from '@yqt/contracts';
import { api } from '../../lib/api';

export type SlaPolicy = z.infer<typeof SlaPolicyOut>;
export type SlaPolicyIn = z.input<typeof SlaPolicyInput>;
export type CalDay = z.infer<typeof CalendarDay>;
export type CalOverride = z.infer<typeof CalendarOverrideOut>;
export type CalOverrideIn = z.input<typeof CalendarOverrideInput>;
export type Ladder = z.infer<typeof EscalationLadder>;
export type Settings = z.infer<typeof RequestSettings>;
export type TemplateIn = z.input<typeof ReplyTemplateInput>;
export type CategoryIn = z.input<typeof CategoryInput>;
export type CategoryPatch = z.input<typeof CategoryUpdate>;
export type CategoryT = z.infer<typeof RequestCategory>;

/** Every admin mutation here reports its own errors (forms place field errors first). */
const silent = { silent: true } as const;

export function usePolicies(history: boolean) {
  return useQuery({
    queryKey: ['sla-policies', { history }],
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>('/sla/policies', { history: history ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string | null; body: SlaPolicyIn }) =>
      key ? api.put<SlaPolicy>(`/sla/policies/${encodeURIComponent(key)}`, body) : api.post<SlaPolicy>('/sla/policies', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['sla-policies'] }),
    meta: silent,
  });
}

export function useRetirePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.delete<{ ok: true }>(`/sla/policies/${encodeURIComponent(key)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
}

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['calendar', from, to],
    queryFn: ({ signal }) => api.get<{ days: CalDay[] }>('/calendar', { from, to }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useOverrides() {
  return useQuery({
    queryKey: ['calendar-overrides'],
    queryFn: ({ signal }) => api.get<{ items: CalOverride[] }>('/calendar/overrides', undefined, signal),
  });
}

function useCalendarInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['calendar'] });
    void qc.invalidateQueries({ queryKey: ['calendar-overrides'] });
  };
}

export function usePutOverride() {
  const done = useCalendarInvalidate();
  return useMutation({ mutationFn: (body: CalOverrideIn) => api.put<CalOverride>('/calendar/overrides', body), onSuccess: done });
}

export function useDeleteOverride() {
  const done = useCalendarInvalidate();
  return useMutation({ mutationFn: (date: string) => api.delete<{ ok: true }>(`/calendar/overrides/${date}`), onSuccess: done });
}

export function useLadder() {
  return useQuery({ queryKey: ['escalation-ladder'], queryFn: ({ signal }) => api.get<Ladder>('/sla/escalation-ladder', undefined, signal) });
}

export function useSaveLadder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Ladder) => api.put<Ladder>('/sla/escalation-ladder', body),
    onSuccess: (l) => qc.setQueryData(['escalation-ladder'], l),
    meta: silent,
  });
}

export function useRequestSettings() {
  return useQuery({ queryKey: ['request-settings'], queryFn: ({ signal }) => api.get<Settings>('/request-settings', undefined, signal) });
}

export function useSaveRequestSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Settings) => api.put<Settings>('/request-settings', body),
    onSuccess: (s) => qc.setQueryData(['request-settings'], s),
    meta: silent,
  });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateIn) => api.post<{ id: string }>('/reply-templates', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reply-templates'] }),
    meta: silent,
  });
}

export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/reply-templates/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reply-templates'] }),
  });
}

/** Every category including deactivated ones (administrators reactivate them here). */
export function useAllCategories() {
  return useQuery({
    queryKey: ['request-categories', 'all'],
    queryFn: ({ signal }) => api.get<{ items: CategoryT[] }>('/request-categories', { includeInactive: 'true' }, signal),
  });
}

export function useCreateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CategoryIn) => api.post<CategoryT>('/request-categories', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['request-categories'] }),
    meta: silent,
  });
}

export function useUpdateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CategoryPatch }) => api.patch<CategoryT>(`/request-categories/${id}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['request-categories'] }),
    meta: silent,
  });
}

/** "540 分钟 = 9 小时 = 1 个工作日" — a working day is 9 working hours (08:30–17:30); a natural day 24 hours. */
export function minutesBreakdown(min: number | null | undefined, mode: 'working' | 'natural', lang: 'zh' | 'en'): string {
  if (!min || min <= 0) return '';
  const hours = +(min / 60).toFixed(2);
  const perDay = mode === 'working' ? 540 : 1440;
  const days = +(min / perDay).toFixed(2);
  if (lang === 'zh') return `= ${hours} 小时 = ${days} 个${mode === 'working' ? '工作日' : '自然日'}`;
  return `= ${hours} h = ${days} ${mode === 'working' ? 'working' : 'calendar'} day${days === 1 ? '' : 's'}`;
}
