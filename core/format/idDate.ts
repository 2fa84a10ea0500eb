import { type MonthIndex, month1Of, yearOf } from '../period/yearMonth';

export const MONTH_NAMES_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

export const MONTH_SHORT_ID = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;

const DAY_NAMES_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** "Januari 2025" */
export const monthLabel = (m: MonthIndex): string => `${MONTH_NAMES_ID[month1Of(m) - 1]} ${yearOf(m)}`;

/** "Jan-25", the seeds' chart axis label. */
export const monthShortLabel = (m: MonthIndex): string =>
  `${MONTH_SHORT_ID[month1Of(m) - 1]}-${String(yearOf(m) % 100).padStart(2, '0')}`;

/** "7 Januari 2025" from a wall-clock timestamp. */
export function dateLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTH_NAMES_ID[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "02/01/2025", as in the seeds' publication lists. */
export function dateNumeric(ms: number): string {
  const d = new Date(ms);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** "02/01/2025 08:15" or just the date when there is no time. */
export function dateTimeNumeric(ms: number, hasTime: boolean): string {
  if (!hasTime) return dateNumeric(ms);
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mi = String(d.getUTCMinutes()).padStart(2, '0');
  return `${dateNumeric(ms)} ${hh}:${mi}`;
}

/** "23/11/2026 09:15 WIB" for an instant (ms since epoch): when a file was made, said in WIB. */
export const wibTimestamp = (instantMs: number): string => `${dateTimeNumeric(instantMs + 7 * 3_600_000, true)} WIB`;

export const dayName = (ms: number): string => DAY_NAMES_ID[new Date(ms).getUTCDay()] ?? '';
