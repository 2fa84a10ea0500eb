/**
 * npm run bench (add-on part): the BUILT add-on bundle on the emulated Apps Script services, with
 * the sample's tabs and a year of synthetic tickets. Prints the spreadsheet service calls of a first
 * and a second Generate Report, method by method, and the time of the first run in Node
 * (min/median/max of 3 fresh spreadsheets). Asserts nothing.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readXlsxFile } from '../cli/xlsx/readXlsx';
import type { CellValue } from '../core/workbook/cells';
import type { RawWorkbook } from '../core/workbook/workbook';
import { buildAddon } from '../sheets-addon/build';
import { type Call, FakeEnvironment, SPREADSHEET_TARGETS } from '../test/addon/fakeAppsScript';
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

const code = await readFile(await buildAddon(), 'utf8');
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

const { env, addon } = load(code, workbook);
const runs = [1, 2].map(() => {
  env.log.clear();
  const message = String(addon.generateReport?.('2025-01'));
  return { message, total: env.log.count(), byMethod: spreadsheetCalls(env.log.calls) };
});
const [first, second] = runs;
if (!first || !second) throw new Error('no runs');

console.log(
  `Sheets add-on (built bundle, emulated services): sample tabs + ${TICKETS_PER_YEAR * 2} synthetic tickets (two years), Generate Report 2025-01`,
);
console.log(
  `  time in Node, first run (${RUNS} fresh spreadsheets): min ${times[0]?.toFixed(0)} ms, median ${times[1]?.toFixed(0)} ms, max ${times[RUNS - 1]?.toFixed(0)} ms`,
);
console.log(`  spreadsheet service calls: first run ${first.total}, second run ${second.total}`);
console.log(`  ${'method'.padEnd(40)} ${'first'.padStart(6)} ${'second'.padStart(6)}`);
const methods = [...new Set([...first.byMethod.keys(), ...second.byMethod.keys()])];
for (const method of methods) {
  const a = first.byMethod.get(method) ?? 0;
  const b = second.byMethod.get(method) ?? 0;
  console.log(`  ${method.padEnd(40)} ${String(a).padStart(6)} ${String(b).padStart(6)}${a === b ? '' : '  ←'}`);
}
for (const run of runs) if (!run.message.includes('selesai')) console.log(`  PESAN TAK TERDUGA: ${run.message}`);
