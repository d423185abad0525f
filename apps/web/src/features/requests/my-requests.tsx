import { Button, Card, Empty, Flex, List, Pagination, Segmented, Tag, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { RequestSummary } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { Page } from '../../shared/page';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useCan } from '../auth/auth.api';
import { KindTag, RequestStatusTag } from './labels';
import { useRequestPage } from './requests.api';
import { fmtShort } from './time';

function Promise3({ r }: { r: RequestSummary }) {
  const { t } = useI18n();
  const open = r.status !== 'resolved' && r.status !== 'closed';
  if (!open) return null;
  const rows: { k: 'accept' | 'feedback' | 'resolve'; at: string; show: boolean }[] = [
    { k: 'accept', at: r.acceptBy, show: r.status === 'submitted' },
    { k: 'feedback', at: r.feedbackBy, show: r.status === 'submitted' || r.status === 'accepted' },
    { k: 'resolve', at: r.resolveBy, show: true },
  ];
  return (
    <Flex wrap gap={12} style={{ fontSize: 12, color: '#666', marginTop: 6 }}>
      {rows.filter((x) => x.show).map((x) => (
        <span key={x.k}>
          {t(`req.promise.${x.k}`)} {t('req.dueBy', { t: fmtShort(x.at) })}
        </span>
      ))}
    </Flex>
  );
}

/** An enterprise contact's requests: phone-first cards and one big submit button. */
export function MyRequests() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [tab, setTab] = useState<'open' | 'done' | 'all'>('open');
  const [page, setPage] = useState(1);
  const status = tab === 'open' ? 'open' : tab === 'done' ? 'resolved,closed' : undefined;
  const q = useRequestPage({ status, page, pageSize: 20, sort: '-receivedAt' });
  const items = q.data?.items ?? [];
  const newButton = can('requests.create') ? (
    <Link to="/requests/new" style={{ display: isMobile ? 'block' : undefined }}>
      <Button type="primary" size="large" icon={<PlusOutlined />} block={isMobile} data-testid="request-new">
        {t('req.new')}
      </Button>
    </Link>
  ) : null;

  return (
    <Page title={t('req.my')} extra={isMobile ? undefined : newButton}>
      {isMobile ? <div style={{ marginBottom: 12 }}>{newButton}</div> : null}
      <Segmented
        block={isMobile}
        value={tab}
        onChange={(v) => {
          setTab(v as typeof tab);
          setPage(1);
        }}
        options={[
          { value: 'open', label: t('req.tab.working') },
          { value: 'done', label: t('req.tab.resolved') },
          { value: 'all', label: t('req.tab.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={q.isLoading}
        dataSource={items}
        locale={{
          emptyText: (
            <Empty description={<>{t('req.empty')}<br /><Typography.Text type="secondary">{t('req.emptyHint')}</Typography.Text></>} />
          ),
        }}
        renderItem={(r) => (
          <Card
            size="small"
            className="yqt-req-card"
            style={{ marginBottom: 8 }}
            hoverable
            onClick={() => navigate(`/requests/${r.id}`)}
            data-testid="request-card"
            data-row-key={r.id}
          >
            <Flex justify="space-between" align="start" gap={8}>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={4} wrap align="center">
                  <RequestStatusTag status={r.status} />
                  {r.priority === 'urgent' ? <Tag color="red">{t('req.urgentTag')}</Tag> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{r.number}</Typography.Text>
                </Flex>
                <Typography.Text strong ellipsis style={{ display: 'block', marginTop: 4 }}>{r.title}</Typography.Text>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  <KindTag kind={r.kind} />
                  <Tag>{r.categoryName}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtShort(r.receivedAt)}</Typography.Text>
                </Flex>
                <Promise3 r={r} />
                {r.rating ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('req.rated', { label: t(`req.rating.${r.rating as 1 | 2 | 3 | 4 | 5}`) })}
                  </Typography.Text>
                ) : null}
              </div>
              <RightOutlined style={{ color: '#bbb', marginTop: 6 }} />
            </Flex>
          </Card>
        )}
      />
      {(q.data?.total ?? 0) > 20 ? (
        <Pagination simple current={page} pageSize={20} total={q.data?.total ?? 0} onChange={setPage} style={{ textAlign: 'center', marginTop: 8 }} />
      ) : null}
    </Page>
  );
}
