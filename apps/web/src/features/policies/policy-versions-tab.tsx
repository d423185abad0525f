import { useState } from 'react';
import { Button, Collapse, Descriptions, Empty, Flex, Modal, Table, Tag, Typography } from 'antd';
import type { RuleNode } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { dash, fmtDateTime } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { BenefitTag, LevelTag, PolicyStatusTag } from './labels';
import { usePolicyVersion, usePolicyVersions, type PolicyVersionListT } from './policies.api';
import type { Names } from './rule-text';
import { RuleView } from './rule-view';

type Version = PolicyVersionListT['items'][number];

const fieldKeys = [
  'title', 'issuer', 'level', 'docNumber', 'publishedOn', 'effectiveFrom', 'expiresOn', 'applyFrom', 'applyUntil', 'benefitType',
  'maxAmountWan', 'tags', 'fullText', 'interpretation', 'rules', 'departmentId', 'materials', 'status', 'key',
] as const;

function useFieldName() {
  const { t } = useI18n();
  return (f: string) => ((fieldKeys as readonly string[]).includes(f) ? t(`pol.field.${f}` as DictKey) : f);
}

function useActionName() {
  const { t } = useI18n();
  return (a: string) => (['create', 'update', 'publish', 'withdraw', 'expire'].includes(a) ? t(`pol.versionAction.${a}` as DictKey) : a);
}

function VersionView({ policyId, version, names }: { policyId: string; version: number; names: Names }) {
  const { t } = useI18n();
  const q = usePolicyVersion(policyId, version);
  const s = (q.data?.snapshot ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : null);
  const changed = new Set(q.data?.changedFields ?? []);
  const mark = (k: string) => (changed.has(k) ? 'yqt-diff-changed' : undefined);
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {q.data ? (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'title', label: t('pol.title'), children: dash(str('title')), className: mark('title') },
              { key: 'issuer', label: t('pol.issuer'), children: dash(str('issuer')), className: mark('issuer') },
              {
                key: 'level',
                label: t('pol.level'),
                className: mark('level') ?? mark('benefitType'),
                children: (
                  <Flex gap={4}>
                    {s.level ? <LevelTag level={s.level as never} /> : null}
                    {s.benefitType ? <BenefitTag type={s.benefitType as never} /> : null}
                  </Flex>
                ),
              },
              { key: 'status', label: t('pol.status'), children: <PolicyStatusTag status={q.data.status} /> },
              { key: 'window', label: t('pol.applyWindow'), className: mark('applyFrom') ?? mark('applyUntil'), children: `${dash(str('applyFrom'))} ~ ${dash(str('applyUntil'))}` },
              { key: 'amount', label: t('pol.maxAmount'), className: mark('maxAmountWan'), children: dash(s.maxAmountWan) },
              { key: 'tags', label: t('pol.tags'), className: mark('tags'), children: Array.isArray(s.tags) ? (s.tags as string[]).map((x) => <Tag key={x}>{x}</Tag>) : '—' },
              { key: 'rules', label: t('pol.conditions'), className: mark('rules'), children: <RuleView rules={(s.rules as RuleNode | null) ?? null} names={names} /> },
            ]}
          />
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            items={[{ key: 'raw', label: t('pol.versionRaw'), children: <pre className="yqt-json">{JSON.stringify(s, null, 2)}</pre> }]}
          />
        </>
      ) : null}
    </QueryState>
  );
}

/** 版本: who changed what and when; any version can be viewed. */
export function PolicyVersionsTab({ policyId, names }: { policyId: string; names: Names }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const q = usePolicyVersions(policyId, true);
  const [viewing, setViewing] = useState<number | null>(null);
  const fieldName = useFieldName();
  const actionName = useActionName();
  return (
    <>
      <Table<Version>
        rowKey="version"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty /> }}
        columns={[
          { title: t('pol.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('pol.versionWhat'), dataIndex: 'action', render: (a: string, v) => <>{actionName(a)}{v.reason ? <div><Typography.Text type="secondary">{t('pol.withdrawReason')}: {v.reason}</Typography.Text></div> : null}</> },
          ...(isMobile ? [] : [{ title: t('pol.versionChanged'), dataIndex: 'changedFields', render: (f: string[]) => (f.length ? <Flex wrap gap={4}>{f.map((x) => <Tag key={x}>{fieldName(x)}</Tag>)}</Flex> : '—') }]),
          { title: t('pol.status'), dataIndex: 'status', render: (_: unknown, v) => <PolicyStatusTag status={v.status} /> },
          { title: t('pol.versionWho'), dataIndex: 'changedByName', render: (n: string | null) => n ?? t('pol.system') },
          { title: t('pol.versionWhen'), dataIndex: 'createdAt', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(d)}</span> },
          { title: '', key: 'view', render: (_: unknown, v) => <Button size="small" type="link" onClick={() => setViewing(v.version)}>{t('common.view')}</Button> },
        ]}
        data-testid="version-table"
      />
      <Modal open={viewing !== null} onCancel={() => setViewing(null)} footer={null} title={t('pol.versionTitle', { v: viewing ?? '' })} width={760} destroyOnHidden>
        {viewing !== null ? <VersionView policyId={policyId} version={viewing} names={names} /> : null}
      </Modal>
    </>
  );
}
