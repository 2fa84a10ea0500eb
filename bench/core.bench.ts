/**
 * npm run bench: parse + validate + compute for synthetic tickets (10k, 100k, 1M), each run in a
 * fresh process so peak RSS is its own; DuckDB loading and counting the same rows (the fair ratio
 * counts its load, the query-only one does not); and `report` on .xlsx files of 100k and 300k
 * tickets. Every figure is min / median / max of three runs. Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { runCli } from '../cli/main';
import { ReportBuilder } from '../core/metrics/report';
import type { CellValue } from '../core/workbook/cells';
import { CHANNELS } from '../core/workbook/enums';
import { parseWorkbook } from '../core/workbook/workbook';
import { syntheticTickets } from './synthetic';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

/** One size, in this process: our pipeline, then DuckDB on the same rows; prints one JSON line. */
async function measureSize(n: number): Promise<void> {
  const grid = syntheticTickets(n);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const wb = parseWorkbook({ Tiket: grid }, { now: null });
  const t1 = performance.now();
  const builder = new ReportBuilder(wb);
  const latest = builder.latestMonth() ?? 0;
  const report = builder.build(latest);
  const t2 = performance.now();
  const peakRss = process.resourceUsage().maxRSS * 1024;

  // The same counts by DuckDB: rows per month and channel.
  const ours = new Map<string, number>();
  for (const m of builder.figures.monthsWithData()) {
    for (const c of CHANNELS.values) {
      const v = builder.figures.value(`konsultasi.kanal.${c.id}`, m);
      if (v) ours.set(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}|${c.label}`, v);
    }
  }
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run('CREATE TABLE tiket (tanggal TIMESTAMP, kanal VARCHAR, kategori VARCHAR, zona VARCHAR)');
  const d0 = performance.now();
  const appender = await db.createAppender('tiket');
  for (let i = 1; i < grid.length; i++) {
    const row = grid[i] ?? [];
    appender.appendTimestamp(new DuckDBTimestampValue(BigInt((row[0] as Date).getTime()) * 1000n));
    appender.appendVarchar(row[1] as string);
    appender.appendVarchar(row[2] as string);
    if (row[5] === null) appender.appendNull();
    else appender.appendVarchar(row[5] as string);
    appender.endRow();
  }
  appender.closeSync();
  const d1 = performance.now();
  const result = await db.runAndReadAll(
    `SELECT strftime(tanggal, '%Y-%m') AS m, CASE kanal WHEN 'WA' THEN 'WhatsApp' ELSE kanal END AS k, count(*) AS n
     FROM tiket GROUP BY ALL`,
  );
  const d2 = performance.now();
  let mismatches = 0;
  for (const [m, k, count] of result.getRows()) if (ours.get(`${m}|${k}`) !== Number(count)) mismatches++;
  if (result.getRows().length !== ours.size) mismatches++;
  db.closeSync();
  instance.closeSync();
  process.stdout.write(
    `${JSON.stringify({
      n,
      parseMs: t1 - t0,
      computeMs: t2 - t1,
      totalMs: t2 - t0,
      rowsPerSecond: n / ((t2 - t0) / 1000),
      heapRssDelta: process.memoryUsage().rss - rssBefore,
      peakRss,
      findings: report.findings.length,
      duckLoadMs: d1 - d0,
      duckQueryMs: d2 - d1,
      duckMismatches: mismatches,
    })}\n`,
  );
}

/** The same rows with no Pemda ticket: Kategori 'Pemda' made 'Lainnya' (names stay, never resolved). */
function withoutPemda(grid: CellValue[][]): void {
  const kategori = grid[0]?.indexOf('Kategori Pengguna') ?? -1;
  for (const row of grid.slice(1)) if (row[kategori] === 'Pemda') row[kategori] = 'Lainnya';
}

/**
 * Parse + compute of n synthetic tickets (real Pemda names in five spellings, 1 in 200 misspelled),
 * as generated or with every Kategori 'Pemda' made 'Lainnya': names are resolved only for Pemda
 * tickets (Validasi findings, zone from the province, provinces, top Pemda), so the second run does
 * the same parsing and counting without resolving a single name.
 */
function measureResolution(n: number, names: 'with' | 'without'): void {
  const grid = syntheticTickets(n);
  if (names === 'without') withoutPemda(grid);
  const t0 = performance.now();
  const builder = new ReportBuilder(parseWorkbook({ Tiket: grid }, { now: null }));
  const report = builder.build(builder.latestMonth() ?? 0);
  const ms = performance.now() - t0;
  const pemda = report.metrics['konsultasi.pengguna.pemda']?.value ?? null;
  process.stdout.write(`${JSON.stringify({ ms, pemda, findings: report.findings.length })}\n`);
}

/** Writes an .xlsx of n synthetic tickets as exceljs's streaming writer does (parts after the sheet). */
async function makeXlsx(n: number, path: string, names: 'with' | 'without' = 'with'): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = writer.addWorksheet('Tiket');
  const grid = syntheticTickets(n);
  if (names === 'without') withoutPemda(grid);
  for (const row of grid) sheet.addRow(row).commit();
  await sheet.commit();
  await writer.commit();
  process.stdout.write('{}\n');
}

/** `report` as a person runs it (the CLI's own entry, HTML out), in this fresh process. */
async function measureXlsx(path: string): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'djpk-bench-out-'));
  const io = { stdout: () => {}, stderr: () => {} };
  const t0 = performance.now();
  const code = await runCli(['report', '--data', path, '--format', 'html', '--out-dir', outDir], io);
  const ms = performance.now() - t0;
  rmSync(outDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ code, ms, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
}

const RUNS = 3;

/** "min / median / max" of a figure over the runs. */
function spread(values: readonly number[], format: (v: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${format(sorted[0] ?? Number.NaN)} / ${format(median)} / ${format(sorted.at(-1) ?? Number.NaN)}`;
}
const ms0 = (v: number) => v.toFixed(0);
const ratio = (v: number) => `${v.toFixed(1)}x`;
const mib = (v: number) => (v / 1024 / 1024).toFixed(0);

if (args[0] === '--size') await measureSize(Number(args[1]));
else if (args[0] === '--resolution') measureResolution(Number(args[1]), args[2] === 'without' ? 'without' : 'with');
else if (args[0] === '--make-xlsx')
  await makeXlsx(Number(args[1]), String(args[2]), args[3] === 'without' ? 'without' : 'with');
else if (args[0] === '--xlsx') await measureXlsx(String(args[1]));
else {
  const only = args[0] === '--only' ? args[1] : null;
  const child = (...childArgs: (string | number)[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, ...childArgs.map(String)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  };
  const resolution = () => {
    // Interleaved fresh processes (the name cache starts empty in each), 7 runs of each kind.
    const n = 100_000;
    const runs = 7;
    const withNames: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < runs; i++) {
      withNames.push(child('--resolution', n, 'with').ms);
      without.push(child('--resolution', n, 'without').ms);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
    const overhead = (median(withNames) / median(without) - 1) * 100;
    console.log(
      `\nPemda names resolved (issue 20): parse + compute of ${n.toLocaleString('en-US')} tickets, min / median / max of ${runs} runs each, interleaved`,
    );
    console.log(`  Pemda names resolved           ${spread(withNames, ms0)} ms`);
    console.log(`  no Pemda ticket (none resolved) ${spread(without, ms0)} ms`);
    console.log(`  resolving adds ${overhead.toFixed(1)}% at the median (in memory)`);
    // The report as a person runs it (CLI, .xlsx in, HTML out): the "100k-ticket report".
    const dir = mkdtempSync(join(tmpdir(), 'djpk-bench-names-'));
    try {
      const paths = { with: join(dir, 'with.xlsx'), without: join(dir, 'without.xlsx') };
      child('--make-xlsx', n, paths.with, 'with');
      child('--make-xlsx', n, paths.without, 'without');
      const cli = { with: [] as number[], without: [] as number[] };
      for (let i = 0; i < runs; i++) {
        cli.with.push(child('--xlsx', paths.with).ms);
        cli.without.push(child('--xlsx', paths.without).ms);
      }
      const cliOverhead = (median(cli.with) / median(cli.without) - 1) * 100;
      console.log(`  \`report\` (CLI, .xlsx → HTML), ${runs} runs each, interleaved:`);
      console.log(`    Pemda names resolved           ${spread(cli.with, ms0)} ms`);
      console.log(`    no Pemda ticket (none resolved) ${spread(cli.without, ms0)} ms`);
      console.log(
        `    resolving adds ${cliOverhead.toFixed(1)}% at the median (target ≤ 10%): ${cliOverhead <= 10 ? 'met' : 'NOT met'}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  if (only === 'resolution') {
    resolution();
    process.exit(0);
  }
  console.log(`Core: parse + validate + compute (synthetic Tiket rows, in memory), min / median / max of ${RUNS} runs`);
  console.log('  fair ratio = ours (parse + compute) / DuckDB (load + query) over the same rows, same counts');
  console.log('  query-only = ours (parse + compute) / DuckDB query alone (DuckDB given its rows for free)');
  const sizes = [10_000, 100_000, 1_000_000];
  const totals = new Map<number, number>();
  const peaks = new Map<number, number>();
  for (const n of sizes) {
    const runs = Array.from({ length: RUNS }, () => child('--size', n));
    const pick = (key: string) => runs.map((r) => Number(r[key]));
    const total = pick('totalMs');
    totals.set(n, [...total].sort((a, b) => a - b)[1] ?? Number.NaN);
    peaks.set(n, [...pick('peakRss')].sort((a, b) => a - b)[1] ?? Number.NaN);
    const fair = runs.map((r) => r.totalMs / (r.duckLoadMs + r.duckQueryMs));
    const queryOnly = runs.map((r) => r.totalMs / r.duckQueryMs);
    const equal = runs.every((r) => r.duckMismatches === 0);
    console.log(`\n  ${n.toLocaleString('en-US')} rows`);
    console.log(`    parse ms            ${spread(pick('parseMs'), ms0)}`);
    console.log(`    compute ms          ${spread(pick('computeMs'), ms0)}`);
    console.log(
      `    total ms            ${spread(total, ms0)}   (${Math.round(n / ((totals.get(n) ?? 1) / 1000)).toLocaleString('en-US')} rows/s at the median)`,
    );
    console.log(`    peak RSS MiB        ${spread(pick('peakRss'), mib)}`);
    console.log(`    DuckDB load ms      ${spread(pick('duckLoadMs'), ms0)}`);
    console.log(`    DuckDB query ms     ${spread(pick('duckQueryMs'), (v) => v.toFixed(1))}`);
    console.log(`    fair ratio          ${spread(fair, ratio)}`);
    console.log(`    query-only ratio    ${spread(queryOnly, ratio)}`);
    console.log(`    counts equal        ${equal ? 'ya' : 'TIDAK'}`);
  }
  const small = totals.get(10_000);
  const large = totals.get(1_000_000);
  if (small && large)
    console.log(`\nLinearity: 1M / 10k median time ratio = ${(large / small).toFixed(0)} (100 would be linear)`);
  const largePeak = peaks.get(1_000_000);
  const met = large !== undefined && largePeak !== undefined && large <= 1000 && largePeak <= 1024 ** 3;
  console.log(`Target: 1M rows ≤ 1 s and ≤ 1 GiB at the median: ${met ? 'met' : 'NOT met'}`);

  console.log(
    `\n\`report\` on an .xlsx (exceljs's streaming writer: shared parts after the sheet), HTML out, min / median / max of ${RUNS} runs`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'djpk-bench-'));
  try {
    for (const [n, target] of [
      [100_000, '≤ 5 s, ≤ 400 MiB'],
      [300_000, '≤ 1 GiB'],
    ] as const) {
      const path = join(dir, `tiket-${n}.xlsx`);
      child('--make-xlsx', n, path);
      const runs = Array.from({ length: RUNS }, () => child('--xlsx', path));
      if (runs.some((r) => r.code !== 0)) throw new Error(`report exited ${runs.map((r) => r.code).join(',')}`);
      console.log(
        `  ${n.toLocaleString('en-US')} tickets: ${spread(
          runs.map((r) => r.ms),
          ms0,
        )} ms, peak RSS ${spread(
          runs.map((r) => r.peakRss),
          mib,
        )} MiB (target ${target})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  resolution();
}
