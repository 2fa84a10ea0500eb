import type { Chart, Table } from '../metrics/model';
import type { Finding } from '../workbook/findings';
import type { ServiceProfile } from '../workbook/profile';

/** The monthly deck as data (DECK.md): the PPTX and PDF renderers only draw it. */

export interface Paragraph {
  readonly text: string;
  /** Drawn with a "•" in front. */
  readonly bullet: boolean;
  /** A bold line introducing what follows (a `Narasi` row's `Judul` among several). */
  readonly heading: boolean;
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

export interface Contact {
  readonly label: string;
  readonly value: string;
}

/** A chart or (a part of) a table; a slide holds up to two side by side. */
export type Visual =
  | { readonly kind: 'chart'; readonly chart: Chart }
  | { readonly kind: 'table'; readonly table: Table };

export type SlideKind = 'cover' | 'ringkasan' | 'contacts' | 'section' | 'narasi' | 'evaluasi' | 'closing';

export interface Slide {
  readonly kind: SlideKind;
  /** 1-based position in the deck. */
  readonly number: number;
  readonly title: string;
  readonly subtitle: string | null;
  /** The report section (or `Narasi` target) the slide belongs to. */
  readonly sectionId: string | null;
  readonly paragraphs: readonly Paragraph[];
  /** Charts and tables (or the rows of a table that fit here), left to right. */
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
}
