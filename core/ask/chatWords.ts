/**
 * The team's chat as the parser reads it (issue 16): informal spellings mapped onto standard words,
 * and words that cannot change the figure (fillers, particles, informal question words) let through.
 * Words that do change the figure — metric, channel, agent, period, comparison, ranking direction,
 * negation — are never fillers: an unknown one still gets "belum bisa menjawab" naming it.
 */
import { STOPWORDS_ID } from './stopwordsId';

/**
 * Informal → standard, one word each (our own list, written from the team's chat; the Colloquial
 * Indonesian Lexicon has no licence that allows shipping it: docs/chat.md, "Language resources and
 * licences"). A value with a space becomes two words ("sl" → "service level").
 */
export const INFORMAL: Readonly<Record<string, string>> = {
  kemaren: 'kemarin',
  kmrn: 'kemarin',
  kmarin: 'kemarin',
  rame: 'ramai',
  byk: 'banyak',
  bnyk: 'banyak',
  bnyak: 'banyak',
  dikit: 'sedikit',
  sdikit: 'sedikit',
  bandingin: 'bandingkan',
  dibandingin: 'dibandingkan',
  bandingkn: 'bandingkan',
  sl: 'service level',
  bln: 'bulan',
  thn: 'tahun',
  dlm: 'dalam',
  tdk: 'tidak',
  ga: 'tidak',
  gak: 'tidak',
  gk: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  engga: 'tidak',
  enggak: 'tidak',
  kagak: 'tidak',
  udh: 'sudah',
  udah: 'sudah',
  sdh: 'sudah',
  blm: 'belum',
  blom: 'belum',
  belom: 'belum',
  trus: 'terus',
  trs: 'terus',
  klo: 'kalau',
  kalo: 'kalau',
  gmn: 'bagaimana',
  gmna: 'bagaimana',
  gimana: 'bagaimana',
  aja: 'saja',
  ajah: 'saja',
  ttg: 'tentang',
  nanya: 'tanya',
  ditanyain: 'ditanyakan',
  nyampe: 'mencapai',
  nyampai: 'mencapai',
  capai: 'mencapai',
  tercapai: 'mencapai',
  sampe: 'sampai',
  dapet: 'dapat',
  nerima: 'menerima',
  dipegang: 'ditangani',
  pegang: 'ditangani',
  megang: 'ditangani',
  dihandle: 'ditangani',
  pelanggan: 'pengguna',
  sm: 'sama',
  krn: 'karena',
  tp: 'tapi',
  lg: 'lagi',
  jg: 'juga',
  sy: 'saya',
  liat: 'lihat',
  brapa: 'berapa',
  brp: 'berapa',
  jml: 'jumlah',
  berapaan: 'berapa',
  tgl: 'tanggal',
  dr: 'dari',
  yoy: 'dibanding tahun lalu',
  mom: 'dibanding bulan sebelumnya',
};

/** Chat words outside the stop-word list that never change a figure: particles, address, laughter. */
const CHAT_FILLERS = [
  'kak',
  'kk',
  'mas',
  'mbak',
  'mba',
  'bang',
  'bro',
  'gan',
  'min',
  'bos',
  'sis',
  'pak',
  'bu',
  'deh',
  'nih',
  'tuh',
  'lho',
  'loh',
  'yah',
  'yuk',
  'kah',
  'sih',
  'dong',
  'kok',
  'ya',
  'iya',
  'ok',
  'oke',
  'okay',
  'sip',
  'bgt',
  'banget',
  'wkwk',
  'wkwkwk',
  'haha',
  'hehe',
  'hihi',
  'kayaknya',
  'kyknya',
  'keknya',
  'sepertinya',
  'aku',
  'gue',
  'gw',
  'aq',
  'cek',
  'dicek',
  'info',
  'infoin',
  'kasih',
  'kasi',
  'tau',
  'tahu',
  'pengen',
  'pengin',
  'terus',
  'saja',
  'tentang',
  'soal',
  'tanya',
  'ditanyakan',
  'menerima',
  'diterima',
  'pas',
  'skrg',
  'sekarang',
  'dapat',
  'bagaimana',
  'gitu',
  'begitu',
  'emang',
  'memang',
  'coba',
  'nya',
  'si',
  'lainlain',
  'dll',
];

/**
 * Stop words that change the figure or the period: never fillers. Negation ("bukan pemda"),
 * direction ("naik", "paling"), comparison bases ("sebelumnya"), parts ("luar", "dalam"), numbers
 * and time words.
 */
export const STRICT_WORDS: ReadonlySet<string> = new Set([
  'tidak',
  'bukan',
  'belum',
  'tanpa',
  'kecuali',
  'selain',
  'naik',
  'turun',
  'lebih',
  'kurang',
  'paling',
  'sebelum',
  'sebelumnya',
  'sesudah',
  'sesudahnya',
  'setelah',
  'sejak',
  'sampai',
  'hingga',
  'awal',
  'akhir',
  'akhirnya',
  'pertama',
  'kedua',
  'terakhir',
  'baru',
  'lama',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'setengah',
  'sebagian',
  'seluruh',
  'semua',
  'semuanya',
  'masing',
  'setiap',
  'per',
  'dalam',
  'luar',
  'keluar',
  'masuk',
  'hari',
  'bulan',
  'tahun',
  'minggu',
  'pekan',
  'kini',
  'tadi',
  'dulu',
  'dahulu',
  'nanti',
  'mendatang',
  'kemarin',
  'besok',
  'saat',
  'ketika',
  'kapan',
  'pukul',
  'jam',
  'besar',
  'kecil',
  'sedikit',
  'jawab',
  'jawaban',
  'dijawab',
  'menjawab',
  'hai',
  'lewat',
  'melalui',
  'atas',
  'bawah',
  'antara',
  'rata',
  'jumlah',
  'sama',
]);

/** Filler candidates: the published stop words and the chat words, less the strict ones. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  [...STOPWORDS_ID, ...CHAT_FILLERS].filter((w) => !STRICT_WORDS.has(w) && !w.includes('-')),
);

/** Words that ask whether a target was met ("nyampe target ga?"). */
export const TARGET_WORDS: ReadonlySet<string> = new Set(['target', 'mencapai', 'memenuhi', 'terpenuhi', 'sasaran']);

/** Words that say the question goes on from the last one ("kalau februari?", "trus yg WA aja"). */
export const FOLLOW_UP_WORDS: ReadonlySet<string> = new Set(['kalau', 'terus', 'saja', 'itu', 'juga']);

/** A remark about a figure, not a question about it, unless "paling" makes it a ranking. */
export const REMARK_WORDS: ReadonlySet<string> = new Set(['sepi', 'ramai', 'bagus', 'jelek']);

/** Informal spellings replaced by standard ones, word by word (before multi-word names are joined). */
export function standardWords(text: string): string {
  return text.replace(/[a-z0-9]+/g, (w) => INFORMAL[w] ?? w);
}

/**
 * "ada ga", "naik ga", "nyampe target ga?": a negation that closes a yes/no question is no negation.
 * Returns the text without such tags.
 */
export function dropQuestionTags(text: string): string {
  return (
    ` ${text} `
      .replace(/ (atau|apa) (tidak|belum|bukan) /g, ' ')
      .replace(/ (ada|naik|turun|mencapai|target|bagus|sudah|memenuhi|benar|betul|sesuai) (tidak|belum) /g, ' $1 ')
      .replace(/ (tidak|belum) (?=(dibandingkan|dibanding|vs|versus) )/g, ' ')
      .replace(/ (tidak|belum) $/g, ' ')
      // "dipegang sama horas": handled by Horas ("sama" stays strict elsewhere: "WA sama email" is two figures).
      .replace(/ (ditangani|oleh) (sama|sm) /g, ' $1 ')
      .trim()
  );
}

/**
 * The word without a particle or possessive ("tiketnya" → "tiket", "capaiannya" → "capaian"), the
 * first step of the usual Indonesian stemmers; only suffixes, so figure words keep their prefixes
 * ("pengunjung" is not "kunjung").
 */
export function withoutParticle(word: string, known: (w: string) => boolean): string | null {
  for (const suffix of ['nya', 'lah', 'kah', 'pun', 'ku', 'mu']) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      if (known(base)) return base;
    }
  }
  return null;
}
