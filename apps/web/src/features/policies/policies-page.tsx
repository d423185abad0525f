import { useMemo } from 'react';
import { Button, Empty, Flex, List, Pagination, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { PolicySummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { fmtDateTime } from '../../shared/format';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan } from '../auth/auth.api';
import { BenefitTag, LevelTag, PolicyStatusTag, useAmountText, useWindowText, WindowBadge } from './labels';
import { usePolicyPage } from './policies.api';
import { PolicyCard } from './policy-card';
import { POLICY_FILTERS, PolicyFilters } from './policy-filters';
import { useUrlFilters } from './url-filters';
import './policies.css';

/** 惠企政策 in the console: everyone signed in browses; managers see every status and create. */
export default function PoliciesPage() {
  const { t } = useI18n();
  const can = useCan();
  const isMobile = useIsMobile();
  const manager = can('policies.manage');
  const { filters, page, pageSize, setFilters, setPage, reset, query } = useUrlFilters(POLICY_FILTERS);
  const list = usePolicyPage({ ...query, sort: filters.sort ?? (manager ? '-updatedAt' : undefined) });
  const windowText = useWindowText();
  const amountText = useAmountText();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const columns = useMemo<TableColumnsType<PolicySummary>>(
    () => [
      {
        title: t('pol.title'),
        dataIndex: 'title',
        render: (title: string, p) => (
          <div style={{ maxWidth: 420 }}>
            <Link to={`/policies/${p.id}`} data-testid="policy-row-link">{title}</Link>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.issuer}{p.docNumber ? ` · ${p.docNumber}` : ''}</Typography.Text></div>
          </div>
        ),
      },
      { title: t('pol.level'), dataIndex: 'level', render: (_: unknown, p) => <Flex gap={4} wrap><LevelTag level={p.level} /><BenefitTag type={p.benefitType} /></Flex> },
      { title: t('pol.maxAmount'), dataIndex: 'maxAmountWan', align: 'right', render: (v: number | null) => amountText(v) ?? '—' },
      {
        title: t('pol.applyWindow'),
        key: 'window',
        render: (_: unknown, p) => (
          <Flex vertical gap={2} align="start">
            <span style={{ whiteSpace: 'nowrap' }}>{windowText(p)}</span>
            <WindowBadge p={p} />
          </Flex>
        ),
      },
      ...(manager ? [{ title: t('pol.status'), dataIndex: 'status', render: (_: unknown, p: PolicySummary) => <PolicyStatusTag status={p.status} /> }] : []),
      { title: t('pol.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(v)}</span> },
    ],
    [t, manager, windowText, amountText],
  );

  return (
    <Page
      title={t('nav.policies')}
      extra={
        <>
          <Link to="/p/policies" target="_blank">
            <Button icon={<GlobalOutlined />}>{t('pol.publicPage')}</Button>
          </Link>
          {manager ? (
            <Link to="/policies/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="policy-new">{t('pol.new')}</Button>
            </Link>
          ) : null}
        </>
      }
    >
      <PolicyFilters filters={filters} setFilters={setFilters} reset={reset} showStatus={manager} />
      {isMobile ? (
        <>
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('common.empty')} /> }}
            renderItem={(p) => <div style={{ marginBottom: 8 }}><PolicyCard p={p} to={`/policies/${p.id}`} showStatus={manager} /></div>}
          />
          <Pagination simple current={page} pageSize={pageSize} total={total} onChange={(n) => setPage(n)} style={{ marginTop: 8, justifyContent: 'center' }} />
        </>
      ) : (
        <Table<PolicySummary>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { n }),
            onChange: setPage,
          }}
          data-testid="policy-table"
        />
      )}
    </Page>
  );
}
