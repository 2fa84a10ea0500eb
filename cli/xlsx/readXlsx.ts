import ExcelJS from 'exceljs';
import { type CellValue, MAX_CELL_CHARS } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { checkXlsxSizes, readZipDirectory } from './zipDirectory';

/** Text past MAX_CELL_CHARS + 1 is never kept: core reports the cell as cut. */
const capText = (text: string): string => (text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS + 1) : text);

/** exceljs cell value → a plain cell; formulas give their cached result, rich text its text. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return capText(value);
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return capText(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result && typeof result === 'object' && 'error' in result) return String(result.error);
      return plainCell(result as ExcelJS.CellValue);
    }
    if ('text' in value) return capText(String((value as { text: unknown }).text));
  }
  return String(value);
}

/** One worksheet as rows of plain cells (row 0 = sheet row 1). */
export function worksheetGrid(sheet: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plainCell(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** Every tab of an .xlsx file (exceljs delivers date cells as UTC-encoded wall-clock, as core expects). */
export async function readXlsxFile(path: string): Promise<RawWorkbook> {
  checkXlsxSizes(await readZipDirectory(path));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tabs: Record<string, CellValue[][]> = {};
  for (const sheet of workbook.worksheets) tabs[sheet.name] = worksheetGrid(sheet);
  return tabs;
}
