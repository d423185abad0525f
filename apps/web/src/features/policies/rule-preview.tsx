import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Collapse, Empty, Flex, Select, Spin, Statistic, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { EligibilityPreviewResult } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { ConditionResults, UnmetList } from './condition-results';
import { VerdictTag } from './labels';
import { useEligibilityPreview } from './policies.api';
import { addError, type RuleErrors } from './rule-model';

type Props = {
  /** The draft rules; null = no conditions. */
  rules: unknown;
  /** Complete and free of problems the browser can see: only then is the server asked. */
  ready: boolean;
  /** Problems the server found (paths like rules.children.0.value), {} when it accepted the draft. */
  onServerErrors: (e: RuleErrors) => void;
  parks: { id: string; name: string }[];
  incompleteCount: number;
};

const DEBOUNCE_MS = 600;

/** Live "who matches" of the unsaved draft: counts, then the first enterprises with their verdicts. */
export function RulePreview({ rules, ready, onServerErrors, parks, incompleteCount }: Props) {
  const { t } = useI18n();
  const [parkId, setParkId] = useState<string | undefined>();
  const preview = useEligibilityPreview();
  const [result, setResult] = useState<EligibilityPreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const key = ready && rules ? JSON.stringify({ rules, parkId }) : null;
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const report = useRef(onServerErrors);
  useEffect(() => {
    report.current = onServerErrors;
  });

  useEffect(() => {
    if (!key) return;
    const mine = ++seq.current;
    setPendingKey(key);
    const h = setTimeout(() => {
      preview.mutate(
        { rules: JSON.parse(key).rules, parkId },
        {
          onSuccess: (r) => {
            if (mine !== seq.current) return;
            setResult(r);
            setError(null);
            setPendingKey(null);
            report.current({});
          },
          onError: (e) => {
            if (mine !== seq.current) return;
            setPendingKey(null);
            if (e instanceof ApiError && e.fieldErrors.length) {
              const errs: RuleErrors = {};
              for (const d of e.fieldErrors) addError(errs, d.path, d.message);
              report.current(errs);
              setError(t('rule.previewInvalid'));
            } else setError(e.message);
          },
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const busy = pendingKey !== null;
  const stale = !ready || !rules;

  return (
    <Card
      size="small"
      title={<><EyeOutlined /> {t('rule.preview')}</>}
      extra={busy ? <Spin size="small" /> : null}
      className="yqt-rule-preview"
      data-testid="rule-preview"
    >
      <Select
        allowClear
        value={parkId}
        onChange={setParkId}
        placeholder={t('rule.previewAllParks')}
        options={parks.map((p) => ({ value: p.id, label: p.name }))}
        style={{ width: '100%', marginBottom: 12 }}
        size="small"
      />
      {!rules ? (
        <Typography.Text type="secondary">{t('rule.previewNoRules')}</Typography.Text>
      ) : !ready ? (
        <Alert type="info" showIcon title={incompleteCount ? t('rule.previewPaused', { n: incompleteCount }) : t('rule.previewFix')} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {result && rules ? (
        <div style={{ opacity: stale || busy ? 0.5 : 1, transition: 'opacity .2s' }}>
          <Flex gap={16} wrap>
            <Statistic title={t('rule.previewEligible')} value={result.eligible} styles={{ content: { color: '#389e0d' } }} data-testid="preview-eligible" />
            <Statistic title={t('rule.previewNearly')} value={result.nearly} styles={{ content: { color: '#d48806' } }} data-testid="preview-nearly" />
            <Statistic title={t('rule.previewTotal')} value={result.total} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="preview-status">
            {t('rule.previewStatus', { d: result.evaluatedOn, ms: Math.round(result.tookMs) })}
          </Typography.Text>
          {result.sample.length ? (
            <Collapse
              size="small"
              ghost
              style={{ marginTop: 8 }}
              className="yqt-preview-sample"
              items={result.sample.map((s) => ({
                key: s.enterpriseId,
                label: (
                  <Flex justify="space-between" gap={8} align="start">
                    <span style={{ minWidth: 0 }}>
                      <Typography.Text>{s.name}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.parkName}</Typography.Text>
                    </span>
                    <VerdictTag verdict={s.verdict} />
                  </Flex>
                ),
                children: s.verdict === 'eligible' ? <ConditionResults items={s.conditions} /> : (
                  <>
                    <UnmetList items={s.conditions} />
                    <Collapse size="small" ghost items={[{ key: 'all', label: t('rule.previewAllConditions'), children: <ConditionResults items={s.conditions} /> }]} />
                  </>
                ),
              }))}
              data-testid="preview-sample"
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rule.previewNone')} />
          )}
        </div>
      ) : null}
    </Card>
  );
}
