import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../core/deck/build';
import { chartAreas } from '../../core/deck/charts';
import {
  BODY_BOTTOM,
  CHART_TITLE_PT,
  FOOTER_Y,
  fitLine,
  SLIDE_H,
  SLIDE_W,
  TABLE_TITLE_PT,
} from '../../core/deck/layout';
import type { Deck } from '../../core/deck/model';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import { textWidthEm } from '../../core/text/measure';
import { parseWorkbook } from '../../core/workbook/workbook';
import { deckFonts } from '../../formats/deck/deckFiles';
import { renderPdf } from '../../formats/deck/pdf';
import { renderPptx } from '../../formats/deck/pptx';
import { longTextWorkbook } from '../../sample/longText';
import { sampleBuilder, TEST_NOW } from '../fixtures/sample';
import { type PdfRun, pdfPageRuns, pdfPageTexts } from './pdfText';

/** The PPTX as its parts: slide XML in order, chart XML by slide. */
interface PptxParts {
  readonly slides: string[];
  readonly slideCharts: string[][];
  readonly all: Map<string, string>;
}

async function pptxParts(bytes: Uint8Array): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const all = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels')))
    all.set(name, (await zip.file(name)?.async('string')) ?? '');
  const count = [...all.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const slides = Array.from({ length: count }, (_, i) => all.get(`ppt/slides/slide${i + 1}.xml`) ?? '');
  const slideCharts = slides.map((_, i) =>
    [...(all.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`) ?? '').matchAll(/Target="[^"]*\/(chart\d+\.xml)"/g)].map(
      (m) => all.get(`ppt/charts/${m[1]}`) ?? '',
    ),
  );
  return { slides, slideCharts, all };
}

/** The text runs of a slide's XML, in document order. */
const slideText = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n');
const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** One series' cached values in a chart's XML, by series name: null where the point is absent (a gap). */
function seriesValues(xml: string, name: string, categories: number): (number | null)[] {
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1] ?? '');
  const ser = series.find((s) => new RegExp(`<c:tx>[\\s\\S]*?<c:v>${name}</c:v>`).test(s));
  if (!ser) throw new Error(`no series ${name}`);
  const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
  const values: (number | null)[] = Array.from({ length: categories }, () => null);
  for (const m of val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) values[Number(m[1])] = Number(m[2]);
  return values;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The custom data labels of a chart's XML, series by series. */
const chartLabels = (xml: string): string[] =>
  [...xml.matchAll(/<c:dLbl><c:idx val="\d+"\/><c:tx>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ''));

const PAGE_H = SLIDE_H * 72;
const FOOTER = 'Laporan Layanan Informasi DJPK — Januari 2025';

/**
 * Every page framed as core planned it: the slide's title (first line) on top, the footer and the
 * number in the footer band; every other run's baseline above the footer band, and every run on
 * the page (its width measured generously with core's widths).
 */
function expectFramed(deck: Deck, runs: PdfRun[][]): void {
  expect(runs).toHaveLength(deck.slides.length);
  deck.slides.forEach((slide, i) => {
    const page = runs[i] ?? [];
    const where = `halaman ${i + 1} (${slide.title})`;
    for (const run of page) {
      expect(run.x, where).toBeGreaterThanOrEqual(0);
      expect(run.x + textWidthEm(run.text) * run.size, `${where}: ${run.text.slice(0, 40)}`).toBeLessThanOrEqual(
        SLIDE_W * 72 + 1,
      );
      expect(run.y, where).toBeLessThanOrEqual(PAGE_H);
    }
    if (slide.kind === 'cover') return;
    expect(
      page.some((r) => r.text === slide.titleLayout.lines[0]),
      where,
    ).toBe(true);
    const band = page.filter((r) => r.y > FOOTER_Y * 72);
    expect(band.map((r) => r.text).sort(), where).toEqual([String(slide.number), deck.footer].sort());
    if (slide.kind === 'closing') return;
    for (const run of page.filter((r) => !band.includes(r)))
      expect(run.y, `${where}: ${run.text.slice(0, 40)}`).toBeLessThanOrEqual(BODY_BOTTOM * 72 + 1);
  });
}

/**
 * Both files print the same figures: every chart label and legend entry, every table cell, every
 * table and chart title (shortened alike when it does not fit); no empty series in the PPTX.
 */
function expectSameFigures(deck: Deck, pptx: PptxParts, pages: string[]): void {
  deck.slides.forEach((slide, i) => {
    const xmlCharts = pptx.slideCharts[i] ?? [];
    const charts = slide.visuals.flatMap((v) => (v.kind === 'chart' ? [v.plot] : []));
    expect(xmlCharts).toHaveLength(charts.length);
    const pdfText = pages[i] ?? '';
    charts.forEach((plot, c) => {
      const xml = xmlCharts[c] ?? '';
      // The title as both draw it; one series per drawn series (a series without data is not written).
      const title = slide.visuals.find((v) => v.kind === 'chart' && v.plot === plot)?.box.w ?? 0;
      const shownTitle = fitLine(
        plot.title,
        chartAreas(plot, { x: 0, y: 0, w: title, h: 1 }).chart.w,
        CHART_TITLE_PT,
        true,
      );
      expect(decode(xml), plot.title).toContain(shownTitle);
      expect(pdfText.replace(/\n/g, ' '), plot.title).toContain(shownTitle);
      expect(xml.match(/<c:ser>/g) ?? [], plot.title).toHaveLength(plot.series.length);
      for (const series of plot.series)
        if (plot.kind !== 'donut')
          expect(
            seriesValues(xml, escapeXml(series.name), plot.categories.length),
            `${plot.title} ${series.name}`,
          ).toEqual(series.values);
      const labels = plot.series.flatMap((s) => s.labels.filter((l): l is string => l !== null));
      expect(chartLabels(xmlCharts[c] ?? ''), plot.title).toEqual(labels);
      for (const label of labels) expect(pdfText, `${plot.title}: ${label}`).toContain(label);
      for (const entry of plot.legend) {
        expect(decode(xmlCharts[c] ?? ''), plot.title).toContain(entry.label);
        expect(pdfText.replace(/\n/g, ' '), plot.title).toContain(entry.label.slice(0, 20));
      }
    });
    const pptxText = decode(slideText(pptx.slides[i] ?? '')).replace(/\u200b/g, '');
    for (const v of slide.visuals) {
      if (v.kind !== 'table') continue;
      const title = fitLine(v.table.title, v.box.w, TABLE_TITLE_PT, true);
      expect(pptxText, v.table.title).toContain(title);
      expect(pdfText, v.table.title).toContain(title);
      for (const row of v.layout.rows)
        for (const cell of row.cells) {
          expect(pptxText).toContain(cell.text.replace(/\u200b/g, ''));
          for (const line of cell.lines) expect(pdfText).toContain(line);
        }
    }
  });
}

describe('the PPTX and the PDF of the January 2025 sample', () => {
  let deck: Deck;
  let pptx: PptxParts;
  let pages: string[];
  let runs: PdfRun[][];

  beforeAll(async () => {
    const builder = await sampleBuilder();
    const report = builder.build(2025 * 12);
    deck = buildDeck(report, { narasi: builder.wb.narasi, profile: builder.wb.profile });
    const [pptxBytes, pdf] = await Promise.all([
      renderPptx(deck),
      deckFonts().then((fonts) => renderPdf(deck, { fonts, compress: false })),
    ]);
    pptx = await pptxParts(pptxBytes);
    pages = pdfPageTexts(pdf);
    runs = pdfPageRuns(pdf, PAGE_H);
  });

  it('have one slide per deck slide, the same count, in the same order', () => {
    expect(pptx.slides).toHaveLength(deck.slides.length);
    expect(pages).toHaveLength(deck.slides.length);
    deck.slides.forEach((s, i) => {
      for (const line of s.titleLayout.lines) {
        expect(decode(slideText(pptx.slides[i] ?? ''))).toContain(line);
        expect(pages[i]).toContain(line);
      }
    });
    expect(slideText(pptx.slides[0] ?? '')).toContain('Januari 2025');
    expect(pages.at(-1)).toContain('Terima Kasih');
  });

  it('frame every page: title, footer and number, nothing in the footer band but them, nothing off the page', () => {
    expect(slideText(pptx.slides[0] ?? '')).not.toContain(FOOTER);
    expect(pptx.slides[0]).not.toContain('type="slidenum"');
    pptx.slides.slice(1).forEach((xml, i) => {
      expect(decode(slideText(xml))).toContain(FOOTER);
      expect(xml).toMatch(new RegExp(`type="slidenum"[^>]*>[\\s\\S]*?<a:t>${i + 2}</a:t>`));
    });
    expectFramed(deck, runs);
  });

  it('tag every text run of the PPTX Indonesian (id-ID), so PowerPoint checks the team’s edits in Indonesian', () => {
    let tagged = 0;
    for (const [name, xml] of pptx.all) {
      expect(xml, name).not.toContain('en-US');
      for (const m of xml.matchAll(/<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>/g)) {
        if (m[0].startsWith('<a:defRPr')) continue;
        expect(m[0], name).toContain('lang="id-ID"');
        tagged++;
      }
    }
    expect(tagged).toBeGreaterThan(500);
  });

  it('print the same figures in both files: every chart label and legend entry, every table cell', () => {
    expectSameFigures(deck, pptx, pages);
  });

  it('label a second deck made by the same process alike (pptxgenjs numbers chart parts across decks)', async () => {
    const again = await pptxParts(await renderPptx(deck));
    expect(again.slideCharts.flat().map(chartLabels)).toEqual(pptx.slideCharts.flat().map(chartLabels));
    expect(again.slideCharts.flat().some((xml) => chartLabels(xml).includes('1.010'))).toBe(true);
  });

  it('label the donut of channels alike: "Live Chat: 4 (0,4%)" in the legend of both, the shares on the slices', () => {
    const i = deck.slides.findIndex((s) => s.visuals.some((v) => v.kind === 'chart' && v.plot.kind === 'donut'));
    const donut = pptx.slideCharts[i]?.[0] ?? '';
    expect(donut).toContain('<c:doughnutChart>');
    expect(seriesValues(donut, 'Tiket', 5)).toEqual([695, 60, 219, 32, 4]);
    expect(decode(donut)).toContain('Live Chat: 4 (0,4%)');
    expect(pages[i]).toContain('Live Chat: 4 (0,4%)');
    expect(chartLabels(donut)).toEqual(['69%', '6%', '22%']);
    // The series shows nothing by itself: a slice core gave no label has none.
    expect(donut.match(/<c:dLbl>/g)).toHaveLength(5);
    expect(donut).toMatch(/<\/c:dLbl>\s*<c:numFmt[^>]*\/>[\s\S]*?<c:showVal val="0"\/>/);
  });

  it('draw native charts with the report’s values; months without data are gaps; axes in id-ID', () => {
    const chartCount = deck.slides.reduce((n, s) => n + s.visuals.filter((v) => v.kind === 'chart').length, 0);
    expect([...pptx.all.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(chartCount);
    const find = (title: string) => {
      const i = deck.slides.findIndex((s) => s.visuals.some((v) => v.kind === 'chart' && v.chart.title === title));
      const c =
        deck.slides[i]?.visuals
          .filter((v) => v.kind === 'chart')
          .findIndex((v) => v.kind === 'chart' && v.chart.title === title) ?? -1;
      return { i, xml: pptx.slideCharts[i]?.[c] ?? '' };
    };
    const bar = find('Perkembangan Jumlah Konsultasi');
    expect(bar.xml).toContain('<c:barChart>');
    expect(seriesValues(bar.xml, 'Tiket Konsultasi', 3)).toEqual([1112, 1010, 1304]);
    expect(chartLabels(bar.xml)).toEqual(['1.112', '1.010', '1.304']);
    expect(pages[bar.i]).toMatch(/1\.112[\s\S]*1\.010[\s\S]*1\.304/);
    // Thousands with a dot whatever the viewer's locale.
    const followersAxis = find('Followers Instagram');
    expect(followersAxis.xml).toContain('formatCode="[&gt;=1000000]#\\.###\\.##0;[&gt;=1000]#\\.##0;0"');
    expect(pages[followersAxis.i]).toContain('118.000');
    const followers = find('Followers Instagram');
    expect(followers.xml).toMatch(/<c:min val="(\d+)"\/>/);
    expect(Number(/<c:min val="(\d+)"\/>/.exec(followers.xml)?.[1])).toBeGreaterThan(100_000);
  });

  it('keep one colour per channel in every chart, distinct from the total’s', () => {
    const whatsapp = [...pptx.all.entries()].filter(
      ([n, xml]) => n.startsWith('ppt/charts/') && /<c:v>WhatsApp/.test(xml),
    );
    expect(whatsapp.length).toBeGreaterThan(1);
    for (const [, xml] of whatsapp) expect(xml).toContain('2E8B57');
    const colours = deck.slides
      .flatMap((s) =>
        s.visuals.flatMap((v) =>
          v.kind === 'chart' && v.chart.title.startsWith('Tiket Konsultasi per Kanal') ? [v.plot] : [],
        ),
      )
      .flatMap((p) => p.series[0]?.colors ?? []);
    expect(new Set(colours).size).toBe(5);
    expect(colours).not.toContain('0B4F8A');
  });

  it('embed tables natively with every row of the report', () => {
    const tatapMuka = deck.slides
      .map((s, i) => [s, i] as const)
      .filter(([s]) =>
        s.visuals.some((v) => v.kind === 'table' && v.table.title.startsWith('Rincian Konsultasi Tatap Muka')),
      );
    const xml = tatapMuka.map(([, i]) => pptx.slides[i] ?? '').join('');
    expect((xml.match(/<a:tbl>/g) ?? []).length).toBe(
      tatapMuka.reduce((n, [s]) => n + s.visuals.filter((v) => v.kind === 'table').length, 0),
    );
    for (const name of ['Bank BJB', 'Kota Lubuklinggau', 'Kab. Bolaang Mongondow']) expect(decode(xml)).toContain(name);
    expect(tatapMuka.map(([, i]) => pages[i]).join('\n')).toContain('Kota Lubuklinggau');
  });
});

describe('months the sample knows in part, in both files (issue 17: charts never invent zeros)', () => {
  it.each([
    [2024, 12],
    [2023, 7],
  ])(
    '%i-%i: every page framed, the same figures, no "0 (0%)", no drawn point where the report has none',
    async (year, month) => {
      const builder = await sampleBuilder();
      const report = builder.build(monthIndex(year, month));
      const deck = buildDeck(report, { narasi: builder.wb.narasi, profile: builder.wb.profile });
      const [pptxBytes, pdf] = await Promise.all([
        renderPptx(deck),
        deckFonts().then((fonts) => renderPdf(deck, { fonts, compress: false })),
      ]);
      const pptx = await pptxParts(pptxBytes);
      const pages = pdfPageTexts(pdf);
      expect(pptx.slides).toHaveLength(deck.slides.length);
      expectFramed(deck, pdfPageRuns(pdf, PAGE_H));
      expectSameFigures(deck, pptx, pages);
      for (const page of pages) expect(page).not.toMatch(/: 0 \(0%\)/);
      for (const [name, xml] of pptx.all)
        if (name.startsWith('ppt/charts/')) expect(decode(xml)).not.toMatch(/: 0 \(0%\)/);
      if (year === 2023) {
        // Juli 2023's 13-month trend has 7 months: drawn, the months without data a gap, never 0.
        const i = deck.slides.findIndex((s) => s.visuals.some((v) => v.kind === 'chart' && v.plot.kind === 'line'));
        const trend = pptx.slideCharts[i]?.[0] ?? '';
        expect(trend).toContain('<c:lineChart>');
        expect(trend).toContain('<c:dispBlanksAs val="gap"/>');
        expect(seriesValues(trend, 'Tiket Konsultasi', 13)).toEqual([
          1114,
          ...Array(5).fill(null),
          1402,
          1271,
          1771,
          1813,
          null,
          1315,
          1707,
        ]);
        expect(pages[i]).toContain('1.500');
      }
      // Every point drawn is the report's own value; a month the report has no figure for has no point.
      deck.slides.forEach((slide, i) => {
        const charts = slide.visuals.flatMap((v) => (v.kind === 'chart' ? [v] : []));
        charts.forEach(({ chart, plot }, c) => {
          if (plot.kind === 'donut') return;
          for (const series of plot.series) {
            const source = chart.series.find((s) => s.name === series.name)?.values ?? [];
            const drawn = seriesValues(pptx.slideCharts[i]?.[c] ?? '', escapeXml(series.name), plot.categories.length);
            expect(drawn, `${chart.title} ${series.name}`).toEqual(source.map((v) => v ?? null));
          }
        });
      });
    },
  );
});

describe('the team’s longest text in both files', () => {
  it('every PDF page of the long-text deck is framed, nothing in the footer band or off the page (3,000 characters, 14 bullets, a 20,000-character word)', async () => {
    const wb = parseWorkbook(longTextWorkbook(20_000), { now: TEST_NOW });
    const deck = buildDeck(new ReportBuilder(wb).build(2025 * 12), { narasi: wb.narasi, profile: wb.profile });
    const fonts = await deckFonts();
    const pdf = await renderPdf(deck, { fonts, compress: false });
    expectFramed(deck, pdfPageRuns(pdf, PAGE_H));
    const pptx = await pptxParts(await renderPptx(deck));
    expect(pptx.slides).toHaveLength(deck.slides.length);
    // Both files from the same measurements: the PDF draws core's lines, the PPTX holds each
    // paragraph's text (a break hint where core cut the word), nothing lost or added.
    const pages = pdfPageTexts(pdf);
    deck.slides.forEach((slide, i) => {
      const pptxText = decode(slideText(pptx.slides[i] ?? ''));
      for (const p of slide.paragraphs) {
        expect(pptxText, `slide ${slide.number}`).toContain(p.text);
        for (const line of p.lines) expect(pages[i], `slide ${slide.number}`).toContain(line);
      }
    });
  });

  it('a 50,000-character word: the PDF has exactly the pages the deck model planned (issue 22)', async () => {
    const wb = parseWorkbook(longTextWorkbook(50_000), { now: TEST_NOW });
    const deck = buildDeck(new ReportBuilder(wb).build(2025 * 12), { narasi: wb.narasi, profile: wb.profile });
    const pdf = await renderPdf(deck, { fonts: await deckFonts(), compress: false });
    expect(pdfPageTexts(pdf)).toHaveLength(deck.slides.length);
  });
});

describe('the logo from Profil Layanan', () => {
  let deck: Deck;
  beforeAll(async () => {
    const builder = await sampleBuilder();
    deck = buildDeck(builder.build(2025 * 12), { narasi: builder.wb.narasi, profile: builder.wb.profile });
  });

  it('is drawn on the cover and on every framed page, and embedded in the PDF once', async () => {
    const logo = await readFile(fileURLToPath(new URL('../fixtures/logo.png', import.meta.url)));
    const pdf = Buffer.from(await deckFonts().then((fonts) => renderPdf(deck, { fonts, logo, compress: false })));
    const text = pdf.toString('latin1');
    expect((text.match(/\/Subtype \/Image/g) ?? []).length).toBe(1);
    // Cover and every page but the closing one draw it: one "Do" of an image XObject each.
    expect((text.match(/\/I\d+ Do/g) ?? []).length).toBe(deck.slides.length - 1);
  });

  it('is stored in the PPTX twice: on the cover, and in the master every framed slide uses', async () => {
    const logo = await readFile(fileURLToPath(new URL('../fixtures/logo.png', import.meta.url)));
    const zip = await JSZip.loadAsync(
      await renderPptx(deck, { logo: `data:image/png;base64,${logo.toString('base64')}` }),
    );
    const media = Object.keys(zip.files).filter((n) => /^ppt\/media\/.+\.png$/.test(n));
    expect(media).toHaveLength(2);
    const layouts = await Promise.all(
      deck.slides.map(
        async (_, i) =>
          /slideLayouts\/slideLayout(\d+)\.xml/.exec(
            (await zip.file(`ppt/slides/_rels/slide${i + 1}.xml.rels`)?.async('string')) ?? '',
          )?.[1],
      ),
    );
    const framed = new Set(layouts.slice(1, -1));
    expect(framed.size).toBe(1);
    expect(layouts[0]).not.toBe([...framed][0]);
    expect(layouts.at(-1)).not.toBe([...framed][0]);
    const masterRels =
      (await zip.file(`ppt/slideLayouts/_rels/slideLayout${[...framed][0]}.xml.rels`)?.async('string')) ?? '';
    expect(masterRels).toMatch(/media\/[^"]+\.png/);
  });
});
