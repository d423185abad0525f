import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, List, Pagination, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { PolicyMatchItem } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { apiUrl } from '../../lib/api';
import { fmtDateTime } from '../../shared/format';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan } from '../auth/auth.api';
import { useParks } from '../parks/parks.api';
import { StaffSelect } from '../staff/staff-select';
import { ConditionResults, UnmetList } from './condition-results';
import { VerdictTag } from './labels';
import { usePolicyMatches } from './policies.api';

/** 匹配企业: eligible and nearly-eligible enterprises of a policy, by park / officer, exportable. */
export function PolicyMatchesTab({ policyId, published }: { policyId: string; published: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const isMobile = useIsMobile();
  const parks = useParks();
  const [verdict, setVerdict] = useState<'all' | 'eligible' | 'nearly'>('all');
  const [parkId, setParkId] = useState<string | undefined>();
  const [liaisonId, setLiaisonId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filters = { verdict: verdict === 'all' ? undefined : verdict, parkId, liaisonId: liaisonId ?? undefined };
  const q = usePolicyMatches(policyId, { ...filters, page, pageSize }, true);
  const counts = q.data?.counts;
  const items = q.data?.items ?? [];

  const columns = useMemo<TableColumnsType<PolicyMatchItem>>(
    () => [
      {
        title: t('pol.match.enterprise'),
        key: 'name',
        render: (_: unknown, m) => (
          <div>
            <Link to={`/enterprises/${m.enterpriseId}`}>{m.enterprise.name}</Link>
            <div><Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{m.enterprise.creditCode}</Typography.Text></div>
          </div>
        ),
      },
      { title: t('pol.match.park'), key: 'park', render: (_: unknown, m) => m.enterprise.parkName },
      { title: t('pol.match.liaison'), key: 'liaison', render: (_: unknown, m) => m.enterprise.liaisonName ?? <Tag color="orange">{t('ent.notAssigned')}</Tag> },
      { title: t('pol.match.verdict'), dataIndex: 'verdict', render: (_: unknown, m) => <VerdictTag verdict={m.verdict} /> },
      { title: t('pol.match.unmet'), key: 'unmet', render: (_: unknown, m) => <UnmetList items={m.conditions} /> },
      { title: t('pol.match.evaluatedAt'), dataIndex: 'evaluatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(v)}</span> },
    ],
    [t],
  );

  const exportHref = apiUrl(`/policies/${policyId}/matches.xlsx`, filters);
  return (
    <>
      {!published ? <Typography.Paragraph type="secondary">{t('pol.match.notPublished')}</Typography.Paragraph> : null}
      <Flex wrap gap={8} align="center" className="yqt-filters">
        <Segmented
          value={verdict}
          onChange={(v) => {
            setVerdict(v as typeof verdict);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('pol.match.all', { n: counts ? counts.eligible + counts.nearly : '…' }) },
            { value: 'eligible', label: t('pol.match.eligible', { n: counts?.eligible ?? '…' }) },
            { value: 'nearly', label: t('pol.match.nearly', { n: counts?.nearly ?? '…' }) },
          ]}
          data-testid="match-verdict"
        />
        <Select
          allowClear
          placeholder={t('pol.match.park')}
          value={parkId}
          onChange={(v: string | undefined) => {
            setParkId(v);
            setPage(1);
          }}
          options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 180 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
        {can('grid.read') ? (
          <StaffSelect
            role="liaison"
            placeholder={t('pol.match.liaison')}
            value={liaisonId}
            onChange={(v) => {
              setLiaisonId(v);
              setPage(1);
            }}
            style={{ width: 180, minWidth: 0 }}
          />
        ) : null}
        <a href={exportHref} download data-testid="match-export" style={{ marginInlineStart: isMobile ? undefined : 'auto' }}>
          <Button icon={<DownloadOutlined />}>{t('pol.match.export')}</Button>
        </a>
      </Flex>
      {isMobile ? (
        <>
          <List
            loading={q.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('pol.match.none')} /> }}
            renderItem={(m) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="match-card">
                <Flex justify="space-between" gap={8} align="start">
                  <Link to={`/enterprises/${m.enterpriseId}`}><Typography.Text strong>{m.enterprise.name}</Typography.Text></Link>
                  <VerdictTag verdict={m.verdict} />
                </Flex>
                <Flex wrap gap={4} style={{ margin: '6px 0' }}>
                  <Tag>{m.enterprise.parkName}</Tag>
                  {m.enterprise.liaisonName ? <Tag icon={<TeamOutlined />}>{m.enterprise.liaisonName}</Tag> : <Tag color="orange">{t('ent.notAssigned')}</Tag>}
                </Flex>
                <UnmetList items={m.conditions} />
              </Card>
            )}
          />
          <Pagination simple current={page} pageSize={pageSize} total={q.data?.total ?? 0} onChange={setPage} style={{ marginTop: 8, justifyContent: 'center' }} />
        </>
      ) : (
        <Table<PolicyMatchItem>
          rowKey="enterpriseId"
          columns={columns}
          dataSource={items}
          loading={q.isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (m) => <ConditionResults items={m.conditions} /> }}
          locale={{ emptyText: <Empty description={t('pol.match.none')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          data-testid="match-table"
        />
      )}
    </>
  );
}
