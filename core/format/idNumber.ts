/** id-ID number formatting, written by hand so that it is identical in Node and Apps Script. */

/** Rounds half away from zero (Math.round rounds -2.5 to -2). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  const rounded = Math.floor(scaled + 0.5 + 1e-9) / factor;
  return value < 0 ? -rounded : rounded;
}

/** 1010 → "1.010"; 81.58 with 2 decimals → "81,58". */
export function formatNumber(value: number, decimals = 0): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  const negative = rounded < 0;
  const [intPart = '0', fracPart] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fracPart ? `,${fracPart}` : ''}`;
}

/** 81.5841 → "81,58%" with 2 decimals. */
export const formatPercent = (value: number, decimals = 0): string => `${formatNumber(value, decimals)}%`;

/** A figure that may be missing: "–" stands for "no data". */
export const formatFigure = (value: number | null, decimals = 0): string =>
  value === null ? '–' : formatNumber(value, decimals);
