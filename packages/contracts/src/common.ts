import { z } from 'zod';

export const Id = z.string().uuid();
export const IdParams = z.object({ id: Id });

/** Page query shared by every list. Page size is capped so work stays proportional to the page. */
export const PageQuery = z.object({
  // Bounded: an offset beyond PostgreSQL's bigint would be a 500, not a 400.
  page: z.coerce.number().int().min(1).max(100_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const IsoDateTime = z.string().describe('ISO 8601 date-time with offset');
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

export const Ok = z.object({ ok: z.literal(true) });

/** Trimmed non-empty text with a length limit; messages are Chinese for the UI. */
export const text = (max: number) =>
  z.string().trim().min(1, '不能为空').max(max, `不能超过${max}个字符`);
export const optText = (max: number) =>
  z.string().trim().max(max, `不能超过${max}个字符`).nullish().transform((v) => (v ? v : null));
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
  .nullish()
  .or(z.literal('').transform(() => null));
