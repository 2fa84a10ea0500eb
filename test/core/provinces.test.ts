/**
 * Tickets by province (issue 20): the sample's January 2025 table, counted here from the .xlsx rows
 * (exceljs) and the package's own CSV files, not through core/region or the report's code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { parseWorkbook } from '../../core/workbook/workbook';
import { SAMPLE_XLSX, sampleReport, table } from '../fixtures/sample';

const csvDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
const csv = (name: string) =>
  readFileSync(join(csvDir, name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

/** "Kab. Bogor" / "Kota Bogor" / "Prov. Jawa Barat" → province name, from provinces.csv and regencies.csv. */
function provinceByShortName(): Map<string, string> {
  const provinces = new Map(csv('provinces.csv').map(([code, name]) => [code ?? '', name ?? '']));
  const short = (name: string) =>
    name
      .replace(/^Kabupaten /, 'Kab. ')
      .replace(/^Kota Administrasi /, 'Kota ')
      .toLowerCase();
  const map = new Map<string, string>();
  for (const [, provinceCode, name] of csv('regencies.csv'))
    map.set(short(name ?? ''), provinces.get(provinceCode ?? '') ?? '?');
  for (const name of provinces.values()) map.set(`prov. ${name.toLowerCase()}`, name);
  return map;
}

/** Province names as the report prints them (the list's two long names shortened as the reports do). */
const PRINTED: Record<string, string> = {
  'Daerah Khusus Ibukota Jakarta': 'DKI Jakarta',
  'Daerah Istimewa Yogyakarta': 'DI Yogyakarta',
};

interface Counted {
  byProvince: Map<string, number>;
  notPemda: number;
  unknown: number;
  total: number;
}

/** The sample's January 2025 tickets, counted from the sheet's cells. */
async function countJanuary(): Promise<Counted> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_XLSX);
  const sheet = book.getWorksheet('Tiket');
  if (!sheet) throw new Error('no Tiket sheet');
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => header.indexOf(name);
  const places = provinceByShortName();
  const counted: Counted = { byProvince: new Map(), notPemda: 0, unknown: 0, total: 0 };
  // The sample's one misspelled channel ('Whatsap') is an error in Validasi: that row is not counted.
  const refused = new Set(['Whatsap']);
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = row.values as unknown[];
    const date = cells[col('Tanggal')];
    if (!(date instanceof Date) || date.getUTCFullYear() !== 2025 || date.getUTCMonth() !== 0) return;
    if (refused.has(String(cells[col('Kanal')] ?? ''))) return;
    const weight = Number(cells[col('Jumlah')] ?? 1) || 1;
    counted.total += weight;
    const category = String(cells[col('Kategori Pengguna')] ?? '');
    if (category === '') counted.unknown += weight;
    else if (category !== 'Pemda') counted.notPemda += weight;
    else {
      const province = places.get(String(cells[col('Nama Instansi')] ?? '').toLowerCase());
      if (!province) counted.unknown += weight;
      else {
        const name = PRINTED[province] ?? province;
        counted.byProvince.set(name, (counted.byProvince.get(name) ?? 0) + weight);
      }
    }
  });
  return counted;
}

let jan25: Report;
let counted: Counted;
beforeAll(async () => {
  [jan25, counted] = await Promise.all([sampleReport('2025-01'), countJanuary()]);
});

describe('tickets by province, January 2025 of the sample', () => {
  it('equals the count from the sheet, province by province, and sums to the seed total', () => {
    expect(counted.total).toBe(1010);
    const rows = table(jan25, 'provinsi', 'Tiket per Provinsi').rows;
    const shown = new Map(rows.map((r) => [String(r[0]), r[2]]));
    for (const [name, n] of counted.byProvince) expect(shown.get(name), name).toBe(n);
    const provinceRows = rows.slice(0, 38);
    expect(provinceRows.filter((r) => !counted.byProvince.has(String(r[0]))).every((r) => r[2] === 0)).toBe(true);
    expect(shown.get('Pengguna bukan Pemda')).toBe(counted.notPemda);
    expect(shown.get('Tidak teridentifikasi')).toBe(counted.unknown);
    expect(shown.get('Total')).toBe(1010);
    const sum = rows.slice(0, -1).reduce((s, r) => s + Number(r[2]), 0);
    expect(sum).toBe(1010);
    // The seed's users: Pemda 824, K/L 93 + Akademisi 33 + Lainnya 60 = 186.
    expect(provinceRows.reduce((s, r) => s + Number(r[2]), 0)).toBe(824);
    expect(counted.notPemda).toBe(186);
  });

  it('the figures are metrics of the catalog', () => {
    const jatim = jan25.metrics['konsultasi.provinsi.jawatimur'];
    expect(jatim).toMatchObject({ label: 'Tiket dari Jawa Timur', value: counted.byProvince.get('Jawa Timur') });
    expect(jan25.metrics['konsultasi.provinsi.bukanPemda']?.value).toBe(186);
    expect(jan25.metrics['konsultasi.provinsi.tidakTeridentifikasi']?.value).toBe(counted.unknown);
  });

  it('orders the provinces most first, and the island groups add up to the Pemda tickets', () => {
    const rows = table(jan25, 'provinsi', 'Tiket per Provinsi').rows.slice(0, 38);
    const counts = rows.map((r) => Number(r[2]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const islands = table(jan25, 'provinsi', 'Tiket Pemda per Wilayah').rows;
    expect(islands.at(-1)?.slice(0, 3)).toEqual(['Total', counted.byProvince.size, 824]);
  });
});

describe('tickets by province, built from rows', () => {
  const build = (rows: unknown[][]) => {
    const header = ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Nama Instansi', 'Zona Waktu'];
    const wb = parseWorkbook(
      { Tiket: [header, ...rows] as never },
      {
        now: Date.UTC(2025, 5, 1),
      },
    );
    const m = parseIsoMonth('2025-01');
    if (m === null) throw new Error('month');
    return new ReportBuilder(wb).build(m);
  };
  const jan = (day: number) => new Date(Date.UTC(2025, 0, day, 9));

  it('counts five spellings as one Pemda, a name of two Pemda of one province there, and never drops a ticket', () => {
    const report = build([
      [jan(6), 'WhatsApp', 'Pemda', 'Pemkab Bogor', 'WIB'],
      [jan(6), 'WhatsApp', 'Pemda', 'Kabupaten Bogor', 'WIB'],
      [jan(6), 'WhatsApp', 'Pemda', 'KAB BOGOR', 'WIB'],
      [jan(6), 'WhatsApp', 'Pemda', 'Kab. Bogor', null],
      [jan(6), 'WhatsApp', 'Pemda', 'Pemerintah Kabupaten Bogor', 'WIB'],
      [jan(7), 'Email', 'Pemda', 'Bogor', 'WIB'],
      [jan(7), 'Email', 'Pemda', 'Kab. Antah Berantah', 'WIB'],
      [jan(7), 'Email', 'Pemda', null, 'WITA'],
      [jan(7), 'Email', 'Akademisi', 'Universitas Indonesia', 'WIB'],
      [jan(8), 'Telepon', null, 'Kab. Bogor', 'WIB'],
    ]);
    const rows = table(report, 'provinsi', 'Tiket per Provinsi').rows;
    const shown = new Map(rows.map((r) => [String(r[0]), r[2]]));
    expect(shown.get('Jawa Barat')).toBe(6);
    expect(shown.get('Pengguna bukan Pemda')).toBe(1);
    // The unknown name, the blank name and the ticket without a category.
    expect(shown.get('Tidak teridentifikasi')).toBe(3);
    expect(shown.get('Total')).toBe(10);
    const top = table(report, 'pengguna', 'Pemda Pengguna Terbanyak').rows;
    expect(top[0]?.slice(1, 3)).toEqual(['Kab. Bogor', 5]);
  });

  it('a month logged without categories has no province figures: belum tersedia, not 0', () => {
    const wb = parseWorkbook(
      {
        Tiket: [
          ['Tanggal', 'Kanal'],
          [jan(6), 'WhatsApp'],
        ] as never,
      },
      { now: null },
    );
    const m = parseIsoMonth('2025-01') ?? 0;
    const report = new ReportBuilder(wb).build(m);
    const section = report.sections.find((s) => s.id === 'provinsi');
    expect(section?.sentences).toEqual(['Data asal provinsi pengguna layanan bulan Januari 2025 belum tersedia.']);
    expect(section?.tables).toEqual([]);
    expect(report.metrics['konsultasi.provinsi.jawatimur']).toBeUndefined();
  });
});
