import { create as openFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import { BAR_LABEL_SHARE, CHART_TITLE_H, chartAreas } from '../../core/deck/charts';
import { changeColor, DJPK_BLUE, DJPK_GOLD, INK, LIGHT, MUTED, WHITE } from '../../core/deck/colors';
import {
  type Box,
  BULLET_INDENT,
  CELL_PAD,
  CHART_LABEL_PT,
  CHART_TITLE_PT,
  CLOSING,
  CONTENT_W,
  COVER,
  clampLines,
  contactBoxes,
  FOOTER_BOX,
  FOOTER_PT,
  lineHeight,
  MARGIN_X,
  NUMBER_BOX,
  PARAGRAPH_GAP,
  SLIDE_H,
  SLIDE_W,
  TABLE_PT,
  TABLE_TITLE_H,
  TABLE_TITLE_PT,
  TILE,
  TITLE_BOX,
  tileBoxes,
  wrap,
} from '../../core/deck/layout';
import type { ChartPlot, Deck, LaidParagraph, LaidTable, Slide } from '../../core/deck/model';
import type { Table } from '../../core/metrics/model';
import { textWidthIn } from '../../core/text/measure';
import { GlyphCover, type MissingGlyph } from './glyphCover';

/**
 * The deck as a PDF: the same slides as 16:9 pages, selectable text in an embedded font that has
 * every character the report uses ("–", "≥", "•"), charts drawn as vectors. Every text is drawn
 * line by line as core laid it out (core/deck): pdfkit never wraps, so it never adds a page and
 * never disagrees with the PPTX about where a line ends. No Node API: the add-on dialog's browser
 * runs this same code.
 */

export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface PdfOptions {
  readonly fonts: PdfFonts;
  /** PNG or JPEG bytes of the logo. */
  readonly logo?: Uint8Array | null;
  /** Uncompressed content streams (tests read the text from them). */
  readonly compress?: boolean;
  /**
   * Told once, before the file is done, of the characters the fonts have no glyph for: each was
   * drawn as its base letter or "?" (glyphCover.ts), never as an empty glyph.
   */
  readonly onMissingGlyphs?: (missing: readonly MissingGlyph[]) => void;
}

const PT = 72;
const R = 'deck-regular';
const B = 'deck-bold';
const hex = (c: string) => `#${c}`;
type Doc = PDFKit.PDFDocument;

/** Each document's glyph cover: every text drawn or measured goes through it. */
const covers = new WeakMap<Doc, GlyphCover>();
const covered = (doc: Doc, text: string) => covers.get(doc)?.text(text) ?? text;

/**
 * No ligatures: "Defis" must stay five searchable letters, not "De" + an "fi" glyph that some
 * viewers copy as another letter. fontkit takes a feature → on/off object (the types know only lists).
 */
const NO_LIGATURES = { liga: false, clig: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

interface TextStyle {
  readonly pt: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
}

/**
 * One line at (x, y) in inches, aligned in `width`: never wrapped by pdfkit (no `width` option,
 * `lineBreak: false`), so it can never run onto a new page.
 */
function line(doc: Doc, written: string, x: number, y: number, width: number, style: TextStyle): void {
  const text = covered(doc, written);
  doc
    .font(style.bold ? B : R)
    .fontSize(style.pt)
    .fillColor(hex(style.color ?? INK));
  const align = style.align ?? 'left';
  const w = align === 'left' ? 0 : doc.widthOfString(text, { features: NO_LIGATURES });
  const left = align === 'left' ? x * PT : align === 'right' ? (x + width) * PT - w : (x + width / 2) * PT - w / 2;
  doc.text(text, left, y * PT, { lineBreak: false, features: NO_LIGATURES });
}

/** Lines one under the other from `y` (inches); returns the y under the last. */
function lines(doc: Doc, texts: readonly string[], x: number, y: number, width: number, style: TextStyle): number {
  const lh = lineHeight(style.pt);
  texts.forEach((t, i) => {
    line(doc, t, x, y + i * lh, width, style);
  });
  return y + texts.length * lh;
}

/** A short text in at most `max` lines of `width` (core's wrap; the last line shortened with "…"). */
function fitted(doc: Doc, text: string, x: number, y: number, width: number, max: number, style: TextStyle): number {
  const laid = clampLines(wrap(text, width, style.pt, style.bold).lines, max, width, style.pt, style.bold);
  return lines(doc, laid, x, y, width, style);
}

function paragraphs(doc: Doc, ps: readonly LaidParagraph[], box: Box, pt: number, color = INK): void {
  let y = box.y;
  for (const p of ps) {
    const indent = p.indent ? BULLET_INDENT : 0;
    if (p.bullet) line(doc, '•', box.x + 0.06, y, 0.3, { pt, color });
    const style = { pt, bold: p.heading, color: p.heading && color === INK ? DJPK_BLUE : color };
    y = lines(doc, p.lines, box.x + indent, y, box.w - indent, style) + PARAGRAPH_GAP;
  }
}

function frame(doc: Doc, deck: Deck, slide: Slide, logo: Logo | null, onBlue = false): void {
  if (!onBlue) {
    const { pt, lines: titleLines } = slide.titleLayout;
    const top = TITLE_BOX.y + (TITLE_BOX.h - titleLines.length * lineHeight(pt)) / 2;
    lines(doc, titleLines, TITLE_BOX.x, top, TITLE_BOX.w, { pt, bold: true, color: DJPK_BLUE });
    doc.rect(MARGIN_X * PT, (TITLE_BOX.y + TITLE_BOX.h + 0.02) * PT, 1.6 * PT, 0.07 * PT).fill(hex(DJPK_GOLD));
    if (logo) doc.image(logo, (SLIDE_W - MARGIN_X - 1.0) * PT, 0.3 * PT, { fit: [1.0 * PT, 0.8 * PT] });
  }
  doc.rect(0, (SLIDE_H - 0.08) * PT, SLIDE_W * PT, 0.08 * PT).fill(hex(onBlue ? DJPK_GOLD : DJPK_BLUE));
  const color = onBlue ? WHITE : MUTED;
  const y = FOOTER_BOX.y + (FOOTER_BOX.h - lineHeight(FOOTER_PT)) / 2;
  fitted(doc, deck.footer, FOOTER_BOX.x, y, FOOTER_BOX.w, 1, { pt: FOOTER_PT, color });
  line(doc, String(slide.number), NUMBER_BOX.x, y, NUMBER_BOX.w, { pt: FOOTER_PT, color, align: 'right' });
}

// ——— Charts ——————————————————————————————————————————————————————————————————

const LABEL = { pt: CHART_LABEL_PT };
const lh = lineHeight(CHART_LABEL_PT);

function swatch(doc: Doc, x: number, y: number, color: string): void {
  doc.rect(x * PT, (y + 0.04) * PT, 0.12 * PT, 0.12 * PT).fill(hex(color));
}

/** A legend under the chart, entries in rows that wrap; returns its height. */
function legendHeight(doc: Doc, plot: ChartPlot, width: number): number {
  return legendRows(doc, plot, width).length * (lh + 0.04);
}

function legendRows(doc: Doc, plot: ChartPlot, width: number): { label: string; color: string; w: number }[][] {
  doc.font(R).fontSize(CHART_LABEL_PT);
  const rows: { label: string; color: string; w: number }[][] = [[]];
  let used = 0;
  for (const item of plot.legend) {
    const w = Math.min(width, doc.widthOfString(covered(doc, item.label), { features: NO_LIGATURES }) / PT + 0.4);
    if (used + w > width && (rows[rows.length - 1]?.length ?? 0) > 0) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]?.push({ ...item, w });
    used += w;
  }
  return plot.legend.length ? rows : [];
}

function legendBelow(doc: Doc, plot: ChartPlot, box: Box, y: number): void {
  legendRows(doc, plot, box.w).forEach((row, r) => {
    const total = row.reduce((a, i) => a + i.w, 0);
    let x = box.x + (box.w - total) / 2;
    for (const item of row) {
      swatch(doc, x, y + r * (lh + 0.04), item.color);
      fitted(doc, item.label, x + 0.18, y + r * (lh + 0.04), item.w - 0.22, 1, LABEL);
      x += item.w;
    }
  });
}

/** Value axis ticks and grid lines between `base` (min) and `top` (max), labels right-aligned left of `x`. */
function axis(doc: Doc, plot: ChartPlot, x: number, right: number, base: number, top: number, labelW: number): void {
  const { min, max, step, ticks } = plot.axis;
  ticks.forEach((tick, i) => {
    const v = min + i * step;
    const y = base - ((v - min) / (max - min || 1)) * (base - top);
    doc
      .moveTo(x * PT, y * PT)
      .lineTo(right * PT, y * PT)
      .lineWidth(0.5)
      .stroke(hex('DDE3EA'));
    line(doc, tick, x - labelW - 0.05, y - lh / 2, labelW, { ...LABEL, color: MUTED, align: 'right' });
  });
}

function columns(doc: Doc, plot: ChartPlot, area: Box): void {
  const labelW = plot.axis.visible ? 0.85 : 0;
  const x0 = area.x + labelW;
  const w = area.w - labelW;
  const legendH = legendHeight(doc, plot, area.w);
  const groupW = w / Math.max(1, plot.categories.length);
  const categoryLines = plot.categories.map((c) =>
    clampLines(wrap(c, groupW - 0.05, CHART_LABEL_PT).lines, 2, groupW - 0.05, CHART_LABEL_PT),
  );
  const catH = Math.max(1, ...categoryLines.map((l) => l.length)) * lh + 0.08;
  const base = area.y + area.h - legendH - catH;
  const top = area.y + CHART_TITLE_H + lh + 0.05;
  const { min, max } = plot.axis;
  const scale = (v: number) => ((Math.max(min, v) - min) / (max - min || 1)) * (base - top);
  if (plot.axis.visible) axis(doc, plot, x0, area.x + area.w, base, top, labelW);
  const n = Math.max(1, plot.series.length);
  const barW = Math.min(1.2, (groupW * 0.7) / n);
  plot.categories.forEach((_, g) => {
    const left = x0 + g * groupW + (groupW - barW * n) / 2;
    plot.series.forEach((s, si) => {
      const v = s.values[g];
      if (v === null || v === undefined) return;
      const h = scale(v);
      doc
        .rect((left + si * barW + 0.02) * PT, (base - h) * PT, (barW - 0.04) * PT, h * PT)
        .fill(hex(s.colors[g] ?? DJPK_BLUE));
      const label = s.labels[g];
      if (label)
        line(doc, label, left + si * barW - 0.3, base - h - lh - 0.02, barW + 0.6, { ...LABEL, align: 'center' });
    });
    lines(doc, categoryLines[g] ?? [], x0 + g * groupW, base + 0.06, groupW, { ...LABEL, align: 'center' });
  });
  doc
    .moveTo(x0 * PT, base * PT)
    .lineTo((area.x + area.w) * PT, base * PT)
    .lineWidth(1)
    .stroke(hex('9AA5B1'));
  legendBelow(doc, plot, area, area.y + area.h - legendH);
}

function bars(doc: Doc, plot: ChartPlot, area: Box): void {
  doc.font(R).fontSize(CHART_LABEL_PT);
  const legendH = legendHeight(doc, plot, area.w);
  const labelW = Math.min(
    area.w * BAR_LABEL_SHARE,
    Math.max(...plot.categories.map((c) => textWidthIn(c, CHART_LABEL_PT))) + 0.15,
  );
  const top = area.y + CHART_TITLE_H + 0.05;
  const bottom = area.y + area.h - legendH;
  const n = Math.max(1, plot.series.length);
  const rowH = (bottom - top) / Math.max(1, plot.categories.length * n);
  const x0 = area.x + labelW;
  const w = area.w - labelW - 0.1;
  const { min, max } = plot.axis;
  plot.categories.forEach((c, g) => {
    const y = top + g * n * rowH;
    fitted(doc, c, area.x, y + (n * rowH - lh) / 2, labelW - 0.1, 1, { ...LABEL, align: 'right' });
    plot.series.forEach((s, si) => {
      const v = s.values[g];
      if (v === null || v === undefined) return;
      const len = ((Math.max(min, v) - min) / (max - min || 1)) * w;
      const by = y + si * rowH;
      doc.rect(x0 * PT, (by + rowH * 0.12) * PT, len * PT, rowH * 0.76 * PT).fill(hex(s.colors[g] ?? DJPK_BLUE));
      const label = s.labels[g];
      if (label) line(doc, label, x0 + len + 0.05, by + (rowH - lh) / 2, 1, LABEL);
    });
  });
  doc
    .moveTo(x0 * PT, top * PT)
    .lineTo(x0 * PT, bottom * PT)
    .lineWidth(1)
    .stroke(hex('9AA5B1'));
  legendBelow(doc, plot, area, bottom);
}

function donut(doc: Doc, plot: ChartPlot, area: Box): void {
  const series = plot.series[0];
  if (!series) return;
  const values = series.values.map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const legendW = Math.min(area.w * 0.45, 3.4);
  const top = area.y + CHART_TITLE_H;
  const r = Math.max(0.4, Math.min((area.w - legendW) / 2 - 0.15, (area.y + area.h - top) / 2 - 0.05));
  const cx = area.x + 0.1 + r;
  const cy = top + (area.y + area.h - top) / 2;
  const inner = r * 0.55;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (!total || v <= 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const end = angle + Math.min(sweep, Math.PI * 2 - 1e-4);
    const large = sweep > Math.PI ? 1 : 0;
    const p = (rad: number, a: number) =>
      `${((cx + rad * Math.cos(a)) * PT).toFixed(2)} ${((cy + rad * Math.sin(a)) * PT).toFixed(2)}`;
    doc
      .path(
        `M ${p(r, angle)} A ${r * PT} ${r * PT} 0 ${large} 1 ${p(r, end)} L ${p(inner, end)} A ${inner * PT} ${inner * PT} 0 ${large} 0 ${p(inner, angle)} Z`,
      )
      .fill(hex(series.colors[i] ?? DJPK_BLUE));
    const label = series.labels[i];
    if (label) {
      const mid = angle + sweep / 2;
      const mx = cx + ((r + inner) / 2) * Math.cos(mid);
      const my = cy + ((r + inner) / 2) * Math.sin(mid);
      line(doc, label, mx - 0.4, my - lh / 2, 0.8, { ...LABEL, bold: true, color: WHITE, align: 'center' });
    }
    angle += sweep;
  });
  if (plot.centre)
    line(doc, plot.centre, cx - inner, cy - lineHeight(20) / 2, inner * 2, {
      pt: 20,
      bold: true,
      color: DJPK_BLUE,
      align: 'center',
    });
  let y = top + 0.1;
  const lx = area.x + area.w - legendW;
  for (const item of plot.legend) {
    swatch(doc, lx, y, item.color);
    y = fitted(doc, item.label, lx + 0.2, y, legendW - 0.2, 2, LABEL) + 0.05;
  }
}

function lineChart(doc: Doc, plot: ChartPlot, area: Box): void {
  const labelW = 0.85;
  const legendH = legendHeight(doc, plot, area.w);
  const left = area.x + labelW;
  const right = area.x + area.w - 0.3;
  const top = area.y + CHART_TITLE_H + 0.15;
  const base = area.y + area.h - legendH - lh - 0.1;
  axis(doc, plot, left, right, base, top, labelW);
  const n = plot.categories.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (right - left)) / (n - 1));
  const { min, max } = plot.axis;
  const y = (v: number) => base - ((v - min) / (max - min || 1)) * (base - top);
  plot.series.forEach((s, si) => {
    const color = hex(s.colors[0] ?? DJPK_BLUE);
    let pen = false;
    s.values.forEach((v, i) => {
      // A month without data breaks the line: a gap, never a 0.
      if (v === null) {
        pen = false;
        return;
      }
      if (pen) doc.lineTo(x(i) * PT, y(v) * PT);
      else doc.moveTo(x(i) * PT, y(v) * PT);
      pen = true;
    });
    doc.lineWidth(si === 0 ? 3 : 1.5).stroke(color);
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(x(i) * PT, y(v) * PT, 3).fill(color);
    });
  });
  const step = (right - left) / Math.max(1, n - 1);
  // Month names never overlap: every k-th when they would, always the report month (the last).
  const k = Math.max(1, Math.ceil(0.75 / Math.max(step, 0.01)));
  plot.categories.forEach((c, i) => {
    if ((n - 1 - i) % k === 0) line(doc, c, x(i) - 0.5, base + 0.06, 1, { ...LABEL, color: MUTED, align: 'center' });
  });
  legendBelow(doc, plot, area, area.y + area.h - legendH);
}

function chart(doc: Doc, plot: ChartPlot, box: Box): void {
  const { chart: area, note } = chartAreas(plot, box);
  fitted(doc, plot.title, area.x, area.y + 0.02, area.w, 1, { pt: CHART_TITLE_PT, bold: true, align: 'center' });
  if (plot.kind === 'donut') donut(doc, plot, area);
  else if (plot.kind === 'line') lineChart(doc, plot, area);
  else if (plot.kind === 'bar') bars(doc, plot, area);
  else columns(doc, plot, area);
  if (note) lines(doc, note.lines, note.box.x, note.box.y, note.box.w, { ...LABEL, color: MUTED, align: 'center' });
}

// ——— Tables ——————————————————————————————————————————————————————————————————

function table(doc: Doc, t: Table, layout: LaidTable, box: Box): void {
  fitted(doc, t.title, box.x, box.y + (TABLE_TITLE_H - lineHeight(TABLE_TITLE_PT)) / 2, box.w, 1, {
    pt: TABLE_TITLE_PT,
    bold: true,
    color: DJPK_BLUE,
  });
  let y = box.y + TABLE_TITLE_H;
  const rows = [layout.header, ...layout.rows];
  rows.forEach((row, r) => {
    doc
      .rect(box.x * PT, y * PT, layout.width * PT, row.height * PT)
      .fill(hex(r === 0 ? DJPK_BLUE : r % 2 ? WHITE : LIGHT));
    let x = box.x;
    row.cells.forEach((cell, i) => {
      const w = layout.columnWidths[i] ?? 1;
      lines(doc, cell.lines, x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD, {
        pt: TABLE_PT,
        bold: r === 0,
        color: r === 0 ? WHITE : INK,
        align: layout.align[i] ?? 'left',
      });
      x += w;
    });
    doc
      .moveTo(box.x * PT, (y + row.height) * PT)
      .lineTo((box.x + layout.width) * PT, (y + row.height) * PT)
      .lineWidth(0.5)
      .stroke(hex('DDE3EA'));
    y += row.height;
  });
}

// ——— Fixed pages ———————————————————————————————————————————————————————————————

function bluePage(doc: Doc): void {
  doc.rect(0, 0, SLIDE_W * PT, SLIDE_H * PT).fill(hex(DJPK_BLUE));
}

function cover(doc: Doc, deck: Deck, s: Slide, logo: Logo | null): void {
  bluePage(doc);
  if (logo) doc.image(logo, MARGIN_X * PT, 0.5 * PT, { fit: [1.6 * PT, 1.3 * PT] });
  fitted(doc, s.title, MARGIN_X, COVER.titleY, CONTENT_W, 2, { pt: COVER.titlePt, bold: true, color: WHITE });
  doc.rect(MARGIN_X * PT, COVER.ruleY * PT, 2.4 * PT, 0.1 * PT).fill(hex(DJPK_GOLD));
  fitted(doc, s.subtitle ?? deck.monthLabel, MARGIN_X, COVER.subtitleY, CONTENT_W, 1, {
    pt: COVER.subtitlePt,
    bold: true,
    color: DJPK_GOLD,
  });
  fitted(doc, COVER.organisation, MARGIN_X, COVER.organisationY, CONTENT_W, 2, {
    pt: COVER.organisationPt,
    color: WHITE,
  });
}

function ringkasan(doc: Doc, s: Slide): void {
  const boxes = tileBoxes(s.tiles.length, TILE.top, TILE.height);
  s.tiles.forEach((tile, i) => {
    const b = boxes[i] as Box;
    doc.rect(b.x * PT, b.y * PT, b.w * PT, b.h * PT).fill(hex(LIGHT));
    doc.rect(b.x * PT, b.y * PT, 0.08 * PT, b.h * PT).fill(hex(DJPK_GOLD));
    const w = b.w - 0.3;
    const x = b.x + 0.2;
    fitted(doc, tile.value, x, b.y + 0.1, w, 1, { pt: TILE.valuePt(tile.value), bold: true, color: DJPK_BLUE });
    fitted(doc, tile.label, x, b.y + 0.68, w, 2, { pt: TILE.labelPt });
    if (tile.change)
      fitted(doc, tile.change, x, b.y + 1.13, w, 2, { pt: TILE.labelPt, color: changeColor(tile.direction) });
  });
  if (s.textBox) paragraphs(doc, s.paragraphs, s.textBox, s.textPt);
}

function contacts(doc: Doc, s: Slide): void {
  const boxes = contactBoxes(s.contacts.length);
  s.contacts.forEach((c, i) => {
    const b = boxes[i] as Box;
    doc.rect(b.x * PT, b.y * PT, b.w * PT, b.h * PT).fill(hex(LIGHT));
    doc.rect(b.x * PT, b.y * PT, 0.08 * PT, b.h * PT).fill(hex(DJPK_BLUE));
    const top = b.y + (b.h - lineHeight(13) - lineHeight(16)) / 2;
    fitted(doc, c.label, b.x + 0.2, top, b.w - 0.3, 1, { pt: 13, bold: true, color: DJPK_BLUE });
    fitted(doc, c.value, b.x + 0.2, top + lineHeight(13), b.w - 0.3, 1, { pt: 16 });
  });
}

function closing(doc: Doc, s: Slide): void {
  bluePage(doc);
  fitted(doc, s.title, MARGIN_X, CLOSING.titleY, CONTENT_W, 1, { pt: CLOSING.titlePt, bold: true, color: WHITE });
  doc.rect(MARGIN_X * PT, CLOSING.ruleY * PT, 2.4 * PT, 0.1 * PT).fill(hex(DJPK_GOLD));
  let y = fitted(doc, s.subtitle ?? '', MARGIN_X, CLOSING.textY, CONTENT_W, 1, {
    pt: 20,
    bold: true,
    color: DJPK_GOLD,
  });
  for (const c of s.contacts)
    y = fitted(doc, `${c.label}: ${c.value}`, MARGIN_X, y + 0.06, CONTENT_W, 2, { pt: 16, color: WHITE });
}

/** The logo opened once by pdfkit: drawn again it is embedded once, where bytes would be embedded per page. */
type Logo = PDFKit.Mixins.ImageSrc;

function openLogo(doc: Doc, bytes: Uint8Array): Logo {
  // openImage is pdfkit's own (image() calls it) but missing from its types; an ArrayBuffer copy needs no Buffer.
  const opener = doc as unknown as { openImage(src: ArrayBuffer): Logo };
  return opener.openImage(bytes.slice().buffer as ArrayBuffer);
}

/** The chunks as one array: plain Uint8Array work, since the dialog's browser has no Buffer. */
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function renderPdf(deck: Deck, options: PdfOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [SLIDE_W * PT, SLIDE_H * PT],
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: deck.footer, Author: 'Contact Center DJPK', Subject: deck.footer },
    lang: 'id-ID',
    displayTitle: true,
    // No default Helvetica: the browser build has no standard-font data, and every text names its font.
    font: '',
  });
  doc.registerFont(R, options.fonts.regular);
  doc.registerFont(B, options.fonts.bold);
  const faces = [openFont(options.fonts.regular), openFont(options.fonts.bold)];
  const glyphs = new GlyphCover((cp) => faces.every((f) => f.hasGlyphForCodePoint(cp)));
  covers.set(doc, glyphs);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(concatBytes(chunks)));
    doc.on('error', reject);
  });
  // One page per planned slide: a page pdfkit added by itself would be a page without title,
  // footer or number, so it is an error here rather than a surprise in the director's PDF.
  let pages = 0;
  doc.on('pageAdded', () => {
    pages++;
  });
  const logo = options.logo ? openLogo(doc, options.logo) : null;
  for (const [index, s] of deck.slides.entries()) {
    doc.addPage();
    glyphs.slide = s.number;
    if (pages !== index + 1) throw new Error(`PDF: halaman ${pages} tidak direncanakan (slide ${s.number})`);
    if (s.kind === 'cover') cover(doc, deck, s, logo);
    else if (s.kind === 'closing') {
      closing(doc, s);
      frame(doc, deck, s, null, true);
    } else {
      frame(doc, deck, s, logo);
      if (s.kind === 'ringkasan') ringkasan(doc, s);
      else if (s.kind === 'contacts') contacts(doc, s);
      else {
        if (s.textBox) paragraphs(doc, s.paragraphs, s.textBox, s.textPt);
        for (const v of s.visuals) {
          if (v.kind === 'chart') chart(doc, v.plot, v.box);
          else table(doc, v.table, v.layout, v.box);
        }
      }
    }
  }
  if (pages !== deck.slides.length) throw new Error(`PDF: ${pages} halaman untuk ${deck.slides.length} slide`);
  const missing = glyphs.replaced();
  if (missing.length) options.onMissingGlyphs?.(missing);
  doc.end();
  return done;
}
