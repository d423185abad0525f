import { useRef, useState } from 'react';
import { Button, Empty, Flex, List, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import type { PolicyDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { fmtDateTime } from '../../shared/format';
import { notifyError, notifySuccess } from '../../shared/notify';
import { attachmentUrl, usePolicyAttachments } from './policies.api';
import { fmtSize } from './policy-content';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp';
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 20;

/** 附件: upload (PDF, Word, Excel, images; ≤ 10 MB, ≤ 20 per policy) and delete. */
export function PolicyAttachmentsTab({ p }: { p: PolicyDetail }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const { upload, remove } = usePolicyAttachments(p.id);
  const [busy, setBusy] = useState(false);

  const add = async (files: FileList | null) => {
    setBusy(true);
    let ok = 0;
    for (const f of Array.from(files ?? [])) {
      if (f.size > MAX_BYTES) {
        notifyError(new Error(t('pol.att.tooBig', { name: f.name })));
        continue;
      }
      try {
        await upload.mutateAsync(f);
        ok++;
      } catch {
        /* notified by the mutation cache */
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    if (ok) notifySuccess(t('pol.att.uploaded', { n: ok }));
  };

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button icon={<UploadOutlined />} loading={busy} disabled={p.attachments.length >= MAX_FILES} onClick={() => input.current?.click()} data-testid="attachment-upload">
          {t('pol.att.upload')}
        </Button>
        <Typography.Text type="secondary">{t('pol.att.hint')}</Typography.Text>
        <input ref={input} type="file" accept={ACCEPT} multiple hidden onChange={(e) => void add(e.target.files)} data-testid="attachment-input" />
      </Flex>
      <List
        dataSource={p.attachments}
        locale={{ emptyText: <Empty description={t('pol.att.none')} /> }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Popconfirm key="del" title={t('pol.att.deleteConfirm', { name: a.filename })} onConfirm={() => remove.mutate(a.id, { onSuccess: () => notifySuccess(t('common.deleted')) })}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              avatar={<FileOutlined style={{ fontSize: 20 }} />}
              title={<a href={attachmentUrl(p.id, a.id)} target="_blank" rel="noopener noreferrer">{a.filename}</a>}
              description={`${fmtSize(a.size)} · ${fmtDateTime(a.createdAt)}`}
            />
          </List.Item>
        )}
      />
    </>
  );
}
