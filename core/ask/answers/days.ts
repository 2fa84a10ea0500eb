import { dateLabel, monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import type { FactReader } from '../../metrics/catalog';
import { aggregate } from '../../metrics/facts';
import { isInsideServiceHoursAt } from '../../metrics/serviceHours';
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
    // No log row yet for these days (today, yesterday, this week): no data, said as such; never a month's figure.
    if (!rekapOnly && lastDay !== null && lastDay < range.from)
      return {
        ...data.noData(toMonth, title),
        period: range.label,
        sentences: [
          `Belum ada data ${def.label} untuk ${range.label}; catatan terakhir bertanggal ${dateLabel(lastDay * MS_PER_DAY)}.`,
        ],
        suggestions: [`${again} ${monthLabel(data.latestOf(key) ?? toMonth).toLowerCase()}`],
        suggestionTitles: [monthLabel(data.latestOf(key) ?? toMonth)],
      };
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
    findings: logged.flatMap((m) => data.errorsFor(m, def.tab)),
    suggestions: [`${again} ${monthText}`],
    answered: { subject: key, value },
  };
}

const periodLabelOf = (from: MonthIndex, to: MonthIndex, days: DayRange | null) =>
  days ? days.label : from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;

/** Whether a ticket's moment falls in the months or the days asked. */
function periodTest(from: MonthIndex, to: MonthIndex, days: DayRange | null): (ms: number) => boolean {
  return days
    ? (ms) => {
        const d = Math.floor(ms / MS_PER_DAY);
        return d >= days.from && d <= days.to;
      }
    : (ms) => {
        const m = monthOfWallClock(ms);
        return m >= from && m <= to;
      };
}

/** A period whose ticket log has no row: say so (a day or a week is never answered with a month). */
function noTickets(data: AskData, title: string, label: string, again: string): Answer {
  const rows = data.builder.wb.tiket;
  const last = rows.length ? lastDayOf(rows) : null;
  return {
    ...data.noData(data.latest() ?? 0, title),
    period: label,
    sentences: [
      `Belum ada data tiket untuk ${label}${last === null ? '' : `; catatan tiket terakhir bertanggal ${dateLabel(last * MS_PER_DAY)}`}.`,
    ],
    suggestions: [again],
  };
}

const channelName = (data: AskData, channel: string | undefined) =>
  channel ? (data.builder.figures.def(`konsultasi.kanal.${channel}`)?.label ?? channel) : null;

/** One agent's tickets (the Tiket tab's `Agen`), optionally of one channel. */
export function agentAnswer(
  data: AskData,
  name: string,
  from: MonthIndex,
  to: MonthIndex,
  days: DayRange | null,
  channel?: string,
): Answer {
  const label = periodLabelOf(from, to, days);
  const via = channelName(data, channel);
  const title = `Tiket ${name}${via ? ` via ${via}` : ''} — ${label}`;
  const inPeriod = periodTest(from, to, days);
  let total = 0;
  let mine = 0;
  for (const t of data.builder.wb.tiket) {
    if (!inPeriod(t.tanggal.ms)) continue;
    total += t.jumlah;
    if (t.agen === name && (!channel || t.kanal === channel)) mine += t.jumlah;
  }
  const latest = monthLabel(data.latest() ?? to).toLowerCase();
  if (total === 0) return noTickets(data, title, label, `tiket ${name.toLowerCase()} ${latest}`);
  return {
    title,
    period: label,
    facts: [{ label: `Tiket ditangani ${name}`, value: formatNumber(mine) }],
    sentences: [
      `Pada ${label}, ${name} menangani ${formatNumber(mine)} tiket${via ? ` ${via}` : ''} dari ${formatNumber(total)} tiket konsultasi.`,
    ],
    chart: null,
    table: null,
    findings: days ? [] : data.errorsFor(to, 'tiket'),
    suggestions: [`tiket per agen ${days ? label.toLowerCase() : monthLabel(to).toLowerCase()}`],
    answered: { subject: `agent:${name}${channel ? `:${channel}` : ''}`, value: mine },
  };
}

/** One channel's tickets inside or outside service hours (METRICS.md "Service hours"). */
export function channelHoursAnswer(
  data: AskData,
  channel: string,
  outside: boolean,
  m: MonthIndex,
  days: DayRange | null,
): Answer {
  const label = periodLabelOf(m, m, days);
  const via = channelName(data, channel) ?? channel;
  const where = outside ? 'di luar' : 'di dalam';
  const title = `Tiket ${via} ${where} jam layanan — ${label}`;
  const inPeriod = periodTest(m, m, days);
  const wb = data.builder.wb;
  let count = 0;
  let all = 0;
  let any = 0;
  for (const t of wb.tiket) {
    if (!inPeriod(t.tanggal.ms)) continue;
    any += t.jumlah;
    if (t.kanal !== channel) continue;
    all += t.jumlah;
    // The same rule as the report's figure: an explicit Jam Layanan cell wins over the clock.
    const inside =
      t.jamLayanan === null
        ? isInsideServiceHoursAt(t.tanggal.ms, t.tanggal.hasTime, wb.settings, wb.holidays)
        : t.jamLayanan === 'dalam';
    if (inside !== outside) count += t.jumlah;
  }
  if (any === 0)
    return noTickets(
      data,
      title,
      label,
      `tiket ${where.replace('di ', '')} jam layanan ${monthLabel(data.latest() ?? m).toLowerCase()}`,
    );
  return {
    title,
    period: label,
    facts: [{ label: `${via}, ${where} jam layanan`, value: formatNumber(count) }],
    sentences: [
      `Pada ${label}, tiket ${via} ${where} jam layanan sebanyak ${formatNumber(count)} dari ${formatNumber(all)} tiket ${via}.`,
    ],
    chart: null,
    table: null,
    findings: days ? [] : data.errorsFor(m, 'tiket'),
    suggestions: [`tiket ${where.replace('di ', '')} jam layanan ${monthLabel(m).toLowerCase()}`],
    answered: { subject: `jam:${outside ? 'luar' : 'dalam'}:${channel}`, value: count },
  };
}

/** Tickets per agent (the Tiket tab's `Agen`) over months or days, most first (fewest first when asked). */
export function agentsAnswer(
  data: AskData,
  from: MonthIndex,
  to: MonthIndex,
  days: DayRange | null,
  least = false,
  channel?: string,
): Answer {
  const label = periodLabelOf(from, to, days);
  const via = channelName(data, channel);
  const title = `Tiket per Agen${via ? ` (${via})` : ''} — ${label}`;
  const inPeriod = periodTest(from, to, days);
  const counts = new Map<string, number>();
  let unassigned = 0;
  let total = 0;
  for (const t of data.builder.wb.tiket) {
    if (!inPeriod(t.tanggal.ms)) continue;
    if (channel && t.kanal !== channel) continue;
    total += t.jumlah;
    if (t.agen === null) unassigned += t.jumlah;
    else counts.set(t.agen, (counts.get(t.agen) ?? 0) + t.jumlah);
  }
  if (total === 0) {
    return days
      ? noTickets(data, title, label, `tiket per agen ${monthLabel(data.latest() ?? to).toLowerCase()}`)
      : data.noData(to, title);
  }
  const ranked = [...counts].sort((a, b) => (least ? a[1] - b[1] : b[1] - a[1]) || a[0].localeCompare(b[0], 'id'));
  if (ranked.length === 0) {
    // The month has tickets but nobody filled in Agen: no data, said as such (not a refusal).
    const none = data.noData(to, title, (month) => `tiket per agen ${month}`);
    return {
      ...none,
      period: label,
      sentences: [`Data tiket per agen ${label} belum tersedia: kolom Agen di tab Tiket belum diisi.`],
    };
  }
  const top = ranked[0]?.[1] ?? 0;
  const leaders = ranked.filter(([, n]) => n === top).map(([name]) => name);
  return {
    title,
    period: label,
    facts: [],
    sentences: [
      `Agen dengan tiket${via ? ` ${via}` : ''} ${least ? 'paling sedikit' : 'terbanyak'} pada ${label}: ${joinIndonesian(leaders)} (${formatNumber(top)} tiket).`,
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
    answered: { subject: `agents${channel ? `:${channel}` : ''}${least ? ':least' : ''}`, value: top },
  };
}
