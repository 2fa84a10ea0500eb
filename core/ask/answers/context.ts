import { monthLabel } from '../../format/idDate';
import { formatNumber, formatPercent, roundHalfAwayFromZero } from '../../format/idNumber';
import { type CoverageKey, figureDecimals, type MetricDef } from '../../metrics/catalog';
import type { Report } from '../../metrics/model';
import { findingsForMonth } from '../../metrics/monthFindings';
import type { ReportBuilder } from '../../metrics/report';
import type { MonthIndex } from '../../period/yearMonth';
import type { Finding } from '../../workbook/findings';
import { TABS } from '../../workbook/tabs';
import type { ParsedWorkbook } from '../../workbook/workbook';
import type { Answer } from '../answer';

/** Data tabs by name and alias, lower case: where a finding points. Tabs that feed every figure are left out. */
const DATA_TAB_BY_NAME: ReadonlyMap<string, string> = new Map(
  TABS.filter((t) => !['pengaturan', 'hariLibur', 'rekap', 'narasi', 'profil'].includes(t.id)).flatMap((t) =>
    [t.name, ...('aliases' in t ? (t.aliases as readonly string[]) : [])].map((n) => [n.toLowerCase(), t.id] as const),
  ),
);

/** What every kind of answer reads: the workbook's reports (built once per month) and the shared wording. */

export const MS_PER_DAY = 86_400_000;
export const MAX_TABLE_ROWS = 15;

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

/** The title of a figure card's "tren <figure> 12 bulan" button: the card already names the figure. */
export const TREND_TITLE = 'Tren 12 bulan';

export const shownValue = (value: number | null, decimals: number) =>
  value === null ? null : roundHalfAwayFromZero(value, decimals);

/** Figures print with the report's rounding (catalog's figureDecimals), so an answer says what the report says. */
export const valueText = (def: MetricDef | undefined, value: number | null, percentDecimals: number) =>
  value === null
    ? 'belum ada data'
    : def?.unit === 'percent'
      ? formatPercent(value, figureDecimals(def, percentDecimals))
      : formatNumber(value, def ? figureDecimals(def, percentDecimals) : 0);

export function subjectOf(def: MetricDef): string {
  if (/^konsultasi\.kanal\.[a-z]+$/.test(def.key)) return `Jumlah konsultasi melalui ${def.label}`;
  if (def.unit === 'score' || def.unit === 'average' || def.unit === 'followers' || def.unit === 'percent')
    return def.label;
  // "Tiket Konsultasi" → "tiket konsultasi"; names such as WhatsApp or PPID keep their case.
  const words = def.label.split(' ').map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w));
  return `Jumlah ${words.join(' ')}`;
}

/** The words that ask for a metric again: its label, lower case, without punctuation. */
export const askWords = (def: MetricDef): string =>
  def.label
    .toLowerCase()
    .replace(/[–/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Tabs whose figures exist only per month: no day or week can be asked of them. */
export const MONTHLY_ONLY: ReadonlySet<CoverageKey> = new Set(['website', 'medsos']);

export type DatedRow = { readonly tanggal: { readonly ms: number } };

/** The dated log rows a coverage key is counted from. */
export function rowsOf(wb: ParsedWorkbook, tab: CoverageKey): readonly DatedRow[] {
  if (tab === 'tiket' || tab.startsWith('tiket.')) return wb.tiket;
  const rows = (wb as unknown as Record<string, unknown>)[tab];
  return Array.isArray(rows) ? (rows as DatedRow[]) : [];
}

export const dayOfRow = (r: DatedRow) => Math.floor(r.tanggal.ms / MS_PER_DAY);

/** The latest day of the rows (-Infinity for none). A loop: spreading a big log into Math.max overflows the stack. */
export function lastDayOf(rows: readonly DatedRow[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) last = Math.max(last, dayOfRow(r));
  return last;
}

/** The workbook's reports, built once per month, and the answers every kind shares (no data, refusal). */
export class AskData {
  private readonly reports = new Map<MonthIndex, Report>();

  constructor(readonly builder: ReportBuilder) {}

  /** `Desimal Persen` of the workbook: the same for every month's report. */
  get pct(): number {
    return this.builder.wb.settings.percentDecimals;
  }

  report(m: MonthIndex): Report {
    let report = this.reports.get(m);
    if (!report) {
      report = this.builder.build(m);
      this.reports.set(m, report);
    }
    return report;
  }

  hasData(m: MonthIndex): boolean {
    return this.builder.figures.monthsWithData().includes(m);
  }

  latest(): MonthIndex | null {
    const months = this.builder.figures.monthsWithData();
    return months[months.length - 1] ?? null;
  }

  /** The latest month in which this metric has a figure. */
  latestOf(key: string): MonthIndex | null {
    const months = this.builder.figures.monthsWithData();
    for (let i = months.length - 1; i >= 0; i--) {
      const m = months[i];
      if (m !== undefined && this.builder.figures.value(key, m) !== null) return m;
    }
    return null;
  }

  errorsOf(m: MonthIndex): Finding[] {
    return findingsForMonth(this.report(m)).filter((f) => f.severity === 'error');
  }

  /**
   * The month's errors that can touch a figure read from these tabs (coverage keys such as
   * "tiket.zona" count as their tab): a Tiket row's error is no Instagram card's business. Errors of
   * tabs that feed every figure (Pengaturan, Hari Libur, Rekap Historis) and of tabs not known by
   * name are kept.
   */
  errorsFor(m: MonthIndex, ...tabs: readonly string[]): Finding[] {
    const wanted = new Set(tabs.map((t) => t.split('.')[0]));
    return this.errorsOf(m).filter((f) => {
      const tab = DATA_TAB_BY_NAME.get(f.tab.trim().toLowerCase());
      return tab === undefined || wanted.has(tab);
    });
  }

  /** No data for the month; `latest` is the last month that has it (the figure's own, when known). */
  noData(
    m: MonthIndex,
    title: string,
    again?: (month: string) => string,
    latest: MonthIndex | null = this.latest(),
  ): Answer {
    const last = latest === null ? null : monthLabel(latest);
    return {
      title,
      period: monthLabel(m),
      facts: [],
      // Never "belum tersedia; data terakhir: <the same month>".
      sentences: [`Data ${monthLabel(m)} belum tersedia${last && latest !== m ? `; data terakhir: ${last}` : ''}.`],
      chart: null,
      table: null,
      findings: [],
      suggestions: last && latest !== m ? [again ? again(last.toLowerCase()) : `ringkasan ${last.toLowerCase()}`] : [],
      // The card names the figure; its button needs only the month ("Tiket konsultasi…" hid it).
      ...(last && latest !== m && again ? { suggestionTitles: [last] } : {}),
      answered: null,
    };
  }

  refuse(reason: string, suggestions: readonly string[], nearMiss: string | null): Answer {
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
}
