/** The question parser on a table of phrasings (BOT.md), typos and English included. */
import { describe, expect, it } from 'vitest';
import { parseQuestion, type Question } from '../../core/ask/parseQuestion';
import { monthIndex, parseIsoMonth, toIsoMonth } from '../../core/period/yearMonth';

const DATA = [
  '2019-01',
  '2019-12',
  '2020-01',
  '2020-12',
  '2021-01',
  '2022-04',
  '2022-07',
  '2023-01',
  '2023-02',
  '2023-03',
  '2023-04',
  '2023-06',
  '2023-07',
  '2024-01',
  '2024-11',
  '2024-12',
  '2025-01',
];
/** "Now" is February 2025 (WIB): "bulan lalu" is January 2025, the latest month with data. */
const CTX = { currentMonth: monthIndex(2025, 2), monthsWithData: DATA.map((m) => parseIsoMonth(m) ?? 0) };

/** Questions with months as "YYYY-MM" for readable expectations. */
type Expected = Record<string, string | null>;
function readable(q: Question): Expected {
  // `relative` ("bulan lalu") only decides the fallback when that month has no data yet.
  return Object.fromEntries(
    Object.entries(q)
      .filter(([k]) => k !== 'relative')
      .map(([k, v]) => [k, typeof v === 'number' ? toIsoMonth(v) : (v as string | null)]),
  );
}

const METRICS: ReadonlyArray<readonly [string, string]> = [
  ['konsultasi', 'konsultasi.total'],
  ['tiket', 'konsultasi.total'],
  ['layanan', 'konsultasi.total'],
  ['WA', 'konsultasi.kanal.whatsapp'],
  ['whatsapp', 'konsultasi.kanal.whatsapp'],
  ['telepon', 'konsultasi.kanal.telepon'],
  ['telp', 'konsultasi.kanal.telepon'],
  ['dering', 'konsultasi.kanal.telepon'],
  ['email', 'konsultasi.kanal.email'],
  ['helpdesk', 'konsultasi.kanal.helpdesk'],
  ['hai', 'konsultasi.kanal.helpdesk'],
  ['live chat', 'konsultasi.kanal.livechat'],
  ['chat', 'konsultasi.kanal.livechat'],
  ['chatbot', 'chatbot.pengguna'],
  ['publikasi', 'publikasi.website'],
  ['webinar', 'webinar.total'],
  ['pengunjung website', 'website.pengunjung'],
  ['kunjungan website', 'website.pengunjung'],
  ['tatap muka', 'tatapMuka.total'],
  ['kunjungan tamu', 'tatapMuka.total'],
  ['vicon', 'vicon.total'],
  ['video conference', 'vicon.total'],
  ['ppid', 'ppid.permohonan'],
  // "Keluhan" is the kind; "pengaduan" alone, issue 16: the section's word, the section's figure (the Pengaduan dan Keluhan headline).
  ['pengaduan', 'pengaduan.total'],
  ['keluhan', 'pengaduan.jenis.keluhan'],
  ['pengaduan dan keluhan', 'pengaduan.total'],
  ['medsos', 'medsos.rataRataKonten'],
  ['instagram', 'medsos.instagram.followers'],
  ['ig', 'medsos.instagram.followers'],
  ['twitter', 'medsos.x.followers'],
  ['fb', 'medsos.facebook.followers'],
  ['email lapor', 'emailLapor.total'],
  ['wa blast', 'blast.whatsapp'],
  ['email blast', 'blast.email'],
];

const TIMES: ReadonlyArray<readonly [string, string]> = [
  ['januari 2025', '2025-01'],
  ['Jan-25', '2025-01'],
  ['2025-01', '2025-01'],
  ['bulan lalu', '2025-01'],
  ['desember 2024', '2024-12'],
  ['juli 2023', '2023-07'],
];

const FIGURES: [string, Expected][] = METRICS.flatMap(([word, metric]) =>
  TIMES.map(([time, month]): [string, Expected] => [`${word} ${time}`, { kind: 'figure', metric, month }]),
);

const SPECIAL: [string, Expected][] = [
  // BOT.md's own examples.
  [
    'konsultasi Januari vs Desember',
    { kind: 'compare', metric: 'konsultasi.total', month: '2025-01', base: '2024-12' },
  ],
  ['whatsapp juli 2023', { kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: '2023-07' }],
  ['berapa tiket WA bulan lalu', { kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: '2025-01' }],
  [
    'publikasi website jan 2025 dibandingkan jan 2024',
    { kind: 'compare', metric: 'publikasi.website', month: '2025-01', base: '2024-01' },
  ],
  ['tren whatsapp 12 bulan', { kind: 'trend', metric: 'konsultasi.kanal.whatsapp', from: '2024-02', to: '2025-01' }],
  ['tren konsultasi 2024', { kind: 'trend', metric: 'konsultasi.total', from: '2024-01', to: '2024-12' }],
  ['top pemda januari', { kind: 'section', section: 'topPemda', month: '2025-01' }],
  ['pemda terbanyak bulan lalu', { kind: 'section', section: 'topPemda', month: '2025-01' }],
  ['topik konsultasi juli 2023', { kind: 'section', section: 'topik', month: '2023-07' }],
  ['kanal januari 2025', { kind: 'section', section: 'kanal', month: '2025-01' }],
  ['sebaran kanal', { kind: 'section', section: 'kanal', month: '2025-01' }],
  ['layer 2 januari', { kind: 'section', section: 'layer2', month: '2025-01' }],
  ['eskalasi', { kind: 'section', section: 'layer2', month: '2025-01' }],
  ['kepuasan juli 2023', { kind: 'section', section: 'kepuasan', month: '2023-07' }],
  [
    'total konsultasi 2024',
    { kind: 'total', metric: 'konsultasi.total', from: '2024-01', to: '2024-12', label: 'tahun 2024' },
  ],
  [
    'konsultasi s.d. juli 2023',
    { kind: 'total', metric: 'konsultasi.total', from: '2023-01', to: '2023-07', label: 'Januari – Juli 2023' },
  ],
  [
    'konsultasi sampai april 2023',
    { kind: 'total', metric: 'konsultasi.total', from: '2023-01', to: '2023-04', label: 'Januari – April 2023' },
  ],
  [
    'triwulan I 2025',
    { kind: 'total', metric: 'konsultasi.total', from: '2025-01', to: '2025-01', label: 'triwulan I 2025' },
  ],
  [
    'kuartal 4 2024',
    { kind: 'total', metric: 'konsultasi.total', from: '2024-10', to: '2024-12', label: 'triwulan IV 2024' },
  ],
  [
    'Q2 2023 whatsapp',
    { kind: 'total', metric: 'konsultasi.kanal.whatsapp', from: '2023-04', to: '2023-06', label: 'triwulan II 2023' },
  ],
  [
    'konsultasi semester 2 2024',
    { kind: 'total', metric: 'konsultasi.total', from: '2024-07', to: '2024-12', label: 'semester II 2024' },
  ],
  [
    'konsultasi semester I 2023',
    { kind: 'total', metric: 'konsultasi.total', from: '2023-01', to: '2023-06', label: 'semester I 2023' },
  ],
  ['ringkasan januari 2025', { kind: 'summary', month: '2025-01' }],
  ['laporan bulan lalu', { kind: 'summary', month: '2025-01' }],
  ['rekap desember 2024', { kind: 'summary', month: '2024-12' }],
  ['januari 2025', { kind: 'summary', month: '2025-01' }],
  ['bantuan', { kind: 'help', suggestion: null }],
  ['help', { kind: 'help', suggestion: null }],
  ['', { kind: 'help', suggestion: null }],
  ['segarkan', { kind: 'refresh' }],
  ['refresh data', { kind: 'refresh' }],
  // Month without a year: the most recent such month with data, not in the future.
  ['konsultasi april', { kind: 'figure', metric: 'konsultasi.total', month: '2023-04' }],
  ['konsultasi desember', { kind: 'figure', metric: 'konsultasi.total', month: '2024-12' }],
  ['konsultasi maret', { kind: 'figure', metric: 'konsultasi.total', month: '2023-03' }],
  ['konsultasi bulan ini', { kind: 'figure', metric: 'konsultasi.total', month: '2025-02' }],
  // "kemarin" is yesterday, a day, never the month before (issue 16): test/core/chatPeriods.tz.test.ts.
  ['konsultasi', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  ['konsultasi 01/2025', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  ['konsultasi Januari 2021', { kind: 'figure', metric: 'konsultasi.total', month: '2021-01' }],
  [
    'konsultasi januari 2020 vs desember 2019',
    { kind: 'compare', metric: 'konsultasi.total', month: '2020-01', base: '2019-12' },
  ],
  ['konsultasi juli vs juni', { kind: 'compare', metric: 'konsultasi.total', month: '2023-07', base: '2023-06' }],
  [
    'konsultasi april 2023 vs april 2022',
    { kind: 'compare', metric: 'konsultasi.total', month: '2023-04', base: '2022-04' },
  ],
  [
    'bandingkan email januari dan desember',
    { kind: 'compare', metric: 'konsultasi.kanal.email', month: '2025-01', base: '2024-12' },
  ],
  ['telepon jan vs des', { kind: 'compare', metric: 'konsultasi.kanal.telepon', month: '2025-01', base: '2024-12' }],
  ['tren publikasi 6 bulan', { kind: 'trend', metric: 'publikasi.website', from: '2024-08', to: '2025-01' }],
  ['grafik pengunjung website 2023', { kind: 'trend', metric: 'website.pengunjung', from: '2023-01', to: '2023-12' }],
  ['perkembangan whatsapp', { kind: 'trend', metric: 'konsultasi.kanal.whatsapp', from: '2024-02', to: '2025-01' }],
  ['tren kepuasan 12 bulan', { kind: 'trend', metric: 'kepuasan.rataRata', from: '2024-02', to: '2025-01' }],
  [
    'total whatsapp tahun lalu',
    { kind: 'total', metric: 'konsultasi.kanal.whatsapp', from: '2024-01', to: '2024-12', label: 'tahun 2024' },
  ],
  [
    'jumlah ppid tahun ini',
    { kind: 'total', metric: 'ppid.permohonan', from: '2025-01', to: '2025-01', label: 'tahun 2025' },
  ],
  ['topik bulan lalu', { kind: 'section', section: 'topik', month: '2025-01' }],
  ['topik konsultasi', { kind: 'section', section: 'topik', month: '2025-01' }],
  ['sebaran kanal januari', { kind: 'section', section: 'kanal', month: '2025-01' }],
  ['kepuasan', { kind: 'section', section: 'kepuasan', month: '2025-01' }],
  ['layer2 desember 2024', { kind: 'section', section: 'layer2', month: '2024-12' }],
  ['pemda terbanyak januari 2025', { kind: 'section', section: 'topPemda', month: '2025-01' }],
  ['daerah paling banyak konsultasi', { kind: 'section', section: 'topPemda', month: '2025-01' }],
  ['<at>Laporan DJPK</at> konsultasi januari', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  ['KONSULTASI JANUARI 2025???', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  // Typos.
  ['konsultsi januari 2025', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  ['whatsap januari', { kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: '2025-01' }],
  ['whatsapp januri 2025', { kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: '2025-01' }],
  ['telepn desember 2024', { kind: 'figure', metric: 'konsultasi.kanal.telepon', month: '2024-12' }],
  ['pengadun januari 2025', { kind: 'figure', metric: 'pengaduan.total', month: '2025-01' }],
  ['publkasi januari 2025', { kind: 'figure', metric: 'publikasi.website', month: '2025-01' }],
  ['webinr januari 2025', { kind: 'figure', metric: 'webinar.total', month: '2025-01' }],
  ['konsultasi desmber 2024', { kind: 'figure', metric: 'konsultasi.total', month: '2024-12' }],
  // English.
  ['how many tickets in january 2025', { kind: 'figure', metric: 'konsultasi.total', month: '2025-01' }],
  ['whatsapp last month', { kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: '2025-01' }],
  ['email this month', { kind: 'figure', metric: 'konsultasi.kanal.email', month: '2025-02' }],
  ['phone december 2024', { kind: 'figure', metric: 'konsultasi.kanal.telepon', month: '2024-12' }],
  [
    'consultations january vs december',
    { kind: 'compare', metric: 'konsultasi.total', month: '2025-01', base: '2024-12' },
  ],
  ['trend tickets last 12 months', { kind: 'trend', metric: 'konsultasi.total', from: '2024-02', to: '2025-01' }],
  ['complaints january 2025', { kind: 'figure', metric: 'pengaduan.total', month: '2025-01' }],
  ['satisfaction january 2025', { kind: 'section', section: 'kepuasan', month: '2025-01' }],
  ['summary last month', { kind: 'summary', month: '2025-01' }],
  ['top topics january', { kind: 'section', section: 'topik', month: '2025-01' }],
  ['channels last month', { kind: 'section', section: 'kanal', month: '2025-01' }],
  ['website visitors december 2024', { kind: 'figure', metric: 'website.pengunjung', month: '2024-12' }],
];

describe('parseQuestion', () => {
  it('has at least 150 phrasings', () => {
    expect(FIGURES.length + SPECIAL.length).toBeGreaterThanOrEqual(150);
  });

  it.each([...FIGURES, ...SPECIAL])('%s', (text, expected) => {
    expect(readable(parseQuestion(text, CTX))).toEqual(expected);
  });

  it('words it does not know are refused, naming them, with a near miss offered', () => {
    expect(parseQuestion('whatsp apa ya', CTX)).toMatchObject({ kind: 'refuse', nearMiss: 'whatsapp' });
    const garbage = parseQuestion('asdfgh qwerty', CTX);
    expect(garbage).toMatchObject({ kind: 'refuse' });
    expect(garbage.kind === 'refuse' && garbage.reason).toContain("'asdfgh'");
  });
});
