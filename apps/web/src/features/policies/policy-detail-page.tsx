import { useMemo } from 'react';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, GlobalOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { fmtDateTime } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useCan, useMe } from '../auth/auth.api';
import { useParks } from '../parks/parks.api';
import { PolicyStatusTag, WindowBadge } from './labels';
import { usePolicy } from './policies.api';
import { PolicyActions } from './policy-actions';
import { PolicyAttachmentsTab } from './policy-attachments-tab';
import { PolicyBody, PolicyFacts } from './policy-content';
import { PolicyMatchesTab } from './policy-matches-tab';
import { PolicyVersionsTab } from './policy-versions-tab';
import { MY_MATCHES_PATH } from './public-policy-detail-page';
import type { Names } from './rule-text';
import { ShareButton } from './share-button';
import './policies.css';

/** A policy in the console: reading for everyone; status actions, matches, versions, attachments for staff. */
export default function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = usePolicy(id);
  const p = q.data;
  const parks = useParks(can('parks.read'));
  const names = useMemo<Names>(() => ({ park: (pid) => parks.data?.items.find((x) => x.id === pid)?.name }), [parks.data]);
  const isContact = me?.scope.kind === 'enterprise';
  const staff = !!me && !isContact;
  const tab = params.get('tab') ?? 'content';

  const content = p ? (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <PolicyFacts p={p} />
      </Card>
      <PolicyBody p={p} names={names} />
    </>
  ) : null;

  const tabs = p
    ? [
        { key: 'content', label: t('pol.tab.content'), children: content },
        ...(staff && can('matches.read') ? [{ key: 'matches', label: t('pol.tab.matches'), children: <PolicyMatchesTab policyId={p.id} published={p.status === 'published'} /> }] : []),
        ...(p.canEdit ? [{ key: 'versions', label: t('pol.tab.versions'), children: <PolicyVersionsTab policyId={p.id} names={names} /> }] : []),
        ...(p.canEdit ? [{ key: 'attachments', label: t('pol.tab.attachments', { n: p.attachments.length }), children: <PolicyAttachmentsTab p={p} /> }] : []),
      ]
    : [];

  return (
    <div className="yqt-page">
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {p ? (
          <>
            <Flex justify="space-between" align="start" wrap gap={8} style={{ marginBottom: 16 }}>
              <Flex align="start" gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
                <Link to="/policies"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} /></Link>
                <div style={{ minWidth: 0 }}>
                  <Typography.Title level={4} style={{ margin: 0 }} data-testid="policy-title">{p.title}</Typography.Title>
                  <Flex wrap gap={4} style={{ marginTop: 4 }} align="center">
                    <PolicyStatusTag status={p.status} testid="policy-status" />
                    <WindowBadge p={p} />
                    {p.canEdit ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('pol.versionLine', { v: p.version, at: fmtDateTime(p.updatedAt) })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                </div>
              </Flex>
              <Flex gap={8} wrap>
                {isContact ? (
                  <Link to={`${MY_MATCHES_PATH}?policyId=${p.id}`}>
                    <Button type="primary" icon={<CheckCircleOutlined />} data-testid="check-my-eligibility">{t('pol.checkMine')}</Button>
                  </Link>
                ) : null}
                {p.canEdit ? (
                  <Link to={`/policies/${p.id}/edit`}>
                    <Button icon={<EditOutlined />} data-testid="policy-edit">{t('common.edit')}</Button>
                  </Link>
                ) : null}
                <PolicyActions p={p} />
                {p.status === 'published' ? (
                  <>
                    <Link to={`/p/policies/${p.id}`} target="_blank">
                      <Button icon={<GlobalOutlined />}>{t('pol.publicPage')}</Button>
                    </Link>
                    <ShareButton path={`/p/policies/${p.id}`} title={p.title} />
                  </>
                ) : null}
              </Flex>
            </Flex>
            {tabs.length > 1 ? (
              <Tabs
                activeKey={tabs.some((x) => x.key === tab) ? tab : 'content'}
                onChange={(k) => setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  if (k === 'content') next.delete('tab');
                  else next.set('tab', k);
                  return next;
                }, { replace: true })}
                items={tabs}
                destroyOnHidden
              />
            ) : (
              content
            )}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
