import type { FormInstance } from 'antd';
import { ApiError } from '../lib/api';
import { notifyError, notifySuccess } from './notify';

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

/** Places server field errors on the form when there are any; otherwise a notification. */
export function showFormError(form: FormInstance, e: unknown): void {
  if (!applyServerErrors(form, e)) notifyError(e);
}

/**
 * Callbacks for a dialog form's save mutation: on success a "saved" message and close; on failure the
 * server's field errors on the form plus the error notification.
 */
export function saveCallbacks(form: FormInstance, savedMessage: string, close: () => void) {
  return {
    onSuccess: () => {
      notifySuccess(savedMessage);
      close();
    },
    onError: (e: Error) => {
      applyServerErrors(form, e);
      notifyError(e);
    },
  };
}
