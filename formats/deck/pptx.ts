import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
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
  tableWidthIn,
  tileBoxes,
} from '../../core/deck/layout';
import type { Deck, Paragraph, Slide, Visual } from '../../core/deck/model';
import type { Chart, Table } from '../../core/metrics/model';

/**
 * The deck as a PPTX with native, editable charts and tables (pptxgenjs). No Node imports: the
 * same code runs in the add-on dialog's browser.
 */

/** The fonts every office suite has; DejaVu Sans Condensed (the PDF's) is wider, so the layout fits both. */
const FONT = 'Arial';

export interface PptxOptions {
  /** The logo as a data URL ("data:image/png;base64,…"), when `Profil Layanan` gives one. */
  readonly logo?: string | null;
}

type PptxSlide = ReturnType<PptxGenJS['addSlide']>;

const runsOf = (paragraphs: readonly Paragraph[], pt: number): PptxGenJS.TextProps[] =>
  paragraphs.map((p) => ({
    text: p.text,
    options: {
      bullet: p.bullet ? { indent: 18 } : false,
      bold: p.heading,
      color: p.heading ? DJPK_BLUE : INK,
      breakLine: true,
      paraSpaceAfter: PARAGRAPH_GAP * 72,
      fontSize: pt,
    },
  }));

function addText(slide: PptxSlide, paragraphs: readonly Paragraph[], box: Box, pt = BODY_PT): void {
  if (!paragraphs.length) return;
  slide.addText(runsOf(paragraphs, pt), {
    ...box,
    fontFace: FONT,
    valign: 'top',
    margin: 0,
    lineSpacingMultiple: LINE_FACTOR * 0.87,
  });
}

/** The gold bar under a title (content slides, cover, closing page). */
function goldRule(slide: PptxSlide, y: number, w: number, h: number): void {
  slide.addShape('rect', { x: MARGIN_X, y, w, h, fill: { color: DJPK_GOLD }, line: { color: DJPK_GOLD, width: 0 } });
}

function addFrame(slide: PptxSlide, deck: Deck, s: Slide): void {
  const boxes = slideBoxes(s);
  slide.addText(s.title, {
    ...boxes.title,
    fontFace: FONT,
    fontSize: TITLE_PT,
    bold: true,
    color: DJPK_BLUE,
    valign: 'middle',
    margin: 0,
    fit: 'shrink',
  });
  goldRule(slide, boxes.title.y + boxes.title.h + 0.02, 1.6, 0.07);
  slide.addShape('rect', {
    x: 0,
    y: SLIDE_H - 0.08,
    w: SLIDE_W,
    h: 0.08,
    fill: { color: DJPK_BLUE },
    line: { width: 0, color: DJPK_BLUE },
  });
  addFooter(slide, deck, s, MUTED);
}

/** The master of framed slides: the logo top right, stored once in the file however many slides show it. */
const FRAMED = 'DJPK_BINGKAI';

function defineFramedMaster(pptx: PptxGenJS, logo: string): void {
  pptx.defineSlideMaster({
    title: FRAMED,
    objects: [
      {
        image: {
          data: logo,
          x: SLIDE_W - MARGIN_X - 1.0,
          y: 0.3,
          w: 1.0,
          h: 0.8,
          sizing: { type: 'contain', w: 1.0, h: 0.8 },
        },
      },
    ],
  });
}

const isInteger = (chart: Chart) => chart.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

function addChart(pptx: PptxGenJS, slide: PptxSlide, chart: Chart, box: Box, monthShort: string): void {
  const { perPoint, colors } = chartColors(chart, monthShort);
  const data = chart.series.map((s) => ({
    name: s.name,
    labels: [...chart.categories],
    // Months without data stay empty (a gap), never 0; the empty points are dropped after writing.
    values: s.values.map((v) => (v === null ? (null as unknown as number) : v)),
  }));
  const common: PptxGenJS.IChartOpts = {
    ...box,
    showTitle: true,
    title: chart.title,
    titleFontSize: 14,
    titleColor: INK,
    titleFontFace: FONT,
    catAxisLabelFontSize: CHART_LABEL_PT,
    valAxisLabelFontSize: CHART_LABEL_PT,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    dataLabelFontSize: CHART_LABEL_PT,
    dataLabelFontFace: FONT,
    legendFontSize: CHART_LABEL_PT,
    legendFontFace: FONT,
    dataLabelFormatCode: isInteger(chart) ? '#,##0' : '#,##0.0',
    valAxisLabelFormatCode: '#,##0',
    chartColors: colors,
  };
  if (chart.kind === 'donut') {
    slide.addChart(pptx.ChartType.doughnut, data, {
      ...common,
      holeSize: 55,
      showPercent: true,
      showValue: false,
      showLegend: true,
      legendPos: 'r',
      dataLabelColor: WHITE,
      dataLabelFormatCode: '0%',
    });
    return;
  }
  if (chart.kind === 'line') {
    slide.addChart(pptx.ChartType.line, data, {
      ...common,
      displayBlanksAs: 'gap',
      lineSize: 2,
      lineDataSymbolSize: 6,
      showLegend: true,
      legendPos: 'b',
      valGridLine: { color: 'DDE3EA', size: 1 },
    });
    return;
  }
  slide.addChart(pptx.ChartType.bar, data, {
    ...common,
    barDir: 'col',
    barGapWidthPct: 60,
    showValue: true,
    dataLabelPosition: 'outEnd',
    dataLabelColor: INK,
    valAxisHidden: true,
    // From 0: bars of 118.585 and 117.069 followers must not look twice as different as they are.
    valAxisMinVal: 0,
    valGridLine: { style: 'none' },
    showLegend: !perPoint && chart.series.length > 1,
    legendPos: 'b',
  });
}

function addTable(slide: PptxSlide, table: Table, box: Box): void {
  slide.addText(table.title, {
    x: box.x,
    y: box.y,
    w: box.w,
    h: TABLE_TITLE_H,
    fontFace: FONT,
    fontSize: 14,
    bold: true,
    color: DJPK_BLUE,
    margin: 0,
    valign: 'middle',
  });
  const width = tableWidthIn(table, box);
  const colW = tableColumnWidths(table, width);
  const align = (i: number) => ((table.columns[i]?.format ?? 'text') === 'text' ? 'left' : 'right');
  const header: PptxGenJS.TableCell[] = table.columns.map((c, i) => ({
    text: c.header,
    options: { bold: true, color: WHITE, fill: { color: DJPK_BLUE }, align: align(i) },
  }));
  const body: PptxGenJS.TableCell[][] = table.rows.map((row, r) =>
    rowTexts(table, row).map((text, i) => ({
      text,
      options: { align: align(i), fill: { color: r % 2 ? LIGHT : WHITE } },
    })),
  );
  slide.addTable([header, ...body], {
    x: box.x,
    y: box.y + TABLE_TITLE_H,
    w: width,
    colW,
    fontFace: FONT,
    fontSize: TABLE_PT,
    color: INK,
    valign: 'middle',
    margin: CELL_PAD,
    border: { type: 'solid', pt: 0.5, color: 'DDE3EA' },
  });
}

function addVisual(pptx: PptxGenJS, slide: PptxSlide, visual: Visual, box: Box, deck: Deck): void {
  if (visual.kind === 'chart') addChart(pptx, slide, visual.chart, box, deck.monthShortLabel);
  else addTable(slide, visual.table, box);
}

function coverSlide(slide: PptxSlide, deck: Deck, s: Slide, logo: string | null): void {
  slide.background = { color: DJPK_BLUE };
  if (logo)
    slide.addImage({ data: logo, x: MARGIN_X, y: 0.5, w: 1.6, h: 1.3, sizing: { type: 'contain', w: 1.6, h: 1.3 } });
  slide.addText(s.title, {
    x: MARGIN_X,
    y: 2.3,
    w: CONTENT_W,
    h: 1.2,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: WHITE,
    margin: 0,
  });
  goldRule(slide, 3.6, 2.4, 0.1);
  slide.addText(s.subtitle ?? deck.monthLabel, {
    x: MARGIN_X,
    y: 3.9,
    w: CONTENT_W,
    h: 0.8,
    fontFace: FONT,
    fontSize: 30,
    color: DJPK_GOLD,
    bold: true,
    margin: 0,
  });
  slide.addText(s.paragraphs.map((p) => p.text).join('\n'), {
    x: MARGIN_X,
    y: 5.6,
    w: CONTENT_W,
    h: 1.0,
    fontFace: FONT,
    fontSize: 16,
    color: WHITE,
    margin: 0,
    valign: 'top',
  });
}

/** A light card with a coloured bar on its left: Ringkasan tiles, contact channels. */
function card(slide: PptxSlide, b: Box, accent: string): void {
  slide.addShape('rect', { ...b, fill: { color: LIGHT }, line: { color: LIGHT, width: 0 } });
  slide.addShape('rect', {
    x: b.x,
    y: b.y,
    w: 0.08,
    h: b.h,
    fill: { color: accent },
    line: { color: accent, width: 0 },
  });
}

function ringkasanSlide(slide: PptxSlide, s: Slide): void {
  const boxes = tileBoxes(s.tiles.length, BODY_TOP, 3.7);
  s.tiles.forEach((tile, i) => {
    const b = boxes[i] as Box;
    card(slide, b, DJPK_GOLD);
    slide.addText(tile.value, {
      x: b.x + 0.2,
      y: b.y + 0.08,
      w: b.w - 0.3,
      h: 0.6,
      fontFace: FONT,
      fontSize: tile.value.length > 9 ? 18 : 28,
      bold: true,
      color: DJPK_BLUE,
      margin: 0,
      valign: 'middle',
    });
    slide.addText(tile.label, {
      x: b.x + 0.2,
      y: b.y + 0.68,
      w: b.w - 0.3,
      h: 0.45,
      fontFace: FONT,
      fontSize: 12,
      color: INK,
      margin: 0,
      valign: 'top',
    });
    if (tile.change)
      slide.addText(tile.change, {
        x: b.x + 0.2,
        y: b.y + 1.13,
        w: b.w - 0.3,
        h: b.h - 1.18,
        fontFace: FONT,
        fontSize: 12,
        color: tile.direction === 'down' ? 'B03A2E' : tile.direction === 'up' ? '1E7A45' : MUTED,
        margin: 0,
        valign: 'top',
      });
  });
  addText(slide, s.paragraphs, { x: MARGIN_X, y: BODY_TOP + 3.95, w: CONTENT_W, h: BODY_H - 3.95 }, 14);
}

function contactsSlide(slide: PptxSlide, s: Slide): void {
  const boxes = contactBoxes(s.contacts.length);
  s.contacts.forEach((c, i) => {
    const b = boxes[i] as Box;
    card(slide, b, DJPK_BLUE);
    slide.addText(
      [
        { text: c.label, options: { bold: true, color: DJPK_BLUE, fontSize: 13, breakLine: true } },
        { text: c.value, options: { color: INK, fontSize: 16 } },
      ],
      { x: b.x + 0.2, y: b.y, w: b.w - 0.3, h: b.h, fontFace: FONT, margin: 0, valign: 'middle' },
    );
  });
}

function closingSlide(slide: PptxSlide, s: Slide): void {
  slide.background = { color: DJPK_BLUE };
  slide.addText(s.title, {
    x: MARGIN_X,
    y: 1.4,
    w: CONTENT_W,
    h: 1.3,
    fontFace: FONT,
    fontSize: 48,
    bold: true,
    color: WHITE,
    margin: 0,
  });
  goldRule(slide, 2.8, 2.4, 0.1);
  slide.addText(
    [
      { text: s.subtitle ?? '', options: { bold: true, fontSize: 20, color: DJPK_GOLD, breakLine: true } },
      ...s.paragraphs.map((p) => ({ text: p.text, options: { fontSize: 16, color: WHITE, breakLine: true } })),
      ...s.contacts.map((c) => ({
        text: `${c.label}: ${c.value}`,
        options: { fontSize: 16, color: WHITE, breakLine: true },
      })),
    ],
    { x: MARGIN_X, y: 3.1, w: CONTENT_W, h: 3.6, fontFace: FONT, margin: 0, valign: 'top', paraSpaceAfter: 6 },
  );
}

/** Chart XML without empty points: a month without data is a gap in every viewer, never a 0. */
async function dropEmptyPoints(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    zip.file(name, xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, ''));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function renderPptx(deck: Deck, options: PptxOptions = {}): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.footer;
  pptx.company = 'Direktorat Jenderal Perimbangan Keuangan';
  pptx.author = 'Contact Center DJPK';
  const logo = options.logo ?? null;
  if (logo) defineFramedMaster(pptx, logo);
  for (const s of deck.slides) {
    const framed = logo !== null && s.kind !== 'cover' && s.kind !== 'closing';
    const slide = pptx.addSlide(framed ? { masterName: FRAMED } : {});
    if (s.notes) slide.addNotes(s.notes);
    if (s.kind === 'cover') {
      coverSlide(slide, deck, s, logo);
      continue;
    }
    if (s.kind === 'closing') {
      closingSlide(slide, s);
      addFooter(slide, deck, s, WHITE);
      continue;
    }
    addFrame(slide, deck, s);
    if (s.kind === 'ringkasan') ringkasanSlide(slide, s);
    else if (s.kind === 'contacts') contactsSlide(slide, s);
    else {
      const boxes = slideBoxes(s);
      if (boxes.text) addText(slide, s.paragraphs, boxes.text);
      s.visuals.forEach((v, i) => {
        addVisual(pptx, slide, v, boxes.visuals[i] as Box, deck);
      });
    }
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return dropEmptyPoints(written);
}

/** Footer text and the native slide-number field (it follows slides the team adds or moves). */
function addFooter(slide: PptxSlide, deck: Deck, s: Slide, color: string): void {
  const boxes = slideBoxes(s);
  const text = { fontFace: FONT, fontSize: FOOTER_PT, color, margin: 0 };
  slide.addText(deck.footer, { ...boxes.footer, ...text, valign: 'middle' });
  slide.slideNumber = { ...boxes.number, ...text, align: 'right' } as PptxGenJS.SlideNumberProps;
}
