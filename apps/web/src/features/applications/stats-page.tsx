import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { EChartsCoreOption } from 'echarts/core';
import type { ApplicationStatsRow } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { apiUrl } from '../../lib/api';
import { EChart } from '../../shared/echart';
import { Page } from '../../shared/page';
import { QueryState } from '../../shared/query-state';
import { useIsMobile } from '../../shared/use-is-mobile';
import { useParks } from '../parks/parks.api';
import { useApplicationStats, usePolicyOptions } from './applications.api';
import { fmtNum, useWan } from './labels';
import { useUrlFilters } from './url-filters';

const filterKeys = ['groupBy', 'from', 'to', 'parkId', 'policyId'] as const;
type GroupBy = 'policy' | 'park' | 'month';
const pct = (v: number | null) => (v === null ? '—' : `${fmtNum(Math.round(v * 1000) / 10)}%`);
const short = (s: string, n = 10) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** /applications/stats — 申报统计: applications, approval rate, approved and disbursed amounts by policy, park or month. */
export default function ApplicationStatsPage() {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const wan = useWan();
  const { f, set, query } = useUrlFilters(filterKeys);
  const groupBy = (f.groupBy as GroupBy | undefined) ?? 'policy';
  const q = useApplicationStats({ ...query, groupBy });
  const parks = useParks();
  const policies = usePolicyOptions();
  const data = q.data;
  const rows = useMemo(() => data?.rows ?? [], [data]);

  const perView = isMobile ? 6 : 12;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: isMobile ? 64 : 48, bottom: rows.length > perView ? 36 : 8, containLabel: true },
      // Many groups: a window at a time — the largest policies / parks first, the latest months.
      dataZoom:
        rows.length > perView
          ? [
              groupBy === 'month'
                ? { type: 'slider', height: 16, bottom: 4, startValue: rows.length - perView, endValue: rows.length - 1 }
                : { type: 'slider', height: 16, bottom: 4, startValue: 0, endValue: perView - 1 },
            ]
          : undefined,
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { interval: 0, rotate: groupBy === 'month' ? (isMobile ? 45 : 0) : isMobile ? 45 : 30, formatter: (v: string) => short(v, isMobile ? 6 : 10) },
      },
      yAxis: [
        { type: 'value', name: t('apl.stats.count'), minInterval: 1 },
        { type: 'value', name: t('ind.unit.wan'), splitLine: { show: false } },
      ],
      series: [
        { name: t('apl.stats.applications'), type: 'bar', data: rows.map((r) => r.applications), itemStyle: { color: '#1677ff' } },
        { name: t('apl.stats.approved'), type: 'bar', data: rows.map((r) => r.approved), itemStyle: { color: '#52c41a' } },
        { name: t('apl.stats.rejected'), type: 'bar', data: rows.map((r) => r.rejected), itemStyle: { color: '#ff7875' } },
        { name: t('apl.stats.approvedAmount'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.approvedAmountWan), itemStyle: { color: '#fa8c16' } },
        { name: t('apl.stats.disbursedAmount'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.disbursedAmountWan), itemStyle: { color: '#13c2c2' } },
      ],
    }),
    [rows, groupBy, isMobile, perView, t],
  );

  const columns: TableColumnsType<ApplicationStatsRow> = [
    { title: t(`apl.stats.by.${groupBy}`), dataIndex: 'label', fixed: isMobile ? undefined : 'left', render: (v: string) => <div style={{ maxWidth: isMobile ? 150 : 280 }}>{v}</div> },
    { title: t('apl.stats.applications'), dataIndex: 'applications', align: 'right' },
    { title: t('apl.stats.pending'), dataIndex: 'pending', align: 'right' },
    { title: t('apl.stats.approved'), dataIndex: 'approved', align: 'right' },
    { title: t('apl.stats.rejected'), dataIndex: 'rejected', align: 'right' },
    { title: t('apl.stats.withdrawn'), dataIndex: 'withdrawn', align: 'right' },
    { title: t('apl.stats.disbursed'), dataIndex: 'disbursed', align: 'right' },
    { title: t('apl.stats.approvalRate'), dataIndex: 'approvalRate', align: 'right', render: pct },
    { title: t('apl.stats.approvedAmount'), dataIndex: 'approvedAmountWan', align: 'right', render: (v: number) => wan(v) },
    { title: t('apl.stats.disbursedAmount'), dataIndex: 'disbursedAmountWan', align: 'right', render: (v: number) => wan(v) },
  ];

  return (
    <Page
      title={t('apl.stats')}
      extra={
        <>
          <Link to="/applications"><Button icon={<ArrowLeftOutlined />}>{t('nav.applications')}</Button></Link>
          <a href={apiUrl('/applications/stats.xlsx', { ...query, groupBy })} download data-testid="stats-export">
            <Button icon={<DownloadOutlined />}>{t('ent.export')}</Button>
          </a>
        </>
      }
    >
      <Flex wrap gap={8} className="yqt-filters" align="center">
        <Segmented
          value={groupBy}
          onChange={(v) => set({ groupBy: v === 'policy' ? undefined : String(v) })}
          options={[
            { value: 'policy', label: t('apl.stats.by.policy') },
            { value: 'park', label: t('apl.stats.by.park') },
            { value: 'month', label: t('apl.stats.by.month') },
          ]}
          data-testid="stats-group"
        />
        <DatePicker.RangePicker
          value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('apl.from'), t('apl.to')]}
          style={{ width: isMobile ? '100%' : 250 }}
        />
        <Select
          allowClear
          placeholder={t('apl.park')}
          value={f.parkId}
          onChange={(v: string | undefined) => set({ parkId: v })}
          options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('apl.policy')}
          value={f.policyId}
          onChange={(v: string | undefined) => set({ policyId: v })}
          options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
        />
      </Flex>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        {data ? (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.applications')} value={data.totals.applications} /></Card></Col>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.pending')} value={data.totals.pending} /></Card></Col>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.approved')} value={data.totals.approved} /></Card></Col>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.approvalRate')} value={pct(data.totals.approvalRate)} /></Card></Col>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.approvedAmount')} value={wan(data.totals.approvedAmountWan)} /></Card></Col>
              <Col xs={12} md={4}><Card size="small"><Statistic title={t('apl.stats.disbursedAmount')} value={wan(data.totals.disbursedAmountWan)} /></Card></Col>
            </Row>
            <Card size="small" style={{ marginBottom: 16 }}>
              {rows.length ? <EChart option={option} height={isMobile ? 280 : 360} testId="stats-chart" /> : <Empty description={t('common.empty')} />}
            </Card>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <Table<ApplicationStatsRow>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="stats-table"
                summary={() =>
                  rows.length ? (
                    <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                      <Table.Summary.Cell index={0}>{t('apl.stats.total')}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">{data.totals.applications}</Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">{data.totals.pending}</Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">{data.totals.approved}</Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">{data.totals.rejected}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">{data.totals.withdrawn}</Table.Summary.Cell>
                      <Table.Summary.Cell index={6} align="right">{data.totals.disbursed}</Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">{pct(data.totals.approvalRate)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={8} align="right">{wan(data.totals.approvedAmountWan)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={9} align="right">{wan(data.totals.disbursedAmountWan)}</Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </Card>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{t('apl.stats.note')}</Typography.Text>
          </>
        ) : null}
      </QueryState>
    </Page>
  );
}
