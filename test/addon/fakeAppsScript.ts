/**
 * An in-memory emulation of the Apps Script services the add-on uses, for running the BUILT bundle
 * in node:vm. Method signatures are checked against @types/google-apps-script; every call is
 * recorded so tests can assert what the add-on did (and how many spreadsheet calls it made). It is
 * as strict as the platform where the add-on could meet a rule: how each kind of execution runs and
 * what it may call, the manifest's scopes, google.script.run's wire, tab names, the cell limit and
 * the runtime limit. `PLATFORM` lists each rule with the page or report it follows.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { CellValue } from '../../core/workbook/cells';

/** The real API's parameter types for the listed methods; return types are the fake's own. */
type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P];
};

export interface Call {
  readonly target: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** Objects whose calls count as spreadsheet service calls. */
export const SPREADSHEET_TARGETS = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'Protection']);

/**
 * A data validation rule as the add-on builds it: a list of values or a range's values, and whether
 * another value only shows a warning (`allowInvalid`, PLATFORM.dataValidation).
 */
export interface ValidationRule {
  readonly values?: string[];
  readonly range?: { sheet: string; row: number; col: number; numRows: number; numCols: number };
  readonly showDropdown?: boolean;
  readonly allowInvalid: boolean;
  readonly helpText?: string;
}

export class CallLog {
  readonly calls: Call[] = [];
  /** Makes a call fail as a service error would (the message it returns is thrown), e.g. mid-write. */
  failWhen: ((call: Call, calls: readonly Call[]) => string | null) | null = null;
  /**
   * The runtime limit (PLATFORM.runtime) falls before the spreadsheet call after this many in the
   * next execution: that call and every later one fail, and the execution ends in TIMEOUT_MESSAGE
   * whatever the script catches, as Apps Script stops it where it is.
   */
  killAfter: number | null = null;
  killed = false;
  private spreadsheetCalls = 0;
  record(target: string, method: string, args: readonly unknown[]): void {
    const call = { target, method, args };
    if (this.killAfter !== null && SPREADSHEET_TARGETS.has(target)) {
      if (this.spreadsheetCalls >= this.killAfter) this.killed = true;
      this.spreadsheetCalls++;
    }
    if (this.killed) throw new Error(TIMEOUT_MESSAGE);
    this.calls.push(call);
    const failure = this.failWhen?.(call, this.calls);
    if (failure) throw new Error(failure);
  }
  /** Arms the runtime limit for the next execution (see killAfter). */
  killAtCall(n: number): void {
    this.killAfter = n;
    this.spreadsheetCalls = 0;
  }
  count(filter: (c: Call) => boolean = (c) => SPREADSHEET_TARGETS.has(c.target)): number {
    return this.calls.filter(filter).length;
  }
  clear(): void {
    this.calls.length = 0;
  }
}

const unwrapped = new WeakMap<object, object>();
/** The emulator's own object behind a recorded proxy, so that the emulator's internal calls are not logged. */
function unwrap<T extends object>(value: T): T {
  return (unwrapped.get(value) as T | undefined) ?? value;
}

/** Wraps an object so that each method call is logged under `target`. */
function recorded<T extends object>(log: CallLog, target: string, object: T): T {
  const proxy = new Proxy(object, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        log.record(target, prop, args);
        const result = value.apply(obj, args);
        // A method that returns its own object (chaining) returns the recorded proxy, so that
        // chained calls are counted like separate ones.
        return result === obj ? proxy : result;
      };
    },
  });
  unwrapped.set(proxy, object);
  return proxy;
}

/**
 * Google Sheets' limit on one cell ("Your input contains more than the maximum of 50000 characters
 * in a single cell"); the whole setValues call fails and writes nothing.
 */
export const SHEETS_MAX_CELL_CHARS = 50_000;

/**
 * What Sheets stores for a value given to setValues, which parses it as if a person typed it
 * (Sheets API ValueInputOption USER_ENTERED; Apps Script's setValues behaves so, cf.
 * brucemcpherson/gas-fakes#40). Modelled: in a cell not formatted as plain text ('@'), a string
 * starting with "=" is a formula, and so is one starting with "+" or "-" that is not a number (the
 * probe in issue 12 saw such agent text become live formulas); a number-like string becomes a
 * number; a leading apostrophe is consumed and forces text. In a plain-text cell the string is
 * stored exactly as given, apostrophe included. Dates typed as text are not modelled.
 */
function userEntered(value: unknown, numberFormat: string | undefined): { value: CellValue; formula: boolean } {
  if (typeof value !== 'string' || numberFormat === '@') return { value: value as CellValue, formula: false };
  if (value.startsWith("'")) return { value: value.slice(1), formula: false };
  if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return { value: Number(value), formula: false };
  if (/^[=+-]./.test(value)) return { value, formula: true };
  return { value, formula: false };
}

/** Wall-clock (UTC-encoded) ↔ instant in an IANA zone, as Sheets converts date cells. */
const formats = new Map<string, Intl.DateTimeFormat>();
function offsetMs(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  formats.set(timeZone, format);
  for (const p of format.formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
export function wallClockToInstant(timeZone: string, wallMs: number): number {
  const first = wallMs - offsetMs(timeZone, wallMs);
  return wallMs - offsetMs(timeZone, first);
}

/**
 * Size of a tab made by Spreadsheet.insertSheet: 1,000 rows × 26 columns (A–Z), the grid Sheets gives
 * every new sheet (Sheets API spreadsheets.create answers gridProperties rowCount 1000, columnCount
 * 26). A range beyond a tab's size is refused with OUTSIDE_SHEET (the Apps Script exception text as
 * scripts report it) until the tab is grown with insertRowsAfter / insertColumnsAfter. Kept apart
 * from the add-on's NEW_TAB_ROWS on purpose: the emulator models Sheets, not the add-on's belief.
 */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';

export interface ChartRecord {
  readonly type: string;
  readonly ranges: { row: number; col: number; numRows: number; numCols: number }[];
  readonly position: number[];
  readonly options: Record<string, unknown>;
}

export class FakeSheet
  implements
    Fake<
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'getName'
      | 'getSheetId'
      | 'getDataRange'
      | 'getRange'
      | 'insertChart'
      | 'protect'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'setFrozenRows'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getSheetValues'
      | 'setName'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'insertRowsAfter'
      | 'insertColumnsAfter'
    >
{
  /** Stored cells: what a person typed (dates as UTC-encoded wall-clock). */
  cells: CellValue[][] = [];
  numberFormats = new Map<string, string>();
  validations = new Map<string, ValidationRule>();
  notes: string[][] = [];
  charts: ChartRecord[] = [];
  protection: { warningOnly: boolean; description: string } | null = null;
  frozenRows = 0;
  styles = new Map<string, unknown[][]>();
  /** Number format of each cell (0-based), as set by setNumberFormats/setNumberFormat. */
  cellFormats: (string | undefined)[][] = [];
  /** Cells holding a formula (0-based "row,col") → the formula. */
  formulas = new Map<string, string>();
  /** Widths set by setColumnWidth(s), by 1-based column, in pixels. */
  columnWidths = new Map<number, number>();
  /** The tab's size (rows and columns it has, filled or not); a range beyond it is refused. */
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;

  constructor(
    readonly env: FakeEnvironment,
    public name: string,
    readonly id: number,
  ) {}

  /** What the team typed into the tab: the new-tab size, grown to hold the data (as typing past it does). */
  fill(cells: readonly (readonly CellValue[])[]) {
    this.cells = cells.map((r) => [...r]);
    this.maxRows = Math.max(NEW_SHEET_ROWS, this.getLastRow());
    this.maxColumns = Math.max(NEW_SHEET_COLUMNS, this.getLastColumn());
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  /**
   * Adds empty rows. Only adding them at the end is emulated (what the add-on does to a new tab):
   * rows inserted inside the grid would shift cells, formats and formulas, which nothing models.
   */
  insertRowsAfter(afterPosition: number, howMany: number) {
    if (afterPosition !== this.maxRows || !(howMany >= 1)) throw new Error('not emulated');
    this.env.spreadsheet.checkCells(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }
  /** Adds empty columns at the end (see insertRowsAfter). */
  insertColumnsAfter(afterPosition: number, howMany: number) {
    if (afterPosition !== this.maxColumns || !(howMany >= 1)) throw new Error('not emulated');
    this.env.spreadsheet.checkCells(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }
  /** Column widths outside the tab are refused like ranges outside it (message assumed). */
  private checkColumns(start: number, num: number) {
    if (start < 1 || start + num - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
  }

  getName() {
    return this.name;
  }
  getSheetId() {
    return this.id;
  }
  getLastRow() {
    return this.cells.length;
  }
  getLastColumn() {
    return Math.max(0, ...this.cells.map((r) => r.length));
  }
  /** Sets a tab's name; like Sheets, refuses a name another tab has in any case (PLATFORM.sheetNames). */
  setName(name: string) {
    this.env.spreadsheet.checkNewName(name, this);
    this.name = name;
    return this;
  }
  /**
   * -1 means "up to the last row/column with data". On an empty tab that range has no rows; the
   * emulator then fails as a 0-row range does (assumed; the add-on falls back to getDataRange).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number) {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return new FakeRange(this.env, this, startRow, startColumn, rows, cols).getValues();
  }
  /** Every formula in the tab, by A1-ish "row,col" (0-based). */
  formulaCells(): string[] {
    return [...this.formulas.keys()];
  }
  getDataRange() {
    return this.env.range(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(row: number | string, column?: number, numRows?: number, numColumns?: number) {
    if (typeof row === 'string') throw new Error('A1 notation is not emulated');
    return this.env.range(this, row, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }
  newChart() {
    return this.env.chartBuilder();
  }
  /** A chart's anchor cell must exist in the tab (assumed, like a range: the same message). */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    const [row = 1, column = 1] = (chart as unknown as ChartRecord).position;
    if (row > this.maxRows || column > this.maxColumns) throw new Error(OUTSIDE_SHEET);
    this.charts.push(chart as unknown as ChartRecord);
  }
  protect() {
    const protection = { warningOnly: false, description: '' };
    this.protection = protection;
    const api = {
      setWarningOnly: (v: boolean) => {
        protection.warningOnly = v;
        return proxied;
      },
      setDescription: (d: string) => {
        protection.description = d;
        return proxied;
      },
    };
    const proxied = recorded(this.env.log, 'Protection', api);
    return proxied;
  }
  setColumnWidth(column: number, width: number) {
    this.checkColumns(column, 1);
    this.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, num: number, width: number) {
    this.checkColumns(start, num);
    for (let c = start; c < start + num; c++) this.columnWidths.set(c, width);
    return this;
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
}

class FakeRange {
  constructor(
    readonly env: FakeEnvironment,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    if (row < 1 || col < 1 || numRows < 1 || numCols < 1)
      throw new Error(`Rentang tidak valid (${row}, ${col}, ${numRows}, ${numCols})`);
    if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) throw new Error(OUTSIDE_SHEET);
  }

  getValues(): unknown[][] {
    const VmDate = this.env.vmDate;
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numCols }, (_, c) => {
        const value = this.sheet.cells[this.row - 1 + r]?.[this.col - 1 + c];
        if (value === null || value === undefined) return '';
        if (value instanceof Date) return new VmDate(wallClockToInstant(this.env.timeZone, value.getTime()));
        return value;
      }),
    );
  }

  private checkShape(values: unknown[][], what: string): void {
    if (values.length !== this.numRows)
      throw new Error(`${what}: jumlah baris data (${values.length}) tidak sama dengan rentang (${this.numRows})`);
    for (const row of values) {
      if (row.length !== this.numCols)
        throw new Error(`${what}: jumlah kolom data (${row.length}) tidak sama dengan rentang (${this.numCols})`);
    }
  }

  private writeCells(
    values: unknown[][],
    store: (r: number, c: number, v: unknown) => { value: CellValue; formula: boolean },
  ) {
    for (const row of values) {
      for (const v of row) {
        if (typeof v === 'string' && v.length > SHEETS_MAX_CELL_CHARS)
          throw new Error(
            `Your input contains more than the maximum of ${SHEETS_MAX_CELL_CHARS} characters in a single cell.`,
          );
      }
    }
    values.forEach((row, r) => {
      const rr = this.row - 1 + r;
      const target = this.sheet.cells[rr] ?? [];
      row.forEach((v, c) => {
        const cc = this.col - 1 + c;
        const { value, formula } = store(rr, cc, v);
        target[cc] = value === '' ? null : value;
        if (formula) this.sheet.formulas.set(`${rr},${cc}`, String(value));
        else this.sheet.formulas.delete(`${rr},${cc}`);
      });
      this.sheet.cells[rr] = target;
    });
    return this;
  }

  setValues(values: unknown[][]) {
    this.checkShape(values, 'setValues');
    return this.writeCells(values, (r, c, v) => userEntered(v, this.sheet.cellFormats[r]?.[c]));
  }

  /** A formula for each cell; '' empties the cell. */
  setFormulas(formulas: string[][]) {
    this.checkShape(formulas, 'setFormulas');
    return this.writeCells(formulas, (_r, _c, f) => {
      const text = String(f);
      return { value: text, formula: text.startsWith('=') };
    });
  }

  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]) {
    return this.style('textStyles', styles);
  }

  private style(name: string, values: unknown[][]) {
    this.checkShape(values, name);
    this.sheet.styles.set(`${name}@${this.row},${this.col}`, values);
    return this;
  }
  setNumberFormats(values: string[][]) {
    this.style('numberFormats', values);
    values.forEach((row, r) => {
      row.forEach((format, c) => {
        this.setCellFormat(this.row - 1 + r, this.col - 1 + c, format);
      });
    });
    return this;
  }
  private setCellFormat(r: number, c: number, format: string) {
    const row = this.sheet.cellFormats[r] ?? [];
    row[c] = format;
    this.sheet.cellFormats[r] = row;
  }
  setFontWeights(values: unknown[][]) {
    return this.style('fontWeights', values);
  }
  setFontColors(values: unknown[][]) {
    return this.style('fontColors', values);
  }
  setBackgrounds(values: unknown[][]) {
    return this.style('backgrounds', values);
  }
  setFontSizes(values: unknown[][]) {
    return this.style('fontSizes', values);
  }
  setNotes(values: string[][]) {
    this.checkShape(values, 'setNotes');
    this.sheet.notes = values;
    return this;
  }
  setNumberFormat(format: string) {
    this.sheet.numberFormats.set(`${this.row},${this.col},${this.numRows},${this.numCols}`, format);
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numCols; c++) this.setCellFormat(this.row - 1 + r, this.col - 1 + c, format);
    return this;
  }
  setFontWeight(_w: string) {
    return this;
  }
  setBackground(_c: string) {
    return this;
  }
  setFontColor(_c: string) {
    return this;
  }
  setDataValidation(rule: ValidationRule) {
    this.sheet.validations.set(`${this.row},${this.col},${this.numRows},${this.numCols}`, rule);
    return this;
  }
}

export class FakeSpreadsheet
  implements
    Fake<
      GoogleAppsScript.Spreadsheet.Spreadsheet,
      'getSheets' | 'getSheetByName' | 'deleteSheet' | 'getSpreadsheetTimeZone' | 'toast' | 'getNumSheets'
    >
{
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  private nextId = 1000;

  constructor(readonly env: FakeEnvironment) {}

  addSheet(name: string, cells: CellValue[][]): FakeSheet {
    const sheet = new FakeSheet(this.env, name, this.nextId++);
    sheet.fill(cells);
    this.sheets.push(sheet);
    return sheet;
  }
  getSheets() {
    return this.sheets.map((s) => this.env.wrapSheet(s));
  }
  /** Exact name, or in any case when `env.sheetByNameIgnoresCase` (PLATFORM.sheetNames). */
  getSheetByName(name: string) {
    const same = (s: FakeSheet) =>
      this.env.sheetByNameIgnoresCase ? s.name.toLowerCase() === name.toLowerCase() : s.name === name;
    const found = this.sheets.find(same);
    return found ? this.env.wrapSheet(found) : null;
  }
  /** Refuses a tab name that another tab has in any case (PLATFORM.sheetNames). */
  checkNewName(name: string, renamed: FakeSheet | null = null): void {
    if (this.sheets.some((s) => s !== renamed && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
  /** The cells of every tab's grid, filled or not (PLATFORM.cellLimit). */
  cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }
  checkCells(added: number): void {
    if (this.cellCount() + added > CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
  }
  getNumSheets() {
    return this.sheets.length;
  }
  insertSheet(name: string | number, index?: number) {
    if (typeof name !== 'string') throw new Error('not emulated');
    this.checkNewName(name);
    this.checkCells(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const sheet = new FakeSheet(this.env, name, this.nextId++);
    this.sheets.splice(Math.min(index ?? this.sheets.length, this.sheets.length), 0, sheet);
    return this.env.wrapSheet(sheet);
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    const id = (unwrap(sheet) as unknown as FakeSheet).id;
    const i = this.sheets.findIndex((s) => s.id === id);
    if (i >= 0) this.sheets.splice(i, 1);
  }
  getSpreadsheetTimeZone() {
    return this.env.timeZone;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }
}

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

/** An HtmlOutput: its content, and the chainable size setters the add-on calls. */
function htmlOutput(content: string) {
  const output = { content, setWidth: () => output, setHeight: () => output, getContent: () => content };
  return output;
}

/**
 * How a function of the project runs, which decides what it may call (rules cited in PLATFORM below):
 * - `simpleTrigger`: onOpen, in AuthMode.NONE (add-on installed, not used in this file) or LIMITED;
 * - `menu`: an add-on menu item, AuthMode.FULL, with the spreadsheet, its UI and its document lock;
 * - `dialog`: a google.script.run call from a dialog: AuthMode.FULL as a menu item, arguments and
 *   return value crossing the wire (see `overTheWire`);
 * - `timeDriven`: an installable clock trigger, AuthMode.FULL but no document: no active
 *   spreadsheet, no UI, no document lock.
 */
export type Execution =
  | { readonly kind: 'simpleTrigger'; readonly authMode: 'NONE' | 'LIMITED' }
  | { readonly kind: 'menu' }
  | { readonly kind: 'dialog' }
  | { readonly kind: 'timeDriven' };

/**
 * The platform rules this emulator enforces, each with the page or report it follows. Services the
 * add-on does not call (ScriptApp, PropertiesService, UrlFetchApp, …) are not defined at all, so a
 * new call fails here until it is emulated with its own rules.
 */
export const PLATFORM = {
  /**
   * Each execution loads the whole script afresh and runs its global statements under the
   * execution's authorization mode (Editor add-on authorization, "The Editor add-on is opened":
   * "the entire script loads and global statements run under the same authorization mode as
   * onOpen"); nothing a previous execution kept in a global survives.
   */
  freshGlobals: 'developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle',
  /**
   * AuthMode.NONE: no access to the document, properties or other services but Logger/Utilities;
   * UI only to add menu items. LIMITED: the document, properties, menus; no dialogs ("Add-ons can't
   * open sidebars or dialogs while executing in AuthMode.LIMITED"). Menu items, google.script.run
   * and installable triggers run in FULL (the table "Occurs for" on the same page).
   */
  authModes: 'developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes',
  /**
   * With `oauthScopes` set in the manifest, a call needing a scope not listed fails ("Specified
   * permissions are not sufficient to call Ui.showSidebar", as a live install reported it):
   * getActiveSpreadsheet needs spreadsheets.currentonly (or spreadsheets), openById the full
   * spreadsheets scope, dialogs script.container.ui (Apps Script reference, "Authorization").
   */
  explicitScopes: 'developers.google.com/apps-script/concepts/scopes#set_explicit_scopes',
  /**
   * Installable triggers of add-ons run without a document: getActiveSpreadsheet() returns null,
   * getUi() throws "Cannot call SpreadsheetApp.getUi() from this context.", and they send no error
   * mail ("Installable triggers in add-ons don't send error emails … handle errors on behalf of the
   * user"; editor-triggers, Restrictions). getDocumentLock() "If this method is called outside of the
   * context of a containing document … null is returned" (LockService reference). The trigger library
   * vtst/google-apps-scripts (VtstAddonTriggerLib) reports that a time-driven add-on trigger must open
   * its file with openById and so needs the full spreadsheets scope.
   */
  timeDriven: 'developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions_2',
  /**
   * google.script.run: parameters and return values may be primitives, null, and objects and arrays
   * made of them; "Requests fail if you attempt to pass a Date, Function, DOM element besides a
   * form, or other prohibited type, including prohibited types inside objects or arrays. Objects
   * that create circular references will also fail, and undefined fields within arrays become
   * null"; "return types are subject to the same restrictions as parameter types". A thrown error
   * reaches withFailureHandler as an Error with its message.
   */
  scriptRun: 'developers.google.com/apps-script/guides/html/reference/run',
  /**
   * Tab names are unique regardless of case: Sheets refuses a second "tren" beside "Tren", from the
   * UI and the API alike (socialpoint-labs/sheetfu#26), with "A sheet with the name … already
   * exists". getSheetByName matches the exact name (as Apps Script code reports it:
   * "getSheetByName is case-sensitive"); `sheetByNameIgnoresCase` tries the other answer.
   */
  sheetNames: 'github.com/socialpoint-labs/sheetfu/pull/26',
  /**
   * A spreadsheet holds at most 10 million cells (Google Drive help, "Files you can store in Google
   * Drive"); the grid of every tab counts, filled or not, and growing past it fails with "This
   * action would increase the number of cells in the workbook above the limit of 10000000 cells."
   */
  cellLimit: 'support.google.com/drive/answer/37603',
  /**
   * Script runtime: 6 min / execution (Apps Script quotas). Apps Script stops the execution where it
   * is: no catch or finally of the script runs, so a half-built tab stays until the next run.
   */
  runtime: 'developers.google.com/apps-script/guides/services/quotas',
  /**
   * DataValidationBuilder (Apps Script reference, spreadsheet/data-validation-builder; the same
   * signatures in @types/google-apps-script): requireValueInList(values, showDropdown),
   * requireValueInRange(range, showDropdown) "require that the input is equal to a value in the
   * given range", setAllowInvalid(allowInvalidData) "whether to show a warning when input fails data
   * validation or whether to reject the input entirely", setHelpText(helpText) the text shown then.
   */
  dataValidation: 'developers.google.com/apps-script/reference/spreadsheet/data-validation-builder',
} as const;

export const CELL_LIMIT = 10_000_000;
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

const SCOPE = {
  currentonly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
} as const;

/** The manifest the add-on ships (the build copies it as is). */
export const MANIFEST_SCOPES: readonly string[] = JSON.parse(
  readFileSync(new URL('../../sheets-addon/appsscript.json', import.meta.url), 'utf8'),
).oauthScopes;

/** Thrown by the emulator when a value may not cross google.script.run (PLATFORM.scriptRun). */
export class WireError extends Error {}

const tagOf = (value: object) => Object.prototype.toString.call(value).slice(8, -1);

/**
 * A value as google.script.run hands it to the other side, or a WireError naming the first value
 * that may not cross. Not documented, so refused here too: NaN and ±Infinity, and objects other than
 * plain objects and arrays (Map, Set, typed arrays, class instances), which JSON would silently turn
 * into something else. An undefined object field is dropped (JSON-like, not documented).
 */
export function overTheWire(value: unknown, path = 'nilai', seen = new Set<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new WireError(`${path}: ${value} tidak dapat dikirim`);
    return value;
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'object') throw new WireError(`${path}: ${typeof value} tidak dapat dikirim`);
  if (seen.has(value)) throw new WireError(`${path}: referensi melingkar`);
  const tag = tagOf(value);
  const proto = Object.getPrototypeOf(value);
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  if (tag === 'Array' && Array.isArray(value)) {
    seen.add(value);
    const copy = value.map((item, i) => {
      const crossed = overTheWire(item, `${path}[${i}]`, seen);
      return crossed === undefined ? null : crossed;
    });
    seen.delete(value);
    return copy;
  }
  if (tag !== 'Object' || !plain) throw new WireError(`${path}: ${tag} tidak dapat dikirim`);
  seen.add(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const crossed = overTheWire(item, `${path}.${key}`, seen);
    if (crossed !== undefined) copy[key] = crossed;
  }
  seen.delete(value);
  return copy;
}

/** What a google.script.run call ends in: the success handler's value or the failure handler's message. */
export type RunOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

/** The whole fake environment: spreadsheet, UI, lock, executions and their contexts. */
export class FakeEnvironment {
  readonly log = new CallLog();
  readonly spreadsheet: FakeSpreadsheet;
  readonly menu: (MenuItem | 'separator')[] = [];
  readonly alerts: string[] = [];
  readonly dialogs: { title: string; html: string }[] = [];
  /** The project's HTML files (dist/addon/*.html) by name without extension. */
  readonly htmlFiles = new Map<string, string>();
  /** The manifest's oauthScopes (PLATFORM.explicitScopes). */
  scopes: readonly string[] = MANIFEST_SCOPES;
  /** Another execution holds the document lock (someone else is generating the report). */
  lockHeldByOther = false;
  /** getSheetByName's other possible answer (PLATFORM.sheetNames). */
  sheetByNameIgnoresCase = false;
  vmDate: DateConstructor = Date;
  /** The execution running now, and what it logged as console.error. */
  current: Execution | null = null;
  readonly errors: string[] = [];
  private script: vm.Script | null = null;
  private lockHeld = false;

  constructor(readonly timeZone = 'Asia/Jakarta') {
    this.spreadsheet = new FakeSpreadsheet(this);
  }

  range(sheet: FakeSheet, row: number, col: number, numRows: number, numCols: number) {
    return recorded(this.log, 'Range', new FakeRange(this, sheet, row, col, numRows, numCols));
  }
  wrapSheet(sheet: FakeSheet) {
    return recorded(this.log, 'Sheet', sheet);
  }

  chartBuilder() {
    const chart: ChartRecord = { type: '', ranges: [], position: [], options: {} };
    const builder = {
      setChartType: (type: string) => {
        (chart as { type: string }).type = type;
        return proxied;
      },
      addRange: (range: FakeRange) => {
        chart.ranges.push({ row: range.row, col: range.col, numRows: range.numRows, numCols: range.numCols });
        return proxied;
      },
      setNumHeaders: () => proxied,
      setPosition: (...p: number[]) => {
        chart.position.push(...p);
        return proxied;
      },
      setOption: (key: string, value: unknown) => {
        chart.options[key] = value;
        return proxied;
      },
      build: () => chart,
    };
    const proxied = recorded(this.log, 'EmbeddedChartBuilder', builder);
    return proxied;
  }

  /** Fails like Apps Script when the manifest lacks every scope in `anyOf` (PLATFORM.explicitScopes). */
  private requireScope(what: string, anyOf: readonly string[]): void {
    if (!anyOf.some((s) => this.scopes.includes(s)))
      throw new Error(`Specified permissions are not sufficient to call ${what}. Required permissions: ${anyOf[0]}`);
  }

  /** Fails unless the running execution may `what` (PLATFORM.authModes). */
  private requireMode(what: string, allowed: (e: Execution) => boolean): void {
    const e = this.current ?? { kind: 'menu' };
    if (!allowed(e)) {
      const mode = e.kind === 'simpleTrigger' ? `AuthMode.${e.authMode}` : e.kind;
      throw new Error(`${what} is not allowed in ${mode} (editor add-on authorization modes).`);
    }
  }

  /** The globals the bundle sees in an execution. */
  services(): Record<string, unknown> {
    const env = this;
    const full = (e: Execution) => e.kind !== 'simpleTrigger';
    const _withDocument = (e: Execution) =>
      e.kind !== 'timeDriven' && !(e.kind === 'simpleTrigger' && e.authMode === 'NONE');
    const ui = {
      ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL' },
      Button: { OK: 'OK', CANCEL: 'CANCEL' },
      createAddonMenu() {
        const menu = {
          addItem(caption: string, functionName: string) {
            env.menu.push({ caption, functionName });
            return proxiedMenu;
          },
          addSeparator() {
            env.menu.push('separator');
            return proxiedMenu;
          },
          addToUi() {},
        };
        const proxiedMenu = recorded(env.log, 'Menu', menu);
        return proxiedMenu;
      },
      alert(title: string, message?: string) {
        env.requireMode('Ui.alert', full);
        env.alerts.push(message ?? title);
        return 'OK';
      },
      showModalDialog(output: { content: string }, title: string) {
        env.requireMode('Ui.showModalDialog', full);
        env.requireScope('Ui.showModalDialog', [SCOPE.ui]);
        env.dialogs.push({ title, html: output.content });
      },
    };
    const spreadsheetApp = {
      getActiveSpreadsheet: () => {
        env.requireMode(
          'SpreadsheetApp.getActiveSpreadsheet',
          (e) => !(e.kind === 'simpleTrigger' && e.authMode === 'NONE'),
        );
        env.requireScope('SpreadsheetApp.getActiveSpreadsheet', [SCOPE.currentonly, SCOPE.spreadsheets]);
        if (env.current?.kind === 'timeDriven') return null;
        return recorded(env.log, 'Spreadsheet', env.spreadsheet);
      },
      getUi: () => {
        if (env.current?.kind === 'timeDriven')
          throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return recorded(env.log, 'Ui', ui);
      },
      newTextStyle: () => {
        const style = { bold: false, color: '#000000', size: 10 };
        const builder = {
          setBold: (bold: boolean) => {
            style.bold = bold;
            return proxiedStyle;
          },
          setForegroundColor: (color: string) => {
            style.color = color;
            return proxiedStyle;
          },
          setFontSize: (size: number) => {
            style.size = size;
            return proxiedStyle;
          },
          build: () => ({ ...style }),
        };
        const proxiedStyle = recorded(env.log, 'TextStyleBuilder', builder);
        return proxiedStyle;
      },
      newDataValidation: () => {
        const rule: { -readonly [K in keyof ValidationRule]: ValidationRule[K] } = { allowInvalid: true };
        const builder: Fake<
          GoogleAppsScript.Spreadsheet.DataValidationBuilder,
          'requireValueInList' | 'setAllowInvalid' | 'setHelpText'
        > & { requireValueInRange(range: FakeRange, showDropdown?: boolean): unknown; build(): ValidationRule } = {
          requireValueInList: (values: string[]) => {
            rule.values = values;
            return builder;
          },
          // A drop-down of a range's values (PLATFORM.dataValidation): kept as the range it reads,
          // which must be a range of this spreadsheet, whatever tab it is on.
          requireValueInRange: (range: FakeRange, showDropdown = true) => {
            const source = unwrapped.get(range as object) ?? range;
            if (!(source instanceof FakeRange)) throw new Error('requireValueInRange needs a Range');
            rule.range = {
              sheet: source.sheet.name,
              row: source.row,
              col: source.col,
              numRows: source.numRows,
              numCols: source.numCols,
            };
            rule.showDropdown = showDropdown;
            return builder;
          },
          setAllowInvalid: (v: boolean) => {
            rule.allowInvalid = v;
            return builder;
          },
          setHelpText: (text: string) => {
            rule.helpText = text;
            return builder;
          },
          build: () => ({ ...rule }),
        };
        return recorded(env.log, 'DataValidationBuilder', builder);
      },
    };
    const lock = {
      tryLock: () => {
        if (env.lockHeldByOther || env.lockHeld) return false;
        env.lockHeld = true;
        return true;
      },
      releaseLock: () => {
        env.lockHeld = false;
      },
    };
    return {
      SpreadsheetApp: recorded(env.log, 'SpreadsheetApp', spreadsheetApp),
      HtmlService: recorded(env.log, 'HtmlService', {
        createHtmlOutput: (html: string) => {
          env.requireMode('HtmlService.createHtmlOutput', full);
          return htmlOutput(html);
        },
        // The project's .html files by name without extension, as Apps Script resolves them.
        createHtmlOutputFromFile: (name: string) => {
          env.requireMode('HtmlService.createHtmlOutputFromFile', full);
          const content = env.htmlFiles.get(name);
          if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return htmlOutput(content);
        },
      }),
      LockService: recorded(env.log, 'LockService', {
        getDocumentLock: () => {
          env.requireMode('LockService.getDocumentLock', (e) => !(e.kind === 'simpleTrigger' && e.authMode === 'NONE'));
          return env.current?.kind === 'timeDriven' ? null : recorded(env.log, 'Lock', lock);
        },
      }),
      Charts: { ChartType: { PIE: 'PIE', COLUMN: 'COLUMN', LINE: 'LINE' } },
      console: {
        log: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => {
          env.errors.push(args.map(String).join(' '));
        },
      },
    };
  }

  /** The top-level functions of the loaded script, each running as its own `menu` execution. */
  load(code: string): Record<string, (...args: unknown[]) => unknown> {
    this.script = new vm.Script(code, { filename: 'Code.js' });
    const names = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1] ?? '');
    return Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => this.run(name, args)]));
  }

  /**
   * Runs the top-level function `name` as one execution: a fresh global scope with this
   * execution's services (PLATFORM.freshGlobals), the document lock released at the end, and a run
   * past the deadline (`log.killAfter`) ending in TIMEOUT_MESSAGE whatever the script caught.
   */
  run(name: string, args: readonly unknown[] = [], execution: Execution = { kind: 'menu' }): unknown {
    if (!this.script) throw new Error('no script loaded');
    if (this.current) throw new Error(`${name} started inside another execution`);
    this.current = execution;
    try {
      const context = vm.createContext({ ...this.services() });
      this.vmDate = vm.runInContext('Date', context) as DateConstructor;
      this.script.runInContext(context);
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      let result: unknown;
      let failure: unknown = null;
      try {
        result = fn(...args);
      } catch (error) {
        failure = error;
      }
      if (this.log.killed) throw new Error(TIMEOUT_MESSAGE);
      if (failure) throw failure;
      return result;
    } finally {
      this.current = null;
      this.lockHeld = false;
      this.log.killed = false;
      this.log.killAfter = null;
    }
  }

  /**
   * `google.script.run.withSuccessHandler(…).withFailureHandler(…).name(...args)` from a dialog
   * (PLATFORM.scriptRun): arguments the client cannot send throw a WireError here, as the request
   * fails in the browser; a return value that may not cross throws a WireError too (the dialog would
   * get nothing usable); a thrown error becomes the failure handler's message.
   */
  scriptRun(name: string, ...args: unknown[]): RunOutcome {
    const sent = args.map((a, i) => overTheWire(a, `argumen ${i + 1}`));
    let value: unknown;
    try {
      value = this.run(name, sent, { kind: 'dialog' });
    } catch (error) {
      if (error instanceof WireError) throw error;
      const message = error !== null && typeof error === 'object' && 'message' in error ? error.message : error;
      return { ok: false, error: String(message) };
    }
    return { ok: true, value: overTheWire(value, `hasil ${name}`) };
  }
}
