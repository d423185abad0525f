import { useEffect, useState } from 'react';
import { Descriptions, Empty, Flex, Input, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditPage as AuditPageSchema } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { fmtDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { AuditDiff } from './audit-diff';

type Entry = z.infer<typeof AuditEntry>;
type AuditPageT = z.infer<typeof AuditPageSchema>;
type Query = { page: number; pageSize: number; entityType?: string; action?: string };

export default function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  useEffect(() => {
    const h = setTimeout(
      () => setQuery((s) => ({ ...s, entityType: entityType.trim() || undefined, action: action.trim() || undefined, page: s.entityType === (entityType.trim() || undefined) && s.action === (action.trim() || undefined) ? s.page : 1 })),
      400,
    );
    return () => clearTimeout(h);
  }, [entityType, action]);
  const data = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<AuditPageT>('/audit-logs', query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Page title={t('audit.list')}>
      <Flex wrap gap={8} className="yqt-filters">
        <Input allowClear value={entityType} onChange={(e) => setEntityType(e.target.value)} placeholder={t('audit.filterEntity')} style={{ width: 220 }} />
        <Input allowClear value={action} onChange={(e) => setAction(e.target.value)} placeholder={t('audit.filterAction')} style={{ width: 240 }} />
      </Flex>
      <Table<Entry>
        rowKey="id"
        size="middle"
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
        expandable={{
          expandedRowRender: (r) => (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
                <Descriptions.Item label={t('audit.entityId')}>{r.entityId ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('audit.requestId')}>{r.requestId ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('audit.ip')}>{r.ip ?? '—'}</Descriptions.Item>
              </Descriptions>
              <AuditDiff before={r.before} after={r.after} />
            </>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => fmtDateTime(v), width: 150 },
          { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: t('audit.entityType'), dataIndex: 'entityType' },
        ]}
      />
    </Page>
  );
}
