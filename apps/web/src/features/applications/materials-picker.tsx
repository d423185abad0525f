import { useRef } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import { DeleteOutlined, FilePdfOutlined, FileImageOutlined, UploadOutlined } from '@ant-design/icons';
import type { MaterialChecklistItem } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { notifyError } from '../../shared/notify';

export const MATERIAL_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

/** 812 B / 35 KB / 1.2 MB */
export const fmtSize = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export const FileIcon = ({ mime }: { mime: string }) => (mime.startsWith('image/') ? <FileImageOutlined /> : <FilePdfOutlined />);

/** A hidden file input behind a button; hands over the files under 10 MB (the rest are reported). */
export function PickFiles({ onPick, label, loading, testId, size = 'small' }: { onPick: (files: File[]) => void; label: string; loading?: boolean; testId?: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const pick = (list: FileList | null) => {
    const all = Array.from(list ?? []);
    const tooBig = all.filter((f) => f.size > MAX_MATERIAL_BYTES);
    if (tooBig.length) notifyError(new Error(t('apl.fileTooBig', { name: tooBig[0]!.name })));
    const ok = all.filter((f) => f.size <= MAX_MATERIAL_BYTES);
    if (ok.length) onPick(ok);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <Button size={size} icon={<UploadOutlined />} loading={loading} onClick={() => input.current?.click()}>{label}</Button>
      <input ref={input} type="file" accept={MATERIAL_ACCEPT} multiple style={{ display: 'none' }} onChange={(e) => pick(e.target.files)} data-testid={testId} />
    </>
  );
}

/**
 * The application's materials checklist before submission: files are picked per item and kept in the
 * browser; they are uploaded right after the application is created (the server needs it first).
 */
export function MaterialsPicker({ items, value, onChange }: { items: MaterialChecklistItem[]; value: File[][]; onChange: (v: File[][]) => void }) {
  const { t } = useI18n();
  const set = (i: number, files: File[]) => onChange(items.map((_, j) => (j === i ? files : (value[j] ?? []))));
  if (!items.length) return <Typography.Text type="secondary">{t('apl.noChecklist')}</Typography.Text>;
  return (
    <div data-testid="materials-picker">
      {items.map((m, i) => {
        const files = value[i] ?? [];
        return (
          <div key={m.name} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="material-item" data-item={m.name}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ wordBreak: 'break-word' }}>{m.name}</Typography.Text>
                {m.required ? <Tag color="red">{t('apl.required')}</Tag> : <Tag>{t('apl.optional')}</Tag>}
                {files.length ? <Tag color="green">{t('apl.picked', { n: files.length })}</Tag> : null}
              </Flex>
              <PickFiles label={t('apl.pickFile')} onPick={(fs) => set(i, [...files, ...fs].slice(0, 10))} testId={`material-input-${i}`} />
            </Flex>
            {files.map((f, k) => (
              <Flex key={`${f.name}-${k}`} gap={6} align="center" style={{ marginTop: 4, fontSize: 13 }}>
                <FileIcon mime={f.type} />
                <Typography.Text ellipsis style={{ maxWidth: 240 }}>{f.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtSize(f.size)}</Typography.Text>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => set(i, files.filter((_, j) => j !== k))} />
              </Flex>
            ))}
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{t('apl.materialsHint')}</Typography.Text>
    </div>
  );
}
