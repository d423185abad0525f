import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Cascader, Descriptions, Drawer, Flex, Form, Input, InputNumber, List, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../shared/form-errors';
import { notifyError, notifySuccess } from '../../shared/notify';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { categoryPath, categoryTree, useCategories, useSlaPreview } from '../requests/requests.api';
import { fmtLong, inPark } from '../requests/time';
import { useLimitText } from './limit-text';
import { minutesBreakdown, usePolicies, useRetirePolicy, useSavePolicy, type SlaPolicy, type SlaPolicyIn } from './settings.api';

const FIXED_KEYS = new Set(['default', 'key_issue']);

type Values = {
  name: string;
  categoryId?: string[];
  priority?: 'normal' | 'urgent' | 'any';
  forKeyIssue: boolean;
  timeMode: 'working' | 'natural';
  acceptMinutes: number;
  feedbackMinutes: number;
  resolveMinutes: number;
  warnPercent: number;
};

function MinutesField({ name, label, mode }: { name: 'acceptMinutes' | 'feedbackMinutes' | 'resolveMinutes'; label: string; mode: 'working' | 'natural' }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<Values>();
  const v = Form.useWatch(name, form);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('set.policy.minutesRequired') }]}
      extra={<span data-testid={`policy-${name}-hint`}>{minutesBreakdown(v, mode, lang)}</span>}
    >
      <InputNumber min={1} max={525600} precision={0} suffix={t('set.minutes')} style={{ width: '100%' }} data-testid={`policy-${name}`} />
    </Form.Item>
  );
}

function PolicyPreview({ categoryId, priority }: { categoryId?: string; priority?: 'normal' | 'urgent' }) {
  const { t } = useI18n();
  const preview = useSlaPreview();
  const { mutate } = preview;
  useEffect(() => {
    const h = setTimeout(() => mutate({ startAt: new Date().toISOString(), categoryId, priority }), 300);
    return () => clearTimeout(h);
  }, [categoryId, priority, mutate]);
  const r = preview.data;
  const wd = (iso: string) => inPark(iso).format('ddd');
  return (
    <Card size="small" title={t('set.policy.preview')} style={{ marginTop: 8 }} data-testid="policy-preview">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('set.policy.previewHint')}</Typography.Paragraph>
      {r ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('sla.policy')}><span data-testid="policy-preview-name">{r.policy.name} · v{r.policy.version}</span></Descriptions.Item>
          <Descriptions.Item label={t('req.clockStartedAt')}>{fmtLong(r.clockStartedAt)} {wd(r.clockStartedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('req.promise.accept')}>{fmtLong(r.acceptBy)} {wd(r.acceptBy)}</Descriptions.Item>
          <Descriptions.Item label={t('req.promise.feedback')}>{fmtLong(r.feedbackBy)} {wd(r.feedbackBy)}</Descriptions.Item>
          <Descriptions.Item label={t('req.promise.resolve')}>{fmtLong(r.resolveBy)} {wd(r.resolveBy)}</Descriptions.Item>
        </Descriptions>
      ) : preview.error ? (
        <Typography.Text type="danger">{(preview.error as Error).message}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">…</Typography.Text>
      )}
    </Card>
  );
}

function PolicyForm({ editing, onClose }: { editing: SlaPolicy | 'new'; onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const cats = useCategories();
  const tree = useMemo(() => categoryTree(cats.data?.items ?? []), [cats.data]);
  const save = useSavePolicy();
  const p = editing === 'new' ? null : editing;
  const isDefault = p?.policyKey === 'default';
  const isKeyIssue = p?.policyKey === 'key_issue';
  const mode = (Form.useWatch('timeMode', form) ?? p?.timeMode ?? 'working') as Values['timeMode'];
  const catPath = Form.useWatch('categoryId', form);
  const prio = Form.useWatch('priority', form);

  const initial: Values = p
    ? {
        name: p.name,
        categoryId: categoryPath(cats.data?.items ?? [], p.categoryId ?? undefined),
        priority: (p.priority as Values['priority']) ?? 'any',
        forKeyIssue: p.forKeyIssue,
        timeMode: p.timeMode,
        acceptMinutes: p.acceptMinutes,
        feedbackMinutes: p.feedbackMinutes,
        resolveMinutes: p.resolveMinutes,
        warnPercent: Math.round(p.warnRatio * 100),
      }
    : { name: '', priority: 'any', forKeyIssue: false, timeMode: 'working', acceptMinutes: 60, feedbackMinutes: 540, resolveMinutes: 1080, warnPercent: 80 };

  const onFinish = async (v: Values) => {
    const body: SlaPolicyIn = {
      name: v.name,
      categoryId: v.categoryId?.length ? v.categoryId[v.categoryId.length - 1] : null,
      priority: v.priority && v.priority !== 'any' ? v.priority : null,
      forKeyIssue: v.forKeyIssue,
      timeMode: v.timeMode,
      acceptMinutes: v.acceptMinutes,
      feedbackMinutes: v.feedbackMinutes,
      resolveMinutes: v.resolveMinutes,
      warnRatio: v.warnPercent / 100,
    };
    try {
      const saved = await save.mutateAsync({ key: p?.policyKey ?? null, body });
      notifySuccess(t('set.policy.savedVersion', { name: saved.name, v: saved.version }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError) {
        // warnRatio is edited as a percentage.
        const mapped = e.fieldErrors.some((d) => d.path === 'warnRatio');
        if (mapped) form.setFields([{ name: 'warnPercent', errors: [e.fieldErrors.find((d) => d.path === 'warnRatio')!.message] }]);
      }
      applyServerErrors(form, e);
      notifyError(e);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={p ? t('set.policy.editTitle', { name: p.name, v: p.version }) : t('set.policy.new')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="policy-save">{t('common.save')}</Button>
        </Space>
      }
    >
      {p ? <Alert type="info" showIcon title={t('set.policy.versionNote', { v: p.version + 1 })} style={{ marginBottom: 16 }} data-testid="policy-version-note" /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="name" label={t('set.policy.name')} rules={[{ required: true, whitespace: true, message: t('set.policy.nameRequired') }, { max: 50 }]}>
          <Input maxLength={50} data-testid="policy-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="categoryId" label={t('req.category')} style={{ flex: '1 1 220px' }} extra={isDefault ? t('set.policy.defaultScope') : undefined}>
            <Cascader allowClear changeOnSelect options={tree} disabled={isDefault} placeholder={t('set.policy.anyCategory')} style={{ width: '100%' }} data-testid="policy-category" />
          </Form.Item>
          <Form.Item name="priority" label={t('req.priority')} style={{ flex: '1 1 140px' }}>
            <Select
              disabled={isDefault}
              options={[
                { value: 'any', label: t('set.policy.anyPriority') },
                { value: 'normal', label: t('req.normal') },
                { value: 'urgent', label: t('req.urgent') },
              ]}
              data-testid="policy-priority"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="forKeyIssue" label={t('set.policy.forKeyIssue')} valuePropName="checked" extra={t('set.policy.forKeyIssueHint')}>
          <Switch disabled={isDefault || isKeyIssue} />
        </Form.Item>
        <Form.Item name="timeMode" label={t('set.policy.timeMode')} extra={t(mode === 'working' ? 'set.policy.workingHint' : 'set.policy.naturalHint')}>
          <Segmented
            options={[
              { value: 'working', label: t('set.policy.working') },
              { value: 'natural', label: t('set.policy.natural') },
            ]}
            data-testid="policy-timeMode"
          />
        </Form.Item>
        <MinutesField name="acceptMinutes" label={t('req.promise.accept')} mode={mode} />
        <MinutesField name="feedbackMinutes" label={t('req.promise.feedback')} mode={mode} />
        <MinutesField name="resolveMinutes" label={t('req.promise.resolve')} mode={mode} />
        <Form.Item
          name="warnPercent"
          label={t('set.policy.warnRatio')}
          extra={t('set.policy.warnRatioHint')}
          rules={[{ required: true }, { type: 'number', min: 1, max: 100 }]}
        >
          <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 160 }} data-testid="policy-warn" />
        </Form.Item>
      </Form>
      <PolicyPreview
        categoryId={catPath?.length ? catPath[catPath.length - 1] : undefined}
        priority={prio && prio !== 'any' ? prio : undefined}
      />
    </Drawer>
  );
}

/** 时限规则: the SLA policies; editing adds a version, requests keep the version they started under. */
export default function PoliciesPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const q = usePolicies(history);
  const cats = useCategories();
  const retire = useRetirePolicy();
  const limit = useLimitText();
  const catName = new Map((cats.data?.items ?? []).map((c) => [c.id, c.name]));
  const items = q.data?.items ?? [];

  const scope = (p: SlaPolicy) => (
    <Flex gap={4} wrap>
      {p.policyKey === 'default' ? <Tag color="blue">{t('set.policy.default')}</Tag> : null}
      {p.forKeyIssue ? <Tag color="magenta">{t('req.keyIssue')}</Tag> : null}
      {p.categoryId ? <Tag>{catName.get(p.categoryId) ?? t('set.policy.inactiveCategory')}</Tag> : null}
      {p.priority ? <Tag color={p.priority === 'urgent' ? 'red' : undefined}>{p.priority === 'urgent' ? t('req.urgent') : t('req.normal')}</Tag> : null}
      {!p.categoryId && !p.priority && !p.forKeyIssue && p.policyKey !== 'default' ? <Tag>{t('set.policy.anyCategory')}</Tag> : null}
    </Flex>
  );
  const modeTag = (p: SlaPolicy) => <Tag color={p.timeMode === 'natural' ? 'orange' : 'geekblue'}>{t(p.timeMode === 'working' ? 'set.policy.working' : 'set.policy.natural')}</Tag>;

  const askRetire = (p: SlaPolicy) =>
    modal.confirm({
      title: t('set.policy.retireConfirm', { name: p.name }),
      content: t('set.policy.retireHint'),
      okText: t('set.policy.retire'),
      okButtonProps: { danger: true, 'data-testid': 'policy-retire-confirm' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () => retire.mutateAsync(p.policyKey).then(() => notifySuccess(t('common.deleted'))),
    });

  const actions = (p: SlaPolicy) =>
    p.current ? (
      <Space size={0}>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={`policy-edit-${p.policyKey}`}>{t('common.edit')}</Button>
        {FIXED_KEYS.has(p.policyKey) ? null : (
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => askRetire(p)} data-testid={`policy-retire-${p.policyKey}`}>{t('set.policy.retire')}</Button>
        )}
      </Space>
    ) : (
      <Tag>{t('set.policy.old')}</Tag>
    );

  const columns: TableColumnsType<SlaPolicy> = [
    { title: t('set.policy.name'), dataIndex: 'name', render: (n: string, p) => <><Typography.Text strong={p.current}>{n}</Typography.Text> <Typography.Text type="secondary">v{p.version}</Typography.Text></> },
    { title: t('set.policy.scope'), key: 'scope', render: (_: unknown, p) => scope(p) },
    { title: t('set.policy.timeMode'), key: 'mode', render: (_: unknown, p) => modeTag(p) },
    { title: t('req.promise.accept'), dataIndex: 'acceptMinutes', render: (m: number, p) => limit(m, p.timeMode) },
    { title: t('req.promise.feedback'), dataIndex: 'feedbackMinutes', render: (m: number, p) => limit(m, p.timeMode) },
    { title: t('req.promise.resolve'), dataIndex: 'resolveMinutes', render: (m: number, p) => limit(m, p.timeMode) },
    { title: t('set.policy.warnRatio'), dataIndex: 'warnRatio', render: (w: number) => `${Math.round(w * 100)}%` },
    { title: t('set.policy.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmtLong(v) },
    { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_: unknown, p) => actions(p) },
  ];

  return (
    <Page
      title={t('set.policies')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="policy-new">{t('set.policy.new')}</Button>}
    >
      <Alert type="info" showIcon title={t('set.policy.explain')} style={{ marginBottom: 12 }} />
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Switch checked={history} onChange={setHistory} size="small" data-testid="policy-history" />
        <Typography.Text>{t('set.policy.showHistory')}</Typography.Text>
      </Flex>
      {isMobile ? (
        <List
          loading={q.isLoading}
          dataSource={items}
          renderItem={(p) => (
            <Card size="small" style={{ marginBottom: 8, opacity: p.current ? 1 : 0.6 }} data-testid="policy-row" data-key={p.policyKey}>
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong>{p.name} <Typography.Text type="secondary">v{p.version}</Typography.Text></Typography.Text>
                {modeTag(p)}
              </Flex>
              <div style={{ margin: '6px 0' }}>{scope(p)}</div>
              <div style={{ fontSize: 13 }}>
                {t('req.promise.accept')} {limit(p.acceptMinutes, p.timeMode)} · {t('req.promise.feedback')} {limit(p.feedbackMinutes, p.timeMode)} · {t('req.promise.resolve')} {limit(p.resolveMinutes, p.timeMode)}
              </div>
              <div style={{ marginTop: 6 }}>{actions(p)}</div>
            </Card>
          )}
        />
      ) : (
        <Table<SlaPolicy>
          rowKey="id"
          size="middle"
          loading={q.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowClassName={(p) => (p.current ? '' : 'yqt-row-old')}
          onRow={(p) => ({ 'data-testid': 'policy-row', 'data-key': p.policyKey }) as React.HTMLAttributes<HTMLElement>}
          data-testid="policy-table"
        />
      )}
      {editing ? <PolicyForm key={editing === 'new' ? 'new' : editing.id} editing={editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}
