import { useEffect } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { StaffSelect } from '../staff/staff-select';
import { useAssignLiaison, useBulkAssign } from './grid.api';

type Values = { liaisonId: string | null; backupLiaisonId: string | null; reason?: string };
type Known = { id: string; name: string };

type Props = {
  open: boolean;
  onClose: () => void;
  /** One enterprise (PUT …/liaison) or several (POST /grid/assignments). */
  target: { kind: 'one'; enterpriseId: string; current: Values; known: Known[] } | { kind: 'bulk'; enterpriseIds: string[] };
  onDone?: () => void;
};

export function AssignLiaisonModal({ open, onClose, target, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const one = useAssignLiaison(target.kind === 'one' ? target.enterpriseId : '');
  const bulk = useBulkAssign();
  const pending = one.isPending || bulk.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (target.kind === 'one') form.setFieldsValue({ ...target.current, reason: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { liaisonId: v.liaisonId ?? null, backupLiaisonId: v.backupLiaisonId ?? null, reason: v.reason?.trim() || null };
    const onError = (e: Error) => {
      applyServerErrors(form, e);
      notifyError(e);
    };
    if (target.kind === 'one') {
      one.mutate(body, {
        onSuccess: () => {
          notifySuccess(t('assign.done'));
          onDone?.();
          onClose();
        },
        onError,
      });
    } else {
      if (!body.liaisonId) return;
      bulk.mutate(
        { ...body, liaisonId: body.liaisonId, enterpriseIds: target.enterpriseIds },
        {
          onSuccess: (r) => {
            notifySuccess(t('assign.bulkDone', { n: r.updated }));
            onDone?.();
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={target.kind === 'one' ? t('assign.title') : t('assign.bulkTitle', { n: target.enterpriseIds.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'assign-liaison-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="liaisonId"
          label={t('assign.liaison')}
          rules={target.kind === 'bulk' ? [{ required: true, message: t('assign.required') }] : []}
          extra={target.kind === 'one' ? t('assign.clear') : undefined}
        >
          <StaffSelect
            role="liaison"
            placeholder={t('assign.searchPlaceholder')}
            known={target.kind === 'one' ? target.known : undefined}
            data-testid="liaison-select"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="backupLiaisonId" label={t('assign.backup')}>
          <StaffSelect
            role="liaison"
            placeholder={t('assign.searchPlaceholder')}
            known={target.kind === 'one' ? target.known : undefined}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('assign.reason')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
