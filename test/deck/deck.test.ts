import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../core/ask/parseQuestion';
import {
  buildDeck,
  DECK_MOVES,
  deckOrder,
  narasiParagraphs,
  platformTableTitle,
  pruneTable,
  repeatsChart,
  repeatsSentences,
  repeatsTable,
  sparseTrend,
  trendTable,
} from '../../core/deck/build';
import {
  BODY_BOTTOM,
  BODY_TOP,
  type Box,
  BULLET_INDENT,
  lineHeight,
  MARGIN_X,
  MAX_TABLE_ROWS,
  MIN_BODY_PT,
  SLIDE_W,
} from '../../core/deck/layout';
import type { Deck, Slide } from '../../core/deck/model';
import { joinIndonesian } from '../../core/format/sentences';
import type { Report, Section } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import { chartDrawable } from '../../core/render/chartData';
import { breakLines, textWidthEm, textWidthIn } from '../../core/text/measure';
import { DEFAULT_PROFILE, readProfile } from '../../core/workbook/profile';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { EVALUASI_BULLETS, LONG_PARAGRAPH, longTextWorkbook } from '../../sample/longText';
import { sampleWorkbook } from '../../sample/sampleData';
import { TEST_NOW } from '../fixtures/sample';

/** The sample built in memory (no file): a month's report with its Narasi and Profil Layanan. */
const SAMPLE = sampleWorkbook() as Record<string, unknown[][]>;

function deckOf(raw: Record<string, unknown[][]>, year = 2025, month = 1): { deck: Deck; report: Report } {
  const wb = parseWorkbook(raw as RawWorkbook, { now: TEST_NOW });
  const report = new ReportBuilder(wb).build(monthIndex(year, month));
  return { deck: buildDeck(report, { narasi: wb.narasi, profile: wb.profile }), report };
}

function sampleDeck(edit: (raw: Record<string, unknown[][]>) => void = () => {}, year = 2025, month = 1) {
  const raw = { ...SAMPLE };
  edit(raw);
  return deckOf(raw, year, month);
}

const texts = (slide: Slide) => [
  ...slide.paragraphs.map((p) => p.text),
  ...slide.tiles.flatMap((t) => [t.label, t.value, t.change ?? '']),
  ...slide.contacts.flatMap((c) => [c.label, c.value]),
];

/** The text as a person reads it: the lines joined, a cut word joined again. */
const plain = (slide: Slide) => slide.paragraphs.map((p) => p.text.replace(/\u200b/g, '')).join('\n');

/**
 * Seed 000 (January 2025), section by section: Publikasi Website, Webinar, Email Blast, Kunjungan
 * Website, Tiket Konsultasi, Topik (teknis, lainnya), PENGADUAN, Pengguna Layanan, Rincian Tiket
 * (zona waktu), WhatsApp, Chatbot, Telepon, Help Desk, Live Chat, Email, Video Conference and Tatap
 * Muka, Media Sosial (Instagram, X, Facebook), PPID, Kepuasan, Layer 2, Evaluasi dan Saran.
 */
const SEED_000_ORDER = [
  'publikasi',
  'webinar',
  'blast',
  'website',
  'konsultasi',
  'topik',
  'pengaduan',
  'pengguna',
  'zona',
  'kanalWhatsapp',
  'chatbot',
  'kanalTelepon',
  'kanalHelpdesk',
  'kanalLivechat',
  'kanalEmail',
  'viconTatapMuka',
  'medsos',
  'ppid',
  'kepuasan',
  'layer2',
];

const apart = (a: Box, b: Box) =>
  a.x + a.w <= b.x + 1e-9 || b.x + b.w <= a.x + 1e-9 || a.y + a.h <= b.y + 1e-9 || b.y + b.h <= a.y + 1e-9;

/** Every text line fits its box's width and every box is inside the body; no two boxes overlap. */
function expectFits(deck: Deck): void {
  for (const slide of deck.slides) {
    const where = `slide ${slide.number} (${slide.title})`;
    if (slide.textBox) {
      const box = slide.textBox;
      let h = 0;
      for (const p of slide.paragraphs) {
        const width = box.w - (p.indent ? BULLET_INDENT : 0);
        for (const line of p.lines)
          expect(textWidthIn(line, slide.textPt, p.heading), where).toBeLessThanOrEqual(width + 1e-9);
        h += p.lines.length * lineHeight(slide.textPt);
      }
      expect(h, where).toBeLessThanOrEqual(box.h + 1e-9);
      expect(slide.textPt, where).toBeGreaterThanOrEqual(MIN_BODY_PT);
    }
    const boxes = [...(slide.textBox ? [slide.textBox] : []), ...slide.visuals.map((v) => v.box)];
    for (const box of boxes) {
      expect(box.y, where).toBeGreaterThanOrEqual(BODY_TOP - 1e-9);
      expect(box.y + box.h, where).toBeLessThanOrEqual(BODY_BOTTOM + 1e-6);
      expect(box.x, where).toBeGreaterThanOrEqual(MARGIN_X - 1e-9);
      expect(box.x + box.w, where).toBeLessThanOrEqual(SLIDE_W - MARGIN_X + 1e-6);
    }
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) expect(apart(a, b), where).toBe(true);
    });
    for (const v of slide.visuals) {
      if (v.kind !== 'table') continue;
      expect(v.layout.height, where).toBeLessThanOrEqual(v.box.h + 1e-6);
      for (const [r, row] of [v.layout.header, ...v.layout.rows].entries())
        row.cells.forEach((cell, c) => {
          for (const line of cell.lines)
            expect(textWidthIn(line, 12, r === 0), where).toBeLessThanOrEqual((v.layout.columnWidths[c] ?? 0) + 1e-9);
        });
    }
  }
}

describe('the deck of January 2025 follows seed 000', () => {
  const { deck, report } = sampleDeck();

  it('has the seeds’ length: 30–40 slides, in seed 000’s order', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(30);
    expect(deck.slides.length).toBeLessThanOrEqual(40);
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds.slice(0, 3)).toEqual(['cover', 'ringkasan', 'contacts']);
    expect(kinds.slice(-2)).toEqual(['evaluasi', 'closing']);
    const order = [...new Set(deck.slides.filter((s) => s.kind === 'section').map((s) => s.sectionId))];
    // Email Lapor is not in seed 000; every section of the seed is, in its order.
    expect(order.filter((id) => SEED_000_ORDER.includes(id ?? ''))).toEqual(SEED_000_ORDER);
    expect(order).toContain('emailLapor');
    // The channel overview is shown with the ticket pages, as the seed has no page of its own for it.
    expect(order).not.toContain('kanal');
    expect(deck.slides.map((s) => s.number)).toEqual(deck.slides.map((_, i) => i + 1));
    expect(deck.footer).toBe('Laporan Layanan Informasi DJPK — Januari 2025');
    expect(deck.sectionsWithoutData).toEqual([]);
  });

  it('has seed 000’s pages in seed 000’s order, slide by slide (continued slides folded)', () => {
    // Seed 000's pages by their heading (its cover, summary and contact pages are images in the
    // text): Publikasi Website (p1–3), Webinar (4), Email Blast (5), Kunjungan Website (6), Tiket
    // (7, with Topik and Pengaduan), Pengguna Layanan (8–9), Rincian Tiket/zona (10), WhatsApp and
    // Chatbot (11–12), Telepon (13), Help Desk (14), Live Chat (15), Email (15–16), Video Conference
    // and Pedoman/Tatap Muka (17–19), Media Sosial (20), Instagram (21), X (22), Facebook (23), PPID
    // (24), Kepuasan (26), Layer 2 (27–28), Evaluasi dan Saran (29), Terima Kasih (30).
    const SEED_000_SLIDES = [
      'Laporan Layanan Informasi DJPK',
      'Ringkasan Publikasi dan Layanan Informasi',
      'Media Layanan Informasi DJPK',
      'Publikasi Website DJPK',
      'Publikasi Webinar DJPK',
      'Layanan WhatsApp Blast dan Email Blast',
      'Kunjungan Website DJPK',
      'Tiket Konsultasi',
      'Topik Konsultasi',
      'Pengaduan dan Keluhan',
      'Pengguna Layanan',
      'Zona Waktu dan Jam Layanan',
      'Layanan WhatsApp',
      'Layanan Chatbot DJPK',
      'Layanan Telepon',
      'Layanan Help Desk',
      'Layanan Live Chat',
      'Layanan Email',
      'Video Conference dan Konsultasi Tatap Muka',
      'Publikasi Konten Media Sosial DJPK',
      'Performa Instagram',
      'Performa X',
      'Performa Facebook',
      'Layanan PPID',
      'Kepuasan Pengguna Contact Center DJPK',
      'Layer 2 Contact Center',
      'Evaluasi dan Saran',
      'Terima Kasih',
    ];
    // Sections the report has beyond seed 000 (Email Lapor; issue 20's provinces).
    const beyondSeed = ['Email Lapor DJPK', 'Pengguna Layanan per Provinsi'];
    const folded = deck.slides
      .map((s) => s.title.replace(/ \(lanjutan\)$/, ''))
      .filter((t, i, all) => t !== all[i - 1]);
    expect(folded.filter((t) => !beyondSeed.includes(t))).toEqual(SEED_000_SLIDES);
    expect(deck.slides.length).toBeGreaterThanOrEqual(30);
    expect(deck.slides.length).toBeLessThanOrEqual(40);
  });

  it('moves Pengaduan after Topik and Chatbot after WhatsApp; other sections keep the report order', () => {
    expect(DECK_MOVES).toEqual([
      ['pengaduan', 'topik'],
      ['chatbot', 'kanalWhatsapp'],
    ]);
    const ids = deckOrder(report.sections).map((s) => s.id);
    expect(ids.indexOf('pengaduan')).toBe(ids.indexOf('topik') + 1);
    expect(ids.indexOf('chatbot')).toBe(ids.indexOf('kanalWhatsapp') + 1);
    // A section the report gains later (issue 20's provinces) keeps its place after the one before it.
    const extra: Section = {
      id: 'provinsi' as Section['id'],
      title: 'Provinsi',
      metrics: [],
      sentences: [],
      tables: [],
      charts: [],
    };
    const withExtra = [...report.sections];
    withExtra.splice(report.sections.findIndex((s) => s.id === 'pengguna') + 1, 0, extra);
    const moved: string[] = deckOrder(withExtra).map((s) => s.id);
    expect(moved[moved.indexOf('provinsi') - 1]).toBe('pengguna');
  });

  it('gives each social-media platform its slide, the sentence beside its own chart (seed: Performa Instagram, X, Facebook)', () => {
    for (const platform of ['Instagram', 'X', 'Facebook']) {
      const slide = deck.slides.find((s) => s.title === `Performa ${platform}`);
      expect(slide?.paragraphs.map((p) => p.text)).toEqual([
        expect.stringContaining(`followers ${platform} per 31 Januari`),
      ]);
      const charts = slide?.visuals.flatMap((v) => (v.kind === 'chart' ? [v.plot] : [])) ?? [];
      expect(charts.map((c) => c.title)).toEqual([`Followers ${platform}`]);
      // The axis shows the change (it does not start at 0) and every bar is labelled.
      expect(charts[0]?.axis.visible).toBe(true);
      expect(charts[0]?.axis.min).toBeGreaterThan(0);
      expect(charts[0]?.series[0]?.labels.every((l) => l !== null)).toBe(true);
    }
    const instagram = deck.slides.find((s) => s.title === 'Performa Instagram');
    const facts = instagram?.visuals.find((v) => v.kind === 'table');
    expect(facts?.kind === 'table' ? facts.table.rows : []).toEqual(
      expect.arrayContaining([
        ['Followers', '118.723'],
        ['Reach Total', '269.527'],
        ['Reach Rata-rata', '12.835'],
      ]),
    );
    const followers = instagram?.visuals.find((v) => v.kind === 'chart');
    expect(followers?.kind === 'chart' ? followers.plot.series[0]?.labels : []).toEqual([
      '118.585',
      '118.723',
      '117.069',
    ]);
  });

  it('Ringkasan tiles carry the seed figures and their change against the previous month', () => {
    const tiles = deck.slides[1]?.tiles ?? [];
    expect(tiles.find((t) => t.label === 'Tiket Konsultasi')).toEqual({
      label: 'Tiket Konsultasi',
      value: '1.010',
      change: 'turun 9% dibanding Desember 2024',
      direction: 'down',
    });
    expect(tiles.find((t) => t.label === 'Publikasi Website')).toMatchObject({
      value: '15',
      change: 'naik 25% dibanding Desember 2024',
    });
    expect(tiles.find((t) => t.label === 'Konsultasi Tatap Muka')?.value).toBe('24');
    // The seed's tile: 36, compared as shown (36 vs 34 = +6%), like the report's table and sentence.
    expect(tiles.find((t) => t.label === 'Rata-rata Publikasi Konten Media Sosial')).toMatchObject({
      value: '36',
      change: 'naik 6% dibanding Desember 2024',
    });
  });

  it('the contact page comes from Profil Layanan, with the seeds’ names', () => {
    const contacts = deck.slides[2]?.contacts ?? [];
    expect(contacts).toContainEqual({ label: 'WhatsApp', value: '0811-150420-7' });
    expect(contacts).toContainEqual({ label: 'Email Contact Center', value: 'callcenter.djpk@kemenkeu.go.id' });
    expect(contacts).toContainEqual({ label: 'Facebook', value: 'Direktorat Jenderal Perimbangan Keuangan' });
    expect(contacts).toContainEqual({ label: 'YouTube', value: 'DitjenPK Kemenkeu RI' });
    expect(texts(deck.slides.at(-1) as Slide)).toContain(
      'Jalan Dr. Wahidin Raya Nomor 1, Sawah Besar, Jakarta Pusat 10710',
    );
  });

  it('says every sentence once, in order; draws every chart with data; a table left out repeats what is shown', () => {
    const merged = new Map([['kanal', 'konsultasi']]);
    for (const section of report.sections.filter((s) => s.id !== 'ringkasan')) {
      const host = merged.get(section.id) ?? section.id;
      const slides = deck.slides.filter((s) => s.kind === 'section' && s.sectionId === host);
      const said = slides.map(plain).join('\n');
      let at = 0;
      for (const sentence of section.sentences) {
        const found = said.indexOf(sentence, at);
        expect(found, sentence).toBeGreaterThanOrEqual(0);
        if (host === section.id) at = found;
      }
      const charts = slides.flatMap((s) => s.visuals.flatMap((v) => (v.kind === 'chart' ? [v.chart] : [])));
      for (const chart of section.charts.filter(chartDrawable)) {
        if (!sparseTrend(chart)) {
          expect(charts, chart.title).toContain(chart);
          continue;
        }
        // A trend with data for fewer than half its months is a table of the months it has.
        const shown = slides.flatMap((s) => s.visuals.flatMap((v) => (v.kind === 'table' ? [v.table] : [])));
        expect(shown, chart.title).toContainEqual(trendTable(chart));
      }
      const hostSection = report.sections.filter((s) => s.id === host || merged.get(s.id) === host);
      for (const table of section.tables.filter((t) => t.rows.length)) {
        const rows = slides.flatMap((s) =>
          s.visuals.flatMap((v) =>
            v.kind === 'table' && v.table.title.startsWith(table.title) && !v.table.title.includes(' — ')
              ? v.table.rows
              : [],
          ),
        );
        // Columns and rows of "belum tersedia" only are left out of the deck, and said once.
        const pruned = pruneTable(table);
        if (pruned.missing.length) {
          const note = said.includes(`${table.title}: data ${joinIndonesian(pruned.missing)} belum tersedia.`);
          // …unless the sentences already say it: the comparison month missing, or the rows by name.
          const sentences = section.sentences.join('\n');
          const already =
            /pembanding/.test(sentences) ||
            pruned.missing.every((m) => sentences.includes(m) && /belum/.test(sentences));
          expect(note || already, table.title).toBe(true);
        }
        if (rows.length) {
          expect(rows, table.title).toEqual(pruned.table.rows);
          continue;
        }
        const perPlatform = table.rows.every((r) =>
          slides.some((s) =>
            s.visuals.some((v) => v.kind === 'table' && v.table.title === platformTableTitle(table, String(r[0]))),
          ),
        );
        const allTables = hostSection.flatMap((s) => s.tables);
        // A full listing (every province) is the HTML's and XLSX's; the slide has its chart.
        const detailWithChart = table.detail === true && section.charts.some(chartDrawable);
        const shownElsewhere =
          perPlatform ||
          detailWithChart ||
          repeatsChart(
            pruned.table,
            hostSection.flatMap((s) => s.charts.filter(chartDrawable)),
            true,
          ) ||
          repeatsSentences(table, section.sentences) ||
          repeatsTable(table, allTables);
        expect(shownElsewhere, table.title).toBe(true);
      }
    }
  });

  it('shows the 13-month trend, which the sample knows for 3 months, as a table of those months, not an empty frame', () => {
    const trend = report.sections.flatMap((s) => s.charts).find((c) => c.title === 'Tren Tiket Konsultasi 13 Bulan');
    expect(trend && sparseTrend(trend)).toBe(true);
    const table = deck.slides
      .flatMap((s) => s.visuals)
      .find((v) => v.kind === 'table' && v.table.title === 'Tren Tiket Konsultasi: 3 dari 13 bulan');
    expect(table?.kind === 'table' ? table.table.rows : []).toEqual([
      ['Jan-24', 1304, 1028, 63, 181, 10, 22],
      ['Des-24', 1112, 771, 63, 237, 28, 13],
      ['Jan-25', 1010, 695, 60, 219, 32, 4],
    ]);
    expect(deck.slides.some((s) => s.visuals.some((v) => v.kind === 'chart' && v.chart === trend))).toBe(false);
  });

  it('shows the team’s Narasi on its section’s slides, beside its chart or on its continuation', () => {
    const topik = deck.slides.filter((s) => s.sectionId === 'topik');
    expect(topik.every((s) => s.kind === 'section' && s.visuals.length > 0)).toBe(true);
    const headings = topik.flatMap((s) => s.paragraphs.filter((p) => p.heading).map((p) => p.text));
    expect(headings).toEqual(['Topik DBH', 'Topik DAU', 'Topik Aplikasi', 'Surat Masuk', 'Lainnya', 'Reservasi']);
    // The explanations of the other topics sit beside the chart of the other topics (seed 000).
    const lainnya = topik.find((s) =>
      s.visuals.some((v) => v.kind === 'chart' && v.chart.title === 'Topik Konsultasi Lainnya'),
    );
    expect(lainnya?.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['Surat Masuk', 'Reservasi']));
    const pedoman = deck.slides.find((s) => plain(s).includes('Surat Edaran nomor SE-2/PK.1/2024'));
    expect(pedoman?.sectionId).toBe('viconTatapMuka');
    const chatbot = deck.slides.find((s) => plain(s).includes('opsi “Chat Agent”'));
    expect(chatbot?.sectionId).toBe('chatbot');
    expect(deck.slides.some((s) => s.kind === 'narasi' || s.title.startsWith('Catatan Tim'))).toBe(false);
  });

  it('Evaluasi dan Saran holds the team’s words, with bullets', () => {
    const evaluasi = deck.slides.filter((s) => s.kind === 'evaluasi');
    expect(evaluasi[0]?.title).toBe('Evaluasi dan Saran');
    const paragraphs = evaluasi.flatMap((s) => s.paragraphs);
    expect(paragraphs.filter((p) => p.heading).map((p) => p.text)).toEqual([
      'Tim Contact Center',
      'Manajemen Informasi',
    ]);
    expect(paragraphs.filter((p) => p.bullet)).toHaveLength(2);
    expect(deck.evaluasiEmpty).toBe(false);
    expect(deck.findings).toEqual([]);
  });

  it('lays every text and table out inside its box, within the body', () => {
    expectFits(deck);
    for (const slide of deck.slides)
      for (const v of slide.visuals) if (v.kind === 'table') expect(v.table.rows.length).toBeLessThanOrEqual(16);
  });
});

describe('months the sample knows only in part', () => {
  it('July 2023 (three totals): sections without data are said once on the Ringkasan slide, not a slide each', () => {
    const { deck } = sampleDeck(() => {}, 2023, 7);
    expect(deck.slides.length).toBeLessThanOrEqual(10);
    expect(deck.sectionsWithoutData).toEqual(
      expect.arrayContaining(['Publikasi Website DJPK', 'Pengaduan dan Keluhan']),
    );
    const ringkasan = deck.slides
      .filter((s) => s.sectionId === 'ringkasan')
      .map(plain)
      .join('\n');
    expect(ringkasan).toContain('Belum ada data bulan Juli 2023 untuk Publikasi Website DJPK, Publikasi Webinar DJPK');
    expect(deck.slides.some((s) => s.sectionId === 'pengaduan')).toBe(false);
    // A tile is a figure: the month's only ticket figure, no tile of "belum tersedia".
    expect(deck.slides[1]?.tiles.map((t) => t.value)).toEqual(['1.707']);
    expectFits(deck);
  });

  it.each([
    [2024, 12],
    [2023, 7],
  ])(
    '%i-%i: no chart draws a number for missing data (no "0 (0%)", no 0-height bar, no empty donut)',
    (year, month) => {
      const { deck, report } = sampleDeck(() => {}, year, month);
      const charts = deck.slides.flatMap((s) => s.visuals.flatMap((v) => (v.kind === 'chart' ? [v] : [])));
      expect(charts.length).toBeGreaterThan(0);
      for (const { chart, plot } of charts) {
        expect(chartDrawable(chart)).toBe(true);
        plot.series.forEach((series, si) => {
          series.values.forEach((v, i) => {
            const own = chart.series.find((s) => s.name === series.name) ?? chart.series[si];
            const source = plot.kind === 'donut' ? chart.series[0]?.values[i] : own?.values[i];
            // A drawn value is the report's own (a true 0 of a covered month included); a gap stays a gap.
            expect(v, `${chart.title} ${plot.categories[i]}`).toBe(source ?? null);
            if (v === null) expect(series.labels[i]).toBeNull();
          });
        });
        for (const l of plot.legend) expect(l.label).not.toMatch(/: 0 \(0%\)/);
        // A series without any value is not drawn (no legend entry, no empty series in the PPTX).
        for (const series of plot.series) expect(series.values.some((v) => v !== null)).toBe(true);
      }
      // No table is a grid of "belum tersedia": a column or row without any figure is left out.
      for (const slide of deck.slides)
        for (const v of slide.visuals) {
          if (v.kind !== 'table') continue;
          const { rows, columns } = v.table;
          columns.forEach((_, i) => {
            if (i > 0)
              expect(
                rows.some((r) => r[i] !== null && r[i] !== ''),
                `${v.table.title} ${columns[i]?.header}`,
              ).toBe(true);
          });
          for (const r of rows)
            expect(
              r.slice(1).some((c) => c !== null && c !== ''),
              `${v.table.title} ${r[0]}`,
            ).toBe(true);
        }
      // December 2024 has no eskalasi figures: its donut is not drawn at all.
      expect(charts.some((c) => c.chart.title === 'Persentase Eskalasi Tiket di Luar Jam Layanan')).toBe(false);
      // A bar chart with missing months says so under it.
      const partial = charts.find((c) => c.chart.series.some((s) => s.values.includes(null)) && c.plot.kind !== 'line');
      if (year === 2024) expect(partial?.plot.note).toMatch(/^Belum ada data untuk Nov-24 dan Des-23/);
      expect(report.month).toBe(`${year}-${String(month).padStart(2, '0')}`);
      expectFits(deck);
    },
  );
});

describe('the team’s long text always fits (issue 17)', () => {
  const { deck } = deckOf(longTextWorkbook(20_000));

  it('a 3,000-character paragraph wraps beside its chart and continues on a "(lanjutan)" slide of its section', () => {
    const slides = deck.slides.filter((s) => s.sectionId === 'kanalWhatsapp');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[0]?.visuals.some((v) => v.kind === 'chart')).toBe(true);
    expect(slides.slice(1).every((s) => s.title === 'Layanan WhatsApp (lanjutan)')).toBe(true);
    // Nothing lost: the paragraph's parts, joined, are the paragraph.
    const parts = slides
      .flatMap((s) => s.paragraphs)
      .filter((p) => !p.heading && p.text.startsWith('koordinasi') === false);
    const joined = slides
      .flatMap((s) => s.paragraphs.map((p) => p.lines.join(' ')))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(joined).toContain(LONG_PARAGRAPH.replace(/\s+/g, ' '));
    expect(parts.length).toBeGreaterThan(0);
    expectFits(deck);
  });

  it('14 bullets of Evaluasi dan Saran continue with each heading kept with its bullets', () => {
    const slides = deck.slides.filter((s) => s.kind === 'evaluasi');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[1]?.title).toBe('Evaluasi dan Saran (lanjutan)');
    const bullets = slides.flatMap((s) => s.paragraphs).filter((p) => p.bullet);
    expect(bullets.map((p) => p.lines.join(' '))).toEqual(EVALUASI_BULLETS);
    for (const s of slides) {
      // A slide never ends with a heading; a heading is followed by its first bullet.
      expect(s.paragraphs.at(-1)?.heading).toBe(false);
      s.paragraphs.forEach((p, i) => {
        if (p.heading) expect(s.paragraphs[i + 1]?.bullet).toBe(true);
      });
    }
  });

  it('a 20,000-character word is cut into lines in core, each within its box, on continued slides', () => {
    const slides = deck.slides.filter((s) => s.paragraphs.some((p) => p.lines.some((l) => /^x{20,}$/.test(l))));
    expect(slides.length).toBeGreaterThan(3);
    expect(slides.every((s) => s.sectionId === 'ppid')).toBe(true);
    const word = slides
      .flatMap((s) => s.paragraphs.flatMap((p) => p.lines))
      .join('')
      .match(/x+/g)
      ?.join('');
    expect(word).toHaveLength(20_000);
    // The PPTX wraps by itself: its text has a break hint where core cut the word.
    expect(slides[1]?.paragraphs[0]?.text).toMatch(/^x+\u200bx+/);
    expectFits(deck);
  });
});

describe('breaking lines (core/text/measure.ts)', () => {
  it('wraps at spaces and cuts a word longer than a line, each line within the width', () => {
    const { lines, flow } = breakLines(`Satu dua ${'a'.repeat(250)} tiga`, 40);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(40);
    expect(lines[0]).toBe('Satu dua');
    expect(lines.length).toBeGreaterThan(3);
    expect(flow.replace(/\u200b/g, '')).toBe(`Satu dua ${'a'.repeat(250)} tiga`);
    expect(breakLines('', 10).lines).toEqual(['']);
  });

  it('a 50,000-character word: as many lines as its width needs, one more at most', () => {
    const word = 'W'.repeat(50_000);
    const { lines } = breakLines(word, 60);
    const perLine = Math.floor(60 / textWidthEm('W'));
    expect(lines.join('')).toBe(word);
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(50_000 / perLine) + 1);
    for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(60);
  });

  it('measures with the widest of the two fonts (W wider than i), characters outside the table as one em', () => {
    expect(textWidthEm('W')).toBeGreaterThan(textWidthEm('i') * 3);
    expect(textWidthEm('漢')).toBeGreaterThanOrEqual(1);
  });
});

describe('Narasi placement and findings', () => {
  const withRows = (...rows: unknown[][]) =>
    sampleDeck((raw) => {
      raw.Narasi = [['Bulan', 'Bagian', 'Judul', 'Teks'], ...rows];
    });

  it('Pembuka comes right after the Ringkasan; other months are left out', () => {
    const { deck } = withRows(
      ['2025-01', 'Pembuka', 'Sambutan', 'Selamat datang.'],
      ['2024-12', 'Pembuka', 'Lama', 'Bulan lalu.'],
    );
    expect(deck.slides[2]).toMatchObject({ kind: 'narasi', title: 'Sambutan' });
    expect(deck.slides[2]?.paragraphs.map((p) => p.text)).toEqual(['Selamat datang.']);
    expect(deck.slides.some((s) => s.title === 'Lama')).toBe(false);
    expect(deck.slides[3]?.kind).toBe('contacts');
  });

  it('a one-line Narasi row sits on its section’s slide, never on a slide of its own', () => {
    const { deck } = withRows(['2025-01', 'Layanan WhatsApp', 'Catatan Tim', 'Satu kalimat tim.']);
    const slide = deck.slides.find((s) => plain(s).includes('Satu kalimat tim.'));
    expect(slide?.sectionId).toBe('kanalWhatsapp');
    expect(slide?.visuals.some((v) => v.kind === 'chart')).toBe(true);
    expect(deck.slides.filter((s) => s.sectionId === 'kanalWhatsapp')).toHaveLength(1);
  });

  it('a section without data keeps the team’s words: its slide is shown with them', () => {
    const { deck } = sampleDeck(
      (raw) => {
        raw.Narasi = [
          ['Bulan', 'Bagian', 'Judul', 'Teks'],
          ['2023-07', 'Pengaduan', '', 'Catatan pengaduan Juli.'],
        ];
      },
      2023,
      7,
    );
    expect(deck.slides.find((s) => plain(s).includes('Catatan pengaduan Juli.'))?.sectionId).toBe('pengaduan');
    expect(deck.sectionsWithoutData).not.toContain('Pengaduan dan Keluhan');
  });

  it('an unknown section name is a finding with the closest match, and its text is still in the deck', () => {
    const { deck } = withRows(['2025-01', 'Pengaduam', '', 'Teks tim.']);
    expect(deck.findings).toEqual([
      expect.objectContaining({
        tab: 'Narasi',
        row: 2,
        cell: 'B2',
        severity: 'warning',
        message:
          "Bagian 'Pengaduam' tidak dikenal; maksud Anda 'pengaduan'? Teksnya ditaruh sebelum Evaluasi dan Saran",
      }),
    ]);
    const evaluasi = deck.slides.findIndex((s) => s.kind === 'evaluasi');
    expect(deck.slides[evaluasi - 1]?.paragraphs.map((p) => p.text)).toEqual(['Teks tim.']);
  });

  it('without Evaluasi dan Saran the slide says so and the deck knows', () => {
    const { deck } = withRows();
    expect(deck.evaluasiEmpty).toBe(true);
    expect(deck.slides.find((s) => s.kind === 'evaluasi')?.paragraphs[0]?.text).toBe(
      'Evaluasi dan Saran bulan Januari 2025 belum diisi di tab Narasi.',
    );
  });

  it('Teks lines with "-" or "•" are bullets, others plain text', () => {
    expect(narasiParagraphs('Pengantar\n- satu\n• dua\n\n  tiga  ')).toEqual([
      { text: 'Pengantar', bullet: false, heading: false },
      { text: 'satu', bullet: true, heading: false },
      { text: 'dua', bullet: true, heading: false },
      { text: 'tiga', bullet: false, heading: false },
    ]);
  });
});

describe('Profil Layanan', () => {
  it('missing keys take the seeds’ values; an unknown key is a finding with the closest match', () => {
    const { profile, findings } = readProfile(
      [
        { row: 2, kunci: 'whatsapp', nilai: '0811-000' },
        { row: 3, kunci: 'Alamt', nilai: 'Jalan Lain' },
        { row: 4, kunci: 'Logo', nilai: '' },
      ],
      'Profil Layanan',
    );
    expect(profile).toEqual({ ...DEFAULT_PROFILE, whatsapp: '0811-000' });
    expect(profile.logo).toBeNull();
    expect(findings).toEqual([
      expect.objectContaining({ cell: 'A3', message: "Kunci 'Alamt' tidak dikenal; maksud Anda 'Alamat'?" }),
    ]);
  });
});

describe('long tables of any section', () => {
  it('continue on the next slides, each part within the slide', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i + 1, `Daerah ${i + 1}`, i * 3]);
    const section: Section = {
      id: 'pengguna',
      title: 'Uji',
      metrics: ['konsultasi.total'],
      sentences: ['Satu kalimat.'],
      tables: [
        {
          title: 'Tabel Panjang',
          columns: [
            { header: 'No', format: 'int' },
            { header: 'Daerah', format: 'text' },
            { header: 'Jumlah', format: 'int' },
          ],
          rows,
        },
      ],
      charts: [],
    };
    const { report } = sampleDeck();
    const deck = buildDeck({ ...report, sections: [section] });
    const parts = deck.slides.flatMap((s) => s.visuals.flatMap((v) => (v.kind === 'table' ? [v.table] : [])));
    expect(parts.flatMap((t) => t.rows)).toEqual(rows);
    expect(parts.every((t) => t.rows.length <= MAX_TABLE_ROWS)).toBe(true);
    expect(parts.slice(1).every((t) => t.title === 'Tabel Panjang (lanjutan)')).toBe(true);
    expect(deck.slides.find((s) => s.sectionId === 'pengguna')?.paragraphs[0]?.text).toBe('Satu kalimat.');
    expectFits(deck);
  });
});

describe('the bot question for the deck', () => {
  it('"unduh laporan januari 2025" asks for the January 2025 deck, not its summary', () => {
    const ctx = { currentMonth: monthIndex(2025, 2), monthsWithData: [monthIndex(2025, 1)] };
    expect(parseQuestion('unduh laporan januari 2025', ctx)).toEqual({ kind: 'download', month: monthIndex(2025, 1) });
    expect(parseQuestion('download pdf bulan lalu', ctx)).toEqual({ kind: 'download', month: monthIndex(2025, 1) });
    expect(parseQuestion('laporan januari 2025', ctx)).toEqual({ kind: 'summary', month: monthIndex(2025, 1) });
  });
});
