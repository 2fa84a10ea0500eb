import { percentFormat } from '../../format/figure';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian, shareText } from '../../format/sentences';
import { ISLAND_GROUPS, type IslandGroup, PROVINCES, type Province } from '../../region/areas';
import { PROVINCE_NOT_PEMDA_KEY, PROVINCE_UNKNOWN_KEY, provinceKey } from '../catalog';
import type { Chart, Section, TableCell, TableColumn } from '../model';
import type { SectionContext } from '../sectionContext';

/** Where the month's users wrote from: tickets by province and by island group (issue 20). */

/** Bars the chart draws: more would not read at slide size; the table lists all 38. */
export const PROVINCE_CHART_BARS = 10;
const SHARE_DECIMALS = 2;

export interface ProvinceCount {
  readonly province: Province;
  readonly count: number;
}

/** The month's tickets of each province, most first (ties in code order); null when the month has no categories. */
export function provinceCounts(value: (key: string) => number | null): ProvinceCount[] | null {
  const counts = PROVINCES.map((province) => ({ province, count: value(provinceKey(province.slug)) }));
  if (counts.some((c) => c.count === null)) return null;
  return (counts as ProvinceCount[]).slice().sort((a, b) => b.count - a.count);
}

/** The tickets of an island group's provinces. */
export const islandTotal = (counts: readonly ProvinceCount[], island: IslandGroup) =>
  counts.filter((c) => c.province.island.id === island.id).reduce((s, c) => s + c.count, 0);

const share = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : (part / whole) * 100;

export function provinsiSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  const counts = provinceCounts((key) => ctx.value(key));
  const notPemda = ctx.value(PROVINCE_NOT_PEMDA_KEY);
  const unknown = ctx.value(PROVINCE_UNKNOWN_KEY);
  const base = {
    id: 'provinsi' as const,
    title: 'Pengguna Layanan per Provinsi',
    metrics: [PROVINCE_UNKNOWN_KEY, PROVINCE_NOT_PEMDA_KEY],
  };
  if (counts === null || total === null || notPemda === null || unknown === null) {
    return {
      ...base,
      sentences: [`Data asal provinsi pengguna layanan bulan ${ctx.label} belum tersedia.`],
      tables: [],
      charts: [],
    };
  }
  const withTickets = counts.filter((c) => c.count > 0);
  const pemdaTickets = withTickets.reduce((s, c) => s + c.count, 0);
  const top = withTickets.slice(0, 3);
  const sentences: string[] = [];
  if (pemdaTickets === 0) {
    sentences.push(`Pada bulan ${ctx.label}, tidak terdapat tiket Pemda yang dapat diidentifikasi provinsinya.`);
  } else {
    sentences.push(
      `Pada bulan ${ctx.label}, tiket Pemda berasal dari ${formatNumber(withTickets.length)} provinsi di antara ${formatNumber(PROVINCES.length)} provinsi di Indonesia; provinsi dengan tiket terbanyak adalah ${joinIndonesian(
        top.map((c) => `${c.province.name} (${formatNumber(c.count)} tiket)`),
      )}.`,
    );
    const islands = ISLAND_GROUPS.map((g) => ({ g, n: islandTotal(counts, g) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n);
    sentences.push(
      `Menurut wilayah, tiket Pemda terbanyak berasal dari ${joinIndonesian(
        islands.map((x) => `${x.g.name} (${formatNumber(x.n)} tiket; ${shareText(x.n, pemdaTickets, ctx.pct)})`),
      )}.`,
    );
  }
  const rest = [
    notPemda > 0 ? `${formatNumber(notPemda)} tiket berasal dari pengguna bukan Pemda (K/L, akademisi, lainnya)` : null,
    unknown > 0 ? `${formatNumber(unknown)} tiket tidak dapat diidentifikasi provinsinya` : null,
  ].filter((x): x is string => x !== null);
  if (rest.length) sentences.push(`Dari ${formatNumber(total)} tiket, ${joinIndonesian(rest)}.`);

  const shareCol: TableColumn = {
    header: 'Persentase',
    format: percentFormat(SHARE_DECIMALS),
    decimals: Math.max(SHARE_DECIMALS, ctx.pct),
  };
  const footer = (label: string, n: number): TableCell[] => [label, '', n, share(n, total)];
  const chartBars = withTickets.slice(0, PROVINCE_CHART_BARS);
  const others = withTickets.slice(PROVINCE_CHART_BARS);
  const chart: Chart = {
    kind: 'bar',
    title: `Tiket Pemda per Provinsi (${formatNumber(chartBars.length)} terbanyak) ${ctx.label}`,
    categories: chartBars.map((c) => c.province.name),
    series: [{ name: 'Tiket', values: chartBars.map((c) => c.count) }],
  };
  return {
    ...base,
    metrics: [...(top[0] ? [provinceKey(top[0].province.slug)] : []), ...base.metrics],
    sentences: [
      ...sentences,
      ...(others.length
        ? [
            `Di luar ${formatNumber(chartBars.length)} provinsi terbanyak, ${formatNumber(others.length)} provinsi lain mencatat ${formatNumber(others.reduce((s, c) => s + c.count, 0))} tiket.`,
          ]
        : []),
    ],
    tables: [
      {
        title: 'Tiket per Provinsi',
        detail: true,
        columns: [
          { header: 'Provinsi', format: 'text' },
          { header: 'Wilayah', format: 'text' },
          { header: 'Jumlah Tiket', format: 'int' },
          shareCol,
        ],
        rows: [
          ...counts.map((c): TableCell[] => [c.province.name, c.province.island.name, c.count, share(c.count, total)]),
          footer('Pengguna bukan Pemda', notPemda),
          footer('Tidak teridentifikasi', unknown),
          footer('Total', total),
        ],
      },
      {
        title: 'Tiket Pemda per Wilayah',
        detail: true,
        columns: [
          { header: 'Wilayah', format: 'text' },
          { header: 'Provinsi dengan Tiket', format: 'int' },
          { header: 'Jumlah Tiket', format: 'int' },
          { ...shareCol, header: 'Persentase Tiket Pemda' },
        ],
        rows: [
          ...ISLAND_GROUPS.map((g): TableCell[] => {
            const n = islandTotal(counts, g);
            const provinces = counts.filter((c) => c.province.island.id === g.id && c.count > 0).length;
            return [g.name, provinces, n, share(n, pemdaTickets)];
          }),
          ['Total', withTickets.length, pemdaTickets, share(pemdaTickets, pemdaTickets)],
        ],
      },
    ],
    charts: chartBars.length ? [chart] : [],
  };
}
