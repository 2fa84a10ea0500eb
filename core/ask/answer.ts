import { changePct, displayDecimals } from '../format/change';
import { formatCell, numberFormat } from '../format/figure';
import { dateLabel, monthLabel, monthShortLabel } from '../format/idDate';
import { formatNumber, formatPercent, roundHalfAwayFromZero } from '../format/idNumber';
import { changePhrase, comparisonSentences, joinIndonesian, shareText } from '../format/sentences';
import { type CoverageKey, type FactReader, figureDecimals, type MetricDef } from '../metrics/catalog';
import { aggregate } from '../metrics/facts';
import type { Chart, Report, Section, Table, TableCell } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import type { ReportBuilder } from '../metrics/report';
import { type MonthIndex, monthOfWallClock } from '../period/yearMonth';
import type { Finding } from '../workbook/findings';
import type { ParsedWorkbook } from '../workbook/workbook';
import type { DayRange, Question } from './parseQuestion';
import { type AskSection, shareBaseOf as shareBaseOfKey } from './vocabulary';

/** A bot answer as plain data; cards and text are rendered from it (core/render/cards). */
export interface Answer {
  readonly title: string;
  /** The data month(s) the figures are from: "Januari 2025". */
  readonly period: string | null;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly sentences: readonly string[];
  readonly chart: Chart | null;
  readonly table: Table | null;
  /** Open error findings of the month(s), for the card footer. */
  readonly findings: readonly Finding[];
  /** Questions offered as buttons. */
  readonly suggestions: readonly string[];
  /**
   * What was answered, for tests and logs: the metric key (or "section:<id>", "agents") and its
   * figure; null for help, refusals and months without data.
   */
  readonly answered: { readonly subject: string; readonly value: number | null } | null;
  /** Links offered as buttons (the bot adds the deck's signed links). */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
}

/** What the bot knows about its data source, for "kapan data terakhir diperbarui". */
export interface AnswerContext {
  /** "10/02/2025 10:00 WIB" */
  readonly sourceReadAt?: string;
}

export const HELP_EXAMPLES = [
  'konsultasi Januari vs Desember',
  'whatsapp bulan lalu',
  'tren konsultasi 12 bulan',
  'top pemda bulan lalu',
  'topik konsultasi bulan lalu',
  'sebaran kanal bulan lalu',
  'layer 2 bulan lalu',
  'kepuasan bulan lalu',
  'agen dengan tiket terbanyak',
  'tiket di luar jam layanan bulan lalu',
  'konsultasi minggu lalu',
  'persen akademisi bulan lalu',
  'total konsultasi tahun ini',
  'ringkasan bulan lalu',
];

const MS_PER_DAY = 86_400_000;
const MAX_TABLE_ROWS = 15;
const shownValue = (value: number | null, decimals: number) =>
  value === null ? null : roundHalfAwayFromZero(value, decimals);
/** Figures print with the report's rounding (catalog's figureDecimals), so an answer says what the report says. */
const valueText = (def: MetricDef | undefined, value: number | null, percentDecimals: number) =>
  value === null
    ? 'belum ada data'
    : def?.unit === 'percent'
      ? formatPercent(value, figureDecimals(def, percentDecimals))
      : formatNumber(value, def ? figureDecimals(def, percentDecimals) : 0);

function subjectOf(def: MetricDef): string {
  if (/^konsultasi\.kanal\.[a-z]+$/.test(def.key)) return `Jumlah konsultasi melalui ${def.label}`;
  if (def.unit === 'score' || def.unit === 'average' || def.unit === 'followers' || def.unit === 'percent')
    return def.label;
  // "Tiket Konsultasi" → "tiket konsultasi"; names such as WhatsApp or PPID keep their case.
  const words = def.label.split(' ').map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w));
  return `Jumlah ${words.join(' ')}`;
}

/** Tabs whose figures exist only per month: no day or week can be asked of them. */
const MONTHLY_ONLY: ReadonlySet<CoverageKey> = new Set(['website', 'medsos']);

/** The dated log rows a coverage key is counted from. */
function rowsOf(wb: ParsedWorkbook, tab: CoverageKey): readonly { readonly tanggal: { readonly ms: number } }[] {
  if (tab === 'tiket' || tab.startsWith('tiket.')) return wb.tiket;
  const rows = (wb as unknown as Record<string, unknown>)[tab];
  return Array.isArray(rows) ? (rows as { tanggal: { ms: number } }[]) : [];
}

/** Sections answered with their sentences and one table of the report (title, chart index, headline figure). */
const SECTION_TABLES: Record<
  Exclude<AskSection, 'topikKanal' | 'layer2' | 'agen' | 'pengaduan'>,
  { id: string; table: string | null; title: string; chart: number | null; headline?: string }
> = {
  topPemda: { id: 'pengguna', table: 'Pemda Pengguna Terbanyak', title: 'Pemda Pengguna Terbanyak', chart: null },
  topik: { id: 'topik', table: null, title: 'Topik Konsultasi', chart: 0 },
  kanal: {
    id: 'konsultasi',
    table: 'Tiket Konsultasi per Kanal',
    title: 'Sebaran Kanal',
    chart: 0,
    headline: 'konsultasi.total',
  },
  kepuasan: {
    id: 'kepuasan',
    table: 'Nilai Kepuasan per Agen',
    title: 'Kepuasan Pengguna',
    chart: null,
    headline: 'kepuasan.rataRata',
  },
  zona: {
    id: 'zona',
    table: 'Tiket per Zona Waktu dan Jam Layanan',
    title: 'Zona Waktu dan Jam Layanan',
    chart: 0,
    headline: 'konsultasi.jam.luar',
  },
  pengguna: { id: 'pengguna', table: 'Pengguna Layanan per Kategori', title: 'Pengguna Layanan', chart: 0 },
  ppid: {
    id: 'ppid',
    table: 'Tujuan Permohonan',
    title: 'Tujuan Permohonan PPID',
    chart: null,
    headline: 'ppid.permohonan',
  },
  emailLapor: {
    id: 'emailLapor',
    table: 'Email Lapor per Jenis Dokumen',
    title: 'Email Lapor per Jenis',
    chart: null,
    headline: 'emailLapor.total',
  },
  chatbot: {
    id: 'chatbot',
    table: 'Menu yang Diakses',
    title: 'Menu Chatbot',
    chart: null,
    headline: 'chatbot.pengguna',
  },
  medsos: { id: 'medsos', table: null, title: 'Media Sosial', chart: null },
  publikasi: {
    id: 'publikasi',
    table: 'Publikasi per Jenis',
    title: 'Publikasi Website per Jenis',
    chart: null,
    headline: 'publikasi.website',
  },
  webinar: {
    id: 'webinar',
    table: 'Acara per Jenis',
    title: 'Webinar/FGD per Jenis',
    chart: null,
    headline: 'webinar.total',
  },
  blast: { id: 'blast', table: 'Jumlah Blast per Media', title: 'Blast', chart: null },
  telepon: {
    id: 'kanalTelepon',
    table: 'Layanan Telepon',
    title: 'Layanan Telepon',
    chart: null,
    headline: 'telepon.panggilan',
  },
  website: {
    id: 'website',
    table: 'Halaman yang Paling Banyak Diakses',
    title: 'Halaman Website Terpopuler',
    chart: null,
    headline: 'website.pengunjung',
  },
  viconTatapMuka: {
    id: 'viconTatapMuka',
    table: 'Rincian Video Conference',
    title: 'Video Conference dan Tatap Muka',
    chart: null,
    headline: 'tatapMuka.total',
  },
};

const dayOfRow = (r: { readonly tanggal: { readonly ms: number } }) => Math.floor(r.tanggal.ms / MS_PER_DAY);

/** The latest day of the rows (-Infinity for none). A loop: spreading a big log into Math.max overflows the stack. */
function lastDayOf(rows: readonly { readonly tanggal: { readonly ms: number } }[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) last = Math.max(last, dayOfRow(r));
  return last;
}

export class Answerer {
  private readonly reports = new Map<MonthIndex, Report>();

  constructor(private readonly builder: ReportBuilder) {}

  /** `Desimal Persen` of the workbook: the same for every month's report. */
  private get pct(): number {
    return this.builder.wb.settings.percentDecimals;
  }

  private report(m: MonthIndex): Report {
    let report = this.reports.get(m);
    if (!report) {
      report = this.builder.build(m);
      this.reports.set(m, report);
    }
    return report;
  }

  private hasData(m: MonthIndex): boolean {
    return this.builder.figures.monthsWithData().includes(m);
  }

  private latest(): MonthIndex | null {
    const months = this.builder.figures.monthsWithData();
    return months[months.length - 1] ?? null;
  }

  private noData(m: MonthIndex, title: string, again?: (month: string) => string): Answer {
    const latest = this.latest();
    const last = latest === null ? null : monthLabel(latest);
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences: [`Data ${monthLabel(m)} belum tersedia${last ? `; data terakhir: ${last}` : ''}.`],
      chart: null,
      table: null,
      findings: [],
      suggestions: last ? [again ? again(last.toLowerCase()) : `ringkasan ${last.toLowerCase()}`] : [],
      answered: null,
    };
  }

  private errorsOf(m: MonthIndex): Finding[] {
    return findingsForMonth(this.report(m)).filter((f) => f.severity === 'error');
  }

  answer(question: Question, context: AnswerContext = {}): Answer {
    switch (question.kind) {
      case 'help':
        return this.help(question.suggestion);
      case 'refresh':
        return {
          ...this.help(null),
          title: 'Data dimuat ulang',
          sentences: ['Data spreadsheet telah dimuat ulang.'],
        };
      case 'freshness':
        return this.freshness(context);
      case 'download':
        return this.download(question.month);
      case 'refuse':
        return this.refuse(question.reason, question.suggestions, question.nearMiss ?? null);
      case 'summary':
        return this.withLatestFallback(question.month, question.relative === true, (m) => this.summary(m));
      case 'section':
        return this.withLatestFallback(question.month, question.relative === true, (m) =>
          this.section(question.section, m, question.channel),
        );
      case 'figure':
        return this.figure(question.metric, question.month, question.relative === true);
      case 'share':
        return this.share(question.metric, question.base, question.month);
      case 'days':
        return this.days(question.metric, question.days);
      case 'agents':
        return this.agents(question.from, question.to, question.days);
      case 'compare':
        return this.compare(question.metric, question.month, question.base);
      case 'trend':
        return this.trend(question.metric, question.from, question.to);
      case 'total':
        return this.total(question.metric, question.from, question.to, question.label);
    }
  }

  /** The deck of a month: the bot adds the links (or says how to get the deck). */
  download(m: MonthIndex): Answer {
    const title = `Unduh Laporan ${monthLabel(m)}`;
    if (!this.hasData(m)) return this.noData(m, title, (month) => `unduh laporan ${month}`);
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences: [`Deck laporan ${monthLabel(m)}: PPTX (dapat diedit) dan PDF, dibuat dari data terkini.`],
      chart: null,
      table: null,
      findings: this.errorsOf(m),
      suggestions: [`ringkasan ${monthLabel(m).toLowerCase()}`],
      answered: { subject: 'deck', value: null },
    };
  }

  help(suggestion: string | null): Answer {
    return {
      title: 'Apa yang bisa saya jawab',
      period: null,
      facts: [],
      sentences: [
        ...(suggestion ? [`Maksud Anda '${suggestion}'?`] : []),
        'Tanyakan angka layanan informasi DJPK dalam bahasa sehari-hari: jumlah konsultasi, kanal (WhatsApp, telepon, email, Help Desk, live chat), pengguna, zona waktu dan jam layanan, topik, publikasi, webinar, blast, pengunjung website, media sosial, PPID, Email Lapor, pengaduan, kepuasan, Layer 2 dan tiket per agen — untuk hari, minggu, rentang tanggal, bulan, triwulan, semester atau tahun.',
      ],
      chart: null,
      table: null,
      findings: [],
      suggestions: suggestion ? [`${suggestion} bulan lalu`, ...HELP_EXAMPLES.slice(0, 5)] : HELP_EXAMPLES,
      answered: null,
    };
  }

  private refuse(reason: string, suggestions: readonly string[], nearMiss: string | null): Answer {
    return {
      title: 'Belum bisa menjawab',
      period: null,
      facts: [],
      sentences: [
        `Belum bisa menjawab: ${reason}.`,
        ...(nearMiss ? [`Maksud Anda '${nearMiss}'?`] : []),
        suggestions.length
          ? 'Pertanyaan terdekat yang bisa saya jawab ada di tombol di bawah; ketik "bantuan" untuk contoh lain.'
          : 'Ketik "bantuan" untuk contoh pertanyaan.',
      ],
      chart: null,
      table: null,
      findings: [],
      suggestions: suggestions.length ? suggestions : HELP_EXAMPLES.slice(0, 5),
      answered: null,
    };
  }

  private freshness(context: AnswerContext): Answer {
    const latest = this.latest();
    const wb = this.builder.wb;
    const lastDay = Math.max(
      ...(['tiket', 'chatbot', 'publikasi', 'webinar', 'ppid', 'emailLapor', 'kepuasan'] as const).map((tab) =>
        lastDayOf(rowsOf(wb, tab)),
      ),
    );
    return {
      title: 'Pembaruan data',
      period: latest === null ? null : monthLabel(latest),
      facts: [
        { label: 'Bulan terakhir dengan data', value: latest === null ? 'belum ada data' : monthLabel(latest) },
        ...(Number.isFinite(lastDay)
          ? [{ label: 'Catatan log terakhir', value: dateLabel(lastDay * MS_PER_DAY) }]
          : []),
        ...(context.sourceReadAt ? [{ label: 'Spreadsheet terakhir dibaca', value: context.sourceReadAt }] : []),
      ],
      sentences: [
        latest === null
          ? 'Belum ada data di spreadsheet.'
          : `Data terakhir adalah bulan ${monthLabel(latest)}${Number.isFinite(lastDay) ? ` (catatan log terakhir bertanggal ${dateLabel(lastDay * MS_PER_DAY)})` : ''}.`,
        ...(context.sourceReadAt ? [`Spreadsheet terakhir dibaca ${context.sourceReadAt}.`] : []),
      ],
      chart: null,
      table: null,
      findings: [],
      suggestions: latest === null ? [] : [`ringkasan ${monthLabel(latest).toLowerCase()}`],
      answered: latest === null ? null : { subject: 'freshness', value: latest },
    };
  }

  /** "bulan lalu" whose month has no data yet: say so, then answer for the latest month with data. */
  private withLatestFallback(
    m: MonthIndex,
    relative: boolean,
    make: (m: MonthIndex) => Answer,
    latest = this.latest(),
  ): Answer {
    if (!relative || this.hasData(m) || latest === null || latest >= m) return make(m);
    return this.labelledLatest(m, latest, make(latest));
  }

  private labelledLatest(m: MonthIndex, latest: MonthIndex, answer: Answer): Answer {
    return {
      ...answer,
      title: `${answer.title} (data terakhir)`,
      sentences: [
        `Data ${monthLabel(m)} belum tersedia; berikut data terakhir, ${monthLabel(latest)}.`,
        ...answer.sentences,
      ],
    };
  }

  figure(key: string, m: MonthIndex, relative = false): Answer {
    const def = this.builder.figures.def(key);
    const title = `${def?.label ?? key} — ${monthLabel(m)}`;
    const f = this.report(m).metrics[key];
    if (!def || !f || f.value === null) {
      const latest = this.latestOf(key);
      if (relative && latest !== null && latest < m) return this.labelledLatest(m, latest, this.figure(key, latest));
      return this.noData(m, title, (month) => `${def?.label.toLowerCase() ?? key} ${month}`);
    }
    const decimals = figureDecimals(def, this.pct);
    const share = this.shareSentence(key, m);
    const categories = [monthShortLabel(m - 1), monthShortLabel(m), monthShortLabel(m - 12)];
    const values = [f.previousMonth, f.value, f.sameMonthLastYear];
    return {
      title,
      period: monthLabel(m),
      facts: [
        { label: monthLabel(m), value: valueText(def, f.value, this.pct) },
        { label: `${monthLabel(m - 1)} (bulan sebelumnya)`, value: valueText(def, f.previousMonth, this.pct) },
        { label: monthLabel(m - 12), value: valueText(def, f.sameMonthLastYear, this.pct) },
      ],
      sentences: [
        ...comparisonSentences({
          subject: subjectOf(def),
          month: monthLabel(m),
          // Compared as shown, like the report's sections (36 vs 34 → +6%, not 35,67 vs 34 → +5%).
          value: shownValue(f.value, decimals),
          previous: shownValue(f.previousMonth, decimals),
          lastYear: shownValue(f.sameMonthLastYear, decimals),
          lastYearMonth: monthLabel(m - 12),
          percentDecimals: this.report(m).percentDecimals,
          valueDecimals: decimals,
          // A score, an average or a percentage "is" a value; counts come "sebanyak".
          ...(def.unit === 'count' || def.unit === 'followers' ? {} : { copula: 'adalah' }),
          ...(def.unit === 'percent' ? { unitWord: 'persen' } : {}),
          ...(share ? { afterValue: ` (${share})` } : {}),
        }),
      ],
      chart: {
        kind: 'bar',
        title: def.label,
        categories,
        series: [{ name: def.label, values }],
      },
      table: null,
      findings: this.errorsOf(m),
      suggestions: [`tren ${this.askWords(def)} 12 bulan`],
      answered: { subject: key, value: f.value },
    };
  }

  /** The words that ask for a metric again: its label, lower case, without punctuation. */
  private askWords(def: MetricDef): string {
    return def.label
      .toLowerCase()
      .replace(/[–/()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private latestOf(key: string): MonthIndex | null {
    const months = this.builder.figures.monthsWithData();
    for (let i = months.length - 1; i >= 0; i--) {
      const m = months[i];
      if (m !== undefined && this.builder.figures.value(key, m) !== null) return m;
    }
    return null;
  }

  /** "69% dari tiket konsultasi 1.010", said after the figure, for parts of a whole. */
  private shareSentence(key: string, m: MonthIndex): string | null {
    const baseKey = shareBaseOfKey(key);
    if (!baseKey) return null;
    const value = this.builder.figures.value(key, m);
    const base = this.builder.figures.value(baseKey, m);
    const baseDef = this.builder.figures.def(baseKey);
    if (value === null || base === null || base === 0 || !baseDef) return null;
    return `${shareText(value, base, this.report(m).percentDecimals)} dari ${baseDef.label.toLowerCase()} ${valueText(baseDef, base, this.pct)}`;
  }

  share(key: string, baseKey: string, m: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const baseDef = this.builder.figures.def(baseKey);
    const title = `Persentase ${def?.label ?? key} — ${monthLabel(m)}`;
    const value = this.builder.figures.value(key, m);
    const base = this.builder.figures.value(baseKey, m);
    if (!def || !baseDef || value === null || base === null) return this.noData(m, title);
    const decimals = Math.max(2, this.report(m).percentDecimals);
    const pct = base === 0 ? null : (value / base) * 100;
    return {
      title,
      period: monthLabel(m),
      facts: [
        { label: 'Persentase', value: pct === null ? '–' : formatPercent(pct, decimals) },
        { label: def.label, value: valueText(def, value, this.pct) },
        { label: baseDef.label, value: valueText(baseDef, base, this.pct) },
      ],
      sentences: [
        pct === null
          ? `Pada bulan ${monthLabel(m)} ${baseDef.label} berjumlah 0, sehingga persentase ${def.label} tidak dapat dihitung.`
          : `Pada bulan ${monthLabel(m)}, ${def.label} sebanyak ${valueText(def, value, this.pct)} dari ${valueText(baseDef, base, this.pct)} ${baseDef.label.toLowerCase()} (${formatPercent(pct, decimals)}).`,
      ],
      chart: null,
      table: null,
      findings: this.errorsOf(m),
      suggestions: [`${this.askWords(def)} ${monthLabel(m).toLowerCase()}`],
      answered: { subject: key, value: pct },
    };
  }

  /**
   * A figure over days: core's own aggregation run on the log rows dated in the range, its
   * monthly counters added up (sums and counts add; averages are derived from the sums).
   */
  days(key: string, range: DayRange): Answer {
    const def = this.builder.figures.def(key);
    const title = `${def?.label ?? key} — ${range.label}`;
    const fromMonth = monthOfWallClock(range.from * MS_PER_DAY);
    const toMonth = monthOfWallClock(range.to * MS_PER_DAY);
    if (!def) return this.refuse(`angka '${key}' tidak ada`, [], null);
    // Buttons offer a month that has this figure.
    const monthText = monthLabel(
      this.builder.figures.value(key, toMonth) === null ? (this.latestOf(key) ?? toMonth) : toMonth,
    ).toLowerCase();
    const again = this.askWords(def);
    if (MONTHLY_ONLY.has(def.tab)) {
      return this.refuse(
        `${def.label} hanya dicatat per bulan, bukan per hari atau per minggu`,
        [`${again} ${monthText}`],
        null,
      );
    }
    const months = Array.from({ length: toMonth - fromMonth + 1 }, (_, i) => fromMonth + i);
    const logged = months.filter((m) => this.builder.figures.coversKey(def.tab, m));
    const rows = rowsOf(this.builder.wb, def.tab);
    if (logged.length === 0) {
      const lastDay = rows.length ? lastDayOf(rows) : null;
      const rekapOnly = months.some((m) => this.builder.figures.value(key, m) !== null);
      return {
        ...this.refuse(
          rekapOnly
            ? `data ${def.label} ${range.label} hanya ada sebagai rekap bulanan, tanpa rincian per hari`
            : `belum ada catatan ${def.label} untuk ${range.label}${lastDay === null ? '' : `; catatan terakhir bertanggal ${dateLabel(lastDay * MS_PER_DAY)}`}`,
          rekapOnly
            ? [`${again} ${monthText}`]
            : [`${again} ${monthLabel(this.latestOf(key) ?? toMonth).toLowerCase()}`],
          null,
        ),
        title,
      };
    }
    const inDays = (ms: number) => {
      const d = Math.floor(ms / MS_PER_DAY);
      return d >= range.from && d <= range.to;
    };
    const inRange = (r: { readonly tanggal: { readonly ms: number } }) => inDays(r.tanggal.ms);
    const wb = this.builder.wb;
    const ticketDates = wb.tiketTable.date('tanggal').ms;
    const agg = aggregate({
      ...wb,
      tiket: wb.tiket.filter(inRange),
      // The ticket figures are counted from the columns.
      tiketTable: wb.tiketTable.where((i) => inDays(ticketDates[i] ?? Number.NaN)),
      chatbot: wb.chatbot.filter(inRange),
      publikasi: wb.publikasi.filter(inRange),
      webinar: wb.webinar.filter(inRange),
      blast: wb.blast.filter(inRange),
      vicon: wb.vicon.filter(inRange),
      tatapMuka: wb.tatapMuka.filter(inRange),
      ppid: wb.ppid.filter(inRange),
      emailLapor: wb.emailLapor.filter(inRange),
      pengaduan: wb.pengaduan.filter(inRange),
      kepuasan: wb.kepuasan.filter(inRange),
      telepon: wb.telepon.filter(inRange),
      website: [],
      medsos: [],
      rekap: [],
      findings: [],
    });
    const readers = months.map((m) => agg.facts.reader(m));
    const reader: FactReader = {
      get: (k) => readers.reduce((sum, r) => sum + r.get(k), 0),
      has: (k) => readers.some((r) => r.has(k)),
    };
    const value = def.derive ? def.derive(reader) : reader.get(def.key);
    const lastDay = rows.length ? lastDayOf(rows) : range.to;
    const partial = lastDay < range.to;
    const additive = def.unit === 'count';
    const sentences = [
      value === null
        ? `Tidak ada catatan untuk menghitung ${def.label} pada ${range.label}.`
        : additive
          ? `${subjectOf(def)} pada ${range.label} sebanyak ${valueText(def, value, this.pct)}.`
          : `${def.label} pada ${range.label} adalah ${valueText(def, value, this.pct)}.`,
      ...(partial
        ? [`Catatan log baru sampai ${dateLabel(lastDay * MS_PER_DAY)}; hari sesudahnya belum tercatat.`]
        : []),
    ];
    return {
      title,
      period: range.label,
      facts: [{ label: range.label, value: valueText(def, value, this.pct) }],
      sentences,
      chart: null,
      table: null,
      findings: logged.flatMap((m) => this.errorsOf(m)),
      suggestions: [`${again} ${monthText}`],
      answered: { subject: key, value },
    };
  }

  /** Tickets per agent (the Tiket tab's `Agen`) over months or days, most first. */
  agents(from: MonthIndex, to: MonthIndex, days: DayRange | null): Answer {
    const label = days ? days.label : from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;
    const title = `Tiket per Agen — ${label}`;
    const inPeriod = days
      ? (ms: number) => {
          const d = Math.floor(ms / MS_PER_DAY);
          return d >= days.from && d <= days.to;
        }
      : (ms: number) => {
          const m = monthOfWallClock(ms);
          return m >= from && m <= to;
        };
    const counts = new Map<string, number>();
    let unassigned = 0;
    let total = 0;
    for (const t of this.builder.wb.tiket) {
      if (!inPeriod(t.tanggal.ms)) continue;
      total += t.jumlah;
      if (t.agen === null) unassigned += t.jumlah;
      else counts.set(t.agen, (counts.get(t.agen) ?? 0) + t.jumlah);
    }
    if (total === 0) {
      return days
        ? { ...this.refuse(`belum ada tiket tercatat untuk ${days.label}`, [], null), title }
        : this.noData(to, title);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
    if (ranked.length === 0) {
      return {
        ...this.refuse(`kolom Agen di tab Tiket belum diisi untuk ${label}`, [], null),
        title,
      };
    }
    const top = ranked[0]?.[1] ?? 0;
    const leaders = ranked.filter(([, n]) => n === top).map(([name]) => name);
    return {
      title,
      period: label,
      facts: [],
      sentences: [
        `Agen dengan tiket terbanyak pada ${label}: ${joinIndonesian(leaders)} (${formatNumber(top)} tiket).`,
        ...(unassigned
          ? [`${formatNumber(unassigned)} dari ${formatNumber(total)} tiket tidak mencatat agen (kolom Agen kosong).`]
          : []),
      ],
      chart: null,
      table: {
        title: 'Tiket per Agen',
        columns: [
          { header: 'Agen', format: 'text' },
          { header: 'Tiket', format: 'int' },
          { header: 'Pangsa', format: 'pct1' },
        ],
        rows: ranked.slice(0, MAX_TABLE_ROWS).map(([name, n]) => [name, n, (n / total) * 100]),
      },
      findings: [],
      suggestions: [`kepuasan per agen ${monthLabel(to).toLowerCase()}`],
      answered: { subject: 'agents', value: top },
    };
  }

  compare(key: string, m: MonthIndex, base: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const title = `${def?.label ?? key}: ${monthLabel(m)} vs ${monthLabel(base)}`;
    if (!def) return this.noData(m, title);
    const value = this.builder.figures.value(key, m);
    const baseValue = this.builder.figures.value(key, base);
    if (value === null) return this.noData(m, title, (month) => `${this.askWords(def)} ${month}`);
    const pct = this.report(m).percentDecimals;
    const sentence =
      baseValue === null
        ? `${subjectOf(def)} di bulan ${monthLabel(m)} sebanyak ${valueText(def, value, this.pct)}; data ${monthLabel(base)} belum tersedia sebagai pembanding.`
        : `${subjectOf(def)} di bulan ${monthLabel(m)} (${valueText(def, value, this.pct)}) ${changePhrase(value, baseValue, pct)} dibandingkan ${monthLabel(base)} (${valueText(def, baseValue, this.pct)}).`;
    const change = changePct(value, baseValue);
    return {
      title,
      period: `${monthLabel(m)} dan ${monthLabel(base)}`,
      facts: [
        { label: monthLabel(m), value: valueText(def, value, this.pct) },
        { label: monthLabel(base), value: valueText(def, baseValue, this.pct) },
        {
          label: 'Perubahan',
          value:
            change === null ? '–' : `${change > 0 ? '+' : ''}${formatPercent(change, displayDecimals(change, pct))}`,
        },
      ],
      sentences: [sentence],
      chart: {
        kind: 'bar',
        title: def.label,
        categories: [monthShortLabel(base), monthShortLabel(m)],
        series: [{ name: def.label, values: [baseValue, value] }],
      },
      table: null,
      findings: [...this.errorsOf(m), ...this.errorsOf(base)],
      suggestions: [`tren ${this.askWords(def)} 12 bulan`],
      answered: { subject: key, value },
    };
  }

  trend(key: string, from: MonthIndex, to: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
    const values = months.map((m) => this.builder.figures.value(key, m));
    const title = `Tren ${def?.label ?? key}: ${monthLabel(from)} – ${monthLabel(to)}`;
    const known = values.filter((v): v is number => v !== null);
    if (!def || known.length === 0) return this.noData(to, title);
    const max = Math.max(...known);
    const min = Math.min(...known);
    const peak = months[values.indexOf(max)] ?? to;
    const low = months[values.indexOf(min)] ?? to;
    const missing = months.filter((_, i) => values[i] === null);
    const onePoint = known.length === 1;
    return {
      title,
      period: `${monthLabel(from)} – ${monthLabel(to)}`,
      facts: onePoint
        ? [{ label: monthLabel(peak), value: valueText(def, max, this.pct) }]
        : [
            { label: 'Tertinggi', value: `${valueText(def, max, this.pct)} (${monthLabel(peak)})` },
            { label: 'Terendah', value: `${valueText(def, min, this.pct)} (${monthLabel(low)})` },
          ],
      sentences: [
        onePoint
          ? `Hanya ${monthLabel(peak)} yang memiliki data (${valueText(def, max, this.pct)}); belum ada tren untuk ditampilkan.`
          : `${subjectOf(def)} tertinggi pada ${monthLabel(peak)} (${valueText(def, max, this.pct)}) dan terendah pada ${monthLabel(low)} (${valueText(def, min, this.pct)}).`,
        ...(missing.length && !onePoint
          ? [
              `Belum ada data untuk ${missing.length} dari ${months.length} bulan dalam rentang ini (tidak digambar sebagai 0).`,
            ]
          : []),
      ],
      chart: onePoint
        ? null
        : {
            kind: 'line',
            title: def.label,
            categories: months.map(monthShortLabel),
            series: [{ name: def.label, values }],
          },
      table: {
        title: def.label,
        columns: [
          { header: 'Bulan', format: 'text' },
          {
            header: def.label,
            format: numberFormat(figureDecimals(def, this.pct)),
          },
        ],
        rows: months.flatMap((m, i) => (values[i] === null ? [] : [[monthLabel(m), values[i] ?? null]])),
      },
      findings: [],
      suggestions: [],
      answered: { subject: key, value: values[values.length - 1] ?? null },
    };
  }

  total(key: string, from: MonthIndex, to: MonthIndex, label: string): Answer {
    const def = this.builder.figures.def(key);
    const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
    const values = months.map((m) => this.builder.figures.value(key, m));
    const title = `${def?.label ?? key} — ${label}`;
    const known = values.filter((v): v is number => v !== null);
    if (!def || known.length === 0) return this.noData(to, title);
    const sum = known.reduce((a, b) => a + b, 0);
    const missing = months.filter((_, i) => values[i] === null).map(monthLabel);
    const additive = def.unit === 'count';
    const value = additive ? sum : sum / known.length;
    const span = `${monthLabel(from)} – ${monthLabel(to)}`;
    const covered = missing.length ? ` (${known.length} dari ${months.length} bulan yang ada datanya)` : '';
    return {
      title,
      period: span,
      facts: [
        {
          label: additive
            ? missing.length
              ? `Jumlah ${known.length} dari ${months.length} bulan`
              : `Total ${months.length} bulan`
            : missing.length
              ? `Rata-rata bulanan (${known.length} dari ${months.length} bulan)`
              : 'Rata-rata bulanan',
          value: valueText(def, value, this.pct),
        },
        ...(missing.length ? [{ label: 'Bulan tanpa data', value: missing.join(', ') }] : []),
      ],
      sentences: [
        additive
          ? `${subjectOf(def)} selama ${span}${covered} sebanyak ${formatNumber(sum)}.`
          : `Rata-rata bulanan ${def.label.toLowerCase()} selama ${span}${covered} adalah ${formatNumber(value, 2)}.`,
        ...(missing.length ? [`Belum termasuk bulan tanpa data: ${missing.join(', ')}.`] : []),
      ],
      chart: {
        kind: 'bar',
        title: def.label,
        categories: months.map(monthShortLabel),
        series: [{ name: def.label, values }],
      },
      table: null,
      findings: [],
      suggestions: [`tren ${this.askWords(def)} 12 bulan`],
      answered: { subject: key, value },
    };
  }

  private sectionOf(m: MonthIndex, id: string): Section | undefined {
    return this.report(m).sections.find((s) => s.id === id);
  }

  private sectionTableAnswer(
    m: MonthIndex,
    sectionId: string,
    tableTitle: string | null,
    title: string,
    chartIndex: number | null,
    options: { sentences?: readonly string[]; subject?: string; value?: number | null; suggestions?: string[] } = {},
  ): Answer {
    if (!this.hasData(m)) return this.noData(m, title, (month) => `${title.split(' — ')[0]?.toLowerCase()} ${month}`);
    // The table by its title, in its section or (sections get split and renamed) in any section.
    const sections = this.report(m).sections;
    const titled = (s: Section) => s.tables.find((t) => tableTitle !== null && t.title.startsWith(tableTitle));
    const section =
      (tableTitle ? sections.find((s) => s.id === sectionId && titled(s)) : undefined) ??
      (tableTitle ? sections.find(titled) : undefined) ??
      this.sectionOf(m, sectionId);
    if (!section) return this.noData(m, title);
    const table = tableTitle ? (titled(section) ?? null) : (section.tables[0] ?? null);
    const sentences = options.sentences ?? section.sentences.slice(0, 4);
    if (!table?.rows.length && sentences.length === 0) {
      return {
        ...this.refuse(`${title.split(' — ')[0]} tidak ada di laporan ${monthLabel(m)}`, [], null),
        title,
      };
    }
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences,
      chart: chartIndex === null ? null : (section.charts[chartIndex] ?? null),
      table: table ? { ...table, rows: table.rows.slice(0, MAX_TABLE_ROWS) } : null,
      findings: this.errorsOf(m),
      suggestions: options.suggestions ?? [],
      answered: { subject: options.subject ?? `section:${sectionId}`, value: options.value ?? null },
    };
  }

  section(section: AskSection, m: MonthIndex, channel?: string): Answer {
    const month = monthLabel(m);
    const value = (key: string) => this.builder.figures.value(key, m);
    const sentencesOf = (id: string, keep: (s: string) => boolean) =>
      this.sectionOf(m, id)?.sentences.filter(keep) ?? [];
    switch (section) {
      case 'topikKanal':
        return this.channelTopics(channel ?? 'whatsapp', m);
      case 'layer2':
        return this.layer2(m);
      case 'agen':
        return this.agents(m, m, null);
      case 'pengaduan': {
        // The list quotes what people reported; the counts and the sentences are enough here.
        const answer = this.sectionTableAnswer(m, 'pengaduan', null, `Pengaduan dan Keluhan — ${month}`, null, {
          value: value('pengaduan.total'),
        });
        return answer.answered === null
          ? answer
          : {
              ...answer,
              table: null,
              facts: (['pengaduan.jenis.pengaduan', 'pengaduan.jenis.keluhan', 'pengaduan.total'] as const).map(
                (k) => ({
                  label: this.builder.figures.def(k)?.label ?? k,
                  value: valueText(undefined, value(k), this.pct),
                }),
              ),
            };
      }
      default: {
        const spec = SECTION_TABLES[section];
        return this.sectionTableAnswer(m, spec.id, spec.table, `${spec.title} — ${month}`, spec.chart, {
          subject: `section:${section}`,
          value: spec.headline ? value(spec.headline) : null,
          ...(section === 'topPemda' ? { sentences: sentencesOf('pengguna', (s) => s.startsWith('Pemda')) } : {}),
          ...(section === 'pengguna' ? { sentences: sentencesOf('pengguna', (s) => !s.startsWith('Pemda')) } : {}),
          ...(section === 'medsos' ? { sentences: sentencesOf('medsos', () => true) } : {}),
          ...(section === 'telepon' ? { sentences: [] } : {}),
          ...(section === 'topik' ? { suggestions: [`topik whatsapp ${month.toLowerCase()}`] } : {}),
        });
      }
    }
  }

  /** "topik whatsapp": the channel's topics, from the per-channel topic figures. */
  private channelTopics(channel: string, m: MonthIndex): Answer {
    const channelKey = `konsultasi.kanal.${channel}`;
    const channelDef = this.builder.figures.def(channelKey);
    const name = channelDef?.label ?? channel;
    const title = `Topik Konsultasi ${name} — ${monthLabel(m)}`;
    if (!this.hasData(m)) return this.noData(m, title, (month) => `topik ${channel} ${month}`);
    const prefix = `${channelKey}.topik.`;
    const rows = this.builder.figures
      .defs()
      .filter((d) => d.key.startsWith(prefix))
      .map((d) => [d.label.split(' – ').slice(1).join(' – '), this.builder.figures.value(d.key, m)] as const)
      .filter((r): r is readonly [string, number] => r[1] !== null && r[1] > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
    if (rows.length === 0) return this.noData(m, title, (month) => `topik ${channel} ${month}`);
    const top3 = rows.slice(0, 3).map(([t, n]) => `${t} (${formatNumber(n)})`);
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences: [`Topik terbanyak di kanal ${name} pada ${monthLabel(m)}: ${joinIndonesian(top3)}.`],
      chart: null,
      table: {
        title: `Topik ${name}`,
        columns: [
          { header: 'Topik', format: 'text' },
          { header: 'Tiket', format: 'int' },
        ],
        rows: rows.slice(0, MAX_TABLE_ROWS).map(([t, n]) => [t, n]),
      },
      findings: this.errorsOf(m),
      suggestions: [`topik konsultasi ${monthLabel(m).toLowerCase()}`],
      answered: { subject: `section:topikKanal:${channel}`, value: rows[0]?.[1] ?? null },
    };
  }

  /** Layer 2: the fastest and slowest unit in the first sentence, then the table. */
  private layer2(m: MonthIndex): Answer {
    const month = monthLabel(m);
    const section = this.hasData(m) ? this.sectionOf(m, 'layer2') : undefined;
    const table = section?.tables.find((t) => t.title === 'Tiket Dieskalasi dan Capaian per Unit');
    const scored = (table?.rows ?? [])
      .map((r) => [String(r[0] ?? ''), typeof r[3] === 'number' ? r[3] : null] as const)
      .filter((r): r is readonly [string, number] => r[1] !== null);
    const sentences = [...(section?.sentences ?? [])];
    if (scored.length) {
      const best = Math.max(...scored.map((r) => r[1]));
      const worst = Math.min(...scored.map((r) => r[1]));
      const names = (v: number) => joinIndonesian(scored.filter((r) => r[1] === v).map((r) => r[0]));
      sentences.unshift(
        best === worst
          ? `Pada ${month} semua unit Layer 2 sama cepat (capaian ${formatNumber(best, 1)}).`
          : `Unit Layer 2 tercepat pada ${month}: ${names(best)} (capaian ${formatNumber(best, 1)}); paling lambat: ${names(worst)} (${formatNumber(worst, 1)}).`,
      );
    }
    return this.sectionTableAnswer(m, 'layer2', 'Tiket Dieskalasi dan Capaian per Unit', `Layer 2 — ${month}`, 0, {
      sentences: sentences.slice(0, 4),
      value: this.builder.figures.value('layer2.total', m),
    });
  }

  /** The monthly summary: the same card as the scheduled post. */
  summary(m: MonthIndex): Answer {
    const title = `Ringkasan Layanan Informasi DJPK — ${monthLabel(m)}`;
    if (!this.hasData(m)) return this.noData(m, title);
    const report = this.report(m);
    const ringkasan = report.sections.find((s) => s.id === 'ringkasan');
    const konsultasi = report.sections.find((s) => s.id === 'konsultasi');
    // The figures as the report's Ringkasan table prints them (shown values, changes from them).
    const table = ringkasan?.tables.find((t) => t.title === 'Ringkasan');
    const printed = (row: readonly TableCell[] | undefined, i: number) => {
      const column = table?.columns[i];
      return row && column && row[i] !== null ? formatCell(row[i] ?? null, column.format, column.decimals) : null;
    };
    const facts = (ringkasan?.metrics ?? []).map((key) => {
      const f = report.metrics[key];
      const def = this.builder.figures.def(key);
      const row = table?.rows.find((r) => r[0] === def?.label);
      const change = printed(row, 4);
      const against = monthShortLabel(m - 1);
      return {
        label: def?.label ?? key,
        value: `${printed(row, 2) ?? valueText(def, f?.value ?? null, this.pct)}${
          change === null ? '' : change === 'sama' ? ` (sama dengan ${against})` : ` (${change} dari ${against})`
        }`,
      };
    });
    const errors = this.errorsOf(m);
    return {
      title,
      period: monthLabel(m),
      facts,
      sentences: [
        ...(ringkasan?.sentences ?? []),
        ...(errors.length
          ? [
              `Terdapat ${errors.length} galat data pada bulan ini (baris tersebut tidak dihitung); lihat tab Validasi di spreadsheet.`,
            ]
          : []),
      ],
      chart: konsultasi?.charts[0] ?? null,
      table: null,
      findings: errors,
      suggestions: [
        `top pemda ${monthLabel(m).toLowerCase()}`,
        `topik konsultasi ${monthLabel(m).toLowerCase()}`,
        `layer 2 ${monthLabel(m).toLowerCase()}`,
      ],
      answered: { subject: 'summary', value: report.metrics['konsultasi.total']?.value ?? null },
    };
  }
}
