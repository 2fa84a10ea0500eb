import ExcelJS from 'exceljs';
import type { SummaryWriter } from '../../core/ports';
import type { SummarySheet } from '../../core/render/sheetBlocks';
import { sheetGrid } from '../../core/render/sheetGrid';
import { writeOutputFile } from '../safeWrite';
import { addCharts } from './xlsxCharts';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

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
      if (background !== '#ffffff')
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
    }
  }
}

/** Draws rendered summary sheets into an exceljs workbook, replacing same-named generated tabs. */
export function addSummarySheets(workbook: ExcelJS.Workbook, sheets: readonly SummarySheet[]): void {
  for (const summary of sheets) {
    const existing = workbook.getWorksheet(summary.name);
    if (existing) workbook.removeWorksheet(existing.id);
    const sheet = workbook.addWorksheet(summary.name, { properties: { tabColor: { argb: 'FFF2A900' } } });
    summary.columnWidths.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
    writeGrid(sheet, summary);
    for (const link of summary.links) {
      const cell = sheet.getRow(link.row + 1).getCell(link.col + 1);
      cell.value = { text: link.cell, hyperlink: `#'${link.tab.replace(/'/g, "''")}'!${link.cell}` };
      cell.font = { color: { argb: 'FF0B4F8A' }, underline: true };
    }
  }
}

/**
 * Writes a copy of the tracking workbook with the summary tabs added. The agents' tabs are read
 * and written back as they are; the source file itself is never opened for writing.
 */
export class XlsxSummaryWriter implements SummaryWriter {
  constructor(
    private readonly sourcePath: string,
    private readonly outPath: string,
  ) {}

  async writeSummary(sheets: readonly SummarySheet[]): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(this.sourcePath);
    addSummarySheets(workbook, sheets);
    const written = new Uint8Array(await workbook.xlsx.writeBuffer());
    await writeOutputFile(this.outPath, await addCharts(written, sheets));
  }
}
