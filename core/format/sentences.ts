import { changePct } from './change';
import { changeMagnitude, formatShare } from './figure';
import { formatNumber } from './idNumber';

/**
 * Narrative sentences in the seeds' style: the month's own figure first, then both comparisons
 * in one sentence ("Pada bulan Januari 2025, jumlah pengunjung Website DJPK sekitar 104.000, naik 16%
 * dibandingkan bulan sebelumnya (90.000) dan naik 79% dibandingkan bulan Januari 2024 (58.000).").
 */

/** "naik 25%", "turun 9%", "sama", "naik dari 0". */
export function changePhrase(value: number, base: number, decimals: number): string {
  if (value === base) return 'sama';
  if (base === 0) return 'naik dari 0';
  const pct = changePct(value, base) ?? 0;
  return `${pct > 0 ? 'naik' : 'turun'} ${changeMagnitude(pct, decimals)}`;
}

export interface ComparisonInput {
  /** "Jumlah konsultasi", "jumlah pengunjung Website DJPK" (lowercased mid-sentence unless a name). */
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
  /** The word before the figure: "sebanyak" (default), "sekitar" (website visitors), "adalah". */
  readonly copula?: string;
  /** Said right after the month's figure: " (69% dari total konsultasi)". */
  readonly afterValue?: string;
  /** What has no data, for the "belum tersedia" sentence (default: the subject). */
  readonly noDataSubject?: string;
  /** How the seeds say a zero: "tidak terdapat keluhan" (the month's clause when the value is 0). */
  readonly zero?: string;
}

/** "Jumlah konsultasi" → "jumlah konsultasi"; names ("PPID …", "Email Lapor …", "Contact Center …") stay as written. */
export const midSentence = (text: string): string =>
  /^(Jumlah|Rata-rata|Total|Tiket|Followers|Publikasi|Pengguna|Permohonan)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;

/** "Jumlah …" at the start of a sentence. */
export const sentenceStart = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const figureText = (value: number, input: ComparisonInput) => {
  const text = formatNumber(value, input.valueDecimals ?? 0);
  return input.unitWord ? `${text} ${input.unitWord}` : text;
};

/** One comparison clause, or null when the base has no data. */
function against(input: ComparisonInput, value: number, base: number | null, baseName: string): string | null {
  if (base === null) return null;
  if (value === base)
    return value === 0 ? `sama seperti ${baseName}` : `sama dengan ${baseName} (${figureText(base, input)})`;
  if (base === 0) return `naik dari 0 pada ${baseName}`;
  if (value === 0) return `turun dari ${figureText(base, input)} pada ${baseName}`;
  return `${changePhrase(value, base, input.percentDecimals)} dibandingkan ${baseName} (${figureText(base, input)})`;
}

/** The seeds' sentence for one figure of the month: its value, then both comparisons. */
export function figureSentence(input: ComparisonInput): string {
  const subject = midSentence(input.subject);
  if (input.value === null)
    return `Data ${midSentence(input.noDataSubject ?? subject)} bulan ${input.month} belum tersedia.`;
  const value = input.value;
  const open =
    value === 0 && input.zero
      ? `Pada bulan ${input.month}, ${input.zero}`
      : `Pada bulan ${input.month}, ${subject} ${input.copula ?? 'sebanyak'} ${figureText(value, input)}${input.afterValue ?? ''}`;
  const lastYearName = `bulan ${input.lastYearMonth}`;
  const mom = against(input, value, input.previous, 'bulan sebelumnya');
  const yoy = against(input, value, input.lastYear, lastYearName);
  if (mom && yoy) return `${open}, ${mom} dan ${yoy}.`;
  if (mom) return `${open}, ${mom}, sedangkan data ${lastYearName} belum tersedia sebagai pembanding.`;
  if (yoy) return `${open}, ${yoy}, sedangkan data bulan sebelumnya belum tersedia sebagai pembanding.`;
  return `${open}; belum ada data pembanding untuk bulan sebelumnya maupun ${lastYearName}.`;
}

/** The comparison as the list of sentences answers and sections carry (one sentence). */
export function comparisonSentences(input: ComparisonInput): string[] {
  return [figureSentence(input)];
}

/** "81,58%" style share text; the same rounding as the tables' share columns. */
export function shareText(part: number, whole: number, decimals: number): string {
  if (whole === 0) return '0%';
  return formatShare((part / whole) * 100, decimals);
}

/** "a, b, dan c" */
export function joinIndonesian(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} dan ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}
