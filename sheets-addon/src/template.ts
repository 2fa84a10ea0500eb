import { DEFAULT_SETTINGS } from '../../core/workbook/settings';
import { PEMDA_LIST_TAB, pemdaListTab, type RangeDropdown, templateTabs } from '../../core/workbook/template';
import { trackingTabOf } from '../../core/workbook/workbook';
import { growNewTab } from './spreadsheetWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab of the official Pemda names, added once (a tab of that name, in any case, is used as it is). */
function referenceTab(spreadsheet: Spreadsheet, added: string[]): Sheet {
  const existing = spreadsheet.getSheets().find((s) => s.getName().toLowerCase() === PEMDA_LIST_TAB.toLowerCase());
  if (existing) return existing;
  const tab = pemdaListTab();
  const rows = [tab.header, ...tab.rows].map((row) => [...row]);
  const sheet = spreadsheet.insertSheet(tab.name, spreadsheet.getNumSheets());
  growNewTab(sheet, rows.length, tab.header.length);
  // Plain text first: Sheets would read a code such as "35.13" as a number.
  sheet.getRange(1, 1, rows.length, tab.header.length).setNumberFormat('@').setValues(rows);
  sheet.getRange(1, 1, 1, tab.header.length).setFontWeight('bold').setBackground('#0b4f8a').setFontColor('#ffffff');
  sheet.setFrozenRows(1);
  added.push(tab.name);
  return sheet;
}

/**
 * A drop-down of the reference tab's column that shows a warning instead of refusing another value
 * (Apps Script: DataValidationBuilder.requireValueInRange(range, showDropdown), setAllowInvalid(true)
 * "show a warning when input fails data validation", setHelpText: the text shown then).
 */
function rangeDropdownRule(source: Sheet, dropdown: RangeDropdown) {
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(source.getRange(2, dropdown.sourceCol + 1, dropdown.count, 1), true)
    .setAllowInvalid(true)
    .setHelpText(dropdown.help)
    .build();
}

/** Rows under the header that get the drop-downs and date formats: more than a new tab's 1,000. */
const VALIDATED_ROWS = 2000;

/** Adds the tracking tabs that are missing; an existing tab (any spelling of its name) is never touched. */
export function addMissingTemplateTabs(spreadsheet: Spreadsheet): string[] {
  const present = new Set(
    spreadsheet
      .getSheets()
      .map((s) => trackingTabOf(s.getName())?.id)
      .filter(Boolean),
  );
  const added: string[] = [];
  const pending: { sheet: Sheet; dropdown: RangeDropdown }[] = [];
  for (const tab of templateTabs(DEFAULT_SETTINGS.layer2Units)) {
    if (present.has(trackingTabOf(tab.name)?.id)) continue;
    const sheet = spreadsheet.insertSheet(tab.name, spreadsheet.getNumSheets());
    const width = tab.header.length;
    const rows = [tab.header, ...tab.examples].map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
    growNewTab(sheet, Math.max(rows.length, 1 + VALIDATED_ROWS), width);
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#0b4f8a').setFontColor('#ffffff');
    sheet.getRange(1, 1, 1, width).setNotes([tab.header.map((_, i) => tab.notes.find((n) => n.col === i)?.note ?? '')]);
    sheet.setFrozenRows(1);
    for (const { col, values } of tab.dropdowns) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...values], true)
        .setAllowInvalid(true)
        .build();
      sheet.getRange(2, col + 1, VALIDATED_ROWS, 1).setDataValidation(rule);
    }
    for (const dropdown of tab.rangeDropdowns) pending.push({ sheet, dropdown });
    for (const col of tab.dateColumns)
      sheet.getRange(2, col + 1, VALIDATED_ROWS, 1).setNumberFormat('dd/mm/yyyy hh:mm');
    added.push(tab.name);
  }
  // The list tab goes after the tabs added, and only with a tab whose drop-down reads it.
  if (pending.length) {
    const source = referenceTab(spreadsheet, added);
    for (const { sheet, dropdown } of pending)
      sheet.getRange(2, dropdown.col + 1, VALIDATED_ROWS, 1).setDataValidation(rangeDropdownRule(source, dropdown));
  }
  return added;
}
