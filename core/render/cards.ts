import type { Answer } from '../ask/answer';
import type { Chart, Table } from '../metrics/model';
import { formatCell, seriesFormat } from './cells';

/**
 * Adaptive Cards (schema 1.5, as Teams renders them) built from an Answer. Charts use Teams'
 * native chart elements, each with a table fallback for clients that draw no charts (iOS).
 */
export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly msteams?: Record<string, unknown>;
}

/** Teams rejects messages over ~40 KB; cards stay well below. */
export const CARD_BYTE_LIMIT = 28_000;

export interface CardMeta {
  /** "Sumber: Spreadsheet Layanan Informasi, diperbarui 22/11/2026 09:00" */
  readonly source: string;
}

const text = (value: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function tableElement(table: Table, maxRows = 15): CardElement {
  const columns = table.columns.slice(0, 5);
  const cell = (value: string, bold = false): CardElement => ({
    type: 'TableCell',
    items: [text(value, bold ? { weight: 'Bolder' } : {})],
  });
  return {
    type: 'Table',
    gridStyle: 'accent',
    firstRowAsHeaders: true,
    columns: columns.map((_c, i) => ({ width: i === 0 ? 3 : 2 })),
    rows: [
      { type: 'TableRow', cells: columns.map((c) => cell(c.header, true)) },
      ...table.rows.slice(0, maxRows).map((row) => ({
        type: 'TableRow',
        cells: columns.map((c, i) => cell(formatCell(row[i] ?? null, c.format, c.decimals))),
      })),
    ],
  };
}

/** Chart data as a table: the fallback Teams shows where it cannot draw the chart. */
function chartTable(chart: Chart): Table {
  return {
    title: chart.title,
    columns: [
      { header: '', format: 'text' },
      ...chart.series.map((s) => ({ header: s.name, format: seriesFormat(s) })),
    ],
    rows: chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i] ?? null)]),
  };
}

export function chartElement(chart: Chart): CardElement {
  const fallback = tableElement(chartTable(chart));
  const first = chart.series[0];
  if (chart.kind === 'donut') {
    return {
      type: 'Chart.Donut',
      title: chart.title,
      data: chart.categories.map((legend, i) => ({ legend, value: first?.values[i] ?? 0 })),
      fallback,
    };
  }
  if (chart.kind === 'bar' && chart.series.length === 1) {
    return {
      type: 'Chart.VerticalBar',
      title: chart.title,
      data: chart.categories.map((x, i) => ({ x, y: first?.values[i] ?? 0 })),
      fallback,
    };
  }
  return {
    type: 'Chart.Line',
    title: chart.title,
    data: chart.series.map((s) => ({
      legend: s.name,
      values: chart.categories.flatMap((x, i) =>
        s.values[i] === null || s.values[i] === undefined ? [] : [{ x, y: s.values[i] }],
      ),
    })),
    fallback,
  };
}

/** A button that asks its question as if typed (Teams' imBack). */
export const askButton = (question: string): CardElement => ({
  type: 'Action.Submit',
  title: question,
  data: { msteams: { type: 'imBack', value: question }, question },
});

export function answerCard(answer: Answer, meta: CardMeta): AdaptiveCard {
  const body: CardElement[] = [text(answer.title, { size: 'Medium', weight: 'Bolder', color: 'Accent' })];
  if (answer.period) body.push(text(`Data: ${answer.period}`, { isSubtle: true, spacing: 'None', size: 'Small' }));
  if (answer.facts.length)
    body.push({ type: 'FactSet', facts: answer.facts.map((f) => ({ title: f.label, value: f.value })) });
  for (const sentence of answer.sentences) body.push(text(sentence));
  if (answer.chart) body.push(chartElement(answer.chart));
  if (answer.table)
    body.push(text(answer.table.title, { weight: 'Bolder', spacing: 'Medium' }), tableElement(answer.table));
  if (answer.findings.length) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        text(`${answer.findings.length} galat data pada bulan ini (baris tersebut tidak dihitung):`, {
          weight: 'Bolder',
          size: 'Small',
        }),
        ...answer.findings
          .slice(0, 3)
          .map((f) => text(`• ${f.tab}${f.cell ? ` ${f.cell}` : ''}: ${f.message}`, { size: 'Small' })),
        ...(answer.findings.length > 3
          ? [text(`… dan ${answer.findings.length - 3} lainnya; lihat tab Validasi.`, { size: 'Small' })]
          : []),
      ],
    });
  }
  body.push(text(meta.source, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    msteams: { width: 'Full' },
    ...(answer.suggestions.length ? { actions: answer.suggestions.slice(0, 6).map(askButton) } : {}),
  };
  return fitCard(card);
}

/** UTF-8 size of the card's JSON (core has no TextEncoder: it also runs in Apps Script). */
export function cardBytes(card: AdaptiveCard): number {
  let bytes = 0;
  for (const ch of JSON.stringify(card)) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Drops tables, then charts, if a card would exceed the message limit. */
function fitCard(card: AdaptiveCard): AdaptiveCard {
  if (cardBytes(card) <= CARD_BYTE_LIMIT) return card;
  const body = card.body.filter((e) => e.type !== 'Table');
  const slimmer = { ...card, body };
  if (cardBytes(slimmer) <= CARD_BYTE_LIMIT) return slimmer;
  return { ...slimmer, body: body.filter((e) => !String(e.type).startsWith('Chart.')) };
}

/** The same answer as plain text, for clients without cards and for logs of what was said. */
export function answerText(answer: Answer): string {
  const lines = [answer.title];
  if (answer.period) lines.push(`Data: ${answer.period}`);
  for (const f of answer.facts) lines.push(`${f.label}: ${f.value}`);
  lines.push(...answer.sentences);
  if (answer.table) {
    for (const row of answer.table.rows.slice(0, 10)) {
      lines.push(row.map((v, i) => formatCell(v, answer.table?.columns[i]?.format ?? 'text')).join(' | '));
    }
  }
  if (answer.findings.length) lines.push(`${answer.findings.length} galat data; lihat tab Validasi.`);
  if (answer.suggestions.length) lines.push(`Coba: ${answer.suggestions.join('; ')}`);
  return lines.join('\n');
}
