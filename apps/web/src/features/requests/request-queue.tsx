import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Empty, Flex, Input, List, Pagination, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, FilterOutlined, PhoneOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { channelLabels, channels, requestKindLabels, requestKinds, type RequestStatus, type RequestSummary, type Role } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { api, ApiError, type Query } from '../../lib/api';
import { notifySuccess, notifyWarning } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan, useMe } from '../auth/auth.api';
import { useParks } from '../parks/parks.api';
import { BulkReassign } from './bulk-reassign';
import { ChannelText, Countdown, KindTag, RequestStatusTag } from './labels';
import { useCategories, useRequestPage } from './requests.api';
import { SavedViews } from './saved-views';
import { fmtShort } from './time';

const tabs = {
  submitted: 'submitted',
  working: 'accepted,in_progress,key_issue',
  awaiting: 'awaiting_info',
  resolved: 'resolved',
  /** 待回访: closed requests picked for a follow-up call that have none yet (`followUpDue=true`). */
  followUp: undefined,
  all: undefined,
} as const;
type TabKey = keyof typeof tabs;
const isOpenTab = (k: TabKey) => k === 'submitted' || k === 'working' || k === 'awaiting';

const filterKeys = ['q', 'kind', 'categoryId', 'channel', 'parkId', 'mine', 'overdue', 'sort'] as const;
type FilterKey = (typeof filterKeys)[number];

/** Statuses a supervisor may reassign from (lifecycle `reassign`: OPEN). */
const REASSIGNABLE: ReadonlySet<RequestStatus> = new Set(['submitted', 'accepted', 'in_progress', 'awaiting_info', 'key_issue']);
/** Only these roles may reassign (the server answers 403 otherwise, and per park for managers). */
const SUPERVISORS: readonly Role[] = ['admin', 'park_manager'];
/** Who records follow-ups: supervisors and the responsible officer. */
const FOLLOW_UP_ROLES: readonly Role[] = ['admin', 'park_manager', 'liaison'];

/** The view part of the URL (tab + filters + sort) in a fixed order: what a saved view stores. */
function viewQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of ['tab', ...filterKeys]) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
}

/** Queue state lives in the URL (shareable, survives the back button). */
function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'submitted';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const f = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined])) as Record<FilterKey, string | undefined>;
  const set = (patch: Partial<Record<FilterKey | 'tab', string | undefined>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  const setPage = (p: number, size: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', String(p));
      next.set('pageSize', String(size));
      return next;
    });
  const reset = () => setParams(new URLSearchParams(tab !== 'submitted' ? { tab } : {}), { replace: true });
  /** Applies a saved view: its query string replaces tab, filters and sort; paging starts over. */
  const apply = (query: string) => {
    const next = new URLSearchParams(query);
    const size = params.get('pageSize');
    if (size) next.set('pageSize', size);
    setParams(next);
  };
  return { tab: Object.hasOwn(tabs, tab) ? tab : 'submitted', page, pageSize, f, set, setPage, reset, apply, view: viewQuery(params) };
}

export function RequestQueue() {
  const { t, label } = useI18n();
  const can = useCan();
  const { data: me } = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const queue = useQueueParams();
  const { page, pageSize, f, set, setPage, reset } = queue;
  const roles = me?.roles ?? [];
  const canReassign = roles.some((r) => SUPERVISORS.includes(r));
  const canFollowUp = roles.some((r) => FOLLOW_UP_ROLES.includes(r));
  const tab: TabKey = queue.tab === 'followUp' && !canFollowUp ? 'submitted' : queue.tab;
  const followUpTab = tab === 'followUp';
  const parks = useParks();
  const cats = useCategories();
  const [q, setQ] = useState(f.q ?? '');
  const [expanded, setExpanded] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const canAct = can('requests.act');

  useEffect(() => setQ(f.q ?? ''), [f.q]);
  useEffect(() => {
    if (q.trim() === (f.q ?? '')) return;
    const h = setTimeout(() => set({ q: q.trim() || undefined }), 400);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const sort = f.sort ?? (isOpenTab(tab) ? 'deadline' : '-receivedAt');
  const query: Query = {
    status: tabs[tab],
    q: f.q,
    kind: f.kind,
    categoryId: f.categoryId,
    channel: f.channel,
    parkId: f.parkId,
    mine: f.mine,
    overdue: f.overdue,
    followUpDue: followUpTab ? 'true' : undefined,
    sort,
    page,
    pageSize,
  };
  const list = useRequestPage(query, { refetchInterval: 60_000 });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const categoryOptions = useMemo(() => {
    const all = cats.data?.items ?? [];
    const name = new Map(all.map((c) => [c.id, c.name]));
    return [...all]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((c) => ({ value: c.id, label: c.parentId ? `${name.get(c.parentId) ?? ''} / ${c.name}` : c.name }));
  }, [cats.data]);

  const acceptRows = items.filter((r) => selected.includes(r.id) && r.status === 'submitted');
  const reassignRows = canReassign ? items.filter((r) => selected.includes(r.id) && REASSIGNABLE.has(r.status)) : [];
  const selectable = (r: RequestSummary) => r.status === 'submitted' || (canReassign && REASSIGNABLE.has(r.status));
  const selectionTab = tab === 'submitted' || tab === 'all' || (canReassign && isOpenTab(tab));

  const bulkAccept = async () => {
    const rows = acceptRows;
    setBulkBusy(true);
    let ok = 0;
    let conflict = 0;
    let failed = 0;
    for (const r of rows) {
      try {
        await api.post(`/requests/${r.id}/actions/accept`, { version: r.version });
        ok++;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT') conflict++;
        else failed++;
      }
    }
    setBulkBusy(false);
    setSelected([]);
    void qc.invalidateQueries({ queryKey: ['requests'] });
    const msg = t('req.bulkResult', { ok, conflict, failed });
    if (conflict || failed) notifyWarning(msg);
    else notifySuccess(msg);
  };

  const columns: TableColumnsType<RequestSummary> = [
    followUpTab
      ? { title: t('req.closedAtShort'), dataIndex: 'closedAt', width: 130, render: (v: string | null) => (v ? fmtShort(v) : '—') }
      : { title: t('req.countdown'), key: 'countdown', width: 170, render: (_: unknown, r) => <Countdown request={r} /> },
    {
      title: t('req.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <div className="yqt-req-row-title">
          <Link to={`/requests/${r.id}`}>{title}</Link>
          {r.priority === 'urgent' ? <Tag color="red" style={{ marginInlineStart: 6 }}>{t('req.urgentTag')}</Tag> : null}
          {r.isKeyIssue ? <Tag color="magenta">{t('req.keyIssue')}</Tag> : null}
          <div style={{ fontSize: 12, color: '#999', fontFamily: 'monospace' }}>{r.number}</div>
        </div>
      ),
    },
    { title: t('req.status'), dataIndex: 'status', render: (s: RequestSummary['status']) => <RequestStatusTag status={s} /> },
    { title: t('req.kind'), dataIndex: 'kind', render: (k: RequestSummary['kind']) => <KindTag kind={k} /> },
    { title: t('req.category'), dataIndex: 'categoryName' },
    {
      title: t('req.enterprise'),
      dataIndex: 'enterpriseName',
      render: (n: string, r) => (can('enterprises.read') ? <Link to={`/enterprises/${r.enterpriseId}`}>{n}</Link> : n),
    },
    { title: t('req.park'), dataIndex: 'parkName' },
    { title: t('req.liaison'), dataIndex: 'liaisonName', render: (n: string | null) => n ?? '—' },
    { title: t('req.channel'), dataIndex: 'channel', render: (c: RequestSummary['channel']) => <ChannelText channel={c} /> },
    { title: t('req.receivedAtShort'), dataIndex: 'receivedAt', render: (v: string) => fmtShort(v) },
    ...(followUpTab
      ? [
          {
            title: t('common.actions'),
            key: 'followUp',
            fixed: 'right' as const,
            render: (_: unknown, r: RequestSummary) => (
              <Link to={`/requests/${r.id}#follow-ups`} data-testid="follow-up-go">
                <PhoneOutlined /> {t('req.followUpGo')}
              </Link>
            ),
          },
        ]
      : []),
  ];

  const sel = (key: FilterKey, placeholder: string, options: { value: string; label: string }[], width = 150) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={f[key]}
      onChange={(v: string | undefined) => set({ [key]: v })}
      options={options}
      style={{ width }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`filter-${key}`}
    />
  );
  const activeFilters = (['kind', 'categoryId', 'channel', 'parkId'] as const).filter((k) => f[k]).length;

  return (
    <Page
      title={t('req.queue')}
      extra={
        can('requests.create') ? (
          <Link to="/requests/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="request-new">{t('req.register')}</Button>
          </Link>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setSelected([]);
          set({ tab: k === 'submitted' ? undefined : k, sort: undefined });
        }}
        items={(Object.keys(tabs) as TabKey[]).filter((k) => k !== 'followUp' || canFollowUp).map((k) => ({
          key: k,
          label: <span data-testid={`queue-tab-${k}`}>{t(`req.tab.${k}`)}{k === tab && list.data ? ` (${total})` : ''}</span>,
        }))}
        style={{ marginBottom: 4 }}
      />
      <Flex wrap gap={8} className="yqt-filters" align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => set({ q: q.trim() || undefined })}
          placeholder={t('req.searchPlaceholder')}
          style={{ width: 240 }}
          maxLength={50}
          data-testid="queue-search"
        />
        <Checkbox checked={f.mine === 'true'} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })} data-testid="filter-mine">
          {t('req.mine')}
        </Checkbox>
        <Checkbox checked={f.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} data-testid="filter-overdue">
          {t('req.overdue')}
        </Checkbox>
        {isMobile ? (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} type={activeFilters ? 'primary' : 'default'} ghost={!!activeFilters}>
            {t('ent.filters')}
            {activeFilters ? ` (${activeFilters})` : ''}
          </Button>
        ) : null}
        {isMobile && !expanded ? null : (
          <>
            {sel('kind', t('req.kind'), requestKinds.map((k) => ({ value: k, label: label(requestKindLabels[k]) })), 120)}
            {sel('categoryId', t('req.category'), categoryOptions, 180)}
            {sel('channel', t('req.channel'), channels.map((c) => ({ value: c, label: label(channelLabels[c]) })), 110)}
            {sel('parkId', t('req.park'), (parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), 180)}
            <Select
              value={sort}
              onChange={(v: string) => set({ sort: v })}
              options={[
                { value: 'deadline', label: t('req.sort.deadline') },
                { value: '-receivedAt', label: t('req.sort.newest') },
                { value: 'receivedAt', label: t('req.sort.oldest') },
              ]}
              style={{ width: 130 }}
              aria-label={t('req.sort')}
              data-testid="queue-sort"
            />
            <Button onClick={reset}>{t('common.reset')}</Button>
          </>
        )}
      </Flex>
      <SavedViews
        userId={me?.id}
        current={queue.view}
        onApply={(query) => {
          setSelected([]);
          queue.apply(query);
        }}
      />
      {canAct && selected.length > 0 ? (
        <Flex gap={8} align="center" style={{ marginBottom: 8 }} wrap>
          <Typography.Text>{t('req.selected', { n: selected.length })}</Typography.Text>
          {acceptRows.length ? (
            <Button type="primary" icon={<CheckOutlined />} loading={bulkBusy} onClick={() => void bulkAccept()} data-testid="bulk-accept">
              {t('req.bulkAccept')}
              {reassignRows.length > acceptRows.length ? ` (${acceptRows.length})` : ''}
            </Button>
          ) : null}
          {reassignRows.length ? <BulkReassign rows={reassignRows} onDone={() => setSelected([])} /> : null}
          <Button type="link" onClick={() => setSelected([])}>{t('common.cancel')}</Button>
        </Flex>
      ) : null}
      {isMobile ? (
        <>
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('common.empty')} /> }}
            renderItem={(r) => (
              <Card
                size="small"
                className="yqt-req-card"
                style={{ marginBottom: 8 }}
                hoverable
                onClick={() => navigate(`/requests/${r.id}${followUpTab ? '#follow-ups' : ''}`)}
                data-testid="queue-row"
                data-row-key={r.id}
              >
                <Flex justify="space-between" gap={8} align="center">
                  <RequestStatusTag status={r.status} />
                  {followUpTab ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('req.closedAtShort')} {r.closedAt ? fmtShort(r.closedAt) : '—'}
                    </Typography.Text>
                  ) : (
                    <Countdown request={r} />
                  )}
                </Flex>
                <Typography.Text strong ellipsis style={{ display: 'block', marginTop: 6 }}>
                  {r.priority === 'urgent' ? <Tag color="red">{t('req.urgentTag')}</Tag> : null}
                  {r.title}
                </Typography.Text>
                <div style={{ fontSize: 12, color: '#888' }}>
                  {r.enterpriseName} · {r.categoryName} · {fmtShort(r.receivedAt)}
                </div>
              </Card>
            )}
          />
          <Pagination simple current={page} pageSize={pageSize} total={total} onChange={setPage} style={{ textAlign: 'center', marginTop: 8 }} />
        </>
      ) : (
        <Table<RequestSummary>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isFetching && !list.isRefetching}
          scroll={{ x: 'max-content' }}
          size="middle"
          onRow={() => ({ 'data-testid': 'queue-row' }) as React.HTMLAttributes<HTMLElement>}
          rowSelection={
            canAct && selectionTab
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: !selectable(r) }),
                }
              : undefined
          }
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
          data-testid="queue-table"
        />
      )}
    </Page>
  );
}
