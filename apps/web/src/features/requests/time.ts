import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Requests run on park time: every time is shown (and entered) in Asia/Shanghai, whatever the browser's zone. */
export const PARK_TZ = 'Asia/Shanghai';

export const inPark = (iso: string) => dayjs(iso).tz(PARK_TZ);
/** 'MM-DD HH:mm' in park time. */
export const fmtShort = (iso: string | null | undefined) => (iso ? inPark(iso).format('MM-DD HH:mm') : '—');
export const fmtLong = (iso: string | null | undefined) => (iso ? inPark(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A picker value whose wall-clock fields show park time "now" (pickers work in the browser's zone). */
export const parkNowForPicker = (): Dayjs => dayjs(dayjs().tz(PARK_TZ).format('YYYY-MM-DDTHH:mm:ss'));

/** Reads a picker's wall-clock fields as park time and returns ISO 8601 with +08:00. */
export const pickerToParkIso = (d: Dayjs): string => dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), PARK_TZ).format();

/** "2小时15分" / "2h 15m" from a number of minutes (≥ 0). */
export function durationText(minutes: number, lang: 'zh' | 'en'): string {
  const m = Math.max(0, Math.floor(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  if (lang === 'zh') {
    if (d) return `${d}天${h}小时`;
    if (h) return `${h}小时${mm}分`;
    return `${mm}分`;
  }
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${mm}m`;
  return `${mm}m`;
}
