import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import type { RequestAction, RequestDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useActionLabel } from './labels';
import { NOTE_REQUIRED, useAct } from './use-act';

const CONTACT_ACTIONS: RequestAction[] = ['reply', 'confirm', 'rate', 'reopen'];
const ratingIcon = (n: number) => (n >= 4 ? <SmileOutlined /> : n === 3 ? <MehOutlined /> : <FrownOutlined />);
const ratingColor = (n: number) => (n >= 4 ? '#52c41a' : n === 3 ? '#faad14' : '#ff4d4f');

/** An enterprise contact's buttons (补充 / 确认办结 / 评价 / 重新打开), each opening a small modal. */
export function ContactActions({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState<RequestAction | null>(null);
  const [form] = Form.useForm<{ note?: string; rating?: number }>();
  const rating = Form.useWatch('rating', form);
  const { run, pending } = useAct(request);
  // Rating is once only (the server answers 409 to a second one).
  const actions = CONTACT_ACTIONS.filter((a) => request.allowedActions.includes(a) && !(a === 'rate' && request.rating !== null));
  if (!actions.length) return null;

  const submit = async () => {
    if (!open) return;
    const v = await form.validateFields();
    const ok = await run(open, { note: v.note?.trim() || null, ...(open === 'rate' ? { rating: v.rating } : {}) }, (msg) =>
      form.setFields([{ name: 'note', errors: [msg] }]),
    );
    if (ok) setOpen(null);
  };

  return (
    <>
      <Flex gap={8} wrap vertical={isMobile}>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'confirm' || a === 'reply' ? 'primary' : 'default'}
            size={isMobile ? 'large' : 'middle'}
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
      </Flex>
      <Modal
        open={!!open}
        title={open ? actionLabel(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        confirmLoading={pending}
        okText={open ? actionLabel(open) : t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'action-confirm', danger: open === 'rate' && !!rating && rating <= 2 } as ButtonProps}
        destroyOnHidden
        centered={isMobile}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'confirm' ? <Typography.Paragraph>{t('req.confirmHint')}</Typography.Paragraph> : null}
          {open === 'rate' ? (
            <Form.Item name="rating" label={t('req.rating')} rules={[{ required: true, message: t('req.rateRequired') }]}>
              <Radio.Group style={{ width: '100%' }}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {[5, 4, 3, 2, 1].map((n) => (
                    <Radio key={n} value={n}>
                      <span data-testid={`request-rating-${n}`} style={{ color: ratingColor(n) }}>
                        {ratingIcon(n)} {t(`req.rating.${n as 1 | 2 | 3 | 4 | 5}`)}
                      </span>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
          ) : null}
          {open === 'rate' && rating && rating <= 2 ? (
            <Alert type="warning" showIcon title={t('req.rateLowWarn')} style={{ marginBottom: 12 }} data-testid="rate-low-warning" />
          ) : null}
          {open && open !== 'confirm' ? (
            <Form.Item
              name="note"
              label={t('req.note')}
              rules={[{ required: NOTE_REQUIRED.has(open), whitespace: true, message: t('req.noteRequired') }, { max: 2000 }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t(open === 'reply' ? 'req.notePh.reply' : open === 'reopen' ? 'req.notePh.reopen' : 'req.notePh.rate')}
                data-testid="request-note"
              />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
