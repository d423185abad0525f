import { useEffect, useState } from 'react';
import { Button, Empty, Flex, Input, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { roleLabels, roles, type Role, type StaffSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { useCan } from '../auth/auth.api';
import { ResetPasswordDialog, StaffDialog, type StaffDialogState } from './staff-dialogs';
import { useDepartments, useStaffPage, type StaffQuery } from './staff.api';

export default function StaffPage() {
  const { t, label } = useI18n();
  const [query, setQuery] = useState<StaffQuery & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQuery((s) => (s.q === (q.trim() || undefined) ? s : { ...s, q: q.trim() || undefined, page: 1 })), 300);
    return () => clearTimeout(h);
  }, [q]);
  const staff = useStaffPage(query);
  const depts = useDepartments();
  const roleText = (r: string) => label(roleLabels[r as Role], r);
  const can = useCan();
  const canWrite = can('staff.write');
  const [dialog, setDialog] = useState<StaffDialogState | null>(null);
  const [resetFor, setResetFor] = useState<StaffSummary | null>(null);
  const actions: TableColumnsType<StaffSummary> = canWrite
    ? [
        {
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right',
          render: (_: unknown, s: StaffSummary) => (
            <Space size={0}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', staff: s })} data-testid="staff-edit">
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetFor(s)} data-testid="staff-reset-password">
                {t('staff.resetPassword')}
              </Button>
            </Space>
          ),
        },
      ]
    : [];

  return (
    <Page
      title={t('staff.list')}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })} data-testid="staff-new">
            {t('staff.new')}
          </Button>
        ) : null
      }
    >
      <Flex wrap gap={8} className="yqt-filters">
        <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('staff.searchPlaceholder')} style={{ width: 220 }} data-testid="staff-search" />
        <Select
          allowClear
          placeholder={t('staff.allRoles')}
          value={query.role}
          onChange={(v: string | undefined) => setQuery((s) => ({ ...s, role: v, page: 1 }))}
          options={roles.filter((r) => r !== 'enterprise_contact').map((r) => ({ value: r, label: roleText(r) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('staff.allDepartments')}
          value={query.departmentId}
          onChange={(v: string | undefined) => setQuery((s) => ({ ...s, departmentId: v, page: 1 }))}
          options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
        />
      </Flex>
      <Table<StaffSummary>
        rowKey="id"
        loading={staff.isFetching}
        dataSource={staff.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: staff.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setQuery((s) => ({ ...s, page, pageSize })),
        }}
        columns={[
          { title: t('staff.name'), dataIndex: 'name', fixed: 'left' },
          { title: t('staff.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
          { title: t('staff.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roleText(r)}</Tag>) },
          { title: t('staff.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
          { title: t('staff.area'), dataIndex: 'areaName', render: (v: string | null) => v ?? '—' },
          { title: t('staff.phone'), dataIndex: 'phone', render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : '—') },
          { title: t('grid.gridSize'), dataIndex: 'gridSize', align: 'right' },
          {
            title: t('staff.active'),
            dataIndex: 'active',
            render: (v: boolean) => (v ? <Tag color="green">{t('staff.activeYes')}</Tag> : <Tag>{t('staff.activeNo')}</Tag>),
          },
          ...actions,
        ]}
      />
      {dialog ? <StaffDialog state={dialog} onClose={() => setDialog(null)} /> : null}
      {resetFor ? <ResetPasswordDialog staff={resetFor} onClose={() => setResetFor(null)} /> : null}
    </Page>
  );
}
