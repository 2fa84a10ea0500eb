/**
 * Characters XML 1.0 forbids (issue 22, item 3): NUL, C0 controls other than tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF in the team's cells are cleaned once where text enters core, with a
 * finding naming the cell, so every PPTX and XLSX part built from such a workbook is valid XML.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../core/metrics/report';
import { renderSummarySheets } from '../../core/render/sheetBlocks';
import { cleanXmlText } from '../../core/text/xmlText';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { renderDeckFiles } from '../../formats/deck/deckFiles';
import { summaryWorkbook } from '../../formats/xlsx/summaryWorkbook';
import { cli } from '../fixtures/cli';
import { SAMPLE_XLSX, sampleRaw, TEST_NOW } from '../fixtures/sample';
import { invalidXmlParts } from '../fixtures/strictXml';

const JAN = 2025 * 12;
const NARASI_TEXT = 'Pembukaan\u0000 laporan\u000Bbaris kedua\uFFFE dan \uD800 sendiri';
const ALAMAT = 'Jalan\u0001 Dr. Wahidin Raya\uFFFF Nomor 1';
const INSTANSI = 'Kab.\u0000 Bogor\u001F';

/** The sample with forbidden characters in Narasi, Profil Layanan and Tiket (as the Sheets API or a CSV delivers them). */
async function hostileRaw(): Promise<RawWorkbook> {
  const raw = await sampleRaw();
  const tiket = raw.Tiket ?? [];
  const header = (tiket[0] ?? []).map(String);
  const row: CellValue[] = [...(tiket[1] ?? [])];
  row[header.indexOf('Nama Instansi')] = INSTANSI;
  const bad: CellValue[] = [...(tiket[1] ?? [])];
  bad[header.indexOf('Kanal')] = 'Whats\u0007Ap';
  return {
    ...raw,
    Tiket: [...tiket, row, bad],
    Narasi: [...(raw.Narasi ?? []), ['2025-01', 'Pembuka', 'Judul\u000B baru', NARASI_TEXT]],
    'Profil Layanan': [...(raw['Profil Layanan'] ?? []), ['Alamat', ALAMAT]],
  };
}

describe('cleanXmlText', () => {
  it('drops what XML 1.0 forbids, keeps tab, LF, CR, pairs and everything else', () => {
    expect(cleanXmlText('a\tb\nc\rd 😀 é — ✓')).toBeNull();
    expect(cleanXmlText('a\u0000b\u000Bc\uD800d\uD83D\uDE00e\uFFFFf\u001F')).toEqual({
      text: 'ab\nc\uFFFDd😀ef',
      count: 5,
      first: 'U+0000',
      lineBreaks: 1,
    });
    expect(cleanXmlText('\uDC00')?.text).toBe('\uFFFD');
  });
});

describe('a workbook with forbidden characters', () => {
  let raw: RawWorkbook;
  beforeAll(async () => {
    raw = await hostileRaw();
  });

  it('each cleaned cell is a warning naming tab, row and column; the rows still count', () => {
    const wb = parseWorkbook(raw, { now: TEST_NOW });
    const cleaned = wb.findings.filter((f) => /tidak boleh ada di berkas PPTX\/XLSX/.test(f.message));
    const tiketRows = raw.Tiket?.length ?? 0;
    const narasiRow = raw.Narasi?.length ?? 0;
    const profilRow = raw['Profil Layanan']?.length ?? 0;
    expect(cleaned.map((f) => [f.tab, f.row, f.column, f.cell, f.severity])).toEqual([
      ['Tiket', tiketRows - 1, 'Nama Instansi', `D${tiketRows - 1}`, 'warning'],
      ['Profil Layanan', profilRow, 'Nilai', `B${profilRow}`, 'warning'],
      ['Narasi', narasiRow, 'Judul', `C${narasiRow}`, 'warning'],
      ['Narasi', narasiRow, 'Teks', `D${narasiRow}`, 'warning'],
    ]);
    expect(cleaned[3]?.message).toBe(
      'Sel berisi 4 karakter tak terlihat (yang pertama U+0000) yang tidak boleh ada di berkas PPTX/XLSX (mis. dari =CHAR(11) atau teks tempelan); di laporan karakter itu dihapus atau diganti baris baru',
    );
    expect(cleaned[2]?.message).toMatch(/^Sel berisi karakter U\+000B .* diganti baris baru$/);
    expect(cleaned[0]?.month).toBe('2025-01');
    expect(wb.narasi.at(-1)?.teks).toBe('Pembukaan laporan\nbaris kedua dan \uFFFD sendiri');
    expect(wb.profile.alamat).toBe('Jalan Dr. Wahidin Raya Nomor 1');
    expect(wb.tiket.some((t) => t.instansi === 'Kab. Bogor')).toBe(true);
    // The enum error quotes the cell without its control character.
    expect(wb.findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        column: 'Kanal',
        message: expect.stringMatching(/^Kanal 'WhatsAp' tidak dikenal; maksud Anda 'WhatsApp'\?$/),
      }),
    );
    // The agents' data is never modified.
    expect(raw.Narasi?.at(-1)?.[3]).toBe(NARASI_TEXT);
  });

  it('every part of the PPTX, and of the XLSX copy with its summary tabs, is accepted by a strict XML parser', async () => {
    const builder = new ReportBuilder(parseWorkbook(raw, { now: TEST_NOW }));
    const report = builder.build(JAN);
    const files = await renderDeckFiles(
      report,
      { narasi: builder.wb.narasi, profile: builder.wb.profile, logo: null },
      ['pptx'],
    );
    expect(await invalidXmlParts(files.pptx ?? new Uint8Array())).toEqual([]);
    const xlsx = await summaryWorkbook(SAMPLE_XLSX, renderSummarySheets(report));
    expect(await invalidXmlParts(xlsx)).toEqual([]);
  });
});

describe('CLI on an .xlsx that holds U+FFFE and U+FFFF (exceljs writes them raw)', () => {
  it('writes a valid PPTX and XLSX (exit 0) and names the cells', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'djpk-xmltext-'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_XLSX);
    workbook
      .getWorksheet('Narasi')
      ?.addRow(['2025-01', 'Pembuka', 'Catatan', 'Teks\uFFFE dengan\uFFFF karakter terlarang']);
    const input = join(dir, 'data.xlsx');
    await workbook.xlsx.writeFile(input);
    // The input itself is not valid XML: exceljs's own reader refuses it.
    expect((await invalidXmlParts(await readFile(input))).join()).toMatch(/disallowed character/);
    const out = join(dir, 'out');
    const run = await cli('report', '--data', input, '--month', '2025-01', '--format', 'pptx,xlsx', '--out-dir', out);
    expect(run.stderr).not.toMatch(/^Galat/m);
    expect(run.code).toBe(0);
    for (const file of ['laporan-2025-01.pptx', 'laporan-2025-01.xlsx'])
      expect(await invalidXmlParts(await readFile(join(out, file)))).toEqual([]);
    const validate = await cli('validate', '--data', input, '--format', 'json');
    expect(JSON.parse(validate.stdout).findings).toContainEqual(
      expect.objectContaining({
        tab: 'Narasi',
        column: 'Teks',
        severity: 'warning',
        message: expect.stringMatching(/^Sel berisi 2 karakter tak terlihat \(yang pertama U\+FFFE\)/),
      }),
    );
  });
});
