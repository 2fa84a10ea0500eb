import { dateLabel, monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import type { FactReader } from '../../metrics/catalog';
import { aggregate } from '../../metrics/facts';
import { type MonthIndex, monthOfWallClock } from '../../period/yearMonth';
import type { Answer } from '../answer';
import type { DayRange } from '../parseQuestion';
import {
  type AskData,
  askWords,
  lastDayOf,
  MAX_TABLE_ROWS,
  MONTHLY_ONLY,
  MS_PER_DAY,
  rowsOf,
  subjectOf,
  valueText,
} from './context';

/** Figures counted from dated log rows over days (a day, a week, a date range) and tickets per agent. */

/**
 * A figure over days: core's own aggregation run on the log rows dated in the range, its
 * monthly counters added up (sums and counts add; averages are derived from the sums).
 */
export function daysAnswer(data: AskData, key: string, range: DayRange): Answer {
  const def = data.builder.figures.def(key);
  const title = `${def?.label ?? key} — ${range.label}`;
  const fromMonth = monthOfWallClock(range.from * MS_PER_DAY);
  const toMonth = monthOfWallClock(range.to * MS_PER_DAY);
  if (!def) return data.refuse(`angka '${key}' tidak ada`, [], null);
  // Buttons offer a month that has this figure.
  const monthText = monthLabel(
    data.builder.figures.value(key, toMonth) === null ? (data.latestOf(key) ?? toMonth) : toMonth,
  ).toLowerCase();
  const again = askWords(def);
  if (MONTHLY_ONLY.has(def.tab)) {
    return data.refuse(
      `${def.label} hanya dicatat per bulan, bukan per hari atau per minggu`,
      [`${again} ${monthText}`],
      null,
    );
  }
  const months = Array.from({ length: toMonth - fromMonth + 1 }, (_, i) => fromMonth + i);
  const logged = months.filter((m) => data.builder.figures.coversKey(def.tab, m));
  const rows = rowsOf(data.builder.wb, def.tab);
  if (logged.length === 0) {
    const lastDay = rows.length ? lastDayOf(rows) : null;
    const rekapOnly = months.some((m) => data.builder.figures.value(key, m) !== null);
    return {
      ...data.refuse(
        rekapOnly
          ? `data ${def.label} ${range.label} hanya ada sebagai rekap bulanan, tanpa rincian per hari`
          : `belum ada catatan ${def.label} untuk ${range.label}${lastDay === null ? '' : `; catatan terakhir bertanggal ${dateLabel(lastDay * MS_PER_DAY)}`}`,
        rekapOnly ? [`${again} ${monthText}`] : [`${again} ${monthLabel(data.latestOf(key) ?? toMonth).toLowerCase()}`],
        null,
      ),
      title,
    };
  }
  const inDays = (ms: number) => {
    const d = Math.floor(ms / MS_PER_DAY);
    return d >= range.from && d <= range.to;
  };
  const inRange = (r: { readonly tanggal: { readonly ms: number } }) => inDays(r.tanggal.ms);
  const wb = data.builder.wb;
  const ticketDates = wb.tiketTable.date('tanggal').ms;
  const agg = aggregate({
    ...wb,
    tiket: wb.tiket.filter(inRange),
    // The ticket figures are counted from the columns.
    tiketTable: wb.tiketTable.where((i) => inDays(ticketDates[i] ?? Number.NaN)),
    chatbot: wb.chatbot.filter(inRange),
    publikasi: wb.publikasi.filter(inRange),
    webinar: wb.webinar.filter(inRange),
    blast: wb.blast.filter(inRange),
    vicon: wb.vicon.filter(inRange),
    tatapMuka: wb.tatapMuka.filter(inRange),
    ppid: wb.ppid.filter(inRange),
    emailLapor: wb.emailLapor.filter(inRange),
    pengaduan: wb.pengaduan.filter(inRange),
    kepuasan: wb.kepuasan.filter(inRange),
    telepon: wb.telepon.filter(inRange),
    website: [],
    medsos: [],
    rekap: [],
    findings: [],
  });
  const readers = months.map((m) => agg.facts.reader(m));
  const reader: FactReader = {
    get: (k) => readers.reduce((sum, r) => sum + r.get(k), 0),
    has: (k) => readers.some((r) => r.has(k)),
  };
  const value = def.derive ? def.derive(reader) : reader.get(def.key);
  const lastDay = rows.length ? lastDayOf(rows) : range.to;
  const partial = lastDay < range.to;
  const additive = def.unit === 'count';
  const sentences = [
    value === null
      ? `Tidak ada catatan untuk menghitung ${def.label} pada ${range.label}.`
      : additive
        ? `${subjectOf(def)} pada ${range.label} sebanyak ${valueText(def, value, data.pct)}.`
        : `${def.label} pada ${range.label} adalah ${valueText(def, value, data.pct)}.`,
    ...(partial ? [`Catatan log baru sampai ${dateLabel(lastDay * MS_PER_DAY)}; hari sesudahnya belum tercatat.`] : []),
  ];
  return {
    title,
    period: range.label,
    facts: [{ label: range.label, value: valueText(def, value, data.pct) }],
    sentences,
    chart: null,
    table: null,
    findings: logged.flatMap((m) => data.errorsOf(m)),
    suggestions: [`${again} ${monthText}`],
    answered: { subject: key, value },
  };
}

/** Tickets per agent (the Tiket tab's `Agen`) over months or days, most first. */
export function agentsAnswer(data: AskData, from: MonthIndex, to: MonthIndex, days: DayRange | null): Answer {
  const label = days ? days.label : from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;
  const title = `Tiket per Agen — ${label}`;
  const inPeriod = days
    ? (ms: number) => {
        const d = Math.floor(ms / MS_PER_DAY);
        return d >= days.from && d <= days.to;
      }
    : (ms: number) => {
        const m = monthOfWallClock(ms);
        return m >= from && m <= to;
      };
  const counts = new Map<string, number>();
  let unassigned = 0;
  let total = 0;
  for (const t of data.builder.wb.tiket) {
    if (!inPeriod(t.tanggal.ms)) continue;
    total += t.jumlah;
    if (t.agen === null) unassigned += t.jumlah;
    else counts.set(t.agen, (counts.get(t.agen) ?? 0) + t.jumlah);
  }
  if (total === 0) {
    return days
      ? { ...data.refuse(`belum ada tiket tercatat untuk ${days.label}`, [], null), title }
      : data.noData(to, title);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'id'));
  if (ranked.length === 0) {
    return {
      ...data.refuse(`kolom Agen di tab Tiket belum diisi untuk ${label}`, [], null),
      title,
    };
  }
  const top = ranked[0]?.[1] ?? 0;
  const leaders = ranked.filter(([, n]) => n === top).map(([name]) => name);
  return {
    title,
    period: label,
    facts: [],
    sentences: [
      `Agen dengan tiket terbanyak pada ${label}: ${joinIndonesian(leaders)} (${formatNumber(top)} tiket).`,
      ...(unassigned
        ? [`${formatNumber(unassigned)} dari ${formatNumber(total)} tiket tidak mencatat agen (kolom Agen kosong).`]
        : []),
    ],
    chart: null,
    table: {
      title: 'Tiket per Agen',
      columns: [
        { header: 'Agen', format: 'text' },
        { header: 'Tiket', format: 'int' },
        { header: 'Pangsa', format: 'pct1' },
      ],
      rows: ranked.slice(0, MAX_TABLE_ROWS).map(([name, n]) => [name, n, (n / total) * 100]),
    },
    findings: [],
    suggestions: [`kepuasan per agen ${monthLabel(to).toLowerCase()}`],
    answered: { subject: 'agents', value: top },
  };
}
