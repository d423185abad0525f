import { Button, Card, Collapse, Descriptions, Empty, Flex, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { ServiceGuideDetail } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { dash, fmtDate } from '../../shared/format';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { ShareButton } from '../policies/share-button';
import { useGuide } from './service-guides.api';

type Material = ServiceGuideDetail['materials'][number];

function Materials({ items }: { items: Material[] }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  if (!items.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (isMobile)
    return (
      <ol className="yqt-pub-ol" data-testid="guide-materials">
        {items.map((m, i) => (
          <li key={i}>
            <Typography.Text strong>{m.name}</Typography.Text>
            {m.copies ? <Tag style={{ marginInlineStart: 6 }}>{m.copies}</Tag> : null}
            {m.note ? <div><Typography.Text type="secondary">{m.note}</Typography.Text></div> : null}
          </li>
        ))}
      </ol>
    );
  return (
    <Table<Material & { n: number }>
      rowKey="n"
      size="small"
      pagination={false}
      dataSource={items.map((m, i) => ({ ...m, n: i + 1 }))}
      columns={[
        { title: '#', dataIndex: 'n', width: 48 },
        { title: t('guide.material'), dataIndex: 'name' },
        { title: t('guide.copies'), dataIndex: 'copies', width: 180, render: (v: string) => dash(v) },
        { title: t('guide.note'), dataIndex: 'note', render: (v: string | null) => dash(v) },
      ]}
      data-testid="guide-materials"
    />
  );
}

/** 办事指南 detail (public): who, conditions, materials, steps, time limit, fees, where, FAQ. */
export default function GuideDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const q = useGuide(id);
  const g = q.data;

  return (
    <div className="yqt-pub-page">
      <Link to="/p/guides">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('guide.backToList')}</Button>
      </Link>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {g ? (
          <>
            <Typography.Title level={isMobile ? 4 : 3} style={{ margin: '4px 0 8px' }} data-testid="guide-title">{g.name}</Typography.Title>
            <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 16 }}>
              <Flex wrap gap={4}>
                <Tag color="blue">{g.category}</Tag>
                <Tag>{g.code}</Tag>
                {!g.published ? <Tag color="orange">{t('guide.unpublished')}</Tag> : null}
              </Flex>
              <ShareButton path={`/p/guides/${g.id}`} title={g.name} size="small" />
            </Flex>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Descriptions
                column={{ xs: 1, sm: 1, md: 2 }}
                size="small"
                items={[
                  { key: 'dept', label: t('guide.department'), children: g.department },
                  { key: 'limit', label: t('guide.timeLimit'), children: dash(g.timeLimit) },
                  { key: 'fees', label: t('guide.fees'), children: dash(g.fees) },
                  { key: 'where', label: t('guide.location'), children: dash(g.location) },
                  {
                    key: 'online',
                    label: t('guide.onlineUrl'),
                    span: 'filled',
                    children: g.onlineUrl ? (
                      <a href={g.onlineUrl} target="_blank" rel="noopener noreferrer" data-testid="guide-online">
                        {t('guide.goOnline')} <ExportOutlined />
                      </a>
                    ) : (
                      t('guide.offlineOnly')
                    ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('guide.audience')} style={{ marginBottom: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{dash(g.audience)}</Typography.Paragraph>
            </Card>
            <Card size="small" title={t('guide.conditions')} style={{ marginBottom: 12 }}>
              {g.conditions.length ? (
                <ul className="yqt-pub-ul">{g.conditions.map((c, i) => <li key={i}>{c}</li>)}</ul>
              ) : (
                <Typography.Text type="secondary">{t('guide.noConditions')}</Typography.Text>
              )}
            </Card>
            <Card size="small" title={t('guide.materials', { n: g.materials.length })} style={{ marginBottom: 12 }}>
              <Materials items={g.materials} />
            </Card>
            <Card size="small" title={t('guide.steps')} style={{ marginBottom: 12 }}>
              {g.steps.length ? (
                <Steps
                  orientation="vertical"
                  size="small"
                  items={g.steps.map((s) => ({ title: s.title, content: s.detail || undefined, status: 'process' as const }))}
                  data-testid="guide-steps"
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
            {g.faq.length ? (
              <Card size="small" title={t('pub.faq')} style={{ marginBottom: 12 }}>
                <Collapse ghost items={g.faq.map((f, i) => ({ key: i, label: f.q, children: <Typography.Paragraph style={{ marginBottom: 0 }}>{f.a}</Typography.Paragraph> }))} />
              </Card>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pub.updatedOn', { d: fmtDate(g.updatedAt) })}</Typography.Text>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
