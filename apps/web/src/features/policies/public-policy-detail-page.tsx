import { Button, Card, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { fmtDate } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useMe } from '../auth/auth.api';
import { PolicyStatusTag, WindowBadge } from './labels';
import { usePolicy } from './policies.api';
import { PolicyBody, PolicyFacts } from './policy-content';
import { ShareButton } from './share-button';

/** Where an enterprise contact sees which policies fit them (the applications feature's page). */
export const MY_MATCHES_PATH = '/my/policy-matches';

/** Public policy detail: facts, the plain-language 解读 first, conditions in words, full text, attachments, share. */
export default function PublicPolicyDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const { data: me } = useMe();
  const q = usePolicy(id);
  const p = q.data;
  const isContact = me?.scope.kind === 'enterprise';

  const actions = p ? (
    <>
      {isContact ? (
        <Link to={`${MY_MATCHES_PATH}?policyId=${p.id}`}>
          <Button type="primary" icon={<CheckCircleOutlined />} data-testid="check-my-eligibility">{t('pol.checkMine')}</Button>
        </Link>
      ) : null}
      {p.canEdit ? (
        <Link to={`/policies/${p.id}`}>
          <Button icon={<SettingOutlined />}>{t('pol.manageInConsole')}</Button>
        </Link>
      ) : null}
      <ShareButton path={`/p/policies/${p.id}`} title={p.title} />
    </>
  ) : null;

  return (
    <div className="yqt-pub-page">
      <Link to="/p/policies">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('pol.backToLibrary')}</Button>
      </Link>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {p ? (
          <>
            <Flex gap={6} wrap style={{ marginTop: 4 }}>
              {p.status !== 'published' ? <PolicyStatusTag status={p.status} /> : null}
              <WindowBadge p={p} />
            </Flex>
            <Typography.Title level={isMobile ? 4 : 3} style={{ margin: '6px 0 12px' }} data-testid="policy-title">{p.title}</Typography.Title>
            {isMobile ? null : <Flex gap={8} wrap style={{ marginBottom: 12 }}>{actions}</Flex>}
            <Card size="small" style={{ marginBottom: 12 }}>
              <PolicyFacts p={p} />
            </Card>
            <PolicyBody p={p} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pub.updatedOn', { d: fmtDate(p.updatedAt) })}</Typography.Text>
            {isMobile ? <div className="yqt-pub-actionbar">{actions}</div> : null}
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
