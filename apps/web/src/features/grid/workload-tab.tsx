import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { OfficerWorkload } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useCan } from '../auth/auth.api';
import { useAreas, useWorkload, type WorkloadQuery } from './grid.api';

type Row = z.infer<typeof OfficerWorkload>;

export function WorkloadTab() {
  const { t } = useI18n();
  const can = useCan();
  const areas = useAreas();
  const [query, setQuery] = useState<WorkloadQuery>({ page: 1, pageSize: 20, sort: '-gridSize' });
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQuery((s) => (s.q === (q.trim() || undefined) ? s : { ...s, q: q.trim() || undefined, page: 1 })), 300);
    return () => clearTimeout(h);
  }, [q]);
  const data = useWorkload(query);

  return (
    <>
      {can('grid.assign') ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('grid.bulkHint')}
          action={<Link to="/enterprises?unassigned=true"><Button size="small">{t('grid.goUnassigned')}</Button></Link>}
        />
      ) : null}
      <Flex wrap gap={8} className="yqt-filters">
        <Input.Search allowClear value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('grid.searchOfficer')} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder={t('grid.allAreas')}
          value={query.areaId}
          onChange={(v: string | undefined) => setQuery((s) => ({ ...s, areaId: v, page: 1 }))}
          options={(areas.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          style={{ width: 180 }}
        />
        <Select
          value={query.sort}
          onChange={(v: string) => setQuery((s) => ({ ...s, sort: v, page: 1 }))}
          options={[
            { value: '-gridSize', label: t('grid.sort.desc') },
            { value: 'gridSize', label: t('grid.sort.asc') },
            { value: 'name', label: t('grid.sort.name') },
          ]}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<Row>
        rowKey="staffId"
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (page, pageSize) => setQuery((s) => ({ ...s, page, pageSize })),
        }}
        columns={[
          {
            title: t('grid.officer'),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`/enterprises?liaisonId=${r.staffId}`}>{n}</Link>,
          },
          { title: t('grid.area'), dataIndex: 'areaName', render: (v: string | null) => v ?? '—' },
          { title: t('grid.gridSize'), dataIndex: 'gridSize', align: 'right' },
          { title: t('grid.backupCount'), dataIndex: 'backupCount', align: 'right' },
          {
            title: t('grid.parks'),
            dataIndex: 'parks',
            render: (ps: string[]) => (ps.length ? ps.map((p) => <Tag key={p}>{p}</Tag>) : '—'),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, r) => <Link to={`/enterprises?liaisonId=${r.staffId}`}>{t('grid.viewEnterprises')}</Link>,
          },
        ]}
        data-testid="workload-table"
      />
    </>
  );
}
