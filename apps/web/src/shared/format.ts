import dayjs from 'dayjs';

export const fmtDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const fmtDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '');
export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
