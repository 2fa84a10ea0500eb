import type { MonthIndex } from '../period/yearMonth';
import type { CellValue, WallClock } from './cells';
import {
  BLAST_MEDIA,
  CALL_STATUSES,
  CHANNELS,
  COMPLAINT_TYPES,
  type EnumSpec,
  PLATFORMS,
  PUBLICATION_TYPES,
  SERVICE_HOURS,
  USER_CATEGORIES,
  YES_NO,
  ZONES,
} from './enums';

/**
 * The tracking workbook's tabs and columns (TRACKING_WORKBOOK.md), as data: the parser, the
 * template writer and the documentation all read this one table.
 */
export type ColumnKind =
  | 'date'
  | 'month'
  | 'text'
  | 'count'
  | 'weight'
  | 'number'
  | 'score'
  | 'layer2Unit'
  | 'raw'
  // biome-ignore lint/suspicious/noExplicitAny: any Id is accepted; the value type is recovered by KindValue.
  | EnumSpec<any>;

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly aliases?: readonly string[];
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** Shown in the template's header note. */
  readonly note?: string;
}

export interface TabSpec {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly columns: readonly ColumnSpec[];
}

type KindValue<K> = K extends 'raw'
  ? CellValue
  : K extends 'date'
    ? WallClock
    : K extends 'month'
      ? MonthIndex
      : K extends 'text' | 'layer2Unit'
        ? string
        : K extends 'count' | 'weight' | 'number' | 'score'
          ? number
          : K extends EnumSpec<infer Id>
            ? Id
            : never;

/** The typed record a tab's row becomes. */
export type RowOf<T extends TabSpec> = {
  readonly [C in T['columns'][number] as C['key']]: C extends { required: true }
    ? KindValue<C['kind']>
    : C['kind'] extends 'weight'
      ? number
      : KindValue<C['kind']> | null;
} & { readonly row: number };

const JUMLAH = {
  key: 'jumlah',
  header: 'Jumlah',
  kind: 'weight',
  note: 'Opsional: bilangan bulat ≥ 1 untuk mencatat total harian (default 1)',
} as const satisfies ColumnSpec;

const col = <const C extends ColumnSpec>(c: C): C => c;
const tab = <const T extends TabSpec>(t: T): T => t;

export const TIKET = tab({
  id: 'tiket',
  name: 'Tiket',
  aliases: ['Tiket Konsultasi', 'Konsultasi'],
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', aliases: ['Waktu', 'Tanggal Masuk'], kind: 'date', required: true }),
    col({ key: 'kanal', header: 'Kanal', aliases: ['Media', 'Channel'], kind: CHANNELS, required: true }),
    col({ key: 'kategori', header: 'Kategori Pengguna', aliases: ['Jenis Pengguna'], kind: USER_CATEGORIES }),
    col({
      key: 'instansi',
      header: 'Nama Instansi',
      aliases: ['Instansi', 'Daerah', 'Pengguna'],
      kind: 'text',
      note: 'Untuk Kategori Pemda: nama Pemda menurut daftar resmi Kemendagri, mis. Kab. Bogor, Kota Bogor, Prov. Jawa Barat (Kabupaten/Pemkab/Pemerintah Kabupaten … juga boleh). Template baru menawarkan nama resmi dari tab Daftar Pemda sebagai drop-down (nama lain tetap diterima, hanya diberi tanda). Nama yang tidak ada di daftar menjadi peringatan di Validasi.',
    }),
    col({ key: 'topik', header: 'Topik', kind: 'text' }),
    col({
      key: 'zona',
      header: 'Zona Waktu',
      aliases: ['Zona'],
      kind: ZONES,
      note: 'Kosong: untuk tiket Pemda yang namanya ada di daftar resmi, zona diambil dari provinsinya (Keppres 41/1987); selain itu tidak teridentifikasi. Zona yang berbeda dengan provinsi Pemda tetap dihitung, dengan peringatan.',
    }),
    col({ key: 'jamLayanan', header: 'Jam Layanan', kind: SERVICE_HOURS }),
    col({ key: 'eskalasi', header: 'Eskalasi', kind: YES_NO }),
    col({ key: 'unit', header: 'Unit Layer 2', aliases: ['Unit L2'], kind: 'layer2Unit' }),
    col({ key: 'tanggalEskalasi', header: 'Tanggal Eskalasi', kind: 'date' }),
    col({ key: 'tanggalTanggapan', header: 'Tanggal Tanggapan', aliases: ['Tanggal Tanggapan L2'], kind: 'date' }),
    col({ key: 'agen', header: 'Agen', kind: 'text' }),
    JUMLAH,
  ],
});

export const CHATBOT = tab({
  id: 'chatbot',
  name: 'Chatbot',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'menu', header: 'Menu', kind: 'text', required: true }),
    JUMLAH,
  ],
});

export const PUBLIKASI = tab({
  id: 'publikasi',
  name: 'Publikasi',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'nama', header: 'Nama Publikasi', aliases: ['Judul'], kind: 'text' }),
    col({ key: 'jenis', header: 'Jenis Publikasi', aliases: ['Jenis'], kind: PUBLICATION_TYPES, required: true }),
    JUMLAH,
  ],
});

export const WEBINAR = tab({
  id: 'webinar',
  name: 'Webinar',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'nama', header: 'Nama Acara', kind: 'text' }),
    col({ key: 'jenis', header: 'Jenis Acara', kind: 'text' }),
    JUMLAH,
  ],
});

export const BLAST = tab({
  id: 'blast',
  name: 'Blast',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'media', header: 'Media', kind: BLAST_MEDIA, required: true }),
    col({ key: 'perihal', header: 'Perihal', kind: 'text' }),
    JUMLAH,
  ],
});

export const VICON = tab({
  id: 'vicon',
  name: 'Video Conference',
  aliases: ['Vicon'],
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'pengguna', header: 'Pengguna Layanan', aliases: ['Daerah'], kind: 'text' }),
    col({ key: 'topik', header: 'Topik', kind: 'text' }),
    JUMLAH,
  ],
});

export const TATAP_MUKA = tab({
  id: 'tatapMuka',
  name: 'Tatap Muka',
  aliases: ['Kunjungan Tamu'],
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'pengguna', header: 'Pengguna Layanan', aliases: ['Nama Pengguna Layanan', 'Daerah'], kind: 'text' }),
    col({ key: 'topik', header: 'Topik', kind: 'text' }),
    col({ key: 'tamu', header: 'Jumlah Tamu', kind: 'count' }),
    JUMLAH,
  ],
});

export const PPID = tab({
  id: 'ppid',
  name: 'PPID',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'pemohon', header: 'Pemohon', kind: 'text' }),
    col({ key: 'informasi', header: 'Informasi Diminta', kind: 'text' }),
    col({ key: 'tujuan', header: 'Tujuan', kind: 'text' }),
    JUMLAH,
  ],
});

export const EMAIL_LAPOR = tab({
  id: 'emailLapor',
  name: 'Email Lapor',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'jenis', header: 'Jenis Dokumen', kind: 'text', required: true }),
    JUMLAH,
  ],
});

export const PENGADUAN = tab({
  id: 'pengaduan',
  name: 'Pengaduan',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'jenis', header: 'Jenis', kind: COMPLAINT_TYPES, required: true }),
    col({ key: 'uraian', header: 'Uraian', kind: 'text' }),
    col({ key: 'daerah', header: 'Daerah', kind: 'text' }),
    JUMLAH,
  ],
});

export const KEPUASAN = tab({
  id: 'kepuasan',
  name: 'Kepuasan',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'agen', header: 'Agen', kind: 'text', required: true }),
    col({ key: 'pengguna', header: 'Pengguna', kind: 'text' }),
    col({ key: 'nilaiLayanan', header: 'Nilai Layanan', kind: 'score', required: true }),
    col({ key: 'nilaiSubstansi', header: 'Nilai Substansi', kind: 'score', required: true }),
  ],
});

export const TELEPON = tab({
  id: 'telepon',
  name: 'Telepon',
  aliases: ['Log Telepon'],
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'tunggu', header: 'Waktu Tunggu (detik)', aliases: ['Waktu Tunggu'], kind: 'number' }),
    col({ key: 'status', header: 'Status', kind: CALL_STATUSES, required: true }),
    JUMLAH,
  ],
});

export const WEBSITE = tab({
  id: 'website',
  name: 'Website',
  columns: [
    col({ key: 'bulan', header: 'Bulan', kind: 'month', required: true }),
    col({ key: 'pengunjung', header: 'Pengunjung', kind: 'count', required: true }),
    col({ key: 'halaman', header: 'Halaman Terpopuler', kind: 'text' }),
  ],
});

export const MEDIA_SOSIAL = tab({
  id: 'medsos',
  name: 'Media Sosial',
  aliases: ['Medsos'],
  columns: [
    col({ key: 'bulan', header: 'Bulan', kind: 'month', required: true }),
    col({ key: 'platform', header: 'Platform', kind: PLATFORMS, required: true }),
    col({ key: 'followers', header: 'Followers', kind: 'count' }),
    col({ key: 'feeds', header: 'Feeds', kind: 'count' }),
    col({ key: 'story', header: 'Story', kind: 'count' }),
    col({ key: 'konten', header: 'Konten', kind: 'count' }),
    col({ key: 'reachTotal', header: 'Reach Total', kind: 'count' }),
    col({ key: 'reachRataRata', header: 'Reach Rata-rata', kind: 'number' }),
    col({ key: 'profileVisits', header: 'Profile Visits', kind: 'count' }),
  ],
});

export const REKAP_HISTORIS = tab({
  id: 'rekap',
  name: 'Rekap Historis',
  columns: [
    col({ key: 'bulan', header: 'Bulan', kind: 'month', required: true }),
    col({ key: 'metrik', header: 'Metrik', kind: 'text', required: true }),
    col({ key: 'nilai', header: 'Nilai', kind: 'number', required: true }),
  ],
});

export const PENGATURAN = tab({
  id: 'pengaturan',
  name: 'Pengaturan',
  columns: [
    col({ key: 'kunci', header: 'Kunci', kind: 'text', required: true }),
    // Settings are raw: each key has its own type, coerced by settings.ts.
    col({ key: 'nilai', header: 'Nilai', kind: 'raw' }),
  ],
});

export const HARI_LIBUR = tab({
  id: 'hariLibur',
  name: 'Hari Libur',
  columns: [
    col({ key: 'tanggal', header: 'Tanggal', kind: 'date', required: true }),
    col({ key: 'keterangan', header: 'Keterangan', kind: 'text' }),
  ],
});

/** The team's own words for a month's deck (DECK.md): explanations, notices, Evaluasi dan Saran. */
export const NARASI = tab({
  id: 'narasi',
  name: 'Narasi',
  columns: [
    col({ key: 'bulan', header: 'Bulan', kind: 'month', required: true }),
    col({
      key: 'bagian',
      header: 'Bagian',
      aliases: ['Section'],
      kind: 'text',
      required: true,
      note: "Judul atau id bagian laporan (mis. 'Topik Konsultasi', 'pengaduan'), 'Pembuka' atau 'Evaluasi dan Saran'",
    }),
    col({ key: 'judul', header: 'Judul', kind: 'text' }),
    col({
      key: 'teks',
      header: 'Teks',
      kind: 'text',
      required: true,
      note: 'Baris yang diawali - atau • menjadi butir',
    }),
  ],
});

/** The deck's fixed pages: contact channels, address, logo (key/value like `Pengaturan`). */
export const PROFIL_LAYANAN = tab({
  id: 'profil',
  name: 'Profil Layanan',
  columns: [
    col({ key: 'kunci', header: 'Kunci', kind: 'text', required: true }),
    col({ key: 'nilai', header: 'Nilai', kind: 'text' }),
  ],
});

/** Every tab in the template's order. */
export const TABS = [
  TIKET,
  CHATBOT,
  PUBLIKASI,
  WEBINAR,
  BLAST,
  VICON,
  TATAP_MUKA,
  PPID,
  EMAIL_LAPOR,
  PENGADUAN,
  KEPUASAN,
  TELEPON,
  WEBSITE,
  MEDIA_SOSIAL,
  REKAP_HISTORIS,
  PENGATURAN,
  HARI_LIBUR,
  NARASI,
  PROFIL_LAYANAN,
] as const;

export type TabId = (typeof TABS)[number]['id'];
