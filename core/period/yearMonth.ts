/**
 * A calendar month as one integer (year * 12 + monthIndex0), so that month arithmetic
 * (previous month, same month last year, ranges) is plain integer arithmetic.
 */
export type MonthIndex = number;

export const monthIndex = (year: number, month1: number): MonthIndex => year * 12 + (month1 - 1);
export const yearOf = (m: MonthIndex): number => Math.floor(m / 12);
export const month1Of = (m: MonthIndex): number => (m % 12) + 1;

/** "2025-01" */
export const toIsoMonth = (m: MonthIndex): string => `${yearOf(m)}-${String(month1Of(m)).padStart(2, '0')}`;

/** Parses "YYYY-MM"; null when it is not a valid month. */
export function parseIsoMonth(text: string): MonthIndex | null {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return monthIndex(year, month);
}

export const previousMonth = (m: MonthIndex): MonthIndex => m - 1;
export const sameMonthLastYear = (m: MonthIndex): MonthIndex => m - 12;
export const januaryOf = (m: MonthIndex): MonthIndex => yearOf(m) * 12;

/** Inclusive range of months, oldest first. */
export function monthRange(from: MonthIndex, to: MonthIndex): MonthIndex[] {
  const out: MonthIndex[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

/** WIB is UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** An instant (ms since epoch) as core's UTC-encoded WIB wall-clock. */
export const wibWallClock = (instantMs: number): number => instantMs + WIB_OFFSET_MS;

/**
 * Month of a wall-clock timestamp (UTC fields carry WIB wall-clock time, see workbook/cells).
 * Plain arithmetic (the civil-from-days algorithm) instead of a Date: it runs once per log row.
 */
export function monthOfWallClock(ms: number): MonthIndex {
  const z = Math.floor(ms / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month0 = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month0 <= 1 ? 1 : 0);
  return year * 12 + month0;
}
