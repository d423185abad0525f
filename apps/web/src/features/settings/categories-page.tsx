import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import type { Category } from '../requests/requests.api';
import { useAllCategories, useCreateCategory, useUpdateCategory } from './settings.api';

type Row = Category & { children?: Row[] };
type Dialog = { mode: 'create'; parent: Category | null } | { mode: 'edit'; cat: Category };
type Values = { name: string; code?: string; sortOrder?: number };

function CategoryDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog.mode === 'create')
        await create.mutateAsync({ name: v.name.trim(), code: (v.code ?? '').trim(), parentId: dialog.parent?.id ?? null, sortOrder: v.sortOrder ?? 0 });
      else await update.mutateAsync({ id: dialog.cat.id, body: { name: v.name.trim(), sortOrder: v.sortOrder ?? 0 } });
      notifySuccess(t('common.saved'));
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e)) notifyError(e);
    }
  };
  const title =
    dialog.mode === 'edit' ? t('set.cat.edit', { name: dialog.cat.name }) : dialog.parent ? t('set.cat.newChild', { name: dialog.parent.name }) : t('set.cat.newRoot');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'category-save' } as ButtonProps}
      width={isMobile ? '100%' : 460}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={dialog.mode === 'edit' ? { name: dialog.cat.name, code: dialog.cat.code, sortOrder: dialog.cat.sortOrder } : { sortOrder: 0, code: dialog.parent ? `${dialog.parent.code}.` : '' }}
      >
        <Form.Item name="name" label={t('set.cat.name')} rules={[{ required: true, whitespace: true }, { max: 30 }]}>
          <Input maxLength={30} data-testid="category-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('set.cat.code')}
          extra={dialog.mode === 'edit' ? t('set.cat.codeFixed') : t('set.cat.codeHint')}
          rules={dialog.mode === 'create' ? [{ required: true }, { pattern: /^[a-z][a-z0-9_.-]{1,40}$/, message: t('set.cat.codePattern') }] : []}
        >
          <Input disabled={dialog.mode === 'edit'} maxLength={41} style={{ fontFamily: 'monospace' }} data-testid="category-code" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('set.sortOrder')}>
          <InputNumber min={0} max={999} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 诉求分类: two levels; a category in use is deactivated, not deleted. */
export default function CategoriesPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const q = useAllCategories();
  const update = useUpdateCategory();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows = useMemo<Row[]>(() => {
    const items = [...(q.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
    const ids = new Set(items.map((c) => c.id));
    return items
      .filter((c) => !c.parentId || !ids.has(c.parentId))
      .map((p) => {
        const children = items.filter((c) => c.parentId === p.id);
        return { ...p, ...(children.length ? { children } : {}) };
      });
  }, [q.data]);

  const deactivate = (c: Category) =>
    modal.confirm({
      title: t('set.cat.deactivateConfirm', { name: c.name }),
      content: t('set.cat.deactivateHint'),
      okText: t('set.cat.deactivate'),
      okButtonProps: { danger: true, 'data-testid': 'category-deactivate-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => update.mutateAsync({ id: c.id, body: { active: false } }).then(() => notifySuccess(t('set.cat.deactivated')), (e: unknown) => notifyError(e)),
    });

  const reactivate = (c: Category) =>
    update.mutateAsync({ id: c.id, body: { active: true } }).then(() => notifySuccess(t('set.cat.reactivated')), (e: unknown) => notifyError(e));

  const columns: TableColumnsType<Row> = [
    {
      title: t('set.cat.name'),
      dataIndex: 'name',
      render: (n: string, c) => (
        <Space size={4}>
          <Typography.Text strong={!c.parentId} type={c.active ? undefined : 'secondary'}>{n}</Typography.Text>
          {c.active ? null : <Tag data-testid="category-inactive">{t('set.cat.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('set.cat.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('set.sortOrder'), dataIndex: 'sortOrder', width: 90 },
    {
      title: t('common.actions'),
      key: 'a',
      render: (_: unknown, c) => (
        <Space size={0} wrap>
          {!c.parentId ? (
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: c })} data-testid="category-add-child">{t('set.cat.addChild')}</Button>
          ) : null}
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', cat: c })} data-testid="category-edit">{t('common.edit')}</Button>
          {c.active ? (
            <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => deactivate(c)} data-testid="category-deactivate">{t('set.cat.deactivate')}</Button>
          ) : (
            <Button type="link" size="small" icon={<CheckCircleOutlined />} onClick={() => reactivate(c)} data-testid="category-reactivate">{t('set.cat.reactivate')}</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={t('set.categories')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })} data-testid="category-new">{t('set.cat.newRoot')}</Button>}
    >
      <Alert type="info" showIcon title={t('set.cat.explain')} style={{ marginBottom: 12 }} />
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={rows.length ? 'loaded' : 'empty'}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ 'data-testid': 'category-row', 'data-code': c.code }) as React.HTMLAttributes<HTMLElement>}
        data-testid="category-table"
      />
      {dialog ? <CategoryDialog dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}
