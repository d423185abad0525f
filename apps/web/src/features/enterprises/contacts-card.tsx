import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Empty, Flex, Form, Input, List, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, MailOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contact, EnterpriseDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { saveCallbacks } from '../../shared/form-errors';
import { notifySuccess } from '../../shared/notify';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useContactMutations, type ContactInput } from './enterprises.api';

type FormValues = { name: string; title?: string; phone?: string; email?: string; isPrimary?: boolean };

function ContactModal({
  open,
  enterpriseId,
  editing,
  onClose,
}: {
  open: boolean;
  enterpriseId: string;
  editing: Contact | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const m = useContactMutations(enterpriseId);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        name: editing.name,
        title: editing.title ?? '',
        phone: editing.phone ?? '',
        email: editing.email ?? '',
        isPrimary: editing.isPrimary,
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: ContactInput = {
      name: v.name.trim(),
      title: v.title?.trim() || null,
      phone: v.phone?.trim() || null,
      email: v.email?.trim() || null,
      isPrimary: !!v.isPrimary,
    };
    const opts = saveCallbacks(form, t('common.saved'), onClose);
    if (editing) m.update.mutate({ id: editing.id, body }, opts);
    else m.create.mutate(body, opts);
  };

  return (
    <Modal
      open={open}
      title={editing ? t('contact.edit') : t('contact.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('contact.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="title" label={t('contact.title')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('contact.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '电话号码格式不正确' }]}>
          <Input inputMode="tel" maxLength={20} data-testid="contact-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('contact.email')} rules={[{ type: 'email', message: '邮箱格式不正确' }, { max: 100 }]}>
          <Input inputMode="email" maxLength={100} />
        </Form.Item>
        <Form.Item name="isPrimary" valuePropName="checked">
          <Checkbox>{t('contact.isPrimary')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ContactsCard({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const can = e.abilities.editContacts;
  const m = useContactMutations(e.id);
  const [modal, setModal] = useState<{ open: boolean; editing: Contact | null }>({ open: false, editing: null });

  const actions = (c: Contact) =>
    can ? (
      <Flex gap={4}>
        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setModal({ open: true, editing: c })} aria-label={t('common.edit')} />
        <Popconfirm
          title={t('common.confirmDelete')}
          onConfirm={() => m.remove.mutateAsync(c.id).then(() => notifySuccess(t('common.deleted')))}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      </Flex>
    ) : null;

  const columns: TableColumnsType<Contact> = [
    {
      title: t('contact.name'),
      dataIndex: 'name',
      render: (n: string, c) => (
        <>
          {n} {c.isPrimary ? <Tag color="blue">{t('contact.isPrimary')}</Tag> : null}
        </>
      ),
    },
    { title: t('contact.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: t('contact.phone'), dataIndex: 'phone', render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : '—') },
    { title: t('contact.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: t('contact.hasAccount'), dataIndex: 'hasAccount', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    ...(can ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, c: Contact) => actions(c) }] : []),
  ];

  return (
    <Card
      title={t('ent.contacts')}
      extra={
        can ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, editing: null })} data-testid="contact-add">
            {t('contact.add')}
          </Button>
        ) : null
      }
    >
      {isMobile ? (
        <List
          dataSource={e.contacts}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.none')} /> }}
          renderItem={(c) => (
            <List.Item extra={actions(c)}>
              <div>
                <Typography.Text strong>{c.name}</Typography.Text> {c.title ? <Typography.Text type="secondary">{c.title}</Typography.Text> : null}
                {c.isPrimary ? <Tag color="blue" style={{ marginLeft: 6 }}>{t('contact.isPrimary')}</Tag> : null}
                {c.phone ? <div><PhoneOutlined /> <a href={`tel:${c.phone}`}>{c.phone}</a></div> : null}
                {c.email ? <div><MailOutlined /> {c.email}</div> : null}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Contact>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={e.contacts}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.none')} /> }}
        />
      )}
      {can ? <ContactModal open={modal.open} editing={modal.editing} enterpriseId={e.id} onClose={() => setModal({ open: false, editing: null })} /> : null}
    </Card>
  );
}
