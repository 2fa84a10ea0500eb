/**
 * The sample tracking workbook: raw logs for January 2025, December 2024 and January 2024 that
 * reproduce the figures of the January 2025 seed report (../shared/seeds/000_*.txt), plus
 * `Rekap Historis` rows for the months the other seeds compare against. Deterministic: the same
 * script always writes the same workbook. Where the seed does not pin a value down (exact times,
 * most institutions, December's topics) the values are plausible and marked as such.
 */
import { resolvePemda } from '../core/region/pemda';
import type { CellValue } from '../core/workbook/cells';
import { ZONES } from '../core/workbook/enums';
import { PROFILE_ROWS } from '../core/workbook/profile';
import { SETTING_TEMPLATE_ROWS } from '../core/workbook/settings';
import { TIKET } from '../core/workbook/tabs';

type Grid = CellValue[][];

/** mulberry32: a tiny seeded PRNG so the sample is reproducible byte for byte. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 20250131;
let random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
const repeat = <T>(entries: ReadonlyArray<readonly [T, number]>): T[] =>
  entries.flatMap(([v, n]) => Array<T>(n).fill(v));

/** WIB wall-clock as a UTC-encoded Date (what exceljs writes and reads back). */
const at = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));

const HOLIDAYS_2025_01 = [1, 27, 28, 29];
const HOLIDAYS: Grid = [
  ['Tanggal', 'Keterangan'],
  [at(2024, 1, 1), 'Tahun Baru 2024 Masehi'],
  [at(2024, 2, 8), "Isra Mi'raj Nabi Muhammad SAW"],
  [at(2024, 12, 25), 'Hari Raya Natal'],
  [at(2024, 12, 26), 'Cuti Bersama Hari Raya Natal'],
  [at(2025, 1, 1), 'Tahun Baru 2025 Masehi'],
  [at(2025, 1, 27), "Isra Mi'raj Nabi Muhammad SAW"],
  [at(2025, 1, 28), 'Cuti Bersama Tahun Baru Imlek'],
  [at(2025, 1, 29), 'Tahun Baru Imlek 2576 Kongzili'],
];

const weekday = (d: number) => new Date(Date.UTC(2025, 0, d)).getUTCDay();
const WORKING_DAYS = Array.from({ length: 31 }, (_, i) => i + 1).filter(
  (d) => weekday(d) >= 1 && weekday(d) <= 5 && !HOLIDAYS_2025_01.includes(d),
);
const CLOSED_DAYS = Array.from({ length: 31 }, (_, i) => i + 1).filter((d) => !WORKING_DAYS.includes(d));

/** Adds working days (Monday–Friday, not a January 2025 holiday) to a January 2025 day. */
function addWorkingDays(day: number, n: number): Date {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    const date = new Date(Date.UTC(2025, 0, d));
    const dow = date.getUTCDay();
    if (dow >= 1 && dow <= 5 && !(date.getUTCMonth() === 0 && HOLIDAYS_2025_01.includes(d))) left--;
  }
  return at(2025, 1, d, 14, 0);
}

// ---------------------------------------------------------------- Tiket, January 2025
type Channel = 'WhatsApp' | 'Telepon' | 'Email' | 'Help Desk' | 'Live Chat';

/** Topics per channel: the seed's pages for Email, Telepon, Help Desk, Live Chat and WhatsApp's top 3. */
const TOPICS: Record<Channel, ReadonlyArray<readonly [string, number]>> = {
  WhatsApp: [
    ['DBH', 128],
    ['DAU', 120],
    ['JF AKPD', 65],
    ['Transfer', 48],
    ['Surat Masuk', 45],
    ['DAK Fisik', 40],
    ['Dana Desa', 36],
    ['Reservasi', 29],
    ['PDRD', 28],
    ['SHSR', 20],
    ['Non-DJPK', 20],
    ['Lainnya', 80],
    ['Aplikasi', 12],
    ['Permintaan Data', 10],
    ['IF', 6],
    ['Spam', 4],
    ['Pengaduan', 3],
    ['Magang', 1],
  ],
  Telepon: [
    ['Reservasi', 21],
    ['DAU', 7],
    ['Surat Masuk', 6],
    ['DBH', 5],
    ['Transfer', 5],
    ['Dana Desa', 4],
    ['PDRD', 4],
    ['Permintaan Data', 3],
    ['SHSR', 3],
    ['Aplikasi', 2],
  ],
  Email: [
    ['Surat Masuk', 76],
    ['DBH', 31],
    ['DAU', 23],
    ['Lainnya', 17],
    ['DAK Fisik', 15],
    ['Transfer', 8],
    ['Aplikasi', 7],
    ['Permintaan Data', 7],
    ['JFAKPD', 5],
    ['Dana Desa', 5],
    ['Reservasi', 4],
    ['DID', 3],
    ['PDRD', 3],
    ['Ev. Keuda', 3],
    ['Non-DJPK', 3],
    ['DAK Non Fisik', 2],
    ['Hibah', 2],
    ['SHSR', 1],
    ['DKD', 1],
    ['Spam', 1],
    ['Pengaduan', 1],
    ['Magang', 1],
  ],
  'Help Desk': [
    ['Dana Desa', 9],
    ['DAU', 5],
    ['Surat Masuk', 3],
    ['DBH', 2],
    ['Transfer', 2],
    ['Aplikasi', 2],
    ['PDRD', 2],
    ['SHSR', 2],
    ['DAK Fisik', 2],
    ['IF', 2],
    ['Hibah', 1],
  ],
  'Live Chat': [
    ['DAU', 2],
    ['DBH', 1],
    ['Permintaan Data', 1],
  ],
};

/** How agents spell channels in the log: the aliases the workbook accepts. */
const CHANNEL_SPELLINGS: Record<Channel, readonly string[]> = {
  WhatsApp: ['WhatsApp', 'WhatsApp', 'WhatsApp', 'WA'],
  Telepon: ['Telepon', 'Dering'],
  Email: ['Email', 'E-mail'],
  'Help Desk': ['Help Desk', 'HAI Kemenkeu'],
  'Live Chat': ['Live Chat'],
};

/** 110 Pemda names, none of which reaches the top three's 11 tickets. */
const OTHER_PEMDA = [
  'Kab. Aceh Besar',
  'Kab. Agam',
  'Kab. Badung',
  'Kab. Banggai',
  'Kab. Bangka',
  'Kab. Bangli',
  'Kab. Banyumas',
  'Kab. Banyuwangi',
  'Kab. Barito Kuala',
  'Kab. Bekasi',
  'Kab. Bengkalis',
  'Kab. Bima',
  'Kab. Blitar',
  'Kab. Bogor',
  'Kab. Bojonegoro',
  'Kab. Bone',
  'Kab. Boyolali',
  'Kab. Brebes',
  'Kab. Buleleng',
  'Kab. Ciamis',
  'Kab. Cianjur',
  'Kab. Cilacap',
  'Kab. Cirebon',
  'Kab. Demak',
  'Kab. Ende',
  'Kab. Flores Timur',
  'Kab. Garut',
  'Kab. Gianyar',
  'Kab. Gowa',
  'Kab. Gresik',
  'Kab. Indramayu',
  'Kab. Jember',
  'Kab. Jepara',
  'Kab. Jombang',
  'Kab. Karanganyar',
  'Kab. Karawang',
  'Kab. Kediri',
  'Kab. Kendal',
  'Kab. Klaten',
  'Kab. Kolaka',
  'Kab. Kuningan',
  'Kab. Kupang',
  'Kab. Lahat',
  'Kab. Lamongan',
  'Kab. Lebak',
  'Kab. Lombok Barat',
  'Kab. Lombok Timur',
  'Kab. Lumajang',
  'Kab. Magelang',
  'Kab. Majalengka',
  'Kab. Malang',
  'Kab. Maros',
  'Kab. Mojokerto',
  'Kab. Muara Enim',
  'Kab. Nganjuk',
  'Kab. Ngawi',
  'Kab. Pacitan',
  'Kab. Pandeglang',
  'Kab. Pasuruan',
  'Kab. Pati',
  'Kab. Pekalongan',
  'Kab. Pemalang',
  'Kab. Ponorogo',
  'Kab. Purbalingga',
  'Kab. Purworejo',
  'Kab. Rembang',
  'Kab. Sambas',
  'Kab. Sampang',
  'Kab. Serang',
  'Kab. Sidoarjo',
  'Kab. Sikka',
  'Kab. Sleman',
  'Kab. Sragen',
  'Kab. Subang',
  'Kab. Sukabumi',
  'Kab. Sumedang',
  'Kab. Tabanan',
  'Kab. Tangerang',
  'Kab. Tegal',
  'Kab. Temanggung',
  'Kab. Trenggalek',
  'Kab. Tuban',
  'Kab. Wonogiri',
  'Kab. Wonosobo',
  'Kota Ambon',
  'Kota Balikpapan',
  'Kota Bandung',
  'Kota Banjarmasin',
  'Kota Batam',
  'Kota Bekasi',
  'Kota Bogor',
  'Kota Denpasar',
  'Kota Jambi',
  'Kota Jayapura',
  'Kota Kendari',
  'Kota Kupang',
  'Kota Makassar',
  'Kota Malang',
  'Kota Mataram',
  'Kota Medan',
  'Kota Padang',
  'Kota Palembang',
  'Kota Palu',
  'Kota Pekanbaru',
  'Kota Pontianak',
  'Kota Samarinda',
  'Kota Semarang',
  'Kota Sorong',
  'Kota Surabaya',
  'Kota Ternate',
];
const KL_NAMES = [
  'Kementerian Dalam Negeri',
  'BPK RI',
  'Kementerian PPN/Bappenas',
  'KPPN Jakarta II',
  'BPKP',
  'Kementerian Desa PDTT',
];
const AKADEMISI_NAMES = [
  'Universitas Indonesia',
  'Universitas Gadjah Mada',
  'Politeknik Keuangan Negara STAN',
  'Universitas Airlangga',
];
const LAINNYA_NAMES = ['Masyarakat', 'Pendamping Desa', 'Media', 'Swasta'];
const AGENTS = ['Linna', 'Hanna', 'Dian', 'Horas', 'Ronald'];

/** The seed's three Pemda with 11 tickets each and their most frequent topics. */
const TOP_PEMDA: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]> = [
  [
    'Kota Manado',
    [
      ['DAU', 4],
      ['Aplikasi', 3],
      ['Surat Masuk', 2],
      ['Lainnya', 2],
    ],
  ],
  [
    'Kab. Probolinggo',
    [
      ['Surat Masuk', 5],
      ['DKD', 1],
      ['Lainnya', 5],
    ],
  ],
  [
    'Kab. Bangka Selatan',
    [
      ['SHSR', 4],
      ['DBH', 3],
      ['Surat Masuk', 2],
      ['Lainnya', 2],
    ],
  ],
];

/** Zone × service hours of the seed: (zone, inside, count); '' = zone not identified. */
const ZONE_HOURS: ReadonlyArray<readonly [string, boolean, number]> = [
  ['WIB', true, 635],
  ['WIB', false, 19],
  ['WITA', true, 265],
  ['WITA', false, 9],
  ['WIT', true, 54],
  ['WIT', false, 5],
  ['', true, 14],
  ['', false, 9],
];

/** Layer 2: tickets per unit and how many got 100 instead of 120 (DTU 118,7; DTK 118,2; PDRD 117,1; SIPT 114,7). */
const LAYER2: ReadonlyArray<readonly [string, number, number]> = [
  ['Sekretariat', 5, 0],
  ['DTU', 15, 1],
  ['DTK', 11, 1],
  ['P2D', 4, 0],
  ['PDRD', 7, 1],
  ['DDIOKK', 6, 0],
  ['SIPT', 19, 5],
];

/** The zone of a Pemda of the sample: its province's (all the sample's names are official). */
function zoneOfPemda(name: string): string {
  const resolved = resolvePemda(name);
  if (resolved.status !== 'found') throw new Error(`sample: '${name}' is not an official Pemda name`);
  return ZONES.label(resolved.pemda.province.zone);
}

/**
 * Zones and service hours as the seed counts them (ZONE_HOURS). A Pemda ticket is from its
 * province's zone (one in twenty logged with a blank Zona Waktu, which the report fills in). The 23 tickets whose zone the seed could not identify are users who gave no
 * identity: category Lainnya, no Nama Instansi (a named Pemda would give its zone away). Other K/L,
 * Akademisi and Lainnya users take the remaining zones.
 */
function assignZones(drafts: TicketDraft[]): void {
  const pools = new Map<string, boolean[]>();
  for (const [zone, inside, n] of ZONE_HOURS) {
    pools.set(zone, [...(pools.get(zone) ?? []), ...Array<boolean>(n).fill(inside)]);
  }
  for (const pool of pools.values()) shuffle(pool);
  const take = (d: TicketDraft, zone: string) => {
    const inside = pools.get(zone)?.pop();
    if (inside === undefined) throw new Error(`sample: no ${zone || 'unidentified'} ticket left`);
    Object.assign(d, { zone, inside });
  };
  const pemda = drafts.filter((d) => d.category === 'Pemda');
  const others = drafts.filter((d) => d.category !== 'Pemda');
  pemda.forEach((d, i) => {
    take(d, zoneOfPemda(d.instansi ?? ''));
    // One Pemda ticket in twenty is logged without a zone: the report takes it from the province.
    d.zoneFromPemda = i % 20 === 7;
  });
  const anonymous = others.filter((d) => d.category === 'Lainnya').slice(0, pools.get('')?.length ?? 0);
  for (const d of anonymous) {
    d.instansi = undefined;
    take(d, '');
  }
  const rest = shuffle([...pools].flatMap(([zone, pool]) => pool.map(() => zone)));
  for (const d of others.filter((d) => !anonymous.includes(d))) take(d, rest.pop() ?? '');
}

interface TicketDraft {
  channel: Channel;
  topic: string;
  category?: string;
  instansi?: string;
  zone?: string;
  /** Logged with a blank Zona Waktu (the zone is the Pemda's province's). */
  zoneFromPemda?: boolean;
  inside?: boolean;
  escalation?: { unit: string; score: 120 | 100 };
}

function ticketsJanuary2025(): Grid {
  const drafts: TicketDraft[] = [];
  for (const channel of Object.keys(TOPICS) as Channel[]) {
    for (const topic of repeat(TOPICS[channel])) drafts.push({ channel, topic });
  }
  shuffle(drafts);
  const looseTopic = (t: string) => t.toLowerCase().replace(/[^a-z]/g, '');
  const take = (topic: string, where: (d: TicketDraft) => boolean = (d) => d.category === undefined): TicketDraft => {
    const found = drafts.find((d) => looseTopic(d.topic) === looseTopic(topic) && where(d));
    if (!found) throw new Error(`sample: no free ticket with topic ${topic}`);
    return found;
  };
  // The top three Pemda.
  for (const [name, topics] of TOP_PEMDA) {
    for (const topic of repeat(topics)) Object.assign(take(topic), { category: 'Pemda', instansi: name });
  }
  // Categories: Pemda 824, K/L 93, Akademisi 33, Lainnya 60.
  const free = drafts.filter((d) => d.category === undefined);
  const categories = shuffle(
    repeat<[string, readonly string[]]>([
      [['Pemda', OTHER_PEMDA], 824 - 33],
      [['Kementerian/Lembaga', KL_NAMES], 93],
      [['Akademisi', AKADEMISI_NAMES], 33],
      [['Lainnya', LAINNYA_NAMES], 60],
    ]),
  );
  let pemdaIndex = 0;
  free.forEach((d, i) => {
    const [category, names] = categories[i] as [string, readonly string[]];
    d.category = category;
    // Round-robin keeps every other Pemda at 7 or 8 tickets, below the top three's 11.
    d.instansi = category === 'Pemda' ? (OTHER_PEMDA[pemdaIndex++ % OTHER_PEMDA.length] as string) : pick(names);
  });
  assignZones(drafts);
  // Layer 2: 67 escalations, 3 of them outside service hours (DBH and IF topics, as the seed says).
  const units = LAYER2.flatMap(([unit, n, slow]) =>
    Array.from({ length: n }, (_, i) => ({ unit, score: (i < slow ? 100 : 120) as 120 | 100 })),
  );
  const outsideEscalated: TicketDraft[] = [];
  for (const topic of ['DBH', 'IF', 'DBH']) {
    const free = (d: TicketDraft) => d.inside === false && !outsideEscalated.includes(d);
    if (!drafts.some((d) => free(d) && looseTopic(d.topic) === looseTopic(topic))) {
      // No such ticket came outside hours: swap hours with an outside ticket of the same zone
      // (the zone × hours counts stay the seed's).
      const inside = take(topic, (d) => d.inside === true);
      const outside = drafts.find((d) => free(d) && d.zone === inside.zone);
      if (!outside) throw new Error(`sample: no outside ticket in ${inside.zone}`);
      [inside.inside, outside.inside] = [false, true];
    }
    outsideEscalated.push(take(topic, free));
  }
  const technical = new Set([
    'DBH',
    'DAU',
    'Transfer',
    'DAK Fisik',
    'Dana Desa',
    'PDRD',
    'SHSR',
    'JF AKPD',
    'Aplikasi',
  ]);
  const insideEscalated = drafts
    .filter((d) => d.inside && technical.has(d.topic) && !outsideEscalated.includes(d))
    .slice(0, units.length - 3);
  [...outsideEscalated, ...insideEscalated].forEach((d, i) => {
    d.escalation = units[i];
  });

  // The template's headers; `Jumlah` is appended by tiket() for the daily-total months.
  const grid: Grid = [TIKET.columns.filter((c) => c.key !== 'jumlah').map((c) => c.header)];
  const rows = drafts.map((d, i) => {
    let date: Date;
    if (d.inside) {
      // 08:00 sharp is inside (Mulai ≤ time); times spread over 08:00–15:59.
      const minute = i === 0 ? 0 : Math.floor(random() * 480);
      date = at(2025, 1, pick(WORKING_DAYS.slice(0, -2)), 8 + Math.floor(minute / 60), minute % 60);
    } else if (random() < 0.5) {
      date = at(
        2025,
        1,
        pick(CLOSED_DAYS.filter((day) => day > 1)),
        9 + Math.floor(random() * 8),
        Math.floor(random() * 60),
      );
    } else {
      // 16:00 sharp is already outside (time < Selesai); others in the evening or early morning.
      const evening = random() < 0.7;
      const hour = evening ? 16 + Math.floor(random() * 5) : 6 + Math.floor(random() * 2);
      date = at(
        2025,
        1,
        pick(WORKING_DAYS.slice(0, -2)),
        hour,
        evening && random() < 0.2 ? 0 : Math.floor(random() * 60),
      );
    }
    const day = date.getUTCDate();
    const escalation = d.escalation;
    return {
      date,
      cells: [
        date,
        pick(CHANNEL_SPELLINGS[d.channel]),
        d.category ?? null,
        d.instansi ?? null,
        d.topic,
        d.zoneFromPemda ? null : d.zone || null,
        null,
        escalation ? 'Ya' : 'Tidak',
        escalation?.unit ?? null,
        escalation && i % 2 === 0 ? at(2025, 1, day) : null,
        escalation
          ? escalation.score === 120
            ? addWorkingDays(day, i % 3 === 0 ? 1 : 0)
            : addWorkingDays(day, 2)
          : null,
        pick(AGENTS),
      ] as CellValue[],
    };
  });
  rows.sort((a, b) => a.date.getTime() - b.date.getTime());
  grid.push(...rows.map((r) => r.cells));
  return grid;
}

/** Daily totals per channel (the `Jumlah` column) for months logged before per-ticket logging. */
function dailyTotals(year: number, month: number, perChannel: Record<Channel, number>): Grid {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const rows: Grid = [];
  for (const [channel, total] of Object.entries(perChannel) as [Channel, number][]) {
    const base = Math.floor(total / days);
    let rest = total - base * days;
    for (let d = 1; d <= days; d++) {
      const n = base + (rest-- > 0 ? 1 : 0);
      if (n > 0)
        rows.push([at(year, month, d), channel, null, null, null, null, null, null, null, null, null, null, n]);
    }
  }
  return rows;
}

function tiket(): Grid {
  const grid = ticketsJanuary2025();
  (grid[0] as CellValue[]).push('Jumlah');
  grid.push(...dailyTotals(2024, 12, { WhatsApp: 771, Telepon: 63, Email: 237, 'Help Desk': 28, 'Live Chat': 13 }));
  grid.push(...dailyTotals(2024, 1, { WhatsApp: 1028, Telepon: 63, Email: 181, 'Help Desk': 10, 'Live Chat': 22 }));
  // Two rows the way they really turn up: a blank row, and a typo the Validasi tab reports (left out of the figures).
  grid.push([]);
  grid.push([
    at(2025, 1, 31, 10, 5),
    'Whatsap',
    'Pemda',
    'Kab. Sleman',
    'DAU',
    'WIB',
    null,
    'Tidak',
    null,
    null,
    null,
    'Dian',
  ]);
  return grid;
}

// ---------------------------------------------------------------- the other logs
const CHATBOT_MENUS: ReadonlyArray<readonly [string, number]> = [
  ['Informasi Anggaran Transfer ke Daerah', 210],
  ['Informasi Kunjungan ke DJPK', 24],
  ['Informasi Permohonan Data', 17],
  ['Informasi Fungsional AKPD', 8],
  ['Informasi Pajak dan Retribusi Daerah', 10],
  ['Informasi Pembiayaan Daerah', 5],
  ['Informasi Aplikasi SIKD-Core', 21],
  ['Informasi Standar Harga Satuan Regional (SHSR)', 6],
  ['Tidak Dilanjutkan', 73],
];

function chatbot(): Grid {
  const grid: Grid = [['Tanggal', 'Menu', 'Jumlah']];
  // January 2025: one row per session.
  CHATBOT_MENUS.forEach(([menu, n]) => {
    for (let i = 0; i < n; i++) grid.push([at(2025, 1, 1 + ((i * 7) % 31), 9 + (i % 8), (i * 13) % 60), menu, null]);
  });
  // December 2024 (337) and January 2024 (577) as monthly totals per menu.
  const split = (year: number, month: number, total: number) => {
    const shares = [0.55, 0.07, 0.05, 0.02, 0.03, 0.01, 0.06, 0.02];
    let used = 0;
    shares.forEach((s, i) => {
      const n = Math.round(total * s);
      used += n;
      grid.push([at(year, month, 15), CHATBOT_MENUS[i]?.[0] ?? '', n]);
    });
    grid.push([at(year, month, 15), 'Tidak Dilanjutkan', total - used]);
  };
  split(2024, 12, 337);
  split(2024, 1, 577);
  return grid;
}

const PUBLICATIONS_2025_01: ReadonlyArray<readonly [number, string, string]> = [
  [
    2,
    'Keputusan Menteri Keuangan Nomor 43/KM.7/2024 tentang Penghentian Penyaluran Dana Bagi Hasil Perkebunan Sawit, Dana Bagi Hasil Sumber Daya Alam Kehutanan, dan Dana Bagi Hasil Cukai Hasil Tembakau Tahun Anggaran 2024',
    'Peraturan',
  ],
  [
    2,
    'Keputusan Menteri Keuangan Nomor 44/KM.7/2024 tentang Penyaluran Kurang Bayar Dana Bagi Hasil dan Penyelesaian Lebih Bayar Dana Bagi Hasil pada Tahun 2024',
    'Peraturan',
  ],
  [
    2,
    'Keputusan Menteri Keuangan Nomor 453 Tahun 2024 tentang Perubahan Rincian Alokasi Dana Alokasi Khusus Nonfisik Tahun Anggaran 2025',
    'Peraturan',
  ],
  [
    6,
    'Peraturan Menteri Keuangan Nomor 108 Tahun 2024 tentang Pengalokasian Dana Desa Setiap Desa, Penggunaan, dan Penyaluran Dana Desa Tahun Anggaran 2025',
    'Peraturan',
  ],
  [
    16,
    'Keputusan Menteri Keuangan Nomor 1/KM.7/2025 tentang Perubahan Atas Keputusan Menteri Keuangan Nomor 6/KM.7/2024 Tentang Petunjuk Teknis Tata Cara Dan Persyaratan Penarikan Dana Treasury Deposit Facility',
    'Peraturan',
  ],
  [
    17,
    'S-4/PK.4/2025 perihal Permintaan Data Pegawai Pengelola Laporan Dana Insentif Fiskal (DIF) TA 2025',
    'Pemberitahuan ke Daerah',
  ],
  [20, 'Buku Undang Undang APBN Tahun Anggaran 2025', 'Publikasi Lainnya'],
  [20, 'Buku Nota Keuangan APBN Tahun Anggaran 2025', 'Publikasi Lainnya'],
  [
    20,
    'Keputusan PPID Kementerian Keuangan Nomor KEP-1/PPID/2025 Tentang Daftar Informasi Publik Kementerian Keuangan Tahun 2025',
    'PPID',
  ],
  [9, 'LPEFD Edisi XLVI', 'LPEFD'],
  [6, 'Jurnal Defis Edisi XV', 'Jurnal'],
  [8, 'Majalah Media Defis XXXIX', 'Majalah'],
  [15, 'Alokasi dan Realisasi APBD 2023', 'APBD'],
  [15, 'Alokasi APBD 2024', 'APBD'],
  [15, 'Alokasi APBD 2025', 'APBD'],
];

function publikasi(): Grid {
  const grid: Grid = [['Tanggal', 'Nama Publikasi', 'Jenis Publikasi']];
  for (const [day, name, type] of PUBLICATIONS_2025_01) grid.push([at(2025, 1, day), name, type]);
  const types = ['Peraturan', 'Pemberitahuan ke Daerah', 'Berita', 'APBD', 'Bahan Sosialisasi'];
  for (let i = 0; i < 12; i++)
    grid.push([at(2024, 12, 2 + i * 2), `Publikasi Desember 2024 nomor ${i + 1}`, types[i % types.length] ?? '']);
  for (let i = 0; i < 7; i++)
    grid.push([at(2024, 1, 3 + i * 4), `Publikasi Januari 2024 nomor ${i + 1}`, types[i % types.length] ?? '']);
  return grid;
}

function webinar(): Grid {
  const grid: Grid = [
    ['Tanggal', 'Nama Acara', 'Jenis Acara'],
    [at(2025, 1, 10), 'Townhall bersama Menteri Keuangan', 'Webinar'],
    [at(2025, 1, 23), 'Sosialisasi Layanan Kepegawaian Seri 1', 'Sosialisasi'],
    [at(2025, 1, 31), 'Penandatanganan Kontrak Kinerja DJPK', 'Webinar'],
  ];
  const kinds = ['Webinar', 'Sosialisasi', 'Workshop', 'FGD'];
  for (let i = 0; i < 12; i++)
    grid.push([at(2024, 12, 2 + i * 2), `Acara Desember 2024 nomor ${i + 1}`, kinds[i % 4] ?? '']);
  for (let i = 0; i < 9; i++)
    grid.push([at(2024, 1, 3 + i * 3), `Acara Januari 2024 nomor ${i + 1}`, kinds[i % 4] ?? '']);
  return grid;
}

function blast(): Grid {
  return [
    ['Tanggal', 'Media', 'Perihal'],
    [at(2024, 11, 8), 'Email', 'Penyampaian Majalah Media Defis Edisi XXXVIII'],
    [at(2024, 11, 20), 'Email', 'Undangan Sosialisasi Kebijakan TKD 2025'],
    [at(2024, 11, 27), 'WhatsApp', 'Pengingat batas waktu penyampaian laporan DAU'],
    [at(2024, 12, 4), 'Email', 'Penyampaian Rincian Alokasi TKD TA 2025'],
    [at(2024, 12, 12), 'Email', 'Pemberitahuan Penyaluran DBH Triwulan IV'],
    [at(2024, 12, 19), 'Email', 'Undangan Bimbingan Teknis Keuangan Daerah'],
    [
      at(2025, 1, 2),
      'Email',
      'Penyampaian Majalah Media Defis Edisi XXXIX dengan tema "Transfer ke Daerah: 10 Tahun Refleksi dan Kebermanfaatan Bagi Negeri"',
    ],
    [
      at(2025, 1, 17),
      'Email',
      'Penyampaian Keputusan Menteri Keuangan Nomor 1/KM.7/2025 Tentang Petunjuk Teknis Penarikan Dana Treasury Deposit Facility',
    ],
    [
      at(2025, 1, 20),
      'Email',
      'Penyampaian Surat Nomor S-4/PK.4/2025 hal Permintaan Data Pegawai Pengelola Laporan Dana Insentif Fiskal (DIF) TA 2025',
    ],
    [
      at(2025, 1, 20),
      'Email',
      'Undangan Bimbingan Teknis Dana Transfer Umum Dalam Rangka Implementasi PMK Nomor 67 Tahun 2024',
    ],
    [at(2025, 1, 24), 'Email', 'Penyampaian S-15/PK/PK.2/2025 (Pemberitahuan Syarat Salur DBH Semester I Tahun 2025)'],
    [at(2025, 1, 24), 'Email', 'Pemberitahuan Kegiatan Bimtek PMK Nomor 67 Tahun 2024 secara Daring via Ms Teams'],
  ];
}

function vicon(): Grid {
  const grid: Grid = [
    ['Tanggal', 'Pengguna Layanan', 'Topik'],
    [at(2025, 1, 7), 'Kab. Banjarnegara', 'IF'],
    [at(2025, 1, 31), 'Kab. Kolaka', 'JF AKPD'],
  ];
  ['Kab. Sintang', 'Kota Palu', 'Kab. Merauke', 'Kab. Sumbawa'].forEach((p, i) => {
    grid.push([at(2024, 12, 3 + i * 5), p, 'DAU']);
  });
  ['Kab. Sigi', 'Kota Tidore Kepulauan'].forEach((p, i) => {
    grid.push([at(2024, 1, 10 + i * 7), p, 'DBH']);
  });
  return grid;
}

const VISITS_2025_01: ReadonlyArray<readonly [number, string, string, number]> = [
  [7, 'Bank BJB', 'Pinjaman', 6],
  [8, 'Bank Sulselbar', 'Pinjaman', 2],
  [8, 'Kab. Bogor', 'DAK NF', 5],
  [13, 'Kab. Lebong', 'DAU', 7],
  [13, 'Kab. Yalimo', 'DAU', 4],
  [14, 'Kab. Fak Fak', 'DAK Fisik', 1],
  [15, 'Kab. Padang Lawas', 'IF', 8],
  [15, 'Prov. DKI Jakarta', 'DBH', 5],
  [15, 'Kab. Pasuruan', 'DAU, DBH, DAK Fisik', 15],
  [15, 'Kab. Bojonegoro', 'PDRD', 4],
  [16, 'Kab. Bolaang Mongondow', 'DAU', 26],
  [17, 'Kab. Siak', 'DBH', 16],
  [17, 'Kota Pasuruan', 'DBH', 4],
  [17, 'Kab. Banggai Kepulauan', 'SHSR, DAU, DAK FISIK', 2],
  [21, 'Kab. Bangka Barat', 'DBH', 6],
  [22, 'Kota Probolinggo', 'PDRD', 8],
  [22, 'Kota Kendari', 'DAU PPPK', 4],
  [22, 'Kab. Bandung', 'P2D', 6],
  [22, 'Kota Bima', 'DAU', 6],
  [23, 'Kab. Kediri', 'IF', 7],
  [23, 'Kab. Kupang', 'DAU', 2],
  [23, 'Kab. Ketapang', 'Dana Desa, IF, DAU', 12],
  [30, 'Kab. Pulau Pisang', 'SEB Tindak Lanjut', 5],
  [31, 'Kota Lubuklinggau', 'DTU', 7],
];

function tatapMuka(): Grid {
  const grid: Grid = [['Tanggal', 'Pengguna Layanan', 'Topik', 'Jumlah Tamu']];
  for (const [day, who, topic, guests] of VISITS_2025_01) grid.push([at(2025, 1, day), who, topic, guests]);
  for (let i = 0; i < 33; i++)
    grid.push([at(2024, 12, 2 + (i % 20)), pick(OTHER_PEMDA), pick(['DAU', 'DBH', 'DAK Fisik', 'PDRD']), 2 + (i % 6)]);
  for (let i = 0; i < 25; i++)
    grid.push([at(2024, 1, 3 + (i % 25)), pick(OTHER_PEMDA), pick(['DAU', 'DBH', 'Dana Desa']), 2 + (i % 5)]);
  return grid;
}

function ppid(): Grid {
  const grid: Grid = [['Tanggal', 'Pemohon', 'Informasi Diminta', 'Tujuan']];
  const infos = ['Data anggaran dan realisasi APBD', 'Data anggaran dan realisasi Transfer ke Daerah'];
  const add = (year: number, month: number, n: number, research: number) => {
    for (let i = 0; i < n; i++) {
      grid.push([
        at(year, month, 2 + (i % 27)),
        `Pemohon ${year}-${month}-${i + 1}`,
        infos[i % 2] ?? '',
        i < research ? 'Penelitian' : 'Bahan Kebijakan',
      ]);
    }
  };
  add(2025, 1, 19, 15);
  add(2024, 12, 25, 18);
  add(2024, 1, 17, 12);
  return grid;
}

function emailLapor(): Grid {
  const grid: Grid = [['Tanggal', 'Jenis Dokumen', 'Jumlah']];
  const docs: ReadonlyArray<readonly [string, number, number, number]> = [
    ['Laporan Syarat Salur DAU', 402, 365, 350],
    ['Laporan Syarat Salur DBH', 88, 70, 81],
    ['Data THR dan Gaji Ke-13', 12, 4, 10],
    ['DAK Non Fisik', 35, 41, 30],
    ['Laporan Evaluasi APBD', 51, 47, 44],
  ];
  for (const [doc, jan25, dec24, jan24] of docs) {
    grid.push([at(2025, 1, 31), doc, jan25], [at(2024, 12, 31), doc, dec24], [at(2024, 1, 31), doc, jan24]);
  }
  return grid;
}

function pengaduan(): Grid {
  const grid: Grid = [['Tanggal', 'Jenis', 'Uraian', 'Daerah']];
  const fake = 'Surat palsu undangan pendidikan/pelatihan pengelolaan keuangan dan strategi menghadapi audit';
  [
    ['Kab. Bogor', 6],
    ['Kab. Cirebon', 9],
    ['Kota Samarinda', 14],
    ['', 21],
  ].forEach(([region, day]) => {
    grid.push([at(2025, 1, day as number), 'Pengaduan', fake, (region as string) || null]);
  });
  for (let i = 0; i < 8; i++)
    grid.push([
      at(2024, 12, 2 + i * 3),
      i < 6 ? 'Pengaduan' : 'Keluhan',
      'Surat undangan palsu mengatasnamakan DJPK',
      pick(OTHER_PEMDA),
    ]);
  grid.push([at(2024, 1, 18), 'Pengaduan', 'Penipuan mengatasnamakan pejabat DJPK', 'Kab. Karawang']);
  return grid;
}

function kepuasan(): Grid {
  const grid: Grid = [['Tanggal', 'Agen', 'Pengguna', 'Nilai Layanan', 'Nilai Substansi']];
  AGENTS.forEach((agent, a) => {
    for (let i = 0; i < 6; i++) grid.push([at(2025, 1, 2 + a * 5 + i), agent, `Pengguna ${a}-${i}`, 5, 5]);
    for (let i = 0; i < 5; i++)
      grid.push([at(2024, 12, 2 + a * 5 + i), agent, `Pengguna D${a}-${i}`, 5, i === 0 ? 4 : 5]);
  });
  return grid;
}

function telepon(): Grid {
  const grid: Grid = [['Tanggal', 'Waktu Tunggu (detik)', 'Status']];
  for (let i = 0; i < 64; i++) {
    const status = i < 60 ? 'Terjawab' : i < 63 ? 'Abandon' : 'Antrian Tidak Terjawab';
    grid.push([
      at(2025, 1, pick(WORKING_DAYS), 8 + (i % 8), (i * 7) % 60),
      i < 52 ? 3 + (i % 7) : 12 + (i % 20),
      status,
    ]);
  }
  return grid;
}

function website(): Grid {
  return [
    ['Bulan', 'Pengunjung', 'Halaman Terpopuler'],
    [
      '2025-01',
      104000,
      'Portal Data SIKD; Rincian Dana Desa per Desa TA 2025; Rincian Alokasi Transfer ke Daerah (TKD) dalam APBN Tahun Anggaran 2025; KMK Nomor 352 Tahun 2024 tentang Rincian Insentif Desa Setiap Desa Tahun Anggaran 2024; PMK 145 dan PMK 146 Tahun 2023 tentang Dana Desa',
    ],
    ['2024-12', 90000, 'Portal Data SIKD; Rincian Alokasi TKD TA 2025'],
    ['2024-01', 58000, 'Portal Data SIKD; Portal APBD'],
  ];
}

function medsos(): Grid {
  return [
    ['Bulan', 'Platform', 'Followers', 'Feeds', 'Story', 'Konten', 'Reach Total', 'Reach Rata-rata', 'Profile Visits'],
    ['Jan-25', 'Instagram', 118723, 22, 21, null, 269527, 12835, null],
    ['Jan-25', 'X', 16612, null, null, 32, 6157, 171, null],
    ['Jan-25', 'Facebook', 14278, null, null, 32, null, 1803, null],
    ['Des-24', 'Instagram', 118585, 20, 20, null, 251004, 12550, null],
    ['Des-24', 'X', 16622, null, null, 31, 6020, 194, null],
    ['Des-24', 'Facebook', 14249, null, null, 31, null, 1750, null],
    ['Jan-24', 'Instagram', 117069, 25, 20, null, 230118, 10003, null],
    ['Jan-24', 'Twitter', 16752, null, null, 36, 7311, 203, null],
    ['Jan-24', 'FB', 13991, null, null, 36, null, 1620, null],
  ];
}

/** Figures the other seeds state, for months before the workbook was adopted. */
function rekapHistoris(): Grid {
  return [
    ['Bulan', 'Metrik', 'Nilai'],
    // January 2020 seed: 901 users, +38,1% on December 2019, 1.277 in January 2019.
    ['2019-01', 'konsultasi.total', 1277],
    ['2019-12', 'konsultasi.total', 652],
    ['2020-01', 'Tiket Konsultasi', 901],
    // January 2021 seed: 902 tickets by channel; December 2020: 618.
    ['2020-12', 'konsultasi.total', 618],
    ['2021-01', 'konsultasi.total', 902],
    ['2021-01', 'konsultasi.kanal.whatsapp', 653],
    ['2021-01', 'konsultasi.kanal.telepon', 110],
    ['2021-01', 'konsultasi.kanal.email', 122],
    ['2021-01', 'konsultasi.kanal.helpdesk', 0],
    ['2021-01', 'konsultasi.kanal.livechat', 17],
    // April 2023 seed: 1.813 vs 1.771 (March) and 783 (April 2022); Jan–Apr 2023 = 6.257
    // (the split of the remaining 2.673 between January and February is not in the seeds).
    ['2022-04', 'konsultasi.total', 783],
    ['2023-01', 'konsultasi.total', 1402],
    ['2023-02', 'konsultasi.total', 1271],
    ['2023-03', 'konsultasi.total', 1771],
    ['2023-04', 'konsultasi.total', 1813],
    ['2023-03', 'Pengunjung Website', 101704],
    ['2023-04', 'Pengunjung Website', 66529],
    // July 2023 seed: 1.707 vs 1.315 (June) and 1.114 (July 2022); Email Lapor 742 vs 835.
    ['2022-07', 'konsultasi.total', 1114],
    ['2023-06', 'konsultasi.total', 1315],
    ['2023-07', 'konsultasi.total', 1707],
    ['2023-06', 'emailLapor.total', 835],
    ['2023-07', 'emailLapor.total', 742],
    ['2023-06', 'website.pengunjung', 88792],
    ['2023-07', 'website.pengunjung', 73000],
  ];
}

/** The team's words of the January 2025 report (seed 000), as `Narasi` rows. */
function narasi(): Grid {
  const row = (bagian: string, judul: string, teks: string) => ['2025-01', bagian, judul, teks];
  return [
    ['Bulan', 'Bagian', 'Judul', 'Teks'],
    row(
      'Topik Konsultasi',
      'Topik DBH',
      [
        '- Informasi penyaluran KBLB sesuai dengan KMK Nomor 44/KM.7/2025 tentang Penyaluran Kurang Bayar Dana Bagi Hasil dan Penyelesaian Lebih Bayar Dana Bagi Hasil pada Tahun 2024',
        '- Informasi besaran TDF Desember 2024',
      ].join('\n'),
    ),
    row(
      'Topik Konsultasi',
      'Topik DAU',
      'Informasi penyaluran THR dan Gaji ketiga belas bagi ASN guru yang gaji pokoknya bersumber dari APBD, tetapi tidak menerima TPP TA 2024',
    ),
    row('Topik Konsultasi', 'Topik Aplikasi', 'LKT triwulan IV pada aplikasi SIKD Next Generation'),
    row('topik', 'Surat Masuk', 'Mencakup penyampaian surat dan konfirmasi progres surat masuk.'),
    row(
      'topik',
      'Lainnya',
      'Mencakup tiket dengan pertanyaan yang tidak termasuk dalam tag/topik yang telah tersedia.',
    ),
    row(
      'topik',
      'Reservasi',
      'Mencakup tiket yang terkait dengan rencana konsultasi tatap muka Pengguna Layanan ke DJPK.',
    ),
    row(
      'Layanan Chatbot DJPK',
      'Layanan Chatbot DJPK',
      [
        'Layanan Chatbot DJPK telah beroperasi mulai 1 September 2023.',
        '- Pengguna layanan wajib mengisi data diri (nama, daerah, instansi/SKPD, email dan pertanyaan) secara lengkap dan sesuai dengan format yang diminta.',
        '- Pengguna layanan dapat memilih informasi yang dibutuhkan pada menu dan submenu yang disediakan.',
        '- Jika pengguna layanan ingin terhubung dengan agen atau informasi yang dibutuhkan tidak tersedia dalam menu dan submenu Chatbot, maka pengguna layanan dapat memilih opsi “Chat Agent”.',
      ].join('\n'),
    ),
    row(
      'Layanan Email',
      'Email Contact Center',
      [
        'Email Contact Center callcenter.djpk@kemenkeu.go.id bertujuan untuk menampung:',
        '- Konsultasi yang dikirim pengguna melalui Email atau Website DJPK (Hai Kemenkeu dan Live Chat),',
        '- Pengiriman Dokumen/Surat kepada DJPK yang bersifat tidak rutin (sewaktu-waktu).',
        'Dikelola oleh Agen menggunakan aplikasi Deskpro yang terintegrasi dengan Layanan Hai Kemenkeu. Sebagian besar keperluan melalui email adalah untuk penyampaian surat dan konfirmasi tindak lanjutnya.',
      ].join('\n'),
    ),
    row(
      'viconTatapMuka',
      'Pedoman Konsultasi Tatap Muka',
      [
        'Dalam rangka memberikan petunjuk teknis pelaksanaan konsultasi dengan narasumber DJPK yang dilaksanakan baik secara daring melalui video conference maupun secara tatap muka di DJPK, pada bulan Maret 2024 telah disampaikan Surat Edaran nomor SE-2/PK.1/2024 tentang Mekanisme Layanan Konsultasi Contact Center Direktorat Jenderal Perimbangan Keuangan kepada seluruh pengguna layanan DJPK.',
        'Namun, dalam pelaksanaannya beberapa Pemerintah Daerah belum mematuhi ketentuan pelaksanaan konsultasi tatap muka, seperti jumlah tamu yang hadir melebihi ketentuan.',
      ].join('\n'),
    ),
    row(
      'Evaluasi dan Saran',
      'Tim Contact Center',
      [
        '- Dengan telah ditetapkannya KMK Nomor 374 Tahun 2024 tentang Perubahan atas KMK Nomor 412 Tahun 2023 tentang Pedoman Pengelolaan Program Pusat Kontak Layanan di Lingkungan Kementerian Keuangan, Tim Contact Center perlu terus meningkatkan koordinasi dan kerja sama dengan Agent Layer 2 (L2) yang melibatkan seluruh unit eselon II di lingkungan DJPK.',
        '- Seiring telah diterbitkannya Surat Edaran Mekanisme Layanan Konsultasi Contact Center Direktorat Jenderal Perimbangan Keuangan, pengguna layanan yang mengajukan permohonan konsultasi tatap muka semakin banyak dan beberapa diantaranya belum memenuhi ketentuan sesuai Surat Edaran dimaksud khususnya pada kriteria jumlah tamu.',
      ].join('\n'),
    ),
    row(
      'Evaluasi dan Saran',
      'Manajemen Informasi',
      'Koordinasi antara unit eselon II mengenai kebijakan terkini perlu terus ditingkatkan termasuk terkait agenda kegiatan yang akan dilaksanakan setiap bulannya serta informasi yang perlu disampaikan kepada pengguna layanan, untuk memperkaya knowledge based contact center DJPK.',
    ),
  ];
}

/** The whole sample workbook, tab name → rows (header first). */
export function sampleWorkbook(): Record<string, Grid> {
  // Every call starts from the seed: the same workbook however often it is asked for.
  random = prng(SEED);
  return {
    Tiket: tiket(),
    Chatbot: chatbot(),
    Publikasi: publikasi(),
    Webinar: webinar(),
    Blast: blast(),
    'Video Conference': vicon(),
    'Tatap Muka': tatapMuka(),
    PPID: ppid(),
    'Email Lapor': emailLapor(),
    Pengaduan: pengaduan(),
    Kepuasan: kepuasan(),
    Telepon: telepon(),
    Website: website(),
    'Media Sosial': medsos(),
    'Rekap Historis': rekapHistoris(),
    Pengaturan: [['Kunci', 'Nilai'], ...SETTING_TEMPLATE_ROWS.map(([k, v]) => [k, v])],
    'Hari Libur': HOLIDAYS,
    Narasi: narasi(),
    // The seeds' own contact page; Logo is left empty (no image ships with the sample).
    'Profil Layanan': [
      ['Kunci', 'Nilai'],
      ...PROFILE_ROWS.filter(([label]) => label !== 'Logo').map(([label, , value]) => [label, value]),
    ],
  };
}
