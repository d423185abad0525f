import { CameraOutlined, DeleteOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment, RequestDetail } from '@yqt/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Image, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { notifyError } from '../../shared/notify';
import { requestKeys } from './requests.api';

export const MAX_FILES = 9;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** Uploads one file to a request (the server sniffs the type and strips photo metadata). */
export function uploadAttachment(requestId: string, file: File, visibility: 'public' | 'internal' = 'public') {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.post<Attachment>(`/requests/${requestId}/attachments?visibility=${visibility}`, body);
}

/** Photo picker for the submit form: camera on phones, previews, at most 9 files of 10 MB. */
export function PhotoPicker({ value = [], onChange }: { value?: File[]; onChange?: (files: File[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => value.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [value]);
  useEffect(() => () => previews.forEach((u) => u && URL.revokeObjectURL(u)), [previews]);
  const add = (list: FileList | null) => {
    const picked = Array.from(list ?? []);
    const tooBig = picked.filter((f) => f.size > MAX_BYTES);
    if (tooBig.length) notifyError(new Error(t('req.fileTooBig', { name: tooBig[0]!.name })));
    onChange?.([...value, ...picked.filter((f) => f.size <= MAX_BYTES)].slice(0, MAX_FILES));
    if (input.current) input.current.value = '';
  };
  return (
    <Flex wrap gap={8} align="center">
      {value.map((f, i) => (
        <div key={`${f.name}-${i}`} style={{ position: 'relative', width: 72, height: 72, border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden', display: 'grid', placeItems: 'center' }}>
          {previews[i] ? <img src={previews[i]!} alt={f.name} style={{ width: '100%', height: '100%', objectFit: 'cover' }} /> : <FilePdfOutlined style={{ fontSize: 28 }} />}
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onChange?.(value.filter((_, j) => j !== i))} style={{ position: 'absolute', top: 0, right: 0, background: '#fffc' }} />
        </div>
      ))}
      {value.length < MAX_FILES ? (
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} style={{ height: 72 }}>
          {t('req.addPhotos')}
        </Button>
      ) : null}
      <input ref={input} type="file" accept={ACCEPT} multiple hidden onChange={(e) => add(e.target.files)} data-testid="request-photos" />
      <Typography.Text type="secondary" style={{ fontSize: 12, width: '100%' }}>{t('req.photosHint')}</Typography.Text>
    </Flex>
  );
}

/** The request's files; images open in a viewer, PDFs download. Either side may add while the request is open. */
export function Attachments({ r, canAdd }: { r: RequestDetail; canAdd: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const src = (a: Attachment) => `/api/v1/requests/${r.id}/attachments/${a.id}`;
  const add = async (list: FileList | null) => {
    setBusy(true);
    for (const f of Array.from(list ?? [])) {
      try {
        await uploadAttachment(r.id, f);
      } catch (e) {
        notifyError(e);
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    await qc.invalidateQueries({ queryKey: requestKeys.detail(r.id) });
  };
  if (!r.attachments.length && !canAdd) return null;
  return (
    <Card size="small" title={<><PaperClipOutlined /> {t('req.attachments')}</>} style={{ marginBottom: 16 }}
      extra={canAdd && r.attachments.length < MAX_FILES && !r.closedAt ? (
        <Button size="small" loading={busy} onClick={() => input.current?.click()} data-testid="attachment-add">{t('req.addAttachment')}</Button>
      ) : null}>
      <input ref={input} type="file" accept={ACCEPT} multiple hidden onChange={(e) => void add(e.target.files)} />
      {r.attachments.length ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {r.attachments.map((a) =>
              a.mime.startsWith('image/') ? (
                <div key={a.id} data-testid="attachment">
                  <Image src={src(a)} alt={a.filename} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />
                </div>
              ) : (
                <a key={a.id} href={src(a)} data-testid="attachment"><FilePdfOutlined /> {a.filename}</a>
              ),
            )}
          </Flex>
        </Image.PreviewGroup>
      ) : (
        <Typography.Text type="secondary">{t('req.noAttachments')}</Typography.Text>
      )}
    </Card>
  );
}
