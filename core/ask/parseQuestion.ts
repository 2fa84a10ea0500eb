import { dateLabel, MONTH_NAMES_ID, monthLabel } from '../format/idDate';
import { STATIC_METRICS } from '../metrics/catalog';
import { monthFromWord, monthWords } from '../period/monthNames';
import { type MonthIndex, month1Of, monthIndex, monthOfWallClock, yearOf } from '../period/yearMonth';
import { closestMatch, levenshtein } from '../text/textMatch';
import {
  type AskSection,
  BREAKDOWN_WORDS,
  COMPARE_WORDS,
  DOWNLOAD_WORDS,
  FRESHNESS_PATTERNS,
  familyWords,
  labelWords,
  METRIC_SYNONYMS,
  normalizeText,
  RANK_WORDS,
  REFRESH_WORDS,
  relatedWords,
  SECTION_WORDS,
  SHARE_WORDS,
  SOFT_WORDS,
  STOP_WORDS,
  SUMMARY_WORDS,
  shareBaseOf,
  TOTAL_WORDS,
  TREND_WORDS,
  wordsOf,
} from './vocabulary';

const MS_PER_DAY = 86_400_000;

/** Days as integers (wall-clock ms / 86 400 000), both ends included. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
  /** "2 Januari 2025", "6–12 Januari 2025", "minggu lalu (3–9 Februari 2025)" */
  readonly label: string;
}

/** What a question asks, with its months resolved (BOT.md "Time words"). */
export type Question =
  | { readonly kind: 'help'; readonly suggestion: string | null }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'freshness' }
  | {
      readonly kind: 'refuse';
      readonly reason: string;
      readonly suggestions: readonly string[];
      /** A known word close to one that was not understood: "maksud Anda 'whatsapp'?" */
      readonly nearMiss?: string;
    }
  | { readonly kind: 'summary'; readonly month: MonthIndex; readonly relative?: boolean }
  /** The month's deck as PPTX and PDF links. */
  | { readonly kind: 'download'; readonly month: MonthIndex }
  | {
      readonly kind: 'section';
      readonly section: AskSection;
      readonly month: MonthIndex;
      readonly channel?: string;
      readonly relative?: boolean;
    }
  | { readonly kind: 'figure'; readonly metric: string; readonly month: MonthIndex; readonly relative?: boolean }
  | { readonly kind: 'share'; readonly metric: string; readonly base: string; readonly month: MonthIndex }
  | { readonly kind: 'days'; readonly metric: string; readonly days: DayRange }
  | {
      readonly kind: 'agents';
      readonly from: MonthIndex;
      readonly to: MonthIndex;
      readonly days: DayRange | null;
    }
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
  /** Today (WIB) as a day number; defaults to the middle of the current month. */
  readonly today?: number;
  /** The catalog (key and label); defaults to the static metrics. */
  readonly metrics?: readonly { readonly key: string; readonly label: string }[];
}

/** A time expression found in the question. */
type TimeRef =
  | { kind: 'month'; month1: number; year: number | null }
  | { kind: 'relative'; offset: number }
  | { kind: 'year'; year: number | null; offset?: number }
  | { kind: 'quarter'; quarter: number; year: number | null }
  | { kind: 'semester'; semester: number; year: number | null }
  | { kind: 'lastMonths'; count: number }
  | { kind: 'days'; range: DayRange };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const FULL_MONTH_WORDS = monthWords().filter((w) => w.length >= 4);

/** Lower case, no @mention markup, "s.d." as "sampai", punctuation as spaces. */
export function normalizeQuestion(text: string): string {
  return normalizeText(text);
}

const yearOf2 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const dayOf = (year: number, month1: number, day: number) => Date.UTC(year, month1 - 1, day) / MS_PER_DAY;
const daysInMonth = (year: number, month1: number) => new Date(Date.UTC(year, month1, 0)).getUTCDate();
const plausibleYear = (year: number) => year >= 2000 && year <= 2100;

/** "6–12 Januari 2025", "30 Desember 2024 – 5 Januari 2025". */
export function dayRangeLabel(from: number, to: number): string {
  if (from === to) return dateLabel(from * MS_PER_DAY);
  const a = new Date(from * MS_PER_DAY);
  const b = new Date(to * MS_PER_DAY);
  if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth())
    return `${a.getUTCDate()}–${dateLabel(to * MS_PER_DAY)}`;
  if (a.getUTCFullYear() === b.getUTCFullYear())
    return `${a.getUTCDate()} ${MONTH_NAMES_ID[a.getUTCMonth()]} – ${dateLabel(to * MS_PER_DAY)}`;
  return `${dateLabel(from * MS_PER_DAY)} – ${dateLabel(to * MS_PER_DAY)}`;
}

interface Extracted {
  refs: TimeRef[];
  rest: string;
  untilFound: boolean;
  /** A time expression that names no real date: "13/2024", "31 Februari". */
  invalid: string | null;
}

/** Pulls time expressions out of the text; what is left is matched against metric words. */
function extractTimes(text: string, ctx: AskContext): Extracted {
  const refs: TimeRef[] = [];
  let invalid: string | null = null;
  let rest = ` ${text} `;
  const take = (re: RegExp, make: (m: RegExpExecArray) => TimeRef | null | 'invalid') => {
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const ref = make(m);
      if (ref === null) break;
      if (ref === 'invalid') invalid ??= m[0].trim();
      else refs.push(ref);
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    }
  };
  const today = ctx.today ?? dayOf(yearOf(ctx.currentMonth), month1Of(ctx.currentMonth), 15);
  const day = (year: number, month1: number, d: number): number | null =>
    month1 >= 1 && month1 <= 12 && d >= 1 && d <= daysInMonth(year, month1) && plausibleYear(year)
      ? dayOf(year, month1, d)
      : null;
  const yearForDay = (month1: number, year: string | undefined): number =>
    year ? yearOf2(year) : yearOf(resolveMonth(month1, null, ctx));
  const days = (from: number | null, to: number | null): Extract<TimeRef, { kind: 'days' }> | 'invalid' =>
    from === null || to === null || to < from
      ? 'invalid'
      : { kind: 'days', range: { from, to, label: dayRangeLabel(from, to) } };

  take(/ (hari ini|today) /, () => days(today, today));
  take(/ (minggu|pekan) (lalu|kemarin|sebelumnya) | last week /, () => {
    const monday = today - ((new Date(today * MS_PER_DAY).getUTCDay() + 6) % 7);
    const r = days(monday - 7, monday - 1);
    return r === 'invalid' ? r : { kind: 'days', range: { ...r.range, label: `minggu lalu (${r.range.label})` } };
  });
  take(/ (minggu|pekan) ini | this week /, () => {
    const monday = today - ((new Date(today * MS_PER_DAY).getUTCDay() + 6) % 7);
    const r = days(monday, today);
    return r === 'invalid' ? r : { kind: 'days', range: { ...r.range, label: `minggu ini (${r.range.label})` } };
  });
  take(/ (\d{4})-(\d{1,2})-(\d{1,2}) /, (m) => {
    const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return days(d, d);
  });
  take(/ (\d{1,2})[/-](\d{1,2})[/-](\d{4}) /, (m) => {
    const d = day(Number(m[3]), Number(m[2]), Number(m[1]));
    return days(d, d);
  });
  const rangeWord = '(?:-|sampai|hingga|sd|s/d|to|until)';
  // "6–12 Januari 2025", "1 sampai 15 januari"
  take(new RegExp(` (?:tanggal |tgl )?(\\d{1,2}) ?${rangeWord} ?(\\d{1,2}) ([a-z]{3,10})(?: (\\d{4}))? `), (m) => {
    const month1 = monthWord(m[3] ?? '');
    if (month1 === null) return null;
    const year = yearForDay(month1, m[4]);
    return days(day(year, month1, Number(m[1])), day(year, month1, Number(m[2])));
  });
  // "30 Desember 2024 sampai 5 Januari 2025", "28 januari - 3 februari"
  take(
    new RegExp(
      ` (?:tanggal |tgl )?(\\d{1,2}) ([a-z]{3,10})(?: (\\d{4}))? ${rangeWord} (\\d{1,2}) ([a-z]{3,10})(?: (\\d{4}))? `,
    ),
    (m) => {
      const a = monthWord(m[2] ?? '');
      const b = monthWord(m[5] ?? '');
      if (a === null || b === null) return null;
      const yearB = yearForDay(b, m[6]);
      const yearA = m[3] ? yearOf2(m[3]) : a > b ? yearB - 1 : yearB;
      return days(day(yearA, a, Number(m[1])), day(yearB, b, Number(m[4])));
    },
  );
  // "tanggal 2 Januari 2025", "2 jan 2025", "2 januari"
  take(/ (?:tanggal |tgl )?(\d{1,2}) ([a-z]{3,10})(?: (\d{4}))? /, (m) => {
    const month1 = monthWord(m[2] ?? '');
    if (month1 === null) return null;
    const d = day(yearForDay(month1, m[3]), month1, Number(m[1]));
    return days(d, d);
  });
  take(/ (\d{4})-(\d{1,2}) /, (m) =>
    Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { kind: 'month', month1: Number(m[2]), year: Number(m[1]) } : 'invalid',
  );
  take(/ (\d{1,2})\/(\d{4}) /, (m) =>
    Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { kind: 'month', month1: Number(m[1]), year: Number(m[2]) } : 'invalid',
  );
  take(/ (\d{1,2})\/(\d{2}) /, (m) =>
    Number(m[1]) >= 1 && Number(m[1]) <= 12
      ? { kind: 'month', month1: Number(m[1]), year: yearOf2(m[2] ?? '') }
      : 'invalid',
  );
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
  take(/ (last|past) (\d{1,3}) months? /, (m) =>
    Number(m[2]) >= 1 && Number(m[2]) <= 120 ? { kind: 'lastMonths', count: Number(m[2]) } : 'invalid',
  );
  take(/ (\d{1,3}) (bulan|months?|bln)( terakhir| last)? /, (m) =>
    Number(m[1]) >= 1 && Number(m[1]) <= 120 ? { kind: 'lastMonths', count: Number(m[1]) } : 'invalid',
  );
  take(/ (bulan ini|this month) /, () => ({ kind: 'relative', offset: 0 }));
  take(/ (bulan lalu|bulan kemarin|bulan sebelumnya|last month|kemarin) /, () => ({ kind: 'relative', offset: -1 }));
  take(/ (tahun ini|this year) /, () => ({ kind: 'year', year: null, offset: 0 }));
  take(/ (tahun lalu|last year|tahun kemarin) /, () => ({ kind: 'year', year: null, offset: -1 }));
  // "januari 2025", "jan-25", "jan 25", with typo tolerance on the month word.
  take(/ ([a-z]{3,10})[ -](\d{4}|\d{2}) /, (m) => {
    const month1 = monthWord(m[1] ?? '');
    if (month1 === null) return null;
    const year = yearOf2(m[2] ?? '');
    return plausibleYear(year) ? { kind: 'month', month1, year } : 'invalid';
  });
  const untilFound = /\b(sampai|hingga|until|ytd|year to date)\b/.test(rest);
  rest = rest.replace(/\b(sampai|hingga|until|ytd|year to date)\b/g, ' ');
  const words = rest.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    const month1 = word.length >= 3 && !/\d/.test(word) ? monthWord(word) : null;
    if (month1 !== null) refs.push({ kind: 'month', month1, year: null });
    else if (/^\d{4}$/.test(word)) {
      if (plausibleYear(Number(word))) refs.push({ kind: 'year', year: Number(word) });
      else invalid ??= word;
    } else kept.push(word);
  }
  return { refs, rest: kept.join(' ').replace(/\s+/g, ' ').trim(), untilFound, invalid };
}

/** A month word, or a near miss of a full month name ("januri", "desmber"). */
function monthWord(word: string): number | null {
  const exact = monthFromWord(word);
  if (exact !== null) return exact;
  if (word.length < 5) return null;
  const near = closestMatch(word, FULL_MONTH_WORDS, (w) => w);
  return near && levenshtein(word, near) <= 2 ? monthFromWord(near) : null;
}

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

/** One way of naming a figure or a section: all its words must be in the question. */
interface Alias {
  readonly words: readonly string[];
  readonly target: { kind: 'metric'; key: string } | { kind: 'section'; entry: (typeof SECTION_WORDS)[number] };
  /** Static metrics win a tie with keys named after values in the data. */
  readonly fixed: boolean;
  readonly label: string;
}

const STATIC_KEYS = new Set(STATIC_METRICS.map((d) => d.key));
const STATIC_DEFS = STATIC_METRICS.map((d) => ({ key: d.key, label: d.label }));

interface Vocabulary {
  readonly aliases: readonly Alias[];
  /** Every word that names each target (any alias) or may accompany it. */
  readonly wordsOf: ReadonlyMap<string, ReadonlySet<string>>;
  readonly known: ReadonlySet<string>;
  readonly labels: ReadonlyMap<string, string>;
}

let cached: { metrics: readonly { key: string; label: string }[]; vocabulary: Vocabulary } | null = null;

/** The aliases of every catalog metric (label words, label words without ticket words, synonyms) and section. */
function vocabularyOf(metrics: readonly { readonly key: string; readonly label: string }[]): Vocabulary {
  if (cached?.metrics === metrics) return cached.vocabulary;
  const aliases: Alias[] = [];
  const labels = new Map(metrics.map((m) => [m.key, m.label]));
  for (const m of metrics) {
    const fixed = STATIC_KEYS.has(m.key);
    const words = labelWords(m.label);
    aliases.push({ words, target: { kind: 'metric', key: m.key }, fixed, label: m.label });
    const hard = words.filter((w) => !SOFT_WORDS.has(w));
    if (hard.length && hard.length < words.length)
      aliases.push({ words: hard, target: { kind: 'metric', key: m.key }, fixed, label: m.label });
    // "Acara – Sosialisasi" is asked as "webinar sosialisasi".
    if (m.key.startsWith('webinar.jenis.'))
      aliases.push({
        words: [...new Set(['webinar', ...hard.filter((w) => w !== 'acara')])],
        target: { kind: 'metric', key: m.key },
        fixed,
        label: m.label,
      });
    const family = familyWords(m.key);
    if (family.length && hard.length)
      aliases.push({
        words: [...new Set([...hard, ...family])],
        target: { kind: 'metric', key: m.key },
        fixed: true,
        label: m.label,
      });
  }
  for (const [phrase, key] of METRIC_SYNONYMS) {
    const label = labels.get(key);
    if (label !== undefined)
      aliases.push({ words: labelWords(phrase), target: { kind: 'metric', key }, fixed: STATIC_KEYS.has(key), label });
  }
  for (const entry of SECTION_WORDS)
    aliases.push({ words: entry.words, target: { kind: 'section', entry }, fixed: true, label: entry.section });
  const wordsOfTarget = new Map<string, Set<string>>();
  for (const alias of aliases) {
    const id = targetId(alias);
    let set = wordsOfTarget.get(id);
    if (!set) {
      set = new Set(
        relatedWords(alias.target.kind === 'metric' ? alias.target.key : `section:${alias.target.entry.section}`),
      );
      wordsOfTarget.set(id, set);
    }
    for (const w of alias.words) set.add(w);
  }
  const known = new Set<string>([
    ...aliases.flatMap((a) => a.words),
    ...[...wordsOfTarget.values()].flatMap((set) => [...set]),
    ...STOP_WORDS,
    ...SOFT_WORDS,
    ...SUMMARY_WORDS,
    ...DOWNLOAD_WORDS,
    ...TREND_WORDS,
    ...TOTAL_WORDS,
    ...COMPARE_WORDS,
    ...SHARE_WORDS,
    ...RANK_WORDS,
    ...BREAKDOWN_WORDS,
  ]);
  const vocabulary = { aliases, known, labels, wordsOf: wordsOfTarget };
  cached = { metrics, vocabulary };
  return vocabulary;
}

/** Scores an alias: words that name a figure count double, ticket words once. */
const scoreOf = (words: readonly string[]) => words.reduce((s, w) => s + (SOFT_WORDS.has(w) ? 1 : 2), 0);

const MODIFIERS = [TREND_WORDS, TOTAL_WORDS, COMPARE_WORDS, SHARE_WORDS, RANK_WORDS, BREAKDOWN_WORDS];
const isModifier = (w: string) => MODIFIERS.some((set) => set.has(w));

interface Words {
  /** Words that name something (not time, filler or a modifier). */
  readonly content: string[];
  /** Content and modifier words: labels may contain a modifier ("Reach Total"). */
  readonly meaningful: string[];
  readonly unknown: string[];
  readonly corrected: Map<string, string>;
  readonly nearMiss: string | null;
  readonly has: (set: ReadonlySet<string>) => boolean;
}

function classify(rest: string, vocabulary: Vocabulary): Words {
  const all = wordsOf(rest);
  const content: string[] = [];
  const meaningful: string[] = [];
  const unknown: string[] = [];
  const corrected = new Map<string, string>();
  let nearMiss: string | null = null;
  const present = new Set<string>();
  const candidates = [...vocabulary.known].filter((w) => w.length >= 4 && !STOP_WORDS.has(w));
  const aliasWords = new Set(vocabulary.aliases.flatMap((a) => a.words));
  for (const raw of all) {
    let word = raw;
    if (!vocabulary.known.has(word)) {
      const near = word.length >= 4 && !/\d/.test(word) ? closestMatch(word, candidates, (w) => w) : null;
      const distance = near ? levenshtein(word, near) : Number.POSITIVE_INFINITY;
      if (near && distance <= (word.length <= 6 ? 1 : 2)) {
        corrected.set(word, near);
        word = near;
      } else {
        if (near && aliasWords.has(near)) nearMiss ??= near;
        unknown.push(raw);
        continue;
      }
    }
    present.add(word);
    if (STOP_WORDS.has(word)) continue;
    meaningful.push(word);
    if (SUMMARY_WORDS.has(word) || DOWNLOAD_WORDS.has(word) || isModifier(word)) continue;
    content.push(word);
  }
  return { content, meaningful, unknown, corrected, nearMiss, has: (set) => [...set].some((w) => present.has(w)) };
}

interface Match {
  readonly alias: Alias;
  readonly score: number;
}

/** The aliases fully present in the question, best first. */
function matchAliases(content: readonly string[], vocabulary: Vocabulary): Match[] {
  const words = new Set(content);
  return vocabulary.aliases
    .filter((a) => a.words.length > 0 && a.words.every((w) => words.has(w)))
    .map((alias) => ({ alias, score: scoreOf(alias.words) }))
    .sort((a, b) => b.score - a.score);
}

const targetId = (a: Alias) =>
  a.target.kind === 'metric' ? `m:${a.target.key}` : `s:${a.target.entry.section}:${a.target.entry.channel ?? ''}`;

/** Parses a question in Bahasa Indonesia (or English); never throws. */
export function parseQuestion(text: string, ctx: AskContext): Question {
  const normalized = normalizeQuestion(text);
  const plain = normalized.split(' ').filter(Boolean);
  const greeting = new Set([
    'bantuan',
    'help',
    'menu',
    'panduan',
    'halo',
    'hi',
    'hello',
    'hai',
    'bot',
    'bisa',
    'apa',
    'kamu',
    'anda',
    'tolong',
    'pak',
    'bu',
    'selamat',
    'pagi',
    'siang',
    'sore',
    'malam',
  ]);
  if (plain.length === 0 || plain.every((w) => greeting.has(w))) return { kind: 'help', suggestion: null };
  if (/\b(bantuan|help|panduan)\b/.test(normalized)) return { kind: 'help', suggestion: null };
  if (REFRESH_WORDS.some((w) => ` ${normalized} `.includes(` ${w} `))) return { kind: 'refresh' };
  if (FRESHNESS_PATTERNS.some((re) => re.test(normalized))) return { kind: 'freshness' };

  const { refs, rest, untilFound, invalid } = extractTimes(normalized, ctx);
  const vocabulary = vocabularyOf(ctx.metrics ?? STATIC_DEFS);
  const latest = latestMonth(ctx);
  const latestText = monthLabel(latest).toLowerCase();
  if (invalid !== null) {
    return refuse(`'${invalid}' bukan tanggal atau bulan yang ada`, [
      `konsultasi ${latestText}`,
      `ringkasan ${latestText}`,
    ]);
  }
  const words = classify(rest, vocabulary);
  const months = refs.filter((r) => r.kind === 'month' || r.kind === 'relative');
  const range = refs.map((r) => rangeOfRef(r, ctx)).find((r) => r !== null) ?? null;
  const lastMonths = refs.find((r) => r.kind === 'lastMonths');
  const dayRefs = refs.filter((r): r is Extract<TimeRef, { kind: 'days' }> => r.kind === 'days');
  const days = dayRefs[0]?.range ?? null;
  const first = months[0] ? monthOfRef(months[0], ctx) : null;
  const relative = months[0]?.kind === 'relative';
  const month = first ?? (range ? range.to : latest);
  const periodText = days ? days.label.replace(/^minggu (lalu|ini) \(.*\)$/, 'minggu $1') : monthLabel(month);
  const ask = (what: string) => `${what} ${periodText.toLowerCase()}`;

  if (words.unknown.length) {
    const nearSuggestions = words.nearMiss ? [ask(words.nearMiss)] : [];
    return {
      ...refuse(`kata ${words.unknown.map((w) => `'${w}'`).join(', ')} belum saya kenal`, [
        ...nearSuggestions,
        ...suggestionsFor(words.content, vocabulary, ask),
        `konsultasi ${latestText}`,
      ]),
      ...(words.nearMiss ? { nearMiss: words.nearMiss } : {}),
    };
  }
  if (dayRefs.length > 1 || (days && (months.length || range || lastMonths))) {
    return refuse('pertanyaan menyebut lebih dari satu periode', [ask('konsultasi'), `konsultasi ${latestText}`]);
  }

  if (words.has(DOWNLOAD_WORDS) && words.content.every((w) => SOFT_WORDS.has(w))) {
    if (days)
      return refuse(`deck laporan hanya tersedia per bulan, bukan untuk ${days.label}`, [
        `unduh laporan ${latestText}`,
      ]);
    return { kind: 'download', month };
  }
  const summaryAsked = words.has(SUMMARY_WORDS);
  if (summaryAsked && words.content.every((w) => SOFT_WORDS.has(w))) {
    if (days)
      return refuse(`ringkasan hanya tersedia per bulan, bukan untuk ${days.label}`, [`ringkasan ${latestText}`]);
    return { kind: 'summary', month, ...(relative ? { relative } : {}) };
  }

  const matches = matchAliases(words.meaningful, vocabulary);
  const trendAsked = words.has(TREND_WORDS) || lastMonths !== undefined;
  const compareAsked = words.has(COMPARE_WORDS);
  const shareAsked = words.has(SHARE_WORDS);
  const rankAsked = words.has(RANK_WORDS);
  const breakdownAsked = words.has(BREAKDOWN_WORDS);

  if (matches.length === 0) {
    if (words.content.length === 0 || words.content.every((w) => SOFT_WORDS.has(w))) {
      // Only a period ("januari 2025", "triwulan I 2025"): the summary, or the ticket total of a range.
      if (range && months.length === 0 && !days)
        return { kind: 'total', metric: 'konsultasi.total', from: range.from, to: range.to, label: range.label };
      if (refs.length > 0 && !days && !trendAsked && !shareAsked && !rankAsked && !compareAsked)
        return { kind: 'summary', month, ...(relative ? { relative } : {}) };
      return { kind: 'help', suggestion: null };
    }
    return refuse(
      `${words.content.map((w) => `'${w}'`).join(', ')} tidak cukup untuk memilih satu angka`,
      suggestionsFor(words.content, vocabulary, ask),
    );
  }

  // The best-scoring aliases; a tie between different figures is a question too vague to answer.
  const top = matches[0]?.score ?? 0;
  let best = matches.filter((m) => m.score === top);
  if (new Set(best.map((m) => targetId(m.alias))).size > 1) {
    // The figure whose words account for more of the question: "permohonan PPID penelitian".
    const covered = (m: Match) =>
      words.content.filter((w) => vocabulary.wordsOf.get(targetId(m.alias))?.has(w) || SOFT_WORDS.has(w)).length;
    const most = Math.max(...best.map(covered));
    best = best.filter((m) => covered(m) === most);
  }
  if (best.some((m) => m.alias.target.kind === 'section') && best.some((m) => m.alias.target.kind === 'metric')) {
    const sectionWins = best.some(
      (m) =>
        m.alias.target.kind === 'section' &&
        (m.alias.target.entry.preferred ||
          breakdownAsked ||
          rankAsked ||
          (m.alias.target.entry.section === 'pengaduan' && compareAsked && months.length < 2)),
    );
    best = best.filter((m) => (m.alias.target.kind === 'section') === sectionWins);
  }
  if (new Set(best.map((m) => targetId(m.alias))).size > 1) {
    const fixed = best.filter((m) => m.alias.fixed);
    if (fixed.length && new Set(fixed.map((m) => targetId(m.alias))).size === 1) best = fixed;
  }
  const ids = [...new Set(best.map((m) => targetId(m.alias)))];
  if (ids.length > 1) {
    return refuse(
      `'${words.content.join(' ')}' bisa berarti beberapa angka`,
      best.slice(0, 4).map((m) => ask(questionWordsOf(m.alias))),
    );
  }
  const chosen = best[0]?.alias;
  if (!chosen) return { kind: 'help', suggestion: null };
  const used = new Set([...chosen.words, ...(vocabulary.wordsOf.get(targetId(chosen)) ?? [])]);
  const leftover = words.content.filter((w) => !used.has(w) && !SOFT_WORDS.has(w));
  if (leftover.length) {
    return refuse(
      `'${leftover.join(' ')}' tidak cocok dengan ${chosen.target.kind === 'metric' ? chosen.label : 'bagian yang ditanyakan'}; tanyakan satu angka per pertanyaan`,
      [ask(questionWordsOf(chosen)), ...suggestionsFor(leftover, vocabulary, ask)].slice(0, 4),
    );
  }

  if (chosen.target.kind === 'section') {
    const entry = chosen.target.entry;
    if (entry.section === 'agen') {
      if (trendAsked || compareAsked || shareAsked)
        return refuse('tren atau perbandingan tiket per agen belum tersedia', [ask('tiket per agen')]);
      if (days) return { kind: 'agents', from: month, to: month, days };
      if (range && months.length === 0) return { kind: 'agents', from: range.from, to: range.to, days: null };
      return { kind: 'agents', from: month, to: month, days: null };
    }
    if (
      trendAsked ||
      (compareAsked && (entry.section !== 'pengaduan' || months.length >= 2)) ||
      (range && months.length === 0) ||
      untilFound
    ) {
      if (!entry.headline)
        return refuse(`tren atau jumlah beberapa bulan untuk ${sectionName(entry.section)} belum tersedia`, [
          ask(questionWordsOf(chosen)),
        ]);
      return figureOrPeriod(entry.headline);
    }
    if (days && entry.headline) return figureOrPeriod(entry.headline);
    if (days) {
      return refuse(`rincian ${sectionName(entry.section)} per hari atau per minggu belum tersedia; hanya per bulan`, [
        `${questionWordsOf(chosen)} ${monthLabel(monthOfWallClock(days.to * MS_PER_DAY)).toLowerCase()}`,
      ]);
    }
    if (rankAsked && !entry.ranked)
      return refuse(`peringkat untuk ${sectionName(entry.section)} belum tersedia`, [ask(questionWordsOf(chosen))]);
    return {
      kind: 'section',
      section: entry.section,
      month,
      ...(entry.channel ? { channel: entry.channel } : {}),
      ...(relative ? { relative } : {}),
    };
  }
  if (rankAsked) {
    return refuse(`peringkat untuk ${chosen.label} belum tersedia`, [
      ask(questionWordsOf(chosen)),
      ask('top pemda'),
      ask('agen dengan tiket terbanyak'),
    ]);
  }
  return figureOrPeriod(chosen.target.key);

  function figureOrPeriod(key: string): Question {
    const again = chosen ? questionWordsOf(chosen) : key;
    if (shareAsked) {
      const base = shareBaseOf(key);
      if (base === null) return refuse(`persentase untuk ${vocabulary.labels.get(key) ?? key} tidak ada`, [ask(again)]);
      if (trendAsked || compareAsked || range || days || untilFound)
        return refuse('persentase hanya tersedia per bulan', [`persen ${ask(again)}`]);
      return { kind: 'share', metric: key, base, month };
    }
    if (days) {
      if (trendAsked || compareAsked || untilFound)
        return refuse(`tren atau perbandingan per hari belum tersedia`, [ask(again)]);
      return { kind: 'days', metric: key, days };
    }
    if (trendAsked) {
      const to = range ? range.to : (first ?? latest);
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
    if (months.length >= 2 || (compareAsked && months.length >= 1) || (compareAsked && months.length === 0)) {
      const a = first ?? latest;
      const second = months[1]
        ? monthOfRef(months[1], ctx, months[1].kind === 'month' && months[1].year === null ? a : undefined)
        : a - 1;
      return { kind: 'compare', metric: key, month: a, base: second ?? a - 1 };
    }
    return { kind: 'figure', metric: key, month, ...(relative ? { relative } : {}) };
  }
}

function refuse(reason: string, suggestions: readonly string[]): Question & { kind: 'refuse' } {
  return { kind: 'refuse', reason, suggestions: [...new Set(suggestions)].slice(0, 5) };
}

/** Words that ask for an alias's figure again ("followers instagram"). */
function questionWordsOf(alias: Alias): string {
  if (alias.target.kind === 'section') {
    const e = alias.target.entry;
    const words: Partial<Record<AskSection, string>> = {
      topPemda: 'top pemda',
      topik: 'topik konsultasi',
      kanal: 'sebaran kanal',
      layer2: 'layer 2',
      kepuasan: 'kepuasan',
      zona: 'sebaran zona waktu',
      pengguna: 'kategori pengguna',
      agen: 'tiket per agen',
      ppid: 'tujuan ppid',
      emailLapor: 'email lapor per jenis',
      chatbot: 'menu chatbot',
      pengaduan: 'pengaduan vs keluhan',
      medsos: 'followers per platform',
      publikasi: 'publikasi per jenis',
      webinar: 'webinar per jenis',
      blast: 'blast',
      telepon: 'panggilan telepon',
      website: 'halaman website',
      viconTatapMuka: 'daftar tatap muka',
    };
    return e.channel ? `topik ${e.channel}` : (words[e.section] ?? e.section);
  }
  return alias.label
    .toLowerCase()
    .replace(/[–/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionName(section: AskSection): string {
  return section === 'layer2' ? 'Layer 2' : section;
}

/** Questions the bot can answer that share a word with what was asked. */
function suggestionsFor(content: readonly string[], vocabulary: Vocabulary, ask: (what: string) => string): string[] {
  const words = new Set(content.filter((w) => !SOFT_WORDS.has(w)));
  if (words.size === 0) return [];
  const scored = vocabulary.aliases
    .map((alias) => ({ alias, hits: alias.words.filter((w) => words.has(w)).length }))
    .filter((a) => a.hits > 0)
    .sort(
      (a, b) =>
        b.hits - a.hits || Number(b.alias.fixed) - Number(a.alias.fixed) || a.alias.words.length - b.alias.words.length,
    );
  const out: string[] = [];
  for (const { alias } of scored) {
    const q = ask(questionWordsOf(alias));
    if (!out.includes(q)) out.push(q);
    if (out.length >= 4) break;
  }
  return out;
}
