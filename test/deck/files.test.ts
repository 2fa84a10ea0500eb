import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../core/deck/build';
import type { Deck } from '../../core/deck/model';
import { deckFonts } from '../../formats/deck/deckFiles';
import { renderPdf } from '../../formats/deck/pdf';
import { renderPptx } from '../../formats/deck/pptx';
import { sampleBuilder } from '../fixtures/sample';
import { pdfPageTexts } from './pdfText';

let deck: Deck;
let slides: string[];
let charts: Map<string, string>;
let slideCharts: string[][];
let pages: string[];

/** The text runs of a slide's XML, in document order. */
const slideText = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n');
const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  const builder = await sampleBuilder();
  const report = builder.build(2025 * 12);
  deck = buildDeck(report, { narasi: builder.wb.narasi, profile: builder.wb.profile });
  const [pptx, pdf] = await Promise.all([
    renderPptx(deck),
    deckFonts().then((fonts) => renderPdf(deck, { fonts, compress: false })),
  ]);
  const zip = await JSZip.loadAsync(pptx);
  const count = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  slides = await Promise.all(
    Array.from({ length: count }, (_, i) => zip.file(`ppt/slides/slide${i + 1}.xml`)?.async('string') ?? ''),
  );
  charts = new Map();
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)))
    charts.set(name.split('/').at(-1) ?? name, (await zip.file(name)?.async('string')) ?? '');
  slideCharts = await Promise.all(
    slides.map(async (_, i) => {
      const rels = (await zip.file(`ppt/slides/_rels/slide${i + 1}.xml.rels`)?.async('string')) ?? '';
      return [...rels.matchAll(/Target="[^"]*\/(chart\d+\.xml)"/g)].map((m) => m[1] ?? '');
    }),
  );
  pages = pdfPageTexts(pdf);
});

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

const chartOn = (slideIndex: number, title: string): string => {
  const found = (slideCharts[slideIndex] ?? [])
    .map((name) => charts.get(name) ?? '')
    .find((xml) => xml.includes(`<a:t>${title}</a:t>`));
  if (!found) throw new Error(`no chart '${title}' on slide ${slideIndex + 1}`);
  return found;
};

const slideIndexOf = (title: string, chartTitle: string) =>
  deck.slides.findIndex(
    (s) => s.title === title && s.visuals.some((v) => v.kind === 'chart' && v.chart.title === chartTitle),
  );

describe('the PPTX and the PDF of the January 2025 sample', () => {
  it('have one slide per deck slide, the same count, in the same order', () => {
    expect(slides).toHaveLength(deck.slides.length);
    expect(pages).toHaveLength(deck.slides.length);
    deck.slides.forEach((s, i) => {
      expect(decode(slideText(slides[i] ?? ''))).toContain(s.title);
      expect(pages[i]).toContain(s.title);
    });
    expect(slideText(slides[0] ?? '')).toContain('Januari 2025');
    expect(pages.at(-1)).toContain('Terima Kasih');
  });

  it('carry the footer and the slide number on every slide but the cover', () => {
    const footer = 'Laporan Layanan Informasi DJPK — Januari 2025';
    expect(slideText(slides[0] ?? '')).not.toContain(footer);
    expect(slides[0]).not.toContain('type="slidenum"');
    expect(pages[0]).not.toContain(footer);
    slides.slice(1).forEach((xml, i) => {
      expect(decode(slideText(xml))).toContain(footer);
      expect(xml).toMatch(new RegExp(`type="slidenum"[^>]*>[\\s\\S]*?<a:t>${i + 2}</a:t>`));
      expect(pages[i + 1]?.split('\n')).toEqual(expect.arrayContaining([footer, String(i + 2)]));
    });
  });

  it('show the seed figures on the right slides', () => {
    for (const text of [decode(slideText(slides[1] ?? '')), pages[1] ?? '']) {
      expect(text).toContain('1.010');
      expect(text).toContain('Tiket Konsultasi');
      expect(text).toMatch(/turun 9% dibanding\s*Desember 2024/);
    }
    const pengguna = deck.slides.findIndex((s) => s.sectionId === 'pengguna');
    expect(pages[pengguna]).toMatch(/Pemda\s+824\s+pengguna\s+\(81,58%\)/);
    expect(decode(slideText(slides[pengguna] ?? ''))).toContain('Pemda 824 pengguna (81,58%)');
    const contacts = decode(slideText(slides[2] ?? ''));
    expect(contacts).toContain('0811-150420-7');
    expect(pages[2]).toContain('callcenter.djpk@kemenkeu.go.id');
  });

  it('draw native charts with the report’s series values; months without data are gaps', () => {
    const chartCount = deck.slides.reduce((n, s) => n + s.visuals.filter((v) => v.kind === 'chart').length, 0);
    expect(charts.size).toBe(chartCount);
    const konsultasi = slideIndexOf('Tiket Konsultasi (lanjutan)', 'Perkembangan Jumlah Konsultasi');
    const bar = chartOn(konsultasi, 'Perkembangan Jumlah Konsultasi');
    expect(bar).toContain('<c:barChart>');
    expect(seriesValues(bar, 'Tiket Konsultasi', 3)).toEqual([1112, 1010, 1304]);
    const trendSlide = slideIndexOf('Tiket Konsultasi (lanjutan)', 'Tren Tiket Konsultasi 13 Bulan');
    const trend = chartOn(trendSlide, 'Tren Tiket Konsultasi 13 Bulan');
    expect(trend).toContain('<c:lineChart>');
    expect(trend).toContain('<c:dispBlanksAs val="gap"/>');
    expect(seriesValues(trend, 'Tiket Konsultasi', 13)).toEqual([1304, ...Array(10).fill(null), 1112, 1010]);
    const donut = chartOn(
      slideIndexOf('Tiket Konsultasi', 'Tiket Konsultasi per Kanal Januari 2025'),
      'Tiket Konsultasi per Kanal Januari 2025',
    );
    expect(donut).toContain('<c:doughnutChart>');
    expect(seriesValues(donut, 'Tiket', 5)).toEqual([695, 60, 219, 32, 4]);
    expect(pages[konsultasi]).toMatch(/1\.112[\s\S]*1\.010[\s\S]*1\.304/);
  });

  it('keep channel colours: WhatsApp is the same green in every chart', () => {
    const whatsapp = [...charts.values()].filter((xml) => /<c:v>WhatsApp<\/c:v>/.test(xml));
    expect(whatsapp.length).toBeGreaterThan(1);
    for (const xml of whatsapp) expect(xml).toContain('25A244');
  });

  it('put the Narasi text after its section, in both files', () => {
    const topik = deck.slides.findIndex((s) => s.kind === 'narasi' && s.sectionId === 'topik');
    expect(deck.slides[topik - 1]?.sectionId).toBe('topik');
    for (const text of [decode(slideText(slides[topik] ?? '')), pages[topik] ?? '']) {
      expect(text).toContain('Topik DAU');
      expect(text).toContain('LKT triwulan IV pada aplikasi SIKD Next Generation');
    }
    const evaluasi = deck.slides.findIndex((s) => s.kind === 'evaluasi');
    expect(pages[evaluasi]).toContain('Manajemen Informasi');
    expect(pages[evaluasi]).toContain('•');
  });

  it('embed tables natively with every row of the report', () => {
    const tatapMuka = deck.slides
      .map((s, i) => [s, i] as const)
      .filter(([s]) =>
        s.visuals.some((v) => v.kind === 'table' && v.table.title.startsWith('Rincian Konsultasi Tatap Muka')),
      );
    const xml = tatapMuka.map(([, i]) => slides[i] ?? '').join('');
    expect((xml.match(/<a:tbl>/g) ?? []).length).toBe(tatapMuka.length);
    for (const name of ['Bank BJB', 'Kota Lubuklinggau', 'Kab. Bolaang Mongondow']) expect(decode(xml)).toContain(name);
    const text = tatapMuka.map(([, i]) => pages[i]).join('\n');
    expect(text).toContain('Kota Lubuklinggau');
  });
});

describe('the logo from Profil Layanan', () => {
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
