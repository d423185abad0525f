import type { FormInstance } from 'antd';
import { ApiError } from '../lib/api';

/**
 * Maps a 400 VALIDATION_FAILED `details` array onto form fields ("contacts.0.phone" → ['contacts', 0, 'phone']).
 * Returns true when at least one field error was placed.
 */
export function applyServerErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fieldErrors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = err.fieldErrors
    .map((d) => ({
      name: d.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [d.message],
    }))
    .filter((f) => f.name.length > 0 && known.has(String(f.name[0])));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
