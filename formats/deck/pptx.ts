import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { chartAreas } from '../../core/deck/charts';
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
  contactBoxes,
  FOOTER_BOX,
  FOOTER_PT,
  fitLine,
  LINE_FACTOR,
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
} from '../../core/deck/layout';
import type { ChartPlot, Deck, LaidParagraph, LaidTable, Slide } from '../../core/deck/model';
import type { Table } from '../../core/metrics/model';

/**
 * The deck as a PPTX with native, editable charts and tables (pptxgenjs). Sizes, boxes, labels
 * and colours come from core's deck model, so the PPTX and the PDF show the same figures in the
 * same places; text is left to wrap in PowerPoint (the team edits it) in boxes core measured with
 * the widest of both files' fonts. No Node imports: the same code runs in the add-on dialog.
 */

/** The fonts every office suite has; DejaVu Sans Condensed (the PDF's) is measured too, so the layout fits both. */
const FONT = 'Arial';
/** Every text run is Indonesian: PowerPoint checks the team's edits against the Indonesian dictionary. */
const LANG = 'id-ID';

export interface PptxOptions {
  /** The logo as a data URL ("data:image/png;base64,…"), when `Profil Layanan` gives one. */
  readonly logo?: string | null;
}

type PptxSlide = ReturnType<PptxGenJS['addSlide']>;

/** Exact line pitch and paragraph gap: the same as core measured and the PDF draws. */
const spacing = (pt: number) => ({ lineSpacing: pt * LINE_FACTOR, paraSpaceAfter: PARAGRAPH_GAP * 72 });

const runsOf = (paragraphs: readonly LaidParagraph[], pt: number, color = INK): PptxGenJS.TextProps[] =>
  paragraphs.map((p) => ({
    text: p.text,
    options: {
      // The part of a bullet continued from the previous slide keeps the indent, not the sign.
      bullet: p.bullet
        ? { indent: BULLET_INDENT * 72 }
        : p.indent
          ? { characterCode: '00A0', indent: BULLET_INDENT * 72 }
          : false,
      bold: p.heading,
      color: p.heading && color === INK ? DJPK_BLUE : color,
      breakLine: true,
      fontSize: pt,
      lang: LANG,
      ...spacing(pt),
    },
  }));

function addText(slide: PptxSlide, paragraphs: readonly LaidParagraph[], box: Box, pt: number): void {
  if (!paragraphs.length) return;
  slide.addText(runsOf(paragraphs, pt), { ...box, fontFace: FONT, valign: 'top', margin: 0, lang: LANG, fit: 'none' });
}

/** A short text in a box, one style. */
function addLine(slide: PptxSlide, text: string, box: Box, options: PptxGenJS.TextPropsOptions): void {
  slide.addText(text, { ...box, fontFace: FONT, margin: 0, lang: LANG, fit: 'none', valign: 'top', ...options });
}

/** The gold bar under a title (content slides, cover, closing page). */
function goldRule(slide: PptxSlide, y: number, w: number, h: number): void {
  slide.addShape('rect', { x: MARGIN_X, y, w, h, fill: { color: DJPK_GOLD }, line: { color: DJPK_GOLD, width: 0 } });
}

function addFrame(slide: PptxSlide, deck: Deck, s: Slide): void {
  const { pt, lines } = s.titleLayout;
  addLine(slide, lines.join('\n'), TITLE_BOX, {
    fontSize: pt,
    bold: true,
    color: DJPK_BLUE,
    valign: 'middle',
    lineSpacing: pt * LINE_FACTOR,
  });
  goldRule(slide, TITLE_BOX.y + TITLE_BOX.h + 0.02, 1.6, 0.07);
  slide.addShape('rect', {
    x: 0,
    y: SLIDE_H - 0.08,
    w: SLIDE_W,
    h: 0.08,
    fill: { color: DJPK_BLUE },
    line: { width: 0, color: DJPK_BLUE },
  });
  addFooter(slide, deck, MUTED);
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

/**
 * Number format of a visible value axis in id-ID whatever the viewer's locale: thousands as
 * literal dots ("118.500"), since "#,##0" shows "118,500" in an English PowerPoint.
 */
export const ID_INTEGER_FORMAT = '[>=1000000]#\\.###\\.##0;[>=1000]#\\.##0;0';

function addChart(pptx: PptxGenJS, slide: PptxSlide, plot: ChartPlot, box: Box): void {
  const { chart: area, note } = chartAreas(plot, box);
  const data = plot.series.map((s) => ({
    name: s.name,
    labels: [...plot.categories],
    // Months without data stay empty (a gap), never 0; the empty points are dropped after writing.
    values: s.values.map((v) => (v === null ? (null as unknown as number) : v)),
  }));
  const single = plot.series.length === 1;
  const common: PptxGenJS.IChartOpts = {
    ...area,
    showTitle: true,
    // Shortened as the PDF shortens it, so both files show the same title.
    title: fitLine(plot.title, area.w, CHART_TITLE_PT, true),
    titleFontSize: CHART_TITLE_PT,
    // Bold as in the PDF.
    titleBold: true,
    titleColor: INK,
    titleFontFace: FONT,
    catAxisLabelFontSize: CHART_LABEL_PT,
    valAxisLabelFontSize: CHART_LABEL_PT,
    catAxisLabelFontFace: FONT,
    valAxisLabelFontFace: FONT,
    catAxisLabelColor: INK,
    valAxisLabelColor: MUTED,
    dataLabelFontSize: CHART_LABEL_PT,
    dataLabelFontFace: FONT,
    legendFontSize: CHART_LABEL_PT,
    legendFontFace: FONT,
    valAxisLabelFormatCode: ID_INTEGER_FORMAT,
    valAxisMinVal: plot.axis.min,
    valAxisMaxVal: plot.axis.max,
    valAxisMajorUnit: plot.axis.step,
    // One colour per point (single series) or per series; core chose them.
    chartColors: single ? [...(plot.series[0]?.colors ?? [])] : plot.series.map((s) => s.colors[0] ?? DJPK_BLUE),
  };
  if (plot.kind === 'donut') {
    slide.addChart(pptx.ChartType.doughnut, data, {
      ...common,
      holeSize: 55,
      showValue: true,
      showPercent: false,
      showLegend: true,
      legendPos: 'r',
      dataLabelColor: WHITE,
    });
  } else if (plot.kind === 'line') {
    slide.addChart(pptx.ChartType.line, data, {
      ...common,
      chartColors: plot.series.map((s) => s.colors[0] ?? DJPK_BLUE),
      displayBlanksAs: 'gap',
      lineSize: 2,
      lineDataSymbolSize: 6,
      showLegend: plot.legend.length > 0,
      legendPos: 'b',
      valGridLine: { color: 'DDE3EA', size: 1 },
    });
  } else {
    slide.addChart(pptx.ChartType.bar, data, {
      ...common,
      barDir: plot.kind === 'bar' ? 'bar' : 'col',
      // Horizontal bars top to bottom in the report's order.
      // (pptxgenjs writes the orientation as given; its types know only 'minMax'.)
      catAxisOrientation: (plot.kind === 'bar' ? 'maxMin' : 'minMax') as 'minMax',
      catAxisLabelFrequency: '1',
      barGapWidthPct: 60,
      showValue: true,
      dataLabelPosition: 'outEnd',
      dataLabelColor: INK,
      valAxisHidden: !plot.axis.visible,
      valGridLine: plot.axis.visible ? { color: 'DDE3EA', size: 1 } : { style: 'none' },
      showLegend: plot.legend.length > 0,
      legendPos: 'b',
    });
  }
  if (note) addLine(slide, note.lines.join(' '), note.box, { fontSize: CHART_LABEL_PT, color: MUTED, align: 'center' });
}

function addTable(slide: PptxSlide, table: Table, layout: LaidTable, box: Box): void {
  addLine(
    slide,
    fitLine(table.title, box.w, TABLE_TITLE_PT, true),
    { ...box, h: TABLE_TITLE_H },
    { fontSize: TABLE_TITLE_PT, bold: true, color: DJPK_BLUE, valign: 'middle' },
  );
  const header: PptxGenJS.TableCell[] = layout.header.cells.map((c, i) => ({
    text: c.text,
    options: { bold: true, color: WHITE, fill: { color: DJPK_BLUE }, align: layout.align[i] ?? 'left' },
  }));
  const body: PptxGenJS.TableCell[][] = layout.rows.map((row, r) =>
    row.cells.map((c, i) => ({
      text: c.text,
      options: { align: layout.align[i] ?? 'left', fill: { color: r % 2 ? LIGHT : WHITE } },
    })),
  );
  slide.addTable([header, ...body], {
    x: box.x,
    y: box.y + TABLE_TITLE_H,
    w: layout.width,
    colW: [...layout.columnWidths],
    rowH: [layout.header.height, ...layout.rows.map((r) => r.height)],
    fontFace: FONT,
    fontSize: TABLE_PT,
    color: INK,
    valign: 'top',
    margin: CELL_PAD * 72,
    lang: LANG,
    lineSpacing: TABLE_PT * LINE_FACTOR,
    border: { type: 'solid', pt: 0.5, color: 'DDE3EA' },
  } as PptxGenJS.TableProps);
}

/** A blue page with a big white title over a gold bar: cover and closing. */
function bluePage(slide: PptxSlide, title: string, at: { titleY: number; titlePt: number; ruleY: number }): void {
  slide.background = { color: DJPK_BLUE };
  addLine(
    slide,
    title,
    { x: MARGIN_X, y: at.titleY, w: CONTENT_W, h: at.ruleY - at.titleY - 0.1 },
    { fontSize: at.titlePt, bold: true, color: WHITE },
  );
  goldRule(slide, at.ruleY, 2.4, 0.1);
}

function coverSlide(slide: PptxSlide, deck: Deck, s: Slide, logo: string | null): void {
  bluePage(slide, s.title, COVER);
  if (logo)
    slide.addImage({ data: logo, x: MARGIN_X, y: 0.5, w: 1.6, h: 1.3, sizing: { type: 'contain', w: 1.6, h: 1.3 } });
  addLine(
    slide,
    s.subtitle ?? deck.monthLabel,
    { x: MARGIN_X, y: COVER.subtitleY, w: CONTENT_W, h: 0.8 },
    {
      fontSize: COVER.subtitlePt,
      color: DJPK_GOLD,
      bold: true,
    },
  );
  addLine(
    slide,
    COVER.organisation,
    { x: MARGIN_X, y: COVER.organisationY, w: CONTENT_W, h: 1.0 },
    {
      fontSize: COVER.organisationPt,
      color: WHITE,
    },
  );
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
  const boxes = tileBoxes(s.tiles.length, TILE.top, TILE.height);
  s.tiles.forEach((tile, i) => {
    const b = boxes[i] as Box;
    card(slide, b, DJPK_GOLD);
    const x = b.x + 0.2;
    const w = b.w - 0.3;
    addLine(
      slide,
      tile.value,
      { x, y: b.y + 0.1, w, h: 0.55 },
      { fontSize: TILE.valuePt(tile.value), bold: true, color: DJPK_BLUE },
    );
    addLine(slide, tile.label, { x, y: b.y + 0.68, w, h: 0.45 }, { fontSize: TILE.labelPt, color: INK });
    if (tile.change)
      addLine(
        slide,
        tile.change,
        { x, y: b.y + 1.13, w, h: b.h - 1.16 },
        {
          fontSize: TILE.labelPt,
          color: changeColor(tile.direction),
        },
      );
  });
  if (s.textBox) addText(slide, s.paragraphs, s.textBox, s.textPt);
}

function contactsSlide(slide: PptxSlide, s: Slide): void {
  const boxes = contactBoxes(s.contacts.length);
  s.contacts.forEach((c, i) => {
    const b = boxes[i] as Box;
    card(slide, b, DJPK_BLUE);
    const top = b.y + (b.h - lineHeight(13) - lineHeight(16)) / 2;
    addLine(
      slide,
      c.label,
      { x: b.x + 0.2, y: top, w: b.w - 0.3, h: lineHeight(13) },
      { fontSize: 13, bold: true, color: DJPK_BLUE },
    );
    addLine(
      slide,
      c.value,
      { x: b.x + 0.2, y: top + lineHeight(13), w: b.w - 0.3, h: lineHeight(16) },
      { fontSize: 16, color: INK },
    );
  });
}

function closingSlide(slide: PptxSlide, s: Slide): void {
  bluePage(slide, s.title, CLOSING);
  slide.addText(
    [
      { text: s.subtitle ?? '', options: { bold: true, fontSize: 20, color: DJPK_GOLD, breakLine: true, lang: LANG } },
      ...s.contacts.map((c) => ({
        text: `${c.label}: ${c.value}`,
        options: { fontSize: 16, color: WHITE, breakLine: true, lang: LANG },
      })),
    ],
    {
      x: MARGIN_X,
      y: CLOSING.textY,
      w: CONTENT_W,
      h: 3.6,
      fontFace: FONT,
      margin: 0,
      valign: 'top',
      paraSpaceBefore: 4,
      lang: LANG,
    },
  );
}

/** Footer text and the native slide-number field (it follows slides the team adds or moves). */
function addFooter(slide: PptxSlide, deck: Deck, color: string): void {
  const text = { fontFace: FONT, fontSize: FOOTER_PT, color, margin: 0, lang: LANG };
  slide.addText(deck.footer, { ...FOOTER_BOX, ...text, valign: 'middle' });
  slide.slideNumber = { ...NUMBER_BOX, ...text, align: 'right' } as PptxGenJS.SlideNumberProps;
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Core's data labels, point by point, as custom label text (c:dLbl/c:tx): the PPTX prints "0,4%"
 * and "1.010" exactly as the PDF does, whatever the viewer's locale; a point without data has no
 * label (and no point).
 */
function withLabels(xml: string, plot: ChartPlot): string {
  let s = 0;
  return xml.replace(/<c:ser>([\s\S]*?)<\/c:ser>/g, (whole, body: string) => {
    const series = plot.series[s++];
    if (!series || plot.kind === 'line') return whole;
    const color = plot.kind === 'donut' ? WHITE : INK;
    const bold = plot.kind === 'donut' ? ' b="1"' : '';
    const position = plot.kind === 'donut' ? '' : '<c:dLblPos val="outEnd"/>';
    const labels = series.labels
      .map((label, idx) =>
        label === null || series.values[idx] === null
          ? `<c:dLbl><c:idx val="${idx}"/><c:delete val="1"/></c:dLbl>`
          : `<c:dLbl><c:idx val="${idx}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_LABEL_PT * 100}"${bold}/></a:pPr><a:r><a:rPr lang="${LANG}" sz="${CHART_LABEL_PT * 100}"${bold}><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:latin typeface="${FONT}"/></a:rPr><a:t>${xmlText(label)}</a:t></a:r></a:p></c:rich></c:tx>${position}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`,
      )
      .join('');
    // Core's labels replace the ones pptxgenjs wrote (a donut gets one per point), and the
    // series' own default shows nothing: a point core gave no label has none in any viewer.
    const own = body.replace(
      /<c:dLbls>([\s\S]*?)<\/c:dLbls>/,
      (_, inner: string) =>
        `<c:dLbls>${labels}${inner
          .replace(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g, '')
          .replace('<c:showVal val="1"/>', '<c:showVal val="0"/>')
          .replace('<c:showPercent val="1"/>', '<c:showPercent val="0"/>')}</c:dLbls>`,
    );
    return `<c:ser>${own}</c:ser>`;
  });
}

/**
 * After pptxgenjs: chart points without data removed (a gap in every viewer, never a 0), core's
 * labels set, and every language tag Indonesian (pptxgenjs writes en-US in places it has no
 * option for: fields, empty paragraphs, chart text).
 */
async function finish(bytes: Uint8Array, plots: readonly ChartPlot[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  // pptxgenjs numbers chart parts with a counter shared by every presentation the process makes
  // (a second deck starts at chart40.xml): the n-th smallest number is the n-th chart added.
  const chartNumber = (name: string) => Number(/^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1] ?? Number.NaN);
  const chartRank = new Map(
    Object.keys(zip.files)
      .map(chartNumber)
      .filter((n) => !Number.isNaN(n))
      .sort((a, b) => a - b)
      .map((n, rank) => [n, rank] as const),
  );
  for (const name of Object.keys(zip.files).filter((n) => /\.xml$/.test(n))) {
    let xml = (await zip.file(name)?.async('string')) ?? '';
    const chart = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name);
    if (chart) {
      xml = xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
      const plot = plots[chartRank.get(Number(chart[1])) ?? -1];
      if (plot) xml = withLabels(xml, plot);
    }
    const tagged = xml
      .replace(/ altLang="en-US"/g, '')
      .replace(/lang="en-US"/g, `lang="${LANG}"`)
      .replace(/<c:lang val="en-US"\/>/g, `<c:lang val="${LANG}"/>`)
      // Runs pptxgenjs writes without a language (chart titles, axes, legends) get one too.
      .replace(/<a:(rPr|endParaRPr)(?![^>]*\blang=)/g, `<a:$1 lang="${LANG}"`);
    if (chart || tagged !== xml) zip.file(name, tagged);
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
  /** The plots in the order their charts are added (pptxgenjs numbers chart parts in that order). */
  const plots: ChartPlot[] = [];
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
      addFooter(slide, deck, WHITE);
      continue;
    }
    addFrame(slide, deck, s);
    if (s.kind === 'ringkasan') ringkasanSlide(slide, s);
    else if (s.kind === 'contacts') contactsSlide(slide, s);
    else {
      if (s.textBox) addText(slide, s.paragraphs, s.textBox, s.textPt);
      for (const v of s.visuals) {
        if (v.kind === 'chart') {
          plots.push(v.plot);
          addChart(pptx, slide, v.plot, v.box);
        } else addTable(slide, v.table, v.layout, v.box);
      }
    }
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return finish(written, plots);
}
