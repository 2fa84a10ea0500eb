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
 * All values of a tab in one call: getSheetValues with -1 reads up to the last row and column with
 * data (Apps Script reference, Sheet.getSheetValues). On an empty tab that range has no rows and the
 * call fails; getDataRange() then returns the single empty cell (and a real service error repeats).
 */
function allValues(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    return sheet.getDataRange().getValues();
  }
}

/**
 * Reads every tracking tab with one batched read each; generated and unrelated tabs are not
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
    const values = allValues(sheet);
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
