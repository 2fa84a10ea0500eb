import type { CellFormat, TableCell } from '../format/cellFormat';
import type { Finding } from '../workbook/findings';
import type { SectionId } from './catalog';
import type { MetricFigure } from './figures';

export type { CellFormat, TableCell };

export interface TableColumn {
  readonly header: string;
  readonly format: CellFormat;
  /**
   * The column's rounding when it is not the format's own (e.g. `Desimal Persen` for shares and
   * changes); print cells with core/format/figure.ts `formatCell(value, format, decimals)`.
   */
  readonly decimals?: number;
}

export interface Table {
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /**
   * A full listing (every province) that the HTML, XLSX and the add-on's tab print; the deck shows
   * the section's chart and shorter tables instead, as a slide cannot hold it.
   */
  readonly detail?: boolean;
}

export interface ChartSeries {
  /** Stable identity (e.g. a metric key) so a channel keeps its colour in every chart. */
  readonly key?: string;
  readonly name: string;
  /** null: no data for that category (a gap, never drawn as 0). */
  readonly values: readonly (number | null)[];
}

/** A chart as data: renderers draw it as SVG, a Sheets chart or an Adaptive Card chart. */
export interface Chart {
  readonly kind: 'donut' | 'bar' | 'line';
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Decimals of the shares a donut prints, when they are not `Desimal Persen` (users: 2, as the seeds). */
  readonly shareDecimals?: number;
  /** Stable keys of the categories (donuts and bars over channels: "whatsapp", …), parallel to categories. */
  readonly categoryKeys?: readonly string[];
}

export interface Section {
  readonly id: SectionId;
  readonly title: string;
  /** Metric keys this section is about, headline first. */
  readonly metrics: readonly string[];
  readonly sentences: readonly string[];
  readonly tables: readonly Table[];
  readonly charts: readonly Chart[];
}

export interface TrendSeries {
  readonly key: string;
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** The one model every renderer reads: sheet tabs, JSON, Markdown, HTML, cards, bot answers. */
export interface Report {
  /** "2025-01" */
  readonly month: string;
  readonly monthLabel: string;
  readonly previousMonth: string;
  readonly previousMonthLabel: string;
  readonly sameMonthLastYear: string;
  readonly sameMonthLastYearLabel: string;
  readonly metrics: Readonly<Record<string, MetricFigure>>;
  readonly sections: readonly Section[];
  readonly trend: {
    readonly months: readonly string[];
    readonly labels: readonly string[];
    readonly series: readonly TrendSeries[];
  };
  /** Findings of the whole workbook, errors first. */
  readonly findings: readonly Finding[];
  /** Months that have any data, oldest first ("2024-12"). */
  readonly monthsWithData: readonly string[];
  readonly percentDecimals: number;
}
