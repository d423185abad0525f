import { Card, Empty, Flex, Input, Pagination, Spin, Tag, Typography } from 'antd';
import { BankOutlined, ClockCircleOutlined, GlobalOutlined, SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ServiceGuideSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useSearchBox, useUrlFilters } from '../policies/url-filters';
import { useGuideCategories, useGuidePage } from './service-guides.api';

const FILTERS = ['q', 'category'] as const;

function GuideCard({ g }: { g: ServiceGuideSummary }) {
  const { t } = useI18n();
  return (
    <Link to={`/p/guides/${g.id}`} className="yqt-pub-card-link" data-testid="guide-card" data-row-key={g.id}>
      <Card size="small" hoverable className="yqt-pub-card">
        <Typography.Text strong className="yqt-pub-card-title">{g.name}</Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 6 }}>
          <Tag color="blue">{g.category}</Tag>
          {g.onlineUrl ? <Tag color="green" icon={<GlobalOutlined />}>{t('guide.online')}</Tag> : null}
        </Flex>
        <div className="yqt-pub-facts">
          <span><BankOutlined /> {g.department}</span>
          {g.timeLimit ? <span><ClockCircleOutlined /> {g.timeLimit}</span> : null}
        </div>
      </Card>
    </Link>
  );
}

/** 办事指南 (public): search, category chips with counts, cards. */
export default function GuidesPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const { filters, page, pageSize, setFilters, setPage, query } = useUrlFilters(FILTERS);
  const list = useGuidePage(query);
  const cats = useGuideCategories();
  const box = useSearchBox(filters.q, (q) => setFilters({ q }));
  const all = (cats.data?.items ?? []).reduce((s, c) => s + c.count, 0);
  const items = list.data?.items ?? [];

  return (
    <div className="yqt-pub-page">
      <Typography.Title level={isMobile ? 4 : 3} style={{ marginTop: 0 }}>{t('guide.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('guide.intro')}</Typography.Paragraph>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        value={box.q}
        onChange={(e) => box.setQ(e.target.value)}
        onPressEnter={box.submit}
        placeholder={t('guide.searchPlaceholder')}
        maxLength={50}
        data-testid="guide-search"
        style={{ marginBottom: 12 }}
      />
      <div className="yqt-chips" data-testid="guide-categories">
        <Tag.CheckableTag checked={!filters.category} onChange={() => setFilters({ category: undefined })}>
          {t('common.all')} <span className="yqt-chip-count">{all || ''}</span>
        </Tag.CheckableTag>
        {(cats.data?.items ?? []).map((c) => (
          <Tag.CheckableTag
            key={c.category}
            checked={filters.category === c.category}
            onChange={(on) => setFilters({ category: on ? c.category : undefined })}
          >
            {c.category} <span className="yqt-chip-count">{c.count}</span>
          </Tag.CheckableTag>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }}>
        {list.data ? t('guide.found', { n: list.data.total }) : ' '}
      </Typography.Text>
      <Spin spinning={list.isFetching && !list.isLoading}>
        {list.isLoading ? (
          <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>
        ) : items.length ? (
          <div className="yqt-pub-grid">
            {items.map((g) => <GuideCard key={g.id} g={g} />)}
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
          style={{ textAlign: 'center', marginTop: 16, justifyContent: 'center' }}
        />
      ) : null}
    </div>
  );
}
