import { useMemo, useState, useSyncExternalStore } from 'react';
import { App, Button, Dropdown, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { notifySuccess } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';

/** A saved view is a name for a workbench query string (tab + filters + sort). */
export type SavedView = { id: string; name: string; query: string };

const MAX_VIEWS = 20;
const CHANGE_EVENT = 'yqt:saved-views';
const storageKey = (userId: string) => `yqt.requestViews.${userId}`;

function subscribe(cb: () => void) {
  window.addEventListener('storage', cb); // other browser tabs
  window.addEventListener(CHANGE_EVENT, cb); // this tab
  return () => {
    window.removeEventListener('storage', cb);
    window.removeEventListener(CHANGE_EVENT, cb);
  };
}

function readRaw(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parse(raw: string | null): SavedView[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x): x is SavedView =>
        !!x && typeof x === 'object' && typeof x.id === 'string' && typeof x.name === 'string' && typeof x.query === 'string',
    );
  } catch {
    return [];
  }
}

/** The signed-in user's saved views, kept in localStorage under a key with their user id. */
export function useSavedViews(userId: string | undefined) {
  const key = userId ? storageKey(userId) : null;
  const raw = useSyncExternalStore(subscribe, () => (key ? readRaw(key) : null));
  const views = useMemo(() => parse(raw), [raw]);
  const write = (next: SavedView[]) => {
    if (!key) return;
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      /* storage full or disabled: the view simply is not kept */
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return { views, write };
}

type Dialog = { mode: 'save' } | { mode: 'rename'; view: SavedView } | null;

/**
 * Quick buttons for the saved views above the queue, plus 保存视图. `current` is the normalized query
 * string of what is shown now; applying a view hands its query string back to the workbench.
 */
export function SavedViews({ userId, current, onApply }: { userId: string | undefined; current: string; onApply: (query: string) => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const { views, write } = useSavedViews(userId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ name: string }>();
  const name = Form.useWatch('name', form);
  if (!userId) return null;

  const taken = (n: string, exceptId?: string) => views.find((v) => v.name === n.trim() && v.id !== exceptId);
  const overwriting = dialog?.mode === 'save' && !!name && !!taken(name);

  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const n = v.name.trim();
    if (dialog.mode === 'rename') {
      write(views.map((x) => (x.id === dialog.view.id ? { ...x, name: n } : x)));
    } else {
      const existing = taken(n);
      if (existing) write(views.map((x) => (x.id === existing.id ? { ...x, query: current } : x)));
      else write([...views, { id: crypto.randomUUID?.() ?? String(Date.now()), name: n, query: current }]);
    }
    notifySuccess(t('view.saved'));
    setDialog(null);
  };

  const remove = (view: SavedView) =>
    modal.confirm({
      title: t('view.deleteConfirm', { name: view.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'view-delete-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => write(views.filter((x) => x.id !== view.id)),
    });

  const full = views.length >= MAX_VIEWS;

  return (
    <Flex wrap gap={8} align="center" className="yqt-saved-views" style={{ marginBottom: 8 }} data-testid="saved-views">
      {views.length ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('view.label')}</Typography.Text> : null}
      {views.map((v) => (
        <Space.Compact key={v.id} size="small">
          <Button
            size="small"
            type={v.query === current ? 'primary' : 'default'}
            autoInsertSpace={false}
            onClick={() => onApply(v.query)}
            data-testid="view-item"
            data-active={v.query === current ? 'true' : 'false'}
            style={{ maxWidth: isMobile ? 160 : 220 }}
          >
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{v.name}</span>
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'rename', icon: <EditOutlined />, label: t('view.rename') },
                { key: 'delete', icon: <DeleteOutlined />, label: t('common.delete'), danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'rename') {
                  form.setFieldsValue({ name: v.name });
                  setDialog({ mode: 'rename', view: v });
                } else remove(v);
              },
            }}
          >
            <Button
              size="small"
              type={v.query === current ? 'primary' : 'default'}
              icon={<MoreOutlined />}
              aria-label={t('view.more')}
              data-testid="view-menu"
            />
          </Dropdown>
        </Space.Compact>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<SaveOutlined />}
        disabled={full}
        title={full ? t('view.limit', { n: MAX_VIEWS }) : undefined}
        onClick={() => {
          form.resetFields();
          setDialog({ mode: 'save' });
        }}
        data-testid="view-save"
      >
        {t('view.save')}
      </Button>
      <Modal
        open={!!dialog}
        title={dialog?.mode === 'rename' ? t('view.renameTitle') : t('view.save')}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'view-save-confirm' } as ButtonProps}
        forceRender
        width={isMobile ? '100%' : 420}
      >
        {dialog?.mode === 'save' ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('view.saveHint')}</Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('view.name')}
            extra={overwriting ? <Typography.Text type="warning">{t('view.overwriteHint')}</Typography.Text> : undefined}
            rules={[
              { required: true, whitespace: true, message: t('view.nameRequired') },
              { max: 30 },
              {
                validator: (_, value: string | undefined) =>
                  dialog?.mode === 'rename' && value && taken(value, dialog.view.id) ? Promise.reject(new Error(t('view.nameTaken'))) : Promise.resolve(),
              },
            ]}
          >
            <Input maxLength={30} autoFocus placeholder={t('view.namePh')} onPressEnter={() => void submit()} data-testid="view-name" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
