import { looseKey } from '../text/textMatch';

/**
 * Ticket topics are free text (new topics appear with new policies), but the usual ones are
 * recognised under their common spellings so that "JFAKPD" and "JF AKPD" count as one topic.
 */
const KNOWN_TOPICS: ReadonlyArray<readonly [label: string, aliases: readonly string[]]> = [
  ['DAU', ['Dana Alokasi Umum']],
  ['DBH', ['Dana Bagi Hasil']],
  ['DAK Fisik', ['DAKF']],
  ['DAK Non Fisik', ['DAK NF', 'DAKNF', 'DAK Nonfisik']],
  ['Dana Desa', ['DD']],
  ['Transfer', ['TKD', 'Transfer ke Daerah']],
  ['Aplikasi', ['Aplikasi SIKD']],
  ['JF AKPD', ['JFAKPD', 'Jabatan Fungsional AKPD']],
  ['PDRD', ['Pajak Daerah', 'Pajak dan Retribusi Daerah']],
  ['SHSR', ['Standar Harga Satuan Regional']],
  ['DID', ['Dana Insentif Daerah']],
  ['IF', ['Insentif Fiskal', 'DIF']],
  ['Hibah', []],
  ['DKD', []],
  ['Ev. Keuda', ['Evaluasi Keuangan Daerah', 'Ev Keuda']],
  ['Pinjaman', ['Pembiayaan Daerah']],
  ['Surat Masuk', ['Konfirmasi Surat Masuk']],
  ['Lainnya', ['Lain-lain']],
  ['Reservasi', ['Reservasi Kunjungan']],
  ['Non-DJPK', ['Non DJPK', 'NonDJPK']],
  ['Permintaan Data', []],
  ['Spam', []],
  ['Pengaduan', []],
  ['Magang', []],
];

/** Topics that are not technical consultations (METRICS.md section 7), in the seeds' order. */
export const OTHER_TOPICS = [
  'Surat Masuk',
  'Lainnya',
  'Reservasi',
  'Non-DJPK',
  'Permintaan Data',
  'Spam',
  'Pengaduan',
  'Magang',
] as const;

const CANONICAL = new Map<string, string>(
  KNOWN_TOPICS.flatMap(([label, aliases]) => [label, ...aliases].map((text) => [looseKey(text), label] as const)),
);
const OTHER_KEYS = new Set(OTHER_TOPICS.map(looseKey));

export interface Topic {
  /** Slug used in metric keys: "dakfisik". */
  readonly key: string;
  readonly label: string;
  readonly technical: boolean;
}

const cache = new Map<string, Topic>();

/** The topic for a `Topik` cell; unknown topics are kept as written. */
export function topicOf(text: string): Topic {
  const cached = cache.get(text);
  if (cached) return cached;
  const label = CANONICAL.get(looseKey(text)) ?? text.trim();
  const key = looseKey(label);
  const topic: Topic = { key, label, technical: !OTHER_KEYS.has(key) };
  if (cache.size < 10_000) cache.set(text, topic);
  return topic;
}
