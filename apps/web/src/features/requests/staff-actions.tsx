import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { RequestAction, RequestDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useReplyTemplates } from './requests.api';
import { useActionLabel } from './labels';
import { NOTE_REQUIRED, useAct } from './use-act';
import { PICKER_ACTIONS, PickerActions } from './picker-actions';

/**
 * Note-only actions handled here (one shared note box). transfer / reassign / markKeyIssue / merge need a
 * department, officer, leader or target request and open their own modal (PickerActions).
 */
const STAFF_ACTIONS: RequestAction[] = ['accept', 'deptAccept', 'feedback', 'resolve', 'returnForInfo', 'handBack', 'reject'];

/** The handling panel: one note box (with quick replies), public/internal for feedback, buttons per allowedActions. */
export function StaffActions({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<{ note?: string; internal?: boolean }>();
  const [busy, setBusy] = useState<RequestAction | null>(null);
  const actions = STAFF_ACTIONS.filter((a) => request.allowedActions.includes(a));
  const hasPicker = PICKER_ACTIONS.some((a) => request.allowedActions.includes(a));
  const templates = useReplyTemplates(actions.length > 0);
  const { run } = useAct(request);

  if (!actions.length && !hasPicker)
    return (
      <Card title={t('req.actionsPanel')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('req.noActions')}</Typography.Text>
      </Card>
    );

  const start = (action: RequestAction) => {
    const note = ((form.getFieldValue('note') as string | undefined) ?? '').trim();
    if (NOTE_REQUIRED.has(action) && !note) {
      form.setFields([{ name: 'note', errors: [t('req.noteRequired')] }]);
      return;
    }
    form.setFields([{ name: 'note', errors: [] }]);
    const internal = action === 'feedback' && !!form.getFieldValue('internal');
    modal.confirm({
      title: t('req.confirmAction', { action: actionLabel(action) }),
      content: (
        <>
          {action === 'accept' ? <Typography.Paragraph type="secondary">{t('req.acceptHint')}</Typography.Paragraph> : null}
          {note ? <Typography.Paragraph className="yqt-req-desc" style={{ background: '#fafafa', padding: 8, borderRadius: 4 }}>{note}</Typography.Paragraph> : null}
          {internal ? <Typography.Text type="warning">{t('req.visibilityInternal')}</Typography.Text> : null}
        </>
      ),
      okText: actionLabel(action),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'action-confirm', danger: action === 'reject' } as ButtonProps,
      onOk: async () => {
        setBusy(action);
        const ok = await run(action, { note: note || null, visibility: internal ? 'internal' : 'public' }, (msg) =>
          form.setFields([{ name: 'note', errors: [msg] }]),
        );
        setBusy(null);
        if (ok) form.resetFields();
      },
    });
  };

  return (
    <Card title={t('req.actionsPanel')} size="small" style={{ marginBottom: 16 }} data-testid="action-panel">
      {actions.length ? (
        <Form form={form} layout="vertical" initialValues={{ internal: false }}>
          {templates.data?.items.length ? (
            <Select
              placeholder={t('req.template')}
              value={null}
              options={templates.data.items.map((x) => ({ value: x.id, label: x.title }))}
              onChange={(id: string) => {
                const tpl = templates.data?.items.find((x) => x.id === id);
                if (tpl) form.setFields([{ name: 'note', value: tpl.body, errors: [] }]);
              }}
              style={{ width: '100%', marginBottom: 8 }}
              data-testid="reply-template"
            />
          ) : null}
          <Form.Item name="note" rules={[{ max: 2000 }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('req.notePh.staff')} data-testid="request-note" />
          </Form.Item>
          {request.allowedActions.includes('feedback') ? (
            <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
              <Form.Item name="internal" valuePropName="checked" noStyle>
                <Switch size="small" data-testid="request-internal" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => (
                  <Typography.Text type={form.getFieldValue('internal') ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                    {form.getFieldValue('internal') ? t('req.visibilityInternal') : t('req.visibilityPublic')} · {t('req.visibilityHint')}
                  </Typography.Text>
                )}
              </Form.Item>
            </Flex>
          ) : null}
        </Form>
      ) : null}
      <Flex gap={8} wrap vertical={isMobile}>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'accept' || a === 'deptAccept' || a === 'resolve' || (a === 'feedback' && !actions.includes('accept')) ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'handBack'}
            loading={busy === a}
            block={isMobile}
            onClick={() => start(a)}
            data-testid={`request-action-${a}`}
          >
            {actionLabel(a)}
          </Button>
        ))}
        <PickerActions request={request} />
      </Flex>
    </Card>
  );
}
