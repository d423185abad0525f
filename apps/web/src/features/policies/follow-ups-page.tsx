import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, List, Modal, Pagination, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useQueries } from '@tanstack/react-query';
import { followUpStatusLabels, followUpStatuses, type FollowUpStatus, type PolicyFollowUp } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { api, ApiError } from '../../lib/api';
import { fmtDateTime } from '../../shared/format';
import { notifyError, notifySuccess, notifyWarning } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan } from '../auth/auth.api';
import { FollowUpStatusTag, VerdictTag } from './labels';
import { policyKeys, useFollowUpPage, usePolicyPage, useUpdateFollowUp, type FollowUpPageT } from './policies.api';
import { useUrlFilters } from './url-filters';
import './policies.css';

type Settable = Exclude<FollowUpStatus, 'pending'>;
const settable: Settable[] = ['informed', 'not_interested', 'applying'];
const FILTERS = ['policyId', 'status', 'enterpriseId'] as const;

/** Server-searched picker over the published policies. */
function PolicySelect({ value, onChange, known }: { value?: string; onChange: (v: string | undefined) => void; known?: { id: string; title: string } }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const page = usePolicyPage({ q: debounced || undefined, status: 'published', pageSize: 20 });
  const options = useMemo(() => {
    const m = new Map<string, string>();
    if (known && (!debounced || known.title.includes(debounced))) m.set(known.id, known.title);
    for (const p of page.data?.items ?? []) m.set(p.id, p.title);
    return [...m].map(([id, title]) => ({ value: id, label: title }));
  }, [page.data, known, debounced]);
  return (
    <Select
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={page.isFetching}
      placeholder={t('fu.policy')}
      style={{ width: 280, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      data-testid="fu-policy"
    />
  );
}

/** 政策找企业: the officer's checklist of matched enterprises to contact about each policy. */
export default function FollowUpsPage() {
  const { t, label } = useI18n();
  const can = useCan();
  const isMobile = useIsMobile();
  const canAct = can('policies.followup');
  const { filters, page, pageSize, setFilters, setPage, query } = useUrlFilters(FILTERS);
  const list = useFollowUpPage(query);
  const update = useUpdateFollowUp();
  const [editing, setEditing] = useState<PolicyFollowUp | null>(null);
  const [form] = Form.useForm<{ status: Settable; note?: string }>();
  const items = list.data?.items ?? [];

  // Counts per status for the tabs (one tiny query each, same policy filter).
  const countQueries = useQueries({
    queries: followUpStatuses.map((s) => {
      const q = { policyId: filters.policyId, enterpriseId: filters.enterpriseId, status: s, pageSize: 1 };
      return { queryKey: policyKeys.followUps(q), queryFn: ({ signal }: { signal: AbortSignal }) => api.get<FollowUpPageT>('/policy-follow-ups', q, signal), staleTime: 10_000 };
    }),
  });
  const counts = Object.fromEntries(followUpStatuses.map((s, i) => [s, countQueries[i]?.data?.total])) as Record<FollowUpStatus, number | undefined>;
  const allCount = followUpStatuses.every((s) => counts[s] !== undefined) ? followUpStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;

  const save = (f: PolicyFollowUp, status: Settable, note: string | null, done?: () => void) =>
    update.mutate(
      { policyId: f.policyId, enterpriseId: f.enterpriseId, body: { status, note, version: f.version } },
      {
        onSuccess: () => {
          notifySuccess(t('fu.saved', { name: f.enterpriseName }));
          done?.();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            notifyWarning(t('fu.conflict'));
            void list.refetch();
            done?.();
            return;
          }
          if (e instanceof ApiError) form.setFields(e.fieldErrors.filter((d) => d.path === 'note' || d.path === 'status').map((d) => ({ name: d.path as 'note', errors: [d.message] })));
          notifyError(e);
        },
      },
    );

  const openEdit = (f: PolicyFollowUp) => {
    setEditing(f);
    form.setFieldsValue({ status: f.status === 'pending' ? 'informed' : f.status, note: f.note ?? '' });
  };

  const statusPicker = (f: PolicyFollowUp) =>
    canAct ? (
      <Select<Settable>
        size="small"
        value={f.status === 'pending' ? undefined : f.status}
        placeholder={label(followUpStatusLabels.pending)}
        onChange={(s) => save(f, s, f.note)}
        options={settable.map((s) => ({ value: s, label: label(followUpStatusLabels[s]) }))}
        style={{ width: 120 }}
        loading={update.isPending && update.variables?.enterpriseId === f.enterpriseId && update.variables?.policyId === f.policyId}
        data-testid="fu-status"
      />
    ) : (
      <FollowUpStatusTag status={f.status} />
    );

  const columns = useMemo<TableColumnsType<PolicyFollowUp>>(
    () => [
      { title: t('fu.policy'), dataIndex: 'policyTitle', render: (v: string, f) => <Link to={`/policies/${f.policyId}`} style={{ display: 'inline-block', maxWidth: 280 }}>{v}</Link> },
      { title: t('fu.enterprise'), dataIndex: 'enterpriseName', render: (v: string, f) => <div><Link to={`/enterprises/${f.enterpriseId}`}>{v}</Link><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.parkName}</Typography.Text></div></div> },
      { title: t('pol.match.liaison'), dataIndex: 'liaisonName', render: (v: string | null) => v ?? <Tag color="orange">{t('ent.notAssigned')}</Tag> },
      { title: t('pol.match.verdict'), dataIndex: 'verdict', render: (_: unknown, f) => <VerdictTag verdict={f.verdict} /> },
      { title: t('fu.status'), dataIndex: 'status', render: (_: unknown, f) => statusPicker(f) },
      {
        title: t('fu.note'),
        dataIndex: 'note',
        render: (v: string | null, f) => (
          <Flex gap={4} align="start" style={{ maxWidth: 260 }}>
            <Typography.Text type={v ? undefined : 'secondary'} style={{ fontSize: 13 }}>{v ?? '—'}</Typography.Text>
            {canAct ? <Button size="small" type="text" icon={<EditOutlined />} onClick={() => openEdit(f)} aria-label={t('fu.editNote')} data-testid="fu-edit" /> : null}
          </Flex>
        ),
      },
      { title: t('fu.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(v)}</span> },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, label, canAct, update.isPending, update.variables],
  );

  const known = filters.policyId ? items.find((f) => f.policyId === filters.policyId) : undefined;
  const n = (v: number | undefined) => (v === undefined ? '…' : v);

  return (
    <Page title={t('fu.title')}>
      <Typography.Paragraph type="secondary">{t('fu.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" className="yqt-filters">
        <PolicySelect value={filters.policyId} onChange={(v) => setFilters({ policyId: v })} known={known ? { id: known.policyId, title: known.policyTitle } : undefined} />
        {filters.enterpriseId ? (
          <Tag closable onClose={() => setFilters({ enterpriseId: undefined })} color="blue" style={{ marginInlineEnd: 0 }} data-testid="fu-enterprise-filter">
            {t('fu.enterprise')}: {items[0]?.enterpriseName ?? '…'}
          </Tag>
        ) : null}
        <div className="yqt-scroll-x">
          <Segmented
            value={filters.status ?? 'all'}
            onChange={(v) => setFilters({ status: v === 'all' ? undefined : String(v) })}
            options={[
              { value: 'all', label: `${t('common.all')} ${n(allCount)}` },
              ...followUpStatuses.map((s) => ({ value: s, label: `${label(followUpStatusLabels[s])} ${n(counts[s])}` })),
            ]}
            data-testid="fu-status-filter"
          />
        </div>
      </Flex>
      {isMobile ? (
        <>
          <List
            loading={list.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('fu.none')} /> }}
            renderItem={(f) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="fu-card">
                <Link to={`/enterprises/${f.enterpriseId}`}><Typography.Text strong>{f.enterpriseName}</Typography.Text></Link>
                <div><Link to={`/policies/${f.policyId}`} style={{ fontSize: 13 }}>{f.policyTitle}</Link></div>
                <Flex wrap gap={4} style={{ margin: '6px 0' }}>
                  <FollowUpStatusTag status={f.status} />
                  <VerdictTag verdict={f.verdict} />
                  <Tag>{f.parkName}</Tag>
                  {f.liaisonName ? <Tag icon={<TeamOutlined />}>{f.liaisonName}</Tag> : null}
                </Flex>
                {f.note ? <Typography.Paragraph type="secondary" style={{ marginBottom: 6, fontSize: 13 }}>{f.note}</Typography.Paragraph> : null}
                {canAct ? (
                  <Flex gap={8} align="center">
                    {statusPicker(f)}
                    <Button size="small" icon={<EditOutlined />} onClick={() => openEdit(f)}>{t('fu.editNote')}</Button>
                  </Flex>
                ) : null}
              </Card>
            )}
          />
          <Pagination simple current={page} pageSize={pageSize} total={list.data?.total ?? 0} onChange={(p) => setPage(p)} style={{ marginTop: 8, justifyContent: 'center' }} />
        </>
      ) : (
        <Table<PolicyFollowUp>
          rowKey={(f) => `${f.policyId}:${f.enterpriseId}`}
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('fu.none')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (x) => t('common.total', { n: x }),
            onChange: setPage,
          }}
          data-testid="fu-table"
        />
      )}
      <Modal
        open={!!editing}
        title={editing ? t('fu.editTitle', { name: editing.enterpriseName }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: update.isPending }}
        destroyOnHidden
      >
        {editing ? <Typography.Paragraph type="secondary">{editing.policyTitle}</Typography.Paragraph> : null}
        <Form form={form} layout="vertical" onFinish={(v) => editing && save(editing, v.status, v.note?.trim() || null, () => setEditing(null))}>
          <Form.Item name="status" label={t('fu.status')} rules={[{ required: true }]}>
            <Segmented options={settable.map((s) => ({ value: s, label: label(followUpStatusLabels[s]) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('fu.note')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} showCount placeholder={t('fu.notePh')} data-testid="fu-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
