import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CHART_ROWS, REPORT_SHEET_PREFIX, type SummarySheet } from '../../core/render/sheetBlocks';
import { sheetGrid } from '../../core/render/sheetGrid';
import { type GridSheet, type Merge, onPageGrid } from '../../core/render/sheetLayout';
import { xmlSafeText } from '../../core/text/xmlText';
import { columnLetter } from '../../core/workbook/findings';
import { addCharts } from './xlsxCharts';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Characters of 10 pt text per width unit of a column, and points per wrapped line. */
const CHARS_PER_UNIT = 1.1;
const LINE_POINTS = 14;

/** Writes one summary sheet's grid (the same grid the Sheets add-on writes) into a worksheet. */
function writeGrid(sheet: ExcelJS.Worksheet, summary: SummarySheet): void {
  const grid = sheetGrid(summary);
  for (let r = 0; r < grid.numRows; r++) {
    const row = sheet.getRow(r + 1);
    for (let c = 0; c < grid.numColumns; c++) {
      const value = grid.values[r]?.[c] ?? '';
      if (value === '') continue;
      const cell = row.getCell(c + 1);
      cell.value = value;
      const format = grid.numberFormats[r]?.[c] ?? '@';
      if (typeof value === 'number') cell.numFmt = format;
      cell.font = {
        bold: grid.fontWeights[r]?.[c] === 'bold',
        size: grid.fontSizes[r]?.[c] ?? 10,
        color: { argb: argb(grid.fontColors[r]?.[c] ?? '#1d2733') },
      };
      const background = grid.backgrounds[r]?.[c] ?? '#ffffff';
      if (background !== '#ffffff') {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
        // Header cells: long headers ("Perubahan thd Des-24") wrap instead of widening the column.
        cell.alignment = { wrapText: true, vertical: 'middle' };
      }
    }
  }
}

/**
 * Sentences and notes span the printed columns and wrap, so no sentence is cut at the page's edge
 * or by the cells beside it; the row is made as high as its wrapped lines.
 */
function spanTexts(sheet: ExcelJS.Worksheet, summary: SummarySheet | GridSheet): void {
  const width = summary.columnWidths.slice(0, summary.printColumns).reduce((a, b) => a + b, 0);
  const last = columnLetter(summary.printColumns - 1);
  for (const block of summary.blocks) {
    if (block.style !== 'sentence' && block.style !== 'note') continue;
    block.rows.forEach((cells, i) => {
      const text = String(cells[0] ?? '');
      const r = block.row + i + 1;
      if (summary.printColumns > 1) sheet.mergeCells(`A${r}:${last}${r}`);
      const cell = sheet.getCell(`A${r}`);
      cell.alignment = { wrapText: true, vertical: 'top' };
      const lines = Math.max(1, Math.ceil(text.length / (width * CHARS_PER_UNIT)));
      sheet.getRow(r).height = lines * LINE_POINTS + 2;
    });
  }
  // Table cells (and headers) longer than their column (or merged run of columns) wrap; the row
  // grows to the longest one.
  const merged = new Map(
    (('merges' in summary ? summary.merges : []) as readonly Merge[]).map((m) => [`${m.row}:${m.col}`, m.cols]),
  );
  const widthAt = (r: number, col: number) =>
    summary.columnWidths.slice(col, col + (merged.get(`${r}:${col}`) ?? 1)).reduce((a, b) => a + b, 0) || 10;
  for (const block of summary.blocks) {
    if (block.style !== 'table') continue;
    const rows = block.header ? [block.header, ...block.rows] : block.rows;
    rows.forEach((cells, i) => {
      const r = block.row + i + 1;
      let lines = 1;
      cells.forEach((value, c) => {
        const col = block.col + c;
        if (typeof value !== 'string' || col >= summary.printColumns) return;
        // Text after a right-aligned number ("-32%" | "DBH (128)") keeps a gap.
        // (A header keeps its column's alignment: indented over text, not over numbers.)
        const isHeader = block.header !== undefined && i === 0;
        if (c > 0 && value && (!isHeader || (block.formats[c] ?? 'text') === 'text')) {
          const cell = sheet.getRow(r).getCell(col + 1);
          cell.alignment = { ...cell.alignment, horizontal: 'left', indent: 1 };
        }
        const fits = Math.floor(widthAt(r - 1, col) * CHARS_PER_UNIT) - 1;
        if (value.length <= fits) return;
        lines = Math.max(lines, Math.ceil(value.length / fits));
        const cell = sheet.getRow(r).getCell(col + 1);
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      });
      if (lines > 1) {
        sheet.getRow(r).height = Math.min(409, lines * LINE_POINTS + 2);
        // Every cell of a tall row starts at its top, so numbers stay level with their label.
        cells.forEach((_, c) => {
          const cell = sheet.getRow(r).getCell(block.col + c + 1);
          cell.alignment = { ...cell.alignment, vertical: 'top' };
        });
      }
    });
  }
}

/** Each table cell merged across its span of the page grid (core/render/sheetLayout.ts). */
function mergeSpans(sheet: ExcelJS.Worksheet, merges: readonly Merge[]): void {
  for (const m of merges) sheet.mergeCells(m.row + 1, m.col + 1, m.row + 1, m.col + m.cols);
}

/** Printable A4 (points) inside the margins below, and points per unit of column width. */
const PRINTABLE = { portrait: { width: 523, height: 720 }, landscape: { width: 770, height: 480 } } as const;
const POINTS_PER_UNIT = 6.7;

/**
 * Charts are never split across printed pages: rows are added up (at the scale that fits the
 * page's width) and a page break goes before a chart that would cross the page's end.
 */
function keepChartsWhole(sheet: ExcelJS.Worksheet, summary: SummarySheet): void {
  const page = PRINTABLE[summary.orientation];
  const width = summary.columnWidths.slice(0, summary.printColumns).reduce((a, b) => a + b, 0) * POINTS_PER_UNIT;
  // The scale is an estimate (fonts differ between Excel and LibreOffice): keep 12% in hand.
  const pageHeight = (0.88 * page.height) / Math.min(1, page.width / width);
  const anchors = new Set(summary.charts.map((c) => c.anchor.row));
  const chartHeight = CHART_ROWS * 15;
  let used = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (anchors.has(r - 1) && r > 1 && used + chartHeight > pageHeight) {
      sheet.getRow(r - 1).addPageBreak();
      used = 0;
    }
    used += sheet.getRow(r).height || 15;
    if (used > pageHeight) used -= pageHeight;
  }
}

/** A4, fitted to the page's width (any number of pages down), page numbers in the footer. */
function pageSetup(sheet: ExcelJS.Worksheet, summary: SummarySheet): void {
  // The page ends below the last chart, not at the last cell.
  const lastRow = Math.max(1, sheet.rowCount, ...summary.charts.map((c) => c.anchor.row + CHART_ROWS));
  sheet.pageSetup = {
    paperSize: 9,
    orientation: summary.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    // exceljs only prefixes "$" to each end ("A1" → "$A1", a relative row): give it "A$1".
    printArea: `A$1:${columnLetter(summary.printColumns - 1)}$${lastRow}`,
  };
  sheet.headerFooter = { oddFooter: `&L&8${summary.name}&R&8Halaman &P dari &N` };
}

/**
 * Draws rendered summary sheets into an exceljs workbook, replacing same-named generated tabs.
 * The generated tabs come first and the workbook opens on the report tab.
 */
export function addSummarySheets(workbook: ExcelJS.Workbook, sheets: readonly (SummarySheet | GridSheet)[]): void {
  const added: ExcelJS.Worksheet[] = [];
  for (const summary of sheets) {
    const existing = workbook.getWorksheet(summary.name);
    if (existing) workbook.removeWorksheet(existing.id);
    const sheet = workbook.addWorksheet(summary.name, {
      properties: { tabColor: { argb: 'FFF2A900' } },
      views: [{ showGridLines: false }],
    });
    summary.columnWidths.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
      // The charts' data columns are hidden (the charts still show them): they are not part of
      // the page, and a print fits the page's columns alone to the paper's width.
      if (i >= summary.printColumns && summary.charts.length) sheet.getColumn(i + 1).hidden = true;
    });
    writeGrid(sheet, summary);
    if ('merges' in summary) mergeSpans(sheet, summary.merges);
    spanTexts(sheet, summary);
    for (const link of summary.links) {
      const cell = sheet.getRow(link.row + 1).getCell(link.col + 1);
      cell.value = { text: link.cell, hyperlink: `#'${link.tab.replace(/'/g, "''")}'!${link.cell}` };
      cell.font = { color: { argb: 'FF0B4F8A' }, underline: true };
    }
    pageSetup(sheet, summary);
    keepChartsWhole(sheet, summary);
    added.push(sheet);
  }
  // exceljs writes sheets in orderNo order: the generated tabs before the agents' tabs.
  added.forEach((sheet, i) => {
    (sheet as unknown as { orderNo: number }).orderNo = -added.length + i;
  });
  for (const sheet of workbook.worksheets) {
    const selected = sheet.name.startsWith(REPORT_SHEET_PREFIX) && added.includes(sheet);
    sheet.views = (sheet.views.length ? sheet.views : [{}]).map((view) => ({ ...view, tabSelected: selected }));
  }
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
}

/**
 * Printing the whole workbook (LibreOffice's default, Excel's "Print Entire Workbook") prints the
 * report, Validasi and Tren, not the agents' logs (139 pages for the sample): each log tab's print
 * area is one empty cell right of its data, and a page without content is not printed (LibreOffice
 * "Suppress output of empty pages", on by default; Excel skips blank pages). The logs stay visible
 * and editable; the report tab's note says how to print one (clear its print area). Excel's default,
 * "Print Active Sheets", prints the report tab alone (the one selected tab).
 */
function keepLogsFromPrint(workbook: ExcelJS.Workbook, generated: readonly SummarySheet[]): void {
  const names = new Set(generated.map((s) => s.name));
  for (const sheet of workbook.worksheets) {
    if (names.has(sheet.name)) continue;
    const empty = columnLetter(Math.max(sheet.columnCount, 1));
    sheet.pageSetup.printArea = `${empty}$1:${empty}$1`;
  }
}

/**
 * A copy of the tracking workbook with the summary tabs added, as .xlsx bytes. The agents' tabs
 * are read and written back as they are; the source file itself is only read.
 */
export async function summaryWorkbook(sourcePath: string, sheets: readonly SummarySheet[]): Promise<Uint8Array> {
  const workbook = await readForCopy(sourcePath);
  // The report tab on the page grid: each table with its own column widths.
  const laid = sheets.map((s) => (s.name.startsWith(REPORT_SHEET_PREFIX) ? onPageGrid(s) : s));
  addSummarySheets(workbook, laid);
  keepLogsFromPrint(workbook, laid);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return addCharts(written, laid);
}

/**
 * The tracking workbook as exceljs reads it. A file holding characters XML forbids (exceljs itself
 * writes U+FFFE raw) is refused by exceljs's strict parser; its copy then carries the text without
 * them, as the report does (core's findings name the tracking cells).
 */
async function readForCopy(sourcePath: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(sourcePath);
    return workbook;
  } catch (error) {
    if (!/disallowed character/i.test(error instanceof Error ? error.message : '')) throw error;
  }
  const zip = await JSZip.loadAsync(await readFile(sourcePath));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/i.test(name)) continue;
    zip.file(name, xmlSafeText(await entry.async('string')));
  }
  const cleaned = new ExcelJS.Workbook();
  await cleaned.xlsx.load((await zip.generateAsync({ type: 'arraybuffer' })) as ArrayBuffer);
  return cleaned;
}
