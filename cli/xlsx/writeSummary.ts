import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellFormat } from '../../core/metrics/model';
import type { SummaryWriter } from '../../core/ports';
import type { SheetBlock, SummarySheet } from '../../core/render/sheetBlocks';
import { addCharts } from './xlsxCharts';

/** Excel number formats; the reader's locale shows 1.010 and 81,58% in Indonesian Excel. */
const NUM_FMT: Record<CellFormat, string | null> = {
  text: null,
  int: '#,##0',
  dec1: '#,##0.0',
  dec2: '#,##0.00',
  pct0: '0%',
  pct1: '0.0%',
  pct2: '0.00%',
  change: '+0%;-0%;0%',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B4F8A' } };

function writeBlock(sheet: ExcelJS.Worksheet, block: SheetBlock): void {
  let r = block.row + 1;
  if (block.header) {
    const row = sheet.getRow(r++);
    block.header.forEach((text, i) => {
      const cell = row.getCell(block.col + 1 + i);
      cell.value = text;
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = HEADER_FILL;
    });
  }
  for (const values of block.rows) {
    const row = sheet.getRow(r++);
    values.forEach((value, i) => {
      if (value === null) return;
      const cell = row.getCell(block.col + 1 + i);
      const format = block.formats[i] ?? 'text';
      const isPct = format.startsWith('pct') || format === 'change';
      cell.value = typeof value === 'number' && isPct ? value / 100 : value;
      const numFmt = NUM_FMT[format];
      if (numFmt && typeof value === 'number') cell.numFmt = numFmt;
      if (block.style === 'title') cell.font = { bold: true, size: 16, color: { argb: 'FF0B4F8A' } };
      if (block.style === 'heading') cell.font = { bold: true, size: 12, color: { argb: 'FF0B4F8A' } };
      if (block.style === 'note') cell.font = { italic: true, color: { argb: 'FF6B7785' } };
    });
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
    for (const block of summary.blocks) writeBlock(sheet, block);
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
    await writeFile(this.outPath, await addCharts(written, sheets));
  }
}
