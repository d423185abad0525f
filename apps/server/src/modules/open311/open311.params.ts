import { AppError } from '../../core/errors.js';

/** A 400 in the spec's error format ("the request can not be fulfilled as expected"). */
export const badRequest = (description: string) => new AppError('BAD_REQUEST', description);
/** A 403: missing, invalid or inactive api_key. */
export const keyRefused = (description: string) => new AppError('FORBIDDEN', description);
/** A 404: a jurisdiction, service or request that does not exist. */
export const missing = (description: string) => new AppError('NOT_FOUND', description);

/**
 * Query or form parameters. Per the spec an empty parameter is the same as an absent one, and
 * list parameters may be repeated and/or comma-delimited.
 */
export class Params {
  constructor(private readonly raw: Record<string, unknown>) {}

  static of(raw: unknown) {
    return new Params(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
  }

  private values(name: string): string[] {
    const v = this.raw[name];
    const all = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    return all.map((x) => String(x).trim()).filter((x) => x !== '');
  }

  /** One value; a parameter given twice with different values is refused rather than guessed. */
  one(name: string): string | undefined {
    const vs = [...new Set(this.values(name))];
    if (vs.length > 1) throw badRequest(`参数 ${name} 只能提供一个值`);
    return vs[0];
  }

  /** Repeated and comma-delimited values, de-duplicated. */
  many(name: string): string[] {
    return [...new Set(this.values(name).flatMap((v) => v.split(',').map((x) => x.trim()).filter(Boolean)))];
  }

  /** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2` → { code: [v…] }. */
  attributes(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [k, v] of Object.entries(this.raw)) {
      const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
      if (!m) continue;
      const vals = (Array.isArray(v) ? v : [v]).map((x) => String(x ?? '').trim()).filter((x) => x !== '');
      if (vals.length) out.set(m[1]!, [...(out.get(m[1]!) ?? []), ...vals]);
    }
    return out;
  }
}

const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time (the ISO 8601 subset the spec requires, with a time zone). A bare date is
 * taken as midnight China time, the zone every operator of this product works in.
 */
export function w3cDate(name: string, v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = W3C.test(v) ? new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v) : null;
  if (!d || Number.isNaN(d.getTime())) throw badRequest(`${name} 应为 W3C 日期时间格式并带时区，例如 2026-01-01T00:00:00+08:00`);
  return d;
}

export function coordinate(name: 'lat' | 'long', v: string): number {
  const n = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  const limit = name === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw badRequest(`${name} 应为 WGS84 ${name === 'lat' ? '纬度（-90 至 90）' : '经度（-180 至 180）'}`);
  return n;
}
