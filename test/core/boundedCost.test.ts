/**
 * Hostile cell sizes (issue 12, "Bounded cost"): Sheets' maximum of 50,000 characters in an enum
 * column or in Rekap Historis.Metrik must cost milliseconds, a longer cell is cut with a finding,
 * and no message quotes more than ~80 characters of a cell.
 */
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../core/metrics/report';
import { closestMatch, levenshtein } from '../../core/text/textMatch';
import { type CellValue, MAX_CELL_CHARS, QUOTE_CHARS, quoteText } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';

const at = (d: number, h = 9) => new Date(Date.UTC(2025, 0, d, h));
const HEADER = ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Nama Instansi', 'Topik', 'Zona Waktu'];
/** Ten distinct 50,000-character texts (distinct, so no cache can hide the cost). */
const huge = (i: number, length = 50_000) => `${'ABCDEFGHIJ'[i]}${'whatsap '.repeat(length / 8)}`.slice(0, length);

describe('closestMatch and levenshtein are bounded', () => {
  it('levenshtein stops once the distance must exceed the limit', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(levenshtein('kitten', 'sitting', 2)).toBe(3); // max + 1: "more than 2"
    expect(levenshtein('a'.repeat(50_000), 'b', 3)).toBe(4);
  });

  it('a near miss is still suggested; a 50,000-character text matches nothing', () => {
    expect(closestMatch('Whatsap', ['WhatsApp', 'Email'], (c) => c)).toBe('WhatsApp');
    expect(closestMatch('Layanan Mulai Jam', ['Jam Mulai Layanan'], (c) => c)).toBe('Jam Mulai Layanan');
    expect(closestMatch(huge(0), ['WhatsApp', 'Email'], (c) => c)).toBeNull();
    expect(closestMatch('Tanggal', [huge(1), 'Tangal'], (c) => c)).toBe('Tangal');
  });

  it('ten 50,000-character cells in Kanal and in Rekap Historis.Metrik cost milliseconds, not seconds', () => {
    const tiket: CellValue[][] = [HEADER];
    for (let i = 0; i < 10; i++) tiket.push([at(6 + i), huge(i), 'Pemda', 'Kab. Bogor', 'DAU', 'WIB']);
    const rekap: CellValue[][] = [['Bulan', 'Metrik', 'Nilai']];
    for (let i = 0; i < 10; i++) rekap.push(['2024-01', huge(i), 1]);
    const t0 = performance.now();
    const builder = new ReportBuilder(parseWorkbook({ Tiket: tiket, 'Rekap Historis': rekap }, { now: null }));
    builder.build(builder.latestMonth() ?? 0);
    const ms = performance.now() - t0;
    // Before the length cut-off this took 7 s here (17–50 s in the probe); generous for a shared CI box.
    expect(ms).toBeLessThan(2_000);
    const kanal = builder.findings.filter((f) => f.tab === 'Tiket' && f.column === 'Kanal');
    const metrik = builder.findings.filter((f) => f.tab === 'Rekap Historis' && f.column === 'Metrik');
    expect(kanal).toHaveLength(10);
    expect(metrik).toHaveLength(10);
    for (const f of [...kanal, ...metrik]) {
      expect(f.severity).toBe('error');
      expect(f.message.length).toBeLessThan(QUOTE_CHARS + 200);
    }
    expect(kanal[0]?.message).toMatch(/^Kanal 'Awhatsap whatsap .{40,80}…' tidak dikenal; pilih salah satu: WhatsApp/);
  });
});

describe('long cells', () => {
  it('a cell longer than 50,000 characters is cut with a warning at its cell; the row still counts', () => {
    const long = `Kab. ${'x'.repeat(MAX_CELL_CHARS + 10)}`;
    const grid: CellValue[][] = [HEADER, [at(6), 'WhatsApp', 'Pemda', long, 'DAU', 'WIB']];
    const wb = parseWorkbook({ Tiket: grid }, { now: null });
    expect(wb.tiket).toHaveLength(1);
    expect(wb.tiket[0]?.instansi).toHaveLength(MAX_CELL_CHARS);
    expect(wb.findings).toContainEqual({
      tab: 'Tiket',
      row: 2,
      column: 'Nama Instansi',
      cell: 'D2',
      severity: 'warning',
      message: 'Isi sel lebih dari 50.000 karakter; hanya 50.000 karakter pertama yang dibaca',
      month: '2025-01',
    });
    expect(grid[1]?.[3]).toBe(long); // the agents' data is never modified
  });

  it('every message quotes at most ~80 characters of a cell', () => {
    const long = 'y'.repeat(5_000);
    expect(quoteText(long)).toHaveLength(QUOTE_CHARS);
    expect(quoteText(long).endsWith('…')).toBe(true);
    expect(quoteText('  pendek  ')).toBe('pendek');
    const grid: CellValue[][] = [
      [...HEADER, 'Eskalasi'],
      [long, 'WhatsApp', 'Pemda', 'A', 'DAU', 'WIB', null],
      [at(6), 'WhatsApp', long, 'A', 'DAU', 'WIB', null],
      [at(7), 'WhatsApp', 'Pemda', 'A', 'DAU', long, null],
      [at(8), 'WhatsApp', 'Pemda', 'A', 'DAU', 'WIB', long],
    ];
    const settings: CellValue[][] = [
      ['Kunci', 'Nilai'],
      [long, '1'],
      ['Jam Mulai Layanan', long],
    ];
    const website: CellValue[][] = [
      ['Bulan', 'Pengunjung'],
      [long, 1],
      ['2025-01', long],
    ];
    const wb = parseWorkbook({ Tiket: grid, Pengaturan: settings, Website: website }, { now: null });
    const quoting = wb.findings.filter((f) => f.tab !== 'Tiket' || f.row !== null);
    expect(quoting.length).toBeGreaterThanOrEqual(7);
    for (const f of quoting) expect(f.message.length, f.message).toBeLessThan(QUOTE_CHARS + 120);
  });
});
