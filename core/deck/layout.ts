import type { Table } from '../metrics/model';
import { formatCell } from '../render/cells';
import type { Paragraph, Slide, Visual } from './model';

/**
 * Slide geometry in inches (16:9, 13.333 × 7.5), shared by the paginator and both renderers so
 * that what the paginator decided fits is exactly where the renderers draw it.
 */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN_X = 0.5;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;
export const TITLE_Y = 0.3;
export const TITLE_H = 0.8;
export const TITLE_PT = 26;
export const BODY_TOP = 1.35;
export const BODY_BOTTOM = 6.8;
export const BODY_H = BODY_BOTTOM - BODY_TOP;
export const FOOTER_Y = 7.0;
export const FOOTER_H = 0.35;
export const FOOTER_PT = 12;
export const BODY_PT = 16;
export const TABLE_PT = 12;
export const TABLE_TITLE_H = 0.45;
export const CHART_LABEL_PT = 12;
export const LINE_FACTOR = 1.25;
export const PARAGRAPH_GAP = 0.12;
/** Table cell padding (each side), inches. */
export const CELL_PAD = 0.06;
export const MAX_TABLE_ROWS = 12;

const GUTTER = 0.3;

/**
 * A conservative average glyph width (in em) for the fonts used (Arial in the PPTX, DejaVu Sans
 * Condensed in the PDF): text that the estimate says fits, fits in both.
 */
const EM_WIDTH = 0.56;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const lineHeight = (pt: number) => (pt * LINE_FACTOR) / 72;

/** How many lines `text` takes in a box `width` inches wide (greedy word wrap, estimated widths). */
export function lineCount(text: string, width: number, pt: number): number {
  const perLine = Math.max(1, Math.floor((width * 72) / (pt * EM_WIDTH)));
  let lines = 0;
  for (const hard of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of hard.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        count += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        count += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += count;
  }
  return lines;
}

const BULLET_INDENT = 0.3;

export const paragraphHeight = (p: Paragraph, width: number, pt: number): number =>
  lineCount(p.text, width - (p.bullet ? BULLET_INDENT : 0), pt) * lineHeight(pt) + PARAGRAPH_GAP;

export const paragraphsHeight = (ps: readonly Paragraph[], width: number, pt: number): number =>
  ps.reduce((h, p) => h + paragraphHeight(p, width, pt), 0);

/** Column widths (inches) that sum to `width`, by each column's longest text (clamped). */
export function tableColumnWidths(table: Table, width: number): number[] {
  const weights = table.columns.map((column, i) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows.map((row) => formatCell(row[i] ?? null, column.format).length),
    );
    // +2: the cell padding; headers such as "Jumlah" must never break inside a word.
    return Math.min(60, Math.max(8, longest + 2));
  });
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => (w / total) * width);
}

export const cellLines = (text: string, width: number): number =>
  lineCount(text, Math.max(0.2, width - 2 * CELL_PAD), TABLE_PT);

/** The height of one table row (header row when `cells` are the headers). */
export function tableRowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((text, i) => cellLines(text, widths[i] ?? 1)));
  return lines * lineHeight(TABLE_PT) + 2 * CELL_PAD;
}

export const rowTexts = (table: Table, row: Table['rows'][number]): string[] =>
  table.columns.map((c, i) => formatCell(row[i] ?? null, c.format));

export interface SlideBoxes {
  readonly title: Box;
  readonly text: Box | null;
  /** One box per visual: a chart's plot, or a table's caption line plus the table below it. */
  readonly visuals: readonly Box[];
  readonly footer: Box;
  readonly number: Box;
}

const TITLE_BOX: Box = { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W - 1.2, h: TITLE_H };
const FOOTER_BOX: Box = { x: MARGIN_X, y: FOOTER_Y, w: CONTENT_W - 1.4, h: FOOTER_H };
const NUMBER_BOX: Box = { x: SLIDE_W - MARGIN_X - 1.2, y: FOOTER_Y, w: 1.2, h: FOOTER_H };

/** Width of the text beside a visual, and of each of two visuals side by side. */
export const SIDE_TEXT_W = 5.0;
export const HALF_W = (CONTENT_W - GUTTER) / 2;
const SIDE_VISUAL_X = MARGIN_X + SIDE_TEXT_W + GUTTER;
export const SIDE_VISUAL_W = SLIDE_W - MARGIN_X - SIDE_VISUAL_X;

/** A visual that reads well in half the slide: a bar or donut chart, or a short, narrow table. */
export function fitsHalf(visual: Visual): boolean {
  if (visual.kind === 'chart') return visual.chart.kind !== 'line' && visual.chart.categories.length <= 12;
  const { table } = visual;
  if (table.columns.length > 4) return false;
  const widest = table.columns.map((c, i) =>
    Math.max(c.header.length, ...table.rows.map((row) => formatCell(row[i] ?? null, c.format).length)),
  );
  return widest.reduce((a, b) => a + Math.min(b, 40), 0) <= 64;
}

const FULL_BODY: Box = { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_H };
/** Space between two tables stacked on one slide. */
const STACK_GAP = 0.3;

type TableVisual = Extract<Visual, { kind: 'table' }>;

/**
 * Two tables go one above the other (each full width) when they cannot stand side by side and both
 * fit whole: the seeds put a short wide table under another rather than alone on a slide.
 */
export function stacks(first: Visual, second: Visual): first is TableVisual {
  if (first.kind !== 'table' || second.kind !== 'table' || (fitsHalf(first) && fitsHalf(second))) return false;
  if (first.table.rows.length > MAX_TABLE_ROWS || second.table.rows.length > MAX_TABLE_ROWS) return false;
  const height = (t: Table) => tableHeight(t, tableWidthIn(t, FULL_BODY));
  return height(first.table) + STACK_GAP + height(second.table) <= BODY_H;
}

/**
 * Where a slide's parts go: text beside one half-width visual, text above a wide table, two
 * visuals side by side, two wide tables one above the other, or one alone.
 */
export function slideBoxes(slide: Pick<Slide, 'paragraphs' | 'visuals'>): SlideBoxes {
  const base = { title: TITLE_BOX, footer: FOOTER_BOX, number: NUMBER_BOX };
  const [first, second] = slide.visuals;
  const hasText = slide.paragraphs.length > 0;
  if (!first) {
    return { ...base, text: hasText ? { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_H } : null, visuals: [] };
  }
  if (hasText && first.kind === 'chart' && second?.kind === 'table') {
    // The seeds' channel slides: sentences and a small table on the left, the chart on the right.
    const textH = paragraphsHeight(slide.paragraphs, SIDE_TEXT_W, BODY_PT);
    return {
      ...base,
      text: { x: MARGIN_X, y: BODY_TOP, w: SIDE_TEXT_W, h: textH },
      visuals: [
        { x: SIDE_VISUAL_X, y: BODY_TOP, w: SIDE_VISUAL_W, h: BODY_H },
        { x: MARGIN_X, y: BODY_TOP + textH, w: SIDE_TEXT_W, h: BODY_H - textH },
      ],
    };
  }
  if (hasText && (fitsHalf(first) || first.kind === 'chart')) {
    return {
      ...base,
      text: { x: MARGIN_X, y: BODY_TOP, w: SIDE_TEXT_W, h: BODY_H },
      visuals: [{ x: SIDE_VISUAL_X, y: BODY_TOP, w: SIDE_VISUAL_W, h: BODY_H }],
    };
  }
  if (hasText) {
    const textH = paragraphsHeight(slide.paragraphs, CONTENT_W, BODY_PT);
    return {
      ...base,
      text: { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: textH },
      visuals: [{ x: MARGIN_X, y: BODY_TOP + textH, w: CONTENT_W, h: BODY_H - textH }],
    };
  }
  if (second && stacks(first, second)) {
    const firstH = tableHeight(first.table, tableWidthIn(first.table, FULL_BODY));
    return {
      ...base,
      text: null,
      visuals: [
        { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: firstH },
        { x: MARGIN_X, y: BODY_TOP + firstH + STACK_GAP, w: CONTENT_W, h: BODY_H - firstH - STACK_GAP },
      ],
    };
  }
  if (second) {
    return {
      ...base,
      text: null,
      visuals: [
        { x: MARGIN_X, y: BODY_TOP, w: HALF_W, h: BODY_H },
        { x: MARGIN_X + HALF_W + GUTTER, y: BODY_TOP, w: HALF_W, h: BODY_H },
      ],
    };
  }
  return { ...base, text: null, visuals: [{ x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_H }] };
}

/** Table box → column widths: a table narrower than its box when it has few, short columns. */
export const tableWidthIn = (table: Table, box: Box): number =>
  Math.min(box.w, Math.max(Math.min(box.w, 4.5), table.columns.length * 3.1));

/** The height of a table (caption, header, rows) drawn `width` wide, with the renderers' column widths. */
export function tableHeight(table: Table, width: number): number {
  const widths = tableColumnWidths(table, width);
  const header = tableRowHeight(
    table.columns.map((c) => c.header),
    widths,
  );
  return TABLE_TITLE_H + header + table.rows.reduce((h, row) => h + tableRowHeight(rowTexts(table, row), widths), 0);
}

/** How many rows of `table` from `start` fit in `box` (1..MAX_TABLE_ROWS), measured as drawn. */
export function rowsThatFit(table: Table, start: number, box: Box): number {
  let count = 1;
  while (count < MAX_TABLE_ROWS && start + count < table.rows.length) {
    const part = { ...table, rows: table.rows.slice(start, start + count + 1) };
    if (tableHeight(part, tableWidthIn(part, box)) > box.h) break;
    count++;
  }
  return count;
}

/** The paragraphs from the front of `queue` that fit in `height`; at least one when the box is empty. */
export function takeParagraphs(queue: Paragraph[], width: number, height: number): Paragraph[] {
  const taken: Paragraph[] = [];
  let used = 0;
  while (queue.length) {
    const next = queue[0] as Paragraph;
    const h = paragraphHeight(next, width, BODY_PT);
    // A heading never ends a slide: it belongs with what follows it.
    const withFollower = next.heading && queue[1] ? h + paragraphHeight(queue[1], width, BODY_PT) : h;
    if (taken.length && used + withFollower > height) break;
    taken.push(next);
    queue.shift();
    used += h;
  }
  return taken;
}

/** Tile grid of the Ringkasan slide: 4 columns, 5 when more than 8 tiles (two rows). */
export function tileBoxes(count: number, top: number, height: number): Box[] {
  const columns = count > 8 ? 5 : Math.min(4, Math.max(1, count));
  const rows = Math.max(1, Math.ceil(count / columns));
  const gap = 0.25;
  const w = (CONTENT_W - gap * (columns - 1)) / columns;
  const h = Math.min(1.75, (height - gap * (rows - 1)) / rows);
  return Array.from({ length: count }, (_, i) => ({
    x: MARGIN_X + (i % columns) * (w + gap),
    y: top + Math.floor(i / columns) * (h + gap),
    w,
    h,
  }));
}

/** Contact cards: two columns. */
export function contactBoxes(count: number): Box[] {
  const columns = 2;
  const rows = Math.max(1, Math.ceil(count / columns));
  const gap = 0.18;
  const w = (CONTENT_W - gap) / columns;
  const h = Math.min(0.9, (BODY_H - gap * (rows - 1)) / rows);
  return Array.from({ length: count }, (_, i) => ({
    x: MARGIN_X + (i % columns) * (w + gap),
    y: BODY_TOP + Math.floor(i / columns) * (h + gap),
    w,
    h,
  }));
}
