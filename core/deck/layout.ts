import { formatCell } from '../format/figure';
import type { Table } from '../metrics/model';
import { breakLines, textWidthIn } from '../text/measure';
import type { LaidCell, LaidParagraph, LaidTable, Paragraph } from './model';

/**
 * Slide geometry in inches (16:9, 13.333 × 7.5) and every measurement of text, shared by the
 * paginator and both renderers: what core decided fits is exactly where the PPTX and the PDF draw
 * it, from the same line breaks (docs/deck.md).
 */
export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN_X = 0.5;
export const CONTENT_W = SLIDE_W - 2 * MARGIN_X;
export const TITLE_Y = 0.3;
export const TITLE_H = 0.8;
export const TITLE_PT = 26;
/** A long title shrinks to this size (two lines) before it is shortened. */
export const MIN_TITLE_PT = 18;
export const BODY_TOP = 1.3;
export const BODY_BOTTOM = 6.85;
export const BODY_H = BODY_BOTTOM - BODY_TOP;
export const FOOTER_Y = 7.0;
export const FOOTER_H = 0.35;
export const FOOTER_PT = 12;
/** Body text: preferred size, and the smallest size text shrinks to before it continues on a new slide. */
export const BODY_PT = 16;
export const MIN_BODY_PT = 12;
export const TABLE_PT = 12;
export const TABLE_TITLE_H = 0.4;
export const TABLE_TITLE_PT = 14;
export const CHART_LABEL_PT = 12;
export const CHART_TITLE_PT = 14;
export const LINE_FACTOR = 1.25;
export const PARAGRAPH_GAP = 0.12;
/** Table cell padding (each side), inches. */
export const CELL_PAD = 0.04;
/** A table is split into parts of at most this many rows… */
export const MAX_TABLE_ROWS = 12;
/** …unless it fits its box whole with at most this many (no continuation of three rows). */
export const MAX_WHOLE_TABLE_ROWS = 16;
export const BULLET_INDENT = 0.3;
export const GUTTER = 0.3;
/** Width of the text beside a visual, and of each of two visuals side by side. */
export const SIDE_TEXT_W = 5.0;
export const HALF_W = (CONTENT_W - GUTTER) / 2;
export const SIDE_VISUAL_X = MARGIN_X + SIDE_TEXT_W + GUTTER;
export const SIDE_VISUAL_W = SLIDE_W - MARGIN_X - SIDE_VISUAL_X;
/** Text above a wide visual takes at most this share of the body. */
export const TEXT_BAND_SHARE = 0.4;
/** Space between stacked parts (text and table, two tables). */
export const STACK_GAP = 0.2;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const lineHeight = (pt: number): number => (pt * LINE_FACTOR) / 72;

export const TITLE_BOX: Box = { x: MARGIN_X, y: TITLE_Y, w: CONTENT_W - 1.2, h: TITLE_H };
export const FOOTER_BOX: Box = { x: MARGIN_X, y: FOOTER_Y, w: CONTENT_W - 1.4, h: FOOTER_H };
export const NUMBER_BOX: Box = { x: SLIDE_W - MARGIN_X - 1.2, y: FOOTER_Y, w: 1.2, h: FOOTER_H };
export const BODY_BOX: Box = { x: MARGIN_X, y: BODY_TOP, w: CONTENT_W, h: BODY_H };
export const SIDE_TEXT_BOX: Box = { x: MARGIN_X, y: BODY_TOP, w: SIDE_TEXT_W, h: BODY_H };
export const SIDE_VISUAL_BOX: Box = { x: SIDE_VISUAL_X, y: BODY_TOP, w: SIDE_VISUAL_W, h: BODY_H };

/** `text` in lines at most `width` inches wide at `pt` (core/text/measure.ts: linear, words cut when longer than a line). */
export const wrap = (text: string, width: number, pt: number, bold = false) =>
  breakLines(text, (Math.max(width, 0.1) * 72) / pt, bold);

/** Lines of `text` that fit in `maxLines`: the last one shortened with "…" when some are left out. */
export function clampLines(lines: readonly string[], maxLines: number, width: number, pt: number, bold = false) {
  if (lines.length <= maxLines) return [...lines];
  const kept = lines.slice(0, Math.max(1, maxLines));
  let last = kept.pop() ?? '';
  while (last && textWidthIn(`${last}…`, pt, bold) > width) last = last.slice(0, -1);
  kept.push(`${last.trimEnd()}…`);
  return kept;
}

/** A one-line text (a table's or chart's title) as both files draw it: shortened with "…" when it does not fit. */
export const fitLine = (text: string, width: number, pt: number, bold = false): string =>
  clampLines(wrap(text, width, pt, bold).lines, 1, width, pt, bold)[0] ?? '';

/** A slide title: 26 pt on one line, else shrunk to at most two lines (down to 18 pt), else shortened. */
export function titleLayout(title: string): { pt: number; lines: string[] } {
  for (let pt = TITLE_PT; pt >= MIN_TITLE_PT; pt -= 2) {
    const { lines } = wrap(title, TITLE_BOX.w, pt, true);
    const max = pt === TITLE_PT ? 1 : Math.floor(TITLE_H / lineHeight(pt));
    if (lines.length <= Math.min(2, max)) return { pt, lines: [...lines] };
  }
  const { lines } = wrap(title, TITLE_BOX.w, MIN_TITLE_PT, true);
  return { pt: MIN_TITLE_PT, lines: clampLines(lines, 2, TITLE_BOX.w, MIN_TITLE_PT, true) };
}

/** Does `title` fit the title bar without being shortened? */
export const titleFits = (title: string): boolean => {
  const { lines } = wrap(title, TITLE_BOX.w, MIN_TITLE_PT, true);
  return lines.length <= 2;
};

/** A paragraph's lines in a text box `width` wide at `pt`. */
export function layParagraph(p: Paragraph, width: number, pt: number): LaidParagraph {
  const indent = p.bullet;
  const broken = wrap(p.text, width - (indent ? BULLET_INDENT : 0), pt, p.heading);
  return { text: broken.flow, bullet: p.bullet, heading: p.heading, indent, lines: broken.lines };
}

export const laidHeight = (p: Pick<LaidParagraph, 'lines'>, pt: number): number =>
  p.lines.length * lineHeight(pt) + PARAGRAPH_GAP;

export const laidParagraphsHeight = (ps: readonly Pick<LaidParagraph, 'lines'>[], pt: number): number =>
  ps.reduce((h, p) => h + laidHeight(p, pt), 0);

// ——— Tables ———————————————————————————————————————————————————————————————

const cellText = (table: Table, row: Table['rows'][number], i: number): string => {
  const column = table.columns[i];
  return formatCell(row[i] ?? null, column?.format ?? 'text', column?.decimals);
};

export const rowTexts = (table: Table, row: Table['rows'][number]): string[] =>
  table.columns.map((_, i) => cellText(table, row, i));

const cellInner = (width: number) => Math.max(0.2, width - 2 * CELL_PAD);

/** The widest word of `text` (inches at the table size), capped: a longer word is cut anyway. */
const longestWordIn = (text: string, bold: boolean): number =>
  Math.min(1.8, Math.max(0, ...text.split(/\s+/).map((w) => textWidthIn(w.slice(0, 30), TABLE_PT, bold))));

/**
 * Column widths (inches) that sum to `width`: each column gets at least its longest word (so a
 * header such as "Jumlah" never breaks inside a word); the rest goes to the columns whose text
 * would otherwise wrap, in proportion to what they lack.
 */
export function tableColumnWidths(table: Table, width: number): number[] {
  const pad = 2 * CELL_PAD + 0.02;
  const body = table.columns.map((_, i) => table.rows.map((row) => cellText(table, row, i)));
  const least = table.columns.map(
    (c, i) => Math.max(longestWordIn(c.header, true), ...(body[i] ?? []).map((t) => longestWordIn(t, false))) + pad,
  );
  // A cell on one line; a header may wrap between its words.
  const need = table.columns.map((_, i) =>
    Math.max(least[i] ?? 0, Math.max(0, ...(body[i] ?? []).map((t) => textWidthIn(t.slice(0, 200), TABLE_PT))) + pad),
  );
  const minimum = least.reduce((a, b) => a + b, 0);
  if (minimum >= width) return least.map((w) => (w / minimum) * width);
  const needTotal = need.reduce((a, b) => a + b, 0);
  // Everything fits on one line: the spare width is shared in proportion.
  if (needTotal <= width) return need.map((n) => (n / needTotal) * width);
  const extra = need.map((n, i) => n - (least[i] ?? 0));
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return least.map((w, i) => w + ((extra[i] ?? 0) / extraTotal) * (width - minimum));
}

/** The natural width of a table: every cell on one line (capped), headers by their longest word, at least 4,5 in. */
export function tableNaturalWidth(table: Table): number {
  return cached(naturalCache, table, '', () => naturalWidth(table));
}

const naturalCache = new WeakMap<Table, Map<string, number>>();

function naturalWidth(table: Table): number {
  const widths = table.columns.map(
    (c, i) =>
      Math.max(
        // A header may wrap between words ("Perubahan dari / Des-24"): its longest word counts.
        longestWordIn(c.header, true),
        ...table.rows.map((row) => textWidthIn(cellText(table, row, i).slice(0, 120), TABLE_PT)),
      ) +
      2 * CELL_PAD +
      0.02,
  );
  return Math.max(
    4.5,
    widths.reduce((a, b) => a + b, 0),
  );
}

/** The width a table is drawn at in a box: its natural width, at most the box's. */
export const tableWidthIn = (table: Table, box: Box): number => Math.min(box.w, tableNaturalWidth(table));

function layRow(texts: readonly string[], widths: readonly number[], header: boolean, maxH: number): LaidCell[] {
  const maxLines = Math.max(1, Math.floor((maxH - 2 * CELL_PAD) / lineHeight(TABLE_PT)));
  return texts.map((text, i) => {
    const width = cellInner(widths[i] ?? 1);
    const broken = wrap(text, width, TABLE_PT, header);
    const lines = clampLines(broken.lines, maxLines, width, TABLE_PT, header);
    // A cell too long for a whole slide is shortened; the HTML and XLSX carry its full text.
    return {
      text: lines.length < broken.lines.length ? lines.join(' ') : broken.flow,
      lines,
      cut: lines.length < broken.lines.length,
    };
  });
}

const rowHeightOf = (cells: readonly LaidCell[]) =>
  Math.max(1, ...cells.map((c) => c.lines.length)) * lineHeight(TABLE_PT) + 2 * CELL_PAD;

/** Column widths of a whole table drawn in `box`: every part of a continued table uses these. */
export function tableWidths(table: Table, box: Box): number[] {
  const width = tableWidthIn(table, box);
  return cached(widthsCache, table, String(width), () => tableColumnWidths(table, width));
}

/**
 * Layouts are asked for many times while the paginator tries sizes and places; a table's are
 * computed once per width (the report's tables do not change while a deck is built).
 */
const widthsCache = new WeakMap<Table, Map<string, number[]>>();
const layoutCache = new WeakMap<Table, Map<string, LaidTable>>();
function cached<T>(cache: WeakMap<Table, Map<string, T>>, table: Table, key: string, make: () => T): T {
  const byKey = cache.get(table) ?? new Map<string, T>();
  cache.set(table, byKey);
  const found = byKey.get(key);
  if (found !== undefined) return found;
  const value = make();
  byKey.set(key, value);
  return value;
}

/** A cell taller than the body is shortened: the body less the caption and a header row or two. */
const MAX_CELL_H = BODY_H - TABLE_TITLE_H - 0.6;

/** A whole table laid out in `widths`: the cells' lines, the rows' heights. */
export function layTable(table: Table, widths: readonly number[]): LaidTable {
  return cached(layoutCache, table, widths.join(','), () => {
    const header = layRow(
      table.columns.map((c) => c.header),
      widths,
      true,
      BODY_H / 3,
    );
    const rows = table.rows.map((row) => {
      const cells = layRow(rowTexts(table, row), widths, false, MAX_CELL_H);
      return { cells, height: rowHeightOf(cells) };
    });
    return partLayout(widths, { cells: header, height: rowHeightOf(header) }, rows);
  });
}

function partLayout(widths: readonly number[], header: LaidTable['header'], rows: LaidTable['rows']): LaidTable {
  return {
    width: widths.reduce((a, b) => a + b, 0),
    columnWidths: [...widths],
    align: [],
    header,
    rows,
    height: TABLE_TITLE_H + header.height + rows.reduce((h, r) => h + r.height, 0),
  };
}

/** Rows `start`…`start + count` of a table laid out in `widths` (a part of a continued table). */
export function layPart(table: Table, widths: readonly number[], start: number, count: number): LaidTable {
  const whole = layTable(table, widths);
  return {
    ...partLayout(widths, whole.header, whole.rows.slice(start, start + count)),
    align: table.columns.map((c) => (c.format === 'text' ? 'left' : 'right')),
  };
}

/** The height of the rows from `start` on of a table drawn in `box`. */
export const tableHeight = (table: Table, box: Box, start = 0): number =>
  layPart(table, tableWidths(table, box), start, table.rows.length).height;

/** How many rows of `table` from `start` fit in `box`: all when they fit with ≤ 16 rows, else ≤ 12 (at least one). */
export function rowsThatFit(table: Table, start: number, box: Box): number {
  const laid = layPart(table, tableWidths(table, box), start, table.rows.length);
  const remaining = laid.rows.length;
  const room = box.h + 1e-6;
  if (remaining <= MAX_WHOLE_TABLE_ROWS && laid.height <= room) return remaining;
  let used = TABLE_TITLE_H + laid.header.height;
  let count = 0;
  while (count < Math.min(MAX_TABLE_ROWS, remaining) && used + (laid.rows[count]?.height ?? 0) <= room)
    used += laid.rows[count++]?.height ?? 0;
  return Math.max(1, count);
}

/**
 * A table is "narrow" when it reads well beside text or another visual: its cells on one line need
 * at most 15% more than the width (a few cells then wrap between words).
 */
export const narrowTable = (table: Table, width = SIDE_VISUAL_W): boolean => tableNaturalWidth(table) <= width * 1.15;

// ——— Tiles and contact cards ————————————————————————————————————————————————

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

// ——— Fixed pages (cover, Ringkasan tiles, closing), drawn alike by both renderers ————————————

export const COVER = {
  titleY: 2.3,
  titlePt: 40,
  ruleY: 3.6,
  subtitleY: 3.9,
  subtitlePt: 30,
  organisation: 'Direktorat Jenderal Perimbangan Keuangan — Kementerian Keuangan Republik Indonesia',
  organisationY: 5.6,
  organisationPt: 16,
} as const;

export const CLOSING = { titleY: 1.4, titlePt: 48, ruleY: 2.8, textY: 3.1 } as const;

export const TILE = {
  top: BODY_TOP,
  height: 3.7,
  labelPt: 12,
  /** A long value ("belum tersedia") in a smaller size. */
  valuePt: (value: string): number => (value.length > 9 ? 18 : 28),
} as const;
