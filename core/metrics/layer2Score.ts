import type { Settings } from '../workbook/settings';
import { dayNumber, isServiceDay } from './serviceHours';

const MS_PER_DAY = 86_400_000;

/** Working days after the escalation day up to and including the response day (H = 0, H+1 = 1, …). */
export function workingDaysBetween(
  escalatedMs: number,
  respondedMs: number,
  settings: Settings,
  holidays: ReadonlySet<number>,
): number {
  let count = 0;
  for (let day = dayNumber(escalatedMs) + 1; day <= dayNumber(respondedMs); day++) {
    if (isServiceDay(day * MS_PER_DAY, settings, holidays)) count++;
  }
  return count;
}

/** 120 for H and H+1, 100 for H+2 and H+3, 80 after that (the seeds' "Keterangan"). */
export function layer2Score(workingDays: number): number {
  if (workingDays <= 1) return 120;
  if (workingDays <= 3) return 100;
  return 80;
}
