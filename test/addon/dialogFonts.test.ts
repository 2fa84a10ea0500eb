/**
 * The Generate Report dialog's PDF fonts are subsets (sheets-addon/fontSubset.ts) so that the dialog
 * opens fast: the BUILT dialog stays under 1 MiB, every character agents type in Indonesian text
 * still has a glyph in both fonts, and a character outside the subsets is replaced with a notice,
 * never drawn as the empty .notdef glyph.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { create as openFont } from 'fontkit';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLYPH_RANGES } from '../../core/text/glyphWidths';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { deckFonts } from '../../formats/deck/deckFiles';
import { GlyphCover, missingGlyphNotice } from '../../formats/deck/glyphCover';
import { codePointsOf, DIALOG_FONT_RANGES } from '../../sheets-addon/fontSubset';
import type { DeckPayload } from '../../sheets-addon/src/deckPayload';
import { pdfPageTexts } from '../deck/pdfText';
import { DialogPage } from './dialogPage';
import { dialogDeckFile } from './dialogScript';
import type { FakeEnvironment } from './fakeAppsScript';
import { addonAndSample, type BuiltAddon, spreadsheetWith } from './harness';

let dir: string;
let built: BuiltAddon;
let raw: RawWorkbook;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-addon-fonts-'));
  ({ built, raw } = await addonAndSample(dir));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * What agents type: names from across the archipelago and abroad, transliterated Arabic, Vietnamese,
 * the report's punctuation and signs. Every character here must print in the dialog's PDF.
 */
const AGENT_TEXT = [
  'Konsultasi dari Pemda Kab. Bulukumba dijawab oleh Andi Rahmawati, S.E., M.Ak.; “TKD 2025” (Dana Bagi Hasil – DBH) naik ≥ 10% — lihat catatan…',
  'Pengguna layanan: José Ramírez, Muñoz, Ayşe Yılmaz, Zoë, François, Jürgen Groß, Søren Ærø, Łukasz, Dvořák, Ştefan, Ţepeş.',
  'Ḥasan al-Ṣāliḥ, ʻAbd al-Raḥmān, Jumʼat; Nguyễn Văn Đức; ½ hari, 3° C, Rp1.500.000, © DJPK™, nomor 44/KM.7/2025 • selesai ✓',
  // Typed on a phone: "e" + combining acute, as some keyboards send it.
  'Rene\u0301 dan Mari\u0301a',
].join(' ');

/** Characters the dialog's fonts do not have, with what the PDF shows instead. */
const OUTSIDE: readonly [string, string][] = [
  ['🙏', '?'],
  ['你', '?'],
  ['Ж', '?'],
  ['ﬁ', 'fi'],
  ['①', '1'],
];
const OUTSIDE_TEXT = 'Terima kasih 🙏 (你) Ж, ﬁnal ①.';

/** The subset fonts the built dialog carries (esbuild writes each .ttf as base64; a TrueType file starts 00 01 00 00). */
function dialogFonts(dialog: string): Uint8Array[] {
  return [...dialog.matchAll(/"(AAEAAA[A-Za-z0-9+/=]+)"/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1] ?? '', 'base64')),
  );
}

/** The codes a PDF's text operators show: pdfkit writes a glyph missing from its font as code 0000 (.notdef). */
function shownCodes(pdf: Uint8Array): string[] {
  const contents = [...inflated(pdf).matchAll(/stream\n([\s\S]*?)\nendstream/g)]
    .map((m) => m[1] ?? '')
    .filter((stream) => / Tf\n/.test(stream));
  // pdfkit's TJ arrays hold hex strings and numbers only, never "]".
  return contents.flatMap((content) =>
    [...content.matchAll(/\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi)].flatMap((op) =>
      [...(op[1] ?? `<${op[2] ?? ''}>`).matchAll(/<([0-9a-f]*)>/gi)].flatMap((h) => h[1]?.match(/.{4}/g) ?? []),
    ),
  );
}

function inflated(pdf: Uint8Array): string {
  return Buffer.from(pdf)
    .toString('latin1')
    .replace(
      /\/Filter \/FlateDecode\n([\s\S]*?)>>\nstream\n([\s\S]*?)\nendstream/g,
      (_, dict: string, body: string) =>
        `${dict}>>\nstream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`,
    );
}

const withNarasi = (text: string): RawWorkbook => ({
  ...raw,
  Narasi: [...(raw.Narasi ?? []), ['2025-01', 'Evaluasi dan Saran', 'Catatan Agen', text]],
});

function deckData(env: FakeEnvironment): DeckPayload {
  const outcome = env.scriptRun('getDeckData', '2025-01');
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value as DeckPayload;
}

/** The page texts of a PDF with every white space removed (core wraps lines where it likes). */
const squeezed = (pdf: Uint8Array) =>
  pdfPageTexts(Buffer.from(inflated(pdf), 'latin1'))
    .join('')
    .replace(/\s+/g, '');

describe("the dialog's PDF fonts are subsets", () => {
  it('the built dialog is under 1 MiB (it was 2.6 MiB with the full DejaVu fonts) and carries exactly the two subsets', async () => {
    expect(Buffer.byteLength(built.dialog)).toBeLessThanOrEqual(1024 * 1024);
    const fonts = dialogFonts(built.dialog);
    expect(fonts).toHaveLength(2);
    const full = await deckFonts();
    for (const [i, font] of fonts.entries()) {
      expect(font.length).toBeLessThan(80_000);
      // The same glyphs and widths as the full font, for every character of the subset.
      const subset = openFont(font);
      const original = openFont(i === 0 ? full.regular : full.bold);
      for (const cp of codePointsOf(DIALOG_FONT_RANGES)) {
        if (!original.hasGlyphForCodePoint(cp)) continue;
        expect([cp, subset.hasGlyphForCodePoint(cp)]).toEqual([cp, true]);
        expect([cp, subset.glyphForCodePoint(cp).advanceWidth]).toEqual([
          cp,
          original.glyphForCodePoint(cp).advanceWidth,
        ]);
      }
      // Cyrillic, Greek and CJK are out: that is where the bytes went.
      for (const char of ['Ж', 'Ω', '你']) expect(subset.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)).toBe(false);
    }
  });

  it('every character agents type in Indonesian text, and every character the layout measures, has a drawn glyph in both fonts', () => {
    const measured = codePointsOf(GLYPH_RANGES).filter((cp) => cp > 0x20 && cp !== 0xa0 && cp !== 0xad);
    const typed = [...new Set(AGENT_TEXT.normalize('NFC'))]
      .filter((c) => c.trim() !== '')
      .map((c) => c.codePointAt(0) ?? 0);
    const full = dialogFonts(built.dialog).map((bytes) => openFont(bytes));
    const fullDejaVu = (cp: number) => full.every((f) => f.hasGlyphForCodePoint(cp));
    // Characters of the layout's ranges DejaVu itself lacks (control-like spaces) are not asked of a subset.
    for (const cp of [...typed, ...measured.filter(fullDejaVu)]) {
      for (const font of full) {
        const glyph = font.glyphForCodePoint(cp);
        expect([String.fromCodePoint(cp), glyph.id > 0 && glyph.path.commands.length > 0]).toEqual([
          String.fromCodePoint(cp),
          true,
        ]);
      }
    }
    expect(typed.length).toBeGreaterThan(60);
  });

  it("the dialog's PDF shows such a text with its own glyphs, no notice, no .notdef", async () => {
    const { env } = spreadsheetWith(withNarasi(AGENT_TEXT), built);
    const payload = deckData(env);
    const { deckFile, close } = dialogDeckFile(built.dialog);
    const file = await deckFile(payload, 'pdf').finally(close);
    expect(file.notices).toEqual([]);
    expect(shownCodes(file.bytes)).not.toContain('0000');
    expect(squeezed(file.bytes)).toContain(AGENT_TEXT.normalize('NFC').replace(/\s+/g, ''));
  });

  it('a character outside the fonts is replaced, named in a notice with its slide, and kept as typed in the PPTX', async () => {
    const { env } = spreadsheetWith(withNarasi(OUTSIDE_TEXT), built);
    const payload = deckData(env);
    const { deckFile, close } = dialogDeckFile(built.dialog);
    const [pdf, pptx] = await Promise.all([deckFile(payload, 'pdf'), deckFile(payload, 'pptx')]).finally(close);
    expect(shownCodes(pdf.bytes)).not.toContain('0000');
    expect(squeezed(pdf.bytes)).toContain('Terimakasih?(?)?,final1.');
    const slide = payload.deck.slides.find((s) => s.paragraphs.some((p) => p.text.includes('🙏')))?.number;
    expect(pdf.notices).toEqual([
      `PDF: 5 karakter tidak ada di font PDF dan diganti: ${OUTSIDE.map(
        ([c, r]) =>
          `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) → "${r}" (slide ${slide})`,
      ).join('; ')}. Berkas PPTX memuat teks aslinya; perbaiki penulisannya di spreadsheet bila perlu.`,
    ]);
    expect(pptx.notices).toEqual([]);
    const zip = await JSZip.loadAsync(pptx.bytes);
    const xml = await zip.file(`ppt/slides/slide${slide}.xml`)?.async('string');
    expect(xml).toContain('Terima kasih 🙏 (你) Ж, ﬁnal ①.');
  });

  it('the dialog page shows that notice under the buttons with the month’s own', async () => {
    const { env } = spreadsheetWith(withNarasi(OUTSIDE_TEXT), built);
    const page = new DialogPage(built.dialog, env);
    try {
      await page.until(() => !page.element('month').disabled);
      page.element('month').value = '2025-01';
      page.click("download('pdf')");
      await page.until(() => page.downloads.length === 1);
      const lines = page.element('notices').children.map((li) => li.textContent);
      expect(lines[0]).toMatch(/^Deck Januari 2025 dibuat walau ada 1 galat data/);
      expect(lines.at(-1)).toMatch(/^PDF: 5 karakter tidak ada di font PDF dan diganti: "🙏" \(U\+1F64F\) → "\?"/);
    } finally {
      page.dispose();
    }
  });
});

describe('GlyphCover', () => {
  const latin = (cp: number) => cp < 0x250;
  it('composes first, then falls back to base letters or "?", drops invisible format characters, and records each once per slide', () => {
    const cover = new GlyphCover(latin);
    cover.slide = 3;
    expect(cover.text('Jose\u0301 Ramírez')).toBe('José Ramírez');
    expect(cover.text('Ḥasan ﬁ 你\u200b好')).toBe('Hasan fi ??');
    cover.slide = 5;
    expect(cover.text('Ḥ')).toBe('H');
    expect(cover.replaced()).toEqual([
      { char: 'Ḥ', replacement: 'H', slides: [3, 5] },
      { char: 'ﬁ', replacement: 'fi', slides: [3] },
      { char: '你', replacement: '?', slides: [3] },
      { char: '好', replacement: '?', slides: [3] },
    ]);
    expect(missingGlyphNotice([])).toBeNull();
    const many = Array.from({ length: 10 }, (_, i) => ({
      char: String.fromCodePoint(0x4e00 + i),
      replacement: '?',
      slides: [2],
    }));
    expect(missingGlyphNotice(many)).toContain('; dan 2 karakter lain.');
  });
});
