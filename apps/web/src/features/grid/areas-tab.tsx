import { useEffect, useState } from 'react';
import { Button, Empty, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Area } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { saveCallbacks } from '../../shared/form-errors';
import { notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/auth.api';
import { StaffMultiSelect, StaffSelect } from '../staff/staff-select';
import { useAreaMutations, useAreas } from './grid.api';

type AreaForm = { name: string; leaderId?: string | null };

function AreaModal({ open, area, onClose }: { open: boolean; area: Area | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AreaForm>();
  const m = useAreaMutations();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (area) form.setFieldsValue({ name: area.name, leaderId: area.leaderId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, area]);
  const submit = async () => {
    const v = await form.validateFields();
    const body = { name: v.name.trim(), leaderId: v.leaderId ?? null };
    const opts = saveCallbacks(form, t('common.saved'), onClose);
    if (area) m.update.mutate({ id: area.id, body }, opts);
    else m.create.mutate(body, opts);
  };
  return (
    <Modal
      open={open}
      title={area ? t('area.edit') : t('area.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('area.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="leaderId" label={t('area.leader')}>
          <StaffSelect
            placeholder={t('area.leaderPlaceholder')}
            known={area?.leaderId && area.leaderName ? [{ id: area.leaderId, name: area.leaderName }] : undefined}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MembersModal({ area, onClose }: { area: Area | null; onClose: () => void }) {
  const { t } = useI18n();
  const m = useAreaMutations();
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => setIds([]), [area]);
  return (
    <Modal
      open={!!area}
      title={`${t('area.members')} · ${area?.name ?? ''}`}
      onCancel={onClose}
      okButtonProps={{ disabled: ids.length === 0 }}
      confirmLoading={m.members.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() =>
        area &&
        m.members.mutate(
          { id: area.id, staffIds: ids },
          {
            onSuccess: () => {
              notifySuccess(t('common.saved'));
              onClose();
            },
          },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('area.membersHint')}</Typography.Paragraph>
      <StaffMultiSelect role="liaison" value={ids} onChange={setIds} placeholder={t('area.selectOfficers')} />
    </Modal>
  );
}

export function AreasTab() {
  const { t } = useI18n();
  const can = useCan();
  const areas = useAreas();
  const canWrite = can('areas.write');
  const [edit, setEdit] = useState<{ open: boolean; area: Area | null }>({ open: false, area: null });
  const [members, setMembers] = useState<Area | null>(null);

  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ open: true, area: null })} data-testid="area-create">
            {t('area.create')}
          </Button>
        </Flex>
      ) : null}
      <Table<Area>
        rowKey="id"
        loading={areas.isFetching}
        dataSource={areas.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        columns={[
          { title: t('area.name'), dataIndex: 'name' },
          { title: t('area.leader'), dataIndex: 'leaderName', render: (v: string | null) => v ?? '—' },
          { title: t('area.officerCount'), dataIndex: 'officerCount', align: 'right' },
          { title: t('area.enterpriseCount'), dataIndex: 'enterpriseCount', align: 'right' },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, a: Area) => (
                    <Flex gap={4} wrap>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEdit({ open: true, area: a })}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" icon={<UserAddOutlined />} onClick={() => setMembers(a)}>
                        {t('area.members')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <>
          <AreaModal open={edit.open} area={edit.area} onClose={() => setEdit({ open: false, area: null })} />
          <MembersModal area={members} onClose={() => setMembers(null)} />
        </>
      ) : null}
    </>
  );
}
