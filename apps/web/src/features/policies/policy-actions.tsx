import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { CloudUploadOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { PolicyAction, PolicyDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { notifyError, notifySuccess, notifyWarning } from '../../shared/notify';
import { policyKeys, usePolicyAction } from './policies.api';

const icons: Record<PolicyAction, React.ReactNode> = { publish: <CloudUploadOutlined />, withdraw: <RollbackOutlined />, expire: <StopOutlined /> };

/** 发布 / 撤回（原因） / 标记过期, each confirmed; a stale version (409) reloads the policy. */
export function PolicyActions({ p }: { p: PolicyDetail }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const act = usePolicyAction(p.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const run = (action: PolicyAction, reason?: string) =>
    new Promise<void>((resolve, reject) => {
      act.mutate(
        { action, version: p.version, reason },
        {
          onSuccess: () => {
            notifySuccess(t(`pol.done.${action}`));
            resolve();
          },
          onError: (e) => {
            if (e instanceof ApiError && e.code === 'CONFLICT') {
              notifyWarning(t('pol.conflictReloaded'));
              void qc.invalidateQueries({ queryKey: policyKeys.detail(p.id) });
              resolve();
              return;
            }
            if (e instanceof ApiError && e.fieldErrors.some((d) => d.path === 'reason')) {
              form.setFields([{ name: 'reason', errors: e.fieldErrors.filter((d) => d.path === 'reason').map((d) => d.message) }]);
            }
            notifyError(e);
            reject(e);
          },
        },
      );
    });

  const confirm = (action: Exclude<PolicyAction, 'withdraw'>) =>
    modal.confirm({
      title: t(`pol.confirm.${action}`, { title: p.title }),
      content: t(`pol.confirmHint.${action}`),
      okText: t(`pol.action.${action}`),
      okButtonProps: { danger: action === 'expire', 'data-testid': `confirm-${action}` },
      onOk: () => run(action),
    });

  if (!p.allowedActions.length) return null;
  return (
    <>
      {p.allowedActions.map((a) => (
        <Button
          key={a}
          type={a === 'publish' ? 'primary' : 'default'}
          danger={a === 'withdraw'}
          icon={icons[a]}
          loading={act.isPending && act.variables?.action === a}
          onClick={() => (a === 'withdraw' ? setWithdrawing(true) : confirm(a))}
          data-testid={`policy-${a}`}
        >
          {t(`pol.action.${a}`)}
        </Button>
      ))}
      <Modal
        open={withdrawing}
        title={t('pol.confirm.withdraw', { title: p.title })}
        okText={t('pol.action.withdraw')}
        okButtonProps={{ danger: true, loading: act.isPending }}
        onCancel={() => setWithdrawing(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('pol.confirmHint.withdraw')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void run('withdraw', v.reason.trim()).then(() => setWithdrawing(false), () => undefined)}>
          <Form.Item name="reason" label={t('pol.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('pol.withdrawReasonRequired') }, { max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
