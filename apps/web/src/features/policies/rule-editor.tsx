import { Button, Checkbox, Dropdown, Flex, Input, InputNumber, Select, Space, Tooltip, Typography } from 'antd';
import { BranchesOutlined, DeleteOutlined, DownOutlined, PlusOutlined } from '@ant-design/icons';
import {
  metricCatalog,
  metricKeys,
  metricVocabulary,
  qualificationKinds,
  type MetricKey,
  type QualificationKind,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import {
  childPath,
  condKinds,
  errorsAt,
  newCond,
  newGroup,
  onMetricChange,
  ownErrors,
  type CondKind,
  type EdCond,
  type EdGroup,
  type EdNode,
  type GroupKind,
  type MissingKey,
  type RuleErrors,
} from './rule-model';
import { isRatioMetric, metricHasYear, metricName, qualificationName, unitLabel, vocabLabel, yearLabel, yearOffsets, type Names, type Op } from './rule-text';

export type EditorApi = {
  change: (id: string, patch: Partial<EdCond>) => void;
  setGroup: (id: string, patch: Partial<Pick<EdGroup, 'kind' | 'label'>>) => void;
  add: (groupId: string, node: EdNode) => void;
  remove: (id: string) => void;
};

type Ctx = {
  api: EditorApi;
  errors: RuleErrors;
  missing: Record<string, MissingKey[]>;
  showMissing: boolean;
  names: Names;
  parks: { id: string; name: string }[];
};

const MAX_DEPTH = 6;
const numericOps: Op[] = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq'];
const orderOps: Op[] = ['gte', 'gt', 'lte', 'lt'];

function useMetricOptions(filter: (m: MetricKey) => boolean) {
  const { t, lang } = useI18n();
  const groups: { key: 'indicator' | 'derived' | 'registry'; label: string }[] = [
    { key: 'indicator', label: t('rule.source.indicator') },
    { key: 'derived', label: t('rule.source.derived') },
    { key: 'registry', label: t('rule.source.registry') },
  ];
  return groups
    .map((g) => ({
      label: g.label,
      title: g.label,
      options: metricKeys
        .filter((m) => metricCatalog[m].source === g.key && filter(m))
        .map((m) => {
          const u = unitLabel(m, lang);
          return { value: m, label: u ? `${metricName(m, lang)}（${u}）` : metricName(m, lang) };
        }),
    }))
    .filter((g) => g.options.length);
}

function vocabOptions(m: MetricKey | undefined, lang: 'zh' | 'en', names: Names, parks: Ctx['parks']) {
  if (!m) return [];
  if (m === 'parkId') return parks.map((p) => ({ value: p.id, label: p.name }));
  return (metricVocabulary(m) ?? []).map((v) => ({ value: v, label: vocabLabel(m, v, lang, names) }));
}

const isNumeric = (m: MetricKey) => metricCatalog[m].type === 'number';

/** A number in its metric's unit; ratios are typed as % and stored as fractions. */
function MetricNumber({ metric, value, onChange, status, testid, ratio }: { metric?: MetricKey; value?: number | string; onChange: (v: number | undefined) => void; status?: 'error'; testid?: string; ratio?: boolean }) {
  const { lang, t } = useI18n();
  const pct = ratio ?? isRatioMetric(metric);
  const shown = typeof value === 'number' ? (pct ? Math.round(value * 1e8) / 1e6 : value) : undefined;
  return (
    <InputNumber
      value={shown}
      onChange={(v) => onChange(v === null || v === undefined ? undefined : pct ? Math.round(Number(v) * 1e6) / 1e8 : Number(v))}
      suffix={pct ? '%' : unitLabel(metric, lang) || undefined}
      placeholder={t('rule.valuePh')}
      status={status}
      style={{ width: '100%' }}
      data-testid={testid}
    />
  );
}

function Field({ label, children, wide, op, kind }: { label: string; children: React.ReactNode; wide?: boolean; op?: boolean; kind?: boolean }) {
  return (
    <label className={`yqt-rule-field${wide ? ' wide' : ''}${op ? ' op' : ''}${kind ? ' kind' : ''}`}>
      <span className="yqt-rule-field-label">{label}</span>
      {children}
    </label>
  );
}

function CondRow({ c, path, ctx }: { c: EdCond; path: string; ctx: Ctx }) {
  const { t, lang } = useI18n();
  const set = (patch: Partial<EdCond>) => ctx.api.change(c.id, patch);
  const err = (field: string) => (errorsAt(ctx.errors, path, field).length ? ('error' as const) : undefined);
  const miss = ctx.showMissing ? (ctx.missing[path] ?? []) : [];
  const messages = [...ownErrors(ctx.errors, path, false), ...miss.map((k) => t(k))];
  const metricOpts = useMetricOptions(() => true);
  const numericOpts = useMetricOptions(isNumeric);
  const vocabMetricOpts = useMetricOptions((m) => !isNumeric(m));
  const def = c.metric ? metricCatalog[c.metric] : undefined;
  const opOptions = (ops: Op[], words: boolean) => ops.map((o) => ({ value: o, label: t(words ? `rule.opWord.${o}` : `rule.op.${o}`) }));

  const yearSelect = (show: boolean) =>
    show ? (
      <Field label={t('rule.year')}>
        <Select
          value={c.year ?? 0}
          onChange={(y: number) => set({ year: y || undefined })}
          options={yearOffsets.map((y) => ({ value: y, label: yearLabel(y, lang) }))}
          data-testid="rule-year"
        />
      </Field>
    ) : null;

  let body: React.ReactNode = null;
  switch (c.kind) {
    case 'compare': {
      const ops = !def ? numericOps : def.type === 'enum' ? (['eq', 'neq'] as Op[]) : numericOps;
      body = (
        <>
          <Field label={t('rule.metric')} wide>
            <Select value={c.metric} onChange={(m: MetricKey) => set(onMetricChange(c, m))} options={metricOpts} placeholder={t('rule.pickMetric')} showSearch={{ optionFilterProp: 'label' }} status={err('metric')} data-testid="rule-metric" />
          </Field>
          {yearSelect(metricHasYear(c.metric))}
          <Field label={t('rule.op')} op>
            <Select value={c.op} onChange={(op: Op) => set({ op })} options={opOptions(ops, !!def && def.type !== 'number')} status={err('op')} data-testid="rule-op" popupMatchSelectWidth={false} />
          </Field>
          <Field label={t('rule.value')} wide={def?.type !== 'number'}>
            {def && def.type !== 'number' ? (
              <Select value={typeof c.value === 'string' ? c.value : undefined} onChange={(v: string) => set({ value: v })} options={vocabOptions(c.metric, lang, ctx.names, ctx.parks)} placeholder={t('rule.pickValue')} showSearch={{ optionFilterProp: 'label' }} status={err('value')} data-testid="rule-value" />
            ) : (
              <MetricNumber metric={c.metric} value={c.value} onChange={(v) => set({ value: v })} status={err('value')} testid="rule-value" />
            )}
          </Field>
        </>
      );
      break;
    }
    case 'between':
      body = (
        <>
          <Field label={t('rule.metric')} wide>
            <Select value={c.metric} onChange={(m: MetricKey) => set(onMetricChange(c, m))} options={numericOpts} placeholder={t('rule.pickMetric')} showSearch={{ optionFilterProp: 'label' }} status={err('metric')} data-testid="rule-metric" />
          </Field>
          {yearSelect(metricHasYear(c.metric))}
          <Field label={t('rule.min')}>
            <MetricNumber metric={c.metric} value={c.min} onChange={(v) => set({ min: v })} status={err('min')} />
            <Checkbox checked={c.minInclusive} onChange={(e) => set({ minInclusive: e.target.checked })}>{t('rule.inclusive')}</Checkbox>
          </Field>
          <Field label={t('rule.max')}>
            <MetricNumber metric={c.metric} value={c.max} onChange={(v) => set({ max: v })} status={err('max')} />
            <Checkbox checked={c.maxInclusive} onChange={(e) => set({ maxInclusive: e.target.checked })}>{t('rule.inclusive')}</Checkbox>
          </Field>
        </>
      );
      break;
    case 'in':
      body = (
        <>
          <Field label={t('rule.metric')} wide>
            <Select value={c.metric} onChange={(m: MetricKey) => set(onMetricChange(c, m))} options={vocabMetricOpts} placeholder={t('rule.pickMetric')} showSearch={{ optionFilterProp: 'label' }} status={err('metric')} data-testid="rule-metric" />
          </Field>
          {yearSelect(metricHasYear(c.metric))}
          <Field label={t('rule.op')} op>
            <Select value={c.negate} onChange={(negate: boolean) => set({ negate })} options={[{ value: false, label: t('rule.in') }, { value: true, label: t('rule.notIn') }]} />
          </Field>
          <Field label={t('rule.values')} wide>
            <Select mode="multiple" value={c.values} onChange={(values: string[]) => set({ values })} options={vocabOptions(c.metric, lang, ctx.names, ctx.parks)} placeholder={t('rule.pickValues')} showSearch={{ optionFilterProp: 'label' }} status={err('values')} maxTagCount="responsive" data-testid="rule-values" />
          </Field>
        </>
      );
      break;
    case 'qualification':
      body = (
        <>
          <Field label={t('rule.op')} op>
            <Select value={c.negate} onChange={(negate: boolean) => set({ negate })} options={[{ value: false, label: t('rule.holds') }, { value: true, label: t('rule.notHolds') }]} />
          </Field>
          <Field label={t('rule.qualification')} wide>
            <Select value={c.qualification} onChange={(q: QualificationKind) => set({ qualification: q })} options={qualificationKinds.map((q) => ({ value: q, label: qualificationName(q, lang) }))} placeholder={t('rule.pickQualification')} showSearch={{ optionFilterProp: 'label' }} status={err('qualification')} data-testid="rule-qualification" />
          </Field>
        </>
      );
      break;
    case 'yearsSince':
      body = (
        <>
          <Field label={t('rule.since')} wide>
            <Select
              value={c.since}
              onChange={(since: EdCond['since']) => set({ since })}
              options={[{ value: 'founded', label: t('rule.sinceFounded') }, ...qualificationKinds.map((q) => ({ value: q, label: t('rule.sinceQualification', { q: qualificationName(q, lang) }) }))]}
              status={err('since')}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Field>
          <Field label={t('rule.op')} op>
            <Select value={c.op} onChange={(op: Op) => set({ op })} options={opOptions(orderOps, false)} status={err('op')} popupMatchSelectWidth={false} />
          </Field>
          <Field label={t('rule.years')}>
            <InputNumber value={typeof c.value === 'number' ? c.value : undefined} min={0} onChange={(v) => set({ value: v === null ? undefined : Number(v) })} suffix={t('rule.yearUnit')} status={err('value')} style={{ width: '100%' }} />
          </Field>
        </>
      );
      break;
    case 'ratio':
      body = (
        <>
          <Field label={t('rule.numerator')} wide>
            <Select value={c.numerator} onChange={(m: MetricKey) => set({ numerator: m })} options={numericOpts} placeholder={t('rule.pickMetric')} showSearch={{ optionFilterProp: 'label' }} status={err('numerator')} />
          </Field>
          <Field label={t('rule.denominator')} wide>
            <Select value={c.denominator} onChange={(m: MetricKey) => set({ denominator: m })} options={numericOpts} placeholder={t('rule.pickMetric')} showSearch={{ optionFilterProp: 'label' }} status={err('denominator')} />
          </Field>
          {yearSelect(true)}
          <Field label={t('rule.op')} op>
            <Select value={c.op} onChange={(op: Op) => set({ op })} options={opOptions(orderOps, false)} status={err('op')} popupMatchSelectWidth={false} />
          </Field>
          <Field label={t('rule.value')}>
            <MetricNumber ratio value={c.value} onChange={(v) => set({ value: v })} status={err('value')} />
          </Field>
        </>
      );
      break;
  }

  return (
    <div className={messages.length ? 'yqt-rule-cond-edit has-error' : 'yqt-rule-cond-edit'} data-testid="rule-cond" data-path={path}>
      <div className="yqt-rule-fields">
        <Field label={t('rule.kind')} kind>
          <Select
            value={c.kind}
            onChange={(kind: CondKind) => set({ kind, op: kind === 'compare' || kind === 'yearsSince' || kind === 'ratio' ? (c.op && (kind === 'compare' || orderOps.includes(c.op)) ? c.op : 'gte') : c.op, since: kind === 'yearsSince' ? (c.since ?? 'founded') : c.since, ...(kind === 'between' && c.metric && !isNumeric(c.metric) ? { metric: undefined } : {}), ...(kind === 'in' && c.metric && isNumeric(c.metric) ? { metric: undefined } : {}) })}
            options={condKinds.map((k) => ({ value: k, label: t(`rule.kind.${k}`) }))}
            popupMatchSelectWidth={false}
            data-testid="rule-kind"
          />
        </Field>
        {body}
        <Tooltip title={t('rule.removeCondition')}>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => ctx.api.remove(c.id)} aria-label={t('rule.removeCondition')} className="yqt-rule-remove" data-testid="rule-remove" />
        </Tooltip>
      </div>
      <Flex align="center" gap={8} className="yqt-rule-label-row">
        <span className="yqt-rule-field-label" style={{ flex: 'none' }}>{t('rule.label')}</span>
        <Input
          value={c.label}
          onChange={(e) => set({ label: e.target.value })}
          maxLength={120}
          placeholder={t('rule.labelPh')}
          status={err('label') ?? (ctx.showMissing && !c.label.trim() ? 'error' : undefined)}
          suffix={c.autoLabel && c.label ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rule.auto')}</Typography.Text> : undefined}
          data-testid="rule-label"
        />
      </Flex>
      {messages.length ? (
        <div className="yqt-rule-errors" role="alert" data-testid="rule-error">
          {[...new Set(messages)].map((m) => <div key={m}>{m}</div>)}
        </div>
      ) : null}
    </div>
  );
}

function GroupBox({ g, path, depth, ctx, onRemove }: { g: EdGroup; path: string; depth: number; ctx: Ctx; onRemove?: () => void }) {
  const { t } = useI18n();
  const miss = ctx.showMissing ? (ctx.missing[path] ?? []) : [];
  const messages = [...ownErrors(ctx.errors, path, true), ...miss.map((k) => t(k))];
  const kinds: GroupKind[] = ['all', 'any', 'not'];
  const addItems = condKinds.map((k) => ({ key: k, label: t(`rule.kind.${k}`) }));
  return (
    <div className={`yqt-rule-group-edit kind-${g.kind}${messages.length ? ' has-error' : ''}`} data-testid="rule-group" data-path={path}>
      <Flex wrap gap={8} align="center" className="yqt-rule-group-head">
        <Select
          value={g.kind}
          onChange={(kind: GroupKind) => ctx.api.setGroup(g.id, { kind })}
          options={kinds.map((k) => ({ value: k, label: t(`rule.group.${k}`) }))}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          data-testid="rule-group-kind"
        />
        <Input
          value={g.label}
          onChange={(e) => ctx.api.setGroup(g.id, { label: e.target.value })}
          placeholder={t('rule.groupLabelPh')}
          maxLength={120}
          style={{ flex: '1 1 160px', minWidth: 0 }}
        />
        {onRemove ? (
          <Tooltip title={t('rule.removeGroup')}>
            <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('rule.removeGroup')} />
          </Tooltip>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`rule.groupHint.${g.kind}` as DictKey)}</Typography.Text>
      <div className="yqt-rule-children">
        {g.children.map((c, i) => {
          const p = childPath(g, path, i);
          return c.type === 'group' ? (
            <GroupBox key={c.id} g={c} path={p} depth={depth + 1} ctx={ctx} onRemove={() => ctx.api.remove(c.id)} />
          ) : (
            <CondRow key={c.id} c={c} path={p} ctx={ctx} />
          );
        })}
      </div>
      {messages.length ? (
        <div className="yqt-rule-errors" role="alert" data-testid="rule-error">
          {[...new Set(messages)].map((m) => <div key={m}>{m}</div>)}
        </div>
      ) : null}
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        <Space.Compact size="small">
          <Button size="small" icon={<PlusOutlined />} onClick={() => ctx.api.add(g.id, newCond('compare'))} data-testid="rule-add-condition">
            {t('rule.addCondition')}
          </Button>
          <Dropdown menu={{ items: addItems, onClick: ({ key }) => ctx.api.add(g.id, newCond(key as CondKind)) }} trigger={['click']}>
            <Button size="small" icon={<DownOutlined />} aria-label={t('rule.addConditionOfKind')} />
          </Dropdown>
        </Space.Compact>
        {depth < MAX_DEPTH ? (
          <Button size="small" icon={<BranchesOutlined />} onClick={() => ctx.api.add(g.id, { ...newGroup(g.kind === 'all' ? 'any' : 'all'), children: [newCond('compare')] })} data-testid="rule-add-group">
            {t('rule.addGroup')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}

type Props = {
  root: EdGroup | null;
  api: EditorApi;
  onCreate: () => void;
  onClear: () => void;
  errors: RuleErrors;
  missing: Record<string, MissingKey[]>;
  showMissing: boolean;
  names: Names;
  parks: { id: string; name: string }[];
};

/** Form-based editor of a rule tree: groups (满足全部 / 满足任一 / 均不满足) of conditions, no JSON. */
export function RuleEditor({ root, api, onCreate, onClear, errors, missing, showMissing, names, parks }: Props) {
  const { t } = useI18n();
  if (!root)
    return (
      <div className="yqt-rule-empty">
        <Typography.Paragraph type="secondary">{t('rule.none')}</Typography.Paragraph>
        <Button type="dashed" icon={<PlusOutlined />} onClick={onCreate} data-testid="rule-start">{t('rule.start')}</Button>
      </div>
    );
  const ctx: Ctx = { api, errors, missing, showMissing, names, parks };
  return (
    <div className="yqt-rule-editor" data-testid="rule-editor">
      <GroupBox g={root} path="rules" depth={0} ctx={ctx} onRemove={onClear} />
    </div>
  );
}
