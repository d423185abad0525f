import { Tag } from 'antd';
import { statusLabels, tierLabels, type EnterpriseStatus, type Tier } from '@yqt/contracts';
import { useI18n } from '../../app/i18n';

const tierColor: Record<Tier, string> = {
  none: 'default',
  techSme: 'cyan',
  innovativeSme: 'blue',
  highTech: 'geekblue',
  srdi: 'purple',
  littleGiant: 'gold',
};
const statusColor: Record<EnterpriseStatus, string> = {
  active: 'green',
  preparing: 'blue',
  moved_out: 'default',
  deregistered: 'red',
};

export function TierTag({ tier }: { tier: Tier }) {
  const { label } = useI18n();
  return <Tag color={tierColor[tier]}>{label(tierLabels[tier], tier)}</Tag>;
}

export function StatusTag({ status }: { status: EnterpriseStatus }) {
  const { label } = useI18n();
  return <Tag color={statusColor[status]}>{label(statusLabels[status], status)}</Tag>;
}
