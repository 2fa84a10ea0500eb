/**
 * What the PDF does with a character its embedded font has no glyph for. pdfkit would draw the
 * font's empty .notdef glyph: the letter silently gone from a name. Instead every drawn text passes
 * through here: composed forms first (NFC: "e" + U+0301 is the font's "é"); a character still
 * missing becomes its base letters (NFKD without marks: "ǎ" → "a", "ﬁ" → "fi") when the font has
 * those, else "?"; invisible format characters (zero-width space, joiners, variation selectors)
 * are dropped, as they draw nothing anyway. Each replacement is recorded with its slide, for one
 * Indonesian notice. Pure: the caller says which code points the font has.
 */

export interface MissingGlyph {
  /** The character as written in the data. */
  readonly char: string;
  /** What the PDF shows instead. */
  readonly replacement: string;
  /** Slides it appears on, in order. */
  readonly slides: readonly number[];
}

const MARKS = /\p{M}/gu;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
export const FALLBACK = '?';

export class GlyphCover {
  private readonly missing = new Map<string, { replacement: string; slides: number[] }>();
  private readonly known = new Map<number, boolean>();
  /** The slide being drawn, recorded with each replacement. */
  slide = 0;

  constructor(private readonly has: (codePoint: number) => boolean) {}

  private covers(char: string): boolean {
    const cp = char.codePointAt(0) ?? 0;
    let yes = this.known.get(cp);
    if (yes === undefined) {
      yes = this.has(cp);
      this.known.set(cp, yes);
    }
    return yes;
  }

  private coversAll(text: string): boolean {
    for (const char of text) if (!this.covers(char)) return false;
    return true;
  }

  /** `text` in characters the font has (composed: one glyph per accented letter). */
  text(text: string): string {
    const composed = text.normalize('NFC');
    if (this.coversAll(composed)) return composed;
    let out = '';
    for (const char of composed) {
      if (this.covers(char)) out += char;
      else if (INVISIBLE.test(char)) continue;
      else out += this.replace(char);
    }
    return out;
  }

  private replace(char: string): string {
    const base = char.normalize('NFKD').replace(MARKS, '');
    const replacement = base !== '' && this.coversAll(base) ? base : FALLBACK;
    const seen = this.missing.get(char) ?? { replacement, slides: [] };
    if (seen.slides[seen.slides.length - 1] !== this.slide) seen.slides.push(this.slide);
    this.missing.set(char, seen);
    return replacement;
  }

  /** Every character replaced so far, in the order first met. */
  replaced(): MissingGlyph[] {
    return [...this.missing].map(([char, m]) => ({ char, replacement: m.replacement, slides: [...m.slides] }));
  }
}

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** At most this many characters are named in the notice; the rest are counted. */
const NAMED = 8;

/**
 * One Indonesian line for the person making the PDF, or null when nothing was replaced:
 * `PDF: 2 karakter tidak ada di font PDF dan diganti: "ǎ" (U+01CE) → "a" (slide 4); …`.
 */
export function missingGlyphNotice(missing: readonly MissingGlyph[]): string | null {
  if (missing.length === 0) return null;
  const named = missing.slice(0, NAMED).map((m) => {
    const slides = m.slides.length === 1 ? `slide ${m.slides[0]}` : `slide ${m.slides.join(', ')}`;
    return `"${m.char}" (${codePoint(m.char)}) → "${m.replacement}" (${slides})`;
  });
  const more = missing.length > NAMED ? `; dan ${missing.length - NAMED} karakter lain` : '';
  return `PDF: ${missing.length} karakter tidak ada di font PDF dan diganti: ${named.join('; ')}${more}. Berkas PPTX memuat teks aslinya; perbaiki penulisannya di spreadsheet bila perlu.`;
}
