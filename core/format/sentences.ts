import { changePct, displayDecimals } from './change';
import { formatNumber, formatPercent } from './idNumber';

/**
 * Narrative sentences in the seeds' style:
 * "Jumlah konsultasi di bulan Januari 2025 turun 9% dibandingkan bulan sebelumnya (1.112 konsultasi)."
 */

/** "naik 25%", "turun 9%", "sama"; null without a usable base. */
export function changePhrase(value: number, base: number, decimals: number): string {
  if (value === base) return 'sama';
  if (base === 0) return 'naik dari 0';
  const pct = changePct(value, base) ?? 0;
  const d = displayDecimals(pct, decimals);
  return `${pct > 0 ? 'naik' : 'turun'} ${formatPercent(Math.abs(pct), d)}`;
}

export interface ComparisonInput {
  /** "Jumlah konsultasi" */
  readonly subject: string;
  /** "Januari 2025" */
  readonly month: string;
  readonly value: number | null;
  readonly previous: number | null;
  readonly lastYear: number | null;
  /** "Januari 2024" */
  readonly lastYearMonth: string;
  /** "konsultasi", "layanan"; empty: just the number. */
  readonly unitWord?: string;
  readonly percentDecimals: number;
  /** Decimals of the figures themselves (0 for counts). */
  readonly valueDecimals?: number;
}

const figure = (value: number, input: ComparisonInput) => {
  const text = formatNumber(value, input.valueDecimals ?? 0);
  return input.unitWord ? `${text} ${input.unitWord}` : text;
};

function against(input: ComparisonInput, base: number | null, baseName: string): string {
  const value = input.value ?? 0;
  const head = `${input.subject} di bulan ${input.month}`;
  if (base === null) return `${head}: belum ada data pembanding untuk ${baseName}.`;
  const phrase = changePhrase(value, base, input.percentDecimals);
  if (phrase === 'sama') return `${head} sama dengan ${baseName} (${figure(base, input)}).`;
  if (phrase === 'naik dari 0') return `${head} naik dari 0 pada ${baseName} menjadi ${figure(value, input)}.`;
  return `${head} ${phrase} dibandingkan ${baseName} (${figure(base, input)}).`;
}

/** The month-on-month and year-on-year sentences; one "no data" sentence when the month has none. */
export function comparisonSentences(input: ComparisonInput): string[] {
  if (input.value === null) {
    return [`Data ${input.subject.toLowerCase()} bulan ${input.month} belum tersedia.`];
  }
  return [
    against(input, input.previous, 'bulan sebelumnya'),
    against(input, input.lastYear, `bulan ${input.lastYearMonth}`),
  ];
}

/** "Pemda (824 pengguna, 81,58%)" style share text. */
export function shareText(part: number, whole: number, decimals: number): string {
  if (whole === 0) return '0%';
  const pct = (part / whole) * 100;
  return formatPercent(pct, displayDecimals(pct, decimals));
}

/** "a, b, dan c" */
export function joinIndonesian(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} dan ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}
