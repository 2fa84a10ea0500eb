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

/** Month of a wall-clock timestamp (UTC fields carry WIB wall-clock time, see workbook/cells). */
export const monthOfWallClock = (ms: number): MonthIndex => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
