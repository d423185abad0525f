import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { RequestSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { api, ApiError } from '../../lib/api';
import { notifyError, notifySuccess, notifyWarning } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';
import { StaffSelect } from '../staff/staff-select';

type Values = { liaisonId?: string | null; note?: string };

/**
 * 批量改派: one officer and one note for every selected open request, one POST each with the version
 * the user saw. The server decides per request (409 someone else changed it, 403 not this park's manager).
 */
export function BulkReassign({ rows, onDone }: { rows: RequestSummary[]; onDone: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const body = { liaisonId: v.liaisonId!, note: v.note!.trim() };
    setBusy(true);
    let ok = 0;
    let conflict = 0;
    let forbidden = 0;
    let failed = 0;
    let invalid: ApiError | null = null;
    for (const r of rows) {
      try {
        await api.post(`/requests/${r.id}/actions/reassign`, { ...body, version: r.version });
        ok++;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) conflict++;
        else if (e instanceof ApiError && e.status === 403) forbidden++;
        else if (e instanceof ApiError && e.status === 400) {
          // The officer or the note was refused: the same answer for every row, so stop and show it.
          invalid = e;
          break;
        } else failed++;
      }
    }
    setBusy(false);
    void qc.invalidateQueries({ queryKey: ['requests'] });
    if (invalid && ok === 0 && conflict === 0 && forbidden === 0 && failed === 0) {
      const fields = invalid.fieldErrors.filter((d) => d.path === 'liaisonId' || d.path === 'note');
      form.setFields(fields.map((d) => ({ name: d.path as 'liaisonId' | 'note', errors: [d.message] })));
      notifyError(invalid);
      return;
    }
    if (invalid) failed += rows.length - ok - conflict - forbidden - failed;
    setOpen(false);
    onDone();
    const msg = t('req.bulkReassignResult', { ok, conflict, forbidden, failed });
    if (conflict || forbidden || failed) notifyWarning(msg);
    else notifySuccess(msg);
  };

  return (
    <>
      <Button
        icon={<SwapOutlined />}
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
        data-testid="bulk-reassign"
      >
        {t('req.bulkReassign')}
        {` (${rows.length})`}
      </Button>
      <Modal
        open={open}
        title={t('req.bulkReassign')}
        onCancel={() => (busy ? undefined : setOpen(false))}
        onOk={() => void submit()}
        okText={t('req.bulkReassign')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'bulk-reassign-confirm' } as ButtonProps}
        forceRender
        width={isMobile ? '100%' : 520}
      >
        <Typography.Paragraph type="secondary">{t('req.bulkReassignHint', { n: rows.length })}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="liaisonId" label={t('req.pick.label.reassign')} rules={[{ required: true, message: t('req.pick.required.reassign') }]}>
            <StaffSelect role="liaison" placeholder={t('req.pick.liaison')} style={{ width: '100%' }} data-testid="bulk-reassign-liaison" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('req.note')}
            rules={[{ required: true, whitespace: true, message: t('req.noteRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="bulk-reassign-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
