import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  BulbOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import {
  channelLabels,
  requestActionLabels,
  requestKindLabels,
  requestStatusLabels,
  type Channel,
  type RequestAction,
  type RequestDetail,
  type RequestKind,
  type RequestStatus,
  type RequestSummary,
} from '@yqt/contracts';
import { useI18n } from '../../app/i18n';
import type { DictKey } from '../../app/dict';
import { durationText, fmtShort } from './time';

export const kindIcons: Record<RequestKind, React.ReactNode> = {
  consultation: <QuestionCircleOutlined />,
  complaint: <ExclamationCircleOutlined />,
  appeal: <AuditOutlined />,
  difficulty: <AlertOutlined />,
  suggestion: <BulbOutlined />,
  repair: <ToolOutlined />,
};

const statusColor: Record<RequestStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  in_progress: 'processing',
  awaiting_info: 'purple',
  key_issue: 'red',
  resolved: 'green',
  closed: 'default',
};

export function RequestStatusTag({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { label } = useI18n();
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status}>
      {label(requestStatusLabels[status], status)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: RequestKind }) {
  const { label } = useI18n();
  return <Tag icon={kindIcons[kind]}>{label(requestKindLabels[kind], kind)}</Tag>;
}

export function ChannelText({ channel }: { channel: Channel }) {
  const { label } = useI18n();
  return <>{label(channelLabels[channel], channel)}</>;
}

export type ClockState = RequestDetail['clocks']['accept']['state'];
export const clockColor: Record<ClockState, string> = {
  running: 'blue',
  warning: 'orange',
  breached: 'red',
  met: 'green',
  late: 'volcano',
  paused: 'default',
};

export function ClockStateTag({ state }: { state: ClockState }) {
  const { t } = useI18n();
  return <Tag color={clockColor[state]} data-clock-state={state}>{t(`req.clock.${state}`)}</Tag>;
}

/** Re-renders every `ms` (default 30 s) and returns the current time. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

type Pending = { which: 'accept' | 'feedback' | 'resolve'; dueAt: string } | { which: 'paused' } | null;

/**
 * The next promise still pending, from the status (the summary carries no done-times):
 * 待受理 → accept; 已受理 → first feedback (a feedback moves it to 办理中); 办理中 / 重点难题 → resolve;
 * 待补充 → paused (clocks stop); 已解决 / 已办结 → none.
 */
export function nextPending(r: RequestSummary): Pending {
  switch (r.status) {
    case 'submitted':
      return { which: 'accept', dueAt: r.acceptBy };
    case 'accepted':
      return { which: 'feedback', dueAt: r.feedbackBy };
    case 'in_progress':
    case 'key_issue':
      return { which: 'resolve', dueAt: r.resolveBy };
    case 'awaiting_info':
      return { which: 'paused' };
    default:
      return null;
  }
}

/**
 * Colour countdown to the next pending deadline: green while more than half the window is left;
 * then orange in the warning band (last 20 %, the default warn ratio) or the last hour, blue otherwise;
 * red once breached ("超时 2小时15分"). The window is measured from receipt in natural time (an
 * approximation for working-time clocks). Ticks every 30 s.
 */
export function Countdown({ request }: { request: RequestSummary }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const p = nextPending(request);
  if (!p) return <span data-testid="countdown" data-state="none" style={{ color: '#999' }}>—</span>;
  if (p.which === 'paused')
    return (
      <Tag data-testid="countdown" data-state="paused" icon={<ClockCircleOutlined />}>{t('req.clock.paused')}</Tag>
    );
  const due = new Date(p.dueAt).getTime();
  const start = new Date(request.receivedAt).getTime();
  const leftMin = (due - now) / 60_000;
  const total = Math.max(1, (due - start) / 60_000);
  const frac = leftMin / total;
  const state = leftMin < 0 ? 'breached' : frac > 0.5 ? 'ok' : leftMin < 60 || frac < 0.2 ? 'warning' : 'running';
  const color = { breached: 'red', warning: 'orange', ok: 'green', running: 'blue' }[state];
  const text = leftMin < 0 ? t('req.overdueBy', { d: durationText(-leftMin, lang) }) : t('req.leftFor', { d: durationText(leftMin, lang) });
  return (
    <Tooltip title={`${t(`req.promise.${p.which}`)} · ${fmtShort(p.dueAt)}`}>
      <Tag color={color} icon={<ClockCircleOutlined />} data-testid="countdown" data-state={state} style={{ marginInlineEnd: 0 }}>
        {t(`req.next.${p.which}`)} {text}
      </Tag>
    </Tooltip>
  );
}

/** Button / timeline wording of an action: the console's own phrasing where it has one, else the contract's label. */
export function useActionLabel() {
  const { t, label } = useI18n();
  return (a: RequestAction | 'submit' | string) => {
    const key = (a === 'submit' ? 'req.event.submit' : `req.action.${a}`) as DictKey;
    const s = t(key);
    if (s !== key) return s;
    return label(requestActionLabels[a as RequestAction], a);
  };
}
