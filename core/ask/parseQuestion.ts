import { dateLabel, MONTH_NAMES_ID, monthLabel } from '../format/idDate';
import { PROVINCE_KEY_PREFIX, PROVINCE_NOT_PEMDA_KEY, PROVINCE_UNKNOWN_KEY, STATIC_METRICS } from '../metrics/catalog';
import { monthFromWord, monthWords } from '../period/monthNames';
import { type MonthIndex, month1Of, monthIndex, monthOfWallClock, yearOf } from '../period/yearMonth';
import { suggestPemda } from '../region/pemda';
import { closestMatch, levenshtein } from '../text/textMatch';
import { FILLER_WORDS, REMARK_WORDS, TARGET_WORDS, withoutParticle } from './chatWords';
import { questionTooLong } from './questionLimit';
import { findRegions, KNOWN_ISLANDS, namesPemda, type Region, regionWords } from './regions';
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
      /** "agen paling dikit": fewest first. */
      readonly least?: boolean;
      /** Only this channel's tickets ("agen terbanyak yg WA"). */
      readonly channel?: string;
    }
  /** One agent's tickets ("tiket linna januari"), optionally of one channel. */
  | {
      readonly kind: 'agent';
      readonly name: string;
      readonly from: MonthIndex;
      readonly to: MonthIndex;
      readonly days: DayRange | null;
      readonly channel?: string;
    }
  /** "kanal paling sepi", "topik terbanyak", "unit L2 yg paling byk": the first of a ranking, said directly. */
  | {
      readonly kind: 'rank';
      readonly family: RankFamily;
      readonly least: boolean;
      readonly month: MonthIndex;
      readonly channel?: string;
    }
  /** One channel's tickets inside or outside service hours ("tiket WA di luar jam layanan"). */
  | {
      readonly kind: 'channelHours';
      readonly channel: string;
      readonly outside: boolean;
      readonly month: MonthIndex;
      readonly days: DayRange | null;
    }
  /** Tickets from a province or island group, or its Pemda with the most tickets (issue 20). */
  | {
      readonly kind: 'region';
      readonly region: Region;
      readonly top: boolean;
      readonly month: MonthIndex;
      readonly relative?: boolean;
    }
  /** "nyampe target?": a figure against its target in Pengaturan. */
  | { readonly kind: 'target'; readonly metric: string; readonly month: MonthIndex }
  /** A follow-up with nothing to follow: a short question back, with buttons. */
  | {
      readonly kind: 'clarify';
      readonly ask: string;
      readonly suggestions: readonly string[];
      /** Short button titles: the part that differs ("WhatsApp"). */
      readonly titles?: readonly string[];
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

/** Rankings answered directly: by channel, topic, a channel's topics, Layer 2 unit. */
export type RankFamily = 'kanal' | 'topik' | 'topikKanal' | 'layer2' | 'chatbot';

export interface AskContext {
  /** The current WIB calendar month. */
  readonly currentMonth: MonthIndex;
  /** Months that have data, any order. */
  readonly monthsWithData: readonly MonthIndex[];
  /** Today (WIB) as a day number; defaults to the middle of the current month. */
  readonly today?: number;
  /** The catalog (key and label); defaults to the static metrics. */
  readonly metrics?: readonly { readonly key: string; readonly label: string }[];
  /** Agent names of the Tiket tab, for "tiket linna januari". */
  readonly agents?: readonly string[];
  /**
   * The month a conversation is about (a follow-up): a bare month is the one nearest it ("kalau
   * februari?" after Januari 2025 is Februari 2025), "tanggal 3" a day of it.
   */
  readonly focusMonth?: MonthIndex;
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

  take(/ (hari ini|today) /, () => {
    const r = days(today, today);
    return r === 'invalid' ? r : { kind: 'days', range: { ...r.range, label: `hari ini (${r.range.label})` } };
  });
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
  // "minggu ke-3 januari 2025": weeks run Monday–Sunday; week 1 holds the 1st; each is cut to the month.
  const ORDINAL: Record<string, number> = { pertama: 1, kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6 };
  const week = (n: string, month1: number, year: number): TimeRef | 'invalid' => {
    const first = dayOf(year, month1, 1);
    const last = dayOf(year, month1, daysInMonth(year, month1));
    const monday1 = first - ((new Date(first * MS_PER_DAY).getUTCDay() + 6) % 7);
    const lastMonday = last - ((new Date(last * MS_PER_DAY).getUTCDay() + 6) % 7);
    const index = n === 'terakhir' ? (lastMonday - monday1) / 7 + 1 : (ORDINAL[n] ?? Number(n.replace(/^ke/, '')));
    const start = monday1 + (index - 1) * 7;
    if (!plausibleYear(year) || !(index >= 1) || start > last) return 'invalid';
    const r = days(Math.max(first, start), Math.min(last, start + 6));
    return r === 'invalid'
      ? r
      : {
          kind: 'days',
          range: { ...r.range, label: `minggu ke-${index} ${monthLabel(monthIndex(year, month1))} (${r.range.label})` },
        };
  };
  const weekWord = '(?:minggu|pekan) (?:ke ?)?(ke\\d|\\d|pertama|kedua|ketiga|keempat|kelima|keenam|terakhir)';
  take(new RegExp(` ${weekWord}(?: bulan)? ([a-z]{3,10})(?: (\\d{4}))? `), (m) => {
    const month1 = monthWord(m[2] ?? '');
    if (month1 === null) return null;
    return week(m[1] ?? '', month1, yearForDay(month1, m[3]));
  });
  take(new RegExp(` ${weekWord} `), (m) => {
    const focus = ctx.focusMonth ?? ctx.currentMonth;
    return week(m[1] ?? '', month1Of(focus), yearOf(focus));
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
  take(/ tanggal (\d{1,2}) /, (m) => {
    const focus = ctx.focusMonth ?? ctx.currentMonth;
    const d = day(yearOf(focus), month1Of(focus), Number(m[1]));
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
  take(/ (bulan lalu|bulan kemarin|bulan sebelumnya|last month) /, () => ({ kind: 'relative', offset: -1 }));
  take(/ (tahun ini|this year) /, () => ({ kind: 'year', year: null, offset: 0 }));
  take(/ (tahun lalu|last year|tahun kemarin|tahun sebelumnya) /, () => ({ kind: 'year', year: null, offset: -1 }));
  // "kemarin" alone is yesterday, a day: never answered with a month (issue 16).
  take(/ (?:hari )?(?:kemarin|yesterday) /, () => {
    const r = days(today - 1, today - 1);
    return r === 'invalid' ? r : { kind: 'days', range: { ...r.range, label: `kemarin (${r.range.label})` } };
  });
  // "januari 2025", "jan-25", "jan 25", with typo tolerance on the month word.
  take(/ ([a-z]{3,10})[ -](\d{4}|\d{2}) /, (m) => {
    const month1 = monthWord(m[1] ?? '');
    if (month1 === null) return null;
    const year = yearOf2(m[2] ?? '');
    return plausibleYear(year) ? { kind: 'month', month1, year } : 'invalid';
  });
  // "minggu 6-12 jan", "pas natal 25 des": the days are given; the word naming them adds nothing.
  if (refs.some((r) => r.kind === 'days'))
    rest = rest.replace(/\b(minggu|pekan|natal|lebaran|libur|tahun baru)\b/g, ' ');
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
  // "target" is two edits from "maret": a word the parser knows is never a misspelt month.
  if (word.length < 5 || TARGET_WORDS.has(word) || FILLER_WORDS.has(word)) return null;
  const near = closestMatch(word, FULL_MONTH_WORDS, (w) => w);
  return near && levenshtein(word, near) <= 2 ? monthFromWord(near) : null;
}

/** The most recent month with this month number that is not in the future, preferring months with data. */
function resolveMonth(month1: number, year: number | null, ctx: AskContext, before?: MonthIndex): MonthIndex {
  if (year !== null) return monthIndex(year, month1);
  if (ctx.focusMonth !== undefined && before === undefined) {
    // In a conversation: the month of that name nearest the one talked about, not after this month.
    const focus = ctx.focusMonth;
    const near = [focus - 12, focus, focus + 12]
      .map((m) => m - month1Of(m) + month1)
      .filter((m) => m <= ctx.currentMonth)
      .sort((a, b) => Math.abs(a - focus) - Math.abs(b - focus) || b - a);
    if (near[0] !== undefined) return near[0];
  }
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
  /** A synonym says what a word means on its own: it wins a tie ("pengaduan" is the section's headline). */
  readonly synonym?: boolean;
  readonly label: string;
}

const STATIC_KEYS = new Set(STATIC_METRICS.map((d) => d.key));
/** The province table's two rows that are no place, asked by their labels. */
const NOT_A_PLACE_KEYS: ReadonlySet<string> = new Set([PROVINCE_NOT_PEMDA_KEY, PROVINCE_UNKNOWN_KEY]);
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
    // Provinces are asked by their names ("dari Jawa Timur"), read by the region pass, not as labels.
    if (m.key.startsWith(PROVINCE_KEY_PREFIX) && !NOT_A_PLACE_KEYS.has(m.key)) continue;
    const fixed = STATIC_KEYS.has(m.key);
    const words = labelWords(m.label);
    aliases.push({ words, target: { kind: 'metric', key: m.key }, fixed, label: m.label });
    const hard = words.filter((w) => !SOFT_WORDS.has(w));
    if (hard.length && hard.length < words.length)
      aliases.push({ words: hard, target: { kind: 'metric', key: m.key }, fixed, label: m.label });
    // "email lapor syarat salur DAU" names "Laporan Syarat Salur DAU" without its "Laporan".
    const named = hard.filter((w) => !SUMMARY_WORDS.has(w));
    if (named.length >= 3 && named.length < hard.length)
      aliases.push({ words: named, target: { kind: 'metric', key: m.key }, fixed, label: m.label });
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
      aliases.push({
        words: labelWords(phrase),
        target: { kind: 'metric', key },
        fixed: STATIC_KEYS.has(key),
        label,
        synonym: true,
      });
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
    ...TARGET_WORDS,
  ]);
  const vocabulary = { aliases, known, labels, wordsOf: wordsOfTarget };
  cached = { metrics, vocabulary };
  return vocabulary;
}

/** Scores an alias: words that name a figure count double, ticket words once. */
const scoreOf = (words: readonly string[]) => words.reduce((s, w) => s + (SOFT_WORDS.has(w) ? 1 : 2), 0);

const MODIFIERS = [TREND_WORDS, TOTAL_WORDS, COMPARE_WORDS, SHARE_WORDS, RANK_WORDS, BREAKDOWN_WORDS, TARGET_WORDS];
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

function classify(rest: string, vocabulary: Vocabulary, names: ReadonlySet<string> = new Set()): Words {
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
    if (names.has(word)) {
      present.add(word);
      meaningful.push(word);
      content.push(word);
      continue;
    }
    if (!vocabulary.known.has(word)) {
      const base = withoutParticle(word, (w) => vocabulary.known.has(w));
      if (base !== null) word = base;
      // A word that cannot change the figure ("sih", "gmn", "kayaknya") never blocks an answer.
      else if (FILLER_WORDS.has(word) || REMARK_WORDS.has(word)) continue;
    }
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

/** Words that alone make a greeting or a call for help ("halo", "tolong", "selamat pagi bot"). */
const GREETING_WORDS = new Set([
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

/** A greeting or a call for help ("bantuan", "halo", "help"), however many questions came before it. */
export function asksForHelp(normalized: string): boolean {
  const plain = normalized.split(' ').filter(Boolean);
  return plain.every((w) => GREETING_WORDS.has(w)) || /\b(bantuan|help|panduan)\b/.test(normalized);
}

/** Parses a question in Bahasa Indonesia (or English); never throws. */
export function parseQuestion(text: string, ctx: AskContext): Question {
  // Bounded before any parsing: a pasted page costs milliseconds, not seconds of fuzzy matching.
  const tooLong = questionTooLong(text);
  if (tooLong) return refuse(tooLong, [`konsultasi ${monthLabel(latestMonth(ctx)).toLowerCase()}`]);
  const normalized = normalizeQuestion(text);
  if (asksForHelp(normalized)) return { kind: 'help', suggestion: null };
  if (REFRESH_WORDS.some((w) => ` ${normalized} `.includes(` ${w} `))) return { kind: 'refresh' };
  if (FRESHNESS_PATTERNS.some((re) => re.test(normalized))) return { kind: 'freshness' };

  // "dibanding bulan sebelumnya" / "dibanding tahun lalu" next to a named month: that month's
  // previous month / the same month a year earlier, not a month counted from today (issue 16).
  let baseOffset: number | null = null;
  const based = normalized.replace(
    /\b(dibandingkan|dibanding|banding|bandingkan|vs|versus|terhadap|thd|naik|turun)( dengan| sama)? (bulan|tahun) (sebelumnya|lalu|kemarin)\b/,
    (_all, word: string, _with, unit: string) => {
      baseOffset = unit === 'bulan' ? -1 : -12;
      return word;
    },
  );
  const extracted = extractTimes(based, ctx);
  const { rest, untilFound, invalid } = extracted;
  // "januari tahun lalu": that month a year before this one.
  const yearRef = extracted.refs.find((r) => r.kind === 'year' && r.year === null && r.offset !== undefined);
  const refs =
    yearRef?.kind === 'year' && extracted.refs.some((r) => r.kind === 'month' && r.year === null)
      ? extracted.refs
          .filter((r) => r !== yearRef)
          .map((r) =>
            r.kind === 'month' && r.year === null
              ? { ...r, year: yearOf(ctx.currentMonth) + (yearRef.offset ?? 0) }
              : r,
          )
      : extracted.refs;
  const vocabulary = vocabularyOf(ctx.metrics ?? STATIC_DEFS);
  const latest = latestMonth(ctx);
  const latestText = monthLabel(latest).toLowerCase();
  if (invalid !== null) {
    return refuse(`'${invalid}' bukan tanggal atau bulan yang ada`, [
      `konsultasi ${latestText}`,
      `ringkasan ${latestText}`,
    ]);
  }
  const places = findRegions(rest, (w) => vocabulary.known.has(w));
  const unknownPemda = places.unknown.find(namesPemda);
  if (unknownPemda) {
    const near = suggestPemda(unknownPemda);
    return {
      ...refuse(`Pemda '${unknownPemda}' tidak ada di daftar resmi Kemendagri`, [
        ...near.map((p) => `konsultasi dari ${p.officialName.toLowerCase()} ${latestText}`),
        `top pemda ${latestText}`,
      ]),
      ...(near[0] ? { nearMiss: near[0].officialName } : {}),
    };
  }
  if (places.unknown.length) {
    return refuse(
      `wilayah ${places.unknown.map((w) => `'${w}'`).join(', ')} tidak dikenal; sebut nama provinsi (mis. 'Jawa Timur', 'NTB') atau pulau (${KNOWN_ISLANDS.join(', ')})`,
      [`konsultasi dari jawa timur ${latestText}`, `pemda terbanyak di sulawesi ${latestText}`],
    );
  }
  const words = classify(
    places.regions.length ? places.rest : rest,
    vocabulary,
    new Set([...(ctx.agents ?? []).map(agentWord), 'ditangani']),
  );
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
      ...refuse(`kata ${[...new Set(words.unknown)].map((w) => `'${w}'`).join(', ')} belum saya kenal`, [
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
  if (places.regions.length) {
    const region = places.regions[0] as Region;
    const again = (what: string) => ask(`${what} ${regionWords(region)}`);
    if (new Set(places.regions.map(regionWords)).size > 1)
      return refuse('tanyakan satu provinsi atau satu pulau per pertanyaan', [
        ...places.regions.slice(0, 2).map((r) => ask(`konsultasi dari ${regionWords(r)}`)),
      ]);
    if (days) return refuse('tiket per wilayah hanya tersedia per bulan', [again('konsultasi dari')]);
    if (range || lastMonths || months.length > 1 || words.has(TREND_WORDS) || words.has(COMPARE_WORDS))
      return refuse('tren atau perbandingan tiket per wilayah belum tersedia; tanyakan satu bulan', [
        again('konsultasi dari'),
      ]);
    const other = words.content.filter((w) => !SOFT_WORDS.has(w) && !REGION_TICKET_WORDS.has(w));
    if (other.length || words.has(SHARE_WORDS) || words.has(TARGET_WORDS))
      return refuse(
        `per wilayah baru tersedia jumlah tiket dan Pemda terbanyak, bukan ${other.length ? other.map((w) => `'${w}'`).join(', ') : 'persentase atau target'}`,
        [again('konsultasi dari'), again('pemda terbanyak di')],
      );
    const top = words.has(RANK_WORDS) || /\bmana\b/.test(normalized);
    if (top && !words.content.some((w) => w === 'pemda' || w === 'daerah'))
      return refuse('di dalam satu wilayah baru tersedia peringkat Pemda', [again('pemda terbanyak di')]);
    return { kind: 'region', region, top, month, ...(relative ? { relative } : {}) };
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
  const targetAsked = words.has(TARGET_WORDS);
  const least = words.has(LEAST_WORDS);
  const targetOf = (key: string): Question =>
    TARGETED.has(key)
      ? { kind: 'target', metric: key, month }
      : refuse('target hanya ada untuk service level telepon dan rata-rata kepuasan', [
          ask('service level telepon target'),
          ask('kepuasan target'),
        ]);

  // One agent's tickets by name ("tiket linna januari", "dian tgl 2 jan"); "kepuasan linna" is the survey figure.
  const agentNames = new Map((ctx.agents ?? []).map((a) => [agentWord(a), a]));
  const named = words.content.filter((w) => agentNames.has(w));
  if (named.length && !words.content.some((w) => SURVEY_WORDS.has(w))) {
    const channels = words.content.filter((w) => CHANNELS.has(w));
    const other = words.content.filter((w) => !agentNames.has(w) && !CHANNELS.has(w) && !AGENT_TICKET_WORDS.has(w));
    if (new Set(named).size > 1 || channels.length > 1 || other.length)
      return refuse(`'${words.content.join(' ')}' bisa berarti beberapa angka; tanyakan tiket satu agen`, [
        ask(`tiket ${named[0]}`),
        ask('tiket per agen'),
      ]);
    if (trendAsked || compareAsked || shareAsked || rankAsked || targetAsked)
      return refuse('tren atau perbandingan tiket per agen belum tersedia', [ask(`tiket ${named[0]}`)]);
    const name = agentNames.get(named[0] ?? '') ?? '';
    const channel = channels[0] ? { channel: channels[0] } : {};
    if (days) return { kind: 'agent', name, from: month, to: month, days, ...channel };
    if (range && months.length === 0)
      return { kind: 'agent', name, from: range.from, to: range.to, days: null, ...channel };
    return { kind: 'agent', name, from: month, to: month, days: null, ...channel };
  }

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
  if (new Set(best.map((m) => targetId(m.alias))).size > 1) {
    const synonyms = best.filter((m) => m.alias.synonym);
    if (synonyms.length && new Set(synonyms.map((m) => targetId(m.alias))).size === 1) best = synonyms;
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
  // One channel beside the per-agent table or the service-hours figure narrows it ("yg WA aja").
  const channelOnly = leftover.length === 1 && CHANNELS.has(leftover[0] ?? '') ? leftover[0] : undefined;
  const narrowed =
    channelOnly !== undefined &&
    ((chosen.target.kind === 'section' && chosen.target.entry.section === 'agen') ||
      (chosen.target.kind === 'metric' && HOURS_KEYS.has(chosen.target.key)));
  if (leftover.length && !narrowed) {
    return refuse(
      `'${leftover.join(' ')}' tidak cocok dengan ${chosen.target.kind === 'metric' ? chosen.label : 'bagian yang ditanyakan'}; tanyakan satu angka per pertanyaan`,
      [ask(questionWordsOf(chosen)), ...suggestionsFor(leftover, vocabulary, ask)].slice(0, 4),
    );
  }

  // "berapa yg dieskalasi": the count of escalated tickets; "eskalasi januari" alone is the Layer 2 table.
  if (
    chosen.target.kind === 'section' &&
    chosen.target.entry.section === 'layer2' &&
    words.content.every((w) => w === 'eskalasi' || SOFT_WORDS.has(w)) &&
    /\b(berapa|jumlah|banyak|banyaknya)\b/.test(normalized) &&
    !rankAsked &&
    !breakdownAsked
  )
    return figureOrPeriod('konsultasi.eskalasi');
  if (chosen.target.kind === 'section') {
    const entry = chosen.target.entry;
    if (entry.section === 'agen') {
      if (trendAsked || compareAsked || shareAsked)
        return refuse('tren atau perbandingan tiket per agen belum tersedia', [ask('tiket per agen')]);
      const how = { ...(least ? { least } : {}), ...(channelOnly ? { channel: channelOnly } : {}) };
      if (days) return { kind: 'agents', from: month, to: month, days, ...how };
      if (range && months.length === 0) return { kind: 'agents', from: range.from, to: range.to, days: null, ...how };
      return { kind: 'agents', from: month, to: month, days: null, ...how };
    }
    if (targetAsked) return targetOf(entry.headline ?? entry.section);
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
    // "kanal paling sepi", "topik terbanyak", "unit L2 yg paling byk": the first of the ranking, said.
    // Topics are a table sorted most first already; the fewest is said directly.
    const family = RANKED_BY_COUNT[entry.section];
    if (rankAsked && family && !words.has(SPEED_WORDS) && (least || (family !== 'topik' && family !== 'topikKanal')))
      return { kind: 'rank', family, least, month, ...(entry.channel ? { channel: entry.channel } : {}) };
    return {
      kind: 'section',
      section: entry.section,
      month,
      ...(entry.channel ? { channel: entry.channel } : {}),
      ...(relative ? { relative } : {}),
    };
  }
  if (narrowed && channelOnly && chosen.target.kind === 'metric')
    return {
      kind: 'channelHours',
      channel: channelOnly,
      outside: chosen.target.key === 'konsultasi.jam.luar',
      month,
      days,
    };
  if (targetAsked) return targetOf(chosen.target.key);
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
      return { kind: 'compare', metric: key, month: a, base: baseOffset !== null ? a + baseOffset : (second ?? a - 1) };
    }
    return { kind: 'figure', metric: key, month, ...(relative ? { relative } : {}) };
  }
}

const CHANNELS: ReadonlySet<string> = new Set(['whatsapp', 'telepon', 'email', 'helpdesk', 'livechat']);
/** Words beside a place that still ask for its tickets or its Pemda ("tiket pemda dari Jawa Timur"). */
const REGION_TICKET_WORDS: ReadonlySet<string> = new Set(['pemda', 'daerah', 'pengguna', 'asal', 'provinsi']);
const HOURS_KEYS: ReadonlySet<string> = new Set(['konsultasi.jam.luar', 'konsultasi.jam.dalam']);
const TARGETED: ReadonlySet<string> = new Set(['telepon.serviceLevel', 'kepuasan.rataRata']);
const LEAST_WORDS: ReadonlySet<string> = new Set(['tersedikit', 'terendah']);
const SPEED_WORDS: ReadonlySet<string> = new Set(['tercepat', 'terlambat', 'terlama', 'terbaik', 'terburuk']);
const SURVEY_WORDS: ReadonlySet<string> = new Set(['kepuasan', 'capaian', 'survei', 'ratarata']);
/** Words beside an agent's name that still ask for the agent's tickets. */
const AGENT_TICKET_WORDS: ReadonlySet<string> = new Set([
  'tiket',
  'konsultasi',
  'layanan',
  'kanal',
  'via',
  'melalui',
  'lewat',
  'agen',
  'ditangani',
]);
const RANKED_BY_COUNT: Partial<Record<AskSection, RankFamily>> = {
  kanal: 'kanal',
  topik: 'topik',
  topikKanal: 'topikKanal',
  layer2: 'layer2',
  chatbot: 'chatbot',
};
/** An agent's name as one question word: "Linna" → "linna". */
export const agentWord = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The words of a question as the parser understood them: what a conversation carries from turn to turn. */
export interface QuestionWords {
  /** Words naming the figure (canonical: "whatsapp", "livechat", agent names). */
  readonly content: readonly string[];
  /** Comparison, ranking, share, trend and target words. */
  readonly modifiers: readonly string[];
  readonly unknown: readonly string[];
  /** Each period named, as text the parser reads back the same way ("januari 2025", "13-19 januari 2025"). */
  readonly periods: readonly string[];
  /** "dibanding bulan sebelumnya" / "dibanding tahun lalu", kept whole. */
  readonly compareBase: string | null;
}

export function questionWords(text: string, ctx: AskContext): QuestionWords {
  const normalized = normalizeQuestion(text);
  const base =
    /\b(dibandingkan|dibanding|banding|bandingkan|vs|versus|terhadap|thd|naik|turun)( dengan| sama)? (bulan|tahun) (sebelumnya|lalu|kemarin)\b/.exec(
      normalized,
    );
  const extracted = extractTimes(base ? normalized.replace(base[0], base[1] ?? '') : normalized, ctx);
  const words = classify(
    extracted.rest,
    vocabularyOf(ctx.metrics ?? STATIC_DEFS),
    new Set([...(ctx.agents ?? []).map(agentWord), 'ditangani']),
  );
  return {
    content: words.content,
    modifiers: words.meaningful.filter((w) => !words.content.includes(w)),
    unknown: words.unknown,
    periods: [...(extracted.untilFound ? ['sampai'] : []), ...extracted.refs.map((r) => refText(r, ctx))],
    compareBase: base ? `dibanding ${base[3]} ${base[3] === 'bulan' ? 'sebelumnya' : 'lalu'}` : null,
  };
}

/** A day range as words the parser reads back: "13-19 januari 2025". */
export const daysText = (range: DayRange): string =>
  dayRangeLabel(range.from, range.to).toLowerCase().replace(/–/g, '-');

function refText(ref: TimeRef, ctx: AskContext): string {
  switch (ref.kind) {
    case 'month':
      return monthLabel(resolveMonth(ref.month1, ref.year, ctx)).toLowerCase();
    case 'relative':
      return ref.offset === 0 ? 'bulan ini' : 'bulan lalu';
    case 'year':
      return ref.year !== null ? `tahun ${ref.year}` : ref.offset === -1 ? 'tahun lalu' : 'tahun ini';
    case 'quarter':
      return `triwulan ${ref.quarter}${ref.year ? ` ${ref.year}` : ''}`;
    case 'semester':
      return `semester ${ref.semester}${ref.year ? ` ${ref.year}` : ''}`;
    case 'lastMonths':
      return `${ref.count} bulan`;
    case 'days':
      return daysText(ref.range);
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
      provinsi: 'tiket per provinsi',
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
