import { describe, expect, it } from 'vitest';
import type { Chart, Report } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { keyColor } from '../../core/render/colors';
import { renderFindingsHtml, renderHtml } from '../../core/render/html';
import { escapeMarkdown, escapeMarkdownInline, renderMarkdown } from '../../core/render/markdown';
import { chartFigure, chartLegend, chartNotes, chartSvg } from '../../core/render/svg';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { sampleRaw, sampleReport, section, TEST_NOW } from '../fixtures/sample';

const chart = (title: string, sectionReport: Report, id: string): Chart => {
  const found = section(sectionReport, id).charts.find((c) => c.title === title);
  if (!found) throw new Error(title);
  return found;
};

const line: Chart = {
  kind: 'line',
  title: 'Tren',
  categories: ['Jan-24', 'Feb-24', 'Mar-24', 'Apr-24'],
  series: [
    { name: 'Tiket Konsultasi', values: [10, null, 30, 40] },
    { name: 'WhatsApp', values: [null, null, null, 7] },
  ],
};

describe('SVG charts', () => {
  it('draws at the size shown: no viewBox scaling, text in CSS px, full card width', async () => {
    const html = renderHtml(await sampleReport('2025-01'));
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(20);
    for (const svg of svgs) {
      expect(svg).not.toContain('viewBox');
      expect(svg).toMatch(/width="(100%|180)"/);
    }
    // Chart text is 12 px (≥ 11 px at 1366 px and at 390 px alike, since nothing is scaled).
    expect(html).toContain('svg.chart{display:block;font-size:12px');
  });

  it('a month without data is a gap, never a 0; a lone point is drawn and said', () => {
    const svg = chartSvg(line);
    // Jan→Mar is not joined across Feb; Mar→Apr is.
    expect(svg.match(/<line [^>]*stroke-width="3"/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg).not.toMatch(/Feb-24: 0/);
    expect(chartNotes(line)).toEqual([
      'WhatsApp: hanya satu bulan berdata (Apr-24).',
      'Bulan tanpa data (garis terputus, bukan 0): Feb-24.',
    ]);
    const empty: Chart = { ...line, series: [{ name: 'Email', values: [null, null, null, null] }] };
    expect(chartFigure(empty)).toContain('Belum ada data untuk grafik ini.');
    expect(chartFigure(empty)).not.toContain('<svg');
  });

  it('legends are HTML lists that wrap: all five channels of "Perkembangan Konsultasi per Kanal"', async () => {
    const report = await sampleReport('2025-01');
    const kanal = chart('Perkembangan Konsultasi per Kanal', report, 'kanal');
    const figure = chartFigure(kanal);
    for (const name of ['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat'])
      expect(figure).toContain(`</i>${name}</li>`);
  });

  it('long category labels get their own row ("Topik Konsultasi Lainnya"): no two labels share a line', async () => {
    const report = await sampleReport('2025-01');
    const svg = chartSvg(chart('Topik Konsultasi Lainnya', report, 'topik'));
    const labels = [...svg.matchAll(/<text x="0" y="(\d+)">([^<]+)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(labels.map((l) => l[1])).toEqual([
      'Surat Masuk',
      'Lainnya',
      'Reservasi',
      'Non-DJPK',
      'Permintaan Data',
      'Spam',
      'Pengaduan',
      'Magang',
    ]);
    const ys = labels.map((l) => l[0] as number);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(16);
  });

  it('one colour per channel in every chart', async () => {
    const report = await sampleReport('2025-01');
    const donut = chartLegend(chart('Tiket Konsultasi per Kanal Januari 2025', report, 'konsultasi'));
    const bars = chartLegend(chart('Perkembangan Konsultasi per Kanal', report, 'kanal'));
    const trend = chartLegend(chart('Tren Tiket Konsultasi 13 Bulan', report, 'konsultasi'));
    for (const name of ['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat']) {
      const colour = keyColor(name, 'none');
      expect(colour).not.toBe('none');
      expect(donut.find((l) => l.label.startsWith(`${name}:`))?.color).toBe(colour);
      expect(bars.find((l) => l.label === name)?.color).toBe(colour);
      expect(trend.find((l) => l.label === name)?.color).toBe(colour);
    }
    expect(keyColor('konsultasi.kanal.whatsapp', 'none')).toBe(keyColor('WhatsApp', 'none'));
    expect(new Set(['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat'].map((n) => keyColor(n, ''))).size).toBe(
      5,
    );
  });
});

describe('HTML report', () => {
  it('keeps the findings table out of the director’s report: a notice with the count and what to fix', async () => {
    const html = renderHtml(await sampleReport('2025-01'));
    expect(html).not.toContain('class="findings"><thead');
    expect(html).toContain('Terdapat 1 temuan (1 galat) pada data Januari 2025.');
    expect(html).toContain(
      '<li>Tab Tiket, sel B1272 (kolom Kanal): Kanal &#39;Whatsap&#39; tidak dikenal; maksud Anda &#39;WhatsApp&#39;?</li>',
    );
    expect(html).toContain('Daftar lengkapnya ada di tab Validasi pada laporan .xlsx.');
    // No command for the director to run.
    expect(html).not.toMatch(/npm run|--data|--month|<code>/);
  });

  it('tables scroll inside their card; print CSS for A4 with page numbers', async () => {
    const html = renderHtml(await sampleReport('2025-01'));
    const tables = html.match(/<table/g)?.length ?? 0;
    expect(html.match(/<div class="scroll"><table/g)?.length).toBe(tables);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('counter(page)');
    expect(html).toMatch(/figure,[^{]*\{break-inside:avoid/);
  });

  it('validate --format html lists the findings on their own page', async () => {
    const report = await sampleReport('2025-01');
    const html = renderFindingsHtml(report.findings, 'Januari 2025');
    expect(html).toContain(
      '<td class="text title galat" data-label="Tingkat">Galat</td><td class="text short" data-label="Tab">Tiket</td><td class="text short" data-label="Sel">B1272</td>',
    );
  });
});

/** The sample with agent-typed text that would be live markup if written raw. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '[klik](http://evil.example/a)',
  '![x](http://evil.example/x.png)',
  'a | b',
  '# judul palsu',
  '> kutipan',
  '- butir',
  '<img src=x onerror=alert(1)>',
  'lihat http://evil.example dan www.evil.example',
  '&lt;b&gt;entitas&lt;/b&gt;',
  '**tebal** _miring_ `kode`',
] as const;

async function hostileReport(): Promise<Report> {
  const raw = await sampleRaw();
  const publikasi = (raw.Publikasi ?? []).map((row, i) =>
    i >= 1 && i <= HOSTILE.length ? [row[0] ?? null, HOSTILE[i - 1] ?? '', row[2] ?? null] : row,
  );
  const hostile: RawWorkbook = { ...raw, Publikasi: publikasi };
  const month = parseIsoMonth('2025-01');
  if (month === null) throw new Error('month');
  return new ReportBuilder(parseWorkbook(hostile, { now: TEST_NOW })).build(month);
}

describe('agent text is inert (issue 12, Markdown and HTML)', () => {
  it('escapes every markup-opening character in Markdown, precisely', () => {
    expect(HOSTILE.map(escapeMarkdownInline)).toEqual([
      '\\<script\\>alert(1)\\</script\\>',
      '\\[klik\\](http\\://evil.example/a)',
      '!\\[x\\](http\\://evil.example/x.png)',
      'a \\| b',
      '# judul palsu',
      '\\> kutipan',
      '- butir',
      '\\<img src=x onerror=alert(1)\\>',
      'lihat http\\://evil.example dan www\\.evil.example',
      '\\&lt;b\\&gt;entitas\\&lt;/b\\&gt;',
      '\\*\\*tebal\\*\\* \\_miring\\_ \\`kode\\`',
    ]);
    expect(escapeMarkdown('# judul palsu')).toBe('\\# judul palsu');
    expect(escapeMarkdown('- butir')).toBe('\\- butir');
    expect(escapeMarkdown('1. nomor')).toBe('1\\. nomor');
    expect(escapeMarkdown('baris satu\nbaris dua')).toBe('baris satu baris dua');
  });

  it('a hostile workbook renders to Markdown with no live tag, link, image or table break', async () => {
    const md = renderMarkdown(await hostileReport());
    for (const text of HOSTILE) expect(md).toContain(escapeMarkdownInline(text));
    // No unescaped markup opener remains anywhere in the document.
    expect(md).not.toMatch(/(^|[^\\])<[a-z/!]/im);
    expect(md).not.toMatch(/(^|[^\\])!?\[[^\]]*\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])https?:\/\//m);
    // Every row of the publications table keeps exactly its three cells.
    const rows = md.split('\n').filter((l) => /^\| \d+ \| \d\d\/01\/2025 \|/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(HOSTILE.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });

  it('the HTML report escapes the same text', async () => {
    const html = renderHtml(await hostileReport());
    expect(html).not.toMatch(/<script|<img|href=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp;lt;b&amp;gt;entitas');
  });
});
