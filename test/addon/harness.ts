/** What the add-on test files share: the built add-on, an emulated spreadsheet holding it, tab looks. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CellValue } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { buildAddon } from '../../sheets-addon/build';
import { sampleRaw } from '../fixtures/sample';
import { FakeEnvironment, type FakeSheet } from './fakeAppsScript';

export interface BuiltAddon {
  readonly code: string;
  readonly dialog: string;
  readonly scopes: readonly string[];
}

/** Builds the add-on (into `dir`, or dist/addon) and reads what clasp would push. */
export async function builtAddon(dir?: string): Promise<BuiltAddon> {
  const path = await buildAddon(dir);
  const folder = dirname(path);
  const [code, dialog, manifest] = await Promise.all([
    readFile(path, 'utf8'),
    readFile(join(folder, 'GenerateDialog.html'), 'utf8'),
    readFile(join(folder, 'appsscript.json'), 'utf8'),
  ]);
  return { code, dialog, scopes: JSON.parse(manifest).oauthScopes };
}

/** The built add-on and the sample workbook, for a test file's beforeAll. */
export async function addonAndSample(dir?: string): Promise<{ built: BuiltAddon; raw: RawWorkbook }> {
  const [built, raw] = await Promise.all([builtAddon(dir), sampleRaw()]);
  return { built, raw };
}

/** A spreadsheet holding `workbook`'s tabs with the built add-on loaded (its dialog as a project file). */
export function spreadsheetWith(workbook: RawWorkbook, addon: BuiltAddon, timeZone = 'Asia/Jakarta') {
  const env = new FakeEnvironment(timeZone);
  for (const [name, grid] of Object.entries(workbook)) env.spreadsheet.addSheet(name, grid as CellValue[][]);
  env.htmlFiles.set('GenerateDialog', addon.dialog);
  return { env, addon: env.load(addon.code) };
}

/** The tabs Generate Report of January 2025 writes, in the order it writes them. */
export const GENERATED = ['Laporan 2025-01', 'Validasi', 'Tren'];

/** Everything a person sees of a tab (and its id), to show that a failed run left it untouched. */
export const snapshot = (sheet: FakeSheet) =>
  JSON.stringify({
    id: sheet.id,
    name: sheet.name,
    cells: sheet.cells,
    formulas: [...sheet.formulas],
    charts: sheet.charts,
    protection: sheet.protection,
    styles: [...sheet.styles],
  });
