import { monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import type { RankFamily } from '../parseQuestion';
import { type AskData, MAX_TABLE_ROWS } from './context';

/** "kanal paling sepi", "topik terbanyak", "unit L2 yg paling byk": the first of a ranking by count, said directly. */

/** Each family: its keys, its name, and the question that shows the whole table. */
const FAMILIES: Record<
  RankFamily,
  {
    prefix: (channel?: string) => string;
    noun: string;
    unit: string;
    table: (channel?: string) => string;
    /** The tab its figures come from: only that tab's data errors are shown with it. */
    tab: string;
  }
> = {
  kanal: {
    prefix: () => 'konsultasi.kanal.',
    noun: 'Kanal',
    unit: 'tiket',
    table: () => 'sebaran kanal',
    tab: 'tiket',
  },
  topik: {
    prefix: () => 'konsultasi.topik.',
    noun: 'Topik',
    unit: 'tiket',
    table: () => 'topik konsultasi',
    tab: 'tiket',
  },
  topikKanal: {
    prefix: (channel) => `konsultasi.kanal.${channel ?? 'whatsapp'}.topik.`,
    noun: 'Topik',
    unit: 'tiket',
    table: (channel) => `topik ${channel ?? 'whatsapp'}`,
    tab: 'tiket',
  },
  layer2: {
    prefix: () => 'layer2.unit.',
    noun: 'Unit Layer 2',
    unit: 'tiket dieskalasi',
    table: () => 'layer 2',
    tab: 'tiket',
  },
  chatbot: {
    prefix: () => 'chatbot.menu.',
    noun: 'Menu chatbot',
    unit: 'pengguna',
    table: () => 'menu chatbot',
    tab: 'chatbot',
  },
};

export function rankAnswer(data: AskData, family: RankFamily, least: boolean, m: MonthIndex, channel?: string): Answer {
  const spec = FAMILIES[family];
  const prefix = spec.prefix(channel);
  const channelName = channel ? data.builder.figures.def(`konsultasi.kanal.${channel}`)?.label : undefined;
  const what = `${spec.noun}${channelName ? ` ${channelName}` : ''} dengan ${spec.unit} ${least ? 'paling sedikit' : 'terbanyak'}`;
  const title = `${what} — ${monthLabel(m)}`;
  // Only the family's own level: "konsultasi.kanal.whatsapp", not "konsultasi.kanal.whatsapp.topik.dbh".
  // Units are keyed in lower case ("layer2.unit.sipt"); the report's Layer 2 table has their names.
  const unitNames = new Map(
    (data.report(m).sections.find((s) => s.id === 'layer2')?.tables[0]?.rows ?? []).map((r) => {
      const name = String(r[0] ?? '');
      return [name.toLowerCase().replace(/[^a-z0-9]/g, ''), name] as const;
    }),
  );
  const nameOf = (label: string) => {
    const name = label.includes(' – ') ? label.split(' – ').slice(1).join(' – ') : label;
    return family === 'layer2'
      ? (unitNames.get(name.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? name.toUpperCase())
      : name;
  };
  const rows = data.builder.figures
    .defs()
    .filter((d) => d.key.startsWith(prefix) && !d.key.slice(prefix.length).includes('.'))
    .map((d) => [nameOf(d.label), data.builder.figures.value(d.key, m)] as const)
    .filter((r): r is readonly [string, number] => r[1] !== null)
    // Topics and units nobody asked about that month are not "the least asked".
    .filter((r) => family === 'kanal' || r[1] > 0)
    .sort((a, b) => (least ? a[1] - b[1] : b[1] - a[1]) || a[0].localeCompare(b[0], 'id'));
  const first = rows[0];
  if (!first) return data.noData(m, title, (month) => `${spec.noun.toLowerCase()} terbanyak ${month}`);
  const leaders = rows.filter((r) => r[1] === first[1]).map((r) => r[0]);
  return {
    title,
    period: monthLabel(m),
    facts: [{ label: joinIndonesian(leaders), value: `${formatNumber(first[1])} ${spec.unit}` }],
    sentences: [
      `${spec.noun}${channelName ? ` di kanal ${channelName}` : ''} dengan ${spec.unit} ${least ? 'paling sedikit' : 'terbanyak'} pada ${monthLabel(m)}: ${joinIndonesian(leaders)} (${formatNumber(first[1])} ${spec.unit}).`,
    ],
    chart: null,
    table: {
      title: `${spec.noun}${channelName ? ` ${channelName}` : ''}, ${least ? 'paling sedikit dahulu' : 'terbanyak dahulu'}`,
      columns: [
        { header: spec.noun, format: 'text' },
        { header: spec.unit === 'pengguna' ? 'Pengguna' : 'Tiket', format: 'int' },
      ],
      rows: rows.slice(0, MAX_TABLE_ROWS).map(([name, n]) => [name, n]),
    },
    findings: data.errorsFor(m, spec.tab),
    suggestions: [`${spec.table(channel)} ${monthLabel(m).toLowerCase()}`],
    answered: { subject: `rank:${family}${channel ? `:${channel}` : ''}:${least ? 'least' : 'most'}`, value: first[1] },
  };
}
