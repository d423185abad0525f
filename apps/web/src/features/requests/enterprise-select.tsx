import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useEnterprisePage } from '../enterprises/enterprises.api';

type Props = {
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Server-searched enterprise picker (GET /enterprises?q=…). */
export function EnterpriseSelect({ value, onChange, placeholder, style, ...rest }: Props) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const page = useEnterprisePage({ q: debounced || undefined, pageSize: 20 });
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!page.data) return;
    setKnown((prev) => {
      const next = { ...prev };
      for (const e of page.data.items) next[e.id] = `${e.name} · ${e.parkName}`;
      return next;
    });
  }, [page.data]);
  const options = useMemo(() => {
    const ids = new Set([...(page.data?.items.map((e) => e.id) ?? []), ...(value ? [value] : [])]);
    return [...ids].map((id) => ({ value: id, label: known[id] ?? id }));
  }, [page.data, value, known]);

  return (
    <Select
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={page.isFetching}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      notFoundContent={page.isFetching ? '…' : undefined}
      data-testid={rest['data-testid']}
    />
  );
}
