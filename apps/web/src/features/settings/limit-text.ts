import { useI18n } from '../../app/i18n';

/** "1 工作小时" / "2 个工作日" / "4 小时" / "90 分钟". */
export function useLimitText() {
  const { t } = useI18n();
  return (min: number, mode: 'working' | 'natural') => {
    if (mode === 'working' && min % 540 === 0) return t('set.limit.workdays', { n: min / 540 });
    if (mode === 'natural' && min % 1440 === 0) return t('set.limit.days', { n: min / 1440 });
    if (min % 60 === 0) return t(mode === 'working' ? 'set.limit.workhours' : 'set.limit.hours', { n: min / 60 });
    return t('set.limit.minutes', { n: min });
  };
}
