import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';

/** exceljs cell value → a plain cell; formulas give their cached result, rich text its text. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result && typeof result === 'object' && 'error' in result) return String(result.error);
      return plainCell(result as ExcelJS.CellValue);
    }
    if ('text' in value) return String((value as { text: unknown }).text);
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
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tabs: Record<string, CellValue[][]> = {};
  for (const sheet of workbook.worksheets) tabs[sheet.name] = worksheetGrid(sheet);
  return tabs;
}
