import type { ErrorCode, ErrorDetail } from '@yqt/contracts';

export const API_BASE = '/api/v1';

/** Error thrown for every non-2xx answer; carries the server's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: ErrorDetail[] | Record<string, unknown> | null;
  readonly requestId: string | null;

  constructor(
    status: number,
    body: { code: ErrorCode | 'NETWORK'; message: string; details?: unknown; requestId?: string | null },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = (body.details ?? null) as ApiError['details'];
    this.requestId = body.requestId ?? null;
  }

  /** Field errors of a 400 VALIDATION_FAILED, if any. */
  get fieldErrors(): ErrorDetail[] {
    return Array.isArray(this.details) ? this.details : [];
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds `?a=1&b=2`, skipping empty values. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal };

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: '网络连接失败，请稍后重试' });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code: ErrorCode; message: string; details?: unknown; requestId?: string } } | null)
      ?.error;
    throw new ApiError(res.status, err ?? { code: 'INTERNAL', message: `请求失败（HTTP ${res.status}）` });
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
