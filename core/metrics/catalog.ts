import { PROVINCES } from '../region/areas';
import { CHANNELS, PLATFORMS, USER_CATEGORIES } from '../workbook/enums';
import type { TabId } from '../workbook/tabs';

/** Ticket columns that are optional yet carry whole sections of the report. */
export type TicketCoverage = 'tiket.kategori' | 'tiket.topik' | 'tiket.zona' | 'tiket.jam' | 'tiket.eskalasi';
export type CoverageKey = TabId | TicketCoverage;

/** The report's sections in the seeds' order (METRICS.md). */
export const SECTION_IDS = [
  'ringkasan',
  'publikasi',
  'webinar',
  'blast',
  'website',
  'konsultasi',
  'topik',
  'pengguna',
  'provinsi',
  'zona',
  'kanal',
  'kanalWhatsapp',
  'kanalTelepon',
  'kanalHelpdesk',
  'kanalLivechat',
  'kanalEmail',
  'chatbot',
  'emailLapor',
  'viconTatapMuka',
  'medsos',
  'ppid',
  'pengaduan',
  'kepuasan',
  'layer2',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The section of one channel's page ("kanalWhatsapp"). */
export const channelSectionId = (channel: string): SectionId =>
  `kanal${channel.charAt(0).toUpperCase()}${channel.slice(1)}` as SectionId;

export type MetricUnit = 'count' | 'average' | 'score' | 'followers' | 'percent';

/** Reads one month's aggregated facts. */
export interface FactReader {
  get(key: string): number;
  has(key: string): boolean;
}

export interface MetricDef {
  readonly key: string;
  /** Indonesian display name. */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly section: SectionId;
  /**
   * What decides between 0 and "no data" in a month: a log tab, or one column of `Tiket`
   * ("tiket.kategori"): months logged as daily totals without categories have no user figures.
   */
  readonly tab: CoverageKey;
  /** Non-additive figures (averages, followers); counts read their own fact. */
  readonly derive?: (facts: FactReader) => number | null;
}

/**
 * Decimals a figure is shown with, everywhere it is shown (docs/narrative.md): counts, followers and
 * averages whole (the seeds' "36" content average), satisfaction 2 ("4,90"), Layer 2 scores 1
 * ("118,7"), percentages `Desimal Persen`.
 */
export function figureDecimals(def: Pick<MetricDef, 'key' | 'unit'>, percentDecimals: number): number {
  switch (def.unit) {
    case 'score':
      return def.key.startsWith('layer2.') ? 1 : 2;
    case 'percent':
      return percentDecimals;
    default:
      return 0;
  }
}

const ratio = (sumKey: string, countKey: string) => (f: FactReader) =>
  f.get(countKey) > 0 ? f.get(sumKey) / f.get(countKey) : null;
const valueIfPresent = (key: string) => (f: FactReader) => (f.has(key) ? f.get(key) : null);

const count = (key: string, label: string, section: SectionId, tab: CoverageKey): MetricDef => ({
  key,
  label,
  unit: 'count',
  section,
  tab,
});

/** A mean of `sumKey` over `countKey`: satisfaction and Layer 2 scores. */
const score = (
  key: string,
  label: string,
  section: SectionId,
  tab: CoverageKey,
  sumKey: string,
  countKey: string,
): MetricDef => ({
  key,
  label,
  unit: 'score',
  section,
  tab,
  derive: ratio(sumKey, countKey),
});

const MEDSOS_FIELDS = [
  ['followers', 'Followers', 'followers'],
  ['feeds', 'Feeds', 'count'],
  ['story', 'Story', 'count'],
  ['konten', 'Konten', 'count'],
  ['reachTotal', 'Reach Total', 'count'],
  ['reachRataRata', 'Reach Rata-rata', 'average'],
  ['profileVisits', 'Profile Visits', 'count'],
] as const;

export const medsosKey = (platform: string, field: string) => `medsos.${platform}.${field}`;

/** Tickets by province: `konsultasi.provinsi.jawatimur` (the province's slug, METRICS.md's key rule). */
export const PROVINCE_KEY_PREFIX = 'konsultasi.provinsi.';
export const provinceKey = (provinceSlug: string) => `${PROVINCE_KEY_PREFIX}${provinceSlug}`;
/** The two rows that make the province table add up to the month's total. */
export const PROVINCE_NOT_PEMDA_KEY = 'konsultasi.provinsi.bukanPemda';
export const PROVINCE_UNKNOWN_KEY = 'konsultasi.provinsi.tidakTeridentifikasi';

/** Every fixed metric key of METRICS.md, one definition each. */
export const STATIC_METRICS: readonly MetricDef[] = [
  count('konsultasi.total', 'Tiket Konsultasi', 'konsultasi', 'tiket'),
  ...CHANNELS.values.map((c) => count(`konsultasi.kanal.${c.id}`, c.label, 'konsultasi', 'tiket')),
  ...USER_CATEGORIES.values.map((c) => count(`konsultasi.pengguna.${c.id}`, c.label, 'pengguna', 'tiket.kategori')),
  count('konsultasi.pengguna.tidakDiisi', 'Kategori Pengguna Tidak Diisi', 'pengguna', 'tiket.kategori'),
  ...PROVINCES.map((p) => count(provinceKey(p.slug), `Tiket dari ${p.name}`, 'provinsi', 'tiket.kategori')),
  count(PROVINCE_NOT_PEMDA_KEY, 'Tiket Pengguna Bukan Pemda', 'provinsi', 'tiket.kategori'),
  count(PROVINCE_UNKNOWN_KEY, 'Tiket dengan Provinsi Tidak Teridentifikasi', 'provinsi', 'tiket.kategori'),
  count('konsultasi.zona.teridentifikasi', 'Tiket dengan Zona Waktu Teridentifikasi', 'zona', 'tiket.zona'),
  count('konsultasi.zona.tidakTeridentifikasi', 'Tiket dengan Zona Waktu Tidak Teridentifikasi', 'zona', 'tiket.zona'),
  count('konsultasi.zona.dariPemda', 'Tiket dengan Zona Waktu dari Provinsi Pemda', 'zona', 'tiket.zona'),
  count('konsultasi.zona.dalamJam', 'Tiket Zona Teridentifikasi di Dalam Jam Layanan', 'zona', 'tiket.zona'),
  count('konsultasi.zona.luarJam', 'Tiket Zona Teridentifikasi di Luar Jam Layanan', 'zona', 'tiket.zona'),
  count('konsultasi.jam.dalam', 'Tiket di Dalam Jam Layanan', 'zona', 'tiket.jam'),
  count('konsultasi.jam.luar', 'Tiket di Luar Jam Layanan', 'zona', 'tiket.jam'),
  count('konsultasi.dalamJam.wib', 'Dalam Jam Layanan – WIB', 'zona', 'tiket.zona'),
  count('konsultasi.dalamJam.wita', 'Dalam Jam Layanan – WITA', 'zona', 'tiket.zona'),
  count('konsultasi.dalamJam.wit', 'Dalam Jam Layanan – WIT', 'zona', 'tiket.zona'),
  count('konsultasi.luarJam.wib', 'Luar Jam Layanan – WIB', 'zona', 'tiket.zona'),
  count('konsultasi.luarJam.wita', 'Luar Jam Layanan – WITA', 'zona', 'tiket.zona'),
  count('konsultasi.luarJam.wit', 'Luar Jam Layanan – WIT', 'zona', 'tiket.zona'),
  count(
    'konsultasi.luarJam.tidakTeridentifikasi',
    'Luar Jam Layanan – Zona Tidak Teridentifikasi',
    'zona',
    'tiket.zona',
  ),
  count('konsultasi.luarJam.eskalasi', 'Tiket Luar Jam Layanan yang Dieskalasi', 'zona', 'tiket.zona'),
  count('konsultasi.eskalasi', 'Tiket Dieskalasi', 'layer2', 'tiket.eskalasi'),
  count('chatbot.pengguna', 'Pengguna Chatbot (tanpa Chat Agent)', 'chatbot', 'chatbot'),
  count('publikasi.website', 'Publikasi Website', 'publikasi', 'publikasi'),
  count('webinar.total', 'Webinar/FGD', 'webinar', 'webinar'),
  count('blast.whatsapp', 'WhatsApp Blast', 'blast', 'blast'),
  count('blast.email', 'Email Blast', 'blast', 'blast'),
  {
    key: 'website.pengunjung',
    label: 'Pengunjung Website',
    unit: 'count',
    section: 'website',
    tab: 'website',
    derive: valueIfPresent('website.pengunjung'),
  },
  count('vicon.total', 'Video Conference', 'viconTatapMuka', 'vicon'),
  count('tatapMuka.total', 'Konsultasi Tatap Muka', 'viconTatapMuka', 'tatapMuka'),
  count('tatapMuka.tamu', 'Tamu Konsultasi Tatap Muka', 'viconTatapMuka', 'tatapMuka'),
  count('tatapMuka.melebihiBatas', 'Kunjungan Melebihi Batas Jumlah Tamu', 'viconTatapMuka', 'tatapMuka'),
  count('ppid.permohonan', 'Permohonan PPID', 'ppid', 'ppid'),
  count('pengaduan.total', 'Pengaduan dan Keluhan', 'pengaduan', 'pengaduan'),
  count('pengaduan.jenis.pengaduan', 'Pengaduan', 'pengaduan', 'pengaduan'),
  count('pengaduan.jenis.keluhan', 'Keluhan', 'pengaduan', 'pengaduan'),
  count('emailLapor.total', 'Email Lapor', 'emailLapor', 'emailLapor'),
  {
    key: 'medsos.rataRataKonten',
    label: 'Rata-rata Publikasi Konten Media Sosial',
    unit: 'average',
    section: 'medsos',
    tab: 'medsos',
    derive: ratio('medsos._kontenSum', 'medsos._platforms'),
  },
  ...PLATFORMS.values.flatMap((p) =>
    MEDSOS_FIELDS.map(
      ([field, label, unit]): MetricDef => ({
        key: medsosKey(p.id, field),
        label: `${p.label} – ${label}`,
        unit,
        section: 'medsos',
        tab: 'medsos',
        derive: valueIfPresent(medsosKey(p.id, field)),
      }),
    ),
  ),
  score('kepuasan.rataRata', 'Rata-rata Nilai Kepuasan', 'kepuasan', 'kepuasan', 'kepuasan._sum', 'kepuasan.survei'),
  count('kepuasan.survei', 'Survei Kepuasan', 'kepuasan', 'kepuasan'),
  count('layer2.total', 'Tiket Layer 2', 'layer2', 'tiket.eskalasi'),
  count('layer2.menunggu', 'Tiket Layer 2 Belum Ditanggapi', 'layer2', 'tiket.eskalasi'),
  score('layer2.rataRata', 'Rata-rata Capaian Layer 2', 'layer2', 'tiket.eskalasi', 'layer2._skorSum', 'layer2._skorN'),
  count('telepon.panggilan', 'Panggilan Telepon Masuk', 'kanalTelepon', 'telepon'),
  count('telepon.terjawab', 'Panggilan Terjawab', 'kanalTelepon', 'telepon'),
  count('telepon.abandon', 'Panggilan Tidak Terjawab', 'kanalTelepon', 'telepon'),
  count('telepon.antrian', 'Antrian Tidak Terjawab', 'kanalTelepon', 'telepon'),
  {
    key: 'telepon.serviceLevel',
    label: 'Tingkat Layanan Telepon',
    unit: 'percent',
    section: 'kanalTelepon',
    tab: 'telepon',
    derive: (f) =>
      f.get('telepon.panggilan') > 0 ? (f.get('telepon._cepat') / f.get('telepon.panggilan')) * 100 : null,
  },
];

/**
 * Labels a metric carried before it was renamed: `Rekap Historis` rows the team typed with the
 * old label must keep counting (the team's data is never silently dropped).
 */
export const FORMER_LABELS: Readonly<Record<string, string>> = {
  'Panggilan Abandon': 'telepon.abandon',
  'Service Level Telepon': 'telepon.serviceLevel',
};

/** Families of keys named after values found in the data (METRICS.md: "the value's name lowercased …"). */
export const DYNAMIC_FAMILIES = {
  topic: (slug: string, label: string): MetricDef => count(`konsultasi.topik.${slug}`, label, 'topik', 'tiket.topik'),
  channelTopic: (channel: string, slug: string, label: string): MetricDef =>
    count(
      `konsultasi.kanal.${channel}.topik.${slug}`,
      `${CHANNELS.label(channel)} – ${label}`,
      channelSectionId(channel),
      'tiket.topik',
    ),
  layer2Unit: (slug: string, label: string): MetricDef =>
    count(`layer2.unit.${slug}`, `Tiket Layer 2 – ${label}`, 'layer2', 'tiket.eskalasi'),
  layer2Score: (slug: string, label: string): MetricDef =>
    score(
      `layer2.skor.${slug}`,
      `Capaian Layer 2 – ${label}`,
      'layer2',
      'tiket.eskalasi',
      `layer2._skorSum.${slug}`,
      `layer2._skorN.${slug}`,
    ),
  publicationType: (slug: string, label: string): MetricDef =>
    count(`publikasi.jenis.${slug}`, `Publikasi – ${label}`, 'publikasi', 'publikasi'),
  webinarType: (slug: string, label: string): MetricDef =>
    count(`webinar.jenis.${slug}`, `Acara – ${label}`, 'webinar', 'webinar'),
  chatbotMenu: (slug: string, label: string): MetricDef =>
    count(`chatbot.menu.${slug}`, `Chatbot – ${label}`, 'chatbot', 'chatbot'),
  emailLaporType: (slug: string, label: string): MetricDef =>
    count(`emailLapor.jenis.${slug}`, `Email Lapor – ${label}`, 'emailLapor', 'emailLapor'),
  ppidPurpose: (slug: string, label: string): MetricDef =>
    count(`ppid.tujuan.${slug}`, `PPID – ${label}`, 'ppid', 'ppid'),
  agentScore: (slug: string, label: string): MetricDef =>
    score(
      `kepuasan.agen.${slug}`,
      `Kepuasan – ${label}`,
      'kepuasan',
      'kepuasan',
      `kepuasan._sum.${slug}`,
      `kepuasan._n.${slug}`,
    ),
} as const;

/** Static definitions plus those discovered in the data; one definition per key. */
export class MetricCatalog {
  private readonly defs = new Map<string, MetricDef>();

  constructor() {
    for (const def of STATIC_METRICS) this.defs.set(def.key, def);
  }

  add(def: MetricDef): void {
    if (!this.defs.has(def.key)) this.defs.set(def.key, def);
  }

  get(key: string): MetricDef | undefined {
    return this.defs.get(key);
  }

  all(): MetricDef[] {
    return [...this.defs.values()];
  }
}

/**
 * What each fixed key counts (docs/metrics.md is generated from this and STATIC_METRICS; a test
 * requires a definition for every fixed key). Channel, user and platform keys are defined by family.
 */
export const METRIC_DEFINITIONS: Readonly<Record<string, string>> = {
  'konsultasi.total': '`Tiket` rows dated in the month, weighted by `Jumlah`; equals the sum of the five channels.',
  'konsultasi.kanal.*': 'Tickets of one channel (`Kanal`: whatsapp, telepon, email, helpdesk, livechat).',
  'konsultasi.pengguna.*':
    'Tickets by `Kategori Pengguna` (pemda, kl, akademisi, lainnya); null in a month whose tickets have no category.',
  'konsultasi.pengguna.tidakDiisi': 'Tickets of a categorised month whose `Kategori Pengguna` is blank.',
  'konsultasi.provinsi.*':
    'Tickets of Pemda whose `Nama Instansi` resolves (core/region) to a Pemda of that province (38 keys, the province slug: `konsultasi.provinsi.jawatimur`); a name of two Pemda of one province (Bogor) counts there.',
  'konsultasi.provinsi.bukanPemda':
    'Tickets whose `Kategori Pengguna` is K/L, Akademisi or Lainnya: users without a province.',
  'konsultasi.provinsi.tidakTeridentifikasi':
    'Tickets whose province is unknown: Pemda tickets whose `Nama Instansi` is blank, off the official list or names Pemda of several provinces, and tickets without `Kategori Pengguna`. With the 38 provinces and bukanPemda it sums to `konsultasi.total`.',
  'konsultasi.zona.teridentifikasi':
    'Tickets with a `Zona Waktu` (WIB, WITA, WIT), typed or, when blank, taken from the province of a Pemda whose `Nama Instansi` is on the official list.',
  'konsultasi.zona.tidakTeridentifikasi':
    'Tickets of a month with zones whose `Zona Waktu` is blank and whose Pemda (if any) is not on the official list.',
  'konsultasi.zona.dariPemda':
    'Tickets whose blank `Zona Waktu` was taken from their Pemda’s province (Keppres 41/1987); part of the identified tickets.',
  'konsultasi.zona.dalamJam': 'Tickets with a zone, inside service hours.',
  'konsultasi.zona.luarJam': 'Tickets with a zone, outside service hours.',
  'konsultasi.jam.dalam':
    'Tickets inside service hours: a service day (not in `Hari Libur`) and Mulai ≤ WIB time < Selesai, or `Jam Layanan` = Dalam.',
  'konsultasi.jam.luar': 'Tickets outside service hours (the rest of the month’s tickets with a time).',
  'konsultasi.dalamJam.wib': 'Tickets from WIB inside service hours.',
  'konsultasi.dalamJam.wita': 'Tickets from WITA inside service hours.',
  'konsultasi.dalamJam.wit': 'Tickets from WIT inside service hours.',
  'konsultasi.luarJam.wib': 'Tickets from WIB outside service hours.',
  'konsultasi.luarJam.wita': 'Tickets from WITA outside service hours.',
  'konsultasi.luarJam.wit': 'Tickets from WIT outside service hours.',
  'konsultasi.luarJam.tidakTeridentifikasi': 'Tickets without a zone outside service hours.',
  'konsultasi.luarJam.eskalasi':
    'Tickets outside service hours that were escalated (`Eskalasi` = Ya, or a Layer 2 unit).',
  'konsultasi.eskalasi': 'Escalated tickets (`Eskalasi` = Ya, or a `Unit Layer 2` without `Eskalasi`).',
  'chatbot.pengguna': '`Chatbot` sessions without Chat Agent, weighted by `Jumlah`.',
  'publikasi.website': '`Publikasi` rows: publications on the DJPK website.',
  'webinar.total': '`Webinar` rows: webinars, FGDs and other events.',
  'blast.whatsapp': '`Blast` rows with `Media` WhatsApp.',
  'blast.email': '`Blast` rows with `Media` Email.',
  'website.pengunjung': 'The month’s `Pengunjung` in `Website` (one row per month, not a sum).',
  'vicon.total': '`Video Conference` rows.',
  'tatapMuka.total': '`Tatap Muka` rows (visits).',
  'tatapMuka.tamu': 'Sum of `Jumlah Tamu` of the month’s visits.',
  'tatapMuka.melebihiBatas': 'Visits with more guests than `Batas Jumlah Tamu` (Pengaturan).',
  'ppid.permohonan': '`PPID` rows: requests for public information.',
  'pengaduan.total': '`Pengaduan` rows: complaints and grievances.',
  'pengaduan.jenis.pengaduan': '`Pengaduan` rows with `Jenis` Pengaduan.',
  'pengaduan.jenis.keluhan': '`Pengaduan` rows with `Jenis` Keluhan.',
  'emailLapor.total': '`Email Lapor` rows: routine documents sent to lapor.djpk@kemenkeu.go.id.',
  'medsos.rataRataKonten': 'Mean over the platforms with a row of their `Konten` (or `Feeds` + `Story`).',
  'medsos.*.*':
    '`Media Sosial` fields per platform (instagram, x, facebook): followers at month end, feeds, story, konten, reachTotal, reachRataRata, profileVisits; the month’s value, not a sum.',
  'kepuasan.rataRata': 'Mean over the month’s surveys of (`Nilai Layanan` + `Nilai Substansi`) / 2.',
  'kepuasan.survei': '`Kepuasan` rows (surveys).',
  'layer2.total': 'Escalated tickets with a `Unit Layer 2`.',
  'layer2.menunggu': 'Layer 2 tickets without `Tanggal Tanggapan` (pending, not scored).',
  'layer2.rataRata':
    'Mean Layer 2 score: working days from `Tanggal Eskalasi` to `Tanggal Tanggapan`, 0–1 → 120, 2–3 → 100, more → 80.',
  'telepon.panggilan': '`Telepon` rows: incoming calls.',
  'telepon.terjawab': 'Calls with `Status` Terjawab.',
  'telepon.abandon': 'Calls with `Status` Abandon (not answered).',
  'telepon.antrian': 'Calls with `Status` Antrian Tidak Terjawab (queued, never answered).',
  'telepon.serviceLevel':
    'Share of calls answered within `Batas Waktu Tunggu Telepon (detik)`, in percent (target: `Target Service Level (%)`).',
};

/** The definition of a key, by its own entry or its family's ("konsultasi.kanal.*"). */
export function metricDefinition(key: string): string | undefined {
  if (METRIC_DEFINITIONS[key]) return METRIC_DEFINITIONS[key];
  const parts = key.split('.');
  return METRIC_DEFINITIONS[`${parts[0]}.${parts[1]}.*`] ?? METRIC_DEFINITIONS[`${parts[0]}.*.*`];
}
