/**
 * Pemda names as agents type them, resolved against the official list (core/region/pemda.ts): every
 * spelling rule with real names, and the findings a Tiket row gets when a name resolves to nothing,
 * to two Pemda, or to a Pemda whose province's zone is not the one typed.
 */
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { resolvePemda, suggestPemda } from '../../core/region/pemda';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';

/** The Pemda a text resolves to (its short name), or the status. */
const resolved = (text: string) => {
  const r = resolvePemda(text);
  return r.status === 'found' ? r.pemda.name : r.status;
};
const candidates = (text: string) => {
  const r = resolvePemda(text);
  return r.status === 'ambiguous' ? r.candidates.map((p) => p.officialName) : [];
};
const suggested = (text: string) => suggestPemda(text).map((p) => p.officialName);

describe('spellings that name one Pemda', () => {
  it.each([
    'Kab. Bogor',
    'Kab Bogor',
    'Kab.Bogor',
    'KAB BOGOR',
    'kab. bogor',
    'Kabupaten Bogor',
    'Pemkab Bogor',
    'Pemkab. Bogor',
    'Pemerintah Kabupaten Bogor',
    'PEMERINTAH KABUPATEN BOGOR',
    '  Kab.  Bogor  ',
  ])('%s → Kab. Bogor', (text) => {
    expect(resolved(text)).toBe('Kab. Bogor');
  });

  it.each(['Kota Bogor', 'KOTA BOGOR', 'Pemkot Bogor', 'Pemerintah Kota Bogor', 'Kotamadya Bogor', 'Kota Madya Bogor'])(
    '%s → Kota Bogor, never Kab. Bogor',
    (text) => {
      expect(resolved(text)).toBe('Kota Bogor');
    },
  );

  it.each([
    ['Prov. Jawa Timur', 'Prov. Jawa Timur'],
    ['Prov Jawa Timur', 'Prov. Jawa Timur'],
    ['Provinsi Jawa Timur', 'Prov. Jawa Timur'],
    ['Propinsi Jawa Timur', 'Prov. Jawa Timur'],
    ['Pemprov Jawa Timur', 'Prov. Jawa Timur'],
    ['Pemerintah Provinsi Jawa Timur', 'Prov. Jawa Timur'],
    ['Jawa Timur', 'Prov. Jawa Timur'],
    ['Jatim', 'Prov. Jawa Timur'],
    ['Prov. DKI Jakarta', 'Prov. DKI Jakarta'],
    ['Provinsi Daerah Khusus Ibukota Jakarta', 'Prov. DKI Jakarta'],
    ['DKI Jakarta', 'Prov. DKI Jakarta'],
    ['D.I. Yogyakarta', 'Prov. DI Yogyakarta'],
    ['DIY', 'Prov. DI Yogyakarta'],
    ['NTB', 'Prov. Nusa Tenggara Barat'],
    ['Prov. Kepulauan Bangka Belitung', 'Prov. Kepulauan Bangka Belitung'],
    ['Babel', 'Prov. Kepulauan Bangka Belitung'],
    ['Prov. Kalimantan Barat', 'Prov. Kalimantan Barat'],
  ])('province: %s → %s', (text, name) => {
    expect(resolved(text)).toBe(name);
  });

  it.each([
    ['Kota Manado', 'Kota Manado'],
    ['Manado', 'Kota Manado'],
    ['Pemda Manado', 'Kota Manado'],
    ['Kab. Bangka Selatan', 'Kab. Bangka Selatan'],
    ['Kab. Fak Fak', 'Kab. Fak Fak'],
    ['Kab. Fakfak', 'Kab. Fak Fak'],
    ['Kab. Toli Toli', 'Kab. Toli-Toli'],
    ['Kota Pematang Siantar', 'Kota Pematangsiantar'],
    ['Kab. Lima Puluh Kota', 'Kab. Lima Puluh Kota'],
    ['Lima Puluh Kota', 'Kab. Lima Puluh Kota'],
    ['Kota Jakarta Pusat', 'Kota Jakarta Pusat'],
    ['Kota Administrasi Jakarta Pusat', 'Kota Jakarta Pusat'],
    ['Kota Adm. Jakarta Pusat', 'Kota Jakarta Pusat'],
    ['Jakarta Pusat', 'Kota Jakarta Pusat'],
    ['Kab. Kep. Seribu', 'Kab. Kepulauan Seribu'],
    ['Kab. Mentawai', 'Kab. Kepulauan Mentawai'],
    ['Kab. Kepulauan Mentawai', 'Kab. Kepulauan Mentawai'],
    ['Kab. Morotai', 'Kab. Pulau Morotai'],
    ['Kota Tidore', 'Kota Tidore Kepulauan'],
    ['Kab. Toba Samosir', 'Kab. Toba'],
    ['Kab. Brebes (DPRD)', 'Kab. Brebes'],
    ['DPRD Kab. Brebes', 'Kab. Brebes'],
    ['BPKAD Kota Samarinda', 'Kota Samarinda'],
    ['Sekretariat DPRD Provinsi Jawa Barat', 'Prov. Jawa Barat'],
    ['Kab. Bolaang Mongondow', 'Kab. Bolaang Mongondow'],
    ['Kab. Bolaang Mongondow Utara', 'Kab. Bolaang Mongondow Utara'],
  ])('%s → %s', (text, name) => {
    expect(resolved(text)).toBe(name);
  });

  it('a name of the list that also names a wider Pemda stays the narrower one', () => {
    // "Kab. Banggai" and "Kab. Banggai Kepulauan", "Kab. Konawe" and "Kab. Konawe Kepulauan" are four Pemda.
    expect(resolved('Kab. Banggai')).toBe('Kab. Banggai');
    expect(resolved('Kab. Banggai Kepulauan')).toBe('Kab. Banggai Kepulauan');
    expect(resolved('Kab. Konawe')).toBe('Kab. Konawe');
    expect(resolved('Prov. Riau')).toBe('Prov. Riau');
    expect(resolved('Kepri')).toBe('Prov. Kepulauan Riau');
  });
});

describe('names that do not name one Pemda', () => {
  it('a bare name of a kabupaten and a kota is ambiguous, and says which two', () => {
    expect(candidates('Bogor')).toEqual(['Kabupaten Bogor', 'Kota Bogor']);
    expect(candidates('Pemda Bekasi')).toEqual(['Kabupaten Bekasi', 'Kota Bekasi']);
    expect(candidates('Gorontalo')).toEqual(['Provinsi Gorontalo', 'Kabupaten Gorontalo', 'Kota Gorontalo']);
    expect(candidates('Yogyakarta')).toEqual(['Provinsi Daerah Istimewa Yogyakarta', 'Kota Yogyakarta']);
  });

  it('a misspelling or a kind that does not exist is unknown, with the closest official names', () => {
    expect(resolved('Kab. Bogr')).toBe('unknown');
    expect(suggested('Kab. Bogr')).toEqual(['Kabupaten Bogor']);
    expect(suggested('Kota Sleman')).toEqual(['Kabupaten Sleman']);
    expect(suggested('Kab. Probolingo')).toEqual(['Kabupaten Probolinggo']);
    expect(suggested('Bogr')).toEqual(['Kabupaten Bogor', 'Kota Bogor']);
    expect(resolved('Kab. Antah Berantah')).toBe('unknown');
    expect(suggested('Kab. Antah Berantah')).toEqual([]);
  });

  it('a long or hostile text costs microseconds, whatever it holds', () => {
    const long = `Kab. ${'Bogor '.repeat(8_000)}`;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      expect(resolved(`${i}${long}`)).toBe('unknown');
      expect(suggested(`${i}${long}`)).toEqual([]);
    }
    expect(performance.now() - t0).toBeLessThan(500);
    expect(resolved('')).toBe('unknown');
    expect(resolved('Pemda')).toBe('unknown');
  });
});

const at = (d: number, h = 9) => new Date(Date.UTC(2025, 0, d, h));
const HEADER = ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Nama Instansi', 'Topik', 'Zona Waktu'];
const parse = (rows: CellValue[][]) => parseWorkbook({ Tiket: [HEADER, ...rows] }, { now: null });
const ticketFindings = (rows: CellValue[][]) =>
  parse(rows)
    .findings.filter((f) => f.tab === 'Tiket')
    .map((f) => ({ row: f.row, cell: f.cell, severity: f.severity, message: f.message }));

describe('findings on the Tiket tab', () => {
  it('an unknown name says the closest official name, at its cell; the ticket still counts', () => {
    const rows: CellValue[][] = [
      [at(6), 'WhatsApp', 'Pemda', 'Kab. Bogr', 'DAU', 'WIB'],
      [at(6), 'WhatsApp', 'Pemda', 'Kab. Antah Berantah', 'DAU', 'WIB'],
      [at(6), 'WhatsApp', 'Pemda', 'Bogor', 'DAU', 'WIB'],
    ];
    expect(ticketFindings(rows)).toEqual([
      {
        row: 2,
        cell: 'D2',
        severity: 'warning',
        message: "Nama Instansi 'Kab. Bogr' tidak ada di daftar Pemda resmi; maksud Anda 'Kabupaten Bogor'?",
      },
      {
        row: 3,
        cell: 'D3',
        severity: 'warning',
        message: "Nama Instansi 'Kab. Antah Berantah' tidak ada di daftar Pemda resmi; periksa ejaannya",
      },
      {
        row: 4,
        cell: 'D4',
        severity: 'warning',
        message: "Nama Instansi 'Bogor' bisa berarti 'Kabupaten Bogor' atau 'Kota Bogor'; tuliskan yang dimaksud",
      },
    ]);
    const builder = new ReportBuilder(parse(rows));
    expect(builder.build(parseIsoMonth('2025-01') ?? 0).metrics['konsultasi.pengguna.pemda']?.value).toBe(3);
  });

  it('a typed zone that contradicts the Pemda is a warning that says the typed zone counts', () => {
    const rows: CellValue[][] = [
      [at(6), 'WhatsApp', 'Pemda', 'Kota Manado', 'DAU', 'WIB'],
      [at(6), 'WhatsApp', 'Pemda', 'Kota Manado', 'DAU', 'WITA'],
      [at(6), 'WhatsApp', 'Pemda', 'Kab. Fak Fak', 'DAU', 'Tengah'],
      // Not a Pemda ticket: its name is not checked against the list.
      [at(6), 'WhatsApp', 'Kementerian/Lembaga', 'Kota Manado', 'DAU', 'WIB'],
    ];
    expect(ticketFindings(rows)).toEqual([
      {
        row: 2,
        cell: 'F2',
        severity: 'warning',
        message:
          "Zona Waktu 'WIB' berbeda dengan zona Kota Manado (Sulawesi Utara: WITA); tiket tetap dihitung WIB, karena pengguna mungkin menghubungi dari tempat lain",
      },
      {
        row: 4,
        cell: 'F4',
        severity: 'warning',
        message:
          "Zona Waktu 'WITA' berbeda dengan zona Kab. Fak Fak (Papua Barat: WIT); tiket tetap dihitung WITA, karena pengguna mungkin menghubungi dari tempat lain",
      },
    ]);
    const report = new ReportBuilder(parse(rows)).build(parseIsoMonth('2025-01') ?? 0);
    expect(report.metrics['konsultasi.dalamJam.wib']?.value).toBe(2);
    expect(report.metrics['konsultasi.dalamJam.wita']?.value).toBe(2);
  });

  it('a blank zone of a Pemda on the list is its province’s; any other blank zone stays unidentified', () => {
    const rows: CellValue[][] = [
      [at(6), 'WhatsApp', 'Pemda', 'Kota Manado', 'DAU', null],
      [at(6), 'WhatsApp', 'Pemda', 'Pemkab Fakfak', 'DAU', ''],
      [at(6), 'WhatsApp', 'Pemda', 'Provinsi Jawa Timur', 'DAU', null],
      [at(6), 'WhatsApp', 'Pemda', 'Bogor', 'DAU', null],
      [at(6), 'WhatsApp', 'Pemda', 'Kab. Antah Berantah', 'DAU', null],
      [at(6), 'WhatsApp', 'Pemda', null, 'DAU', null],
      [at(6), 'WhatsApp', 'Kementerian/Lembaga', 'Kota Manado', 'DAU', null],
      [at(6, 20), 'WhatsApp', 'Pemda', 'Kota Ambon', 'DAU', null],
    ];
    const report = new ReportBuilder(parse(rows)).build(parseIsoMonth('2025-01') ?? 0);
    const value = (key: string) => report.metrics[key]?.value;
    expect(value('konsultasi.zona.teridentifikasi')).toBe(4);
    expect(value('konsultasi.zona.dariPemda')).toBe(4);
    expect(value('konsultasi.zona.tidakTeridentifikasi')).toBe(4);
    expect([
      value('konsultasi.dalamJam.wib'),
      value('konsultasi.dalamJam.wita'),
      value('konsultasi.dalamJam.wit'),
    ]).toEqual([1, 1, 1]);
    // Kota Ambon at 20:00 WIB: outside the service hours, from WIT.
    expect(value('konsultasi.luarJam.wit')).toBe(1);
  });

  it('thousands of distinct unknown names are each reported, in bounded time', () => {
    const rows: CellValue[][] = Array.from({ length: 5_000 }, (_, i) => [
      at(6),
      'WhatsApp',
      'Pemda',
      `Kab. Contoh ${i} ${'x'.repeat(i % 50)}`,
      'DAU',
      'WIB',
    ]);
    const t0 = performance.now();
    const findings = parse(rows).findings.filter((f) => f.column === 'Nama Instansi');
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(findings).toHaveLength(5_000);
  });
});
