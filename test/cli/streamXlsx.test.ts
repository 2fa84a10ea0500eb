/**
 * The streaming .xlsx reader (issue 11 part 3) gives exactly the cells exceljs's in-memory reader
 * gives, whichever order the package stores its parts in (Excel: workbook and shared strings
 * before the sheets; exceljs's writer: after).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxFile } from '../../formats/xlsx/readXlsx';
import { readXlsxFileWithExcelJs } from '../fixtures/excelJsReader';
import { tiketWorkbookParts, writeZip } from '../fixtures/hostileXlsx';
import { SAMPLE_XLSX } from '../fixtures/sample';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-stream-'));
});

const SMALL_PARTS_FIRST = (name: string) => (name.includes('worksheets/sheet') ? 1 : 0);

/** The same package with its entries stored in another order. */
async function reordered(path: string, rank: (name: string) => number, suffix: string): Promise<string> {
  const source = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const target = new JSZip();
  for (const name of names) target.file(name, await (source.file(name) as JSZip.JSZipObject).async('uint8array'));
  const out = join(dir, `${basename(path, '.xlsx')}-${suffix}.xlsx`);
  await writeFile(out, await target.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return out;
}

async function expectSameCellsInBothOrders(path: string): Promise<void> {
  const reference = await readXlsxFileWithExcelJs(path);
  expect(await readXlsxFile(path)).toEqual(reference);
  const first = await reordered(path, SMALL_PARTS_FIRST, 'excel');
  const last = await reordered(path, (n) => 1 - SMALL_PARTS_FIRST(n), 'exceljs');
  expect(await readXlsxFile(first)).toEqual(reference);
  expect(await readXlsxFile(last)).toEqual(reference);
}

const at = (d: number, h = 0, mi = 0) => new Date(Date.UTC(2025, 0, d, h, mi));

/** Every kind of cell a tracking workbook holds, written by exceljs's in-memory writer. */
async function generatedWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const tiket = workbook.addWorksheet('Tiket');
  tiket.addRow(['Tanggal', 'Kanal', 'Kategori Pengguna', 'Nama Instansi', 'Topik', 'Jumlah', 'Aktif']);
  tiket.addRow([at(6, 9, 30), 'WhatsApp', 'Pemda', 'Kab. Bogor & "Kota" <Bogor>', 'DAU', 2, true]);
  tiket.addRow([
    at(7),
    'Email',
    'K/L',
    { richText: [{ text: 'Kemen', font: { bold: true } }, { text: 'keu' }] },
    'DBH',
  ]);
  tiket.addRow([]); // a blank row inside the log
  tiket.addRow([
    { formula: 'DATE(2025,1,8)', result: at(8) },
    { formula: '"Tele"&"pon"', result: 'Telepon' },
    'Akademisi',
    { text: 'Universitas', hyperlink: 'https://example.org' },
    'Surat Masuk 🙂',
    { formula: '1+1', result: 2 },
    { formula: 'TRUE()', result: true },
  ]);
  tiket.addRow([at(9, 23, 59), 'Live Chat', null, null, '  spasi  ', 1.5, false]);
  tiket.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
  tiket.getCell('A3').numFmt = 'dd/mm/yyyy';
  tiket.getCell('A5').numFmt = 'dd/mm/yyyy';
  tiket.getCell('F6').numFmt = '0.00';
  tiket.getCell('H9').value = 'jauh di kanan'; // a row of its own, far right and far down
  tiket.getCell('C10').value = { error: '#N/A' };
  const website = workbook.addWorksheet('Website');
  website.addRow(['Bulan', 'Pengunjung']);
  website.addRow(['2025-01', 1234]);
  website.addRow([at(1), { formula: 'B2*2', result: 2468 }]);
  website.getCell('A3').numFmt = 'mmm-yy';
  await workbook.xlsx.writeFile(path);
}

describe('streaming .xlsx reader', () => {
  it('the sample workbook: identical cells to the in-memory reader, in both part orders', async () => {
    await expectSameCellsInBothOrders(SAMPLE_XLSX);
  });

  it('dates, numbers, formulas’ cached values, rich text, hyperlinks, blank rows: identical, in both part orders', async () => {
    const path = join(dir, 'campuran.xlsx');
    await generatedWorkbook(path);
    await expectSameCellsInBothOrders(path);
    const raw = await readXlsxFile(path);
    expect(raw.Tiket?.[1]).toEqual([at(6, 9, 30), 'WhatsApp', 'Pemda', 'Kab. Bogor & "Kota" <Bogor>', 'DAU', 2, true]);
    expect(raw.Tiket?.[2]?.[3]).toBe('Kemenkeu');
    expect(raw.Tiket?.[3]).toEqual([]);
    expect(raw.Tiket?.[4]).toEqual([at(8), 'Telepon', 'Akademisi', 'Universitas', 'Surat Masuk 🙂', 2, true]);
    expect(raw.Tiket?.[8]?.[7]).toBe('jauh di kanan');
  });

  it("exceljs's streaming writer (inline strings, parts after the sheets) reads the same", async () => {
    const path = join(dir, 'stream.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('Tiket');
    sheet.addRow(['Tanggal', 'Kanal', 'Nama Instansi']).commit();
    for (let d = 1; d <= 30; d++) sheet.addRow([at(d, 8 + (d % 9)), d % 2 ? 'WA' : 'Email', `Pemda ${d}`]).commit();
    await sheet.commit();
    await writer.commit();
    await expectSameCellsInBothOrders(path);
    expect((await readXlsxFile(path)).Tiket).toHaveLength(31);
  });

  it('a hand-written package with inline strings and escaped text reads the same', async () => {
    const path = join(dir, 'inline.xlsx');
    await writeZip(
      path,
      tiketWorkbookParts({
        head: '<sst><si><t xml:space="preserve">',
        tail: ' Kab. &amp; &#8364;&#x41;</t></si></sst>',
      }),
    );
    await expectSameCellsInBothOrders(path);
    expect((await readXlsxFile(path)).Tiket?.[1]).toEqual(['2025-01-06', 'WhatsApp', 'Pemda', ' Kab. & €A']);
  });
});
