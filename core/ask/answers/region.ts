import { monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian, shareText } from '../../format/sentences';
import { provinceKey } from '../../metrics/catalog';
import { SectionContext } from '../../metrics/sectionContext';
import { pemdaCounts } from '../../metrics/sections/tickets';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import { provincesOf, type Region, regionName, regionWords } from '../regions';
import { type AskData, MAX_TABLE_ROWS } from './context';

/** "konsultasi dari Jawa Timur januari 2025", "pemda mana paling banyak di Sulawesi" (issue 20). */

/** The region's tickets in a month: the sum of its provinces' figures; null when the month has none. */
function regionTickets(data: AskData, region: Region, m: MonthIndex): number | null {
  const values = provincesOf(region).map((p) => data.builder.figures.value(provinceKey(p.slug), m));
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/** The month's Pemda of the region, most tickets first. */
function regionPemda(data: AskData, region: Region, m: MonthIndex) {
  const ctx = new SectionContext(m, data.builder.figures, data.builder.wb);
  const codes = new Set(provincesOf(region).map((p) => p.code));
  return pemdaCounts(ctx.tickets()).filter((p) => p.province && codes.has(p.province.code));
}

export function regionAnswer(data: AskData, region: Region, top: boolean, m: MonthIndex): Answer {
  if (region.kind === 'pemda') return pemdaAnswer(data, region, m);
  const name = regionName(region);
  const title = `${top ? 'Pemda dengan tiket terbanyak di' : 'Tiket dari'} ${name} — ${monthLabel(m)}`;
  const count = regionTickets(data, region, m);
  const again = (month: string) => `${top ? 'pemda terbanyak di' : 'konsultasi dari'} ${regionWords(region)} ${month}`;
  if (count === null) return data.noData(m, title, again);
  const pemdaTotal = data.builder.figures.value('konsultasi.pengguna.pemda', m);
  const findings = data.errorsFor(m, 'tiket');
  const suggestions = [
    top ? `konsultasi dari ${regionWords(region)} ${monthLabel(m).toLowerCase()}` : again(monthLabel(m).toLowerCase()),
    `tiket per provinsi ${monthLabel(m).toLowerCase()}`,
  ];
  const pemda = regionPemda(data, region, m);
  const pemdaTable = {
    title: `Pemda di ${name}, terbanyak dahulu`,
    columns: [
      { header: 'Pemda', format: 'text' as const },
      { header: 'Tiket', format: 'int' as const },
    ],
    rows: pemda.slice(0, MAX_TABLE_ROWS).map((p) => [p.name, p.count]),
  };
  if (top) {
    const first = pemda[0];
    if (!first) {
      return {
        title,
        period: monthLabel(m),
        facts: [],
        sentences: [`Pada ${monthLabel(m)} tidak terdapat tiket Pemda dari ${name}.`],
        chart: null,
        table: null,
        findings,
        suggestions,
        answered: { subject: `region:${regionWords(region)}:top`, value: 0 },
      };
    }
    const leaders = pemda.filter((p) => p.count === first.count);
    return {
      title,
      period: monthLabel(m),
      facts: [{ label: joinIndonesian(leaders.map((p) => p.name)), value: `${formatNumber(first.count)} tiket` }],
      sentences: [
        `Pemda dengan tiket terbanyak di ${name} pada ${monthLabel(m)}: ${joinIndonesian(leaders.map((p) => p.name))} (${leaders.length > 1 ? 'masing-masing ' : ''}${formatNumber(first.count)} tiket), dari ${formatNumber(count)} tiket Pemda di wilayah tersebut.`,
      ],
      chart: null,
      table: pemdaTable,
      findings,
      suggestions,
      answered: { subject: `region:${regionWords(region)}:top`, value: first.count },
    };
  }
  const ofPemda =
    pemdaTotal !== null && pemdaTotal > 0 ? ` (${shareText(count, pemdaTotal, data.pct)} dari tiket Pemda)` : '';
  const byProvince =
    region.kind === 'island'
      ? {
          title: `Provinsi di wilayah ${region.island.name}`,
          columns: pemdaTable.columns.map((c, i) => (i === 0 ? { ...c, header: 'Provinsi' } : c)),
          rows: provincesOf(region)
            .map((p) => [p.name, data.builder.figures.value(provinceKey(p.slug), m) ?? 0] as [string, number])
            .sort((a, b) => b[1] - a[1]),
        }
      : pemdaTable;
  return {
    title,
    period: monthLabel(m),
    facts: [{ label: `Tiket dari ${name}`, value: formatNumber(count) }],
    sentences: [
      `Pada ${monthLabel(m)} terdapat ${formatNumber(count)} tiket dari Pemda di ${name}${ofPemda}.`,
      ...(region.kind === 'province' && region.province.name.toLowerCase() === region.province.island.name.toLowerCase()
        ? [
            `Untuk seluruh wilayah ${region.province.island.name} (${provincesOf({ kind: 'island', island: region.province.island }).length} provinsi), tanyakan 'pulau ${region.province.island.name.toLowerCase()}'.`,
          ]
        : []),
    ],
    chart: null,
    table: byProvince.rows.length ? byProvince : null,
    findings,
    suggestions,
    answered: {
      subject: `region:${regionWords(region)}`,
      value: count,
      ...(region.kind === 'province' ? { metric: provinceKey(region.province.slug) } : {}),
    },
  };
}

/** "kab bogor januari brp kali nanya?": one Pemda's tickets in the month, its topics named. */
function pemdaAnswer(data: AskData, region: Extract<Region, { kind: 'pemda' }>, m: MonthIndex): Answer {
  const name = regionName(region);
  const title = `Tiket dari ${name} — ${monthLabel(m)}`;
  // The month knows who wrote only when its tickets carry categories (its province's figure exists).
  if (regionTickets(data, region, m) === null)
    return data.noData(m, title, (month) => `konsultasi dari ${regionWords(region)} ${month}`);
  const own = regionPemda(data, region, m).find((p) => p.name === region.pemda.name);
  const count = own?.count ?? 0;
  const pemdaTotal = data.builder.figures.value('konsultasi.pengguna.pemda', m);
  const ofPemda =
    count > 0 && pemdaTotal !== null && pemdaTotal > 0
      ? ` (${shareText(count, pemdaTotal, data.pct)} dari tiket Pemda)`
      : '';
  return {
    title,
    period: monthLabel(m),
    facts: [{ label: `Tiket dari ${name}`, value: formatNumber(count) }],
    sentences: [
      count > 0
        ? `Pada ${monthLabel(m)} terdapat ${formatNumber(count)} tiket dari ${name}${ofPemda}.`
        : `Pada ${monthLabel(m)} tidak terdapat tiket dari ${name}.`,
      ...(own?.topics.length ? [`Topik terbanyak: ${joinIndonesian(own.topics)}.`] : []),
    ],
    chart: null,
    table: null,
    findings: data.errorsFor(m, 'tiket'),
    suggestions: [
      `konsultasi dari ${region.pemda.province.name.toLowerCase()} ${monthLabel(m).toLowerCase()}`,
      `top pemda ${monthLabel(m).toLowerCase()}`,
    ],
    answered: { subject: `region:${regionWords(region)}`, value: count },
  };
}
