/**
 * Loose text matching for headers, enum values and suggestions: case, spaces and punctuation
 * never matter, and a near miss is answered with the closest valid value.
 */

/** "Tanggal Masuk" → "tanggalmasuk", "E-mail" → "email". */
export const looseKey = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Metric-key slug: the value's name lowercased with spaces and punctuation removed. */
export const slug = looseKey;

let rowsA = new Uint32Array(64);
let rowsB = new Uint32Array(64);

/**
 * Edit distance. With `max`, stops as soon as the distance must exceed it and returns `max + 1`:
 * the work is then O(max × length) instead of O(length²), whatever a cell holds.
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Two rows, swapped, reused from call to call: this runs for every candidate of every unknown
  // cell, and allocating two arrays each time cost more than the comparison.
  if (rowsA.length <= b.length) {
    rowsA = new Uint32Array(b.length + 1);
    rowsB = new Uint32Array(b.length + 1);
  }
  let previous = rowsA;
  let current = rowsB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((current[j - 1] ?? 0) + 1, (previous[j] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** The same words in another order ("Jam Mulai Layanan" / "Jam Layanan Mulai") count as a near miss. */
const wordSetKey = (text: string): string =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** No valid value, header or metric name is longer: a longer text is not a typo of one. */
const MAX_MATCH_LENGTH = 200;

/**
 * The candidate closest to `input` (compared loosely), or null when none is close enough to be a
 * plausible typo: at most a third of the longer word may differ, and at most 3 edits. Only texts
 * of plausible length are compared, so a 50,000-character cell costs microseconds, not seconds.
 */
export function closestMatch<T>(input: string, candidates: readonly T[], keyOf: (candidate: T) => string): T | null {
  return closestMatches(input, candidates, keyOf, 1)[0] ?? null;
}

/**
 * Up to `count` candidates close enough to `input` (the rule of `closestMatch`), closest first;
 * equally close ones in their given order.
 */
export function closestMatches<T>(
  input: string,
  candidates: readonly T[],
  keyOf: (candidate: T) => string,
  count: number,
): T[] {
  return new MatchList(candidates, keyOf).closest(input, count);
}

/**
 * Candidates prepared once for many searches (their loose keys computed up front): a list searched
 * for every unknown cell, such as the 552 official Pemda names, then costs only the comparisons.
 */
export class MatchList<T> {
  private readonly entries: { candidate: T; key: string; words: string }[] = [];

  constructor(candidates: readonly T[], keyOf: (candidate: T) => string) {
    for (const candidate of candidates) {
      const text = keyOf(candidate);
      if (text.length > MAX_MATCH_LENGTH * 4) continue;
      this.entries.push({ candidate, key: looseKey(text), words: wordSetKey(text) });
    }
  }

  /** Up to `count` candidates close enough to `input`, closest first (see `closestMatch`). */
  closest(input: string, count: number): T[] {
    if (input.length > MAX_MATCH_LENGTH * 4) return [];
    const key = looseKey(input);
    if (key.length === 0 || key.length > MAX_MATCH_LENGTH) return [];
    const words = wordSetKey(input);
    const near: { candidate: T; distance: number }[] = [];
    for (const entry of this.entries) {
      const limit = Math.min(3, Math.max(1, Math.floor(Math.max(key.length, entry.key.length) / 3)));
      const distance = entry.words === words ? 0.5 : levenshtein(key, entry.key, limit);
      if (distance <= limit) near.push({ candidate: entry.candidate, distance });
    }
    // A stable sort: among equals, the earlier candidate first (what closestMatch has always picked).
    return near
      .sort((a, b) => a.distance - b.distance)
      .slice(0, count)
      .map((n) => n.candidate);
  }
}
