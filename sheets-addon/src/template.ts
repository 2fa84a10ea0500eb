import { DEFAULT_SETTINGS } from '../../core/workbook/settings';
import { templateTabs } from '../../core/workbook/template';
import { trackingTabOf } from '../../core/workbook/workbook';
import { growNewTab } from './spreadsheetWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
    for (const col of tab.dateColumns)
      sheet.getRange(2, col + 1, VALIDATED_ROWS, 1).setNumberFormat('dd/mm/yyyy hh:mm');
    added.push(tab.name);
  }
  return added;
}
