import { monthLabel } from '../format/idDate';
import { monthFromWord, monthWords } from '../period/monthNames';
import { type MonthIndex, month1Of, monthIndex, yearOf } from '../period/yearMonth';
import { closestMatch, levenshtein } from '../workbook/textMatch';
import {
  type AskSection,
  COMPARE_WORDS,
  HELP_WORDS,
  METRIC_PHRASES,
  METRIC_WORDS,
  REFRESH_WORDS,
  SECTION_WORDS,
  SUMMARY_WORDS,
  TOP_WORDS,
  TOTAL_WORDS,
  TREND_WORDS,
} from './vocabulary';

/** What a question asks, with its months resolved (BOT.md "Time words"). */
export type Question =
  | { readonly kind: 'help'; readonly suggestion: string | null }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'summary'; readonly month: MonthIndex }
  | { readonly kind: 'section'; readonly section: AskSection; readonly month: MonthIndex }
  | { readonly kind: 'figure'; readonly metric: string; readonly month: MonthIndex }
  | { readonly kind: 'compare'; readonly metric: string; readonly month: MonthIndex; readonly base: MonthIndex }
  | { readonly kind: 'trend'; readonly metric: string; readonly from: MonthIndex; readonly to: MonthIndex }
  | {
      readonly kind: 'total';
      readonly metric: string;
      readonly from: MonthIndex;
      readonly to: MonthIndex;
      readonly label: string;
    };

export interface AskContext {
  /** The current WIB calendar month. */
  readonly currentMonth: MonthIndex;
  /** Months that have data, any order. */
  readonly monthsWithData: readonly MonthIndex[];
}

/** A time expression found in the question. */
type TimeRef =
  | { kind: 'month'; month1: number; year: number | null }
  | { kind: 'relative'; offset: number }
  | { kind: 'year'; year: number | null; offset?: number }
  | { kind: 'quarter'; quarter: number; year: number | null }
  | { kind: 'semester'; semester: number; year: number | null }
  | { kind: 'lastMonths'; count: number };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const FULL_MONTH_WORDS = monthWords().filter((w) => w.length >= 4);

/** Lower case, no @mention markup, "s.d." as "sampai", punctuation as spaces. */
export function normalizeQuestion(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\bs\s*[./]\s*d\b\.?/g, ' sampai ')
    .replace(/[?!,;:"'()[\]{}*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const yearOf2 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Pulls time expressions out of the text; what is left is matched against metric words. */
function extractTimes(text: string): { refs: TimeRef[]; rest: string; untilFound: boolean } {
  const refs: TimeRef[] = [];
  let rest = ` ${text} `;
  const take = (re: RegExp, make: (m: RegExpExecArray) => TimeRef | null) => {
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const ref = make(m);
      if (!ref) break;
      refs.push(ref);
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    }
  };
  const untilFound = /\b(sampai|hingga|until|ytd|year to date)\b/.test(rest);
  take(/ (\d{4})-(\d{1,2}) /, (m) => ({ kind: 'month', month1: Number(m[2]), year: Number(m[1]) }));
  take(/ (\d{1,2})\/(\d{4}) /, (m) => ({ kind: 'month', month1: Number(m[1]), year: Number(m[2]) }));
  take(/ (triwulan|kuartal|quarter|tw|q) ?(iv|iii|ii|i|[1-4])(?: (\d{4}))? /, (m) => ({
    kind: 'quarter',
    quarter: ROMAN[m[2] ?? ''] ?? 1,
    year: m[3] ? Number(m[3]) : null,
  }));
  take(/ (semester|smt|sem) ?(ii|i|[12])(?: (\d{4}))? /, (m) => ({
    kind: 'semester',
    semester: ROMAN[m[2] ?? ''] ?? 1,
    year: m[3] ? Number(m[3]) : null,
  }));
  take(/ (\d{1,2}) (bulan|months?)( terakhir| last)? /, (m) => ({ kind: 'lastMonths', count: Number(m[1]) }));
  take(/ (last|past) (\d{1,2}) months? /, (m) => ({ kind: 'lastMonths', count: Number(m[2]) }));
  take(/ (bulan ini|this month) /, () => ({ kind: 'relative', offset: 0 }));
  take(/ (bulan lalu|bulan kemarin|bulan sebelumnya|last month|kemarin) /, () => ({ kind: 'relative', offset: -1 }));
  take(/ (tahun ini|this year) /, () => ({ kind: 'year', year: null, offset: 0 }));
  take(/ (tahun lalu|last year) /, () => ({ kind: 'year', year: null, offset: -1 }));
  // "januari 2025", "jan-25", "jan 25", with typo tolerance on the month word.
  take(/ ([a-z]{3,10})[ -](\d{4}|\d{2}) /, (m) => {
    const month1 = monthWord(m[1] ?? '');
    return month1 === null ? null : { kind: 'month', month1, year: yearOf2(m[2] ?? '') };
  });
  const words = rest.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    const month1 = word.length >= 3 ? monthWord(word) : null;
    if (month1 !== null && !isMetricWord(word)) refs.push({ kind: 'month', month1, year: null });
    else if (/^(19|20)\d{2}$/.test(word)) refs.push({ kind: 'year', year: Number(word) });
    else kept.push(word);
  }
  return { refs, rest: kept.join(' ').replace(/\s+/g, ' ').trim(), untilFound };
}

/** A month word, or a near miss of a full month name ("januri", "desmber"). */
function monthWord(word: string): number | null {
  const exact = monthFromWord(word);
  if (exact !== null) return exact;
  if (word.length < 5) return null;
  const near = closestMatch(word, FULL_MONTH_WORDS, (w) => w);
  return near && levenshtein(word, near) <= 2 ? monthFromWord(near) : null;
}

const isMetricWord = (word: string) => METRIC_WORDS.some(([w]) => w === word);
const includesWord = (text: string, phrase: string) => ` ${text} `.includes(` ${phrase} `);

interface MetricMatch {
  readonly key: string | null;
  readonly suggestion: string | null;
}

/** The metric a question is about: phrases, then words, then typo-tolerant words. */
function findMetric(text: string): MetricMatch {
  for (const [phrase, key] of METRIC_PHRASES) if (includesWord(text, phrase)) return { key, suggestion: null };
  const words = text.split(' ').filter(Boolean);
  // "tiket WA": the channel is the figure asked for; the generic word only when nothing else is named.
  const hits = words.flatMap((word) => METRIC_WORDS.filter(([w]) => w === word).map(([, key]) => key));
  const specific = hits.find((key) => key !== 'konsultasi.total') ?? hits[0];
  if (specific) return { key: specific, suggestion: null };
  let suggestion: string | null = null;
  for (const word of words) {
    if (word.length < 4) continue;
    const near = closestMatch(word, METRIC_WORDS, ([w]) => w);
    if (!near || near[0].length < 4) continue;
    const distance = levenshtein(word, near[0]);
    if (distance <= (word.length <= 6 ? 1 : 2)) return { key: near[1], suggestion: null };
    suggestion ??= near[0];
  }
  return { key: null, suggestion };
}

const hasAny = (text: string, words: readonly string[]) => words.some((w) => includesWord(text, w));

/** The most recent month with this month number that is not in the future, preferring months with data. */
function resolveMonth(month1: number, year: number | null, ctx: AskContext, before?: MonthIndex): MonthIndex {
  if (year !== null) return monthIndex(year, month1);
  const limit = before === undefined ? ctx.currentMonth : before - 1;
  const withData = ctx.monthsWithData.filter((m) => m <= limit && month1Of(m) === month1).sort((a, b) => b - a);
  if (withData[0] !== undefined) return withData[0];
  let m = limit;
  while (month1Of(m) !== month1) m--;
  return m;
}

/** The latest month with data, not in the future; else the previous calendar month. */
function latestMonth(ctx: AskContext): MonthIndex {
  const past = ctx.monthsWithData.filter((m) => m <= ctx.currentMonth);
  return past.length ? Math.max(...past) : ctx.currentMonth - 1;
}

function yearFor(year: number | null, ctx: AskContext, offset = 0): number {
  return year ?? yearOf(latestMonth(ctx)) + offset;
}

function monthOfRef(ref: TimeRef, ctx: AskContext, before?: MonthIndex): MonthIndex | null {
  if (ref.kind === 'month') return resolveMonth(ref.month1, ref.year, ctx, before);
  if (ref.kind === 'relative') return ctx.currentMonth + ref.offset;
  return null;
}

/** A range of months for "2024", "triwulan I 2025", "semester 2", "s.d. Juli 2023". */
function rangeOfRef(ref: TimeRef, ctx: AskContext): { from: MonthIndex; to: MonthIndex; label: string } | null {
  const capped = (from: MonthIndex, to: MonthIndex) => ({ from, to: Math.min(to, Math.max(from, latestMonth(ctx))) });
  if (ref.kind === 'year') {
    const year = yearFor(ref.year, ctx, ref.offset ?? 0);
    return { ...capped(monthIndex(year, 1), monthIndex(year, 12)), label: `tahun ${year}` };
  }
  if (ref.kind === 'quarter') {
    let year = yearFor(ref.year, ctx);
    if (ref.year === null && monthIndex(year, ref.quarter * 3 - 2) > latestMonth(ctx)) year--;
    const from = monthIndex(year, ref.quarter * 3 - 2);
    return { ...capped(from, from + 2), label: `triwulan ${['I', 'II', 'III', 'IV'][ref.quarter - 1]} ${year}` };
  }
  if (ref.kind === 'semester') {
    let year = yearFor(ref.year, ctx);
    if (ref.year === null && monthIndex(year, ref.semester * 6 - 5) > latestMonth(ctx)) year--;
    const from = monthIndex(year, ref.semester * 6 - 5);
    return { ...capped(from, from + 5), label: `semester ${ref.semester === 1 ? 'I' : 'II'} ${year}` };
  }
  return null;
}

/** Parses a question in Bahasa Indonesia (or English); never throws. */
export function parseQuestion(text: string, ctx: AskContext): Question {
  const normalized = normalizeQuestion(text);
  if (normalized === '' || hasAny(normalized, HELP_WORDS)) return { kind: 'help', suggestion: null };
  if (hasAny(normalized, REFRESH_WORDS)) return { kind: 'refresh' };
  const { refs, rest, untilFound } = extractTimes(normalized);
  const metric = findMetric(rest);
  const months = refs.filter((r) => r.kind === 'month' || r.kind === 'relative');
  const range = refs.map((r) => rangeOfRef(r, ctx)).find((r) => r !== null) ?? null;
  const lastMonths = refs.find((r) => r.kind === 'lastMonths');
  const first = months[0] ? monthOfRef(months[0], ctx) : null;
  const month = first ?? (range ? range.to : latestMonth(ctx));

  if (hasAny(rest, SUMMARY_WORDS)) return { kind: 'summary', month };
  if (includesWord(rest, 'layer 2') || hasAny(rest, ['layer2', 'l2', 'eskalasi', 'escalation', 'unit'])) {
    if (!hasAny(rest, TREND_WORDS) && !range) return { kind: 'section', section: 'layer2', month };
  }
  if (hasAny(rest, ['kepuasan', 'satisfaction', 'csat']) && !hasAny(rest, TREND_WORDS) && !range) {
    return { kind: 'section', section: 'kepuasan', month };
  }
  const section = SECTION_WORDS.find(([w]) => includesWord(rest, w));
  if (section && (metric.key === null || metric.key === 'konsultasi.total' || section[1] === 'topPemda')) {
    return { kind: 'section', section: section[1], month };
  }
  if (hasAny(rest, TOP_WORDS) && metric.key === null) return { kind: 'section', section: 'topPemda', month };

  if (metric.key === null) {
    if (range && months.length === 0) {
      return { kind: 'total', metric: 'konsultasi.total', from: range.from, to: range.to, label: range.label };
    }
    if (refs.length > 0 && metric.suggestion === null) return { kind: 'summary', month };
    return { kind: 'help', suggestion: metric.suggestion };
  }
  const key = metric.key;
  if (hasAny(rest, TREND_WORDS) || lastMonths) {
    const to = range ? range.to : (first ?? latestMonth(ctx));
    const from = range ? range.from : to - ((lastMonths?.kind === 'lastMonths' ? lastMonths.count : 12) - 1);
    return { kind: 'trend', metric: key, from, to };
  }
  if (untilFound && first !== null) {
    return {
      kind: 'total',
      metric: key,
      from: first - (first % 12),
      to: first,
      label: first % 12 === 0 ? monthLabel(first) : `Januari – ${monthLabel(first)}`,
    };
  }
  if (range && months.length === 0)
    return { kind: 'total', metric: key, from: range.from, to: range.to, label: range.label };
  if (months.length >= 2 || (hasAny(rest, COMPARE_WORDS) && months.length >= 1)) {
    const a = first ?? latestMonth(ctx);
    const second = months[1]
      ? monthOfRef(months[1], ctx, months[1].kind === 'month' && months[1].year === null ? a : undefined)
      : a - 1;
    return { kind: 'compare', metric: key, month: a, base: second ?? a - 1 };
  }
  if (hasAny(rest, TOTAL_WORDS) && range)
    return { kind: 'total', metric: key, from: range.from, to: range.to, label: range.label };
  return { kind: 'figure', metric: key, month };
}
