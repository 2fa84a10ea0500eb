import { formatShare, percentFormat } from '../../format/figure';
import { monthLabel, monthShortLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian, shareText } from '../../format/sentences';
import type { Province } from '../../region/areas';
import { provinceOfName, resolvePemda } from '../../region/pemda';
import { looseKey } from '../../text/textMatch';
import { CHANNELS, type ChannelId, USER_CATEGORIES, ZONES } from '../../workbook/enums';
import { OTHER_TOPICS, topicOf } from '../../workbook/topics';
import type { Ticket } from '../../workbook/workbook';
import { channelSectionId } from '../catalog';
import type { Chart, Section, Table, TableCell, TableColumn } from '../model';
import { type SectionContext, tally } from '../sectionContext';
import { isInsideServiceHours } from '../serviceHours';

/** Sections 6–10: tickets, topics, users, time zones and service hours, one page per channel. */

const CHANNEL_KEYS = CHANNELS.values.map((c) => `konsultasi.kanal.${c.id}`);

/** Catch-all tags that say nothing about what users need; left out of "top topics" lists. */
const NOT_A_TOP_TOPIC = new Set(['lainnya', 'spam', 'nondjpk']);

/** The seeds show users' shares with 2 decimals (81,58%) and zone shares with 1 (57,6%). */
const USER_SHARE_DECIMALS = 2;
const ZONE_SHARE_DECIMALS = 1;

const share = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / whole) * 100;

/** Channel, M, share, M−1, M−12 and the two changes: the seeds' channel table. */
function channelColumns(ctx: SectionContext): TableColumn[] {
  return [
    { header: 'Kanal', format: 'text' },
    { header: monthShortLabel(ctx.m), format: 'int' },
    { header: 'Persentase', format: percentFormat(ctx.pct), decimals: ctx.pct },
    { header: monthShortLabel(ctx.m - 1), format: 'int' },
    { header: monthShortLabel(ctx.m - 12), format: 'int' },
    { header: ctx.changeHeader(ctx.m - 1), format: 'change', decimals: ctx.pct },
    { header: ctx.changeHeader(ctx.m - 12), format: 'change', decimals: ctx.pct },
  ];
}

function channelRow(ctx: SectionContext, key: string, label: string, total: number | null): TableCell[] {
  const f = ctx.shown(key);
  return [label, f.value, share(f.value, total), f.previousMonth, f.sameMonthLastYear, f.momPct, f.yoyPct];
}

/** The seeds' composite "Total N Layanan": tickets + Email Lapor + video conference + tatap muka. */
function totalServices(ctx: SectionContext): { sentence: string; value: number | null } {
  const parts = [
    ['konsultasi.total', 'tiket konsultasi'],
    ['emailLapor.total', 'Email Lapor DJPK'],
    ['vicon.total', 'video conference'],
    ['tatapMuka.total', 'konsultasi tatap muka'],
  ] as const;
  const values = parts.map(([key]) => ctx.value(key));
  const missing = parts.filter((_, i) => values[i] === null).map(([, name]) => name);
  if (missing.length) {
    return {
      value: null,
      sentence: `Total layanan (tiket konsultasi, Email Lapor DJPK, video conference dan konsultasi tatap muka) bulan ${ctx.label} belum dapat dihitung karena data ${joinIndonesian(missing)} belum tersedia.`,
    };
  }
  const value = values.reduce<number>((s, v) => s + (v ?? 0), 0);
  return {
    value,
    sentence: `Bersama ${joinIndonesian(parts.slice(1).map(([, name], i) => `${formatNumber(values[i + 1] ?? 0)} ${name}`))}, Contact Center DJPK memberikan total ${formatNumber(value)} layanan pada bulan ${ctx.label}.`,
  };
}

export function konsultasiSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const ytd = ctx.figures.yearToDate('konsultasi.total', ctx.m);
  const period = ctx.m % 12 === 0 ? ctx.label : `Januari – ${ctx.label}`;
  const missingText = ytd.missing.map(monthLabel);
  const ytdSentence =
    ytd.value !== null
      ? `Selama ${period}, jumlah konsultasi yang dilayani Contact Center DJPK sebanyak ${formatNumber(ytd.value)} konsultasi.`
      : `Jumlah konsultasi ${period} belum dapat dihitung karena data ${joinIndonesian(missingText)} belum tersedia.`;
  const trendMonths = Array.from({ length: 13 }, (_, i) => ctx.m - 12 + i);
  const services = totalServices(ctx);
  return {
    id: 'konsultasi',
    title: 'Tiket Konsultasi',
    metrics: ['konsultasi.total', ...CHANNEL_KEYS, 'chatbot.pengguna', 'tatapMuka.total', 'vicon.total'],
    sentences: [
      ...ctx.compare('konsultasi.total', 'Contact Center DJPK', 'konsultasi', {
        copula: 'melayani',
        noDataSubject: 'tiket konsultasi',
        zero: 'tidak terdapat tiket konsultasi',
      }),
      ...ctx.whatMoved('konsultasi.total'),
      ...(total === null ? [] : [ytdSentence, services.sentence]),
    ],
    tables: [
      {
        title: 'Tiket Konsultasi per Kanal',
        columns: channelColumns(ctx),
        rows: [
          ...CHANNELS.values.map((c) => channelRow(ctx, `konsultasi.kanal.${c.id}`, c.label, total)),
          ['Total', ...channelRow(ctx, 'konsultasi.total', 'Total', total).slice(1)],
        ],
      },
      ctx.comparisonTable('Layanan Lainnya (di luar tiket konsultasi)', [
        'chatbot.pengguna',
        'tatapMuka.total',
        'vicon.total',
      ]),
      {
        title: 'Total Layanan',
        columns: [
          { header: 'Layanan', format: 'text' },
          { header: monthShortLabel(ctx.m), format: 'int' },
        ],
        rows: [
          ['Tiket konsultasi', total],
          ['Email Lapor DJPK', ctx.value('emailLapor.total')],
          ['Video conference', ctx.value('vicon.total')],
          ['Konsultasi tatap muka', ctx.value('tatapMuka.total')],
          ['Total layanan', services.value],
        ],
      },
      {
        title: 'Jumlah Konsultasi Sepanjang Tahun',
        columns: [
          { header: 'Periode', format: 'text' },
          { header: 'Jumlah', format: 'int' },
          { header: 'Keterangan', format: 'text' },
        ],
        rows: [
          [period, ytd.value, ytd.missing.length ? `Data ${joinIndonesian(missingText)} belum tersedia` : 'Lengkap'],
        ],
      },
    ],
    charts: [
      {
        kind: 'donut',
        title: `Tiket Konsultasi per Kanal ${ctx.label}`,
        categories: CHANNELS.values.map((c) => c.label),
        categoryKeys: [...CHANNELS.ids],
        series: [{ name: 'Tiket', key: 'konsultasi.total', values: CHANNEL_KEYS.map((k) => ctx.value(k)) }],
      },
      ctx.threeMonthBars('Perkembangan Jumlah Konsultasi', ['konsultasi.total'], () => 'konsultasi.total'),
      {
        kind: 'line',
        title: 'Tren Tiket Konsultasi 13 Bulan',
        categories: trendMonths.map(monthShortLabel),
        series: ['konsultasi.total', ...CHANNEL_KEYS].map((key) => ({
          name: ctx.figure(key).label,
          key: key === 'konsultasi.total' ? key : key.slice('konsultasi.kanal.'.length),
          values: trendMonths.map((m) => ctx.figures.value(key, m)),
        })),
      },
    ],
  };
}

/** Technical and other topics of tickets, by count. */
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

/** One channel's topic tallies for the month: the channel page and the channel table read the same list. */
const channelTopics = (ctx: SectionContext, channel: string) =>
  ctx.memo(`topics:${channel}`, () => topicTallies(ctx.tickets().filter((t) => t.kanal === channel)));

/** The one "Top 3" of a channel (catch-all tags left out), as the seeds' channel pages show it. */
const channelTop3 = (ctx: SectionContext, channel: string) => channelTopics(ctx, channel).top.slice(0, 3);

const topicList = (items: readonly { label: string; count: number }[], unit = 'tiket') =>
  joinIndonesian(items.map((t) => `${t.label} (${formatNumber(t.count)} ${unit})`));

export function topikSection(ctx: SectionContext): Section {
  const tickets = ctx.tickets();
  const { all, technical } = topicTallies(tickets);
  const countOf = (label: string) => all.find((t) => t.label === label)?.count ?? 0;
  const top3 = technical.slice(0, 3);
  const covered = ctx.figures.coversKey('tiket.topik', ctx.m);
  const others = OTHER_TOPICS.map((label) => ({ label, count: countOf(label) })).filter((t) => t.count > 0);
  return {
    id: 'topik',
    title: 'Topik Konsultasi',
    metrics: top3.map((t) => `konsultasi.topik.${topicOf(t.label).key}`),
    sentences: covered
      ? [
          top3.length
            ? `Topik konsultasi teknis terbanyak pada bulan ${ctx.label} adalah ${topicList(top3)}.`
            : `Pada bulan ${ctx.label}, tidak terdapat tiket dengan topik teknis.`,
          ...(others.length ? [`Topik konsultasi lainnya terbanyak adalah ${topicList(others.slice(0, 3))}.`] : []),
        ]
      : [`Data topik tiket bulan ${ctx.label} belum tersedia.`],
    tables: covered
      ? [
          {
            title: 'Topik Konsultasi Teknis',
            columns: [
              { header: 'Topik', format: 'text' },
              { header: 'Jumlah', format: 'int' },
            ],
            rows: technical.map((t) => [t.label, t.count]),
          },
          {
            title: 'Topik Konsultasi Lainnya',
            columns: [
              { header: 'Topik', format: 'text' },
              { header: 'Jumlah', format: 'int' },
            ],
            rows: OTHER_TOPICS.map((label) => [label, countOf(label)]),
          },
        ]
      : [],
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

/** A name off the official list: "Kabupaten Antah" and "Kab. Antah" are still counted together. */
const instansiKey = (name: string) =>
  looseKey(
    name
      .replace(/^kabupaten\b/i, 'kab')
      .replace(/^provinsi\b/i, 'prov')
      .replace(/^kota madya\b/i, 'kota'),
  );

/**
 * One Pemda's key and printed name: a name on the official list is its Pemda ("KAB BOGOR", "Pemkab
 * Bogor" and "Kabupaten Bogor" are one, printed "Kab. Bogor"); any other name is kept as typed.
 */
function pemdaOfName(name: string): { key: string; name: string; province: Province | null } {
  const resolved = resolvePemda(name);
  if (resolved.status === 'found') {
    const pemda = resolved.pemda;
    return { key: `pemda:${pemda.code}`, name: pemda.name, province: pemda.province };
  }
  return { key: `nama:${instansiKey(name)}`, name: name.trim(), province: provinceOfName(name) };
}

export interface PemdaCount {
  readonly name: string;
  readonly count: number;
  readonly topics: readonly string[];
  /** Its province (a name off the list: the province it still names, if one). */
  readonly province?: Province | null;
}

/**
 * The month's Pemda tickets by Pemda, most first (ties by name); the first `withTopics` carry their
 * top topics (the rest an empty list: only the named Pemda show them, and a month has hundreds).
 */
export function pemdaCounts(tickets: readonly Ticket[], withTopics = 0): PemdaCount[] {
  const byPemda = new Map<string, { name: string; province: Province | null; tickets: Ticket[] }>();
  // A month repeats each name many times: it is resolved once.
  const ofName = new Map<string, ReturnType<typeof pemdaOfName>>();
  for (const t of tickets) {
    if (t.kategori !== 'pemda' || !t.instansi) continue;
    let pemda = ofName.get(t.instansi);
    if (pemda === undefined) {
      pemda = pemdaOfName(t.instansi);
      ofName.set(t.instansi, pemda);
    }
    const group = byPemda.get(pemda.key);
    if (group) group.tickets.push(t);
    else byPemda.set(pemda.key, { name: pemda.name, province: pemda.province, tickets: [t] });
  }
  const sorted = [...byPemda.values()]
    .map((group) => ({ group, count: group.tickets.reduce((s, t) => s + t.jumlah, 0) }))
    .sort((a, b) => b.count - a.count || (a.group.name < b.group.name ? -1 : 1));
  return sorted.map(({ group, count }, i) => ({
    name: group.name,
    province: group.province,
    count,
    topics:
      i < withTopics
        ? topicTallies(group.tickets)
            .top.slice(0, 3)
            .map((t) => t.label)
        : [],
  }));
}

/**
 * The top N Pemda as the seeds show them: whole groups of equal counts while they fit in N; a tie
 * group that would cross N is said in words ("… dan 21 Pemda lain dengan 8 tiket").
 */
export function topPemda(
  pemda: readonly PemdaCount[],
  n: number,
): { named: { item: PemdaCount; rank: number }[]; rest: { count: number; size: number } | null } {
  const named: { item: PemdaCount; rank: number }[] = [];
  let i = 0;
  while (i < pemda.length && named.length < n) {
    const count = pemda[i]?.count ?? 0;
    let j = i;
    while (j < pemda.length && pemda[j]?.count === count) j++;
    const group = pemda.slice(i, j);
    if (named.length + group.length > n) return { named, rest: { count, size: group.length } };
    for (const item of group) named.push({ item, rank: i + 1 });
    i = j;
  }
  return { named, rest: null };
}

export function penggunaSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const keys = USER_CATEGORIES.values.map((c) => `konsultasi.pengguna.${c.id}`);
  const covered = ctx.figures.coversKey('tiket.kategori', ctx.m) || keys.some((k) => ctx.value(k) !== null);
  const unfilled = ctx.value('konsultasi.pengguna.tidakDiisi');
  const n = ctx.settings.topPemda;
  // The named Pemda are the first n at most (topPemda names whole tie groups only while they fit).
  const pemda = ctx.memo('pemdaCounts', () => pemdaCounts(ctx.tickets(), n));
  const top = topPemda(pemda, n);
  const sentences: string[] = [];
  if (!covered) {
    sentences.push(`Data kategori pengguna layanan bulan ${ctx.label} belum tersedia.`);
  } else if (total !== null) {
    sentences.push(
      `Pada bulan ${ctx.label}, pengguna layanan terdiri atas ${joinIndonesian(
        USER_CATEGORIES.values.map((c, i) => {
          const v = ctx.value(keys[i] ?? '');
          return v === null
            ? `${c.label} (belum tersedia)`
            : `${c.label} ${formatNumber(v)} pengguna (${shareText(v, total, USER_SHARE_DECIMALS)})`;
        }),
      )}.`,
    );
    if (unfilled !== null && unfilled > 0)
      sentences.push(`Sebanyak ${formatNumber(unfilled)} tiket belum diisi kategori penggunanya.`);
  }
  if (top.named.length || top.rest) {
    const groups: string[] = [];
    for (let i = 0; i < top.named.length; ) {
      const count = top.named[i]?.item.count ?? 0;
      const same = top.named.filter((r) => r.item.count === count);
      groups.push(
        `${joinIndonesian(same.map((r) => r.item.name))} (${same.length > 1 ? 'masing-masing ' : ''}${formatNumber(count)} tiket)`,
      );
      i += same.length;
    }
    if (top.rest) {
      groups.push(
        `${top.named.length ? `${formatNumber(top.rest.size)} Pemda lain` : `${formatNumber(top.rest.size)} Pemda`} dengan ${formatNumber(top.rest.count)} tiket`,
      );
    }
    sentences.push(`Pemda pengguna layanan terbanyak pada bulan ${ctx.label} adalah ${joinIndonesian(groups)}.`);
  }
  const shareCol: TableColumn = {
    header: 'Persentase',
    format: percentFormat(USER_SHARE_DECIMALS),
    decimals: Math.max(USER_SHARE_DECIMALS, ctx.pct),
  };
  return {
    id: 'pengguna',
    title: 'Pengguna Layanan',
    metrics: keys,
    sentences,
    tables: [
      {
        title: 'Pengguna Layanan per Kategori',
        columns: [{ header: 'Kategori', format: 'text' }, { header: 'Jumlah', format: 'int' }, shareCol],
        rows: [
          ...keys.map((key) => {
            const f = ctx.figure(key);
            return [f.label, f.value, share(f.value, total)];
          }),
          ...(unfilled !== null && unfilled > 0 ? [['Tidak diisi', unfilled, share(unfilled, total)]] : []),
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
        rows: [
          ...top.named.map((r) => [r.rank, r.item.name, r.item.count, r.item.topics.join(', ')]),
          ...(top.rest
            ? [[top.named.length + 1, `${formatNumber(top.rest.size)} Pemda lain`, top.rest.count, '']]
            : []),
        ],
      },
    ],
    charts: covered
      ? [
          {
            kind: 'donut',
            title: 'Pengguna Layanan per Kategori',
            categories: USER_CATEGORIES.values.map((c) => c.label),
            categoryKeys: [...USER_CATEGORIES.ids],
            shareDecimals: Math.max(USER_SHARE_DECIMALS, ctx.pct),
            series: [{ name: 'Pengguna', values: keys.map((k) => ctx.value(k)) }],
          },
        ]
      : [],
  };
}

/** Topics of the month's tickets outside service hours, and of those escalated (the seeds name both). */
function outsideHoursTopics(ctx: SectionContext) {
  const outside = ctx
    .tickets()
    .filter((t) =>
      t.jamLayanan === null ? !isInsideServiceHours(t.tanggal, ctx.settings, ctx.wb.holidays) : t.jamLayanan === 'luar',
    );
  const escalated = outside.filter((t) => t.eskalasi === 'ya' || (t.eskalasi === null && t.unit !== null));
  return { all: topicTallies(outside).all, escalated: topicTallies(escalated).all };
}

export function zonaSection(ctx: SectionContext): Section {
  const v = (key: string) => ctx.value(key);
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const total = v('konsultasi.total');
  const identified = v('konsultasi.zona.teridentifikasi');
  const unidentified = v('konsultasi.zona.tidakTeridentifikasi');
  const outsideIdentified = v('konsultasi.zona.luarJam');
  const insideIdentified = v('konsultasi.zona.dalamJam');
  const outsideAll = v('konsultasi.jam.luar');
  const escalatedOutside = v('konsultasi.luarJam.eskalasi');
  const notEscalated = minus(outsideAll, escalatedOutside);
  const zoneWords: Record<string, string> = { wib: 'barat', wita: 'tengah', wit: 'timur' };
  const topics = outsideHoursTopics(ctx);
  const sentences: string[] = [];
  if (total === null) sentences.push(`Data tiket bulan ${ctx.label} belum tersedia.`);
  else {
    if (identified === null || unidentified === null) {
      sentences.push(`Data zona waktu tiket bulan ${ctx.label} belum tersedia.`);
    } else {
      sentences.push(
        `Selama bulan ${ctx.label}, dari total ${formatNumber(total)} tiket konsultasi, sebanyak ${formatNumber(identified)} tiket dapat diidentifikasi asal zona waktunya, sedangkan ${formatNumber(unidentified)} tiket sisanya tidak dapat diidentifikasi.`,
      );
      const fromPemda = v('konsultasi.zona.dariPemda');
      if (fromPemda) {
        sentences.push(
          `Zona waktu ${formatNumber(fromPemda)} tiket Pemda yang kolom Zona Waktu-nya kosong diambil dari provinsi Pemda tersebut.`,
        );
      }
      if (insideIdentified !== null && outsideIdentified !== null) {
        const zones = ZONES.values.map((z) => ({ z, n: v(`konsultasi.luarJam.${z.id}`) }));
        sentences.push(
          `Dari ${formatNumber(identified)} tiket yang dapat diidentifikasi zona waktunya, ${formatNumber(insideIdentified)} pengguna layanan menghubungi DJPK di dalam jam layanan, sedangkan ${formatNumber(outsideIdentified)} sisanya menghubungi DJPK di luar jam layanan${
            outsideIdentified > 0 && zones.every((x) => x.n !== null)
              ? ` yang terdiri dari ${joinIndonesian(
                  zones.map(
                    ({ z, n }) =>
                      `${formatNumber(n ?? 0)} (${shareText(n ?? 0, outsideIdentified, ZONE_SHARE_DECIMALS)}) dari bagian ${zoneWords[z.id]} (${z.label})`,
                  ),
                )}`
              : ''
          }.`,
        );
      }
    }
    if (outsideAll === null) sentences.push(`Data jam layanan tiket bulan ${ctx.label} belum tersedia.`);
    else if (outsideAll === 0)
      sentences.push(`Pada bulan ${ctx.label}, tidak terdapat tiket yang masuk di luar jam layanan.`);
    else {
      const escalatedTopics = topics.escalated.slice(0, 3).map((t) => t.label);
      sentences.push(
        `Dari ${formatNumber(total)} tiket, terdapat ${formatNumber(outsideAll)} tiket yang masuk di luar jam layanan${
          escalatedOutside === null
            ? ''
            : escalatedOutside === 0
              ? ', dan tidak ada yang memerlukan eskalasi lebih lanjut'
              : `, ${formatNumber(escalatedOutside)} di antaranya atau ${shareText(escalatedOutside, outsideAll, ctx.pct)} memerlukan eskalasi lebih lanjut${
                  escalatedTopics.length ? `, dengan topik terkait ${joinIndonesian(escalatedTopics)}` : ''
                }`
        }.`,
      );
      const outsideTop = topics.all.slice(0, 3);
      if (outsideTop.length) {
        sentences.push(`Topik terbanyak dari tiket yang masuk di luar jam layanan adalah ${topicList(outsideTop)}.`);
      }
    }
  }
  const pctCol = (header: string, decimals: number): TableColumn => ({
    header,
    format: percentFormat(decimals),
    decimals: Math.max(decimals, ctx.pct),
  });
  return {
    id: 'zona',
    title: 'Zona Waktu dan Jam Layanan',
    metrics: [
      'konsultasi.zona.teridentifikasi',
      'konsultasi.zona.tidakTeridentifikasi',
      'konsultasi.zona.dariPemda',
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
          pctCol('Persentase Luar Jam', ZONE_SHARE_DECIMALS),
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
            minus(unidentified, v('konsultasi.luarJam.tidakTeridentifikasi')),
            v('konsultasi.luarJam.tidakTeridentifikasi'),
            '',
          ],
          ['Total', v('konsultasi.jam.dalam'), outsideAll, ''],
        ],
      },
      {
        title: 'Eskalasi Tiket di Luar Jam Layanan',
        columns: [
          { header: 'Status', format: 'text' },
          { header: 'Jumlah', format: 'int' },
          pctCol('Persentase', ctx.pct),
        ],
        rows: [
          ['Eskalasi', escalatedOutside, share(escalatedOutside, outsideAll)],
          ['Tidak Eskalasi', notEscalated, share(notEscalated, outsideAll)],
        ],
      },
      ...(topics.all.length
        ? [
            {
              title: 'Topik Tiket di Luar Jam Layanan',
              columns: [
                { header: 'Topik', format: 'text' as const },
                { header: 'Jumlah', format: 'int' as const },
                { header: 'Dieskalasi', format: 'int' as const },
              ],
              rows: topics.all.map((t) => [
                t.label,
                t.count,
                topics.escalated.find((e) => e.label === t.label)?.count ?? 0,
              ]),
            },
          ]
        : []),
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
        series: [{ name: 'Tiket', values: [escalatedOutside, notEscalated] }],
      },
    ],
  };
}

export function kanalSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const ranked = CHANNELS.values
    .map((c) => ({ c, v: ctx.value(`konsultasi.kanal.${c.id}`) }))
    .filter((x): x is { c: (typeof CHANNELS.values)[number]; v: number } => x.v !== null)
    .sort((a, b) => b.v - a.v);
  const first = ranked[0];
  return {
    id: 'kanal',
    title: 'Layanan per Kanal',
    metrics: [...CHANNEL_KEYS],
    sentences:
      first && total
        ? [
            `Pada bulan ${ctx.label}, ${first.c.label} menjadi media konsultasi yang paling banyak digunakan, yaitu ${formatNumber(first.v)} tiket atau ${shareText(first.v, total, ctx.pct)} dari total konsultasi.`,
          ]
        : first
          ? []
          : [`Data tiket per kanal bulan ${ctx.label} belum tersedia.`],
    tables: [
      {
        title: 'Ringkasan per Kanal',
        columns: [...channelColumns(ctx), { header: 'Top 3 Topik', format: 'text' }],
        rows: CHANNELS.values.map((c) => [
          ...channelRow(ctx, `konsultasi.kanal.${c.id}`, c.label, total),
          channelTop3(ctx, c.id)
            .map((t) => `${t.label} (${formatNumber(t.count)})`)
            .join(', '),
        ]),
      },
    ],
    charts: [ctx.threeMonthBars('Perkembangan Konsultasi per Kanal', CHANNEL_KEYS, (k) => k.split('.').pop())],
  };
}

/** How each channel's page speaks of it (the seeds' channel pages). */
const CHANNEL_PAGES: Record<ChannelId, { title: string; name: string }> = {
  whatsapp: { title: 'Layanan WhatsApp', name: 'WhatsApp DJPK' },
  telepon: { title: 'Layanan Telepon', name: 'layanan telepon Dering DJPK' },
  helpdesk: { title: 'Layanan Help Desk', name: 'Help Desk (HAI Kemenkeu)' },
  livechat: { title: 'Layanan Live Chat', name: 'Live Chat' },
  email: { title: 'Layanan Email', name: 'Email Contact Center DJPK' },
};

function telephoneSentences(ctx: SectionContext): string[] {
  const sl = ctx.shown('telepon.serviceLevel');
  if (sl.value === null) return [];
  const target = ctx.settings.serviceLevelTarget;
  const abandoned = ctx.value('telepon.abandon');
  const queued = ctx.value('telepon.antrian');
  const missed = [
    abandoned === null
      ? null
      : abandoned === 0
        ? 'tidak ada panggilan tidak terjawab'
        : `${formatNumber(abandoned)} panggilan tidak terjawab`,
    queued === null
      ? null
      : queued === 0
        ? 'tidak ada antrian yang tidak terjawab'
        : `${formatNumber(queued)} antrian tidak terjawab`,
  ].filter((x): x is string => x !== null);
  return [
    `Tingkat layanan telepon bulan ${ctx.label} sebesar ${formatShare(sl.value, ctx.pct)} panggilan terjawab dalam ${formatNumber(ctx.settings.serviceLevelSeconds)} detik (target ${formatShare(target, 0)}), ${sl.value >= target ? 'memenuhi' : 'di bawah'} target${missed.length ? `; ${joinIndonesian(missed)}` : ''}.`,
  ];
}

/** One channel's page: share, both comparisons, three-month chart, top 3 topics (Telepon: service level). */
function channelSection(ctx: SectionContext, channel: ChannelId): Section {
  const key = `konsultasi.kanal.${channel}`;
  const label = CHANNELS.label(channel);
  const page = CHANNEL_PAGES[channel];
  const total = ctx.value('konsultasi.total');
  const f = ctx.shown(key);
  const topics = channelTopics(ctx, channel);
  const top3 = channelTop3(ctx, channel);
  const coveredTopics = ctx.figures.coversKey('tiket.topik', ctx.m);
  const sentences = [
    ...ctx.compare(key, `jumlah konsultasi melalui ${page.name}`, 'layanan', {
      copula: 'sebanyak',
      ...(f.value !== null && total
        ? { afterValue: ` (${shareText(f.value, total, ctx.pct)} dari total konsultasi)` }
        : {}),
      zero: `tidak terdapat konsultasi melalui ${page.name}`,
    }),
    ...ctx.whatMoved(key),
  ];
  if (f.value) {
    sentences.push(
      !coveredTopics
        ? `Data topik konsultasi ${label} bulan ${ctx.label} belum tersedia.`
        : top3.length
          ? `Top ${top3.length} topik konsultasi melalui ${label} adalah ${topicList(top3)}.`
          : `Tiket ${label} bulan ${ctx.label} tidak memiliki topik teknis.`,
    );
  }
  if (channel === 'telepon') sentences.push(...telephoneSentences(ctx));
  const tables: Table[] = [
    {
      title: `Top 3 Topik Konsultasi ${label}`,
      columns: [
        { header: 'Topik', format: 'text' },
        { header: 'Jumlah', format: 'int' },
      ],
      rows: top3.map((t) => [t.label, t.count]),
    },
  ];
  if (channel === 'telepon' && ctx.value('telepon.panggilan') !== null) {
    tables.push(
      ctx.comparisonTable('Layanan Telepon', [
        'telepon.panggilan',
        'telepon.terjawab',
        'telepon.abandon',
        'telepon.antrian',
      ]),
      {
        title: 'Tingkat Layanan Telepon',
        columns: [
          { header: 'Indikator', format: 'text' },
          { header: monthShortLabel(ctx.m), format: percentFormat(ctx.pct), decimals: ctx.pct },
          { header: 'Target', format: 'pct0' },
        ],
        rows: [
          [
            `Terjawab dalam ${formatNumber(ctx.settings.serviceLevelSeconds)} detik`,
            ctx.shown('telepon.serviceLevel').value,
            ctx.settings.serviceLevelTarget,
          ],
        ],
      },
    );
  }
  const charts: Chart[] = [ctx.threeMonthBars(`Jumlah Pengguna ${label}`, [key], () => channel)];
  if (channel === 'email' && topics.all.length) {
    charts.push({
      kind: 'bar',
      title: 'Topik Konsultasi Email',
      categories: topics.all.map((t) => t.label),
      series: [{ name: ctx.label, key: channel, values: topics.all.map((t) => t.count) }],
    });
  }
  return {
    id: channelSectionId(channel),
    title: page.title,
    metrics: channel === 'telepon' ? [key, 'telepon.serviceLevel', 'telepon.abandon', 'telepon.antrian'] : [key],
    sentences,
    tables,
    charts,
  };
}

export const channelSections = CHANNELS.ids.map(
  (channel) => [channelSectionId(channel), (ctx: SectionContext) => channelSection(ctx, channel)] as const,
);
