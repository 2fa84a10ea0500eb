/** Long agent text in generated cells: cut once in the grid, so every writer (Sheets, .xlsx) gets it. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SummarySheet } from '../../core/render/sheetBlocks';
import { fitCellText, MAX_GENERATED_CELL_CHARS, sheetGrid, TRUNCATION_MARKER } from '../../core/render/sheetGrid';
import { addSummarySheets } from '../../formats/xlsx/summaryWorkbook';

/** Three 30,000-character Pemda names joined as a sentence would join them: 90,047 characters. */
const joined = `${['A', 'B', 'C'].map((c) => c.repeat(30_000)).join(', ')}${'.'.repeat(43)}`;

const summary: SummarySheet = {
  name: 'Laporan 2025-01',
  blocks: [{ row: 0, col: 0, style: 'sentence', rows: [[joined], ['pendek'], [12345]], formats: ['int'] }],
  charts: [],
  links: [],
  columnWidths: [40],
  printColumns: 1,
  orientation: 'portrait',
};

describe('generated cells are never longer than Excel (32,767) or Sheets (50,000) accept', () => {
  it('cuts a 90,047-character cell to 32,767 with a visible marker; leaves short text and numbers', () => {
    expect(joined).toHaveLength(90_047);
    const grid = sheetGrid(summary);
    const cut = grid.values[0]?.[0];
    expect(typeof cut).toBe('string');
    expect(cut).toHaveLength(MAX_GENERATED_CELL_CHARS);
    expect(String(cut).endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(String(cut).startsWith('A'.repeat(30_000))).toBe(true);
    expect(grid.values[1]?.[0]).toBe('pendek');
    expect(grid.values[2]?.[0]).toBe(12345);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const emoji = '😀'.repeat(20_000);
    const cut = fitCellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(MAX_GENERATED_CELL_CHARS);
    expect(cut.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(cut.slice(0, -TRUNCATION_MARKER.length)).toBe('😀'.repeat((cut.length - TRUNCATION_MARKER.length) / 2));
    expect(fitCellText('x'.repeat(MAX_GENERATED_CELL_CHARS))).toBe('x'.repeat(MAX_GENERATED_CELL_CHARS));
  });

  it('the .xlsx writer writes the cut text, which Excel can open', async () => {
    const workbook = new ExcelJS.Workbook();
    addSummarySheets(workbook, [summary]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    const value = reread.getWorksheet('Laporan 2025-01')?.getCell('A1').value;
    expect(typeof value).toBe('string');
    expect(String(value)).toHaveLength(MAX_GENERATED_CELL_CHARS);
    expect(String(value).endsWith(TRUNCATION_MARKER)).toBe(true);
  });
});
