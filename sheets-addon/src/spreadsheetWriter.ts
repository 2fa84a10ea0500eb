import {
  type CellLink,
  REPORT_SHEET_PREFIX,
  type SheetChart,
  type SummarySheet,
  TREND_SHEET,
  VALIDATION_SHEET,
} from '../../core/render/sheetBlocks';
import { sheetGrid } from '../../core/render/sheetGrid';
import { explained, messageOf, SpreadsheetProblem } from './errors';
import type { SheetIndex } from './spreadsheetSource';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;

/**
 * A generated tab is built under its name plus this suffix and renamed only when every tab has
 * been written. A tab still carrying it was left by a run that Apps Script stopped (the 6-minute
 * limit runs no `catch`); the next run removes it.
 */
export const BUILDING_SUFFIX = ' (sedang dibuat)';

/**
 * On a re-run the old tab steps aside under its name plus this suffix until every new tab has its
 * name, so that a failed rename can put everything back; then it is deleted.
 */
export const REPLACED_SUFFIX = ' (lama)';

/** A name the add-on gives its own tabs, exactly as it gives it. */
const isGeneratedName = (name: string): boolean =>
  name === VALIDATION_SHEET ||
  name === TREND_SHEET ||
  (name.startsWith(REPORT_SHEET_PREFIX) && /^\d{4}-\d{2}$/.test(name.slice(REPORT_SHEET_PREFIX.length)));

/** Whether `name` is a generated tab's name plus `suffix`: a tab a stopped run of the add-on left. */
const isLeftover = (name: string, suffix: string): boolean =>
  name.endsWith(suffix) && isGeneratedName(name.slice(0, -suffix.length));

/**
 * Sheets keeps tab names unique regardless of case: a team tab "TREN" leaves no room for the add-on's
 * "Tren". The team's tab is never renamed or deleted; the report waits until someone renames it.
 */
function nameTaken(summaries: readonly SummarySheet[], tabs: SheetIndex): SpreadsheetProblem | null {
  const clashes = summaries.flatMap((s) => {
    const theirs = tabs.caseVariant(s.name);
    return theirs ? [{ theirs, ours: s.name }] : [];
  });
  if (clashes.length === 0) return null;
  const list = (names: string[]) => names.map((n) => `'${n}'`).join(' dan ');
  const theirs = list(clashes.map((c) => c.theirs));
  return new SpreadsheetProblem(
    `tab ${theirs} bukan buatan Laporan DJPK, dan Google Sheets tidak membedakan huruf besar/kecil pada nama tab, jadi tab ${list(clashes.map((c) => c.ours))} tidak dapat dibuat. Ganti nama tab ${theirs}, lalu buat laporan lagi. Tidak ada tab yang diubah`,
  );
}

/**
 * The size of a tab made by Spreadsheet.insertSheet: 1,000 rows × 26 columns (A–Z), Sheets' grid for
 * every new sheet (a spreadsheets.create answer shows gridProperties rowCount 1000, columnCount 26:
 * docs.autoro.io, Google Spreadsheet actions); insertSheet takes no size (its only option is a
 * template sheet, @types/google-apps-script). getRange beyond it throws "The coordinates of the
 * range are outside the dimensions of the sheet" (as scripts report it and Apps Script mocks
 * reproduce it), so a bigger grid (Validasi of a messy month, the template's drop-downs) grows the
 * tab first with Sheet.insertRowsAfter / insertColumnsAfter(afterPosition, howMany).
 */
export const NEW_TAB_ROWS = 1000;
export const NEW_TAB_COLUMNS = 26;

/**
 * Grows a tab just made by insertSheet to hold `rows` × `columns`: one Sheet.insertRowsAfter and one
 * Sheet.insertColumnsAfter at most, and none for a grid within the new-tab size. The size is known,
 * so no getMaxRows/getMaxColumns call is spent on asking it.
 */
export function growNewTab(sheet: Sheet, rows: number, columns: number): void {
  if (rows > NEW_TAB_ROWS) sheet.insertRowsAfter(NEW_TAB_ROWS, rows - NEW_TAB_ROWS);
  if (columns > NEW_TAB_COLUMNS) sheet.insertColumnsAfter(NEW_TAB_COLUMNS, columns - NEW_TAB_COLUMNS);
}

const CHART_TYPES = {
  donut: () => Charts.ChartType.PIE,
  bar: () => Charts.ChartType.COLUMN,
  line: () => Charts.ChartType.LINE,
} as const;

function insertChart(sheet: Sheet, chart: SheetChart): void {
  const { row, col, numRows, numCols } = chart.data;
  let builder = sheet
    .newChart()
    .setChartType(CHART_TYPES[chart.kind]())
    .addRange(sheet.getRange(row + 1, col + 1, numRows, numCols))
    .setNumHeaders(1)
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'bottom' })
    .setOption('width', 520)
    .setOption('height', 300);
  if (chart.kind === 'donut') builder = builder.setOption('pieHole', 0.5);
  sheet.insertChart(builder.build());
}

/** A link cell in Validasi: a formula that jumps to the offending cell of an agents' tab. */
const linkFormula = (gid: number, cell: string) => `=HYPERLINK("#gid=${gid}&range=${cell}","${cell}")`;

/**
 * Number format of a link cell. Every other text cell is plain text ('@'), but a formula's cell is
 * given a number format so that the link never depends on how Sheets treats a formula set into a
 * plain-text cell; HYPERLINK returns text, which a number format shows unchanged.
 */
const LINK_NUMBER_FORMAT = '0';

interface FormulaRun {
  readonly row: number;
  readonly col: number;
  readonly formulas: string[];
}

/**
 * The link formulas as vertical runs, one setFormulas call each: a run goes on through cells that
 * are empty in the grid ('' in setFormulas leaves them empty) and stops at any other cell.
 */
function formulaRuns(
  links: readonly CellLink[],
  values: readonly (readonly (string | number)[])[],
  gidOf: (tab: string) => number | null,
): FormulaRun[] {
  const byColumn = new Map<number, Map<number, string>>();
  for (const link of links) {
    const gid = gidOf(link.tab);
    if (gid === null) continue;
    const column = byColumn.get(link.col) ?? new Map<number, string>();
    column.set(link.row, linkFormula(gid, link.cell));
    byColumn.set(link.col, column);
  }
  const runs: FormulaRun[] = [];
  for (const [col, formulas] of byColumn) {
    const rows = [...formulas.keys()].sort((a, b) => a - b);
    let run: FormulaRun | null = null;
    for (const row of rows) {
      const gapIsEmpty = run !== null && values.slice(run.row + run.formulas.length, row).every((r) => r[col] === '');
      if (run === null || !gapIsEmpty) {
        run = { row, col, formulas: [] };
        runs.push(run);
      }
      while (run.row + run.formulas.length < row) run.formulas.push('');
      run.formulas.push(formulas.get(row) ?? '');
    }
  }
  return runs;
}

/** One TextStyle per look (a handful per report), built once per run and shared by all tabs. */
function textStyles(): (bold: boolean, color: string, size: number) => TextStyle {
  const built = new Map<string, TextStyle>();
  return (bold, color, size) => {
    const key = `${bold}|${color}|${size}`;
    let style = built.get(key);
    if (!style) {
      style = SpreadsheetApp.newTextStyle().setBold(bold).setForegroundColor(color).setFontSize(size).build();
      built.set(key, style);
    }
    return style;
  };
}

/** Writes one summary into a fresh tab: one call per property, links, widths, charts, protection. */
function writeTab(
  sheet: Sheet,
  summary: SummarySheet,
  gidOf: (tab: string) => number | null,
  styleOf: ReturnType<typeof textStyles>,
): void {
  const grid = sheetGrid(summary);
  const runs = formulaRuns(summary.links, grid.values, gidOf);
  const numberFormats = grid.numberFormats.map((row) => [...row]);
  for (const run of runs) {
    run.formulas.forEach((formula, i) => {
      const row = numberFormats[run.row + i];
      if (formula && row) row[run.col] = LINK_NUMBER_FORMAT;
    });
  }
  const styles = grid.fontWeights.map((weights, r) =>
    weights.map((weight, c) =>
      styleOf(weight === 'bold', grid.fontColors[r]?.[c] ?? '#000000', grid.fontSizes[r]?.[c] ?? 10),
    ),
  );
  // A chart is anchored at a cell of the tab, which may lie just below the grid (Tren's chart).
  growNewTab(sheet, Math.max(grid.numRows, ...summary.charts.map((c) => c.anchor.row + 1)), grid.numColumns);
  // Formats before values: Sheets parses what setValues gets as if typed, so agent text such as
  // `=IMPORTXML(…)`, `+…`, `-…` becomes a live formula, and "1.010" or "2025-01" a number or date,
  // unless its cell is already plain text ('@'). This is the documented way to keep text as given
  // (see the comment on writeSummarySheets); numbers are written as numbers and never parsed.
  sheet
    .getRange(1, 1, grid.numRows, grid.numColumns)
    .setNumberFormats(numberFormats)
    .setValues(grid.values)
    .setTextStyles(styles)
    .setBackgrounds(grid.backgrounds);
  // The add-on's own links are formulas, so they go through setFormulas, never through setValues.
  for (const run of runs)
    sheet.getRange(run.row + 1, run.col + 1, run.formulas.length, 1).setFormulas(run.formulas.map((f) => [f]));
  sheet.setColumnWidth(1, 320);
  if (grid.numColumns > 1) sheet.setColumnWidths(2, grid.numColumns - 1, 110);
  for (const chart of summary.charts) insertChart(sheet, chart);
  sheet.protect().setDescription('Dibuat otomatis oleh Laporan DJPK; perubahan akan ditimpa').setWarningOnly(true);
}

/**
 * Recreates the generated tabs (never a tab agents fill), all or nothing: every tab is first built
 * under a temporary name; only when all were written are the old tabs deleted and the new ones
 * renamed. If any write fails, the temporary tabs are removed, the previous `Laporan YYYY-MM`,
 * `Validasi` and `Tren` stay as they were, and the error says so in Indonesian.
 *
 * Why plain-text formats rather than an apostrophe prefix: Sheets treats a value given to
 * setValues as typed by a person (USER_ENTERED: "=1+2" becomes a formula, strings may become
 * numbers or dates; Sheets API ValueInputOption reference). Users report that formatting the cells
 * as plain text ('@') first keeps string values unchanged (vlucas/sheetquery#20) and makes the
 * apostrophe unnecessary (getodk/collect#3703), whereas an apostrophe is only consumed where Sheets
 * parses input, would be kept as a visible character in plain-text cells, and must itself be
 * escaped for text that starts with one (theoephraim/node-google-spreadsheet#323, getodk/docs#1095).
 * Our grid already formats every text cell '@', so setting formats first costs no extra call.
 *
 * Cost of a re-run: it makes the first run's calls plus one to find and one to delete each old tab
 * (the first run knows for free that there is none). Reusing an old tab instead would break the
 * all-or-nothing rule or the promise that manual edits are overwritten: writing into it in place is
 * not atomic; copying the new content over it (Range.copyTo) keeps its charts, widths and
 * protection as a person may have changed them, and checking those costs more calls than it saves.
 */
export function writeSummarySheets(
  spreadsheet: Spreadsheet,
  summaries: readonly SummarySheet[],
  tabs: SheetIndex,
): void {
  // Naming the tabs not named yet costs one call each, looking the generated tabs up by name one
  // per summary: a tidy spreadsheet names its few remaining tabs (and so also sees any tab left
  // half-built), one holding months of old reports looks up by name.
  if (tabs.unnamed <= summaries.length) tabs.nameAll();
  // A team tab named like a generated one in another case: say so before anything is written.
  const taken = nameTaken(summaries, tabs);
  if (taken) throw taken;
  const gids = new Map<string, number | null>();
  const gidOf = (tab: string): number | null => {
    if (!gids.has(tab)) gids.set(tab, tabs.named.get(tab)?.getSheetId() ?? null);
    return gids.get(tab) ?? null;
  };
  let index = tabs.size;
  if (tabs.unnamed === 0) {
    for (const [name, sheet] of tabs.named) {
      if (!isLeftover(name, BUILDING_SUFFIX)) continue;
      spreadsheet.deleteSheet(sheet);
      index--;
    }
  }
  /** Inserts a tab at the end; a tab of that name not named yet is one left half-built, removed first. */
  const insertAtEnd = (name: string): Sheet => {
    try {
      return spreadsheet.insertSheet(name, index);
    } catch (error) {
      const leftover = tabs.unnamed > 0 ? spreadsheet.getSheetByName(name) : null;
      if (!leftover || leftover.getName() !== name) throw error;
      spreadsheet.deleteSheet(leftover);
      index--;
      return spreadsheet.insertSheet(name, index);
    }
  };
  const styleOf = textStyles();
  const built: Built[] = [];
  let unmatched: string[] = [];
  try {
    for (const summary of summaries) {
      const sheet = insertAtEnd(`${summary.name}${BUILDING_SUFFIX}`);
      index++;
      built.push({ summary, sheet, gone: false });
      writeTab(sheet, summary, gidOf, styleOf);
    }
    unmatched = swapIn(spreadsheet, built, tabs);
  } catch (error) {
    removeBuilt(spreadsheet, built);
    const reason = explained(error);
    if (reason instanceof SpreadsheetProblem) throw reason;
    throw new Error(
      `tab laporan tidak dapat ditulis (${messageOf(reason).slice(0, 200)}); tab laporan sebelumnya tidak diubah`,
    );
  }
  // A tab with no old one may have been set aside by a run Apps Script stopped mid-swap ("Tren
  // (lama)"): now that the new one has the name, it goes. Free when every tab is named, else one
  // getSheetByName per such tab (a new month's report).
  for (const name of unmatched) {
    const aside = tabs.find(`${name}${REPLACED_SUFFIX}`);
    if (!aside) continue;
    try {
      spreadsheet.deleteSheet(aside);
    } catch {
      // Stays visible; the next run tries again.
    }
  }
}

/** A tab built under its temporary name; `gone` once deleted again. */
interface Built {
  readonly summary: SummarySheet;
  readonly sheet: Sheet;
  gone: boolean;
}

/** Deletes the built tabs still there; one that cannot be deleted keeps BUILDING_SUFFIX for the next run. */
function removeBuilt(spreadsheet: Spreadsheet, built: Built[]): void {
  for (const entry of built) {
    if (entry.gone) continue;
    entry.gone = true;
    try {
      spreadsheet.deleteSheet(entry.sheet);
    } catch {
      // The next run removes it (insertAtEnd, or the leftovers of a named spreadsheet).
    }
  }
}

/**
 * Gives every built tab its name, all or nothing: the old tabs first step aside ("Tren (lama)"),
 * the new ones take the names, then the old ones are deleted. If a rename fails (a team tab named
 * like ours in another case that was not named yet, a service error), the new tabs are deleted and
 * every old tab gets its name back. A deletion that fails afterwards leaves only a visible "(lama)"
 * tab. Costs one setName per old tab more than deleting first, which could not be undone. Returns
 * the names that had no old tab.
 */
function swapIn(spreadsheet: Spreadsheet, built: Built[], tabs: SheetIndex): string[] {
  const moved: { name: string; old: Sheet }[] = [];
  const unmatched: string[] = [];
  try {
    for (const { summary } of built) {
      const old = tabs.find(summary.name);
      if (!old) {
        unmatched.push(summary.name);
        continue;
      }
      renameFreeing(spreadsheet, old, `${summary.name}${REPLACED_SUFFIX}`);
      moved.push({ name: summary.name, old });
    }
    for (const { summary, sheet } of built) sheet.setName(summary.name);
  } catch (error) {
    // The new tabs go first: an old tab cannot get its name back while a new one holds it.
    removeBuilt(spreadsheet, built);
    for (const { name, old } of moved) {
      try {
        old.setName(name);
      } catch {
        // Stays visible as "… (lama)", with its content.
      }
    }
    // Rare: name every tab to say which one blocks the name.
    tabs.nameAll();
    throw (
      nameTaken(
        built.map((b) => b.summary),
        tabs,
      ) ?? error
    );
  }
  for (const { old } of moved) {
    try {
      spreadsheet.deleteSheet(old);
    } catch {
      // Left as "… (lama)"; the next re-run of this tab removes it (renameFreeing).
    }
  }
  return unmatched;
}

/** setName(name), first removing a tab of exactly that name that a stopped run left aside. */
function renameFreeing(spreadsheet: Spreadsheet, sheet: Sheet, name: string): void {
  try {
    sheet.setName(name);
  } catch (error) {
    const leftover = spreadsheet.getSheetByName(name);
    if (!leftover || leftover.getName() !== name) throw error;
    spreadsheet.deleteSheet(leftover);
    sheet.setName(name);
  }
}
