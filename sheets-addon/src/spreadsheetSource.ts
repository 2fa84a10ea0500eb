import type { CellValue } from '../../core/workbook/cells';
import { type RawWorkbook, trackingTabOf } from '../../core/workbook/workbook';
import { wallClockConverter } from './wallClock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetsRead {
  readonly raw: RawWorkbook;
  /** Every sheet by name (tracking tabs, generated tabs and others), as getSheets() returned them. */
  readonly sheets: ReadonlyMap<string, Sheet>;
}

/**
 * Reads every tracking tab with one batched getValues() each; generated and unrelated tabs are not
 * read. Empty cells become null, dates become wall-clock in the spreadsheet's zone.
 */
export function readTrackingTabs(spreadsheet: Spreadsheet): SheetsRead {
  const toWallClock = wallClockConverter(spreadsheet.getSpreadsheetTimeZone());
  const raw: Record<string, CellValue[][]> = {};
  const sheets = new Map<string, Sheet>();
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    sheets.set(name, sheet);
    if (!trackingTabOf(name)) continue;
    const values: unknown[][] = sheet.getDataRange().getValues();
    raw[name] = values.map((row) =>
      row.map((cell): CellValue => {
        if (cell instanceof Date) return toWallClock(cell);
        if (cell === '' || cell === undefined) return null;
        return cell as CellValue;
      }),
    );
  }
  return { raw, sheets };
}
