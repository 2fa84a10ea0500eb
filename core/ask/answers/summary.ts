import { formatCell } from '../../format/figure';
import { monthLabel, monthShortLabel } from '../../format/idDate';
import type { TableCell } from '../../metrics/model';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import { type AskData, valueText } from './context';

/** The monthly summary: the same card as the scheduled post. */
export function summaryAnswer(data: AskData, m: MonthIndex): Answer {
  const title = `Ringkasan Layanan Informasi DJPK — ${monthLabel(m)}`;
  if (!data.hasData(m)) return data.noData(m, title);
  const report = data.report(m);
  const ringkasan = report.sections.find((s) => s.id === 'ringkasan');
  const konsultasi = report.sections.find((s) => s.id === 'konsultasi');
  // The figures as the report's Ringkasan table prints them (shown values, changes from them).
  const table = ringkasan?.tables.find((t) => t.title === 'Ringkasan');
  const printed = (row: readonly TableCell[] | undefined, i: number) => {
    const column = table?.columns[i];
    return row && column && row[i] !== null ? formatCell(row[i] ?? null, column.format, column.decimals) : null;
  };
  const facts = (ringkasan?.metrics ?? []).map((key) => {
    const f = report.metrics[key];
    const def = data.builder.figures.def(key);
    const row = table?.rows.find((r) => r[0] === def?.label);
    const change = printed(row, 4);
    const against = monthShortLabel(m - 1);
    return {
      label: def?.label ?? key,
      value: `${printed(row, 2) ?? valueText(def, f?.value ?? null, data.pct)}${
        change === null ? '' : change === 'sama' ? ` (sama dengan ${against})` : ` (${change} dari ${against})`
      }`,
    };
  });
  const errors = data.errorsOf(m);
  return {
    title,
    period: monthLabel(m),
    facts,
    sentences: [
      ...(ringkasan?.sentences ?? []),
      ...(errors.length
        ? [
            `Terdapat ${errors.length} galat data pada bulan ini (baris tersebut tidak dihitung); lihat tab Validasi di spreadsheet.`,
          ]
        : []),
    ],
    chart: konsultasi?.charts[0] ?? null,
    table: null,
    findings: errors,
    suggestions: [
      `top pemda ${monthLabel(m).toLowerCase()}`,
      `topik konsultasi ${monthLabel(m).toLowerCase()}`,
      `layer 2 ${monthLabel(m).toLowerCase()}`,
    ],
    answered: { subject: 'summary', value: report.metrics['konsultasi.total']?.value ?? null },
  };
}
