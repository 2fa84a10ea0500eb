import type { Settings } from '../workbook/settings';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export const dayNumber = (ms: number): number => Math.floor(ms / MS_PER_DAY);

/** A service day: a configured weekday that is not a holiday. */
export function isServiceDay(ms: number, settings: Settings, holidays: ReadonlySet<number>): boolean {
  const day = dayNumber(ms);
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (day + 4) % 7;
  return settings.serviceDays.includes(weekday) && !holidays.has(day);
}

/**
 * Inside service hours (METRICS.md "Rules"): a service day and Mulai ≤ WIB time < Selesai.
 * A date without a time counts as inside: the agent logged the day, not the hour.
 */
export const isInsideServiceHours = (
  at: { readonly ms: number; readonly hasTime: boolean },
  settings: Settings,
  holidays: ReadonlySet<number>,
): boolean => isInsideServiceHoursAt(at.ms, at.hasTime, settings, holidays);

/** The same rule for a moment read from columns (no object per row). */
export function isInsideServiceHoursAt(
  ms: number,
  hasTime: boolean,
  settings: Settings,
  holidays: ReadonlySet<number>,
): boolean {
  if (!hasTime) return true;
  if (!isServiceDay(ms, settings, holidays)) return false;
  const minute = Math.floor((ms - dayNumber(ms) * MS_PER_DAY) / MS_PER_MINUTE);
  return minute >= settings.serviceStart && minute < settings.serviceEnd;
}
