/**
 * The add-on's "Unduh PPTX" / "Unduh PDF": the BUILT Code.js answers getDeckData in the Apps Script
 * emulation, and the BUILT GenerateDialog.html's own script turns that payload into the files in a
 * vm context that has only what a browser has (no Buffer, process or require).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../core/deck/build';
import { ReportBuilder } from '../../core/metrics/report';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { deckFonts } from '../../formats/deck/deckFiles';
import { renderPdf } from '../../formats/deck/pdf';
import { renderPptx } from '../../formats/deck/pptx';
import type { DeckPayload } from '../../sheets-addon/src/deckPayload';
import { pdfPageTexts } from '../deck/pdfText';
import { DialogPage } from './dialogPage';
import { dialogDeckFile } from './dialogScript';
import { type FakeEnvironment, MANIFEST_SCOPES } from './fakeAppsScript';
import { addonAndSample, type BuiltAddon, spreadsheetWith } from './harness';

type Payload = DeckPayload;

let dir: string;
let code: string;
let dialog: string;
let scopes: unknown;
let raw: RawWorkbook;

let built: BuiltAddon;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-addon-'));
  ({ built, raw } = await addonAndSample(dir));
  ({ code, dialog, scopes } = built);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const setUp = (workbook: RawWorkbook = raw) => spreadsheetWith(workbook, built);

/** The dialog's "Unduh": getDeckData through google.script.run (the wire's rules, a dialog execution). */
function deckData(env: FakeEnvironment, month: string): Payload {
  const outcome = env.scriptRun('getDeckData', month);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value as Payload;
}

/** Plain JSON, to compare the deck core builds with what crossed the wire. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** A pdfkit PDF with its Flate streams inflated, so pdfPageTexts can read it as it reads `compress: false`. */
function inflated(pdf: Uint8Array): Uint8Array {
  const source = Buffer.from(pdf).toString('latin1');
  const out = source.replace(
    /\/Filter \/FlateDecode\n([\s\S]*?)>>\nstream\n([\s\S]*?)\nendstream/g,
    (_, dict: string, body: string) =>
      `${dict}>>\nstream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`,
  );
  return Buffer.from(out, 'latin1');
}

async function pptxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/(slides|charts)\/[^/]+\.xml$/.test(n)))
    parts.set(name, (await zip.file(name)?.async('string')) ?? '');
  return parts;
}

const coreDeck = (workbook: RawWorkbook, month: number) => {
  const wb = parseWorkbook(workbook, { now: null });
  return buildDeck(new ReportBuilder(wb).build(month), { narasi: wb.narasi, profile: wb.profile });
};

describe('Generate Report dialog: Unduh PPTX and Unduh PDF', () => {
  it('the dialog is the project file that carries the renderers; Code.js does not, and no OAuth scope is added', () => {
    const { env, addon } = setUp();
    addon.showGenerateDialog?.();
    expect(env.dialogs).toEqual([{ title: 'Generate Report', html: dialog }]);
    for (const text of ['>Buat Laporan<', '>Unduh PPTX<', '>Unduh PDF<', '.getDeckData(m)', 'DjpkDeck.deckFile(']) {
      expect(dialog).toContain(text);
    }
    expect(dialog).not.toContain('<!--DECK_SCRIPT-->');
    // The renderers stay out of the server script that every menu click and trigger loads.
    expect(code).not.toContain('ppt/slides/');
    expect(code).not.toContain('%PDF-');
    // No font either (a TrueType file in base64 starts "AAEAAA"); the dialog carries the two subsets.
    expect(code).not.toMatch(/"AAEAAA/);
    expect(dialog.match(/"AAEAAA/g)).toHaveLength(2);
    expect(code).toMatch(/\nfunction getDeckData\(\) \{/);
    expect(scopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(scopes).toEqual(MANIFEST_SCOPES);
  });

  it("getDeckData returns the month's deck as plain data, the deck core builds from the same sheet", () => {
    const { env } = setUp();
    const wire = deckData(env, '2025-01');
    expect(wire.fileStem).toBe('laporan-2025-01');
    expect(wire.deck).toEqual(asJson(coreDeck(raw, 2025 * 12)));
    const ringkasan = wire.deck.slides.find((s) => s.kind === 'ringkasan');
    expect(ringkasan?.tiles.find((t) => t.label === 'Tiket Konsultasi')).toMatchObject({
      value: '1.010',
      change: 'turun 9% dibanding Desember 2024',
    });
    // It reads the sheet and writes nothing: no tab added, none changed.
    expect(env.spreadsheet.sheets.map((s) => s.name)).toEqual(Object.keys(raw));
    expect(env.log.calls.filter((c) => /^(insert|delete|set)/.test(c.method))).toEqual([]);
  });

  it("the dialog's own script builds the same PPTX and PDF as the CLI, without any Node API", async () => {
    const { env } = setUp();
    const payload = deckData(env, '2025-01');
    const { deckFile, close } = dialogDeckFile(dialog);
    const [pptx, pdf] = await Promise.all([deckFile(payload, 'pptx'), deckFile(payload, 'pdf')]).finally(close);
    expect(pptx.name).toBe('laporan-2025-01.pptx');
    expect(pptx.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(pdf.name).toBe('laporan-2025-01.pdf');
    expect(pdf.mime).toBe('application/pdf');

    const [cliPptx, cliPdf] = await Promise.all([
      renderPptx(payload.deck),
      deckFonts().then((fonts) => renderPdf(payload.deck, { fonts, compress: false })),
    ]);
    const [ours, cli] = await Promise.all([pptxParts(pptx.bytes), pptxParts(cliPptx)]);
    const slideCount = [...ours.keys()].filter((n) => n.startsWith('ppt/slides/')).length;
    expect(slideCount).toBe(payload.deck.slides.length);
    expect(ours).toEqual(cli);
    expect(ours.get('ppt/slides/slide2.xml')).toContain('<a:t>1.010</a:t>');

    const pages = pdfPageTexts(inflated(pdf.bytes));
    expect(pages).toHaveLength(payload.deck.slides.length);
    expect(pages).toEqual(pdfPageTexts(cliPdf));
    expect(pages[1]).toContain('1.010');
    expect(pages.at(-1)).toContain('Terima Kasih');
  });

  it('a month without data still gives a deck that says "belum tersedia", with its notices', async () => {
    const { env } = setUp();
    const payload = deckData(env, '2024-06');
    // No tile of "belum tersedia": the Ringkasan slide says once what the month lacks.
    const ringkasan = payload.deck.slides.find((s) => s.kind === 'ringkasan');
    expect(ringkasan?.tiles).toEqual([]);
    expect(ringkasan?.paragraphs.map((p) => p.text).join(' ')).toContain('belum tersedia');
    expect(payload.deck.slides.filter((s) => s.kind === 'section').map((s) => s.sectionId)).toEqual([]);
    expect(payload.notices).toEqual([
      'Data Juni 2024 belum tersedia; angka di deck tertulis "belum tersedia".',
      'Evaluasi dan Saran Juni 2024 belum diisi di tab Narasi.',
    ]);
    const { deckFile, close } = dialogDeckFile(dialog);
    const file = await deckFile(payload, 'pdf').finally(close);
    expect(pdfPageTexts(inflated(file.bytes))[1]).toContain('belum tersedia');
  });

  it('says in Indonesian what is wrong: a bad month, a Narasi row naming no section, a logo it cannot read', () => {
    const { env } = setUp();
    expect(env.scriptRun('getDeckData', '2025-13')).toEqual({
      ok: false,
      error: "Bulan '2025-13' tidak valid; pilih bulan dari daftar.",
    });
    const { env: broken } = setUp();
    broken.spreadsheet.getSpreadsheetTimeZone = () => {
      throw new Error('Layanan tidak tersedia.');
    };
    expect(broken.scriptRun('getDeckData', '2025-01')).toEqual({
      ok: false,
      error: 'Menyiapkan deck gagal: Layanan tidak tersedia. Coba lagi; bila berulang, hubungi admin dengan pesan ini.',
    });
    const narasi = [
      ['Bulan', 'Bagian', 'Judul', 'Teks'],
      ['2025-01', 'Pengaduam', 'Catatan', '<b>teks</b> =HYPERLINK("x")'],
    ];
    const profil = [
      ['Kunci', 'Nilai'],
      ['Logo', 'logo-djpk.png'],
    ];
    const payload = deckData(setUp({ ...raw, Narasi: narasi, 'Profil Layanan': profil }).env, '2025-01');
    expect(payload.notices).toEqual([
      expect.stringMatching(
        /^Deck Januari 2025 dibuat walau ada \d+ galat data; periksa Validasi sebelum dibagikan\.$/,
      ),
      'Evaluasi dan Saran Januari 2025 belum diisi di tab Narasi.',
      "Narasi B2: Bagian 'Pengaduam' tidak dikenal; maksud Anda 'pengaduan'? Teksnya ditaruh sebelum Evaluasi dan Saran",
      "Logo 'logo-djpk.png' tidak disertakan dari add-on; CLI menyertakannya dari berkas lokal.",
    ]);
    // The team's text reaches the deck as typed, as text.
    const texts = payload.deck.slides.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts).toContain('<b>teks</b> =HYPERLINK("x")');
  });
});

describe('the dialog page itself, google.script.run answered by the strict emulator', () => {
  it('opens with the months, downloads the PDF and the PPTX of the chosen month, and writes the report tabs', async () => {
    const { env } = setUp();
    const page = new DialogPage(dialog, env);
    try {
      await page.until(() => !page.element('month').disabled);
      const options = page.element('month').children;
      expect(options.find((o) => o.value === '2025-01')?.textContent).toBe('Januari 2025');
      expect(page.element('pdf').disabled).toBe(false);
      page.element('month').value = '2025-01';

      page.click("download('pdf')");
      await page.until(() => page.downloads.length === 1);
      const pdf = page.downloads[0];
      expect(pdf?.name).toBe('laporan-2025-01.pdf');
      expect(pdf?.blob.type).toBe('application/pdf');
      const bytes = new Uint8Array((await pdf?.blob.arrayBuffer()) ?? new ArrayBuffer(0));
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const slides = deckData(env, '2025-01').deck.slides.length;
      expect(pdfPageTexts(inflated(bytes))).toHaveLength(slides);
      expect(page.element('status').textContent).toBe(
        `PDF Januari 2025 siap: ${slides} slide. Bila unduhan tidak mulai, klik tautan di bawah.`,
      );
      expect(page.element('save').textContent).toMatch(/^Simpan laporan-2025-01\.pdf \(\d+ KB\)$/);
      // The month's notices, as lines under the buttons (the sample has one data error).
      expect(page.element('notices').children.map((li) => li.textContent)).toEqual([
        'Deck Januari 2025 dibuat walau ada 1 galat data; periksa Validasi sebelum dibagikan.',
      ]);
      expect(page.element('notices').hidden).toBe(false);

      // The PPTX of the same month reuses the deck data the page already has.
      page.click("download('pptx')");
      await page.until(() => page.downloads.length === 2);
      expect(page.downloads[1]?.name).toBe('laporan-2025-01.pptx');
      expect(page.calls).toEqual(['getReportMonths', 'getDeckData']);

      page.click('run()');
      await page.until(() => page.element('status').textContent.includes('selesai'));
      expect(page.element('status').className).toBe('');
      expect(page.element('status').textContent).toMatch(/^Laporan Januari 2025 selesai: tab "Laporan 2025-01"/);
      expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(['Laporan 2025-01', 'Validasi', 'Tren']);
      expect(env.alerts).toEqual([]);
    } finally {
      page.dispose();
    }
  });

  it("shows the server's failure in red and enables the buttons again", async () => {
    const { env } = setUp();
    const page = new DialogPage(dialog, env);
    try {
      await page.until(() => !page.element('month').disabled);
      env.lockHeldByOther = true;
      page.click('run()');
      await page.until(() => page.element('status').className === 'error');
      expect(page.element('status').textContent).toBe(
        'Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.',
      );
      expect(page.element('go').disabled).toBe(false);
    } finally {
      page.dispose();
    }
  });
});
