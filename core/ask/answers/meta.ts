import { dateLabel, monthLabel } from '../../format/idDate';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer, AnswerContext } from '../answer';
import { type AskData, HELP_EXAMPLES, lastDayOf, MS_PER_DAY, rowsOf } from './context';

/** Answers about the bot and its data rather than a figure: help, refresh, freshness, the deck. */

export function helpAnswer(suggestion: string | null): Answer {
  return {
    title: 'Apa yang bisa saya jawab',
    period: null,
    facts: [],
    sentences: [
      ...(suggestion ? [`Maksud Anda '${suggestion}'?`] : []),
      'Tanyakan angka layanan informasi DJPK dalam bahasa sehari-hari: jumlah konsultasi, kanal (WhatsApp, telepon, email, Help Desk, live chat), pengguna, zona waktu dan jam layanan, topik, publikasi, webinar, blast, pengunjung website, media sosial, PPID, Email Lapor, pengaduan, kepuasan, Layer 2 dan tiket per agen — untuk hari, minggu, rentang tanggal, bulan, triwulan, semester atau tahun.',
    ],
    chart: null,
    table: null,
    findings: [],
    suggestions: suggestion ? [`${suggestion} bulan lalu`, ...HELP_EXAMPLES.slice(0, 5)] : HELP_EXAMPLES,
    answered: null,
  };
}

export const refreshAnswer = (): Answer => ({
  ...helpAnswer(null),
  title: 'Data dimuat ulang',
  sentences: ['Data spreadsheet telah dimuat ulang.'],
});

/** "kapan data terakhir diperbarui": the latest month, the latest log row, when the sheet was read. */
export function freshnessAnswer(data: AskData, context: AnswerContext): Answer {
  const latest = data.latest();
  const wb = data.builder.wb;
  const lastDay = Math.max(
    ...(['tiket', 'chatbot', 'publikasi', 'webinar', 'ppid', 'emailLapor', 'kepuasan'] as const).map((tab) =>
      lastDayOf(rowsOf(wb, tab)),
    ),
  );
  return {
    title: 'Pembaruan data',
    period: latest === null ? null : monthLabel(latest),
    facts: [
      { label: 'Bulan terakhir dengan data', value: latest === null ? 'belum ada data' : monthLabel(latest) },
      ...(Number.isFinite(lastDay) ? [{ label: 'Catatan log terakhir', value: dateLabel(lastDay * MS_PER_DAY) }] : []),
      ...(context.sourceReadAt ? [{ label: 'Spreadsheet terakhir dibaca', value: context.sourceReadAt }] : []),
    ],
    sentences: [
      latest === null
        ? 'Belum ada data di spreadsheet.'
        : `Data terakhir adalah bulan ${monthLabel(latest)}${Number.isFinite(lastDay) ? ` (catatan log terakhir bertanggal ${dateLabel(lastDay * MS_PER_DAY)})` : ''}.`,
      ...(context.sourceReadAt ? [`Spreadsheet terakhir dibaca ${context.sourceReadAt}.`] : []),
    ],
    chart: null,
    table: null,
    findings: [],
    suggestions: latest === null ? [] : [`ringkasan ${monthLabel(latest).toLowerCase()}`],
    answered: latest === null ? null : { subject: 'freshness', value: latest },
  };
}

/** The deck of a month: the bot adds the links (or says how to get the deck). */
export function downloadAnswer(data: AskData, m: MonthIndex): Answer {
  const title = `Unduh Laporan ${monthLabel(m)}`;
  if (!data.hasData(m)) return data.noData(m, title, (month) => `unduh laporan ${month}`);
  return {
    title,
    period: monthLabel(m),
    facts: [],
    sentences: [`Deck laporan ${monthLabel(m)}: PPTX (dapat diedit) dan PDF, dibuat dari data terkini.`],
    chart: null,
    table: null,
    findings: data.errorsOf(m),
    suggestions: [`ringkasan ${monthLabel(m).toLowerCase()}`],
    answered: { subject: 'deck', value: null },
  };
}

/** A follow-up with nothing to follow: one short question back, and the questions it could mean as buttons. */
export function clarifyAnswer(ask: string, suggestions: readonly string[], titles?: readonly string[]): Answer {
  return {
    title: 'Pertanyaan yang mana?',
    period: null,
    facts: [],
    sentences: [ask],
    chart: null,
    table: null,
    findings: [],
    suggestions,
    ...(titles ? { suggestionTitles: titles } : {}),
    answered: null,
  };
}
