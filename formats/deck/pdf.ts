import PDFDocument from 'pdfkit';
import { chartColors, DJPK_BLUE, DJPK_GOLD, INK, LIGHT, MUTED, WHITE } from '../../core/deck/colors';
import {
  BODY_H,
  BODY_PT,
  BODY_TOP,
  type Box,
  CELL_PAD,
  CHART_LABEL_PT,
  CONTENT_W,
  contactBoxes,
  FOOTER_PT,
  LINE_FACTOR,
  MARGIN_X,
  PARAGRAPH_GAP,
  rowTexts,
  SLIDE_H,
  SLIDE_W,
  slideBoxes,
  TABLE_PT,
  TABLE_TITLE_H,
  TITLE_PT,
  tableColumnWidths,
  tableRowHeight,
  tableWidthIn,
  tileBoxes,
} from '../../core/deck/layout';
import type { Deck, Paragraph, Slide } from '../../core/deck/model';
import { formatNumber } from '../../core/format/idNumber';
import type { Chart, Table } from '../../core/metrics/model';

/**
 * The deck as a PDF: the same slides as 16:9 pages, selectable text in an embedded font that has
 * every character the report uses ("–", "≥", "•"), charts drawn as vectors. No browser, no office suite,
 * no Node API: the add-on dialog's browser runs this same code.
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
}

const PT = 72;
const R = 'deck-regular';
const B = 'deck-bold';
const hex = (c: string) => `#${c}`;
type Doc = PDFKit.PDFDocument;

/**
 * No ligatures: "Defis" must stay five searchable letters, not "De" + an "fi" glyph that some
 * viewers copy as another letter. fontkit takes a feature → on/off object (the types know only lists).
 */
const NO_LIGATURES = { liga: false, clig: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

/** Every text call of `doc` without ligatures (all calls here pass x and y). */
function withoutLigatures(doc: Doc): void {
  const text = doc.text.bind(doc) as (t: string, x: number, y: number, o?: PDFKit.Mixins.TextOptions) => Doc;
  const height = doc.heightOfString.bind(doc);
  const width = doc.widthOfString.bind(doc);
  Object.assign(doc, {
    text: (t: string, x: number, y: number, o?: PDFKit.Mixins.TextOptions) =>
      text(t, x, y, { features: NO_LIGATURES, ...o }),
    heightOfString: (t: string, o?: PDFKit.Mixins.TextOptions) => height(t, { features: NO_LIGATURES, ...o }),
    widthOfString: (t: string, o?: PDFKit.Mixins.TextOptions) => width(t, { features: NO_LIGATURES, ...o }),
  });
}

const short = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1);

function paragraphs(doc: Doc, ps: readonly Paragraph[], box: Box, pt = BODY_PT, color = INK): void {
  let y = box.y * PT;
  for (const p of ps) {
    const indent = p.bullet ? 0.3 * PT : 0;
    doc
      .font(p.heading ? B : R)
      .fontSize(pt)
      .fillColor(hex(p.heading ? (color === INK ? DJPK_BLUE : color) : color));
    if (p.bullet) doc.text('•', box.x * PT + 4, y, { lineBreak: false });
    const options = { width: box.w * PT - indent, lineGap: pt * (LINE_FACTOR - 1.16) };
    doc.text(p.text, box.x * PT + indent, y, options);
    // The drawn height (the paginator's estimate is an upper bound of it).
    y += doc.heightOfString(p.text, options) + PARAGRAPH_GAP * PT;
  }
}

function frame(doc: Doc, deck: Deck, slide: Slide, logo: Logo | null, onBlue = false): void {
  const boxes = slideBoxes(slide);
  if (!onBlue) {
    doc
      .font(B)
      .fontSize(TITLE_PT)
      .fillColor(hex(DJPK_BLUE))
      .text(slide.title, boxes.title.x * PT, (boxes.title.y + 0.15) * PT, {
        width: boxes.title.w * PT,
        height: boxes.title.h * PT,
        ellipsis: true,
        lineBreak: false,
      });
    doc.rect(MARGIN_X * PT, (boxes.title.y + boxes.title.h + 0.02) * PT, 1.6 * PT, 0.07 * PT).fill(hex(DJPK_GOLD));
    if (logo) doc.image(logo, (SLIDE_W - MARGIN_X - 1.0) * PT, 0.3 * PT, { fit: [1.0 * PT, 0.8 * PT] });
  }
  doc.rect(0, (SLIDE_H - 0.08) * PT, SLIDE_W * PT, 0.08 * PT).fill(hex(onBlue ? DJPK_GOLD : DJPK_BLUE));
  const color = hex(onBlue ? WHITE : MUTED);
  doc
    .font(R)
    .fontSize(FOOTER_PT)
    .fillColor(color)
    .text(deck.footer, boxes.footer.x * PT, (boxes.footer.y + 0.08) * PT, {
      width: boxes.footer.w * PT,
      lineBreak: false,
    });
  doc.text(String(slide.number), boxes.number.x * PT, (boxes.number.y + 0.08) * PT, {
    width: boxes.number.w * PT,
    align: 'right',
    lineBreak: false,
  });
}

/** Centered label that wraps inside `width` (category names under bars). */
function label(doc: Doc, text: string, cx: number, y: number, width: number, color = INK, font = R): void {
  doc
    .font(font)
    .fontSize(CHART_LABEL_PT)
    .fillColor(hex(color))
    .text(text, cx - width / 2, y, { width, align: 'center' });
}

function legend(doc: Doc, items: readonly { name: string; color: string }[], x: number, y: number, w: number): void {
  doc.font(R).fontSize(CHART_LABEL_PT);
  const widths = items.map((i) => doc.widthOfString(i.name) + 26);
  const total = widths.reduce((a, b) => a + b, 0);
  let cx = x + Math.max(0, (w - total) / 2);
  items.forEach((item, i) => {
    doc.rect(cx, y + 2, 10, 10).fill(hex(item.color));
    doc.fillColor(hex(INK)).text(item.name, cx + 14, y, { lineBreak: false });
    cx += widths[i] ?? 0;
  });
}

function barChart(doc: Doc, chart: Chart, box: Box, monthShort: string): void {
  const { perPoint, colors } = chartColors(chart, monthShort);
  const x0 = box.x * PT;
  const w = box.w * PT;
  const top = box.y * PT + 30;
  const legendH = !perPoint && chart.series.length > 1 ? 24 : 0;
  const rotate = chart.categories.length > 8;
  const labelH = rotate ? 70 : 3 * CHART_LABEL_PT * 1.2;
  const base = (box.y + box.h) * PT - labelH - legendH;
  const plotTop = top + 22;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...values);
  const groupW = w / Math.max(1, chart.categories.length);
  const barW = Math.min(90, (groupW * 0.75) / Math.max(1, chart.series.length));
  doc
    .moveTo(x0, base)
    .lineTo(x0 + w, base)
    .lineWidth(1)
    .stroke(hex('9AA5B1'));
  chart.categories.forEach((category, g) => {
    const left = x0 + g * groupW + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const v = series.values[g] ?? null;
      const cx = left + s * barW + barW / 2;
      if (v === null) {
        label(doc, '–', cx, base - 16, barW + 20, MUTED);
        return;
      }
      const h = ((base - plotTop) * v) / max;
      doc.rect(left + s * barW + 2, base - h, barW - 4, h).fill(hex((perPoint ? colors[g] : colors[s]) ?? DJPK_BLUE));
      label(doc, short(v), cx, base - h - 16, barW + 30);
    });
    const cx = x0 + g * groupW + groupW / 2;
    if (rotate) {
      // Many categories: slanted names, as office suites draw them, never broken inside a word.
      doc.save().rotate(-45, { origin: [cx, base + 6] });
      doc
        .font(R)
        .fontSize(CHART_LABEL_PT)
        .fillColor(hex(INK))
        .text(category, cx - labelH * 1.3, base + 2, { width: labelH * 1.3, align: 'right', lineBreak: false });
      doc.restore();
    } else label(doc, category, cx, base + 4, groupW - 4);
  });
  if (legendH)
    legend(
      doc,
      chart.series.map((s, i) => ({ name: s.name, color: colors[i] ?? DJPK_BLUE })),
      x0,
      base + labelH,
      w,
    );
}

function donutChart(doc: Doc, chart: Chart, box: Box, monthShort: string): void {
  const { colors } = chartColors(chart, monthShort);
  const values = (chart.series[0]?.values ?? []).map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const legendW = Math.min(box.w * PT * 0.42, 230);
  const r = Math.min((box.w * PT - legendW) / 2 - 10, (box.h * PT - 40) / 2);
  const cx = box.x * PT + r + 10;
  const cy = box.y * PT + 34 + r;
  const inner = r * 0.55;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (!total || v <= 0) return;
    const sweep = (v / total) * Math.PI * 2;
    const end = angle + Math.min(sweep, Math.PI * 2 - 1e-4);
    const large = sweep > Math.PI ? 1 : 0;
    const p = (rad: number, a: number) =>
      `${(cx + rad * Math.cos(a)).toFixed(2)} ${(cy + rad * Math.sin(a)).toFixed(2)}`;
    doc
      .path(
        `M ${p(r, angle)} A ${r} ${r} 0 ${large} 1 ${p(r, end)} L ${p(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${p(inner, angle)} Z`,
      )
      .fill(hex(colors[i] ?? DJPK_BLUE));
    if (v / total >= 0.04) {
      const mid = angle + sweep / 2;
      const pct = (v / total) * 100;
      label(
        doc,
        `${formatNumber(pct, 0)}%`,
        cx + ((r + inner) / 2) * Math.cos(mid),
        cy + ((r + inner) / 2) * Math.sin(mid) - 7,
        50,
        WHITE,
        B,
      );
    }
    angle += sweep;
  });
  doc
    .font(B)
    .fontSize(22)
    .fillColor(hex(DJPK_BLUE))
    .text(short(total), cx - inner, cy - 13, { width: inner * 2, align: 'center' });
  let ly = box.y * PT + 44;
  const lx = cx + r + 24;
  chart.categories.forEach((category, i) => {
    const v = values[i] ?? 0;
    const pct = total ? (v / total) * 100 : 0;
    doc.rect(lx, ly + 2, 10, 10).fill(hex(colors[i] ?? DJPK_BLUE));
    const text = `${category}: ${short(v)} (${formatNumber(pct, pct > 0 && pct < 1 ? 1 : 0)}%)`;
    doc
      .font(R)
      .fontSize(CHART_LABEL_PT)
      .fillColor(hex(INK))
      .text(text, lx + 16, ly, { width: legendW - 16 });
    ly += doc.heightOfString(text, { width: legendW - 16 }) + 6;
  });
}

function lineChart(doc: Doc, chart: Chart, box: Box, monthShort: string): void {
  const { colors } = chartColors(chart, monthShort);
  const left = box.x * PT + 50;
  const right = (box.x + box.w) * PT - 10;
  const top = box.y * PT + 40;
  const legendRows = Math.ceil(chart.series.length / 6);
  const base = (box.y + box.h) * PT - 26 - legendRows * 20;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const n = chart.categories.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (right - left)) / (n - 1));
  const y = (v: number) => top + (base - top) * (1 - v / max);
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    doc
      .moveTo(left, y(max * f))
      .lineTo(right, y(max * f))
      .lineWidth(0.5)
      .stroke(hex('DDE3EA'));
    doc
      .font(R)
      .fontSize(CHART_LABEL_PT)
      .fillColor(hex(MUTED))
      .text(short(Math.round(max * f)), left - 50, y(max * f) - 7, { width: 44, align: 'right' });
  }
  chart.series.forEach((s, si) => {
    const color = hex(colors[si] ?? DJPK_BLUE);
    let pen = false;
    s.values.forEach((v, i) => {
      // A month without data breaks the line: a gap, never a 0.
      if (v === null) {
        pen = false;
        return;
      }
      if (pen) doc.lineTo(x(i), y(v));
      else doc.moveTo(x(i), y(v));
      pen = true;
    });
    doc.lineWidth(si === 0 ? 3 : 1.5).stroke(color);
    s.values.forEach((v, i) => {
      if (v !== null) doc.circle(x(i), y(v), 3).fill(color);
    });
  });
  const step = (right - left) / Math.max(1, n - 1);
  chart.categories.forEach((c, i) => {
    label(doc, c, x(i), base + 6, Math.max(40, step), MUTED);
  });
  for (let row = 0; row < legendRows; row++) {
    const items = chart.series
      .slice(row * 6, row * 6 + 6)
      .map((s, i) => ({ name: s.name, color: colors[row * 6 + i] ?? DJPK_BLUE }));
    legend(doc, items, box.x * PT, base + 26 + row * 20, box.w * PT);
  }
}

function chart(doc: Doc, c: Chart, box: Box, monthShort: string): void {
  doc
    .font(B)
    .fontSize(14)
    .fillColor(hex(INK))
    .text(c.title, box.x * PT, box.y * PT + 4, { width: box.w * PT, align: 'center' });
  if (c.kind === 'donut') donutChart(doc, c, box, monthShort);
  else if (c.kind === 'line') lineChart(doc, c, box, monthShort);
  else barChart(doc, c, box, monthShort);
}

function table(doc: Doc, t: Table, box: Box): void {
  doc
    .font(B)
    .fontSize(14)
    .fillColor(hex(DJPK_BLUE))
    .text(t.title, box.x * PT, (box.y + 0.1) * PT, { width: box.w * PT, lineBreak: false, ellipsis: true });
  const width = tableWidthIn(t, box);
  const widths = tableColumnWidths(t, width);
  const rows = [t.columns.map((c) => c.header), ...t.rows.map((r) => rowTexts(t, r))];
  let y = box.y + TABLE_TITLE_H;
  rows.forEach((cells, r) => {
    const h = tableRowHeight(cells, widths);
    doc.rect(box.x * PT, y * PT, width * PT, h * PT).fill(hex(r === 0 ? DJPK_BLUE : r % 2 ? WHITE : LIGHT));
    let x = box.x;
    cells.forEach((text, i) => {
      const w = widths[i] ?? 1;
      const numeric = (t.columns[i]?.format ?? 'text') !== 'text';
      doc
        .font(r === 0 ? B : R)
        .fontSize(TABLE_PT)
        .fillColor(hex(r === 0 ? WHITE : INK))
        .text(text, (x + CELL_PAD) * PT, (y + CELL_PAD) * PT + 1, {
          width: (w - 2 * CELL_PAD) * PT,
          align: numeric ? 'right' : 'left',
          lineGap: TABLE_PT * (LINE_FACTOR - 1.16),
        });
      x += w;
    });
    doc
      .moveTo(box.x * PT, (y + h) * PT)
      .lineTo((box.x + width) * PT, (y + h) * PT)
      .lineWidth(0.5)
      .stroke(hex('DDE3EA'));
    y += h;
  });
}

/** A blue page with a big white title over a gold bar, and a gold line under it: cover and closing. */
function bluePage(doc: Doc, title: string, titlePt: number, top: number, subtitle: string, subtitlePt: number): void {
  doc.rect(0, 0, SLIDE_W * PT, SLIDE_H * PT).fill(hex(DJPK_BLUE));
  doc
    .font(B)
    .fontSize(titlePt)
    .fillColor(hex(WHITE))
    .text(title, MARGIN_X * PT, top * PT, { width: CONTENT_W * PT });
  const bar = top + (titlePt * 1.3) / PT + 0.2;
  doc.rect(MARGIN_X * PT, bar * PT, 2.4 * PT, 0.1 * PT).fill(hex(DJPK_GOLD));
  doc
    .font(B)
    .fontSize(subtitlePt)
    .fillColor(hex(DJPK_GOLD))
    .text(subtitle, MARGIN_X * PT, (bar + 0.3) * PT, { width: CONTENT_W * PT });
}

function cover(doc: Doc, deck: Deck, s: Slide, logo: Logo | null): void {
  bluePage(doc, s.title, 40, 2.45, s.subtitle ?? deck.monthLabel, 30);
  if (logo) doc.image(logo, MARGIN_X * PT, 0.5 * PT, { fit: [1.6 * PT, 1.3 * PT] });
  paragraphs(doc, s.paragraphs, { x: MARGIN_X, y: 5.6, w: CONTENT_W, h: 1 }, 16, WHITE);
}

function ringkasan(doc: Doc, s: Slide): void {
  const boxes = tileBoxes(s.tiles.length, BODY_TOP, 3.7);
  s.tiles.forEach((tile, i) => {
    const b = boxes[i] as Box;
    doc.rect(b.x * PT, b.y * PT, b.w * PT, b.h * PT).fill(hex(LIGHT));
    doc.rect(b.x * PT, b.y * PT, 0.08 * PT, b.h * PT).fill(hex(DJPK_GOLD));
    const w = (b.w - 0.3) * PT;
    const x = (b.x + 0.2) * PT;
    doc
      .font(B)
      .fontSize(tile.value.length > 9 ? 18 : 28)
      .fillColor(hex(DJPK_BLUE))
      .text(tile.value, x, (b.y + 0.12) * PT, { width: w, lineBreak: false });
    doc
      .font(R)
      .fontSize(12)
      .fillColor(hex(INK))
      .text(tile.label, x, (b.y + 0.68) * PT, { width: w });
    if (tile.change)
      doc
        .fontSize(12)
        .fillColor(hex(tile.direction === 'down' ? 'B03A2E' : tile.direction === 'up' ? '1E7A45' : MUTED))
        .text(tile.change, x, (b.y + 1.13) * PT, { width: w });
  });
  paragraphs(doc, s.paragraphs, { x: MARGIN_X, y: BODY_TOP + 3.95, w: CONTENT_W, h: BODY_H - 3.95 }, 14);
}

function contacts(doc: Doc, s: Slide): void {
  const boxes = contactBoxes(s.contacts.length);
  s.contacts.forEach((c, i) => {
    const b = boxes[i] as Box;
    doc.rect(b.x * PT, b.y * PT, b.w * PT, b.h * PT).fill(hex(LIGHT));
    doc.rect(b.x * PT, b.y * PT, 0.08 * PT, b.h * PT).fill(hex(DJPK_BLUE));
    const top = (b.y + b.h / 2) * PT - 18;
    doc
      .font(B)
      .fontSize(13)
      .fillColor(hex(DJPK_BLUE))
      .text(c.label, (b.x + 0.2) * PT, top, { width: (b.w - 0.3) * PT });
    doc
      .font(R)
      .fontSize(16)
      .fillColor(hex(INK))
      .text(c.value, (b.x + 0.2) * PT, top + 17, { width: (b.w - 0.3) * PT });
  });
}

function closing(doc: Doc, s: Slide): void {
  bluePage(doc, s.title, 48, 1.6, s.subtitle ?? '', 20);
  const lines = [...s.paragraphs.map((p) => p.text), ...s.contacts.map((c) => `${c.label}: ${c.value}`)];
  doc
    .font(R)
    .fontSize(16)
    .fillColor(hex(WHITE))
    .text(lines.join('\n'), MARGIN_X * PT, 3.75 * PT, { width: CONTENT_W * PT, lineGap: 6 });
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
  withoutLigatures(doc);
  doc.registerFont(R, options.fonts.regular);
  doc.registerFont(B, options.fonts.bold);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(concatBytes(chunks)));
    doc.on('error', reject);
  });
  const logo = options.logo ? openLogo(doc, options.logo) : null;
  for (const s of deck.slides) {
    doc.addPage();
    if (s.kind === 'cover') cover(doc, deck, s, logo);
    else if (s.kind === 'closing') {
      closing(doc, s);
      frame(doc, deck, s, null, true);
    } else {
      frame(doc, deck, s, logo);
      if (s.kind === 'ringkasan') ringkasan(doc, s);
      else if (s.kind === 'contacts') contacts(doc, s);
      else {
        const boxes = slideBoxes(s);
        if (boxes.text) paragraphs(doc, s.paragraphs, boxes.text);
        s.visuals.forEach((v, i) => {
          const box = boxes.visuals[i] as Box;
          if (v.kind === 'chart') chart(doc, v.chart, box, deck.monthShortLabel);
          else table(doc, v.table, box);
        });
      }
    }
  }
  doc.end();
  return done;
}
