/**
 * Every tab source with memory bounded by rows as well as bytes, and only regular files opened
 * (issue 22, item 5): blank rows cost nothing however many there are, a tab past Excel's grid is
 * refused, a FIFO is never opened; each failure is one Indonesian line and exit 2.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TAB_COLUMNS, MAX_TAB_ROWS } from '../../core/workbook/cells';
import { parseCsv } from '../../formats/csv/parseCsv';
import { readXlsxFile } from '../../formats/xlsx/readXlsx';
import { cli } from '../fixtures/cli';
import { type PartSpec, tiketWorkbookParts, writeZip } from '../fixtures/hostileXlsx';

const expectOneLine = (stderr: string) => {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(/^Galat: /);
  expect(stderr).not.toMatch(/\n\s+at |RangeError|Error:/);
};

const HEADER = 'Tanggal,Kanal,Kategori Pengguna,Nama Instansi\n';
const TICKETS = '06/01/2025,WhatsApp,Pemda,Kab. Bogor\n07/01/2025,Email,Pemda,Kota Bogor\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-bounds-'));
});

async function csvFolder(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder);
  for (const [file, content] of Object.entries(files)) await writeFile(join(folder, file), content);
  return folder;
}

/** `count` copies of `line`, written in blocks (no string of the whole file is built). */
async function repeatedLines(path: string, head: string, line: string, count: number, tail = ''): Promise<void> {
  const file = await open(path, 'w');
  await file.write(head);
  const block = Buffer.from(line.repeat(1 << 16));
  for (let n = 0; n < count; n += 1 << 16)
    await file.write(n + (1 << 16) <= count ? block : Buffer.from(line.repeat(count - n)));
  await file.write(tail);
  await file.close();
}

describe('CSV', () => {
  it('100 MiB of blank rows after the log: read in bounded memory, the tickets still counted', async () => {
    const folder = join(dir, 'kosong');
    await mkdir(folder);
    // Half bare line ends, half rows of empty cells, as Excel writes formatted empty rows.
    await repeatedLines(join(folder, 'Tiket.csv'), HEADER + TICKETS, '\n,,,\r\n', Math.floor((100 * 1024 * 1024) / 6));
    const rss = process.memoryUsage().rss;
    const { code, stdout, stderr } = await cli('report', '--data', folder, '--month', '2025-01', '--format', 'json');
    expect(stderr).not.toMatch(/^Galat/m);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).metrics['konsultasi.total'].value).toBe(2);
    // The file's bytes and its text are held once each while parsing; the rows are not held at all.
    expect(process.memoryUsage().rss - rss).toBeLessThan(768 * 1024 * 1024);
  });

  it('blank rows keep the rows’ numbers: a finding still names the right row', () => {
    const rows = parseCsv(`${HEADER}\n\n,,,\n08/01/2025,Whatsap,Pemda,X\n\n`);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([]);
    expect(rows[4]).toEqual(['08/01/2025', 'Whatsap', 'Pemda', 'X']);
  });

  it('text past row 1,048,576: one line, exit 2', async () => {
    const folder = join(dir, 'panjang');
    await mkdir(folder);
    await repeatedLines(join(folder, 'Tiket.csv'), HEADER, '\n', MAX_TAB_ROWS - 1, '06/01/2025,WhatsApp,Pemda,X\n');
    const { code, stderr } = await cli('validate', '--data', folder);
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain(
      'berkas Tiket.csv berisi teks di baris 1.048.577, melewati batas 1.048.576 baris satu tab; berkas ini tidak dibaca',
    );
  });

  it('a row of more than 18,278 cells: one line, exit 2', async () => {
    const folder = await csvFolder('lebar', { 'Tiket.csv': `${HEADER}${'x,'.repeat(MAX_TAB_COLUMNS)}x\n` });
    const { code, stderr } = await cli('validate', '--data', folder);
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('berkas Tiket.csv baris 2 berisi lebih dari 18.278 kolom; berkas ini tidak dibaca');
  });

  it('a FIFO named Narasi.csv is never opened: one line, exit 2', async () => {
    const folder = await csvFolder('fifo', { 'Tiket.csv': HEADER + TICKETS });
    execFileSync('mkfifo', [join(folder, 'Narasi.csv')]);
    const { code, stderr } = await cli('report', '--data', folder, '--format', 'json');
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('berkas Narasi.csv bukan berkas biasa, mis. FIFO atau perangkat; berkas ini tidak dibaca');
  });
});

describe('.xlsx', () => {
  /** The minimal Tiket workbook with more rows after row 2. */
  const withRows = (rows: string, repeat?: PartSpec['repeat']): PartSpec[] =>
    tiketWorkbookParts({
      head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kab. Bogor</t></si></sst>',
    }).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? {
            ...p,
            head: p.head.replace('</sheetData></worksheet>', ''),
            ...(repeat ? { repeat } : {}),
            tail: `${rows}</sheetData></worksheet>`,
          }
        : p,
    );

  it('1.2 million formatted empty rows (past the row limit): nothing stored, the ticket counted', async () => {
    const path = join(dir, 'baris-kosong.xlsx');
    await writeZip(path, withRows('', { text: '<row s="1" customFormat="1"/>', times: 1_200_000 }));
    const rss = process.memoryUsage().rss;
    const raw = await readXlsxFile(path);
    expect(raw.Tiket).toHaveLength(2);
    expect(process.memoryUsage().rss - rss).toBeLessThan(128 * 1024 * 1024);
  });

  it.each([
    [
      'row 2,000,000',
      '<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>x</t></is></c></row>',
      /tab 'Tiket' berisi sel di baris 2\.000\.000, di luar batas 1\.048\.576 baris satu tab; berkas tidak dibaca/,
    ],
    [
      'column ZZZZZZ',
      '<row r="3"><c r="ZZZZZZ3" t="inlineStr"><is><t>x</t></is></c></row>',
      /tab 'Tiket' berisi sel di kolom ke-321\.272\.406, di luar batas 18\.278 kolom satu tab; berkas tidak dibaca/,
    ],
  ])('a value at %s (beyond any sheet) is refused in one line, exit 2', async (_name, rows, message) => {
    const path = join(dir, `luar-${rows.length}.xlsx`);
    await writeZip(path, withRows(rows));
    const { code, stderr } = await cli('validate', '--data', path);
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it('a FIFO named data.xlsx is never opened: one line, exit 2', async () => {
    const path = join(dir, 'fifo.xlsx');
    execFileSync('mkfifo', [path]);
    const { code, stderr } = await cli('report', '--data', path, '--format', 'json');
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toContain('bukan berkas biasa, mis. FIFO atau perangkat');
  });
});
