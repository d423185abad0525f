import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationAction, ApplicationDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';
import { applicationKeys, useApplicationAction, type ApplicationActionInput } from './applications.api';
import { useApplicationActionLabel, useWan } from './labels';

/** Staff actions first, in workflow order; the enterprise's own after. */
const ORDER: ApplicationAction[] = ['precheck', 'approve', 'disburse', 'return', 'reject', 'resubmit', 'withdraw'];
const REASON: ReadonlySet<ApplicationAction> = new Set(['return', 'reject']);
const DANGER: ReadonlySet<ApplicationAction> = new Set(['reject', 'withdraw']);
const PRIMARY: ReadonlySet<ApplicationAction> = new Set(['precheck', 'approve', 'disburse', 'resubmit']);

type Values = {
  note?: string;
  internal?: boolean;
  reason?: string;
  amountWan?: number | null;
  disbursedOn?: Dayjs;
  reference?: string;
  requestedAmountWan?: number | null;
  form?: { contactName?: string | null; contactPhone?: string | null; statement?: string | null };
};

/**
 * The handling panel: one button per allowed action (the server's `allowedActions`), each opening a
 * small form — reason for 退回补正 / 不予通过, amount for 审核通过, amount + date + reference for 拨付,
 * the completed form for 重新提交. Sent with the version the user saw; 409 reloads the application.
 */
export function ApplicationActions({ app, staff }: { app: ApplicationDetail; staff: boolean }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const actionLabel = useApplicationActionLabel();
  const wan = useWan();
  const qc = useQueryClient();
  const m = useApplicationAction();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  const [form] = Form.useForm<Values>();
  const actions = ORDER.filter((a) => app.allowedActions.includes(a));
  if (!actions.length) return null;

  const amountRequired = app.policy.maxAmountWan !== null || app.requestedAmountWan !== null;
  const disburseAmount = app.approvedAmountWan !== null;

  const start = (a: ApplicationAction) => {
    form.resetFields();
    form.setFieldsValue(
      a === 'approve'
        ? { amountWan: app.requestedAmountWan ?? undefined }
        : a === 'disburse'
          ? { amountWan: app.approvedAmountWan ?? undefined, disbursedOn: dayjs() }
          : a === 'resubmit'
            ? { requestedAmountWan: app.requestedAmountWan, form: { contactName: app.form.contactName, contactPhone: app.form.contactPhone, statement: app.form.statement } }
            : {},
    );
    setOpen(a);
  };

  const submit = async () => {
    if (!open) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const note = v.note?.trim() || null;
    const body: ApplicationActionInput = { version: app.version, note, visibility: staff && v.internal && note ? 'internal' : 'public' };
    if (REASON.has(open)) body.reason = v.reason?.trim() || null;
    if (open === 'approve' && v.amountWan != null) body.amountWan = v.amountWan;
    if (open === 'disburse') {
      if (v.amountWan != null) body.amountWan = v.amountWan;
      body.disbursedOn = v.disbursedOn?.format('YYYY-MM-DD');
      body.reference = v.reference?.trim() || null;
    }
    if (open === 'resubmit') {
      body.requestedAmountWan = v.requestedAmountWan ?? null;
      // The stored form with the corrected contact and statement (the rest stays as submitted).
      const f = app.form;
      body.form = {
        enterpriseName: f.enterpriseName ?? null,
        creditCode: f.creditCode ?? null,
        legalRepresentative: f.legalRepresentative ?? null,
        address: f.address ?? null,
        contactName: (v.form?.contactName ?? '').trim(),
        contactPhone: (v.form?.contactPhone ?? '').trim(),
        indicatorYear: f.indicatorYear ?? null,
        operatingRevenue: f.operatingRevenue ?? null,
        rdExpense: f.rdExpense ?? null,
        netProfit: f.netProfit ?? null,
        totalAssets: f.totalAssets ?? null,
        totalStaff: f.totalStaff ?? null,
        rdStaff: f.rdStaff ?? null,
        ipClass1: f.ipClass1 ?? null,
        ipClass2: f.ipClass2 ?? null,
        statement: v.form?.statement?.trim() || null,
      };
    }
    const action = open;
    m.mutate(
      { id: app.id, action, body },
      {
        onSuccess: () => {
          notifySuccess(t('apl.actionDone', { action: actionLabel(action) }));
          setOpen(null);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            void qc.invalidateQueries({ queryKey: applicationKeys.detail(app.id) });
            void qc.invalidateQueries({ queryKey: ['applications', 'list'] });
            setOpen(null);
          } else applyServerErrors(form, e);
          notifyError(e);
        },
      },
    );
  };

  const amountInput = (testId: string) => <InputNumber style={{ width: '100%' }} min={0} precision={2} suffix={t('ind.unit.wan')} inputMode="decimal" data-testid={testId} />;

  return (
    <Card title={t('apl.actions')} size="small" style={{ marginBottom: 16 }} data-testid="application-actions">
      <Flex gap={8} wrap vertical={isMobile}>
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            block={isMobile}
            size={isMobile ? 'large' : 'middle'}
            onClick={() => start(a)}
            data-testid={`application-action-${a}`}
          >
            {actionLabel(a)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={!!open}
        title={open ? actionLabel(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        confirmLoading={m.isPending}
        okText={open ? actionLabel(open) : t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'action-confirm', danger: !!open && DANGER.has(open) } as ButtonProps}
        destroyOnHidden
        centered={isMobile}
      >
        <Form<Values> form={form} layout="vertical" preserve={false}>
          {open === 'precheck' ? <Typography.Paragraph type="secondary">{t('apl.hint.precheck')}</Typography.Paragraph> : null}
          {open === 'withdraw' ? <Typography.Paragraph type="warning">{t('apl.hint.withdraw')}</Typography.Paragraph> : null}
          {open && REASON.has(open) ? (
            <Form.Item name="reason" label={t('apl.reason')} rules={[{ required: true, whitespace: true, message: t('apl.reasonRequired') }, { max: 500 }]} extra={t('apl.reasonHint')}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-reason" />
            </Form.Item>
          ) : null}
          {open === 'approve' ? (
            <Form.Item
              name="amountWan"
              label={t('apl.approvedAmount')}
              rules={[{ required: amountRequired, message: t('apl.amountRequired') }]}
              extra={[
                app.requestedAmountWan !== null ? t('apl.requestedWas', { amount: wan(app.requestedAmountWan) }) : null,
                app.policy.maxAmountWan !== null ? t('apl.maxIs', { amount: wan(app.policy.maxAmountWan) }) : null,
              ].filter(Boolean).join('；')}
            >
              {amountInput('action-amount')}
            </Form.Item>
          ) : null}
          {open === 'disburse' ? (
            <>
              {disburseAmount ? (
                <Form.Item name="amountWan" label={t('apl.disbursedAmount')} rules={[{ required: true, message: t('apl.amountRequired') }]} extra={t('apl.approvedWas', { amount: wan(app.approvedAmountWan) })}>
                  {amountInput('action-amount')}
                </Form.Item>
              ) : null}
              <Form.Item name="disbursedOn" label={t('apl.disbursedOn')} rules={[{ required: true, message: t('apl.disbursedOnRequired') }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="action-date" />
              </Form.Item>
              <Form.Item name="reference" label={t('apl.reference')} rules={[{ required: true, whitespace: true, message: t('apl.referenceRequired') }, { max: 100 }]}>
                <Input maxLength={100} data-testid="action-reference" />
              </Form.Item>
            </>
          ) : null}
          {open === 'resubmit' ? (
            <>
              <Typography.Paragraph type="secondary">{t('apl.hint.resubmit')}</Typography.Paragraph>
              <Form.Item name="requestedAmountWan" label={t('apl.requestedAmount')}>
                <InputNumber style={{ width: '100%' }} min={0} max={app.policy.maxAmountWan ?? undefined} precision={2} suffix={t('ind.unit.wan')} />
              </Form.Item>
              <Flex gap={8}>
                <Form.Item name={['form', 'contactName']} label={t('apl.f.contactName')} rules={[{ required: true, whitespace: true, message: t('apl.contactNameRequired') }]} style={{ flex: 1 }}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name={['form', 'contactPhone']} label={t('apl.f.contactPhone')} rules={[{ required: true, whitespace: true, message: t('apl.contactPhoneRequired') }]} style={{ flex: 1 }}>
                  <Input maxLength={20} inputMode="tel" />
                </Form.Item>
              </Flex>
              <Form.Item name={['form', 'statement']} label={t('apl.f.statement')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="note" label={t('apl.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('apl.notePh')} data-testid="action-note" />
          </Form.Item>
          {staff ? (
            <Flex align="center" gap={8}>
              <Form.Item name="internal" valuePropName="checked" noStyle>
                <Switch size="small" />
              </Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('apl.internalNote')}</Typography.Text>
            </Flex>
          ) : null}
        </Form>
      </Modal>
    </Card>
  );
}
