import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, List, Modal, Radio, Rate, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import type { z } from 'zod';
import type { FollowUpCreate, RequestDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { api } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';
import { requestKeys } from './requests.api';
import { fmtLong } from './time';

type FollowUpInput = z.input<typeof FollowUpCreate>;
const methods = ['phone', 'visit', 'online'] as const;
const methodKey = (m: string) => (`req.followUp.method.${m}` as DictKey);

function useAddFollowUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpInput) => api.post<RequestDetail>(`/requests/${id}/follow-ups`, body),
    onSuccess: (r) => {
      qc.setQueryData(requestKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
    meta: { silent: true },
  });
}

/** 回访: the follow-ups recorded on a request; staff may add one (the server decides who and when). */
export function FollowUps({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ method: (typeof methods)[number]; rating?: number; note: string }>();
  const add = useAddFollowUp(r.id);
  const items = [...r.followUps].sort((a, b) => b.at.localeCompare(a.at));
  // The 待回访 queue links here as /requests/:id#follow-ups.
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#follow-ups') ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({ method: v.method, rating: v.rating || null, note: v.note.trim() });
      notifySuccess(t('req.followUp.saved'));
      setOpen(false);
    } catch (e) {
      applyServerErrors(form, e);
      notifyError(e); // 403 / 409: the server says why (not the responsible officer, not closed yet …)
    }
  };

  return (
    <Card
      title={t('req.followUp.title')}
      size="small"
      style={{ marginBottom: 16, scrollMarginTop: 80 }}
      id="follow-ups"
      ref={ref}
      data-testid="follow-ups"
      data-required={r.followUpRequired ? 'true' : 'false'}
      extra={
        <Button
          size="small"
          type={r.followUpRequired ? 'primary' : 'default'}
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
          data-testid="follow-up-add"
        >
          {t('req.followUp.add')}
        </Button>
      }
    >
      {r.followUpRequired ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('req.followUp.required')}
          description={r.rectificationBy ? t('req.followUp.rectifyBy', { t: fmtLong(r.rectificationBy) }) : undefined}
          data-testid="follow-up-required"
        />
      ) : null}
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(f) => (
            <List.Item data-testid="follow-up-entry" style={{ paddingInline: 0 }}>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={6} wrap align="center">
                  <Tag icon={f.method === 'phone' ? <PhoneOutlined /> : undefined}>{t(methodKey(f.method))}</Tag>
                  {f.rating ? <Tag color={f.rating <= 2 ? 'red' : 'green'}>{t(`req.rating.${f.rating as 1 | 2 | 3 | 4 | 5}`)}</Tag> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtLong(f.at)}{f.staffName ? ` · ${f.staffName}` : ''}
                  </Typography.Text>
                </Flex>
                {f.note ? <div className="yqt-req-desc" style={{ marginTop: 4 }}>{f.note}</div> : null}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('req.followUp.none')} style={{ margin: '8px 0' }} />
      )}
      <Modal
        open={open}
        title={t('req.followUp.add')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        okButtonProps={{ 'data-testid': 'follow-up-save' } as ButtonProps}
        destroyOnHidden
        width={isMobile ? '100%' : 520}
      >
        <Form form={form} layout="vertical" initialValues={{ method: 'phone' }} preserve={false}>
          <Form.Item name="method" label={t('req.followUp.method')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={methods.map((m) => ({ value: m, label: t(methodKey(m)) }))} data-testid="follow-up-method" />
          </Form.Item>
          <Form.Item name="rating" label={t('req.followUp.rating')} extra={t('req.followUp.ratingHint')}>
            <Rate count={5} tooltips={[1, 2, 3, 4, 5].map((n) => t(`req.rating.${n as 1 | 2 | 3 | 4 | 5}`))} data-testid="follow-up-rating" />
          </Form.Item>
          <Form.Item name="note" label={t('req.followUp.note')} rules={[{ required: true, whitespace: true, message: t('req.noteRequired') }, { max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('req.followUp.notePh')} data-testid="follow-up-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
