import ExcelJS from 'exceljs';
import { columnLetter } from '../../core/workbook/findings';
import { EXAMPLE_COLUMN, type ReferenceTab, type TemplateTab } from '../../core/workbook/template';
import { addGridSheet } from './gridSheet';

const VALIDATED_ROWS = 5000;

/** exceljs has range validations at runtime (worksheet.dataValidations) but not in its typings. */
type WithRangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** A sheet name inside a formula: quoted, its quotes doubled ('Daftar Pemda'!). */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * A fresh tracking workbook as .xlsx bytes: every tab with headers, drop-downs, notes and example
 * rows, then the reference tabs (the official Pemda names) that drop-downs read from.
 */
export async function templateWorkbook(
  tabs: readonly TemplateTab[],
  references: readonly ReferenceTab[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const tab of tabs) {
    const sheet = addGridSheet(workbook, tab.name, [tab.header, ...tab.examples]);
    for (const { col, values } of tab.dropdowns) {
      const letter = columnLetter(col);
      // Excel limits an inline list to 255 characters; the lists here are far shorter.
      (sheet as unknown as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Nilai tidak ada di daftar',
        error: `Pilih salah satu: ${values.join(', ')}`,
        formulae: [`"${values.join(',')}"`],
      });
    }
    for (const dropdown of tab.rangeDropdowns) {
      const letter = columnLetter(dropdown.col);
      const source = columnLetter(dropdown.sourceCol);
      // errorStyle 'information': Excel offers the list and only informs on another value (OK keeps it).
      (sheet as unknown as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'information',
        errorTitle: 'Nama tidak ada di daftar',
        error: dropdown.help,
        formulae: [`${sheetRef(dropdown.sourceTab)}!$${source}$2:$${source}$${dropdown.count + 1}`],
      });
    }
    for (const col of tab.dateColumns) sheet.getColumn(col + 1).numFmt = 'dd/mm/yyyy hh:mm';
    // Example rows look like examples: grey italics.
    tab.examples.forEach((_, i) => {
      if (tab.header.at(-1) === EXAMPLE_COLUMN)
        sheet.getRow(i + 2).font = { italic: true, color: { argb: 'FF6B7785' } };
    });
    for (const { col, note } of tab.notes) sheet.getRow(1).getCell(col + 1).note = note;
  }
  for (const reference of references) addGridSheet(workbook, reference.name, [reference.header, ...reference.rows]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
