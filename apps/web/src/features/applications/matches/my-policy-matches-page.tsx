import { Button, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { Page } from '../../../shared/page';
import { useCan, useMe } from '../../auth/auth.api';
import { PolicyMatchesView } from './policy-matches-view';

/** /my/policy-matches — 可申报政策: the enterprise contact's own policy calculator. */
export default function MyPolicyMatchesPage() {
  const { t } = useI18n();
  const can = useCan();
  const { data: me } = useMe();
  const enterpriseId = me?.scope.enterpriseId;
  if (!enterpriseId) return null;
  return (
    <Page
      title={t('pm.title')}
      extra={
        can('indicators.read') ? (
          <Link to={`/enterprises/${enterpriseId}/indicators`}><Button icon={<BarChartOutlined />} data-testid="my-indicators">{t('ind.title')}</Button></Link>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('pm.intro')}</Typography.Paragraph>
      <PolicyMatchesView enterpriseId={enterpriseId} canApply={can('applications.create')} />
    </Page>
  );
}
