import { useState } from 'react';
import { Button, Card, Descriptions, Divider, Empty, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { indicatorSourceLabels, type EnterpriseIndicators, type IndicatorField, type IndicatorYear } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { fmtDateTime } from '../../../shared/format';
import { derivedKeys, useIndicatorText, valueFields, type DerivedKey } from './format';

type Row = { key: string; kind: 'value'; field: IndicatorField } | { key: string; kind: 'derived'; field: DerivedKey } | { key: string; kind: 'section' };

function SourceTag({ y }: { y: IndicatorYear }) {
  const { label } = useI18n();
  return <Tag style={{ marginInlineEnd: 0 }}>{label(indicatorSourceLabels[y.source as keyof typeof indicatorSourceLabels], y.source)}</Tag>;
}

type Handlers = { onEdit?: (year: number) => void; onHistory: (y: IndicatorYear) => void };

/** Desktop: metrics as rows, years as columns (newest first), derived ratios below a divider row. */
export function IndicatorsTable({ data, onEdit, onHistory }: { data: EnterpriseIndicators } & Handlers) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const rows: Row[] = [
    ...valueFields.map((f) => ({ key: f, kind: 'value' as const, field: f })),
    { key: '__derived', kind: 'section' as const },
    ...derivedKeys.map((d) => ({ key: d, kind: 'derived' as const, field: d })),
  ];
  const sectionSpan = (r: Row) => (r.kind === 'section' ? { colSpan: 0 } : {});
  const columns: TableColumnsType<Row> = [
    {
      title: t('ind.metric'),
      key: 'metric',
      fixed: 'left',
      width: 200,
      onCell: (r) => (r.kind === 'section' ? { colSpan: data.years.length + 1 } : {}),
      render: (_: unknown, r) =>
        r.kind === 'section' ? (
          <Typography.Text type="secondary" strong>{t('ind.derivedSection')}</Typography.Text>
        ) : (
          <>
            {text.fieldLabel(r.field)}
            {r.kind === 'value' && text.unit(r.field) ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{text.unit(r.field)}）</Typography.Text> : null}
          </>
        ),
    },
    ...data.years.map((y) => ({
      key: String(y.year),
      align: 'right' as const,
      width: 170,
      title: (
        <Flex vertical align="end" gap={2}>
          <Flex gap={4} align="center">
            <Typography.Text strong>{t('ind.yearLabel', { year: y.year })}</Typography.Text>
            {onEdit ? (
              <Tooltip title={t('common.edit')}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(y.year)} aria-label={t('common.edit')} data-testid={`ind-edit-${y.year}`} />
              </Tooltip>
            ) : null}
            <Tooltip title={t('ind.history')}>
              <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => onHistory(y)} aria-label={t('ind.history')} data-testid={`ind-history-${y.year}`} />
            </Tooltip>
          </Flex>
          <Tooltip title={t('ind.updated', { at: fmtDateTime(y.updatedAt), by: y.updatedByName ?? '—' })}>
            <span><SourceTag y={y} /></span>
          </Tooltip>
        </Flex>
      ),
      onCell: sectionSpan,
      render: (_: unknown, r: Row) => {
        if (r.kind === 'section') return null;
        if (r.kind === 'value') return text.value(r.field, y.values[r.field]);
        const v = y.derived[r.field];
        const neg = v !== null && v < 0;
        return <span style={{ color: neg ? '#cf1322' : undefined }}>{text.ratio(r.field, v)}</span>;
      },
    })),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => (r.kind === 'section' ? { style: { background: '#fafafa' } } : {})}
      data-testid="ind-table"
    />
  );
}

/** Phone: one year at a time (newest first), the figures and then the ratios as a list. */
export function IndicatorYearCards({ data, onEdit, onHistory }: { data: EnterpriseIndicators } & Handlers) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const [year, setYear] = useState<number | undefined>(data.years[0]?.year);
  const y = data.years.find((x) => x.year === year) ?? data.years[0];
  if (!y) return null;
  return (
    <div data-testid="ind-cards">
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented
          value={y.year}
          onChange={(v) => setYear(Number(v))}
          options={data.years.map((x) => ({ value: x.year, label: t('ind.yearLabel', { year: x.year }) }))}
        />
      </div>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Flex gap={6} align="center">
            <Typography.Text strong>{t('ind.yearLabel', { year: y.year })}</Typography.Text>
            <SourceTag y={y} />
          </Flex>
          <Flex gap={4}>
            {onEdit ? <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(y.year)} data-testid={`ind-edit-${y.year}`}>{t('common.edit')}</Button> : null}
            <Button size="small" icon={<HistoryOutlined />} onClick={() => onHistory(y)} data-testid={`ind-history-${y.year}`}>{t('ind.history')}</Button>
          </Flex>
        </Flex>
        <Descriptions column={1} size="small" colon={false} styles={{ content: { justifyContent: 'flex-end' } }}>
          {valueFields.map((f) => (
            <Descriptions.Item key={f} label={text.fieldLabel(f)}>{text.value(f, y.values[f])}</Descriptions.Item>
          ))}
        </Descriptions>
        <Divider style={{ margin: '8px 0' }} plain>{t('ind.derivedSection')}</Divider>
        <Descriptions column={1} size="small" colon={false} styles={{ content: { justifyContent: 'flex-end' } }}>
          {derivedKeys.map((d) => (
            <Descriptions.Item key={d} label={text.fieldLabel(d)}>{text.ratio(d, y.derived[d])}</Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ind.updated', { at: fmtDateTime(y.updatedAt), by: y.updatedByName ?? '—' })}
        </Typography.Text>
      </Card>
    </div>
  );
}

export function NoIndicators({ onAdd }: { onAdd?: () => void }) {
  const { t } = useI18n();
  return (
    <Empty description={t('ind.none')} data-testid="ind-empty">
      {onAdd ? <Button type="primary" onClick={onAdd}>{t('ind.addYear')}</Button> : null}
    </Empty>
  );
}
