import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/workbook/cells';

/** Writes plain rows into a new worksheet; dates keep their wall-clock time, header row bold and frozen. */
export function addGridSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  grid: readonly (readonly CellValue[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  grid.forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) {
        const hasTime = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0;
        cell.numFmt = hasTime ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
      }
    });
  });
  sheet.getRow(1).font = { bold: true };
  const widths = (grid[0] ?? []).map((_, c) =>
    Math.min(
      60,
      Math.max(
        10,
        ...grid
          .slice(0, 200)
          .map((row) => String(row[c] instanceof Date ? 'dd/mm/yyyy hh:mm' : (row[c] ?? '')).length + 2),
      ),
    ),
  );
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  return sheet;
}
