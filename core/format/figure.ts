import type { CellFormat, TableCell } from './cellFormat';
import { formatNumber, roundHalfAwayFromZero } from './idNumber';

/**
 * How a figure is printed, in one place: sentences, tables, tiles and charts of every renderer
 * print a figure through these functions, so one figure never reads two ways in one report.
 * docs/narrative.md describes the rules for people.
 */

/** What a table cell or sentence says where the figure has no data (never 0). */
export const NO_DATA = 'belum tersedia';

/**
 * Decimals a percentage is printed with: `Desimal Persen`, or up to 2 more so that a non-zero
 * share or change never prints as "0%".
 */
export function percentDecimals(pct: number, decimals: number): number {
  let d = decimals;
  while (d < decimals + 2 && pct !== 0 && roundHalfAwayFromZero(pct, d) === 0) d++;
  return d;
}

/** 0,4 → "0,4%", 68,81 → "69%" (with 0 decimals). */
export function formatShare(pct: number, decimals: number): string {
  return `${formatNumber(pct, percentDecimals(pct, decimals))}%`;
}

/** The magnitude of a change as printed: "16%", "0,1%", "kurang dari 0,01%". */
export function changeMagnitude(pct: number, decimals: number): string {
  const d = percentDecimals(pct, decimals);
  const abs = Math.abs(pct);
  if (roundHalfAwayFromZero(abs, d) === 0) return `kurang dari ${formatNumber(10 ** -d, d)}%`;
  return `${formatNumber(abs, d)}%`;
}

/** A change in a table: "+16%", "-4%", "sama" (never "0%" or "+0%"). */
export function formatChange(pct: number, decimals: number): string {
  if (pct === 0) return 'sama';
  const magnitude = changeMagnitude(pct, decimals);
  return magnitude.startsWith('kurang')
    ? `${pct > 0 ? 'naik' : 'turun'} ${magnitude}`
    : `${pct > 0 ? '+' : '-'}${magnitude}`;
}

/** Decimals a column format stands for when the column does not say. */
const FORMAT_DECIMALS: Record<CellFormat, number> = {
  text: 0,
  int: 0,
  dec1: 1,
  dec2: 2,
  pct0: 0,
  pct1: 1,
  pct2: 2,
  change: 0,
};

/**
 * A table cell as a person reads it (id-ID). `decimals` is the column's rounding (TableColumn.decimals,
 * e.g. `Desimal Persen` for shares and changes); null is "belum tersedia".
 */
export function formatCell(value: TableCell, format: CellFormat, decimals?: number): string {
  if (value === null) return NO_DATA;
  if (typeof value === 'string') return value;
  const d = decimals ?? FORMAT_DECIMALS[format];
  switch (format) {
    case 'text':
      return String(value);
    case 'int':
    case 'dec1':
    case 'dec2':
      return formatNumber(value, d);
    case 'pct0':
    case 'pct1':
    case 'pct2':
      return formatShare(value, d);
    case 'change':
      return formatChange(value, d);
  }
}

/**
 * The spreadsheet number format of one cell, so that a sheet shows what formatCell prints
 * (values of percentage formats are written divided by 100).
 */
export function spreadsheetNumberFormat(value: number, format: CellFormat, decimals?: number): string {
  const d = decimals ?? FORMAT_DECIMALS[format];
  const fraction = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  switch (format) {
    case 'text':
      return '@';
    case 'int':
    case 'dec1':
    case 'dec2':
      return `#,##0${fraction(d)}`;
    case 'pct0':
    case 'pct1':
    case 'pct2':
      return `0${fraction(percentDecimals(value, d))}%`;
    case 'change': {
      const f = fraction(percentDecimals(value, d));
      return `+0${f}%;-0${f}%;"sama"`;
    }
  }
}

/** The column format that prints a percentage with `decimals` places (pct0–pct2; more via TableColumn.decimals). */
export const percentFormat = (decimals: number): CellFormat =>
  decimals <= 0 ? 'pct0' : decimals === 1 ? 'pct1' : 'pct2';

/** The column format of a figure printed with `decimals` places. */
export const numberFormat = (decimals: number): CellFormat =>
  decimals <= 0 ? 'int' : decimals === 1 ? 'dec1' : 'dec2';

/** Signed count for driver sentences: "−76", "+38" (a true minus sign, as the seeds' prose). */
export const signedCount = (n: number): string => `${n < 0 ? '−' : '+'}${formatNumber(Math.abs(n))}`;
