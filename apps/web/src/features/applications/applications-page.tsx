import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Empty, Flex, Input, List, Pagination, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AimOutlined, BarChartOutlined, DownloadOutlined, FilterOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { applicationStatuses, applicationStatusLabels, type ApplicationSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { apiUrl } from '../../lib/api';
import { fmtDate } from '../../shared/format';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan, useMe } from '../auth/auth.api';
import { useParks } from '../parks/parks.api';
import { fmtShort } from '../requests/time';
import { useApplicationPage, usePolicyOptions } from './applications.api';
import { ApplicationStatusTag, useWan } from './labels';
import { useUrlFilters } from './url-filters';

function StepDue({ a }: { a: ApplicationSummary }) {
  const { t } = useI18n();
  if (!a.step || !a.stepDueAt) return <span style={{ color: '#999' }}>—</span>;
  return (
    <Tag color={a.overdue ? 'red' : 'blue'} data-overdue={a.overdue} style={{ marginInlineEnd: 0 }}>
      {t(`apl.stepName.${a.step}` as DictKey)} {a.overdue ? t('apl.overdueShort') : fmtShort(a.stepDueAt)}
    </Tag>
  );
}

/** Phone-first card of one application (the enterprise's list and the staff list on phones). */
function ApplicationCard({ a, staff }: { a: ApplicationSummary; staff: boolean }) {
  const { t } = useI18n();
  const wan = useWan();
  const navigate = useNavigate();
  return (
    <Card size="small" style={{ marginBottom: 8 }} hoverable onClick={() => navigate(`/applications/${a.id}`)} data-testid="application-card" data-row-key={a.id}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} wrap align="center">
            <ApplicationStatusTag status={a.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{a.number}</Typography.Text>
          </Flex>
          <Typography.Text strong style={{ display: 'block', marginTop: 4, wordBreak: 'break-word' }}>{a.policyTitle}</Typography.Text>
          {staff ? <div style={{ fontSize: 12, color: '#888' }}>{a.enterpriseName} · {a.parkName}</div> : null}
          <Flex gap={8} wrap style={{ fontSize: 12, color: '#666', marginTop: 4 }} align="center">
            <span>{t('apl.submittedOn', { d: fmtDate(a.submittedAt) })}</span>
            {a.requestedAmountWan !== null ? <span>{t('apl.requested')} {wan(a.requestedAmountWan)}</span> : null}
            {a.approvedAmountWan !== null ? <span style={{ color: '#389e0d' }}>{t('apl.approved')} {wan(a.approvedAmountWan)}</span> : null}
            {a.step && a.stepDueAt ? <StepDue a={a} /> : null}
          </Flex>
        </div>
        <RightOutlined style={{ color: '#bbb', marginTop: 6 }} />
      </Flex>
    </Card>
  );
}

/** 我的申报: an enterprise contact's applications, in progress / finished / all. */
function MyApplications() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [tab, setTab] = useState<'open' | 'done' | 'all'>('open');
  const [page, setPage] = useState(1);
  const status = tab === 'open' ? 'open' : tab === 'done' ? 'rejected,disbursed,withdrawn' : undefined;
  const q = useApplicationPage({ status, page, pageSize: 20, sort: '-submittedAt' });
  const items = q.data?.items ?? [];
  const find = (
    <Link to="/my/policy-matches" style={{ display: isMobile ? 'block' : undefined }}>
      <Button type="primary" size={isMobile ? 'large' : 'middle'} icon={<AimOutlined />} block={isMobile} data-testid="find-policies">{t('apl.findPolicies')}</Button>
    </Link>
  );
  return (
    <Page title={t('nav.myApplications')} extra={isMobile ? undefined : find}>
      {isMobile ? <div style={{ marginBottom: 12 }}>{find}</div> : null}
      <Segmented
        block={isMobile}
        value={tab}
        onChange={(v) => {
          setTab(v as typeof tab);
          setPage(1);
        }}
        options={[
          { value: 'open', label: t('apl.tab.open') },
          { value: 'done', label: t('apl.tab.done') },
          { value: 'all', label: t('apl.tab.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={q.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={<>{t('apl.none')}<br /><Typography.Text type="secondary">{t('apl.noneHint')}</Typography.Text></>} /> }}
        renderItem={(a) => <ApplicationCard a={a} staff={false} />}
      />
      {(q.data?.total ?? 0) > 20 ? <Pagination simple current={page} pageSize={20} total={q.data?.total ?? 0} onChange={setPage} style={{ textAlign: 'center', marginTop: 8 }} /> : null}
    </Page>
  );
}

const filterKeys = ['q', 'status', 'policyId', 'parkId', 'enterpriseId', 'from', 'to', 'mine', 'sort'] as const;

/** 政策申报 for staff: the applications in their scope, filters in the URL, export. */
function ApplicationQueue() {
  const { t, label } = useI18n();
  const can = useCan();
  const isMobile = useIsMobile();
  const wan = useWan();
  const { f, page, pageSize, set, setPage, reset, query } = useUrlFilters(filterKeys);
  const parks = useParks();
  const policies = usePolicyOptions();
  const [q, setQ] = useState(f.q ?? '');
  const [expanded, setExpanded] = useState(false);
  useEffect(() => setQ(f.q ?? ''), [f.q]);
  useEffect(() => {
    if (q.trim() === (f.q ?? '')) return;
    const h = setTimeout(() => set({ q: q.trim() || undefined }), 400);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const list = useApplicationPage({ ...query, sort: f.sort ?? '-submittedAt', page, pageSize });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const exportHref = apiUrl('/applications.xlsx', { ...query, sort: undefined });

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t('apl.policy'),
      dataIndex: 'policyTitle',
      render: (title: string, a) => (
        <div style={{ minWidth: 180, maxWidth: 260 }}>
          <Link to={`/applications/${a.id}`}>{title}</Link>
          <div style={{ fontSize: 12, color: '#999', fontFamily: 'monospace' }}>{a.number}</div>
        </div>
      ),
    },
    { title: t('apl.status'), dataIndex: 'status', render: (s: ApplicationSummary['status']) => <ApplicationStatusTag status={s} /> },
    {
      title: t('apl.enterprise'),
      dataIndex: 'enterpriseName',
      render: (n: string, a) => <div style={{ minWidth: 120, maxWidth: 200 }}>{can('enterprises.read') ? <Link to={`/enterprises/${a.enterpriseId}`}>{n}</Link> : n}</div>,
    },
    { title: t('apl.park'), dataIndex: 'parkName', render: (n: string) => <div style={{ maxWidth: 120 }}>{n}</div> },
    { title: t('apl.requestedAmount'), dataIndex: 'requestedAmountWan', align: 'right', render: (v: number | null) => wan(v) },
    { title: t('apl.approvedAmount'), dataIndex: 'approvedAmountWan', align: 'right', render: (v: number | null) => wan(v) },
    { title: t('apl.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtShort(v)}</span> },
    { title: t('apl.stepDueShort'), key: 'step', render: (_: unknown, a) => <StepDue a={a} /> },
  ];

  const active = (['status', 'policyId', 'parkId', 'from'] as const).filter((k) => f[k]).length;
  const statusOptions = [
    { value: 'open', label: t('apl.status.open') },
    ...applicationStatuses.map((s) => ({ value: s, label: label(applicationStatusLabels[s], s) })),
  ];

  return (
    <Page
      title={t('nav.applications')}
      extra={
        <>
          {can('applications.stats') ? (
            <Link to="/applications/stats"><Button icon={<BarChartOutlined />} data-testid="application-stats-link">{t('apl.stats')}</Button></Link>
          ) : null}
          <a href={exportHref} download data-testid="application-export">
            <Button icon={<DownloadOutlined />}>{t('ent.export')}</Button>
          </a>
        </>
      }
    >
      <Flex wrap gap={8} className="yqt-filters" align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => set({ q: q.trim() || undefined })}
          placeholder={t('apl.searchPlaceholder')}
          style={{ width: 240 }}
          maxLength={50}
          data-testid="application-search"
        />
        <Checkbox checked={f.mine === 'true'} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })} data-testid="filter-mine">
          {t('apl.mine')}
        </Checkbox>
        {isMobile ? (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} type={active ? 'primary' : 'default'} ghost={!!active}>
            {t('ent.filters')}
            {active ? ` (${active})` : ''}
          </Button>
        ) : null}
        {isMobile && !expanded ? null : (
          <>
            <Select allowClear placeholder={t('apl.status')} value={f.status} onChange={(v: string | undefined) => set({ status: v })} options={statusOptions} style={{ width: 140 }} data-testid="filter-status" />
            <Select
              allowClear
              placeholder={t('apl.policy')}
              value={f.policyId}
              onChange={(v: string | undefined) => set({ policyId: v })}
              options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
              showSearch={{ optionFilterProp: 'label' }}
              loading={policies.isLoading}
              style={{ width: 240 }}
              data-testid="filter-policy"
            />
            <Select
              allowClear
              placeholder={t('apl.park')}
              value={f.parkId}
              onChange={(v: string | undefined) => set({ parkId: v })}
              options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
              data-testid="filter-park"
            />
            <DatePicker.RangePicker
              value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
              onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
              placeholder={[t('apl.from'), t('apl.to')]}
              style={{ width: isMobile ? '100%' : 250 }}
            />
            <Select
              value={f.sort ?? '-submittedAt'}
              onChange={(v: string) => set({ sort: v === '-submittedAt' ? undefined : v })}
              options={[
                { value: '-submittedAt', label: t('apl.sort.newest') },
                { value: 'submittedAt', label: t('apl.sort.oldest') },
                { value: 'stepDueAt', label: t('apl.sort.due') },
              ]}
              style={{ width: 130 }}
            />
            <Button onClick={reset}>{t('common.reset')}</Button>
          </>
        )}
      </Flex>
      {f.enterpriseId ? (
        <Tag closable onClose={() => set({ enterpriseId: undefined })} style={{ marginBottom: 8 }}>
          {t('apl.filteredEnterprise', { name: items[0]?.enterpriseName ?? '…' })}
        </Tag>
      ) : null}
      {isMobile ? (
        <>
          <List loading={list.isLoading} dataSource={items} locale={{ emptyText: <Empty description={t('common.empty')} /> }} renderItem={(a) => <ApplicationCard a={a} staff />} />
          {total > pageSize ? <Pagination simple current={page} pageSize={pageSize} total={total} onChange={setPage} style={{ textAlign: 'center', marginTop: 8 }} /> : null}
        </>
      ) : (
        <Table<ApplicationSummary>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isFetching && !list.isRefetching}
          scroll={{ x: 'max-content' }}
          onRow={(a) => ({ 'data-testid': 'application-row', 'data-row-key': a.id }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          pagination={{ current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('common.total', { n }), onChange: setPage }}
          data-testid="application-table"
        />
      )}
    </Page>
  );
}

/** /applications: an enterprise contact's own applications, or the staff list. */
export default function ApplicationsPage() {
  const { data: me } = useMe();
  if (!me) return null;
  return me.scope.kind === 'enterprise' ? <MyApplications /> : <ApplicationQueue />;
}
