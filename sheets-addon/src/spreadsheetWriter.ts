import type { SheetChart, SummarySheet } from '../../core/render/sheetBlocks';
import { sheetGrid } from '../../core/render/sheetGrid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CHART_TYPES = {
  donut: () => Charts.ChartType.PIE,
  bar: () => Charts.ChartType.COLUMN,
  line: () => Charts.ChartType.LINE,
} as const;

function insertChart(sheet: Sheet, chart: SheetChart): void {
  const { row, col, numRows, numCols } = chart.data;
  let builder = sheet
    .newChart()
    .setChartType(CHART_TYPES[chart.kind]())
    .addRange(sheet.getRange(row + 1, col + 1, numRows, numCols))
    .setNumHeaders(1)
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'bottom' })
    .setOption('width', 520)
    .setOption('height', 300);
  if (chart.kind === 'donut') builder = builder.setOption('pieHole', 0.5);
  sheet.insertChart(builder.build());
}

/** A link cell in Validasi: a formula that jumps to the offending cell of an agents' tab. */
const linkFormula = (gid: number, cell: string) => `=HYPERLINK("#gid=${gid}&range=${cell}","${cell}")`;

/**
 * Recreates the generated tabs (never a tab agents fill): the old tab is deleted, a new one is
 * written with one call per property (values, formats, weights, colours, sizes), charts are
 * inserted and the tab is protected warning-only.
 */
export function writeSummarySheets(
  spreadsheet: Spreadsheet,
  summaries: readonly SummarySheet[],
  existing: ReadonlyMap<string, Sheet>,
): void {
  const gids = new Map<string, number>();
  const gidOf = (tab: string): number | null => {
    if (!gids.has(tab)) {
      const sheet = existing.get(tab);
      if (!sheet) return null;
      gids.set(tab, sheet.getSheetId());
    }
    return gids.get(tab) ?? null;
  };
  let index = existing.size;
  for (const summary of summaries) {
    const old = existing.get(summary.name);
    if (old) {
      spreadsheet.deleteSheet(old);
      index--;
    }
    const sheet = spreadsheet.insertSheet(summary.name, index++);
    const grid = sheetGrid(summary);
    const values: (string | number)[][] = grid.values.map((row) => [...row]);
    for (const link of summary.links) {
      const gid = gidOf(link.tab);
      const row = values[link.row];
      if (gid !== null && row) row[link.col] = linkFormula(gid, link.cell);
    }
    const range = sheet.getRange(1, 1, grid.numRows, grid.numColumns);
    range.setValues(values);
    range.setNumberFormats(grid.numberFormats);
    range.setFontWeights(grid.fontWeights);
    range.setFontColors(grid.fontColors);
    range.setBackgrounds(grid.backgrounds);
    range.setFontSizes(grid.fontSizes);
    sheet.setColumnWidth(1, 320);
    if (grid.numColumns > 1) sheet.setColumnWidths(2, grid.numColumns - 1, 110);
    for (const chart of summary.charts) insertChart(sheet, chart);
    sheet.protect().setDescription('Dibuat otomatis oleh Laporan DJPK; perubahan akan ditimpa').setWarningOnly(true);
  }
}
