import { changePct } from '../format/change';
import { changeMagnitude, signedCount } from '../format/figure';
import { monthLabel } from '../format/idDate';
import { formatNumber } from '../format/idNumber';
import { joinIndonesian } from '../format/sentences';
import type { MonthIndex } from '../period/yearMonth';
import type { Figures } from './figures';

/**
 * "What moved" (docs/narrative.md): for a headline figure whose change is notable, the largest
 * contributions by channel, topic or user group, computed from the logs; and a value unusual
 * against the months before it.
 */

/** A change is notable when it is at least this many percent … */
export const NOTABLE_PCT = 10;
/** … and at least this many units (tickets, publications, …). */
export const NOTABLE_UNITS = 20;
/** A value is called the highest/lowest only against at least this many consecutive months with data. */
export const UNUSUAL_MIN_MONTHS = 6;
/** How far back "tertinggi sejak …" looks. */
const UNUSUAL_LOOKBACK = 60;

/** A breakdown of a figure whose parts add up to it (channels, topics, user groups, …). */
export interface Dimension {
  /** Metric keys of the parts. */
  readonly keys: readonly string[];
  /** How a part is named in a sentence: "WhatsApp", "topik DAU". */
  readonly name: (key: string) => string;
}

export interface Contribution {
  readonly key: string;
  readonly name: string;
  readonly delta: number;
}

export interface Drivers {
  readonly key: string;
  readonly base: MonthIndex;
  readonly value: number;
  readonly baseValue: number;
  readonly delta: number;
  /** The largest parts moving with the change; with `offsets` they never add up to more than the change. */
  readonly named: readonly Contribution[];
  /** Parts moving against the change, named when the largest part alone exceeds the change. */
  readonly offsets: readonly Contribution[];
}

/** |change| ≥ 10% and ≥ 20 units; a change from 0 is notable from 20 units. */
export function isNotable(value: number | null, base: number | null): boolean {
  if (value === null || base === null) return false;
  const delta = value - base;
  if (Math.abs(delta) < NOTABLE_UNITS) return false;
  const pct = changePct(value, base);
  return pct === null || Math.abs(pct) >= NOTABLE_PCT;
}

/**
 * The parts of one dimension that explain `delta`: up to two moving with it whose sum stays within
 * it; if the largest alone exceeds it, that one plus up to two moving against it so that the named
 * parts add up to no more than the change. Null when the dimension cannot explain it.
 */
export function pickContributions(
  delta: number,
  parts: readonly Contribution[],
): { named: Contribution[]; offsets: Contribution[] } | null {
  if (delta === 0) return null;
  const sign = Math.sign(delta);
  const withIt = parts.filter((p) => Math.sign(p.delta) === sign).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const against = parts
    .filter((p) => Math.sign(p.delta) === -sign)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const first = withIt[0];
  if (!first) return null;
  const limit = Math.abs(delta);
  if (Math.abs(first.delta) <= limit) {
    const named = [first];
    const second = withIt[1];
    if (second && Math.abs(first.delta) + Math.abs(second.delta) <= limit) named.push(second);
    return { named, offsets: [] };
  }
  const offsets: Contribution[] = [];
  let net = Math.abs(first.delta);
  for (const o of against) {
    if (net <= limit || offsets.length === 2) break;
    offsets.push(o);
    net -= Math.abs(o.delta);
  }
  return net <= limit && net > 0 ? { named: [first], offsets } : null;
}

/** The parts of a dimension between two months; null when a part has no data or they do not add up. */
function contributions(
  figures: Figures,
  dim: Dimension,
  m: MonthIndex,
  base: MonthIndex,
  total: number,
  baseTotal: number,
): Contribution[] | null {
  let sum = 0;
  let baseSum = 0;
  const parts: Contribution[] = [];
  for (const key of dim.keys) {
    const v = figures.value(key, m);
    const b = figures.value(key, base);
    if (v === null || b === null) return null;
    sum += v;
    baseSum += b;
    if (v !== b) parts.push({ key, name: dim.name(key), delta: v - b });
  }
  // Only a partition of the figure explains its change (topics of rows without a topic would not).
  return Math.abs(sum - total) < 1e-9 && Math.abs(baseSum - baseTotal) < 1e-9 ? parts : null;
}

/**
 * The drivers of a notable change of `key` between M and `base`, from the dimension that explains
 * the largest share of it; null when the change is not notable or no dimension explains it.
 */
export function findDrivers(
  figures: Figures,
  key: string,
  m: MonthIndex,
  base: MonthIndex,
  dimensions: readonly Dimension[],
): Drivers | null {
  const value = figures.value(key, m);
  const baseValue = figures.value(key, base);
  if (value === null || baseValue === null || !isNotable(value, baseValue)) return null;
  const delta = value - baseValue;
  let best: { named: Contribution[]; offsets: Contribution[]; explained: number } | null = null;
  for (const dim of dimensions) {
    const parts = contributions(figures, dim, m, base, value, baseValue);
    if (!parts) continue;
    const pick = pickContributions(delta, parts);
    if (!pick) continue;
    const explained = Math.abs([...pick.named, ...pick.offsets].reduce((s, p) => s + p.delta, 0));
    if (!best || explained > best.explained) best = { ...pick, explained };
  }
  return best ? { key, base, value, baseValue, delta, named: best.named, offsets: best.offsets } : null;
}

const partText = (p: Contribution, unit: string) => `${p.name} (${signedCount(p.delta)} ${unit})`;

/** "Penurunan dibandingkan bulan sebelumnya terutama berasal dari WhatsApp (−76 tiket) dan topik DAU (−41 tiket)." */
export function driversSentence(d: Drivers, m: MonthIndex, unit: string): string {
  const what = d.delta > 0 ? 'Kenaikan' : 'Penurunan';
  const against = d.base === m - 1 ? 'bulan sebelumnya' : `bulan ${monthLabel(d.base)}`;
  const offsets = d.offsets.length
    ? `, sebagian diimbangi ${d.delta > 0 ? 'penurunan' : 'kenaikan'} ${joinIndonesian(d.offsets.map((p) => partText(p, unit)))}`
    : '';
  return `${what} dibandingkan ${against} terutama berasal dari ${joinIndonesian(d.named.map((p) => partText(p, unit)))}${offsets}.`;
}

/** The Ringkasan's shorter line: "Tiket Konsultasi turun 23% dibandingkan Januari 2024 (1.304), terutama dari WhatsApp (−333 tiket)." */
export function driversSummary(d: Drivers, label: string, unit: string, percentDecimals: number): string {
  const pct = changePct(d.value, d.baseValue);
  const move = pct === null ? `naik dari 0` : `${pct > 0 ? 'naik' : 'turun'} ${changeMagnitude(pct, percentDecimals)}`;
  const offsets = d.offsets.length
    ? `, sebagian diimbangi ${d.delta > 0 ? 'penurunan' : 'kenaikan'} ${joinIndonesian(d.offsets.map((p) => partText(p, unit)))}`
    : '';
  return `${label} ${move} dibandingkan ${monthLabel(d.base)} (${formatNumber(d.baseValue)}), terutama dari ${joinIndonesian(d.named.map((p) => partText(p, unit)))}${offsets}.`;
}

export interface Unusual {
  readonly kind: 'tertinggi' | 'terendah';
  /** The last month at least as high (low); with `sinceData`, the first month of the data compared. */
  readonly since: MonthIndex;
  readonly sinceData: boolean;
}

/**
 * Whether M's value is the highest or lowest against the consecutive months with data before it
 * (at least UNUSUAL_MIN_MONTHS of them): a gap in the data ends the comparison, so "sejak" is never
 * claimed across months without data.
 */
export function findUnusual(values: (m: MonthIndex) => number | null, m: MonthIndex): Unusual | null {
  const v = values(m);
  if (v === null) return null;
  const run: { m: MonthIndex; v: number }[] = [];
  for (let k = m - 1; k >= m - UNUSUAL_LOOKBACK; k--) {
    const x = values(k);
    if (x === null) break;
    run.push({ m: k, v: x });
  }
  if (run.length < UNUSUAL_MIN_MONTHS) return null;
  const recent = run.slice(0, UNUSUAL_MIN_MONTHS);
  for (const kind of ['tertinggi', 'terendah'] as const) {
    const beats = (x: number) => (kind === 'tertinggi' ? v > x : v < x);
    if (!recent.every((r) => beats(r.v))) continue;
    const stop = run.find((r) => !beats(r.v));
    if (stop) return { kind, since: stop.m, sinceData: false };
    return { kind, since: run[run.length - 1]?.m ?? m - 1, sinceData: true };
  }
  return null;
}

/** "Jumlah ini tertinggi sejak Maret 2024." */
export function unusualSentence(u: Unusual): string {
  return u.sinceData
    ? `Jumlah ini ${u.kind} sejak data tersedia (${monthLabel(u.since)}).`
    : `Jumlah ini ${u.kind} sejak ${monthLabel(u.since)}.`;
}
