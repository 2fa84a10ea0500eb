import type { Chart, Table } from '../metrics/model';
import type { Contact, NarrativeParagraph } from '../render/narrative';
import type { Finding } from '../workbook/findings';
import type { ServiceProfile } from '../workbook/profile';
import type { Box } from './layout';

/**
 * The monthly deck as data (DECK.md, docs/deck.md): every decision of what goes on which slide,
 * where, at which size and in which lines is taken here; the PPTX and PDF renderers only draw it.
 */

/** A paragraph of the slide's text (core/render/narrative.ts: the same for every renderer). */
export type Paragraph = NarrativeParagraph;

/** A paragraph (or the part of it on this slide) as laid out in the slide's text box. */
export interface LaidParagraph extends Paragraph {
  /**
   * The text for renderers that wrap by themselves (PPTX): the lines joined by a space, or by a
   * zero-width space where a word longer than a line was cut.
   */
  readonly text: string;
  /** Core's lines at `Slide.textPt` in the text box's width; the PDF draws exactly these. */
  readonly lines: readonly string[];
  /** Indented as a bullet (the part of a bullet continued from the previous slide has no sign). */
  readonly indent: boolean;
}

/** A big number on the Ringkasan slide. */
export interface Tile {
  readonly label: string;
  /** "1.010", or "belum tersedia". */
  readonly value: string;
  /** "turun 9% dibanding Desember 2024"; null when there is nothing to compare with. */
  readonly change: string | null;
  readonly direction: 'up' | 'down' | 'same' | null;
}

export type { Contact };

/** One series of a chart as drawn: values, their printed labels and colours, per category. */
export interface PlotSeries {
  readonly name: string;
  /** null: no data (no bar, no slice, a gap in a line; never 0). */
  readonly values: readonly (number | null)[];
  /** The data label of each point, in id-ID ("1.010", "69%"); null: no label. */
  readonly labels: readonly (string | null)[];
  /** One colour per point (RRGGBB). */
  readonly colors: readonly string[];
}

/** A visible value axis (lines, and bars that do not start at 0): ticks from min to max by step. */
export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Tick labels in id-ID ("118.500"), min first. */
  readonly ticks: readonly string[];
  /** Drawn (lines, bars from a non-zero base); otherwise the range only fixes where bars end. */
  readonly visible: boolean;
}

/**
 * A chart as both renderers draw it: columns (vertical), bars (horizontal, for many or long
 * categories), a donut or lines; labels computed here so that the PPTX and the PDF print the same.
 */
export interface ChartPlot {
  readonly kind: 'column' | 'bar' | 'donut' | 'line';
  readonly title: string;
  /** Category labels as drawn (a donut's carry its count and share: "WhatsApp: 695 (69%)"). */
  readonly categories: readonly string[];
  readonly series: readonly PlotSeries[];
  /** Legend entries (series of a multi-series chart, slices of a donut); empty: no legend. */
  readonly legend: readonly { readonly label: string; readonly color: string }[];
  readonly axis: ValueAxis;
  /** The donut's centre (its total). */
  readonly centre: string | null;
  /** What the picture does not say (months without data); drawn under the chart. */
  readonly note: string | null;
}

export interface LaidCell {
  /** The cell for renderers that wrap by themselves (PPTX). */
  readonly text: string;
  /** Core's lines in the column's width; the PDF draws these. */
  readonly lines: readonly string[];
  /** The text was shortened with "…" (longer than a slide). */
  readonly cut: boolean;
}

export interface LaidTable {
  readonly width: number;
  readonly columnWidths: readonly number[];
  readonly align: readonly ('left' | 'right')[];
  readonly header: { readonly cells: readonly LaidCell[]; readonly height: number };
  readonly rows: readonly { readonly cells: readonly LaidCell[]; readonly height: number }[];
  /** Caption, header and rows. */
  readonly height: number;
}

/** A chart or (a part of) a table, in its box on the slide. */
export type Visual =
  | { readonly kind: 'chart'; readonly chart: Chart; readonly plot: ChartPlot; readonly box: Box }
  | { readonly kind: 'table'; readonly table: Table; readonly layout: LaidTable; readonly box: Box };

export type SlideKind = 'cover' | 'ringkasan' | 'contacts' | 'section' | 'narasi' | 'evaluasi' | 'closing';

export interface Slide {
  readonly kind: SlideKind;
  /** 1-based position in the deck. */
  readonly number: number;
  readonly title: string;
  /** The title as drawn: its size and lines (a long title shrinks to two lines). */
  readonly titleLayout: { readonly pt: number; readonly lines: readonly string[] };
  readonly subtitle: string | null;
  /** The report section (or `Narasi` target) the slide belongs to. */
  readonly sectionId: string | null;
  /** The slide's text, laid out in `textBox` at `textPt`. */
  readonly paragraphs: readonly LaidParagraph[];
  readonly textPt: number;
  readonly textBox: Box | null;
  /** Charts and tables (or the rows of a table that fit here), each in its box. */
  readonly visuals: readonly Visual[];
  readonly tiles: readonly Tile[];
  readonly contacts: readonly Contact[];
  /** Speaker notes. */
  readonly notes: string;
}

export interface Deck {
  /** "2025-01" */
  readonly month: string;
  readonly monthLabel: string;
  /** "Jan-25": the current month's category in three-month charts. */
  readonly monthShortLabel: string;
  /** "Laporan Layanan Informasi DJPK — Januari 2025", on every slide but the cover. */
  readonly footer: string;
  readonly profile: ServiceProfile;
  readonly slides: readonly Slide[];
  /** `Narasi` rows that name no section, with the closest match. */
  readonly findings: readonly Finding[];
  /** True when `Narasi` has no `Evaluasi dan Saran` row for the month. */
  readonly evaluasiEmpty: boolean;
  /** Report sections without data for the month, said once on the Ringkasan slide instead of a slide each. */
  readonly sectionsWithoutData: readonly string[];
}
