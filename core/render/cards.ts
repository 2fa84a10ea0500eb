import type { Answer } from '../ask/answer';
import type { Chart, Table } from '../metrics/model';
import { formatCell, seriesFormat } from './cells';
import { chartDrawable, chartNotes } from './chartData';
import { cardColor } from './colors';
// TextBlocks and facts render Markdown: text from the workbook must stay inert.
import { escapeMarkdown, escapeMarkdownInline } from './markdown';

/**
 * Adaptive Cards built from an Answer: schema 1.5, what Teams renders on desktop and web, and
 * readable by 1.2 clients too (Teams mobile renders Adaptive Cards up to 1.2, and iOS draws no
 * `Chart.*` element). Every element newer than 1.2 — Teams' native charts, `Table` (1.5) — carries
 * a `fallback` built only of 1.0 elements (FactSet, ColumnSet, TextBlock), which a client that does
 * not know the element renders in its place; the card's `fallbackText` is the whole answer as plain
 * text for a client that refuses the card's version. test/bot/cardFallbacks.test.ts walks every card
 * the bot sends and checks each element's schema version against its fallback.
 */
export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  /** Plain text for clients that cannot render the card's version. */
  readonly fallbackText?: string;
  readonly msteams?: Record<string, unknown>;
}

/** Teams rejects messages over ~40 KB; the whole activity (card, summary, envelope) stays below this. */
export const CARD_BYTE_LIMIT = 28_000;
/** The activity's JSON around the card: type, attachment envelope, ids the SDK adds. */
const ENVELOPE_BYTES = 1_000;
/** Longest text shown in one table cell or fact; agents' text can be any length. */
export const CELL_TEXT_LIMIT = 80;
const SENTENCE_LIMIT = 1_000;
const FALLBACK_TEXT_LIMIT = 2_000;

export interface CardMeta {
  /** "Sumber: Spreadsheet Layanan Informasi, diperbarui 22/11/2026 09:00" */
  readonly source: string;
}

/** A long text cut to `limit` characters, marked with "…". */
export const truncateText = (value: string, limit = CELL_TEXT_LIMIT): string =>
  value.length <= limit ? value : `${value.slice(0, limit - 1).trimEnd()}…`;

const text = (value: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: escapeMarkdown(value),
  wrap: true,
  ...extra,
});

/** The cells of a table as people read them: headers, then up to `maxRows` formatted rows. */
function tableCells(table: Table, maxRows: number): { headers: string[]; rows: string[][] } {
  const columns = table.columns.slice(0, 5);
  return {
    headers: columns.map((c) => c.header),
    rows: table.rows
      .slice(0, maxRows)
      .map((row) => columns.map((c, i) => truncateText(formatCell(row[i] ?? null, c.format, c.decimals)))),
  };
}

/**
 * A table for clients older than 1.5 (Teams mobile renders up to 1.2), of 1.0 elements and narrow
 * enough for a phone: a FactSet, one fact per row (first cell: the other cells joined), under a
 * line naming the columns when there are more than two.
 */
function tableFallback(table: Table, maxRows: number): CardElement {
  const { headers, rows } = tableCells(table, maxRows);
  const facts: CardElement = {
    type: 'FactSet',
    facts: rows.map(([label = '', ...values]) => ({
      title: escapeMarkdownInline(label),
      value: escapeMarkdownInline(values.join(' · ')),
    })),
  };
  if (headers.length <= 2) return facts;
  return { type: 'Container', items: [text(headers.slice(1).join(' · '), { isSubtle: true, size: 'Small' }), facts] };
}

/** Columns a Table keeps at Teams' chat width (about 450 px) without breaking words mid-word. */
export const NARROW_TABLE_COLUMNS = 3;

/**
 * A wide table as stacked facts, one block per row (each cell under its header): at about 450 px a
 * table of four or five columns breaks words mid-word ("Probolingg o"). 1.0 elements only.
 */
function stackedRows(table: Table, maxRows: number): CardElement {
  const { headers, rows } = tableCells(table, maxRows);
  return {
    type: 'Container',
    items: rows.map((cells, i) => ({
      type: 'FactSet',
      ...(i > 0 ? { separator: true, spacing: 'Small' } : {}),
      facts: cells.map((value, j) => ({
        title: escapeMarkdownInline(headers[j] ?? ''),
        value: escapeMarkdownInline(value),
      })),
    })),
  };
}

function tableElement(table: Table, maxRows = 15): CardElement {
  if (table.columns.length > NARROW_TABLE_COLUMNS) return stackedRows(table, maxRows);
  const columns = table.columns.slice(0, 5);
  const { headers, rows } = tableCells(table, maxRows);
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
      { type: 'TableRow', cells: headers.map((h) => cell(h, true)) },
      ...rows.map((cells) => ({ type: 'TableRow', cells: cells.map((c) => cell(c)) })),
    ],
    fallback: tableFallback(table, maxRows),
  };
}

/** Chart data as a table: what the chart's fallback shows where it cannot be drawn. */
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

/** A card colour for a keyed series or category, left out when it has none (Teams' palette then). */
const colored = (key: string) => {
  const color = cardColor(key);
  return color ? { color } : {};
};

/**
 * The chart as Teams draws it, or null when it has nothing true to draw (core/render/chartData.ts,
 * the rule of every renderer): a donut missing a slice is not drawn as shares of the rest.
 */
export function chartElement(chart: Chart): CardElement | null {
  if (!chartDrawable(chart)) return null;
  // Not a Table (1.5): clients without charts are the old ones (Teams mobile, 1.2).
  const fallback = tableFallback(chartTable(chart), 15);
  const first = chart.series[0];
  // A month without data is left out, never drawn as 0.
  const points = chart.categories.flatMap((category, i) => {
    const value = first?.values[i];
    return value === null || value === undefined
      ? []
      : [{ label: category, category: truncateText(category, 40), value }];
  });
  if (chart.kind === 'donut') {
    return {
      type: 'Chart.Donut',
      title: chart.title,
      data: points.map((p) => ({ legend: p.category, value: p.value, ...colored(p.label) })),
      fallback,
    };
  }
  if (chart.kind === 'bar' && chart.series.length === 1) {
    const series = first ? colored(first.key ?? first.name) : {};
    return {
      type: 'Chart.VerticalBar',
      title: chart.title,
      data: points.map((p) => ({ x: p.category, y: p.value, ...series })),
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
      ...colored(s.key ?? s.name),
    })),
    fallback,
  };
}

/** Longest button title shown: Teams cuts longer ones at chat width ("dak …", "whatsa…"). */
export const BUTTON_TITLE_LIMIT = 20;

const PROPER_NAMES: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  instagram: 'Instagram',
  facebook: 'Facebook',
  ppid: 'PPID',
};

const PROPER_NAME_WORDS = new RegExp(`\\b(${Object.keys(PROPER_NAMES).join('|')})\\b`, 'gi');

const MONTH_WORDS = 'januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember';

/**
 * A button's title: the question, short enough to be read whole (≤ 20 characters) — the card's own
 * month left out, other months shortened ("Jan"), then cut at a word. The question itself travels
 * whole in the button's data.
 */
export function buttonTitle(question: string, cardPeriod: string | null = null): string {
  let title = question.trim().replace(/\s+/g, ' ');
  const own = cardPeriod?.toLowerCase();
  if (own && title.toLowerCase().endsWith(` ${own}`) && title.length > BUTTON_TITLE_LIMIT)
    title = title.slice(0, -own.length - 1);
  if (title.length > BUTTON_TITLE_LIMIT)
    title = title
      .replace(new RegExp(`\\b(${MONTH_WORDS})\\b`, 'gi'), (m) => `${m.slice(0, 1).toUpperCase()}${m.slice(1, 3)}`)
      .replace(/\b(\d+) bulan\b/g, '$1 bln');
  // Read as written elsewhere on the card: "WhatsApp Jan 2025", "X feeds Januari 2025" (not "Whatsapp", "januari").
  title = title
    .replace(new RegExp(`\\b(${MONTH_WORDS})\\b`, 'gi'), (m) => `${m.slice(0, 1).toUpperCase()}${m.slice(1)}`)
    .replace(PROPER_NAME_WORDS, (m) => PROPER_NAMES[m.toLowerCase()] ?? m);
  title = title.charAt(0).toUpperCase() + title.slice(1);
  if (title.length <= BUTTON_TITLE_LIMIT) return title;
  const cut = title.slice(0, BUTTON_TITLE_LIMIT - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord >= 8 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** A button that asks its question as if typed (Teams' imBack); its title is the short form. */
export const askButton = (question: string, cardPeriod: string | null = null, title?: string): CardElement => ({
  type: 'Action.Submit',
  title: buttonTitle(title ?? question, cardPeriod),
  data: { msteams: { type: 'imBack', value: question }, question },
});

export function answerCard(answer: Answer, meta: CardMeta): AdaptiveCard {
  const body: CardElement[] = [text(answer.title, { size: 'Medium', weight: 'Bolder', color: 'Accent' })];
  if (answer.period) body.push(text(`Data: ${answer.period}`, { isSubtle: true, spacing: 'None', size: 'Small' }));
  if (answer.facts.length)
    body.push({
      type: 'FactSet',
      facts: answer.facts.map((f) => ({
        title: escapeMarkdownInline(truncateText(f.label)),
        value: escapeMarkdownInline(truncateText(f.value, 200)),
      })),
    });
  // Sentences quote agents' text (names, topics): a hostile cell must not crowd out the figures.
  for (const sentence of answer.sentences) body.push(text(truncateText(sentence, SENTENCE_LIMIT)));
  // A chart needs two points to show anything a sentence does not.
  const chart =
    answer.chart?.series.some((s) => s.values.filter((v) => v !== null).length >= 2) && chartElement(answer.chart);
  if (chart) body.push(chart);
  else if (
    answer.chart &&
    !chartDrawable(answer.chart) &&
    answer.chart.series.some((s) => s.values.some((v) => v !== null))
  )
    body.push(text(chartNotes(answer.chart).join(' '), { isSubtle: true, size: 'Small' }));
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
          .map((f) =>
            text(`• ${f.tab}${f.cell ? ` ${f.cell}` : ''}: ${truncateText(f.message, 200)}`, { size: 'Small' }),
          ),
        ...(answer.findings.length > 3
          ? [text(`… dan ${answer.findings.length - 3} lainnya; lihat tab Validasi.`, { size: 'Small' })]
          : []),
      ],
    });
  }
  body.push(text(meta.source, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  // A button asks its text as typed; one built from an absurdly long data label is left out.
  const buttons = answer.suggestions
    .map((q, i) => ({ q, title: answer.suggestionTitles?.[i] }))
    .filter(({ q }) => q.length <= 120);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Shown instead of the card by a client that refuses its version (the spec's rule for 1.2 clients).
    fallbackText: truncateText(answerText(answer), FALLBACK_TEXT_LIMIT),
    body,
    msteams: { width: 'Full' },
    ...(buttons.length || answer.links?.length
      ? {
          actions: [
            ...(answer.links ?? []).map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url })),
            ...buttons.slice(0, 6).map(({ q, title }) => askButton(q, answer.period, title)),
          ],
        }
      : {}),
  };
  return fitCard(card, utf8Bytes(answerSummary(answer)) + ENVELOPE_BYTES);
}

/** One line for notifications and the activity's `summary`: the title and the first sentence. */
export function answerSummary(answer: Answer): string {
  const first = answer.sentences[0] ?? '';
  return truncateText(first.startsWith(answer.title) ? first : [answer.title, first].filter(Boolean).join(': '), 250);
}

/** UTF-8 size of a text (core has no TextEncoder: it also runs in Apps Script). */
export function utf8Bytes(value: string): number {
  let bytes = 0;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** UTF-8 size of the card's JSON. */
export const cardBytes = (card: AdaptiveCard): number => utf8Bytes(JSON.stringify(card));

/**
 * Keeps the whole activity (card plus `reserved` bytes for the summary and envelope) under the
 * limit: drops tables, then charts, then trailing sentences, so the figures stay.
 */
function fitCard(card: AdaptiveCard, reserved: number): AdaptiveCard {
  const limit = CARD_BYTE_LIMIT - reserved;
  if (cardBytes(card) <= limit) return card;
  let body = card.body.filter((e) => e.type !== 'Table');
  if (cardBytes({ ...card, body }) <= limit) return { ...card, body };
  body = body.filter((e) => !String(e.type).startsWith('Chart.'));
  if (cardBytes({ ...card, body }) <= limit) return { ...card, body };
  const footer = body[body.length - 1] ?? text('');
  const notice = text('… (jawaban dipersingkat: terlalu panjang untuk satu pesan)', { isSubtle: true });
  let kept = body.slice(0, -1);
  while (kept.length > 1 && cardBytes({ ...card, body: [...kept, notice, footer] }) > limit) kept = kept.slice(0, -1);
  return { ...card, body: [...kept, notice, footer] };
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
  for (const link of answer.links ?? []) lines.push(`${link.title}: ${link.url}`);
  if (answer.suggestions.length) lines.push(`Coba: ${answer.suggestions.join('; ')}`);
  return lines.join('\n');
}
