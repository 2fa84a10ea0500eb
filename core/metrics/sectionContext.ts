import { changePct } from '../format/change';
import { numberFormat } from '../format/figure';
import { monthLabel, monthShortLabel } from '../format/idDate';
import { roundHalfAwayFromZero } from '../format/idNumber';
import { type ComparisonInput, figureSentence } from '../format/sentences';
import { type MonthIndex, monthOfWallClock, yearOf } from '../period/yearMonth';
import { CHANNELS } from '../workbook/enums';
import type { Settings } from '../workbook/settings';
import type { ParsedWorkbook, Ticket } from '../workbook/workbook';
import { figureDecimals } from './catalog';
import {
  type Dimension,
  type Drivers,
  driversSentence,
  findDrivers,
  findUnusual,
  type Unusual,
  unusualSentence,
} from './drivers';
import { type Figures, type MetricFigure, metricFigure } from './figures';
import type { Chart, Table, TableColumn } from './model';

/**
 * A figure as the report shows it: M, M−1 and M−12 rounded to the figure's decimals, and the
 * changes computed from those rounded values (the seeds' "36 vs 34 = +6%"), so that a sentence,
 * a table and a chart never print one figure two ways. The JSON metrics stay exact.
 */
export interface ShownFigure {
  readonly key: string;
  readonly label: string;
  readonly decimals: number;
  readonly value: number | null;
  readonly previousMonth: number | null;
  readonly sameMonthLastYear: number | null;
  /** Exact change from the shown values; 0 when equal ("sama"), "naik dari 0" from a zero base. */
  readonly momPct: number | 'naik dari 0' | null;
  readonly yoyPct: number | 'naik dari 0' | null;
}

/** A change as a table cell: null without data, 0 when equal ("sama"), words from a zero base. */
export function changeCell(value: number | null, base: number | null): number | 'naik dari 0' | null {
  if (value === null || base === null) return null;
  if (value === base) return 0;
  if (base === 0) return 'naik dari 0';
  return changePct(value, base);
}

/** What every section builder needs about the month being reported. */
export class SectionContext {
  readonly label: string;
  readonly previousLabel: string;
  readonly lastYearLabel: string;
  private readonly cache = new Map<string, MetricFigure>();

  constructor(
    readonly m: MonthIndex,
    readonly figures: Figures,
    readonly wb: ParsedWorkbook,
  ) {
    this.label = monthLabel(m);
    this.previousLabel = monthLabel(m - 1);
    this.lastYearLabel = monthLabel(m - 12);
  }

  get settings(): Settings {
    return this.wb.settings;
  }

  get pct(): number {
    return this.wb.settings.percentDecimals;
  }

  figure(key: string): MetricFigure {
    let figure = this.cache.get(key);
    if (!figure) {
      const def = this.figures.def(key);
      figure = def
        ? metricFigure(this.figures, def, this.m)
        : {
            key,
            label: key,
            unit: 'count',
            section: 'ringkasan',
            value: null,
            previousMonth: null,
            sameMonthLastYear: null,
            momPct: null,
            yoyPct: null,
            source: null,
          };
      this.cache.set(key, figure);
    }
    return figure;
  }

  value(key: string): number | null {
    return this.figure(key).value;
  }

  /** Decimals the figure `key` is shown with. */
  decimalsOf(key: string): number {
    const def = this.figures.def(key);
    return def ? figureDecimals(def, this.pct) : 0;
  }

  /** The figure as shown: rounded values, changes from the rounded values. */
  shown(key: string): ShownFigure {
    const f = this.figure(key);
    const decimals = this.decimalsOf(key);
    const round = (v: number | null) => (v === null ? null : roundHalfAwayFromZero(v, decimals));
    const value = round(f.value);
    const previousMonth = round(f.previousMonth);
    const sameMonthLastYear = round(f.sameMonthLastYear);
    return {
      key,
      label: f.label,
      decimals,
      value,
      previousMonth,
      sameMonthLastYear,
      momPct: changeCell(value, previousMonth),
      yoyPct: changeCell(value, sameMonthLastYear),
    };
  }

  /** The seeds' sentence for a metric: the month's figure, then both comparisons. */
  compare(key: string, subject: string, unitWord = '', extra: Partial<ComparisonInput> = {}): string[] {
    const f = this.shown(key);
    return [
      figureSentence({
        subject,
        month: this.label,
        value: f.value,
        previous: f.previousMonth,
        lastYear: f.sameMonthLastYear,
        lastYearMonth: this.lastYearLabel,
        unitWord,
        percentDecimals: this.pct,
        valueDecimals: f.decimals,
        ...extra,
      }),
    ];
  }

  /** Column headers of the M−1 / M / M−12 comparison. */
  changeHeader(base: MonthIndex): string {
    return `Perubahan dari ${monthShortLabel(base)}`;
  }

  /** The seeds' three bars: M−1, M, M−12 ("Des-24 Jan-25 Jan-24"); a month without data is a gap (null). */
  threeMonthBars(title: string, keys: readonly string[], seriesKey?: (key: string) => string | undefined): Chart {
    return {
      kind: 'bar',
      title,
      categories: [monthShortLabel(this.m - 1), monthShortLabel(this.m), monthShortLabel(this.m - 12)],
      series: keys.map((key) => {
        const f = this.shown(key);
        const k = seriesKey?.(key);
        return {
          name: f.label,
          values: [f.previousMonth, f.value, f.sameMonthLastYear],
          ...(k ? { key: k } : {}),
        };
      }),
    };
  }

  /** M−1, M, M−12 and the two changes of each metric, as a table (shown values, Desimal Persen). */
  comparisonTable(title: string, keys: readonly string[]): Table {
    const decimals = Math.max(0, ...keys.map((k) => this.decimalsOf(k)));
    const valueFormat: TableColumn['format'] = numberFormat(decimals);
    const rows = keys.map((key) => {
      const f = this.shown(key);
      return [f.label, f.previousMonth, f.value, f.sameMonthLastYear, f.momPct, f.yoyPct];
    });
    return {
      title,
      columns: [
        { header: 'Indikator', format: 'text' },
        { header: monthShortLabel(this.m - 1), format: valueFormat, decimals },
        { header: monthShortLabel(this.m), format: valueFormat, decimals },
        { header: monthShortLabel(this.m - 12), format: valueFormat, decimals },
        { header: this.changeHeader(this.m - 1), format: 'change', decimals: this.pct },
        { header: this.changeHeader(this.m - 12), format: 'change', decimals: this.pct },
      ],
      rows,
    };
  }

  /** A breakdown by the parts of a key family ("konsultasi.topik." → every topic), named `word + label`. */
  familyDimension(prefix: string, word: string, names: Readonly<Record<string, string>> = {}): Dimension {
    const keys = this.figures
      .defs()
      .map((d) => d.key)
      .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.'));
    return {
      keys,
      name: (key) => names[key] ?? `${word}${(this.figures.def(key)?.label ?? key).split(' – ').pop()}`,
    };
  }

  /** The dimensions that explain a headline figure's change, and the unit its parts are counted in. */
  dimensionsOf(key: string): { dims: Dimension[]; unit: string } {
    const channel = /^konsultasi\.kanal\.([a-z]+)$/.exec(key)?.[1];
    if (channel) return { dims: [this.familyDimension(`konsultasi.kanal.${channel}.topik.`, 'topik ')], unit: 'tiket' };
    switch (key) {
      case 'konsultasi.total':
        return {
          dims: [
            { keys: CHANNELS.ids.map((c) => `konsultasi.kanal.${c}`), name: (k) => this.figure(k).label },
            this.familyDimension('konsultasi.topik.', 'topik '),
            this.familyDimension('konsultasi.pengguna.', 'pengguna ', {
              'konsultasi.pengguna.tidakDiisi': 'tiket tanpa kategori pengguna',
            }),
          ],
          unit: 'tiket',
        };
      case 'publikasi.website':
        return { dims: [this.familyDimension('publikasi.jenis.', '')], unit: 'publikasi' };
      case 'webinar.total':
        return { dims: [this.familyDimension('webinar.jenis.', '')], unit: 'acara' };
      case 'chatbot.pengguna':
        return { dims: [this.familyDimension('chatbot.menu.', 'menu ')], unit: 'pengguna' };
      case 'emailLapor.total':
        return { dims: [this.familyDimension('emailLapor.jenis.', '')], unit: 'email' };
      case 'ppid.permohonan':
        return { dims: [this.familyDimension('ppid.tujuan.', 'tujuan ')], unit: 'permohonan' };
      case 'pengaduan.total':
        return { dims: [this.familyDimension('pengaduan.jenis.', '')], unit: 'laporan' };
      default:
        return { dims: [], unit: '' };
    }
  }

  /** The drivers of the notable changes of `key` against M−1 and M−12 (docs/narrative.md). */
  drivers(key: string): Drivers[] {
    return this.memo(`drivers:${key}`, () => {
      const { dims } = this.dimensionsOf(key);
      if (!dims.length) return [];
      return [this.m - 1, this.m - 12]
        .map((base) => findDrivers(this.figures, key, this.m, base, dims))
        .filter((d): d is Drivers => d !== null);
    });
  }

  /** Whether the month's shown value is the highest/lowest against the months before it. */
  unusual(key: string): Unusual | null {
    const decimals = this.decimalsOf(key);
    return findUnusual((k) => {
      const v = this.figures.value(key, k);
      return v === null ? null : roundHalfAwayFromZero(v, decimals);
    }, this.m);
  }

  /** "What moved" sentences of a figure: its drivers, then an unusual value. */
  whatMoved(key: string): string[] {
    const { unit } = this.dimensionsOf(key);
    const u = this.unusual(key);
    return [...this.drivers(key).map((d) => driversSentence(d, this.m, unit)), ...(u ? [unusualSentence(u)] : [])];
  }

  private readonly monthRows = new WeakMap<readonly unknown[], unknown[]>();
  private readonly memos = new Map<string, unknown>();

  /** Computes a value once per report: sections that need the same tally share it. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** The month's tickets as records, found in the date column: the whole log is never made records. */
  tickets(): Ticket[] {
    const found = this.memo('tickets', () => {
      const table = this.wb.tiketTable;
      const dates = table.date('tanggal').ms;
      // The month as a range of wall-clock ms: a comparison per ticket instead of a calendar computation.
      const from = Date.UTC(yearOf(this.m), this.m % 12, 1);
      const to = Date.UTC(yearOf(this.m), (this.m % 12) + 1, 1);
      const rows: Ticket[] = [];
      for (let i = 0; i < table.length; i++) {
        const ms = dates[i] ?? Number.NaN;
        if (ms >= from && ms < to) rows.push(table.record(i));
      }
      return rows;
    });
    return [...found];
  }

  /** The rows of a log that fall in the reported month (filtered once per log, several sections read it). */
  inMonth<R extends { readonly tanggal: { readonly ms: number } }>(rows: readonly R[]): R[] {
    let found = this.monthRows.get(rows) as R[] | undefined;
    if (!found) {
      found = rows.filter((r) => monthOfWallClock(r.tanggal.ms) === this.m);
      this.monthRows.set(rows, found);
    }
    return [...found];
  }
}

/** Counts by a key, weighted, sorted by count (desc) then label: the seeds' "top" lists. */
export function tally<R>(rows: readonly R[], keyOf: (r: R) => string | null, weightOf: (r: R) => number = () => 1) {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k) counts.set(k, (counts.get(k) ?? 0) + weightOf(r));
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Competition ranking: ties share a rank (1, 1, 3). */
export function rankWithTies<T>(items: readonly T[], scoreOf: (t: T) => number): { item: T; rank: number }[] {
  const sorted = [...items];
  return sorted.map((item, i) => {
    let first = i;
    while (first > 0 && scoreOf(sorted[first - 1] as T) === scoreOf(item)) first--;
    return { item, rank: first + 1 };
  });
}
