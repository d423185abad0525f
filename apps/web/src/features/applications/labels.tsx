import { Tag, Tooltip } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import {
  applicationActionLabels,
  applicationStatusLabels,
  benefitTypeLabels,
  policyLevelLabels,
  verdictLabels,
  type ApplicationAction,
  type ApplicationStatus,
  type BenefitType,
  type ConditionResult,
  type PolicyLevel,
  type Verdict,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';

const statusColor: Record<ApplicationStatus, string> = {
  submitted: 'gold',
  returned: 'orange',
  prechecked: 'blue',
  approved: 'green',
  rejected: 'red',
  disbursed: 'cyan',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {label(applicationStatusLabels[status], status)}
    </Tag>
  );
}

const verdictColor: Record<Verdict, string> = { eligible: 'green', nearly: 'orange', not_eligible: 'default' };

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const { label } = useI18n();
  return <Tag color={verdictColor[verdict]} data-verdict={verdict}>{label(verdictLabels[verdict], verdict)}</Tag>;
}

export function LevelTag({ level }: { level: PolicyLevel }) {
  const { label } = useI18n();
  return <Tag color="geekblue">{label(policyLevelLabels[level], level)}</Tag>;
}

export function BenefitTag({ type }: { type: BenefitType }) {
  const { label } = useI18n();
  return <Tag color="purple">{label(benefitTypeLabels[type], type)}</Tag>;
}

/** ✓ met, ✗ unmet, ? unknown (data missing). */
export function ConditionIcon({ status }: { status: ConditionResult['status'] }) {
  const { t } = useI18n();
  if (status === 'met')
    return (
      <Tooltip title={t('pm.met')}>
        <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('pm.met')} data-condition="met" />
      </Tooltip>
    );
  if (status === 'unmet')
    return (
      <Tooltip title={t('pm.unmet')}>
        <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('pm.unmet')} data-condition="unmet" />
      </Tooltip>
    );
  return (
    <Tooltip title={t('pm.unknown')}>
      <QuestionCircleFilled style={{ color: '#faad14' }} aria-label={t('pm.unknown')} data-condition="unknown" />
    </Tooltip>
  );
}

/** Button wording of a workflow action (short, as on the handling panel). */
export function useApplicationActionLabel() {
  const { t } = useI18n();
  return (a: ApplicationAction) => t(`apl.action.${a}` as DictKey);
}

/** Timeline wording: the contract's label of the step (submit, upload, … included). */
export function useTimelineLabel() {
  const { label } = useI18n();
  return (a: string) => label(applicationActionLabels[a as keyof typeof applicationActionLabels], a);
}

const numberFmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
/** 1250.5 → "1,250.5" */
export const fmtNum = (n: number) => numberFmt.format(n);

/** An amount in 万元 with its unit ("50万元" / "500k CNY"), or — when null. */
export function useWan() {
  const { t } = useI18n();
  return (n: number | null | undefined) => (n === null || n === undefined ? '—' : t('apl.wan', { n: fmtNum(n) }));
}

/** Where the application window stands today (YYYY-MM-DD strings compare as dates). */
export type WindowState = 'open' | 'upcoming' | 'closed' | 'none';
export function windowState(p: { applyFrom: string | null; applyUntil: string | null; windowOpen: boolean }, today: string): WindowState {
  if (p.windowOpen) return 'open';
  if (!p.applyFrom && !p.applyUntil) return 'none';
  if (p.applyFrom && today < p.applyFrom) return 'upcoming';
  return 'closed';
}

const windowColor: Record<WindowState, string> = { open: 'green', upcoming: 'blue', closed: 'default', none: 'default' };

export function WindowTag({ p, today }: { p: { applyFrom: string | null; applyUntil: string | null; windowOpen: boolean }; today: string }) {
  const { t } = useI18n();
  const s = windowState(p, today);
  const text =
    s === 'open'
      ? p.applyUntil
        ? t('pm.window.openUntil', { d: p.applyUntil })
        : t('pm.window.open')
      : s === 'upcoming'
        ? t('pm.window.upcoming', { d: p.applyFrom ?? '' })
        : s === 'closed'
          ? t('pm.window.closed')
          : t('pm.window.none');
  return <Tag color={windowColor[s]} data-window={s}>{text}</Tag>;
}
