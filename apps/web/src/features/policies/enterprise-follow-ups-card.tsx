import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { fmtDate } from '../../shared/format';
import { useCan } from '../auth/auth.api';
import { FollowUpStatusTag, VerdictTag } from './labels';
import { useFollowUpPage } from './policies.api';

const SHOWN = 5;

/** 政策找企业 on an enterprise's profile: which published policies its officer should bring up, and how it went. */
export function EnterpriseFollowUpsCard({ enterpriseId }: { enterpriseId: string }) {
  const can = useCan();
  const allowed = can('policies.followup') || can('policies.manage');
  return allowed ? <FollowUps enterpriseId={enterpriseId} /> : null;
}

function FollowUps({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const q = useFollowUpPage({ enterpriseId, pageSize: SHOWN });
  const items = q.data?.items ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Card
      title={<><NotificationOutlined /> {t('fu.title')}</>}
      style={{ marginBottom: 16 }}
      extra={total > SHOWN ? <Link to={`/policy-follow-ups?enterpriseId=${enterpriseId}`}><Button type="link" size="small">{t('fu.viewAll', { n: total })}</Button></Link> : null}
      data-testid="enterprise-follow-ups"
    >
      <List
        loading={q.isLoading}
        dataSource={items}
        size="small"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fu.noneForEnterprise')} /> }}
        renderItem={(f) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div style={{ minWidth: 0, width: '100%' }}>
              <Link to={`/policies/${f.policyId}`}>{f.policyTitle}</Link>
              <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
                <FollowUpStatusTag status={f.status} />
                <VerdictTag verdict={f.verdict} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtDate(f.updatedAt)}</Typography.Text>
              </Flex>
              {f.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.note}</Typography.Text> : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
