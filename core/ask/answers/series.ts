import { numberFormat } from '../../format/figure';
import { monthLabel, monthShortLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { figureDecimals } from '../../metrics/catalog';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import { type AskData, askWords, subjectOf, TREND_TITLE, valueText } from './context';

/** One metric over a run of months: its trend (peak and low), or its sum or average over the span. */

export function trendAnswer(data: AskData, key: string, from: MonthIndex, to: MonthIndex): Answer {
  const def = data.builder.figures.def(key);
  const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
  const values = months.map((m) => data.builder.figures.value(key, m));
  const title = `Tren ${def?.label ?? key}: ${monthLabel(from)} – ${monthLabel(to)}`;
  const known = values.filter((v): v is number => v !== null);
  if (!def || known.length === 0) return data.noData(to, title);
  const max = Math.max(...known);
  const min = Math.min(...known);
  const peak = months[values.indexOf(max)] ?? to;
  const low = months[values.indexOf(min)] ?? to;
  const missing = months.filter((_, i) => values[i] === null);
  const onePoint = known.length === 1;
  // Fewer than half the months: a line of a few points would look like a trend; the table says it.
  const sparse = known.length * 2 < months.length;
  return {
    title: sparse ? `${title} (${known.length} dari ${months.length} bulan ada datanya)` : title,
    period: `${monthLabel(from)} – ${monthLabel(to)}`,
    facts: onePoint
      ? [{ label: monthLabel(peak), value: valueText(def, max, data.pct) }]
      : [
          { label: 'Tertinggi', value: `${valueText(def, max, data.pct)} (${monthLabel(peak)})` },
          { label: 'Terendah', value: `${valueText(def, min, data.pct)} (${monthLabel(low)})` },
        ],
    sentences: [
      onePoint
        ? `Hanya ${monthLabel(peak)} yang memiliki data (${valueText(def, max, data.pct)}); belum ada tren untuk ditampilkan.`
        : `${subjectOf(def)} tertinggi pada ${monthLabel(peak)} (${valueText(def, max, data.pct)}) dan terendah pada ${monthLabel(low)} (${valueText(def, min, data.pct)}).`,
      ...(missing.length && !onePoint
        ? [
            `Belum ada data untuk ${missing.length} dari ${months.length} bulan dalam rentang ini (tidak digambar sebagai 0).`,
          ]
        : []),
    ],
    chart:
      onePoint || sparse
        ? null
        : {
            kind: 'line',
            title: def.label,
            categories: months.map(monthShortLabel),
            series: [{ name: def.label, values }],
          },
    table: {
      title: def.label,
      columns: [
        { header: 'Bulan', format: 'text' },
        {
          header: def.label,
          format: numberFormat(figureDecimals(def, data.pct)),
        },
      ],
      rows: months.flatMap((m, i) => (values[i] === null ? [] : [[monthLabel(m), values[i] ?? null]])),
    },
    findings: [],
    suggestions: [],
    answered: { subject: key, value: values[values.length - 1] ?? null },
  };
}

export function totalAnswer(data: AskData, key: string, from: MonthIndex, to: MonthIndex, label: string): Answer {
  const def = data.builder.figures.def(key);
  const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
  const values = months.map((m) => data.builder.figures.value(key, m));
  const title = `${def?.label ?? key} — ${label}`;
  const known = values.filter((v): v is number => v !== null);
  if (!def || known.length === 0) return data.noData(to, title);
  const sum = known.reduce((a, b) => a + b, 0);
  const missing = months.filter((_, i) => values[i] === null).map(monthLabel);
  const additive = def.unit === 'count';
  const value = additive ? sum : sum / known.length;
  const span = `${monthLabel(from)} – ${monthLabel(to)}`;
  const covered = missing.length ? ` (${known.length} dari ${months.length} bulan yang ada datanya)` : '';
  return {
    title,
    period: span,
    facts: [
      {
        label: additive
          ? missing.length
            ? `Jumlah ${known.length} dari ${months.length} bulan`
            : `Total ${months.length} bulan`
          : missing.length
            ? `Rata-rata bulanan (${known.length} dari ${months.length} bulan)`
            : 'Rata-rata bulanan',
        value: valueText(def, value, data.pct),
      },
      ...(missing.length ? [{ label: 'Bulan tanpa data', value: missing.join(', ') }] : []),
    ],
    sentences: [
      additive
        ? `${subjectOf(def)} selama ${span}${covered} sebanyak ${formatNumber(sum)}.`
        : `Rata-rata bulanan ${def.label.toLowerCase()} selama ${span}${covered} adalah ${formatNumber(value, 2)}.`,
      ...(missing.length ? [`Belum termasuk bulan tanpa data: ${missing.join(', ')}.`] : []),
    ],
    chart: {
      kind: 'bar',
      title: def.label,
      categories: months.map(monthShortLabel),
      series: [{ name: def.label, values }],
    },
    table: null,
    findings: [],
    suggestions: [`tren ${askWords(def)} 12 bulan`],
    suggestionTitles: [TREND_TITLE],
    answered: { subject: key, value },
  };
}
