import { useQueryClient } from '@tanstack/react-query';
import type { RequestAction, RequestDetail } from '@yqt/contracts';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../app/i18n';
import { useActionLabel } from './labels';
import { notifyError, notifySuccess } from '../../shared/notify';
import { requestKeys, useRequestAction, type ActionInput } from './requests.api';

/** Actions whose note the server requires (lifecycle `noteRequired`). */
export const NOTE_REQUIRED: ReadonlySet<RequestAction> = new Set(['feedback', 'resolve', 'returnForInfo', 'reply', 'reopen', 'reject', 'handBack', 'reassign', 'markKeyIssue', 'merge']);

/**
 * Runs one action with the version the user saw. Resolves true on success; on 409 shows the message
 * and reloads the request; on a 400 about the note calls `onNoteError` so the form can mark the box.
 */
export function useAct(request: RequestDetail) {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const qc = useQueryClient();
  const m = useRequestAction();
  const run = async (action: RequestAction, body: Omit<ActionInput, 'version'>, onNoteError?: (msg: string) => void): Promise<boolean> => {
    try {
      await m.mutateAsync({ id: request.id, action, body: { ...body, version: request.version } });
      notifySuccess(t('req.actionDone', { action: actionLabel(action) }));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        void qc.invalidateQueries({ queryKey: requestKeys.detail(request.id) });
        void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      }
      const noteErr = e instanceof ApiError ? e.fieldErrors.find((d) => d.path === 'note') : undefined;
      if (noteErr && onNoteError) onNoteError(noteErr.message);
      notifyError(e);
      return false;
    }
  };
  return { run, pending: m.isPending };
}
