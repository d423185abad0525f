import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { DownOutlined, EditOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { indicatorFields, type ConditionResult, type DataNeed, type EnterprisePolicyMatch, type IndicatorField, type Verdict } from '@yqt/contracts';
import { useI18n } from '../../../app/i18n';
import { QueryState } from '../../../shared/query-state';
import { BenefitTag, ConditionIcon, LevelTag, useWan, WindowTag } from '../labels';
import { useEnterpriseMatches } from './matches.api';

/** Where to report a missing piece of data: the indicators form at that year and field, or the profile for registry data. */
export function needLink(enterpriseId: string, n: DataNeed): string {
  if (indicatorFields.includes(n.metric as IndicatorField) && n.year !== null) {
    return `/enterprises/${enterpriseId}/indicators?year=${n.year}&focus=${n.metric}`;
  }
  return `/enterprises/${enterpriseId}`;
}

function ConditionLine({ c, enterpriseId }: { c: ConditionResult; enterpriseId: string }) {
  const { t } = useI18n();
  return (
    <li style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '4px 0' }} data-testid="match-condition" data-status={c.status}>
      <span style={{ lineHeight: '22px' }}><ConditionIcon status={c.status} /></span>
      <div style={{ minWidth: 0 }}>
        <Typography.Text>{c.label}</Typography.Text>
        <div style={{ fontSize: 12, color: '#8c8c8c', wordBreak: 'break-word' }}>
          {c.status === 'unknown'
            ? t('pm.unknownLine', { what: c.missing || (c.needs ?? []).map((n) => n.label).join('、') || '—', required: c.required })
            : t('pm.actualRequired', { actual: c.actual ?? '—', required: c.required })}
        </div>
        {c.status === 'unknown' && c.needs?.length ? (
          <Flex gap={4} wrap style={{ marginTop: 2 }}>
            {c.needs.map((n) => (
              <Link key={`${n.metric}-${n.year}`} to={needLink(enterpriseId, n)} style={{ fontSize: 12 }} data-testid="match-need-link">
                <EditOutlined /> {t('pm.fill', { what: n.label })}
              </Link>
            ))}
          </Flex>
        ) : null}
      </div>
    </li>
  );
}

/** One policy: title (public page), level, benefit, maximum, window, conditions with ✓ ✗ ? and actual vs required. */
export function MatchCard({ m, today, canApply }: { m: EnterprisePolicyMatch; today: string; canApply: boolean }) {
  const { t } = useI18n();
  const wan = useWan();
  const [showOthers, setShowOthers] = useState(false);
  const p = m.policy;
  // Unmet or unknown conditions off the cheapest path to eligibility are alternatives (an "any" group
  // satisfied otherwise): listed apart so an eligible policy does not read like a row of ✗.
  // The engine marks `blocking` only when the policy is not yet eligible; once eligible, whatever is not met is an alternative.
  const marked = m.verdict === 'eligible' || m.conditions.some((c) => c.blocking !== undefined);
  const isOther = (c: ConditionResult) => marked && c.status !== 'met' && !c.blocking;
  const main = m.conditions.filter((c) => !isOther(c));
  const others = m.conditions.filter(isOther);
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="match-card" data-verdict={m.verdict} data-policy-id={m.policyId}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Link to={`/p/policies/${m.policyId}`} style={{ fontWeight: 600, fontSize: 15, wordBreak: 'break-word' }} data-testid="match-title">
            {p.title}
          </Link>
          <Flex gap={4} wrap style={{ marginTop: 6 }}>
            <LevelTag level={p.level} />
            <BenefitTag type={p.benefitType} />
            <WindowTag p={p} today={today} />
            {m.verdict === 'nearly' ? <Tag color="orange">{t('pm.missingCount', { n: m.missingCount })}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
            {p.maxAmountWan !== null ? t('pm.maxAmount', { amount: wan(p.maxAmountWan) }) : t('pm.noAmount')}
            {p.applyFrom || p.applyUntil ? ` · ${t('pm.window', { from: p.applyFrom ?? t('pm.unbounded'), to: p.applyUntil ?? t('pm.unbounded') })}` : ''}
          </Typography.Text>
        </div>
        {canApply && m.verdict === 'eligible' && p.windowOpen ? (
          <Link to={`/applications/new?policyId=${m.policyId}`}>
            <Button type="primary" icon={<SendOutlined />} data-testid="match-apply">{t('pm.apply')}</Button>
          </Link>
        ) : null}
      </Flex>
      <ul style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
        {main.map((c, i) => (
          <ConditionLine key={i} c={c} enterpriseId={m.enterpriseId} />
        ))}
      </ul>
      {others.length ? (
        <>
          <Typography.Link onClick={() => setShowOthers((v) => !v)} style={{ fontSize: 12 }} data-testid="match-others-toggle">
            {showOthers ? <DownOutlined /> : <RightOutlined />} {t('pm.others', { n: others.length })}
          </Typography.Link>
          {showOthers ? (
            <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0, opacity: 0.8 }}>
              {others.map((c, i) => (
                <ConditionLine key={i} c={c} enterpriseId={m.enterpriseId} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

const groupTitle: Record<Verdict, 'pm.group.eligible' | 'pm.group.nearly' | 'pm.group.not_eligible'> = {
  eligible: 'pm.group.eligible',
  nearly: 'pm.group.nearly',
  not_eligible: 'pm.group.not_eligible',
};
const groupColor: Record<Verdict, string> = { eligible: '#389e0d', nearly: '#d46b08', not_eligible: '#8c8c8c' };

/**
 * The policy calculator for one enterprise: 可申报 / 差一点 / 暂不符合 (collapsed), every condition
 * explained, and which missing data would settle the unknowns. `canApply`: the caller may submit
 * applications (enterprise contacts).
 */
export function PolicyMatchesView({ enterpriseId, canApply, silent }: { enterpriseId: string; canApply: boolean; silent?: boolean }) {
  const { t } = useI18n();
  const q = useEnterpriseMatches(enterpriseId, { silent });
  const data = q.data;
  const [showNot, setShowNot] = useState(false);
  // The count chips jump to their group (a long list on a phone); 暂不符合 opens as well.
  const jump = (v: Verdict) => {
    if (v === 'not_eligible') setShowNot(true);
    // After the collapse has opened, so the page is long enough to bring the group to the top.
    setTimeout(() => document.getElementById(`match-group-${v}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), v === 'not_eligible' ? 350 : 50);
  };
  const by = (v: Verdict) => (data?.items ?? []).filter((m) => m.verdict === v);
  const list = (v: Verdict) => {
    const items = by(v);
    return items.length ? (
      items.map((m) => <MatchCard key={m.policyId} m={m} today={data!.evaluatedOn} canApply={canApply} />)
    ) : (
      <Typography.Text type="secondary">{t(v === 'eligible' ? 'pm.noneEligible' : 'pm.noneNearly')}</Typography.Text>
    );
  };
  const heading = (v: Verdict) => (
    <Typography.Title level={5} style={{ color: groupColor[v], margin: '8px 0', scrollMarginTop: 72 }} id={`match-group-${v}`} data-testid={`match-group-${v}`}>
      {t(groupTitle[v])} · {data?.counts[v] ?? 0}
    </Typography.Title>
  );

  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {data ? (
        <div data-testid="policy-matches">
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {(['eligible', 'nearly', 'not_eligible'] as const).map((v) => (
              <Tag
                key={v}
                style={{ padding: '4px 10px', fontSize: 14, cursor: 'pointer' }}
                color={v === 'eligible' ? 'green' : v === 'nearly' ? 'orange' : 'default'}
                onClick={() => jump(v)}
                data-testid={`match-count-${v}`}
              >
                {t(groupTitle[v])} <b>{data.counts[v]}</b>
              </Tag>
            ))}
            {q.isFetching ? <Spin size="small" /> : null}
          </Flex>
          {data.missingData.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('pm.missingTitle')}
              description={
                <Flex vertical gap={2}>
                  {data.missingData.map((n) => (
                    <Link key={`${n.metric}-${n.year}`} to={needLink(enterpriseId, n)} data-testid="missing-data-link">
                      {t('pm.missingItem', { what: n.label, n: n.policies })} <RightOutlined style={{ fontSize: 10 }} />
                    </Link>
                  ))}
                </Flex>
              }
            />
          ) : null}
          {data.total === 0 ? (
            <Empty description={t('pm.noPolicies')} />
          ) : (
            <>
              {heading('eligible')}
              {list('eligible')}
              {heading('nearly')}
              {list('nearly')}
              <Collapse
                ghost
                style={{ marginTop: 8 }}
                activeKey={showNot ? ['not'] : []}
                onChange={(keys) => setShowNot(keys.includes('not'))}
                items={[
                  {
                    key: 'not',
                    label: <span style={{ color: groupColor.not_eligible, fontWeight: 600, scrollMarginTop: 72 }} id="match-group-not_eligible" data-testid="match-group-not_eligible">{t('pm.group.not_eligible')} · {data.counts.not_eligible}</span>,
                    children: by('not_eligible').length ? by('not_eligible').map((m) => <MatchCard key={m.policyId} m={m} today={data.evaluatedOn} canApply={false} />) : <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
                  },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pm.evaluatedOn', { d: data.evaluatedOn })}</Typography.Text>
            </>
          )}
        </div>
      ) : null}
    </QueryState>
  );
}
