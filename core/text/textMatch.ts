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

/**
 * Edit distance. With `max`, stops as soon as the distance must exceed it and returns `max + 1`:
 * the work is then O(max × length) instead of O(length²), whatever a cell holds.
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((current[j - 1] ?? 0) + 1, (previous[j] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
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
  if (input.length > MAX_MATCH_LENGTH * 4) return null;
  const key = looseKey(input);
  if (key.length === 0 || key.length > MAX_MATCH_LENGTH) return null;
  const words = wordSetKey(input);
  let best: T | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const text = keyOf(candidate);
    if (text.length > MAX_MATCH_LENGTH * 4) continue;
    const candidateKey = looseKey(text);
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(key.length, candidateKey.length) / 3)));
    const distance = wordSetKey(text) === words ? 0.5 : levenshtein(key, candidateKey, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
