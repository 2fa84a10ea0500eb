/**
 * Part of `npm run bench`: time and memory to build the month's deck (PPTX + PDF) for the sample
 * and for two years of synthetic logs (~1.000 tickets a month). Each case runs in a fresh process
 * so that its peak RSS is its own; three runs each, min/median/max. Prints numbers; asserts nothing.
 * Targets (issue 9): PPTX + PDF of one month ≤ 2 s, ≤ 300 MiB. Each run is a cold process (first
 * use of pptxgenjs, pdfkit and the font): the worst case of the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { buildDeck } from '../core/deck/build';
import { ReportBuilder } from '../core/metrics/report';
import type { CellValue } from '../core/workbook/cells';
import { parseWorkbook } from '../core/workbook/workbook';
import { deckFonts } from '../formats/deck/deckFiles';
import { renderPdf } from '../formats/deck/pdf';
import { renderPptx } from '../formats/deck/pptx';
import { addGridSheet } from '../formats/xlsx/gridSheet';
import { longTextWorkbook } from '../sample/longText';
import { sampleWorkbook } from '../sample/sampleData';
import { buildAddon } from '../sheets-addon/build';
import { dialogDeckFile } from '../test/addon/dialogScript';
import { FakeEnvironment } from '../test/addon/fakeAppsScript';
import { syntheticTickets } from './synthetic';

const SELF = fileURLToPath(import.meta.url);
const RUNS = 3;
const CASES = {
  sample: 'sample (Januari 2025)',
  logs: 'sampel + 24.000 tiket sintetis (2 tahun log), bulan terakhir',
  longWord: 'sampel + teks tim panjang: 3.000 karakter, 14 butir, kata 50.000 karakter (issue 22: ≤ 10 s)',
} as const;
type Case = keyof typeof CASES;

/** One case in this process: the report is built first (not timed), then the deck and both files. */
async function measure(name: Case): Promise<void> {
  const raw = name === 'longWord' ? longTextWorkbook(50_000) : (sampleWorkbook() as Record<string, CellValue[][]>);
  if (name === 'logs') raw.Tiket = syntheticTickets(24_000);
  const wb = parseWorkbook(raw, { now: null });
  const builder = new ReportBuilder(wb);
  const month = name === 'logs' ? (builder.latestMonth() ?? 0) : 2025 * 12;
  const report = builder.build(month);
  const fonts = await deckFonts();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deck = buildDeck(report, { narasi: wb.narasi, profile: wb.profile });
  const t1 = performance.now();
  const [pptx, pdf] = await Promise.all([renderPptx(deck), renderPdf(deck, { fonts })]);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `${JSON.stringify({
      slides: deck.slides.length,
      deckMs: t1 - t0,
      filesMs: t2 - t0,
      // CPU time as well: on a shared machine the wall clock also counts other people's work.
      cpuMs: (cpu.user + cpu.system) / 1000,
      pptxBytes: pptx.length,
      pdfBytes: pdf.length,
      peakRss: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
}

/**
 * The add-on's download, in this process: the built Code.js answers getDeckData on the emulated
 * services, then the built dialog's script draws each file in a fresh V8 context (as the dialog's
 * browser would). Also prints what the other choice (files built on the server side, returned as
 * base64 through google.script.run) would have cost, from the same files.
 */
async function measureAddon(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'djpk-bench-addon-'));
  try {
    const code = await readFile(await buildAddon(dir), 'utf8');
    const dialog = await readFile(join(dir, 'GenerateDialog.html'), 'utf8');
    const env = new FakeEnvironment();
    for (const [name, grid] of Object.entries(sampleWorkbook())) env.spreadsheet.addSheet(name, grid as CellValue[][]);
    const addon = env.load(code);
    const t0 = performance.now();
    const payload = JSON.parse(JSON.stringify(addon.getDeckData?.('2025-01')));
    const t1 = performance.now();
    const { deckFile, close } = dialogDeckFile(dialog);
    const t2 = performance.now();
    const pptx = await deckFile(payload, 'pptx');
    const t3 = performance.now();
    const pdf = await deckFile(payload, 'pdf');
    const t4 = performance.now();
    close();
    process.stdout.write(
      `${JSON.stringify({
        codeBytes: Buffer.byteLength(code),
        dialogBytes: Buffer.byteLength(dialog),
        payloadBytes: Buffer.byteLength(JSON.stringify(payload)),
        serverMs: t1 - t0,
        loadMs: t2 - t1,
        pptxMs: t3 - t2,
        pdfMs: t4 - t3,
        pptxBytes: pptx.bytes.length,
        pdfBytes: pdf.bytes.length,
        peakRss: process.resourceUsage().maxRSS * 1024,
      })}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};
const ms = (v: number) => `${v.toFixed(0)} ms`;
const mib = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === 'sample' || only === 'logs' || only === 'longWord') return measure(only);
  if (only === 'addon') return measureAddon();
  console.log(`Deck (PPTX + PDF), ${RUNS} proses per kasus: min / median / maks`);
  for (const name of Object.keys(CASES) as Case[]) {
    const runs = Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, [...process.execArgv, SELF, name], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
        slides: number;
        deckMs: number;
        filesMs: number;
        cpuMs: number;
        pptxBytes: number;
        pdfBytes: number;
        peakRss: number;
      };
    });
    const time = stats(runs.map((r) => r.filesMs));
    const rss = stats(runs.map((r) => r.peakRss));
    const cpu = stats(runs.map((r) => r.cpuMs));
    const first = runs[0];
    console.log(
      `  ${CASES[name]}: ${first?.slides} slide; deck+PPTX+PDF ${ms(time.min)} / ${ms(time.median)} / ${ms(time.max)} (target ≤ ${name === 'longWord' ? 10000 : 2000} ms), CPU ${ms(cpu.min)} / ${ms(cpu.median)} / ${ms(cpu.max)}; peak RSS ${mib(rss.min)} / ${mib(rss.median)} / ${mib(rss.max)} (target ≤ 300 MiB); PPTX ${((first?.pptxBytes ?? 0) / 1024).toFixed(0)} KiB, PDF ${((first?.pdfBytes ?? 0) / 1024).toFixed(0)} KiB`,
    );
  }
  await measureCli();
  const addon = Array.from({ length: RUNS }, () => child('addon'));
  const a = addon[0];
  const kib = (v: number) => `${(v / 1024).toFixed(0)} KiB`;
  const spread = (key: string) => {
    const s = stats(addon.map((r) => Number(r[key])));
    return `${ms(s.min)} / ${ms(s.median)} / ${ms(s.max)}`;
  };
  console.log('\nAdd-on "Unduh PPTX/PDF" (sampel Januari 2025; add-on yang dibangun, layanan Apps Script tiruan):');
  console.log(`  getDeckData (sisi server)        ${spread('serverMs')}; payload ${kib(Number(a?.payloadBytes))} JSON`);
  console.log(`  memuat skrip deck dialog          ${spread('loadMs')}`);
  console.log(`  PPTX di konteks V8 dialog         ${spread('pptxMs')}; ${kib(Number(a?.pptxBytes))}`);
  console.log(`  PDF di konteks V8 dialog          ${spread('pdfMs')}; ${kib(Number(a?.pdfBytes))}`);
  console.log(
    `  Code.js ${kib(Number(a?.codeBytes))} (dimuat setiap panggilan server), GenerateDialog.html ${kib(Number(a?.dialogBytes))} (dimuat saat dialog dibuka)`,
  );
  console.log(
    `  pilihan lain (berkas dibuat di server): Code.js ≈ ${kib(Number(a?.codeBytes) + Number(a?.dialogBytes))} pada setiap panggilan, kiriman base64 ${kib(((Number(a?.pptxBytes) + Number(a?.pdfBytes)) * 4) / 3)}`,
  );
}

/**
 * The CLI as the team runs it on a workbook whose `Narasi` holds a 50.000-character word (issue 22):
 * the whole command (read, report, deck, both files written), wall time, three runs.
 */
async function measureCli(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'djpk-bench-cli-'));
  try {
    const data = join(dir, 'panjang.xlsx');
    const workbook = new ExcelJS.Workbook();
    for (const [name, grid] of Object.entries(longTextWorkbook(50_000))) addGridSheet(workbook, name, grid);
    await workbook.xlsx.writeFile(data);
    const cli = fileURLToPath(new URL('../bin/djpk-report.js', import.meta.url));
    const times: number[] = [];
    let said = '';
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const run = spawnSync(
        process.execPath,
        [cli, 'report', '--data', data, '--month', '2025-01', '--format', 'pptx,pdf', '--out-dir', dir],
        {
          encoding: 'utf8',
        },
      );
      times.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(run.stderr);
      said = run.stderr.split('\n').find((l) => l.includes('PDF')) ?? '';
    }
    const t = stats(times);
    console.log(
      `  CLI report --format pptx,pdf, kata 50.000 karakter: ${ms(t.min)} / ${ms(t.median)} / ${ms(t.max)} (target ≤ 10000 ms) — ${said.trim()}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function child(name: string): Record<string, number> {
  const run = spawnSync(process.execPath, [...process.execArgv, SELF, name], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
}

await main();
