import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, List, Pagination, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import type { EnterpriseSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { apiUrl } from '../../lib/api';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan, useMe } from '../auth/auth.api';
import { AssignLiaisonModal } from '../grid/assign-liaison-modal';
import { EnterpriseFilters } from './enterprise-filters';
import { useEnterprisePage } from './enterprises.api';
import { StatusTag, TierTag } from './labels';
import { useListQuery } from './list-query';

export default function EnterprisesPage() {
  const { t, industry } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { state, setFilters, setPage, reset, filterQuery } = useListQuery();
  const page = useEnterprisePage({ ...filterQuery, page: state.page, pageSize: state.pageSize });
  const [selected, setSelected] = useState<string[]>([]);
  const [assignOpen, setAssignOpen] = useState(false);
  const canAssign = can('grid.assign');

  const columns = useMemo<TableColumnsType<EnterpriseSummary>>(
    () => [
      {
        title: t('ent.name'),
        dataIndex: 'name',
        fixed: isMobile ? undefined : 'left',
        render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
      },
      { title: t('ent.creditCode'), dataIndex: 'creditCode', render: (c: string) => <Typography.Text copyable={{ text: c }} style={{ fontFamily: 'monospace' }}>{c}</Typography.Text> },
      { title: t('ent.park'), dataIndex: 'parkName' },
      { title: t('ent.industry'), dataIndex: 'industryCode', render: (c: string) => industry(c), ellipsis: true, width: 200 },
      { title: t('ent.tier'), dataIndex: 'tier', render: (v: EnterpriseSummary['tier']) => <TierTag tier={v} /> },
      { title: t('ent.status'), dataIndex: 'status', render: (v: EnterpriseSummary['status']) => <StatusTag status={v} /> },
      {
        title: t('ent.liaison'),
        dataIndex: 'liaisonName',
        render: (n: string | null) => n ?? <Tag color="orange">{t('ent.notAssigned')}</Tag>,
      },
    ],
    [t, industry, isMobile],
  );

  // Enterprise contacts only ever see their own enterprise.
  if (me?.scope.kind === 'enterprise' && me.scope.enterpriseId)
    return <Navigate to={`/enterprises/${me.scope.enterpriseId}`} replace />;

  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  const exportHref = apiUrl('/enterprises/export.xlsx', { ...filterQuery, sort: undefined });

  return (
    <Page
      title={t('ent.list')}
      extra={
        <>
          {can('enterprises.export') ? (
            <a href={exportHref} download data-testid="enterprise-export">
              <Button icon={<DownloadOutlined />}>{t('ent.export')}</Button>
            </a>
          ) : null}
          {can('enterprises.import') ? (
            <Link to="/enterprises/import">
              <Button icon={<UploadOutlined />} data-testid="enterprise-import">{t('ent.import')}</Button>
            </Link>
          ) : null}
          {can('enterprises.create') ? (
            <Link to="/enterprises/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="enterprise-new">{t('ent.new')}</Button>
            </Link>
          ) : null}
        </>
      }
    >
      <EnterpriseFilters state={state} setFilters={setFilters} reset={reset} showLiaison={can('grid.read')} />
      {canAssign && selected.length > 0 ? (
        <Flex gap={8} align="center" style={{ marginBottom: 8 }} wrap>
          <Typography.Text>{t('ent.selected', { n: selected.length })}</Typography.Text>
          <Button type="primary" icon={<TeamOutlined />} onClick={() => setAssignOpen(true)} data-testid="bulk-assign">
            {t('ent.bulkAssign')}
          </Button>
          <Button type="link" onClick={() => setSelected([])}>{t('common.cancel')}</Button>
        </Flex>
      ) : null}
      {isMobile ? (
        <>
          <List
            loading={page.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('common.empty')} /> }}
            renderItem={(e) => (
              <Card size="small" style={{ marginBottom: 8 }} hoverable onClick={() => navigate(`/enterprises/${e.id}`)} data-row-key={e.id} data-testid="enterprise-card">
                <Typography.Text strong>{e.name}</Typography.Text>
                <div style={{ fontFamily: 'monospace', fontSize: 12, color: '#888' }}>{e.creditCode}</div>
                <Flex wrap gap={4} style={{ marginTop: 6 }}>
                  <TierTag tier={e.tier} />
                  <StatusTag status={e.status} />
                  <Tag>{e.parkName}</Tag>
                  {e.liaisonName ? <Tag icon={<TeamOutlined />}>{e.liaisonName}</Tag> : <Tag color="orange">{t('ent.notAssigned')}</Tag>}
                </Flex>
              </Card>
            )}
          />
          <Pagination
            simple
            current={state.page}
            pageSize={state.pageSize}
            total={total}
            onChange={setPage}
            style={{ textAlign: 'center', marginTop: 8 }}
          />
        </>
      ) : (
        <Table<EnterpriseSummary>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={page.isFetching}
          scroll={{ x: 'max-content' }}
          size="middle"
          rowSelection={canAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), preserveSelectedRowKeys: true } : undefined}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { n }),
            onChange: setPage,
          }}
          data-testid="enterprise-table"
        />
      )}
      {canAssign ? (
        <AssignLiaisonModal
          open={assignOpen}
          onClose={() => setAssignOpen(false)}
          target={{ kind: 'bulk', enterpriseIds: selected }}
          onDone={() => setSelected([])}
        />
      ) : null}
    </Page>
  );
}
