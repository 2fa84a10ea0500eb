/**
 * npm run bench (add-on part): the BUILT add-on bundle on the emulated Apps Script services, with
 * the sample's tabs and a year of synthetic tickets. Prints the spreadsheet service calls of a first
 * and a second Generate Report, method by method, the same on a spreadsheet that already holds a
 * year of old reports, and the time of the first run in Node (min/median/max of 3 fresh
 * spreadsheets); then the Generate Report dialog's size and the time it takes to open (V8, headless
 * Chromium; bench/dialogOpen.ts). Asserts nothing.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../core/workbook/cells';
import type { RawWorkbook } from '../core/workbook/workbook';
import { readXlsxFile } from '../formats/xlsx/readXlsx';
import { buildAddon } from '../sheets-addon/build';
import { type Call, FakeEnvironment, SPREADSHEET_TARGETS } from '../test/addon/fakeAppsScript';
import { dialogOpenReport } from './dialogOpen';
import { syntheticTickets } from './synthetic';

const TICKETS_PER_YEAR = 30_000;
const RUNS = 3;

function spreadsheetCalls(calls: readonly Call[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls) {
    if (!SPREADSHEET_TARGETS.has(c.target)) continue;
    const key = `${c.target}.${c.method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function load(code: string, workbook: RawWorkbook) {
  const env = new FakeEnvironment();
  for (const [name, grid] of Object.entries(workbook)) env.spreadsheet.addSheet(name, grid as CellValue[][]);
  return { env, addon: env.load(code) };
}

const built = await buildAddon();
const code = await readFile(built, 'utf8');
const sample = await readXlsxFile(fileURLToPath(new URL('../sample/djpk-sample.xlsx', import.meta.url)));
// Synthetic tickets span two years: twice the yearly volume gives a year per report window.
const workbook: RawWorkbook = { ...sample, Tiket: syntheticTickets(TICKETS_PER_YEAR * 2) };

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { addon } = load(code, workbook);
  const t0 = performance.now();
  addon.generateReport?.('2025-01');
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);

/** The spreadsheet calls of one Generate Report 2025-01. */
function measure(env: FakeEnvironment, addon: ReturnType<FakeEnvironment['load']>) {
  env.log.clear();
  const message = String(addon.generateReport?.('2025-01'));
  return { message, total: env.log.count(), byMethod: spreadsheetCalls(env.log.calls) };
}

const fresh = load(code, workbook);
const first = measure(fresh.env, fresh.addon);
const second = measure(fresh.env, fresh.addon);

// A spreadsheet used for a year: the reports of 2024-01 … 2024-12 were generated month by month,
// so it holds twelve old "Laporan YYYY-MM" tabs plus last month's Validasi and Tren.
const used = load(code, workbook);
for (let month = 1; month <= 12; month++) used.addon.generateReport?.(`2024-${String(month).padStart(2, '0')}`);
const oldTabs = used.env.spreadsheet.sheets.filter((s) => /^Laporan \d{4}-\d{2}$/.test(s.name)).length;
const afterYear = measure(used.env, used.addon);
const afterYearAgain = measure(used.env, used.addon);
const runs = [first, second, afterYear, afterYearAgain];

console.log(
  `Sheets add-on (built bundle, emulated services): sample tabs + ${TICKETS_PER_YEAR * 2} synthetic tickets (two years), Generate Report 2025-01`,
);
console.log(
  `  time in Node, first run (${RUNS} fresh spreadsheets): min ${times[0]?.toFixed(0)} ms, median ${times[1]?.toFixed(0)} ms, max ${times[RUNS - 1]?.toFixed(0)} ms`,
);
console.log(`  spreadsheet service calls: first run ${first.total}, second run ${second.total}`);
console.log(
  `  with ${oldTabs} old "Laporan YYYY-MM" tabs (reports 2024-01 … 2024-12 generated before): first run ${afterYear.total}, second run ${afterYearAgain.total}`,
);
const columns = ['first', 'second', `${oldTabs} old`, `${oldTabs} old 2nd`];
console.log(`  ${'method'.padEnd(40)} ${columns.map((c) => c.padStart(10)).join(' ')}`);
const methods = [...new Set(runs.flatMap((run) => [...run.byMethod.keys()]))];
for (const method of methods) {
  const counts = runs.map((run) => run.byMethod.get(method) ?? 0);
  const same = counts.every((n) => n === counts[0]);
  console.log(`  ${method.padEnd(40)} ${counts.map((n) => String(n).padStart(10)).join(' ')}${same ? '' : '  ←'}`);
}
for (const run of runs) if (!run.message.includes('selesai')) console.log(`  PESAN TAK TERDUGA: ${run.message}`);

console.log('Generate Report dialog (built; its deck renderers and PDF font subsets inlined)');
for (const line of dialogOpenReport(await readFile(join(dirname(built), 'GenerateDialog.html'), 'utf8'), RUNS))
  console.log(line);
