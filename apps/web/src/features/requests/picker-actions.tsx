import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { RequestAction, RequestDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { StaffSelect } from '../staff/staff-select';
import { useDepartments } from '../staff/staff.api';
import { useActionLabel } from './labels';
import { useRequestPage } from './requests.api';
import { fmtShort } from './time';
import { NOTE_REQUIRED, useAct } from './use-act';

/** Actions that need a target: a department, an officer, a leader or another request. */
export const PICKER_ACTIONS = ['transfer', 'reassign', 'markKeyIssue', 'merge'] as const;
export type PickerAction = (typeof PICKER_ACTIONS)[number];

const field: Record<PickerAction, 'departmentId' | 'liaisonId' | 'leaderId' | 'mergedIntoId'> = {
  transfer: 'departmentId',
  reassign: 'liaisonId',
  markKeyIssue: 'leaderId',
  merge: 'mergedIntoId',
};

type Values = { target?: string | null; note?: string };

function DepartmentPicker(props: { value?: string | null; onChange?: (v: string | null) => void; exclude?: string | null }) {
  const { t } = useI18n();
  const q = useDepartments();
  return (
    <Select
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      loading={q.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('req.pick.department')}
      options={(q.data?.items ?? []).filter((d) => d.id !== props.exclude).map((d) => ({ value: d.id, label: `${d.name}（${t('req.pick.staffCount', { n: d.staffCount })}）` }))}
      style={{ width: '100%' }}
      data-testid="picker-department"
    />
  );
}

function MergeTargetPicker(props: { value?: string | null; onChange?: (v: string | null) => void; request: RequestDetail }) {
  const { t } = useI18n();
  const q = useRequestPage({ enterpriseId: props.request.enterpriseId, status: 'open', pageSize: 100, sort: '-receivedAt' });
  const options = (q.data?.items ?? [])
    .filter((r) => r.id !== props.request.id)
    .map((r) => ({ value: r.id, label: `${r.number} · ${r.title} · ${fmtShort(r.receivedAt)}` }));
  return (
    <Select
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      loading={q.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('req.pick.mergeTarget')}
      notFoundContent={q.isLoading ? '…' : t('req.pick.noMergeTarget')}
      options={options}
      style={{ width: '100%' }}
      data-testid="picker-merge"
    />
  );
}

/** Buttons for the picker actions in allowedActions; each opens a modal with the picker and a note. */
export function PickerActions({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState<PickerAction | null>(null);
  const [form] = Form.useForm<Values>();
  const { run, pending } = useAct(request);
  const actions = PICKER_ACTIONS.filter((a) => request.allowedActions.includes(a));
  if (!actions.length) return null;

  const submit = async () => {
    if (!open) return;
    const v = await form.validateFields();
    const ok = await run(open, { note: v.note?.trim() || null, [field[open]]: v.target ?? undefined }, (msg) =>
      form.setFields([{ name: 'note', errors: [msg] }]),
    );
    if (ok) setOpen(null);
  };

  const picker = (a: PickerAction) => {
    switch (a) {
      case 'transfer':
        return <DepartmentPicker exclude={request.departmentId} />;
      case 'reassign':
        return <StaffSelect role="liaison" placeholder={t('req.pick.liaison')} style={{ width: '100%' }} data-testid="picker-liaison" />;
      case 'markKeyIssue':
        return <StaffSelect role="leader" placeholder={t('req.pick.leader')} style={{ width: '100%' }} data-testid="picker-leader" />;
      case 'merge':
        return <MergeTargetPicker request={request} />;
    }
  };

  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          block={isMobile}
          onClick={() => {
            form.resetFields();
            setOpen(a);
          }}
          data-testid={`request-action-${a}`}
        >
          {actionLabel(a)}
        </Button>
      ))}
      <Modal
        open={!!open}
        title={open ? actionLabel(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okText={open ? actionLabel(open) : t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={pending}
        okButtonProps={{ 'data-testid': 'picker-confirm' } as ButtonProps}
        destroyOnHidden
        width={isMobile ? '100%' : 520}
      >
        {open ? (
          <Form form={form} layout="vertical" preserve={false}>
            {open === 'merge' ? <Alert type="info" showIcon title={t('req.pick.mergeHint')} style={{ marginBottom: 12 }} /> : null}
            {open === 'markKeyIssue' ? <Alert type="info" showIcon title={t('req.pick.keyIssueHint')} style={{ marginBottom: 12 }} /> : null}
            {open === 'transfer' ? <Alert type="info" showIcon title={t('req.pick.transferHint')} style={{ marginBottom: 12 }} /> : null}
            <Form.Item name="target" label={t(`req.pick.label.${open}`)} rules={[{ required: true, message: t(`req.pick.required.${open}`) }]}>
              {picker(open)}
            </Form.Item>
            <Form.Item
              name="note"
              label={t('req.note')}
              rules={[{ required: NOTE_REQUIRED.has(open as RequestAction), whitespace: true, message: t('req.noteRequired') }, { max: 2000 }]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="picker-note" />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
