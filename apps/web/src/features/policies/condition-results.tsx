import { Flex, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { conditionStatusLabels, type ConditionResult } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';

const icon = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  unmet: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  unknown: <QuestionCircleFilled style={{ color: '#faad14' }} />,
};

/** One enterprise's verdict explained: each condition met / unmet / data missing, actual vs required. */
export function ConditionResults({ items }: { items: ConditionResult[] }) {
  const { t, label } = useI18n();
  return (
    <Flex vertical gap={4} className="yqt-cond-results">
      {items.map((c, i) => (
        <Flex key={i} gap={6} align="start">
          <Tooltip title={label(conditionStatusLabels[c.status])}>{icon[c.status]}</Tooltip>
          <div style={{ minWidth: 0 }}>
            <Typography.Text>{c.label}</Typography.Text>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">
                {t('pol.required')}: {c.required}
                {' · '}
                {t('pol.actual')}: {c.actual ?? t('pol.noData')}
              </Typography.Text>
            </div>
          </div>
        </Flex>
      ))}
    </Flex>
  );
}

/** The conditions still standing between an enterprise and eligibility, as a short text. */
export function unmetSummary(items: ConditionResult[]): ConditionResult[] {
  const blocking = items.filter((c) => c.blocking);
  return blocking.length ? blocking : items.filter((c) => c.status !== 'met');
}

export function UnmetList({ items }: { items: ConditionResult[] }) {
  const { t } = useI18n();
  const list = unmetSummary(items);
  if (!list.length) return <Typography.Text type="success">{t('pol.allMet')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {list.map((c, i) => (
        <span key={i} style={{ fontSize: 13 }}>
          {icon[c.status]} {c.label}
          {c.status === 'unknown' ? <Typography.Text type="warning"> ({t('pol.noData')})</Typography.Text> : c.actual ? <Typography.Text type="secondary"> ({c.actual})</Typography.Text> : null}
        </span>
      ))}
    </Flex>
  );
}
