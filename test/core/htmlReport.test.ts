/**
 * Issue 17 item 7: the HTML report carries what the deck carries (the team's Narasi in its
 * section, Evaluasi dan Saran, the contacts of Profil Layanan), shows the director no command, and
 * every wide table reflows on a phone instead of hiding its "Perubahan" columns off screen.
 */
import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import { renderHtml } from '../../core/render/html';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { sampleWorkbook } from '../../sample/sampleData';
import { TEST_NOW } from '../fixtures/sample';

function htmlOf(edit: (raw: Record<string, unknown[][]>) => void = () => {}, year = 2025, month = 1): string {
  const raw = { ...(sampleWorkbook() as Record<string, unknown[][]>) };
  edit(raw);
  const wb = parseWorkbook(raw as RawWorkbook, { now: TEST_NOW });
  const report = new ReportBuilder(wb).build(monthIndex(year, month));
  return renderHtml(report, { narasi: wb.narasi, profile: wb.profile });
}

/** The HTML of one `<section id="…">`. */
const sectionOf = (html: string, id: string): string => {
  const start = html.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
};

const withNarasi = (...rows: unknown[][]) =>
  htmlOf((raw) => {
    raw.Narasi = [['Bulan', 'Bagian', 'Judul', 'Teks'], ...rows];
  });

describe('HTML report: the team’s words and contacts, as in the deck', () => {
  it('a Narasi row sits in the section it names, after the section’s sentences and before its charts', () => {
    const html = withNarasi([
      '2025-01',
      'Layanan WhatsApp',
      'Catatan Tim',
      'Satu kalimat tim.\n- butir satu\n- butir dua',
    ]);
    const whatsapp = sectionOf(html, 'kanalWhatsapp');
    expect(whatsapp).toContain(
      '<div class="narasi"><h3>Catatan Tim</h3><p>Satu kalimat tim.</p><ul><li>butir satu</li><li>butir dua</li></ul></div>',
    );
    expect(whatsapp.indexOf('class="narasi"')).toBeGreaterThan(whatsapp.lastIndexOf('</p><div class="narasi"') - 1);
    expect(whatsapp.indexOf('class="narasi"')).toBeLessThan(whatsapp.indexOf('<figure'));
    expect(html.match(/Satu kalimat tim\./g)).toHaveLength(1);
  });

  it('Pembuka after the Ringkasan, then the contacts; Evaluasi dan Saran at the end with its headings and bullets', () => {
    const html = withNarasi(
      ['2025-01', 'Pembuka', 'Sambutan', 'Selamat datang.'],
      ['2025-01', 'Evaluasi dan Saran', 'Tim Contact Center', '- saran satu\n- saran dua'],
      ['2024-12', 'Evaluasi dan Saran', 'Lama', 'Bulan lalu.'],
    );
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.slice(0, 4)).toEqual(['ringkasan', 'pembuka', 'media-layanan', 'publikasi']);
    expect(ids.slice(-2)).toEqual(['evaluasi', 'catatan-data']);
    expect(sectionOf(html, 'pembuka')).toContain('<h3>Sambutan</h3><p>Selamat datang.</p>');
    expect(sectionOf(html, 'evaluasi')).toContain(
      '<h3>Tim Contact Center</h3><ul><li>saran satu</li><li>saran dua</li></ul>',
    );
    expect(html).not.toContain('Bulan lalu.');
  });

  it('without an Evaluasi dan Saran row the section says it is not filled in; an unknown Bagian goes to Catatan Tim with the closest match', () => {
    const html = withNarasi(['2025-01', 'Layanan Whatsap', '', 'Teks tim.']);
    expect(sectionOf(html, 'evaluasi')).toContain('Evaluasi dan Saran bulan Januari 2025 belum diisi di tab Narasi.');
    expect(sectionOf(html, 'catatan-tim')).toContain('<p>Teks tim.</p>');
    expect(sectionOf(html, 'catatan-data')).toContain(
      'Tab Narasi, sel B2 (kolom Bagian): Bagian &#39;Layanan Whatsap&#39; tidak dikenal; maksud Anda &#39;Layanan WhatsApp&#39;?',
    );
  });

  it('the contact section lists Profil Layanan with the address', () => {
    const html = htmlOf((raw) => {
      raw['Profil Layanan'] = [
        ['Kunci', 'Nilai'],
        ['WhatsApp', '0811-000-111'],
        ['Alamat', 'Jalan Contoh 1'],
      ];
    });
    const contacts = sectionOf(html, 'media-layanan');
    expect(contacts).toContain('<dt>Alamat</dt><dd>Jalan Contoh 1</dd>');
    expect(contacts).toContain('<dt>WhatsApp</dt><dd>0811-000-111</dd>');
    // Keys left empty take the seeds' values, as in the deck.
    expect(contacts).toContain('<dt>Telepon</dt><dd>Dering DJPK 150420</dd>');
  });

  it('the team’s text stays inert: markup in Narasi and Profil Layanan is escaped', () => {
    const html = htmlOf((raw) => {
      raw.Narasi = [
        ['Bulan', 'Bagian', 'Judul', 'Teks'],
        ['2025-01', 'Evaluasi dan Saran', '<img src=x onerror=alert(1)>', '- <script>alert(1)</script>'],
      ];
      raw['Profil Layanan'] = [
        ['Kunci', 'Nilai'],
        ['Website', '<a href="http://evil.example">x</a>'],
      ];
    });
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain('<h3>&lt;img src=x onerror=alert(1)&gt;</h3>');
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).toContain('&lt;a href=&quot;http://evil.example&quot;&gt;x&lt;/a&gt;');
  });
});

describe('HTML report of a partly covered month', () => {
  it('Juli 2023: sections without data are said once in the Ringkasan, as in the deck; no empty chart frames', () => {
    const html = htmlOf(() => {}, 2023, 7);
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    // The sample knows Juli 2023 through three totals: tickets, website visitors, Email Lapor.
    expect(ids).toEqual([
      'ringkasan',
      'media-layanan',
      'website',
      'konsultasi',
      'emailLapor',
      'evaluasi',
      'catatan-data',
    ]);
    expect(ids).not.toContain('kanalWhatsapp');
    expect(sectionOf(html, 'ringkasan')).toMatch(
      /Belum ada data bulan Juli 2023 untuk [^<]*Layanan WhatsApp[^<]*; bagian tersebut tidak ditampilkan\./,
    );
    expect(html.match(/Belum ada data bulan Juli 2023/g)).toHaveLength(1);
    expect(html).not.toMatch(/: 0 \(0%\)/);
  });
});

describe('HTML report on a phone (390 px)', () => {
  it('every table of four or more columns reflows, each cell labelled with its header; none is left to scroll unseen', () => {
    const html = htmlOf();
    const tables = [
      ...html.matchAll(/<table( class="([^"]*)")?><thead><tr>(.*?)<\/tr><\/thead><tbody>(.*?)<\/tbody>/g),
    ];
    expect(tables.length).toBeGreaterThan(30);
    let withPerubahan = 0;
    for (const [, , cls, head, body] of tables) {
      const headers = [...(head ?? '').matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
      if (headers.some((h) => h?.startsWith('Perubahan'))) withPerubahan++;
      if (headers.length < 4) {
        expect(cls ?? '').not.toContain('reflow');
        continue;
      }
      expect(cls).toContain('reflow');
      for (const row of (body ?? '').split('</tr>').filter(Boolean)) {
        const labels = [...row.matchAll(/data-label="([^"]*)"/g)].map((m) => m[1]);
        expect(labels).toEqual(headers);
      }
    }
    // The tables with "Perubahan" columns (those the issue found hidden at 390 px) are among them.
    expect(withPerubahan).toBeGreaterThanOrEqual(7);
    // The phone layout: reflowed tables become cards with their labels; nothing hides a column.
    const phone = html.slice(html.indexOf('@media (max-width:640px)'));
    expect(phone).toContain('table.reflow td::before{content:attr(data-label)');
    expect(html).not.toMatch(/(td|th|tr|col)[^{}]*\{[^}]*display:none/);
  });
});
