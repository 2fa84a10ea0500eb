/**
 * Bad-input corpus: each case breaks one thing in an otherwise valid workbook and asserts the
 * finding (tab, row, column, Indonesian message) and that the rest of the data is intact.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import type { CellValue } from '../../core/workbook/cells';
import type { Finding } from '../../core/workbook/findings';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';

const at = (d: number, h = 0, mi = 0) => new Date(Date.UTC(2025, 0, d, h, mi));
const NOW = Date.UTC(2025, 1, 10, 12);
const HEADER = [
  'Tanggal',
  'Kanal',
  'Kategori Pengguna',
  'Nama Instansi',
  'Topik',
  'Zona Waktu',
  'Eskalasi',
  'Unit Layer 2',
  'Tanggal Eskalasi',
  'Tanggal Tanggapan',
  'Jumlah',
];
/** Three good tickets: rows 2–4 of the sheet. */
const GOOD: CellValue[][] = [
  [at(6, 9), 'WhatsApp', 'Pemda', 'Kab. Bogor', 'DAU', 'WIB', 'Tidak', null, null, null, null],
  [at(7, 10), 'Email', 'Pemda', 'Kota Manado', 'DBH', 'WITA', 'Ya', 'DTU', at(7), at(8), null],
  [at(8, 11), 'Telepon', 'Akademisi', 'Universitas Indonesia', 'Surat Masuk', null, 'Tidak', null, null, null, null],
];

function workbook(extra: Partial<Record<string, CellValue[][]>> = {}, tiketRows: CellValue[][] = []): RawWorkbook {
  return {
    Tiket: [HEADER, ...GOOD, ...tiketRows],
    PPID: [
      ['Tanggal', 'Pemohon', 'Informasi Diminta', 'Tujuan'],
      [at(9), 'A', 'Data APBD', 'Penelitian'],
    ],
    ...extra,
  } as RawWorkbook;
}

function run(raw: RawWorkbook): { report: Report; findings: Finding[] } {
  const builder = new ReportBuilder(parseWorkbook(raw, { now: NOW }));
  const report = builder.build(parseIsoMonth('2025-01') ?? 0);
  return { report, findings: report.findings.filter((f) => f.severity !== 'info' || !f.message.startsWith('Tab ')) };
}
const value = (report: Report, key: string) => report.metrics[key]?.value ?? null;

/** One bad Tiket row (sheet row 5); the three good ones still count. */
function badTicket(cells: CellValue[]): { report: Report; findings: Finding[] } {
  return run(workbook({}, [cells]));
}
const row = (over: Partial<Record<number, CellValue>>): CellValue[] => {
  const base: CellValue[] = [
    at(9, 9),
    'WhatsApp',
    'Pemda',
    'Kab. Garut',
    'DAU',
    'WIB',
    'Tidak',
    null,
    null,
    null,
    null,
  ];
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v;
  return base;
};

interface ErrorCase {
  readonly name: string;
  readonly cells: CellValue[];
  readonly column: string;
  readonly message: string;
}

const REJECTED: ErrorCase[] = [
  {
    name: 'channel typo',
    cells: row({ 1: 'Whatsap' }),
    column: 'Kanal',
    message: "Kanal 'Whatsap' tidak dikenal; maksud Anda 'WhatsApp'?",
  },
  {
    name: 'unknown channel',
    cells: row({ 1: 'Faksimili' }),
    column: 'Kanal',
    message: "Kanal 'Faksimili' tidak dikenal; pilih salah satu: WhatsApp, Telepon, Email, Help Desk, Live Chat",
  },
  { name: 'blank channel', cells: row({ 1: '  ' }), column: 'Kanal', message: "Kolom wajib 'Kanal' kosong" },
  { name: 'blank date', cells: row({ 0: null }), column: 'Tanggal', message: "Kolom wajib 'Tanggal' kosong" },
  {
    name: 'impossible date',
    cells: row({ 0: '31/02/2025' }),
    column: 'Tanggal',
    message: "Tanggal '31/02/2025' tidak ada di kalender",
  },
  { name: 'impossible month', cells: row({ 0: '12/13/2025' }), column: 'Tanggal', message: 'bulan 13 tidak ada' },
  {
    name: 'text that is no date',
    cells: row({ 0: 'kemarin sore' }),
    column: 'Tanggal',
    message: "Teks 'kemarin sore' bukan tanggal",
  },
  { name: 'unknown month word', cells: row({ 0: '5 Janury 2025' }), column: 'Tanggal', message: "Nama bulan 'Janury'" },
  {
    name: 'future date',
    cells: row({ 0: new Date(Date.UTC(2025, 2, 3, 9)) }),
    column: 'Tanggal',
    message: 'Tanggal 03/03/2025 ada di masa depan',
  },
  {
    name: 'formula error in a date',
    cells: row({ 0: '#REF!' }),
    column: 'Tanggal',
    message: 'Sel berisi galat rumus #REF!',
  },
  {
    name: 'formula error in a channel',
    cells: row({ 1: '#N/A' }),
    column: 'Kanal',
    message: 'Sel berisi galat rumus #N/A',
  },
  { name: 'a boolean as date', cells: row({ 0: true }), column: 'Tanggal', message: 'bukan tanggal' },
  {
    name: 'weight 0',
    cells: row({ 10: 0 }),
    column: 'Jumlah',
    message: 'Jumlah 0 tidak valid; harus bilangan bulat ≥ 1',
  },
  { name: 'fractional weight', cells: row({ 10: '2,5' }), column: 'Jumlah', message: 'Jumlah 2.5 tidak valid' },
  { name: 'weight as words', cells: row({ 10: 'dua' }), column: 'Jumlah', message: "Teks 'dua' bukan angka" },
  { name: 'category typo', cells: row({ 2: 'Pemdaa' }), column: 'Kategori Pengguna', message: "maksud Anda 'Pemda'?" },
  {
    name: 'zone typo',
    cells: row({ 5: 'WTA' }),
    column: 'Zona Waktu',
    message: "Zona Waktu 'WTA' tidak dikenal; maksud Anda 'WITA'?",
  },
  {
    name: 'escalation neither yes nor no',
    cells: row({ 6: 'mungkin' }),
    column: 'Eskalasi',
    message: "Nilai Ya/Tidak 'mungkin' tidak dikenal",
  },
  {
    name: 'Layer 2 unit typo',
    cells: row({ 6: 'Ya', 7: 'DTUU' }),
    column: 'Unit Layer 2',
    message: "Unit Layer 2 'DTUU' tidak dikenal; maksud Anda 'DTU'?",
  },
];

describe('rejected rows: reported at their cell, left out, the rest intact', () => {
  it.each(REJECTED)('$name', ({ cells, column, message }) => {
    const { report, findings } = badTicket(cells);
    const finding = findings.find((f) => f.tab === 'Tiket' && f.row === 5 && f.column === column);
    expect(finding, JSON.stringify(findings)).toBeDefined();
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(message);
    expect(finding?.cell).toMatch(/^[A-K]5$/);
    expect(value(report, 'konsultasi.total')).toBe(3);
  });
});

interface AcceptedCase {
  readonly name: string;
  readonly cells: CellValue[];
  readonly check: (report: Report) => void;
}

const ACCEPTED: AcceptedCase[] = [
  { name: 'alias WA', cells: row({ 1: 'WA' }), check: (r) => expect(value(r, 'konsultasi.kanal.whatsapp')).toBe(2) },
  {
    name: 'alias HAI Kemenkeu',
    cells: row({ 1: 'HAI Kemenkeu' }),
    check: (r) => expect(value(r, 'konsultasi.kanal.helpdesk')).toBe(1),
  },
  {
    name: 'alias Dering, lower case',
    cells: row({ 1: 'dering' }),
    check: (r) => expect(value(r, 'konsultasi.kanal.telepon')).toBe(2),
  },
  {
    name: 'alias Webchat with spaces',
    cells: row({ 1: ' Web Chat ' }),
    check: (r) => expect(value(r, 'konsultasi.kanal.livechat')).toBe(1),
  },
  {
    name: 'text date DD/MM/YYYY HH:mm',
    cells: row({ 0: '15/01/2025 10:30' }),
    check: (r) => expect(value(r, 'konsultasi.jam.dalam')).toBe(4),
  },
  {
    name: 'text date YYYY-MM-DD',
    cells: row({ 0: '2025-01-15' }),
    check: (r) => expect(value(r, 'konsultasi.total')).toBe(4),
  },
  {
    name: 'text date "15 Januari 2025 10.30"',
    cells: row({ 0: '15 Januari 2025 10.30' }),
    check: (r) => expect(value(r, 'konsultasi.jam.dalam')).toBe(4),
  },
  {
    name: 'short month "15 Jan 2025"',
    cells: row({ 0: '15 Jan 2025' }),
    check: (r) => expect(value(r, 'konsultasi.total')).toBe(4),
  },
  {
    name: 'Excel serial number date',
    cells: row({ 0: 45672.5 }),
    check: (r) => expect(value(r, 'konsultasi.jam.dalam')).toBe(4),
  },
  { name: 'weight as text "3"', cells: row({ 10: '3' }), check: (r) => expect(value(r, 'konsultasi.total')).toBe(6) },
  { name: 'K/L alias', cells: row({ 2: 'K/L' }), check: (r) => expect(value(r, 'konsultasi.pengguna.kl')).toBe(1) },
  {
    name: 'Mahasiswa counts as Akademisi',
    cells: row({ 2: 'mahasiswa' }),
    check: (r) => expect(value(r, 'konsultasi.pengguna.akademisi')).toBe(2),
  },
  {
    name: '16:00 is outside service hours',
    cells: row({ 0: at(9, 16, 0) }),
    check: (r) => expect(value(r, 'konsultasi.jam.luar')).toBe(1),
  },
  {
    name: '15:59 is inside',
    cells: row({ 0: at(9, 15, 59) }),
    check: (r) => expect(value(r, 'konsultasi.jam.luar')).toBe(0),
  },
  {
    name: '08:00 is inside',
    cells: row({ 0: at(9, 8, 0) }),
    check: (r) => expect(value(r, 'konsultasi.jam.luar')).toBe(0),
  },
  {
    name: '07:59 is outside',
    cells: row({ 0: at(9, 7, 59) }),
    check: (r) => expect(value(r, 'konsultasi.luarJam.wib')).toBe(1),
  },
  {
    name: 'Saturday is outside',
    cells: row({ 0: at(11, 10) }),
    check: (r) => expect(value(r, 'konsultasi.jam.luar')).toBe(1),
  },
  {
    name: 'a date without time counts as inside',
    cells: row({ 0: at(11) }),
    check: (r) => expect(value(r, 'konsultasi.jam.luar')).toBe(0),
  },
];

describe('accepted spellings and the service-hours rules', () => {
  it.each(ACCEPTED)('$name', ({ cells, check }) => {
    const { report, findings } = badTicket(cells);
    expect(findings.filter((f) => f.tab === 'Tiket')).toEqual([]);
    check(report);
  });
});

describe('workbook-level problems', () => {
  it('a blank row and a whitespace row are skipped without a finding', () => {
    const { report, findings } = badTicket([]);
    const again = run(workbook({}, [[], ['  ', null, ''], row({})]));
    expect(findings).toEqual([]);
    expect(again.findings).toEqual([]);
    expect(value(report, 'konsultasi.total')).toBe(3);
    expect(value(again.report, 'konsultasi.total')).toBe(4);
  });

  it('a missing tab is "no data", said once as info', () => {
    const builder = new ReportBuilder(parseWorkbook({ Tiket: [HEADER, ...GOOD] }, { now: NOW }));
    const report = builder.build(parseIsoMonth('2025-01') ?? 0);
    expect(value(report, 'ppid.permohonan')).toBeNull();
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        tab: 'PPID',
        severity: 'info',
        message: 'Tab \'PPID\' tidak ada; angka dari tab ini ditampilkan sebagai "belum tersedia"',
      }),
    );
    // Issue 8: PPID keeps its capitals (the old text lowercased it to "ppid").
    expect(section(report, 'ppid')).toContain(
      'Data jumlah permohonan informasi melalui PPID DJPK bulan Januari 2025 belum tersedia.',
    );
  });

  it('a missing required column makes the tab unusable, with a message at row 1', () => {
    const header = HEADER.filter((h) => h !== 'Kanal');
    const { report, findings } = run({ Tiket: [header, ...GOOD.map((r) => r.filter((_, i) => i !== 1))] });
    expect(findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        row: 1,
        column: 'Kanal',
        severity: 'error',
        message: "Kolom wajib 'Kanal' tidak ditemukan di baris 1 tab 'Tiket'; data tab ini tidak dihitung",
      }),
    );
    expect(value(report, 'konsultasi.total')).toBeNull();
  });

  it('a renamed header is recognised as the likely culprit', () => {
    const header = HEADER.map((h) => (h === 'Kanal' ? 'Kanall' : h));
    const { findings } = run({ Tiket: [header, ...GOOD] });
    expect(findings[0]?.message).toContain("judul kolom 'Kanall' mungkin salah ketik");
  });

  it('a duplicated header: the first column is used, the second reported', () => {
    const header = [...HEADER, 'Kanal'];
    const { report, findings } = run({ Tiket: [header, ...GOOD.map((r) => [...r, 'Email'])] });
    expect(findings).toContainEqual(expect.objectContaining({ tab: 'Tiket', row: 1, cell: 'L1', severity: 'warning' }));
    expect(value(report, 'konsultasi.kanal.whatsapp')).toBe(1);
  });

  it('headers match case-, space- and punctuation-insensitively, aliases too; extra columns are ignored', () => {
    const header = [
      'tanggal ',
      'MEDIA',
      'Kategori-Pengguna',
      'Instansi',
      'topik',
      'zona',
      'Eskalasi',
      'Unit L2',
      'Tanggal Eskalasi',
      'Tanggal Tanggapan L2',
      'Jumlah',
      'Catatan',
    ];
    const { report, findings } = run({ Tiket: [header, ...GOOD.map((r) => [...r, 'catatan agen'])] });
    expect(findings).toEqual([]);
    expect(value(report, 'konsultasi.total')).toBe(3);
    expect(value(report, 'layer2.unit.dtu')).toBe(1);
  });

  it('tab names: any case, and aliases such as "Vicon"', () => {
    const { report } = run({
      tiket: [HEADER, ...GOOD],
      Vicon: [
        ['Tanggal', 'Daerah', 'Topik'],
        [at(7), 'Kab. Kolaka', 'IF'],
      ],
    });
    expect(value(report, 'konsultasi.total')).toBe(3);
    expect(value(report, 'vicon.total')).toBe(1);
  });

  it('an explicit "Jam Layanan" cell overrides the derived one', () => {
    const header = [...HEADER, 'Jam Layanan'];
    const { report, findings } = run({
      Tiket: [header, ...GOOD.map((r) => [...r, null]), [...row({ 0: at(9, 10) }), 'Luar']],
    });
    expect(findings).toEqual([]);
    expect(value(report, 'konsultasi.jam.luar')).toBe(1);
    expect(value(report, 'konsultasi.luarJam.wib')).toBe(1);
  });

  it('a holiday in "Hari Libur" is outside service hours', () => {
    const { report } = run(
      workbook(
        {
          'Hari Libur': [
            ['Tanggal', 'Keterangan'],
            ['09/01/2025', 'Libur contoh'],
          ],
        },
        [row({ 0: at(9, 10) })],
      ),
    );
    expect(value(report, 'konsultasi.jam.luar')).toBe(1);
  });

  it('Pengaturan: a later closing time moves the boundary; an unknown key is a warning with a suggestion', () => {
    const settings = [
      ['Kunci', 'Nilai'],
      ['Jam Layanan Selesai', '17:00'],
      ['Jam Mulai Layanan', '07:00'],
    ];
    const { report, findings } = run(workbook({ Pengaturan: settings }, [row({ 0: at(9, 16, 30) })]));
    expect(value(report, 'konsultasi.jam.luar')).toBe(0);
    expect(findings).toContainEqual(
      expect.objectContaining({
        tab: 'Pengaturan',
        row: 3,
        severity: 'warning',
        message: "Pengaturan 'Jam Mulai Layanan' tidak dikenal; maksud Anda 'Jam Layanan Mulai'?",
      }),
    );
  });

  it('Pengaturan: an invalid value keeps the default and says so', () => {
    const { findings } = run(
      workbook({
        Pengaturan: [
          ['Kunci', 'Nilai'],
          ['Desimal Persen', 'dua'],
        ],
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        row: 2,
        message: "Nilai 'dua' untuk 'Desimal Persen' tidak valid; dipakai nilai bawaan",
      }),
    );
  });

  it('Kepuasan: a score outside 1–5 is rejected', () => {
    const surveys = [
      ['Tanggal', 'Agen', 'Pengguna', 'Nilai Layanan', 'Nilai Substansi'],
      [at(6), 'Dian', 'U1', 5, 4],
      [at(6), 'Dian', 'U2', 6, 5],
    ];
    const { report, findings } = run(workbook({ Kepuasan: surveys }));
    expect(findings).toContainEqual(
      expect.objectContaining({
        tab: 'Kepuasan',
        row: 3,
        column: 'Nilai Layanan',
        message: 'Nilai Layanan 6 di luar skala 1–5',
      }),
    );
    expect(value(report, 'kepuasan.rataRata')).toBe(4.5);
  });

  it('Website: Indonesian number text is read, words are not, a second row for a month is ignored', () => {
    const site = [
      ['Bulan', 'Pengunjung'],
      ['Jan-25', '104.000'],
      ['Desember 2024', 'sembilan puluh ribu'],
      ['2025-01', 1],
    ];
    const { report, findings } = run(workbook({ Website: site }));
    expect(value(report, 'website.pengunjung')).toBe(104000);
    expect(findings).toContainEqual(expect.objectContaining({ tab: 'Website', row: 3, column: 'Pengunjung' }));
    expect(findings).toContainEqual(
      expect.objectContaining({
        tab: 'Website',
        row: 4,
        severity: 'warning',
        message: 'Data website bulan 2025-01 sudah ada di baris 2; baris ini diabaikan',
      }),
    );
  });

  it('Media Sosial: a month that is not a month', () => {
    const social = [
      ['Bulan', 'Platform', 'Followers'],
      ['Janu 2025', 'Instagram', 10],
      ['Jan-25', 'Tiktokk', 5],
    ];
    const { findings } = run(workbook({ 'Media Sosial': social }));
    expect(findings).toContainEqual(
      expect.objectContaining({ row: 2, column: 'Bulan', message: "Bulan pada 'Janu 2025' tidak dikenal" }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        row: 3,
        column: 'Platform',
        message: "Platform 'Tiktokk' tidak dikenal; maksud Anda 'TikTok'?",
      }),
    );
  });

  it('Publikasi: "Jurnal" is an alias, "Peraturann" a typo', () => {
    const pubs = [
      ['Tanggal', 'Judul', 'Jenis'],
      [at(6), 'Jurnal Defis XV', 'Jurnal'],
      [at(7), 'PMK', 'Peraturann'],
    ];
    const { report, findings } = run(workbook({ Publikasi: pubs }));
    expect(value(report, 'publikasi.jenis.jurnaldefis')).toBe(1);
    expect(findings).toContainEqual(
      expect.objectContaining({
        row: 3,
        message: "Jenis Publikasi 'Peraturann' tidak dikenal; maksud Anda 'Peraturan'?",
      }),
    );
  });

  it('Rekap Historis: an unknown metric gets a suggestion; a figure that disagrees with the log is flagged, the log wins', () => {
    const history = [
      ['Bulan', 'Metrik', 'Nilai'],
      ['2025-01', 'konsultasi.totl', 5],
      ['2025-01', 'Tiket Konsultasi', 99],
    ];
    const { report, findings } = run(workbook({ 'Rekap Historis': history }));
    expect(findings).toContainEqual(
      expect.objectContaining({
        row: 2,
        severity: 'error',
        message: "Metrik 'konsultasi.totl' tidak dikenal; maksud Anda 'konsultasi.total'? Baris ini tidak dihitung",
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        row: 3,
        severity: 'warning',
        message:
          'Rekap Historis mencatat Tiket Konsultasi 2025-01 = 99,00, tetapi dari log terhitung 3,00; yang dipakai angka dari log',
      }),
    );
    expect(value(report, 'konsultasi.total')).toBe(3);
  });

  it('Rekap Historis: a label the metric carried before it was renamed still counts', () => {
    const history = [
      ['Bulan', 'Metrik', 'Nilai'],
      ['2024-06', 'Panggilan Abandon', 7],
      ['2024-06', 'Service Level Telepon', 82.5],
    ];
    const builder = new ReportBuilder(parseWorkbook(workbook({ 'Rekap Historis': history }), { now: NOW }));
    expect(builder.findings.filter((f) => f.tab === 'Rekap Historis')).toEqual([]);
    const june = builder.build(parseIsoMonth('2024-06') ?? 0);
    expect(value(june, 'telepon.abandon')).toBe(7);
    expect(value(june, 'telepon.serviceLevel')).toBe(82.5);
  });

  it('a response dated before the escalation is flagged and not scored', () => {
    const { report, findings } = badTicket(row({ 6: 'Ya', 7: 'DTU', 8: at(9), 9: at(6) }));
    expect(findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        row: 5,
        severity: 'warning',
        message: 'Tanggal Tanggapan sebelum Tanggal Eskalasi; tiket ini tidak diberi skor Layer 2',
      }),
    );
    expect(value(report, 'layer2.unit.dtu')).toBe(2);
    expect(value(report, 'layer2.skor.dtu')).toBe(120);
  });

  it("never modifies the agents' data", () => {
    const raw = workbook({}, [row({ 1: 'Whatsap' }), row({ 0: '15/01/2025' })]);
    const before = JSON.stringify(raw);
    const frozen = Object.freeze(
      Object.fromEntries(
        Object.entries(raw).map(([k, grid]) => [k, Object.freeze(grid.map((r) => Object.freeze([...r])))]),
      ),
    );
    expect(() => run(frozen as RawWorkbook)).not.toThrow();
    run(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });
});

function section(report: Report, id: string): string {
  return report.sections.find((s) => s.id === id)?.sentences.join('\n') ?? '';
}
