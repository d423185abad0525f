import { Empty, Pagination, Spin, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { usePolicyPage } from './policies.api';
import { PolicyCard } from './policy-card';
import { POLICY_FILTERS, PolicyFilters } from './policy-filters';
import { useUrlFilters } from './url-filters';

const PUBLIC_FILTERS = POLICY_FILTERS.filter((k) => k !== 'status');

/** 惠企政策库 (public, no login): search, filters, cards, pagination — the page shared in chat groups. */
export default function PublicPoliciesPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const { filters, page, pageSize, setFilters, setPage, reset, query } = useUrlFilters(PUBLIC_FILTERS);
  // Signed-in managers would otherwise get drafts too: the public library is the published one.
  const list = usePolicyPage({ ...query, status: 'published' });
  const items = list.data?.items ?? [];

  return (
    <div className="yqt-pub-page">
      <Typography.Title level={isMobile ? 4 : 3} style={{ marginTop: 0 }}>{t('pol.publicTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('pol.publicIntro')}</Typography.Paragraph>
      <PolicyFilters filters={filters} setFilters={setFilters} reset={reset} size="large" />
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="policy-count">
        {list.data ? t('pol.found', { n: list.data.total }) : ' '}
      </Typography.Text>
      <Spin spinning={list.isFetching && !list.isLoading}>
        {list.isLoading ? (
          <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>
        ) : items.length ? (
          <div className="yqt-pub-grid">
            {items.map((p) => <PolicyCard key={p.id} p={p} to={`/p/policies/${p.id}`} />)}
          </div>
        ) : (
          <Empty description={filters.q ? t('pub.noResultFor', { q: filters.q }) : t('common.empty')} style={{ padding: 32 }} />
        )}
      </Spin>
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination
          simple={isMobile}
          current={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onChange={(p) => {
            setPage(p);
            window.scrollTo({ top: 0 });
          }}
          showSizeChanger={false}
          style={{ marginTop: 16, justifyContent: 'center' }}
        />
      ) : null}
    </div>
  );
}
