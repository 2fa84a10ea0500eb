/** The part of fontkit (pdfkit's font engine, the same copy) the PDF renderer calls itself. */
declare module 'fontkit' {
  interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly path: { readonly commands: readonly unknown[] };
  }
  interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  /** A TrueType file is one font (a collection would have `fonts`; the deck's fonts are single). */
  export function create(buffer: Uint8Array): Font;
}
