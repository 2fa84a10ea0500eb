import { roundHalfAwayFromZero } from './idNumber';

/** Change = (value − base) / base × 100; null when there is no base or the base is 0 (METRICS.md). */
export function changePct(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return ((value - base) / base) * 100;
}

/** The exact change for the JSON contract: 2 decimals, display rounding happens elsewhere. */
export const changePctExact = (value: number | null, base: number | null): number | null => {
  const pct = changePct(value, base);
  return pct === null ? null : roundHalfAwayFromZero(pct, 2);
};

/** Decimals needed so that a non-zero change does not print as "0%" (one rule: format/figure.ts). */
export { percentDecimals as displayDecimals } from './figure';
