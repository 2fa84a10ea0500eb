/**
 * Hostile or huge files given to the CLI (issue 12, "Bounded cost" and "Terminal"): refused or cut
 * with one Indonesian line, never a crash, a stack trace or a terminal that obeys a cell.
 */
import { mkdir, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '../../core/workbook/cells';
import { parseCsv } from '../../formats/csv/parseCsv';
import { cli } from '../fixtures/cli';
import { tiketWorkbookParts, writeZip } from '../fixtures/hostileXlsx';
import { SAMPLE_XLSX, sampleRaw } from '../fixtures/sample';

/** One Indonesian line on stderr: no stack frame, no English library text. */
const expectOneLine = (stderr: string) => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(/^Galat: /);
  expect(stderr).not.toMatch(/\n\s+at |central directory|RangeError|Error:/);
};

/** A file of `bytes` bytes that takes no disk space and is never worth reading. */
async function sparseFile(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'w');
  await file.truncate(bytes);
  await file.close();
}

const SST = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}"><si><t>`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-hostile-'));
});

describe('.xlsx: sizes are checked before anything is inflated', () => {
  it('a 400-million-character shared string in a small file is refused by its declared size', async () => {
    const path = join(dir, 'bom.xlsx');
    await writeZip(
      path,
      tiketWorkbookParts({ head: SST(1), repeat: { text: 'A'.repeat(1 << 20), times: 382 }, tail: '</t></si></sst>' }),
    );
    const rssBefore = process.memoryUsage().rss;
    const { code, stdout, stderr } = await cli('report', '--data', path, '--format', 'json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr);
    expect(stderr).toMatch(
      /tidak dapat dibaca \(bagian 'xl\/sharedStrings\.xml' berisi 382 MiB setelah diekstrak \(dari \d+ KiB\)/,
    );
    // Nothing near the part's 382 MiB was allocated.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('a shared string over 50,000 characters is cut on read, with a finding at its cell', async () => {
    const path = join(dir, 'panjang.xlsx');
    await writeZip(
      path,
      tiketWorkbookParts({ head: SST(1), repeat: { text: 'Kab. Panjang ', times: 10_000 }, tail: '</t></si></sst>' }),
    );
    const { code, stdout } = await cli('report', '--data', path, '--format', 'json', '--month', '2025-01');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        cell: 'D2',
        message: expect.stringMatching(/^Isi sel lebih dari 50\.000 karakter/),
      }),
    );
    expect(json.metrics['konsultasi.total'].value).toBe(1);
    // Nothing past the first 50,000 characters survived (the cell held 130,000).
    expect(stdout).toContain('Kab. Panjang '.repeat(3846));
    expect(stdout).not.toContain('Kab. Panjang '.repeat(3847));
  });

  it('a file that is not a zip, and a zip cut short: one Indonesian line, exit 2', async () => {
    const fake = join(dir, 'rusak.xlsx');
    await writeFile(fake, 'bukan zip');
    let run = await cli('report', '--data', fake);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
    expect(run.stderr).toContain('bukan berkas .xlsx yang utuh');
    const cut = join(dir, 'terpotong.xlsx');
    await writeFile(cut, (await readFile(SAMPLE_XLSX)).subarray(0, 50_000));
    run = await cli('validate', '--data', cut);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
  });

  it('a zip whose parts are not spreadsheet XML: one line, exit 2', async () => {
    const path = join(dir, 'bukanxml.xlsx');
    await writeZip(
      path,
      tiketWorkbookParts({ head: '<sst><si><t>' }).map((p) =>
        p.name === 'xl/workbook.xml' ? { ...p, head: '<<<' } : p,
      ),
    );
    const { code, stderr } = await cli('report', '--data', path, '--format', 'json');
    expect(code).toBe(2);
    expectOneLine(stderr);
  });
});

describe('CSV folders', () => {
  it('a huge cell is cut while parsing, never built a character at a time', () => {
    const cell = 'z'.repeat(3_000_000);
    const t0 = performance.now();
    const rows = parseCsv(`Nama Instansi;Kanal\r\n"${cell}";"a""b"\r\nx;\n`);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(rows[1]?.[0]).toHaveLength(MAX_CELL_CHARS + 1); // one past the limit: core reports the cut
    expect(rows[1]?.[1]).toBe('a"b');
    expect(rows[2]).toEqual(['x', null]);
  });

  it('only the tracking tabs are read: an unrelated junk.csv of 3 GiB is never opened', async () => {
    const folder = join(dir, 'csv');
    await mkdir(folder);
    const raw = await sampleRaw();
    const tiket = (raw.Tiket ?? []).slice(0, 50);
    await writeFile(
      join(folder, 'Tiket.csv'),
      tiket
        .map((r) => r.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''))).join(','))
        .join('\n'),
    );
    await sparseFile(join(folder, 'junk.csv'), 3 * 1024 ** 3);
    const { code, stderr } = await cli('validate', '--data', folder);
    expect(stderr).toMatch(/^\d+ temuan, \d+ galat\.\n$/);
    expect(code).toBeLessThan(2);
  });

  it("a tracking tab's CSV far beyond any log's size is refused in one line", async () => {
    const folder = join(dir, 'csv-besar');
    await mkdir(folder);
    await sparseFile(join(folder, 'Tiket.csv'), 300 * 1024 ** 2);
    const { code, stderr } = await cli('report', '--data', folder, '--format', 'json');
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('berkas Tiket.csv berukuran 300 MiB');
  });

  it('a folder without any tracking tab says so', async () => {
    const folder = join(dir, 'csv-kosong');
    await mkdir(folder);
    await writeFile(join(folder, 'catatan.csv'), 'a,b\n1,2\n');
    const { code, stderr } = await cli('report', '--data', folder);
    expect(code).toBe(2);
    expect(stderr).toContain('tidak berisi berkas CSV tab pencatatan');
  });
});

describe('terminal', () => {
  it('control characters in cells print inert: ESC[2J cannot clear the screen or fake "Tidak ada temuan"', async () => {
    const folder = join(dir, 'csv-esc');
    await mkdir(folder);
    const evil = '\u001b[2J\u001b[HTidak ada temuan.\u0007\u0000\u0008\u009b31m';
    await writeFile(
      join(folder, 'Tiket.csv'),
      `Tanggal,Kanal,Kategori Pengguna\n06/01/2025,${evil},Pemda\n07/01/2025,WhatsApp,${evil}\n`,
    );
    const { code, stdout, stderr } = await cli('validate', '--data', folder);
    expect(code).toBe(1);
    for (const text of [stdout, stderr]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(stdout).toContain("Kanal '[2J[HTidak ada temuan.31m' tidak dikenal");
    const json = await cli('report', '--data', folder, '--format', 'md');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(json.stdout + json.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
