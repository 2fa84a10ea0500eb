import type { CellValue } from '../../core/workbook/cells';
import { TABS } from '../../core/workbook/tabs';
import { type RawWorkbook, trackingTabOf } from '../../core/workbook/workbook';
import { wallClockConverter } from './wallClock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The spreadsheet's tabs, named (getName, one service call each) in tab order only as far as
 * needed. A team's spreadsheet gains an old "Laporan YYYY-MM" tab every month; naming every tab
 * on every run would make each run cost more than the last, so reading stops naming once all
 * tracking tabs are found, and a generated tab among the tabs not named is looked up by its name.
 */
export class SheetIndex {
  /** The tabs named so far, by name. */
  readonly named = new Map<string, Sheet>();
  /** The same tabs by their name in lower case: Sheets keeps names unique regardless of case. */
  private readonly folded = new Map<string, string>();
  private next = 0;

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly tabs: readonly Sheet[],
  ) {}

  /** How many tabs the spreadsheet had when it was listed. */
  get size(): number {
    return this.tabs.length;
  }

  /** How many tabs were not named yet. */
  get unnamed(): number {
    return this.tabs.length - this.next;
  }

  /** Names the next tab in tab order; null once every tab is named. */
  nameNext(): { name: string; sheet: Sheet } | null {
    const sheet = this.tabs[this.next];
    if (!sheet) return null;
    this.next++;
    const name = sheet.getName();
    this.named.set(name, sheet);
    this.folded.set(name.toLowerCase(), name);
    return { name, sheet };
  }

  nameAll(): void {
    while (this.nameNext());
  }

  /**
   * The tab called exactly `name`, or null. Once every tab is named the answer costs nothing;
   * otherwise it is one getSheetByName, and one getName when that finds a tab: getSheetByName is
   * reported to match the exact name, but a tab of the team's called "TREN" must never be taken for
   * the add-on's "Tren" if it answered in any case.
   */
  find(name: string): Sheet | null {
    const known = this.named.get(name);
    if (known || this.unnamed === 0) return known ?? null;
    const found = this.spreadsheet.getSheetByName(name);
    return found && found.getName() === name ? found : null;
  }

  /** A tab named so far whose name is `name` in another case ("TREN" for "Tren"), or null. */
  caseVariant(name: string): string | null {
    const other = this.folded.get(name.toLowerCase());
    return other !== undefined && other !== name ? other : null;
  }
}

export interface SheetsRead {
  readonly raw: RawWorkbook;
  /** The spreadsheet's tabs; every tracking tab among them is named. */
  readonly sheets: SheetIndex;
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
 *
 * Tabs are named in tab order until one tab of every kind was found: a tracking tab may be spelled
 * in any case or by an alias ("Vicon"), so it can only be recognised by its name. A second tab of
 * the same kind placed before that point is read (and reported by core as a duplicate); one placed
 * after it is not named, so not reported in the add-on's Validasi (the CLI and the bot read every tab).
 */
export function readTrackingTabs(spreadsheet: Spreadsheet): SheetsRead {
  const toWallClock = wallClockConverter(spreadsheet.getSpreadsheetTimeZone());
  const raw: Record<string, CellValue[][]> = {};
  const sheets = new SheetIndex(spreadsheet, spreadsheet.getSheets());
  const found = new Set<string>();
  while (found.size < TABS.length) {
    const tab = sheets.nameNext();
    if (!tab) break;
    const spec = trackingTabOf(tab.name);
    if (!spec) continue;
    found.add(spec.id);
    const values = allValues(tab.sheet);
    raw[tab.name] = values.map((row) =>
      row.map((cell): CellValue => {
        if (cell instanceof Date) return toWallClock(cell);
        if (cell === '' || cell === undefined) return null;
        return cell as CellValue;
      }),
    );
  }
  return { raw, sheets };
}
