import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../core/ask/parseQuestion';
import { buildDeck, narasiParagraphs } from '../../core/deck/build';
import {
  BODY_BOTTOM,
  BODY_TOP,
  type Box,
  CONTENT_W,
  MAX_TABLE_ROWS,
  slideBoxes,
  tableHeight,
  tableWidthIn,
} from '../../core/deck/layout';
import type { Deck, Slide } from '../../core/deck/model';
import type { Report, Section } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import { DEFAULT_PROFILE, readProfile } from '../../core/workbook/profile';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { sampleWorkbook } from '../../sample/sampleData';
import { TEST_NOW } from '../fixtures/sample';

/** The sample built in memory (no file): the January 2025 report with its Narasi and Profil Layanan. */
const SAMPLE = sampleWorkbook() as Record<string, unknown[][]>;

function sampleDeck(edit: (raw: Record<string, unknown[][]>) => void = () => {}): { deck: Deck; report: Report } {
  const raw = { ...SAMPLE };
  edit(raw);
  const wb = parseWorkbook(raw as RawWorkbook, { now: TEST_NOW });
  const report = new ReportBuilder(wb).build(monthIndex(2025, 1));
  return { deck: buildDeck(report, { narasi: wb.narasi, profile: wb.profile }), report };
}

const texts = (slide: Slide) => [
  ...slide.paragraphs.map((p) => p.text),
  ...slide.tiles.flatMap((t) => [t.label, t.value, t.change ?? '']),
  ...slide.contacts.flatMap((c) => [c.label, c.value]),
];

describe('the deck as data (January 2025 sample)', () => {
  const { deck, report } = sampleDeck();

  it('follows the seeds: cover, Ringkasan, contact page, sections in report order, Evaluasi, Terima Kasih', () => {
    const kinds = deck.slides.map((s) => s.kind);
    expect(kinds.slice(0, 3)).toEqual(['cover', 'ringkasan', 'contacts']);
    expect(kinds.slice(-2)).toEqual(['evaluasi', 'closing']);
    expect(deck.slides[0]).toMatchObject({ title: 'Laporan Layanan Informasi DJPK', subtitle: 'Januari 2025' });
    expect(deck.slides.at(-1)?.title).toBe('Terima Kasih');
    const order = [...new Set(deck.slides.filter((s) => s.kind === 'section').map((s) => s.sectionId))];
    expect(order).toEqual(report.sections.map((s) => s.id).filter((id) => id !== 'ringkasan'));
    expect(deck.slides.map((s) => s.number)).toEqual(deck.slides.map((_, i) => i + 1));
    expect(deck.footer).toBe('Laporan Layanan Informasi DJPK — Januari 2025');
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

  it('the contact page comes from Profil Layanan', () => {
    const contacts = deck.slides[2]?.contacts ?? [];
    expect(contacts).toContainEqual({ label: 'WhatsApp', value: '0811-150420-7' });
    expect(contacts).toContainEqual({ label: 'Email Contact Center', value: 'callcenter.djpk@kemenkeu.go.id' });
    expect(texts(deck.slides.at(-1) as Slide)).toContain(
      'Jalan Dr. Wahidin Raya Nomor 1, Sawah Besar, Jakarta Pusat 10710',
    );
  });

  it('every sentence and every table row of the report is on exactly one slide, in order', () => {
    for (const section of report.sections.filter((s) => s.id !== 'ringkasan')) {
      const slides = deck.slides.filter((s) => s.kind === 'section' && s.sectionId === section.id);
      const sentences = slides.flatMap((s) => s.paragraphs.map((p) => p.text));
      expect(sentences.slice(0, section.sentences.length)).toEqual([...section.sentences]);
      for (const table of section.tables) {
        const rows = slides.flatMap((s) =>
          s.visuals.flatMap((v) => (v.kind === 'table' && v.table.title.startsWith(table.title) ? v.table.rows : [])),
        );
        expect(rows).toEqual(table.rows);
      }
      const charts = slides.flatMap((s) => s.visuals.flatMap((v) => (v.kind === 'chart' ? [v.chart] : [])));
      expect(charts).toEqual(section.charts);
    }
  });

  it('a table part is at most 12 rows and fits its box; continued parts are titled "(lanjutan)"', () => {
    const rincian = deck.slides.filter((s) =>
      s.visuals.some((v) => v.kind === 'table' && v.table.title.startsWith('Rincian Konsultasi Tatap Muka')),
    );
    expect(rincian.length).toBeGreaterThan(1);
    expect(rincian.slice(1).every((s) => s.title.endsWith('(lanjutan)'))).toBe(true);
    for (const slide of deck.slides) {
      const boxes = slideBoxes(slide);
      slide.visuals.forEach((v, i) => {
        if (v.kind !== 'table') return;
        const box = boxes.visuals[i];
        if (!box) throw new Error('no box');
        expect(v.table.rows.length).toBeLessThanOrEqual(MAX_TABLE_ROWS);
        if (v.table.rows.length > 1)
          expect(tableHeight(v.table, tableWidthIn(v.table, box))).toBeLessThanOrEqual(box.h);
      });
    }
  });

  it('two short wide tables share a slide, one above the other; no two boxes overlap, all stay in the body', () => {
    const stacked = deck.slides.find((s) =>
      s.visuals.some((v) => v.kind === 'table' && v.table.title === 'Layanan Lainnya (di luar tiket konsultasi)'),
    );
    expect(stacked?.visuals.map((v) => (v.kind === 'table' ? v.table.title : v.chart.title))).toEqual([
      'Tiket Konsultasi per Kanal',
      'Layanan Lainnya (di luar tiket konsultasi)',
    ]);
    const [top, bottom] = stacked ? slideBoxes(stacked).visuals : [];
    expect(top?.w).toBe(CONTENT_W);
    expect(bottom?.y).toBeGreaterThan((top?.y ?? 0) + (top?.h ?? 0));
    const apart = (a: Box, b: Box) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
    for (const slide of deck.slides) {
      const boxes = slideBoxes(slide);
      const parts = [...(boxes.text ? [boxes.text] : []), ...boxes.visuals];
      for (const box of parts) {
        expect(box.y).toBeGreaterThanOrEqual(BODY_TOP);
        expect(box.y + box.h).toBeLessThanOrEqual(BODY_BOTTOM + 1e-9);
      }
      parts.forEach((a, i) => {
        for (const b of parts.slice(i + 1)) expect(apart(a, b), `slide ${slide.number}`).toBe(true);
      });
    }
  });

  it('Narasi rows follow the section they name (by title or id), keeping their order', () => {
    const i = deck.slides.findIndex((s) => s.kind === 'narasi' && s.title === 'Topik Konsultasi');
    expect(deck.slides[i - 1]?.sectionId).toBe('topik');
    expect(deck.slides[i - 1]?.kind).toBe('section');
    const headings = deck.slides
      .filter((s) => s.kind === 'narasi' && s.sectionId === 'topik')
      .flatMap((s) => s.paragraphs.filter((p) => p.heading).map((p) => p.text));
    expect(headings).toEqual(['Topik DBH', 'Topik DAU', 'Topik Aplikasi', 'Surat Masuk', 'Lainnya', 'Reservasi']);
    const tatapMuka = deck.slides.findIndex((s) => s.title === 'Pedoman Konsultasi Tatap Muka');
    expect(deck.slides[tatapMuka - 1]?.sectionId).toBe('viconTatapMuka');
    expect(deck.slides[tatapMuka + 1]?.sectionId).not.toBe('viconTatapMuka');
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

  it('a long Narasi text continues on a "(lanjutan)" slide; no paragraph is lost', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `- Butir ${i + 1}: ${'kata '.repeat(20)}`);
    const { deck } = withRows(['2025-01', 'Evaluasi dan Saran', 'Catatan', lines.join('\n')]);
    const slides = deck.slides.filter((s) => s.kind === 'evaluasi');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[1]?.title).toBe('Evaluasi dan Saran (lanjutan)');
    expect(slides.flatMap((s) => s.paragraphs).filter((p) => p.bullet)).toHaveLength(40);
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
      metrics: [],
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
