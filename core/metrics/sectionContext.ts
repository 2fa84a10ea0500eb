import { monthLabel, monthShortLabel } from '../format/idDate';
import { type ComparisonInput, comparisonSentences } from '../format/sentences';
import { type MonthIndex, monthOfWallClock } from '../period/yearMonth';
import type { Settings } from '../workbook/settings';
import type { ParsedWorkbook } from '../workbook/workbook';
import { type Figures, type MetricFigure, metricFigure } from './figures';
import type { Chart, Table, TableColumn } from './model';

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

  /** The seeds' two comparison sentences for a metric. */
  compare(key: string, subject: string, unitWord = '', extra: Partial<ComparisonInput> = {}): string[] {
    const f = this.figure(key);
    return comparisonSentences({
      subject,
      month: this.label,
      value: f.value,
      previous: f.previousMonth,
      lastYear: f.sameMonthLastYear,
      lastYearMonth: this.lastYearLabel,
      unitWord,
      percentDecimals: this.pct,
      ...extra,
    });
  }

  /** The seeds' three bars: M−1, M, M−12 ("Des-24 Jan-25 Jan-24"). */
  threeMonthBars(title: string, keys: readonly string[]): Chart {
    return {
      kind: 'bar',
      title,
      categories: [monthShortLabel(this.m - 1), monthShortLabel(this.m), monthShortLabel(this.m - 12)],
      series: keys.map((key) => {
        const f = this.figure(key);
        return { name: f.label, values: [f.previousMonth, f.value, f.sameMonthLastYear] };
      }),
    };
  }

  /** M−1, M, M−12 and the two changes of each metric, as a table. */
  comparisonTable(title: string, keys: readonly string[], valueFormat: TableColumn['format'] = 'int'): Table {
    return {
      title,
      columns: [
        { header: 'Indikator', format: 'text' },
        { header: monthShortLabel(this.m - 1), format: valueFormat },
        { header: monthShortLabel(this.m), format: valueFormat },
        { header: monthShortLabel(this.m - 12), format: valueFormat },
        { header: `Perubahan thd ${monthShortLabel(this.m - 1)}`, format: 'change' },
        { header: `Perubahan thd ${monthShortLabel(this.m - 12)}`, format: 'change' },
      ],
      rows: keys.map((key) => {
        const f = this.figure(key);
        return [f.label, f.previousMonth, f.value, f.sameMonthLastYear, f.momPct, f.yoyPct];
      }),
    };
  }

  private readonly monthRows = new WeakMap<readonly unknown[], unknown[]>();
  private readonly memos = new Map<string, unknown>();

  /** Computes a value once per report: sections that need the same tally share it. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
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
