import { Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, ExclamationCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { ApplicationDetail, ApplicationMaterial } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { fmtDateTime } from '../../shared/format';
import { notifyError } from '../../shared/notify';
import { materialUrl, useRemoveMaterial, useUploadMaterial } from './applications.api';
import { FileIcon, fmtSize, PickFiles } from './materials-picker';

/** The checklist with the files uploaded per item; missing required items flagged; upload / delete while allowed. */
export function MaterialsCard({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const upload = useUploadMaterial(app.id);
  const remove = useRemoveMaterial(app.id);
  const checklist = app.policy.materials;
  const names = new Set(checklist.map((m) => m.name));
  const other = app.materials.filter((m) => !names.has(m.item));
  const missing = new Set(app.missingMaterials);

  const add = async (item: string, files: File[]) => {
    for (const file of files) await upload.mutateAsync({ item, file }).catch(notifyError);
  };
  const fileRow = (m: ApplicationMaterial) => (
    <Flex key={m.id} gap={6} align="center" style={{ marginTop: 4, fontSize: 13 }} data-testid="material-file">
      <FileIcon mime={m.mime} />
      <a href={materialUrl(app.id, m.id)} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>{m.filename}</a>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {fmtSize(m.size)} · {fmtDateTime(m.createdAt)}
      </Typography.Text>
      {m.canDelete ? (
        <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(m.id, { onError: notifyError })} okText={t('common.delete')} cancelText={t('common.cancel')}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      ) : null}
    </Flex>
  );

  return (
    <Card size="small" title={<><PaperClipOutlined /> {t('apl.sec.materials')}</>} style={{ marginBottom: 16 }} data-testid="application-materials">
      {checklist.length === 0 && app.materials.length === 0 ? <Typography.Text type="secondary">{t('apl.noChecklist')}</Typography.Text> : null}
      {checklist.map((c, i) => {
        const files = app.materials.filter((m) => m.item === c.name);
        return (
          <div key={c.name} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="material-item" data-item={c.name} data-missing={missing.has(c.name)}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ wordBreak: 'break-word' }}>{c.name}</Typography.Text>
                {c.required ? <Tag color="red">{t('apl.required')}</Tag> : <Tag>{t('apl.optional')}</Tag>}
                {missing.has(c.name) ? <Tag icon={<ExclamationCircleOutlined />} color="warning">{t('apl.missing')}</Tag> : null}
              </Flex>
              {app.canUpload ? (
                <PickFiles label={t('apl.upload')} loading={upload.isPending && upload.variables?.item === c.name} onPick={(fs) => void add(c.name, fs)} testId={`material-upload-${i}`} />
              ) : null}
            </Flex>
            {files.map(fileRow)}
          </div>
        );
      })}
      {other.map(fileRow)}
      {app.missingMaterials.length && app.canUpload ? (
        <Typography.Text type="warning" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{t('apl.missingHint')}</Typography.Text>
      ) : null}
    </Card>
  );
}
