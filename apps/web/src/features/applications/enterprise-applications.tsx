import { Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { fmtDate } from '../../shared/format';
import { useApplicationPage } from './applications.api';
import { ApplicationStatusTag, useWan } from './labels';

/** The latest applications of one enterprise (profile tab), linking to the full filtered list. */
export function EnterpriseApplications({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const wan = useWan();
  const q = useApplicationPage({ enterpriseId, pageSize: 10, sort: '-submittedAt' });
  const total = q.data?.total ?? 0;
  return (
    <>
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('apl.none')} /> }}
        renderItem={(a) => (
          <List.Item data-testid="enterprise-application" data-row-key={a.id}>
            <div style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={6} wrap align="center">
                <ApplicationStatusTag status={a.status} />
                <Link to={`/applications/${a.id}`} style={{ wordBreak: 'break-word' }}>{a.policyTitle}</Link>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.number} · {fmtDate(a.submittedAt)}
                {a.requestedAmountWan !== null ? ` · ${t('apl.requested')} ${wan(a.requestedAmountWan)}` : ''}
                {a.approvedAmountWan !== null ? ` · ${t('apl.approved')} ${wan(a.approvedAmountWan)}` : ''}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {total > 10 ? <Link to={`/applications?enterpriseId=${enterpriseId}`}>{t('apl.viewAll', { n: total })}</Link> : null}
    </>
  );
}
