/**
 * The words people use for the report's figures. Metric words come from the catalog's own labels
 * (so a metric added to the catalog is askable the day it is added) plus the synonyms below; every
 * word of a question must be one of these, a time word, or a filler word, or the bot says what it
 * did not understand (BOT.md "Precision and periods").
 */

import { dropQuestionTags, standardWords } from './chatWords';

/** Multi-word names joined into one token before splitting, so "live chat" is one word. */
const JOINS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(live ?chat|web ?chat|obrolan langsung)\b/g, 'livechat'],
  [/\b(help ?desk|hai kemenkeu|hai djpk)\b/g, 'helpdesk'],
  [/\b(video ?conference|video ?konferensi|video ?call|zoom meeting)\b/g, 'vicon'],
  [/\b(tatap ?muka|face to face|walk ?in)\b/g, 'tatapmuka'],
  [/\b(media sosial|social media|sosial media)\b/g, 'medsos'],
  [/\b(layer ?2|layer ?ii|layer dua)\b/g, 'layer2'],
  [/\b(service ?level|tingkat layanan)\b/g, 'servicelevel'],
  [/\bzona ?waktu\b|\btime ?zones?\b/g, 'zona'],
  [/\b(jam (layanan|kerja|operasional|pelayanan)|service hours|office hours|working hours)\b/g, 'jamlayanan'],
  [/\b(email ?lapor|e-mail lapor|lapor djpk)\b/g, 'emaillapor'],
  [/\btidak ?teridentifikasi\b|\bunidentified\b|\btak teridentifikasi\b/g, 'tidakteridentifikasi'],
  [/\btidak ?terjawab\b|\bunanswered\b/g, 'tidakterjawab'],
  [/\bbelum ?ditanggapi\b|\bbelum dijawab\b/g, 'belumditanggapi'],
  [/\btidak ?diisi\b|\bkosong\b/g, 'tidakdiisi'],
  [/\bk ?\/ ?l\b/g, 'kl'],
  [/\brata-rata\b|\brata rata\b|\brata2\b/g, 'ratarata'],
  [/\bprofile ?visits?\b|\bkunjungan profil\b/g, 'profilevisits'],
  [/\bke-(\d+)\b/g, 'ke$1'],
  [/\bwebinar ?\/ ?fgd\b/g, 'webinar fgd'],
  [/\bnon-/g, 'non '],
  [/\bpaling (banyak|sering|ramai)\b|\bteramai\b/g, 'terbanyak'],
  [/\bpaling (sedikit|sepi|jarang)\b|\btersepi\b/g, 'tersedikit'],
  [/\bpaling (tinggi)\b/g, 'tertinggi'],
  [/\bpaling (rendah)\b/g, 'terendah'],
  [/\bpaling (cepat)\b/g, 'tercepat'],
  [/\bpaling (lambat|lama)\b/g, 'terlambat'],
  [/\bdi ?luar\b/g, 'luar'],
  [/\bdi ?dalam\b/g, 'dalam'],
  // "di luar jam" said without "layanan" (held-out corpus: "yg dari WIT di luar jam brp").
  [/\bluar jam\b/g, 'luar jamlayanan'],
];

/** One spelling per word: "wa" → "whatsapp". Applied to labels and questions alike. */
const CANONICAL: Readonly<Record<string, string>> = {
  wa: 'whatsapp',
  hai: 'helpdesk',
  chat: 'livechat',
  whatsap: 'whatsapp',
  telp: 'telepon',
  telpon: 'telepon',
  tlp: 'telepon',
  dering: 'telepon',
  phone: 'telepon',
  telephone: 'telepon',
  surel: 'email',
  mail: 'email',
  'e-mail': 'email',
  ig: 'instagram',
  insta: 'instagram',
  twitter: 'x',
  fb: 'facebook',
  yt: 'youtube',
  pengikut: 'followers',
  follower: 'followers',
  ticket: 'tiket',
  tickets: 'tiket',
  consultation: 'konsultasi',
  consultations: 'konsultasi',
  konsul: 'konsultasi',
  escalation: 'eskalasi',
  escalations: 'eskalasi',
  escalated: 'eskalasi',
  dieskalasi: 'eskalasi',
  l2: 'layer2',
  complaint: 'pengaduan',
  complaints: 'pengaduan',
  aduan: 'pengaduan',
  web: 'website',
  situs: 'website',
  visitors: 'pengunjung',
  visitor: 'pengunjung',
  satisfaction: 'kepuasan',
  csat: 'kepuasan',
  agent: 'agen',
  agents: 'agen',
  petugas: 'agen',
  topic: 'topik',
  topics: 'topik',
  channel: 'kanal',
  channels: 'kanal',
  media: 'kanal',
  percent: 'persen',
  persentase: 'persen',
  prosentase: 'persen',
  '%': 'persen',
  porsi: 'persen',
  proporsi: 'persen',
  share: 'persen',
  webinars: 'webinar',
  publication: 'publikasi',
  publications: 'publikasi',
  survey: 'survei',
  surveys: 'survei',
  abandoned: 'abandon',
  ditinggal: 'abandon',
  antrean: 'antrian',
  queue: 'antrian',
  answered: 'terjawab',
  calls: 'panggilan',
  call: 'panggilan',
  identified: 'teridentifikasi',
  guests: 'tamu',
  guest: 'tamu',
  visits: 'kunjungan',
  events: 'acara',
  event: 'acara',
  purpose: 'tujuan',
  type: 'jenis',
  types: 'jenis',
  tipe: 'jenis',
  skor: 'capaian',
  score: 'capaian',
  nilai: 'capaian',
  konten: 'konten',
  content: 'konten',
  posts: 'konten',
  postingan: 'konten',
  unggahan: 'konten',
  users: 'pengguna',
  user: 'pengguna',
  pemohon: 'permohonan',
  requests: 'permohonan',
  request: 'permohonan',
  permintaan: 'permintaan',
  region: 'daerah',
  pemerintah: 'pemda',
  akademik: 'akademisi',
  academics: 'akademisi',
  mahasiswa: 'akademisi',
  dosen: 'akademisi',
  kampus: 'akademisi',
  universitas: 'akademisi',
  kementerian: 'kementerian',
  ministry: 'kementerian',
  units: 'unit',
  feed: 'feeds',
  stories: 'story',
  jangkauan: 'reach',
  platforms: 'platform',
};

/** Words that carry no meaning for the figure asked ("berapa", "di", "yang"). */
export const STOP_WORDS = new Set([
  'berapa',
  'berapakah',
  'brp',
  'jumlah',
  'jml',
  'banyak',
  'banyaknya',
  'ada',
  'apa',
  'apakah',
  'yang',
  'yg',
  'di',
  'pada',
  'pd',
  'untuk',
  'utk',
  'dari',
  'dan',
  'serta',
  'ke',
  'dengan',
  'dgn',
  'oleh',
  'bulan',
  'bln',
  'tahun',
  'thn',
  'data',
  'angka',
  'nya',
  'dong',
  'ya',
  'sih',
  'kah',
  'mohon',
  'tolong',
  'minta',
  'saya',
  'kita',
  'kami',
  'lihat',
  'tampilkan',
  'tunjukkan',
  'info',
  'sebanyak',
  'selama',
  'periode',
  'tanggal',
  'tgl',
  'adalah',
  'itu',
  'ini',
  'djpk',
  'siapa',
  'mana',
  'yang',
  'seberapa',
  'kali',
  'orang',
  'how',
  'many',
  'much',
  'in',
  'the',
  'of',
  'for',
  'what',
  'was',
  'is',
  'are',
  'a',
  'an',
  'number',
  'count',
  'show',
  'me',
  'please',
  'by',
  'on',
  'at',
  'who',
  'which',
  'jumlahnya',
  'totalnya',
  'hingga',
  'sekarang',
  'masuk',
  'tercatat',
  'terbaru',
  'tahunan',
  'bulanan',
]);

/** Words about tickets in general: allowed beside any ticket figure ("tiket WA", "konsultasi email"). */
export const SOFT_WORDS = new Set(['tiket', 'konsultasi', 'layanan', 'kanal', 'via', 'melalui', 'lewat', 'lewat']);

export const HELP_WORDS = ['bantuan', 'help', 'menu', 'panduan', 'bisa apa', 'halo', 'hi', 'hello', 'hai bot'];
export const REFRESH_WORDS = ['segarkan', 'refresh', 'muat ulang', 'reload', 'perbarui data'];
export const FRESHNESS_PATTERNS = [
  /\b(kapan|when)\b.*\b(diperbarui|diupdate|update|terakhir|diperbaharui|dimuat|updated)\b/,
  /\bdata terakhir\b/,
  /\bterakhir (diperbarui|diupdate|update)\b/,
];
/** "unduh laporan januari 2025": the month's deck (PPTX and PDF) as links. */
export const DOWNLOAD_WORDS = new Set(['unduh', 'download', 'pptx', 'pdf', 'deck', 'slide', 'powerpoint']);
export const SUMMARY_WORDS = new Set(['ringkasan', 'laporan', 'summary', 'rekap', 'report', 'resume', 'ikhtisar']);
export const TREND_WORDS = new Set(['tren', 'trend', 'grafik', 'perkembangan', 'chart']);
export const TOTAL_WORDS = new Set(['total', 'akumulasi', 'sum', 'kumulatif']);
export const COMPARE_WORDS = new Set([
  'vs',
  'versus',
  'dibandingkan',
  'dibanding',
  'banding',
  'bandingkan',
  'perbandingan',
  'compared',
  'compare',
  'terhadap',
  'thd',
  // "naik atau turun?", "naik ga dibanding …": a change asked for is a comparison.
  'naik',
  'turun',
]);
export const SHARE_WORDS = new Set(['persen']);
/** Ranking words: allowed with the sections that are rankings. */
export const RANK_WORDS = new Set([
  'top',
  'terbanyak',
  'teratas',
  'tertinggi',
  'terendah',
  'tercepat',
  'terlambat',
  'terlama',
  'terbaik',
  'terburuk',
  'tersedikit',
  'peringkat',
  'ranking',
  'most',
  'paling',
]);
/** "sebaran kanal", "rincian topik": the whole table rather than one figure. */
export const BREAKDOWN_WORDS = new Set([
  'sebaran',
  'rincian',
  'per',
  'daftar',
  'distribusi',
  'komposisi',
  'breakdown',
  'masing',
  'semua',
  'setiap',
  'tiap',
  'list',
]);

/** Lower case, no @mention markup, "s.d." as "sampai", joined names. Time words are still intact. */
export function normalizeText(text: string): string {
  let out = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[–—]/g, '-')
    .replace(/\bs\s*[./]\s*d\b\.?/g, ' sampai ')
    .replace(/[?!,;:"'()[\]{}*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  out = dropQuestionTags(standardWords(out));
  for (const [re, to] of JOINS) out = out.replace(re, to);
  return out;
}

/** The canonical words of a text whose time words are gone: punctuation splits words. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/%/g, ' persen ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => CANONICAL[w] ?? w);
}

/** A label's meaningful words: "Tiket di Luar Jam Layanan" → luar, jamlayanan, tiket. */
export const labelWords = (label: string): string[] => [
  ...new Set(wordsOf(normalizeText(label)).filter((w) => !STOP_WORDS.has(w))),
];

/** Extra ways to name a metric, beside its label. */
export const METRIC_SYNONYMS: ReadonlyArray<readonly [phrase: string, key: string]> = [
  ['konsultasi', 'konsultasi.total'],
  ['tiket', 'konsultasi.total'],
  ['layanan', 'konsultasi.total'],
  ['publikasi', 'publikasi.website'],
  ['pengunjung', 'website.pengunjung'],
  ['website', 'website.pengunjung'],
  ['kunjungan website', 'website.pengunjung'],
  ['webinar', 'webinar.total'],
  ['fgd', 'webinar.total'],
  ['blast whatsapp', 'blast.whatsapp'],
  ['blast email', 'blast.email'],
  ['vicon', 'vicon.total'],
  ['tatapmuka', 'tatapMuka.total'],
  ['kunjungan tamu', 'tatapMuka.total'],
  ['kunjungan', 'tatapMuka.total'],
  ['tamu', 'tatapMuka.tamu'],
  ['tamu tatapmuka', 'tatapMuka.tamu'],
  ['melebihi batas', 'tatapMuka.melebihiBatas'],
  ['tatapmuka melebihi batas', 'tatapMuka.melebihiBatas'],
  ['lebih batas', 'tatapMuka.melebihiBatas'],
  ['ppid', 'ppid.permohonan'],
  ['permohonan informasi', 'ppid.permohonan'],
  ['pengaduan keluhan', 'pengaduan.total'],
  // The section's word, the section's figure: "pengaduan" is the Pengaduan dan Keluhan headline.
  ['pengaduan', 'pengaduan.total'],
  ['emaillapor', 'emailLapor.total'],
  ['chatbot', 'chatbot.pengguna'],
  ['pengguna chatbot', 'chatbot.pengguna'],
  ['bot', 'chatbot.pengguna'],
  // A platform alone is its followers, the figure the report heads its page with.
  ['instagram', 'medsos.instagram.followers'],
  ['x', 'medsos.x.followers'],
  ['facebook', 'medsos.facebook.followers'],
  ['youtube', 'medsos.youtube.followers'],
  ['tiktok', 'medsos.tiktok.followers'],
  ['medsos', 'medsos.rataRataKonten'],
  ['konten medsos', 'medsos.rataRataKonten'],
  ['ratarata konten', 'medsos.rataRataKonten'],
  ['survei', 'kepuasan.survei'],
  ['ratarata kepuasan', 'kepuasan.rataRata'],
  ['kepuasan', 'kepuasan.rataRata'],
  ['capaian kepuasan', 'kepuasan.rataRata'],
  ['layer2', 'layer2.total'],
  ['eskalasi layer2', 'layer2.total'],
  ['capaian layer2', 'layer2.rataRata'],
  ['ratarata capaian layer2', 'layer2.rataRata'],
  ['luar jamlayanan', 'konsultasi.jam.luar'],
  ['dalam jamlayanan', 'konsultasi.jam.dalam'],
  ['luar jamlayanan eskalasi', 'konsultasi.luarJam.eskalasi'],
  ['zona teridentifikasi', 'konsultasi.zona.teridentifikasi'],
  ['zona tidakteridentifikasi', 'konsultasi.zona.tidakTeridentifikasi'],
  ['kl', 'konsultasi.pengguna.kl'],
  ['panggilan', 'telepon.panggilan'],
  ['panggilan telepon', 'telepon.panggilan'],
  ['panggilan telepon abandon', 'telepon.abandon'],
  ['abandon telepon', 'telepon.abandon'],
  ['antrian telepon', 'telepon.antrian'],
  ['terjawab telepon', 'telepon.terjawab'],
  ['panggilan terjawab telepon', 'telepon.terjawab'],
  ['panggilan masuk', 'telepon.panggilan'],
  ['abandon', 'telepon.abandon'],
  ['antrian', 'telepon.antrian'],
  ['servicelevel', 'telepon.serviceLevel'],
  ['terjawab', 'telepon.terjawab'],
];

/** Sections: asked as a whole table, by these words (each set must all be present). */
export type AskSection =
  | 'topPemda'
  | 'topik'
  | 'topikKanal'
  | 'kanal'
  | 'layer2'
  | 'kepuasan'
  | 'zona'
  | 'pengguna'
  | 'provinsi'
  | 'agen'
  | 'ppid'
  | 'emailLapor'
  | 'chatbot'
  | 'pengaduan'
  | 'medsos'
  | 'publikasi'
  | 'webinar'
  | 'blast'
  | 'telepon'
  | 'website'
  | 'viconTatapMuka';

export interface SectionWords {
  readonly section: AskSection;
  readonly words: readonly string[];
  /** Wins a tie with a metric named by the same words ("layer 2" is the Layer 2 section). */
  readonly preferred?: boolean;
  /** Ranking words make sense with it ("unit tercepat", "pemda terbanyak"). */
  readonly ranked?: boolean;
  /** The figure a trend, comparison or total of this section is about. */
  readonly headline?: string;
  /** For "topik whatsapp": the channel. */
  readonly channel?: string;
}

const CHANNEL_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['whatsapp', 'whatsapp'],
  ['telepon', 'telepon'],
  ['email', 'email'],
  ['helpdesk', 'helpdesk'],
  ['livechat', 'livechat'],
];

export const SECTION_WORDS: readonly SectionWords[] = [
  { section: 'topPemda', words: ['pemda'], ranked: true },
  { section: 'topPemda', words: ['daerah'], ranked: true },
  { section: 'topPemda', words: ['pemda', 'pengguna'], ranked: true },
  { section: 'topik', words: ['topik'], ranked: true },
  ...CHANNEL_WORDS.map(
    ([word, channel]): SectionWords => ({
      section: 'topikKanal',
      words: ['topik', word],
      ranked: true,
      channel,
    }),
  ),
  { section: 'kanal', words: ['kanal'], ranked: true, headline: 'konsultasi.total' },
  { section: 'layer2', words: ['layer2'], preferred: true, ranked: true, headline: 'layer2.total' },
  { section: 'layer2', words: ['unit'], ranked: true, headline: 'layer2.total' },
  { section: 'layer2', words: ['eskalasi'], preferred: true, ranked: true, headline: 'layer2.total' },
  { section: 'layer2', words: ['layer2', 'unit'], ranked: true, headline: 'layer2.total' },
  { section: 'layer2', words: ['eskalasi', 'unit'], ranked: true, headline: 'layer2.total' },
  { section: 'kepuasan', words: ['kepuasan'], preferred: true, ranked: true, headline: 'kepuasan.rataRata' },
  { section: 'kepuasan', words: ['kepuasan', 'agen'], ranked: true, headline: 'kepuasan.rataRata' },
  { section: 'kepuasan', words: ['capaian', 'agen'], ranked: true, headline: 'kepuasan.rataRata' },
  { section: 'zona', words: ['zona'] },
  { section: 'zona', words: ['zona', 'jamlayanan'] },
  { section: 'pengguna', words: ['pengguna'], ranked: true },
  { section: 'pengguna', words: ['kategori', 'pengguna'], ranked: true },
  { section: 'provinsi', words: ['provinsi'], ranked: true },
  { section: 'provinsi', words: ['asal', 'provinsi'], ranked: true },
  { section: 'agen', words: ['agen'], ranked: true },
  { section: 'ppid', words: ['tujuan', 'ppid'], ranked: true },
  { section: 'ppid', words: ['tujuan', 'permohonan'], ranked: true },
  { section: 'emailLapor', words: ['jenis', 'emaillapor'], ranked: true },
  { section: 'emailLapor', words: ['dokumen', 'emaillapor'], ranked: true },
  { section: 'chatbot', words: ['menu', 'chatbot'], ranked: true },
  { section: 'pengaduan', words: ['pengaduan', 'keluhan'], headline: 'pengaduan.total' },
  { section: 'pengaduan', words: ['daftar', 'pengaduan'] },
  { section: 'medsos', words: ['medsos'], preferred: false, headline: 'medsos.rataRataKonten' },
  { section: 'medsos', words: ['followers'], headline: undefined },
  { section: 'medsos', words: ['performa', 'medsos'] },
  { section: 'publikasi', words: ['jenis', 'publikasi'], ranked: true },
  { section: 'webinar', words: ['jenis', 'webinar'], ranked: true },
  { section: 'webinar', words: ['jenis', 'acara'], ranked: true },
  { section: 'blast', words: ['blast'], headline: undefined },
  { section: 'telepon', words: ['avaya'] },
  { section: 'telepon', words: ['panggilan', 'telepon'] },
  { section: 'website', words: ['halaman'], ranked: true },
  { section: 'viconTatapMuka', words: ['daftar', 'tatapmuka'] },
  { section: 'viconTatapMuka', words: ['daftar', 'vicon'] },
];

/**
 * The whole a share is taken of (METRICS.md: "share = part / whole, whole = the ticket total
 * unless stated"); null when a share of this figure means nothing.
 */
export function shareBaseOf(key: string): string | null {
  const channelTopic = /^konsultasi\.kanal\.([a-z]+)\.topik\./.exec(key);
  if (channelTopic) return `konsultasi.kanal.${channelTopic[1]}`;
  if (/^konsultasi\.luarJam\.(wib|wita|wit)$/.test(key)) return 'konsultasi.zona.luarJam';
  if (/^konsultasi\.dalamJam\./.test(key)) return 'konsultasi.zona.dalamJam';
  if (key === 'konsultasi.luarJam.eskalasi' || key === 'konsultasi.luarJam.tidakTeridentifikasi')
    return 'konsultasi.jam.luar';
  if (/^konsultasi\.(kanal|pengguna|jam|zona|topik)\./.test(key) || key === 'konsultasi.eskalasi')
    return 'konsultasi.total';
  const families: ReadonlyArray<readonly [string, string]> = [
    ['emailLapor.jenis.', 'emailLapor.total'],
    ['ppid.tujuan.', 'ppid.permohonan'],
    ['layer2.unit.', 'layer2.total'],
    ['pengaduan.jenis.', 'pengaduan.total'],
    ['chatbot.menu.', 'chatbot.pengguna'],
    ['publikasi.jenis.', 'publikasi.website'],
    ['webinar.jenis.', 'webinar.total'],
    ['telepon.terjawab', 'telepon.panggilan'],
    ['telepon.abandon', 'telepon.panggilan'],
    ['telepon.antrian', 'telepon.panggilan'],
    ['tatapMuka.melebihiBatas', 'tatapMuka.total'],
    ['layer2.menunggu', 'layer2.total'],
  ];
  return families.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}

/**
 * Words that may accompany a figure's own words without changing what is asked ("permohonan" in
 * "permohonan PPID penelitian", "nilai" in "nilai kepuasan agen Hanna").
 */
export function relatedWords(target: string): string[] {
  const families: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['ppid.tujuan.', ['permohonan', 'tujuan']],
    ['webinar.jenis.', ['webinar', 'jenis', 'fgd']],
    ['emailLapor.jenis.', ['jenis', 'dokumen']],
    ['publikasi.jenis.', ['jenis', 'website']],
    ['chatbot.menu.', ['menu', 'pengguna']],
    ['kepuasan.agen.', ['agen', 'capaian', 'ratarata']],
    ['kepuasan.', ['capaian', 'ratarata', 'pengguna']],
    ['layer2.unit.', ['unit', 'eskalasi']],
    ['layer2.skor.', ['unit', 'ratarata']],
    ['layer2.', ['eskalasi']],
    ['konsultasi.topik.', ['topik']],
    ['konsultasi.pengguna.', ['pengguna', 'kategori']],
    ['konsultasi.luarJam.', ['tiket', 'zona']],
    ['konsultasi.dalamJam.', ['tiket', 'zona']],
    ['medsos.', ['medsos', 'platform']],
    ['telepon.', ['telepon', 'panggilan']],
    ['tatapMuka.', ['tatapmuka', 'kunjungan', 'konsultasi']],
    ['pengaduan.', ['jenis']],
    ['section:kepuasan', ['capaian', 'ratarata', 'agen', 'pengguna']],
    ['section:ppid', ['permohonan', 'tujuan']],
    ['section:emailLapor', ['jenis', 'dokumen']],
    ['section:website', ['website', 'pengunjung']],
    ['section:telepon', ['telepon', 'panggilan', 'avaya']],
    ['section:medsos', ['platform', 'medsos', 'followers']],
    ['section:layer2', ['unit', 'eskalasi', 'capaian', 'tiket']],
    ['section:pengguna', ['kategori', 'pengguna']],
    ['section:chatbot', ['menu', 'pengguna']],
    ['section:publikasi', ['jenis', 'website']],
    ['section:webinar', ['jenis', 'acara', 'fgd']],
    ['section:zona', ['jamlayanan', 'tiket']],
    ['section:topPemda', ['pengguna', 'pemda', 'daerah']],
  ];
  if (/^konsultasi\.kanal\.[a-z]+\.topik\./.test(target)) return ['topik'];
  return families.filter(([prefix]) => target.startsWith(prefix)).flatMap(([, words]) => words);
}

/** Family words that make a data-named key unambiguous: "topik pengaduan", "ppid penelitian". */
export function familyWords(key: string): string[] {
  if (key.startsWith('konsultasi.topik.') || /^konsultasi\.kanal\.[a-z]+\.topik\./.test(key)) return ['topik'];
  if (key.startsWith('konsultasi.pengguna.')) return ['pengguna'];
  if (key.startsWith('pengaduan.jenis.')) return ['jenis'];
  if (key.startsWith('layer2.unit.')) return ['unit'];
  if (key.startsWith('kepuasan.agen.')) return ['agen'];
  return [];
}
