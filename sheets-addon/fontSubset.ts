/**
 * Font subsets for the Generate Report dialog, made at build time with HarfBuzz's own subsetter
 * (hb-subset, the wasm build shipped by the harfbuzzjs package; no network, no native tool). A
 * subset keeps the code points asked for, their glyphs, advance widths and cmap. Dropped: TrueType
 * hinting (PDF viewers scale the outlines) and the OpenType layout tables (GPOS kerning, GSUB,
 * GDEF, MATH: 52 KB of base64). Without kerning the dialog's PDF sets each line exactly as wide as
 * core measured it from the advance widths (core/text/glyphWidths.ts); the CLI's full font kerns a
 * few pairs ("AV", "Te") a little tighter. The full fonts (1.3 MB, 1.8 MB as base64) made the
 * dialog 2.7 MB; the subsets are 106 KB.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { GLYPH_RANGES } from '../core/text/glyphWidths';

/**
 * What the dialog's PDF fonts keep: the characters the report's layout measures (GLYPH_RANGES:
 * ASCII, Latin-1, Latin Extended-A, the report's punctuation "–", "•", "≥", "…", "€", …) and
 * what agents may type in Indonesian text beyond them: Latin Extended-B, spacing modifier letters
 * (ʼ ʻ of transliterations), combining diacritics and Latin Extended Additional (ḥ ṣ ṭ ẓ of
 * Arabic names, Vietnamese). Anything else in the PDF becomes its base letter or "?", with a
 * notice (formats/deck/glyphCover.ts); the PPTX keeps the text as written.
 */
export const DIALOG_FONT_RANGES: ReadonlyArray<readonly [number, number]> = [
  ...GLYPH_RANGES,
  [0x0180, 0x024f],
  [0x02b0, 0x02ff],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
];

export const codePointsOf = (ranges: ReadonlyArray<readonly [number, number]>): number[] =>
  ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

interface HarfBuzzSubset {
  readonly memory: { readonly buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  hb_set_add(set: number, value: number): void;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const tag = (name: string) => [...name].reduce((n, c) => n * 256 + (c.codePointAt(0) ?? 0), 0);
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/** Node's WebAssembly global (the project's TypeScript libs do not declare it). */
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };
};

let harfBuzz: Promise<HarfBuzzSubset> | null = null;
function loadHarfBuzz(): Promise<HarfBuzzSubset> {
  harfBuzz ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await wasmApi.instantiate(wasm);
    const hb = instance.exports as unknown as HarfBuzzSubset;
    hb._initialize();
    return hb;
  })();
  return harfBuzz;
}

/** The OpenType tables the dialog's subsets leave out (see above). */
export const DROPPED_TABLES = ['GPOS', 'GSUB', 'GDEF', 'MATH'] as const;

/** A TrueType font with only the glyphs of `codePoints`, without hinting and `dropTables`. */
export async function subsetFont(
  font: Uint8Array,
  codePoints: Iterable<number>,
  dropTables: readonly string[] = DROPPED_TABLES,
): Promise<Uint8Array> {
  const hb = await loadHarfBuzz();
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail failed');
  const data = hb.malloc(font.byteLength);
  // The wasm memory may grow during the calls below: take a fresh view at each use.
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
    const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const name of dropTables) hb.hb_set_add(dropped, tag(name));
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('hb_subset_or_fail failed: the font could not be subset');
    const result = hb.hb_face_reference_blob(subset);
    try {
      const offset = hb.hb_blob_get_data(result, 0);
      const length = hb.hb_blob_get_length(result);
      if (length === 0) throw new Error('hb-subset returned an empty font');
      return new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
    } finally {
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(data);
  }
}
