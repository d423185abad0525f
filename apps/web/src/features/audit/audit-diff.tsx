import { Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** Field-by-field before/after; falls back to raw JSON when the snapshots are not objects. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 8 }}>
        <div><Typography.Text strong>{t('audit.before')}</Typography.Text><pre className="yqt-json">{show(before ?? null)}</pre></div>
        <div><Typography.Text strong>{t('audit.after')}</Typography.Text><pre className="yqt-json">{show(after ?? null)}</pre></div>
      </div>
    );
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = keys.map((k) => ({ field: k, before: b[k], after: a[k], changed: JSON.stringify(b[k]) !== JSON.stringify(a[k]) }));
  rows.sort((x, y) => Number(y.changed) - Number(x.changed));
  return (
    <Table<Row>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.changed ? 'yqt-diff-changed' : '')}
      locale={{ emptyText: t('audit.noChanges') }}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 180 },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <pre className="yqt-json">{show(v)}</pre> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <pre className="yqt-json">{show(v)}</pre> },
      ]}
    />
  );
}
