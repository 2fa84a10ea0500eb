import { joinIndonesian } from '../format/sentences';
import type { Report, Section, Table } from '../metrics/model';

/**
 * Whether a section has anything to show for the month, decided once for the deck and the HTML:
 * a section without data is said in one sentence on the Ringkasan instead of a page (or slide) of
 * "belum tersedia" and empty chart frames.
 */

/** A table with at least one number in a figure column. */
export const tableHasFigure = (table: Table): boolean =>
  table.rows.some((row) => row.some((v, i) => typeof v === 'number' && table.columns[i]?.format !== 'text'));

/**
 * A section has data for the month when one of its figures has a value (or, for a section
 * without metric keys, a table has a figure).
 */
export function sectionHasData(section: Section, report: Report): boolean {
  if (section.metrics.some((key) => (report.metrics[key]?.value ?? null) !== null)) return true;
  return section.metrics.length === 0 && section.tables.some(tableHasFigure);
}

/** The one sentence that names the sections left out: "Belum ada data bulan Juli 2023 untuk …". */
export const withoutDataSentence = (report: Report, titles: readonly string[]): string =>
  `Belum ada data bulan ${report.monthLabel} untuk ${joinIndonesian(titles)}; bagian tersebut tidak ditampilkan.`;
