import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Timeline, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { EnterpriseDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { fmtDate } from '../../shared/format';
import { AssignLiaisonModal } from '../grid/assign-liaison-modal';

export function LiaisonCard({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const known = [
    ...(e.liaisonId && e.liaisonName ? [{ id: e.liaisonId, name: e.liaisonName }] : []),
    ...(e.backupLiaisonId && e.backupLiaisonName ? [{ id: e.backupLiaisonId, name: e.backupLiaisonName }] : []),
  ];
  return (
    <Card
      title={t('ent.liaisonCard')}
      extra={
        e.abilities.assignLiaison ? (
          <Button size="small" icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid="assign-liaison">
            {t('assign.button')}
          </Button>
        ) : null
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('ent.liaison')}>
          <span data-testid="liaison-name">{e.liaisonName ?? t('ent.notAssigned')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ent.backupLiaison')}>{e.backupLiaisonName ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 8 }}>{t('ent.history')}</Typography.Title>
      {e.liaisonHistory.length ? (
        <Timeline
          data-testid="liaison-history"
          items={e.liaisonHistory.map((h) => ({
            key: h.id,
            color: h.endedAt ? 'gray' : 'green',
            title: `${fmtDate(h.startedAt)} ~ ${h.endedAt ? fmtDate(h.endedAt) : t('ent.historyCurrent')}`,
            content: (
              <div>
                <div>
                  <b>{h.liaisonName ?? t('ent.notAssigned')}</b>
                  {h.backupLiaisonName ? ` / ${t('ent.backupLiaison')}: ${h.backupLiaisonName}` : ''}
                </div>
                {h.reason ? <Typography.Text type="secondary">{t('ent.reason', { reason: h.reason })}</Typography.Text> : null}
                {h.assignedByName ? (
                  <div><Typography.Text type="secondary">{t('ent.assignedBy', { name: h.assignedByName })}</Typography.Text></div>
                ) : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.noHistory')} />
      )}
      {e.abilities.assignLiaison ? (
        <AssignLiaisonModal
          open={open}
          onClose={() => setOpen(false)}
          target={{
            kind: 'one',
            enterpriseId: e.id,
            current: { liaisonId: e.liaisonId, backupLiaisonId: e.backupLiaisonId },
            known,
          }}
        />
      ) : null}
    </Card>
  );
}
