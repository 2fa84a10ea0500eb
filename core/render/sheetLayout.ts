import type { CellFormat, TableCell } from '../metrics/model';
import { fitColumnWidths, type SheetBlock, type SummarySheet } from './sheetBlocks';

/**
 * The report tab on a page grid: every table gets its own column widths. A sheet's columns are
 * shared by every table under one another, so one set of widths made long names wrap to 10+ lines
 * where a short column of another table stood. Here the page is a grid of narrow columns and each
 * table column covers as many of them as its own content needs (its cells merged across them).
 */

/** Grid columns across the page, and their width (characters): 33 × 5 = 165, landscape A4. */
export const GRID_COLUMNS = 33;
export const GRID_WIDTH = 5;

/** A run of cells in one row merged into one (0-based). */
export interface Merge {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
}

export interface GridSheet extends SummarySheet {
  readonly merges: readonly Merge[];
}

/** Widest a text column gets (characters): longer text wraps onto a few lines, not 10+. */
const TEXT_MAX = 90;
const NUMBER_MAX = 24;
/** Narrowest a text column is squeezed to when a table is wider than the page. */
const TEXT_MIN = 14;

/**
 * Grid columns per table column, in proportion to the widths that fit the table's own content,
 * at least one each and at most the grid in all (the largest give way first).
 */
export function spansOf(widths: readonly number[], grid = GRID_COLUMNS, unit = GRID_WIDTH): number[] {
  // Rounded up: a header word ("Persentase") is never broken inside.
  const spans = widths.map((w) => Math.max(1, Math.ceil(w / unit)));
  let total = spans.reduce((a, b) => a + b, 0);
  while (total > grid) {
    const widest = spans.indexOf(Math.max(...spans));
    if ((spans[widest] ?? 1) <= 1) break;
    spans[widest] = (spans[widest] ?? 1) - 1;
    total--;
  }
  return spans;
}

/** One table's widths, fitted to its own content and the page. */
function tableWidths(block: SheetBlock): number[] {
  const n = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const isText = (i: number) => (block.formats[i] ?? 'text') === 'text';
  const max = Array.from({ length: n }, (_, i) => (isText(i) ? TEXT_MAX : NUMBER_MAX));
  const min = Array.from({ length: n }, (_, i) => (isText(i) ? TEXT_MIN : 0));
  return fitColumnWidths([{ ...block, col: 0 }], n, max, GRID_COLUMNS * GRID_WIDTH, min);
}

/** A row spread over its spans: each value at its span's first column, nulls after it. */
function spread<T>(cells: readonly T[], spans: readonly number[], filler: T): T[] {
  return cells.flatMap((cell, i) => [cell, ...new Array<T>(Math.max(0, (spans[i] ?? 1) - 1)).fill(filler)]);
}

/**
 * The sheet with its printed tables on the page grid: table blocks spread over their spans (and
 * merged), sentences and notes across the whole page, the charts' data moved right of the grid.
 */
export function onPageGrid(sheet: SummarySheet): GridSheet {
  const shift = GRID_COLUMNS - sheet.printColumns;
  const merges: Merge[] = [];
  const blocks = sheet.blocks.map((block): SheetBlock => {
    if (block.col >= sheet.printColumns) return { ...block, col: block.col + shift };
    if (block.style !== 'table') return block;
    const spans = spansOf(tableWidths(block));
    const rows = block.header ? [block.header, ...block.rows] : block.rows;
    rows.forEach((cells, r) => {
      let col = block.col;
      cells.forEach((_, i) => {
        const cols = spans[i] ?? 1;
        if (cols > 1) merges.push({ row: block.row + r, col, cols });
        col += cols;
      });
    });
    return {
      ...block,
      ...(block.header ? { header: spread(block.header, spans, '') } : {}),
      rows: block.rows.map((cells) => spread<TableCell>(cells, spans, null)),
      formats: spread<CellFormat>(block.formats, spans, 'text'),
    };
  });
  return {
    ...sheet,
    blocks,
    merges,
    charts: sheet.charts.map((chart) =>
      chart.data.col >= sheet.printColumns ? { ...chart, data: { ...chart.data, col: chart.data.col + shift } } : chart,
    ),
    columnWidths: [
      ...new Array<number>(GRID_COLUMNS).fill(GRID_WIDTH),
      ...sheet.columnWidths.slice(sheet.printColumns),
    ],
    printColumns: GRID_COLUMNS,
  };
}
