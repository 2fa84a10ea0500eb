import { monthLabel, monthShortLabel } from '../../format/idDate';
import { formatNumber, formatPercent } from '../../format/idNumber';
import { joinIndonesian, shareText } from '../../format/sentences';
import { CHANNELS, USER_CATEGORIES, ZONES } from '../../workbook/enums';
import { looseKey } from '../../workbook/textMatch';
import { OTHER_TOPICS, topicOf } from '../../workbook/topics';
import type { Ticket } from '../../workbook/workbook';
import type { Section, Table, TableColumn } from '../model';
import { rankWithTies, type SectionContext, tally } from '../sectionContext';

/** Sections 6–10: tickets, topics, users, time zones and service hours, channel pages. */

const CHANNEL_KEYS = CHANNELS.values.map((c) => `konsultasi.kanal.${c.id}`);

/** Catch-all tags that say nothing about what users need; left out of "top topics" lists. */
const NOT_A_TOP_TOPIC = new Set(['lainnya', 'spam', 'nondjpk']);

/** The seeds show users' shares with 2 decimals (81,58%) and zone shares with 1 (57,6%). */
const USER_SHARE_DECIMALS = 2;
const ZONE_SHARE_DECIMALS = 1;

/** Channel, M, share, M−1, M−12 and the two changes: the seeds' channel table. */
const channelColumns = (ctx: SectionContext): TableColumn[] => [
  { header: 'Kanal', format: 'text' },
  { header: monthShortLabel(ctx.m), format: 'int' },
  { header: 'Pangsa', format: 'pct0' },
  { header: monthShortLabel(ctx.m - 1), format: 'int' },
  { header: monthShortLabel(ctx.m - 12), format: 'int' },
  { header: `Perubahan thd ${monthShortLabel(ctx.m - 1)}`, format: 'change' },
  { header: `Perubahan thd ${monthShortLabel(ctx.m - 12)}`, format: 'change' },
];

const share = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / whole) * 100;

export function konsultasiSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const ytd = ctx.figures.yearToDate('konsultasi.total', ctx.m);
  const period = ctx.m % 12 === 0 ? ctx.label : `Januari – ${ctx.label}`;
  const ytdSentence =
    ytd.value !== null
      ? `Selama ${period}, jumlah konsultasi yang dilayani Contact Center DJPK sebanyak ${formatNumber(ytd.value)} konsultasi.`
      : `Jumlah konsultasi ${period} belum dapat dihitung: data ${ytd.missing.map(monthLabel).join(', ')} belum tersedia.`;
  const trendMonths = Array.from({ length: 13 }, (_, i) => ctx.m - 12 + i);
  const channelRows = CHANNEL_KEYS.map((key) => {
    const f = ctx.figure(key);
    return [f.label, f.value, share(f.value, total), f.previousMonth, f.sameMonthLastYear, f.momPct, f.yoyPct];
  });
  return {
    id: 'konsultasi',
    title: 'Tiket Konsultasi',
    metrics: ['konsultasi.total', ...CHANNEL_KEYS, 'chatbot.pengguna', 'tatapMuka.total', 'vicon.total'],
    sentences: [...ctx.compare('konsultasi.total', 'Jumlah konsultasi', 'konsultasi'), ytdSentence],
    tables: [
      {
        title: 'Tiket Konsultasi per Kanal',
        columns: channelColumns(ctx),
        rows: [
          ...channelRows,
          (() => {
            const f = ctx.figure('konsultasi.total');
            return [
              'Total',
              f.value,
              total === null ? null : 100,
              f.previousMonth,
              f.sameMonthLastYear,
              f.momPct,
              f.yoyPct,
            ];
          })(),
        ],
      },
      ctx.comparisonTable('Layanan Lainnya (di luar tiket konsultasi)', [
        'chatbot.pengguna',
        'tatapMuka.total',
        'vicon.total',
      ]),
      {
        title: 'Jumlah Konsultasi Sepanjang Tahun',
        columns: [
          { header: 'Periode', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: [[period, ytd.value]],
      },
    ],
    charts: [
      {
        kind: 'donut',
        title: `Tiket Konsultasi per Kanal ${ctx.label}`,
        categories: CHANNELS.values.map((c) => c.label),
        series: [{ name: 'Tiket', values: CHANNEL_KEYS.map((k) => ctx.value(k)) }],
      },
      ctx.threeMonthBars('Perkembangan Jumlah Konsultasi', ['konsultasi.total']),
      {
        kind: 'line',
        title: 'Tren Tiket Konsultasi 13 Bulan',
        categories: trendMonths.map(monthShortLabel),
        series: ['konsultasi.total', ...CHANNEL_KEYS].map((key) => ({
          name: ctx.figure(key).label,
          values: trendMonths.map((m) => ctx.figures.value(key, m)),
        })),
      },
    ],
  };
}

/** Technical and other topics of the month's tickets, optionally of one channel. */
function topicTallies(tickets: readonly Ticket[]) {
  const all = tally(
    tickets,
    (t) => (t.topik ? topicOf(t.topik).label : null),
    (t) => t.jumlah,
  );
  const technical = all.filter((t) => topicOf(t.label).technical);
  const top = all.filter((t) => !NOT_A_TOP_TOPIC.has(looseKey(t.label)));
  return { all, technical, top };
}

/** One channel's topic tallies for the month; the topics and channel sections both read them. */
const channelTopics = (ctx: SectionContext, channel: string) =>
  ctx.memo(`topics:${channel}`, () => topicTallies(ctx.inMonth(ctx.wb.tiket).filter((t) => t.kanal === channel)));

export function topikSection(ctx: SectionContext): Section {
  const tickets = ctx.inMonth(ctx.wb.tiket);
  const { all, technical } = topicTallies(tickets);
  const countOf = (label: string) => all.find((t) => t.label === label)?.count ?? 0;
  const top3 = technical.slice(0, 3);
  const covered = ctx.figures.coversKey('tiket.topik', ctx.m);
  const channelTop: Table = {
    title: 'Top 3 Topik Teknis per Kanal',
    columns: [
      { header: 'Kanal', format: 'text' },
      { header: 'Topik 1', format: 'text' },
      { header: 'Topik 2', format: 'text' },
      { header: 'Topik 3', format: 'text' },
    ],
    rows: CHANNELS.values.map((c) => {
      const top = channelTopics(ctx, c.id).technical.slice(0, 3);
      return [c.label, ...[0, 1, 2].map((i) => (top[i] ? `${top[i].label} (${formatNumber(top[i].count)})` : ''))];
    }),
  };
  return {
    id: 'topik',
    title: 'Topik Konsultasi',
    metrics: top3.map((t) => `konsultasi.topik.${topicOf(t.label).key}`),
    sentences: covered
      ? [
          top3.length
            ? `Topik konsultasi teknis terbanyak di bulan ${ctx.label} adalah ${joinIndonesian(top3.map((t) => `${t.label} (${formatNumber(t.count)} tiket)`))}.`
            : `Tidak ada tiket dengan topik teknis di bulan ${ctx.label}.`,
        ]
      : [`Data tiket bulan ${ctx.label} belum tersedia.`],
    tables: [
      {
        title: 'Topik Konsultasi Teknis',
        columns: [
          { header: 'Topik', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: technical.map((t) => [t.label, t.count]),
      },
      channelTop,
      {
        title: 'Topik Konsultasi Lainnya',
        columns: [
          { header: 'Topik', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: covered ? OTHER_TOPICS.map((label) => [label, countOf(label)]) : [],
      },
    ],
    charts: covered
      ? [
          {
            kind: 'bar',
            title: 'Topik Konsultasi Lainnya',
            categories: [...OTHER_TOPICS],
            series: [{ name: ctx.label, values: OTHER_TOPICS.map(countOf) }],
          },
        ]
      : [],
  };
}

/** "Kabupaten Bogor" and "Kab. Bogor" are one Pemda. */
const instansiKey = (name: string) =>
  looseKey(
    name
      .replace(/^kabupaten\b/i, 'kab')
      .replace(/^provinsi\b/i, 'prov')
      .replace(/^kota madya\b/i, 'kota'),
  );

export function penggunaSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const keys = USER_CATEGORIES.values.map((c) => `konsultasi.pengguna.${c.id}`);
  const unfilled = ctx.value('konsultasi.pengguna.tidakDiisi') ?? 0;
  const pemdaTickets = ctx.inMonth(ctx.wb.tiket).filter((t) => t.kategori === 'pemda' && t.instansi);
  const names = new Map<string, string>();
  const byPemda = new Map<string, Ticket[]>();
  for (const t of pemdaTickets) {
    const key = instansiKey(t.instansi ?? '');
    if (!names.has(key)) names.set(key, (t.instansi ?? '').trim());
    const list = byPemda.get(key) ?? [];
    list.push(t);
    byPemda.set(key, list);
  }
  const pemda = [...byPemda.entries()]
    .map(([key, list]) => ({
      name: names.get(key) ?? key,
      count: list.reduce((s, t) => s + t.jumlah, 0),
      topics: topicTallies(list)
        .top.slice(0, 3)
        .map((t) => t.label),
    }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  const ranked = rankWithTies(pemda, (p) => p.count).filter((r) => r.rank <= 10);
  const first = ranked.filter((r) => r.rank === 1);
  const sentences: string[] = [];
  if (total !== null) {
    sentences.push(
      `Pengguna layanan bulan ${ctx.label}: ${joinIndonesian(
        USER_CATEGORIES.values.map((c, i) => {
          const v = ctx.value(keys[i] ?? '') ?? 0;
          return `${c.label} ${formatNumber(v)} pengguna (${shareText(v, total, USER_SHARE_DECIMALS)})`;
        }),
      )}.`,
    );
    if (unfilled > 0) sentences.push(`${formatNumber(unfilled)} tiket belum diisi kategori penggunanya.`);
  }
  if (first.length) {
    sentences.push(
      `Pemda dengan konsultasi terbanyak: ${joinIndonesian(first.map((r) => `${r.item.name} (${formatNumber(r.item.count)})`))}.`,
    );
  }
  return {
    id: 'pengguna',
    title: 'Pengguna Layanan',
    metrics: keys,
    sentences,
    tables: [
      {
        title: 'Pengguna Layanan per Kategori',
        columns: [
          { header: 'Kategori', format: 'text' },
          { header: 'Jumlah', format: 'int' },
          { header: 'Pangsa', format: 'pct2' },
        ],
        rows: [
          ...keys.map((key) => {
            const f = ctx.figure(key);
            return [f.label, f.value, share(f.value, total)];
          }),
          ...(unfilled > 0 ? [['Tidak diisi', unfilled, share(unfilled, total)]] : []),
        ],
      },
      {
        title: 'Pemda Pengguna Terbanyak',
        columns: [
          { header: 'Peringkat', format: 'int' },
          { header: 'Pemda', format: 'text' },
          { header: 'Jumlah Tiket', format: 'int' },
          { header: 'Topik Terbanyak', format: 'text' },
        ],
        rows: ranked.map((r) => [r.rank, r.item.name, r.item.count, r.item.topics.join(', ')]),
      },
    ],
    charts: [
      {
        kind: 'donut',
        title: 'Pengguna Layanan per Kategori',
        categories: USER_CATEGORIES.values.map((c) => c.label),
        series: [{ name: 'Pengguna', values: keys.map((k) => ctx.value(k)) }],
      },
    ],
  };
}

export function zonaSection(ctx: SectionContext): Section {
  const v = (key: string) => ctx.value(key) ?? 0;
  const total = ctx.value('konsultasi.total');
  const identified = v('konsultasi.zona.teridentifikasi');
  const outsideIdentified = v('konsultasi.zona.luarJam');
  const outsideAll = v('konsultasi.jam.luar');
  const escalatedOutside = v('konsultasi.luarJam.eskalasi');
  const zoneWords: Record<string, string> = { wib: 'barat', wita: 'tengah', wit: 'timur' };
  const sentences =
    total === null
      ? [`Data tiket bulan ${ctx.label} belum tersedia.`]
      : [
          `Selama bulan ${ctx.label}, dari total ${formatNumber(total)} tiket konsultasi, sebanyak ${formatNumber(identified)} tiket dapat diidentifikasi asal zona waktunya, sedangkan ${formatNumber(v('konsultasi.zona.tidakTeridentifikasi'))} tiket sisanya tidak dapat diidentifikasi.`,
          `Dari ${formatNumber(identified)} tiket yang dapat diidentifikasi zona waktunya, ${formatNumber(v('konsultasi.zona.dalamJam'))} pengguna layanan menghubungi DJPK di dalam jam layanan, sedangkan ${formatNumber(outsideIdentified)} sisanya menghubungi DJPK di luar jam layanan${
            outsideIdentified > 0
              ? ` yang terdiri dari ${joinIndonesian(
                  ZONES.values.map((z) => {
                    const n = v(`konsultasi.luarJam.${z.id}`);
                    return `${formatNumber(n)} (${shareText(n, outsideIdentified, ZONE_SHARE_DECIMALS)}) dari bagian ${zoneWords[z.id]} (${z.label})`;
                  }),
                )}`
              : ''
          }.`,
          `Dari ${formatNumber(total)} tiket, terdapat ${formatNumber(outsideAll)} tiket yang masuk di luar jam layanan${
            outsideAll > 0
              ? `, ${formatNumber(escalatedOutside)} di antaranya atau ${shareText(escalatedOutside, outsideAll, ctx.pct)} memerlukan eskalasi lebih lanjut`
              : ''
          }.`,
        ];
  return {
    id: 'zona',
    title: 'Zona Waktu dan Jam Layanan',
    metrics: [
      'konsultasi.zona.teridentifikasi',
      'konsultasi.zona.tidakTeridentifikasi',
      'konsultasi.jam.dalam',
      'konsultasi.jam.luar',
      'konsultasi.luarJam.eskalasi',
    ],
    sentences,
    tables: [
      {
        title: 'Tiket per Zona Waktu dan Jam Layanan',
        columns: [
          { header: 'Zona Waktu', format: 'text' },
          { header: 'Dalam Jam Layanan', format: 'int' },
          { header: 'Luar Jam Layanan', format: 'int' },
          { header: 'Pangsa Luar Jam', format: 'pct1' },
        ],
        rows: [
          ...ZONES.values.map((z) => [
            z.label,
            v(`konsultasi.dalamJam.${z.id}`),
            v(`konsultasi.luarJam.${z.id}`),
            share(v(`konsultasi.luarJam.${z.id}`), outsideIdentified),
          ]),
          [
            'Tidak teridentifikasi',
            v('konsultasi.zona.tidakTeridentifikasi') - v('konsultasi.luarJam.tidakTeridentifikasi'),
            v('konsultasi.luarJam.tidakTeridentifikasi'),
            null,
          ],
          ['Total', v('konsultasi.jam.dalam'), outsideAll, null],
        ],
      },
      {
        title: 'Eskalasi Tiket di Luar Jam Layanan',
        columns: [
          { header: 'Status', format: 'text' },
          { header: 'Jumlah', format: 'int' },
          { header: 'Pangsa', format: 'pct0' },
        ],
        rows: [
          ['Eskalasi', escalatedOutside, share(escalatedOutside, outsideAll)],
          ['Tidak Eskalasi', outsideAll - escalatedOutside, share(outsideAll - escalatedOutside, outsideAll)],
        ],
      },
    ],
    charts: [
      {
        kind: 'bar',
        title: 'Tiket di Dalam dan Luar Jam Layanan per Zona',
        categories: ZONES.values.map((z) => z.label),
        series: [
          { name: 'Dalam Jam Layanan', values: ZONES.values.map((z) => v(`konsultasi.dalamJam.${z.id}`)) },
          { name: 'Luar Jam Layanan', values: ZONES.values.map((z) => v(`konsultasi.luarJam.${z.id}`)) },
        ],
      },
      {
        kind: 'donut',
        title: 'Persentase Eskalasi Tiket di Luar Jam Layanan',
        categories: ['Eskalasi', 'Tidak Eskalasi'],
        series: [{ name: 'Tiket', values: [escalatedOutside, outsideAll - escalatedOutside] }],
      },
    ],
  };
}

export function kanalSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const _tickets = ctx.inMonth(ctx.wb.tiket);
  const sentences: string[] = [];
  const topRows = CHANNELS.values.map((c) => {
    const key = `konsultasi.kanal.${c.id}`;
    const f = ctx.figure(key);
    const top = channelTopics(ctx, c.id).top.slice(0, 3);
    if (f.value !== null && total !== null) {
      sentences.push(
        `${c.label}: ${formatNumber(f.value)} layanan (${shareText(f.value, total, ctx.pct)} dari total konsultasi).`,
        ...ctx.compare(key, `Jumlah konsultasi melalui ${c.label}`, 'layanan'),
      );
      if (top.length) {
        sentences.push(
          `Top ${top.length} topik konsultasi ${c.label}: ${joinIndonesian(top.map((t) => `${t.label} (${formatNumber(t.count)})`))}.`,
        );
      }
    }
    return [
      c.label,
      f.value,
      share(f.value, total),
      f.previousMonth,
      f.sameMonthLastYear,
      f.momPct,
      f.yoyPct,
      top.map((t) => `${t.label} (${formatNumber(t.count)})`).join(', '),
    ];
  });
  const sl = ctx.figure('telepon.serviceLevel');
  if (sl.value !== null) {
    sentences.push(
      `Service level telepon bulan ${ctx.label}: ${formatPercent(sl.value, ctx.pct)} panggilan terjawab dalam ${formatNumber(ctx.settings.serviceLevelSeconds)} detik (target ${formatPercent(ctx.settings.serviceLevelTarget)}); ${formatNumber(ctx.value('telepon.abandon') ?? 0)} panggilan abandon dan ${formatNumber(ctx.value('telepon.antrian') ?? 0)} antrian tidak terjawab.`,
    );
  }
  return {
    id: 'kanal',
    title: 'Layanan per Kanal',
    metrics: [...CHANNEL_KEYS, 'telepon.serviceLevel'],
    sentences,
    tables: [
      {
        title: 'Ringkasan per Kanal',
        columns: [...channelColumns(ctx), { header: 'Top 3 Topik', format: 'text' }],
        rows: topRows,
      },
      ...(sl.value !== null
        ? [
            ctx.comparisonTable('Layanan Telepon (Avaya)', [
              'telepon.panggilan',
              'telepon.terjawab',
              'telepon.abandon',
              'telepon.antrian',
            ]),
          ]
        : []),
    ],
    charts: [ctx.threeMonthBars('Perkembangan Konsultasi per Kanal', CHANNEL_KEYS)],
  };
}
