import { Tag } from 'antd';
import {
  benefitTypeLabels,
  followUpStatusLabels,
  policyLevelLabels,
  policyStatusLabels,
  verdictLabels,
  type BenefitType,
  type FollowUpStatus,
  type PolicyLevel,
  type PolicyStatus,
  type PolicySummary,
  type Verdict,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import { fmtNumber } from './rule-text';

const levelColor: Record<PolicyLevel, string> = { national: 'red', provincial: 'volcano', city: 'gold', zone: 'blue', operator: 'cyan' };
const statusColor: Record<PolicyStatus, string> = { draft: 'default', published: 'green', expired: 'default', withdrawn: 'orange' };
const verdictColor: Record<Verdict, string> = { eligible: 'green', nearly: 'gold', not_eligible: 'default' };
const followUpColor: Record<FollowUpStatus, string> = { pending: 'orange', informed: 'blue', not_interested: 'default', applying: 'green' };

export function LevelTag({ level }: { level: PolicyLevel }) {
  const { label } = useI18n();
  return <Tag color={levelColor[level]}>{label(policyLevelLabels[level], level)}</Tag>;
}

export function BenefitTag({ type }: { type: BenefitType }) {
  const { label } = useI18n();
  return <Tag>{label(benefitTypeLabels[type], type)}</Tag>;
}

export function PolicyStatusTag({ status, testid }: { status: PolicyStatus; testid?: string }) {
  const { label } = useI18n();
  return <Tag color={statusColor[status]} data-testid={testid}>{label(policyStatusLabels[status], status)}</Tag>;
}

export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const { label, t } = useI18n();
  if (!verdict) return <Tag>{t('pol.noLongerMatches')}</Tag>;
  return <Tag color={verdictColor[verdict]}>{label(verdictLabels[verdict], verdict)}</Tag>;
}

export function FollowUpStatusTag({ status }: { status: FollowUpStatus }) {
  const { label } = useI18n();
  return <Tag color={followUpColor[status]}>{label(followUpStatusLabels[status], status)}</Tag>;
}

/** Today in Asia/Shanghai (YYYY-MM-DD), the calendar the server's windows use. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type WindowState = 'open' | 'upcoming' | 'closed' | 'none';

export function windowState(p: Pick<PolicySummary, 'windowOpen' | 'applyFrom' | 'applyUntil' | 'status'>, today = shanghaiToday()): WindowState {
  if (p.windowOpen) return 'open';
  if (!p.applyFrom && !p.applyUntil) return 'none';
  if (p.applyFrom && today < p.applyFrom) return 'upcoming';
  if (p.applyUntil && today > p.applyUntil) return 'closed';
  // Inside the window but not open: the policy is not published (draft, withdrawn, expired).
  return 'none';
}

/** 申报中 / 未开始 / 已截止 (nothing for a policy without an application window). */
export function WindowBadge({ p }: { p: Pick<PolicySummary, 'windowOpen' | 'applyFrom' | 'applyUntil' | 'status'> }) {
  const { t } = useI18n();
  const s = windowState(p);
  if (s === 'none') return null;
  const color = s === 'open' ? 'green' : s === 'upcoming' ? 'blue' : 'default';
  return (
    <Tag color={color} data-testid="window-badge" data-state={s} style={{ marginInlineEnd: 0 }}>
      {t(`pol.window.${s}`)}
    </Tag>
  );
}

/** "2026-11-17 至 2026-12-30", open ends shown as such. */
export function useWindowText() {
  const { t } = useI18n();
  return (p: Pick<PolicySummary, 'applyFrom' | 'applyUntil'>): string => {
    if (!p.applyFrom && !p.applyUntil) return t('pol.noWindow');
    return t('pol.windowRange', { from: p.applyFrom ?? t('pol.openStart'), to: p.applyUntil ?? t('pol.openEnd') });
  };
}

/** "最高 1,000万元" or null. */
export function useAmountText() {
  const { t } = useI18n();
  return (wan: number | null): string | null => (wan === null ? null : t('pol.maxAmountValue', { n: fmtNumber(wan) }));
}
