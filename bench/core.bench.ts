/**
 * npm run bench: parse + validate + compute for synthetic tickets (10k, 100k, 1M), each size in a
 * fresh process so peak RSS is its own; DuckDB computing the same counts over the same rows; and an
 * .xlsx of 100k tickets read and reported. Prints numbers; asserts nothing about time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { readXlsxFile } from '../cli/xlsx/readXlsx';
import { ReportBuilder } from '../core/metrics/report';
import { toReportJson } from '../core/render/json';
import { CHANNELS } from '../core/workbook/enums';
import { parseWorkbook } from '../core/workbook/workbook';
import { syntheticTickets } from './synthetic';

const SELF = fileURLToPath(import.meta.url);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
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

async function measureXlsx(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'djpk-bench-'));
  const path = join(dir, 'tiket.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = writer.addWorksheet('Tiket');
  for (const row of syntheticTickets(n)) sheet.addRow(row).commit();
  await sheet.commit();
  await writer.commit();
  const t0 = performance.now();
  const raw = await readXlsxFile(path);
  const t1 = performance.now();
  const builder = new ReportBuilder(parseWorkbook(raw, { now: null }));
  const json = JSON.stringify(toReportJson(builder.build(builder.latestMonth() ?? 0)));
  const t2 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ n, readMs: t1 - t0, reportMs: t2 - t1, totalMs: t2 - t0, jsonBytes: json.length, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`,
  );
}

if (args[0] === '--size') await measureSize(Number(args[1]));
else if (args[0] === '--xlsx') await measureXlsx(Number(args[1]));
else {
  const child = (flag: string, n: number) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, flag, String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  };
  console.log('Core: parse + validate + compute (synthetic Tiket rows, in memory)');
  console.log(
    '      rows   parse ms  compute ms   total ms      rows/s   peak RSS   DuckDB load ms  DuckDB query ms  ours/DuckDB-query  counts equal',
  );
  const results = [10_000, 100_000, 1_000_000].map((n) => child('--size', n));
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(10)} ${r.parseMs.toFixed(0).padStart(10)} ${r.computeMs.toFixed(0).padStart(11)} ${r.totalMs.toFixed(0).padStart(10)} ${Math.round(r.rowsPerSecond).toString().padStart(11)} ${mb(r.peakRss).padStart(10)} ${r.duckLoadMs.toFixed(0).padStart(16)} ${r.duckQueryMs.toFixed(1).padStart(16)} ${(r.totalMs / r.duckQueryMs).toFixed(1).padStart(18)}x  ${r.duckMismatches === 0 ? 'ya' : `TIDAK (${r.duckMismatches})`}`,
    );
  }
  const [small, , large] = results;
  if (small && large)
    console.log(`Linearity: 1M / 10k time ratio = ${(large.totalMs / small.totalMs).toFixed(0)} (100 would be linear)`);
  console.log('Target: 1M rows ≤ 1 s and ≤ 1 GiB');
  const x = child('--xlsx', 100_000);
  console.log(
    `\n.xlsx of ${x.n} tickets: read ${x.readMs.toFixed(0)} ms + report ${x.reportMs.toFixed(0)} ms = ${x.totalMs.toFixed(0)} ms, peak RSS ${mb(x.peakRss)} (target ≤ 10 s)`,
  );
}
