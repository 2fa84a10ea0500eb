import { PEMDA } from '../region/areas';
import type { CellValue } from './cells';
import { EnumSpec } from './enums';
import { PROFILE_ROWS } from './profile';
import { SETTING_TEMPLATE_ROWS } from './settings';
import { TABS, type TabSpec } from './tabs';

/**
 * Example rows carry this word in an extra last column headed the same: parsing leaves such rows
 * out (and says so), so a fresh template reports no invented tickets. Agents delete the rows, or
 * empty the cell to count one.
 */
export const EXAMPLE_COLUMN = 'Contoh';

/** A fresh tracking tab: headers, drop-down lists and a few example rows ("Buat Template"). */
export interface TemplateTab {
  readonly name: string;
  readonly header: readonly string[];
  /** Drop-down list values per 0-based column. */
  readonly dropdowns: ReadonlyArray<{ readonly col: number; readonly values: readonly string[] }>;
  /** Drop-downs whose values are a column of another tab (too many for an inline list). */
  readonly rangeDropdowns: readonly RangeDropdown[];
  /** Columns that hold dates (formatted dd/mm/yyyy hh:mm). */
  readonly dateColumns: readonly number[];
  readonly notes: ReadonlyArray<{ readonly col: number; readonly note: string }>;
  readonly examples: readonly (readonly CellValue[])[];
}

/**
 * A drop-down of a column of a reference tab that warns, never refuses: Nama Instansi offers the
 * official Pemda names, and a K/L, a university or a Pemda written another way is still accepted
 * (the report resolves the usual spellings; Validasi names what it cannot).
 */
export interface RangeDropdown {
  readonly col: number;
  readonly sourceTab: string;
  /** 0-based column of the source tab; its values start on row 2. */
  readonly sourceCol: number;
  readonly count: number;
  /** Shown by the spreadsheet when a value is not on the list. */
  readonly help: string;
}

/** The reference tab of the official Pemda names (Kemendagri, idn-area-data): not a log, never read. */
export const PEMDA_LIST_TAB = 'Daftar Pemda';

export interface ReferenceTab {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Every Pemda of the official list: its official name (what the drop-down offers), the report's short form, kind, province, zone. */
export function pemdaListTab(): ReferenceTab {
  const kinds = { provinsi: 'Provinsi', kabupaten: 'Kabupaten', kota: 'Kota' } as const;
  return {
    name: PEMDA_LIST_TAB,
    header: ['Nama Resmi', 'Nama di Laporan', 'Jenis', 'Provinsi', 'Zona Waktu', 'Kode'],
    rows: PEMDA.map((p) => [
      p.officialName,
      p.name,
      kinds[p.kind],
      p.province.name,
      p.province.zone.toUpperCase(),
      p.code,
    ]),
  };
}

const PEMDA_DROPDOWN_HELP =
  'Kategori Pemda: pilih nama resmi dari daftar (ketik sebagian nama untuk mencari), mis. Kabupaten Bogor. Instansi lain (K/L, akademisi, lainnya) boleh diketik bebas: tanda peringatan di sel itu tidak menghalangi dan tidak mengubah laporan.';

const d = (y: number, m: number, day: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, day, h, mi));

/** Example rows per tab, keyed by column key; they show the accepted spellings. */
const EXAMPLES: Record<string, ReadonlyArray<Record<string, CellValue>>> = {
  tiket: [
    {
      tanggal: d(2025, 1, 6, 9, 15),
      kanal: 'WhatsApp',
      kategori: 'Pemda',
      instansi: 'Kabupaten Bogor',
      topik: 'DAU',
      zona: 'WIB',
      eskalasi: 'Tidak',
      agen: 'Dian',
    },
    {
      tanggal: d(2025, 1, 6, 17, 40),
      kanal: 'Email',
      kategori: 'Pemda',
      instansi: 'Kota Manado',
      topik: 'DBH',
      zona: 'WITA',
      eskalasi: 'Ya',
      unit: 'DTU',
      tanggalTanggapan: d(2025, 1, 7),
      agen: 'Linna',
    },
  ],
  chatbot: [{ tanggal: d(2025, 1, 6, 10, 0), menu: 'Informasi Anggaran Transfer ke Daerah' }],
  publikasi: [{ tanggal: d(2025, 1, 9), nama: 'LPEFD Edisi XLVI', jenis: 'LPEFD' }],
  webinar: [{ tanggal: d(2025, 1, 10), nama: 'Townhall bersama Menteri Keuangan', jenis: 'Webinar' }],
  blast: [{ tanggal: d(2025, 1, 2), media: 'Email', perihal: 'Penyampaian Majalah Media Defis' }],
  vicon: [{ tanggal: d(2025, 1, 7), pengguna: 'Kab. Banjarnegara', topik: 'IF' }],
  tatapMuka: [{ tanggal: d(2025, 1, 8), pengguna: 'Kab. Bogor', topik: 'DAK NF', tamu: 5 }],
  ppid: [{ tanggal: d(2025, 1, 13), pemohon: 'Nama pemohon', informasi: 'Data realisasi APBD', tujuan: 'Penelitian' }],
  emailLapor: [{ tanggal: d(2025, 1, 14), jenis: 'Laporan Syarat Salur DAU' }],
  pengaduan: [
    {
      tanggal: d(2025, 1, 6),
      jenis: 'Pengaduan',
      uraian: 'Surat undangan palsu mengatasnamakan DJPK',
      daerah: 'Kab. Bogor',
    },
  ],
  kepuasan: [{ tanggal: d(2025, 1, 6), agen: 'Dian', pengguna: 'Pengguna 1', nilaiLayanan: 5, nilaiSubstansi: 5 }],
  telepon: [{ tanggal: d(2025, 1, 6, 9, 1), tunggu: 4, status: 'Terjawab' }],
  website: [{ bulan: '2025-01', pengunjung: 104000, halaman: 'Portal Data SIKD; Rincian Dana Desa per Desa' }],
  medsos: [{ bulan: '2025-01', platform: 'Instagram', followers: 118723, feeds: 22, story: 21, reachTotal: 269527 }],
  rekap: [{ bulan: '2024-12', metrik: 'konsultasi.total', nilai: 1112 }],
  hariLibur: [{ tanggal: d(2025, 1, 1), keterangan: 'Tahun Baru 2025 Masehi' }],
  narasi: [
    {
      bulan: '2025-01',
      bagian: 'Topik Konsultasi',
      judul: 'Topik DAU',
      teks: 'Informasi penyaluran THR dan Gaji ketiga belas bagi ASN guru yang gaji pokoknya bersumber dari APBD',
    },
    {
      bulan: '2025-01',
      bagian: 'Evaluasi dan Saran',
      judul: 'Manajemen Informasi',
      teks: '- Koordinasi antara unit eselon II mengenai kebijakan terkini perlu terus ditingkatkan',
    },
  ],
};

function templateTab(spec: TabSpec, layer2Units: readonly string[]): TemplateTab {
  const dropdowns = spec.columns.flatMap((c, col) => {
    if (c.kind instanceof EnumSpec) return [{ col, values: c.kind.values.map((v) => v.label) }];
    if (c.kind === 'layer2Unit') return [{ col, values: layer2Units }];
    return [];
  });
  // Pengaturan's and Profil's rows are defaults, meant to be used as they are: not examples.
  const marked = (EXAMPLES[spec.id] ?? []).length > 0 && spec.id !== 'pengaturan' && spec.id !== 'profil';
  const examples =
    spec.id === 'pengaturan'
      ? SETTING_TEMPLATE_ROWS.map(([k, v]) => [k, v])
      : spec.id === 'profil'
        ? PROFILE_ROWS.map(([label, , fallback]) => [label, fallback])
        : (EXAMPLES[spec.id] ?? []).map((example) => [
            ...spec.columns.map((c) => example[c.key] ?? null),
            EXAMPLE_COLUMN,
          ]);
  const rangeDropdowns = spec.columns.flatMap((c, col): RangeDropdown[] =>
    spec.id === 'tiket' && c.key === 'instansi'
      ? [{ col, sourceTab: PEMDA_LIST_TAB, sourceCol: 0, count: PEMDA.length, help: PEMDA_DROPDOWN_HELP }]
      : [],
  );
  return {
    name: spec.name,
    header: [...spec.columns.map((c) => c.header), ...(marked ? [EXAMPLE_COLUMN] : [])],
    dropdowns,
    rangeDropdowns,
    dateColumns: spec.columns.flatMap((c, col) => (c.kind === 'date' ? [col] : [])),
    notes: [
      ...spec.columns.flatMap((c, col) => (c.note ? [{ col, note: c.note }] : [])),
      ...(marked
        ? [
            {
              col: spec.columns.length,
              note: 'Baris yang kolom Contoh-nya terisi adalah contoh dan tidak dihitung dalam laporan. Hapus baris contoh setelah data asli diisi.',
            },
          ]
        : []),
    ],
    examples,
  };
}

export function templateTabs(layer2Units: readonly string[]): TemplateTab[] {
  return (TABS as readonly TabSpec[]).map((spec) => templateTab(spec, layer2Units));
}
