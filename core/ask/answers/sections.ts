import { monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import type { Section } from '../../metrics/model';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import type { AskSection } from '../vocabulary';
import { type AskData, MAX_TABLE_ROWS, valueText } from './context';
import { agentsAnswer } from './days';

/** A report section asked for as a whole: its sentences, one of its tables and its chart. */

/** Sections answered with their sentences and one table of the report (title, chart index, headline figure). */
const SECTION_TABLES: Record<
  Exclude<AskSection, 'topikKanal' | 'layer2' | 'agen' | 'pengaduan'>,
  { id: string; table: string | null; title: string; chart: number | null; headline?: string }
> = {
  topPemda: { id: 'pengguna', table: 'Pemda Pengguna Terbanyak', title: 'Pemda Pengguna Terbanyak', chart: null },
  topik: { id: 'topik', table: null, title: 'Topik Konsultasi', chart: 0 },
  kanal: {
    id: 'konsultasi',
    table: 'Tiket Konsultasi per Kanal',
    title: 'Sebaran Kanal',
    chart: 0,
    headline: 'konsultasi.total',
  },
  kepuasan: {
    id: 'kepuasan',
    table: 'Nilai Kepuasan per Agen',
    title: 'Kepuasan Pengguna',
    chart: null,
    headline: 'kepuasan.rataRata',
  },
  zona: {
    id: 'zona',
    table: 'Tiket per Zona Waktu dan Jam Layanan',
    title: 'Zona Waktu dan Jam Layanan',
    chart: 0,
    headline: 'konsultasi.jam.luar',
  },
  pengguna: { id: 'pengguna', table: 'Pengguna Layanan per Kategori', title: 'Pengguna Layanan', chart: 0 },
  provinsi: { id: 'provinsi', table: 'Tiket per Provinsi', title: 'Tiket per Provinsi', chart: 0 },
  ppid: {
    id: 'ppid',
    table: 'Tujuan Permohonan',
    title: 'Tujuan Permohonan PPID',
    chart: null,
    headline: 'ppid.permohonan',
  },
  emailLapor: {
    id: 'emailLapor',
    table: 'Email Lapor per Jenis Dokumen',
    title: 'Email Lapor per Jenis',
    chart: null,
    headline: 'emailLapor.total',
  },
  chatbot: {
    id: 'chatbot',
    table: 'Menu yang Diakses',
    title: 'Menu Chatbot',
    chart: null,
    headline: 'chatbot.pengguna',
  },
  medsos: { id: 'medsos', table: null, title: 'Media Sosial', chart: null },
  publikasi: {
    id: 'publikasi',
    table: 'Publikasi per Jenis',
    title: 'Publikasi Website per Jenis',
    chart: null,
    headline: 'publikasi.website',
  },
  webinar: {
    id: 'webinar',
    table: 'Acara per Jenis',
    title: 'Webinar/FGD per Jenis',
    chart: null,
    headline: 'webinar.total',
  },
  blast: { id: 'blast', table: 'Jumlah Blast per Media', title: 'Blast', chart: null },
  telepon: {
    id: 'kanalTelepon',
    table: 'Layanan Telepon',
    title: 'Layanan Telepon',
    chart: null,
    headline: 'telepon.panggilan',
  },
  website: {
    id: 'website',
    table: 'Halaman yang Paling Banyak Diakses',
    title: 'Halaman Website Terpopuler',
    chart: null,
    headline: 'website.pengunjung',
  },
  viconTatapMuka: {
    id: 'viconTatapMuka',
    table: 'Rincian Video Conference',
    title: 'Video Conference dan Tatap Muka',
    chart: null,
    headline: 'tatapMuka.total',
  },
};

/** The tabs a report section reads (the rest read Tiket): which data errors its card shows. */
const SECTION_TABS: Readonly<Record<string, readonly string[]>> = {
  kepuasan: ['kepuasan'],
  ppid: ['ppid'],
  emailLapor: ['emailLapor'],
  chatbot: ['chatbot'],
  pengaduan: ['pengaduan'],
  medsos: ['medsos'],
  publikasi: ['publikasi'],
  webinar: ['webinar'],
  blast: ['blast'],
  kanalTelepon: ['telepon', 'tiket'],
  website: ['website'],
  viconTatapMuka: ['vicon', 'tatapMuka'],
};

/** The first count of a ranking row (rank and name come first). */
const firstCount = (row: readonly unknown[]): number | null =>
  (row.find((c, i) => i > 0 && typeof c === 'number') as number | undefined) ?? null;

function sectionOf(data: AskData, m: MonthIndex, id: string): Section | undefined {
  return data.report(m).sections.find((s) => s.id === id);
}

function sectionTableAnswer(
  data: AskData,
  m: MonthIndex,
  sectionId: string,
  tableTitle: string | null,
  title: string,
  chartIndex: number | null,
  options: {
    sentences?: readonly string[];
    subject?: string;
    value?: number | null;
    metric?: string;
    suggestions?: string[];
  } = {},
): Answer {
  const name = title.split(' — ')[0] ?? title;
  const again = (month: string) => `${name.toLowerCase()} ${month}`;
  if (!data.hasData(m) || (options.metric !== undefined && options.value === null)) return data.noData(m, title, again);
  // The table by its title, in its section or (sections get split and renamed) in any section.
  const sections = data.report(m).sections;
  const titled = (s: Section) => s.tables.find((t) => tableTitle !== null && t.title.startsWith(tableTitle));
  const section =
    (tableTitle ? sections.find((s) => s.id === sectionId && titled(s)) : undefined) ??
    (tableTitle ? sections.find(titled) : undefined) ??
    sectionOf(data, m, sectionId);
  if (!section) return data.noData(m, title);
  const table = tableTitle ? (titled(section) ?? null) : (section.tables[0] ?? null);
  const sentences = options.sentences ?? section.sentences.slice(0, 4);
  if (!table?.rows.length && sentences.length === 0) {
    // The month has data, but not for this table: no data, said as such (not a refusal).
    return {
      ...data.noData(m, title, again),
      sentences: [`Data ${name} ${monthLabel(m)} belum tersedia.`],
    };
  }
  return {
    title,
    period: monthLabel(m),
    facts: [],
    sentences,
    chart: chartIndex === null ? null : (section.charts[chartIndex] ?? null),
    table: table ? { ...table, rows: table.rows.slice(0, MAX_TABLE_ROWS) } : null,
    findings: data.errorsFor(m, ...(SECTION_TABS[sectionId] ?? ['tiket'])),
    suggestions: options.suggestions ?? [],
    answered: {
      subject: options.subject ?? `section:${sectionId}`,
      // A ranking's figure is its first row ("top pemda": the most tickets).
      value: options.value ?? (options.metric === undefined && table?.rows[0] ? firstCount(table.rows[0]) : null),
      ...(options.metric ? { metric: options.metric } : {}),
    },
  };
}

export function sectionAnswer(data: AskData, section: AskSection, m: MonthIndex, channel?: string): Answer {
  const month = monthLabel(m);
  const value = (key: string) => data.builder.figures.value(key, m);
  const sentencesOf = (id: string, keep: (s: string) => boolean) =>
    sectionOf(data, m, id)?.sentences.filter(keep) ?? [];
  switch (section) {
    case 'topikKanal':
      return channelTopics(data, channel ?? 'whatsapp', m);
    case 'layer2':
      return layer2Answer(data, m);
    case 'agen':
      return agentsAnswer(data, m, m, null);
    case 'provinsi': {
      // At Teams width a 4-column table is stacked facts: the card keeps province and count, the
      // provinces with tickets, and no chart that repeats the table's first rows.
      const spec = SECTION_TABLES.provinsi;
      const answer = sectionTableAnswer(data, m, spec.id, spec.table, `${spec.title} — ${month}`, null, {
        subject: 'section:provinsi',
      });
      const table = answer.table;
      if (!table) return answer;
      return {
        ...answer,
        table: {
          title: table.title,
          columns: [
            { header: 'Provinsi', format: 'text' },
            { header: 'Tiket', format: 'int' },
          ],
          rows: table.rows.filter((r) => typeof r[2] === 'number' && r[2] > 0).map((r) => [r[0] ?? '', r[2] ?? null]),
        },
      };
    }
    case 'pengaduan': {
      // The list quotes what people reported; the counts and the sentences are enough here.
      const answer = sectionTableAnswer(data, m, 'pengaduan', null, `Pengaduan dan Keluhan — ${month}`, null, {
        value: value('pengaduan.total'),
        metric: 'pengaduan.total',
      });
      return answer.answered === null
        ? answer
        : {
            ...answer,
            table: null,
            facts: (['pengaduan.jenis.pengaduan', 'pengaduan.jenis.keluhan', 'pengaduan.total'] as const).map((k) => ({
              label: data.builder.figures.def(k)?.label ?? k,
              value: valueText(undefined, value(k), data.pct),
            })),
          };
    }
    default: {
      const spec = SECTION_TABLES[section];
      return sectionTableAnswer(data, m, spec.id, spec.table, `${spec.title} — ${month}`, spec.chart, {
        subject: `section:${section}`,
        value: spec.headline ? value(spec.headline) : undefined,
        ...(spec.headline ? { metric: spec.headline } : {}),
        ...(section === 'topPemda' ? { sentences: sentencesOf('pengguna', (s) => s.startsWith('Pemda')) } : {}),
        ...(section === 'pengguna' ? { sentences: sentencesOf('pengguna', (s) => !s.startsWith('Pemda')) } : {}),
        ...(section === 'medsos' ? { sentences: sentencesOf('medsos', () => true) } : {}),
        ...(section === 'telepon' ? { sentences: [] } : {}),
        ...(section === 'topik' ? { suggestions: [`topik whatsapp ${month.toLowerCase()}`] } : {}),
      });
    }
  }
}

/** "topik whatsapp": the channel's topics, from the per-channel topic figures. */
function channelTopics(data: AskData, channel: string, m: MonthIndex): Answer {
  const channelKey = `konsultasi.kanal.${channel}`;
  const channelDef = data.builder.figures.def(channelKey);
  const name = channelDef?.label ?? channel;
  const title = `Topik Konsultasi ${name} — ${monthLabel(m)}`;
  if (!data.hasData(m)) return data.noData(m, title, (month) => `topik ${channel} ${month}`);
  const prefix = `${channelKey}.topik.`;
  const rows = data.builder.figures
    .defs()
    .filter((d) => d.key.startsWith(prefix))
    .map((d) => [d.label.split(' – ').slice(1).join(' – '), data.builder.figures.value(d.key, m)] as const)
    .filter((r): r is readonly [string, number] => r[1] !== null && r[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
  if (rows.length === 0) return data.noData(m, title, (month) => `topik ${channel} ${month}`);
  const top3 = rows.slice(0, 3).map(([t, n]) => `${t} (${formatNumber(n)})`);
  return {
    title,
    period: monthLabel(m),
    facts: [],
    sentences: [`Topik terbanyak di kanal ${name} pada ${monthLabel(m)}: ${joinIndonesian(top3)}.`],
    chart: null,
    table: {
      title: `Topik ${name}`,
      columns: [
        { header: 'Topik', format: 'text' },
        { header: 'Tiket', format: 'int' },
      ],
      rows: rows.slice(0, MAX_TABLE_ROWS).map(([t, n]) => [t, n]),
    },
    findings: data.errorsFor(m, 'tiket'),
    suggestions: [`topik konsultasi ${monthLabel(m).toLowerCase()}`],
    answered: { subject: `section:topikKanal:${channel}`, value: rows[0]?.[1] ?? null },
  };
}

/** Layer 2: the fastest and slowest unit in the first sentence, then the table. */
function layer2Answer(data: AskData, m: MonthIndex): Answer {
  const month = monthLabel(m);
  const section = data.hasData(m) ? sectionOf(data, m, 'layer2') : undefined;
  const table = section?.tables.find((t) => t.title === 'Tiket Dieskalasi dan Capaian per Unit');
  const scored = (table?.rows ?? [])
    .map((r) => [String(r[0] ?? ''), typeof r[3] === 'number' ? r[3] : null] as const)
    .filter((r): r is readonly [string, number] => r[1] !== null);
  const sentences = [...(section?.sentences ?? [])];
  if (scored.length) {
    const best = Math.max(...scored.map((r) => r[1]));
    const worst = Math.min(...scored.map((r) => r[1]));
    const names = (v: number) => joinIndonesian(scored.filter((r) => r[1] === v).map((r) => r[0]));
    sentences.unshift(
      best === worst
        ? `Pada ${month} semua unit Layer 2 sama cepat (capaian ${formatNumber(best, 1)}).`
        : `Unit Layer 2 tercepat pada ${month}: ${names(best)} (capaian ${formatNumber(best, 1)}); paling lambat: ${names(worst)} (${formatNumber(worst, 1)}).`,
    );
  }
  return sectionTableAnswer(data, m, 'layer2', 'Tiket Dieskalasi dan Capaian per Unit', `Layer 2 — ${month}`, 0, {
    sentences: sentences.slice(0, 4),
    value: data.builder.figures.value('layer2.total', m),
    metric: 'layer2.total',
  });
}
