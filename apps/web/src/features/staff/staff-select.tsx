import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useStaffPage } from './staff.api';

type Known = { id: string; name: string };

type Props = {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** Restrict to one role, e.g. 'liaison'. */
  role?: string;
  placeholder?: string;
  /** Name of the current value when it is not in the first result page. */
  known?: Known[];
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Server-searched staff picker (GET /staff?q=…&role=…). */
export function StaffSelect({ value, onChange, role, placeholder, known, allowClear = true, style, ...rest }: Props) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const page = useStaffPage({ role, q: debounced || undefined, pageSize: 20 });

  const options = useMemo(() => {
    const map = new Map<string, string>();
    // Known names label the current value; while searching, only those that match stay listed.
    for (const k of known ?? []) if (!debounced || k.name.includes(debounced)) map.set(k.id, k.name);
    for (const s of page.data?.items ?? [])
      map.set(s.id, [s.name, s.areaName ?? s.departmentName].filter(Boolean).join(' · '));
    return [...map].map(([id, label]) => ({ value: id, label }));
  }, [known, page.data, debounced]);

  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={page.isFetching}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 200, ...style }}
      notFoundContent={page.isFetching ? '…' : undefined}
      data-testid={rest['data-testid']}
    />
  );
}

/** Multi-select variant used for area membership. */
export function StaffMultiSelect({
  value,
  onChange,
  role,
  placeholder,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  role?: string;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const page = useStaffPage({ role, q: debounced || undefined, pageSize: 50 });
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!page.data) return;
    setNames((prev) => {
      const next = { ...prev };
      for (const s of page.data.items) next[s.id] = [s.name, s.areaName].filter(Boolean).join(' · ');
      return next;
    });
  }, [page.data]);
  const options = useMemo(() => {
    const ids = new Set([...(page.data?.items.map((s) => s.id) ?? []), ...(value ?? [])]);
    return [...ids].map((id) => ({ value: id, label: names[id] ?? id }));
  }, [page.data, value, names]);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={page.isFetching}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
