import { looseKey } from '../text/textMatch';

/** Month words people write, Indonesian and English, full and short: loose key → month 1..12. */
const MONTH_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januari', 'jan', 'january']],
  [2, ['februari', 'feb', 'pebruari', 'february']],
  [3, ['maret', 'mar', 'march']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'jun', 'june']],
  [7, ['juli', 'jul', 'july']],
  [8, ['agustus', 'agu', 'agt', 'ags', 'aug', 'august']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'okt', 'oct', 'october']],
  [11, ['november', 'nov', 'nop', 'nopember']],
  [12, ['desember', 'des', 'dec', 'december']],
];

const MONTH_BY_WORD = new Map<string, number>(
  MONTH_WORDS.flatMap(([month, words]) => words.map((word) => [word, month] as const)),
);

/** 1..12 for a month word ("Januari", "Jan", "agt", "December"), else null. */
export const monthFromWord = (word: string): number | null => MONTH_BY_WORD.get(looseKey(word)) ?? null;

/** Every accepted month word, for typo suggestions. */
export const monthWords = (): string[] => [...MONTH_BY_WORD.keys()];
