import { BOLD_WIDTHS, GLYPH_RANGES, REGULAR_WIDTHS } from './glyphWidths';

/**
 * Text measured the way the deck draws it: per character, the widest advance of the PDF's and the
 * PPTX's fonts (glyphWidths.ts), so a line that fits here fits in both files. Widths are in em
 * (multiply by the font size); a character outside the table counts as one em.
 */

const UNKNOWN = 1000;
/** Kerning and hinting never widen text by this much; the margin keeps "fits" true in both files. */
const SAFETY = 1.02;

function decode(list: string): Uint16Array {
  const last = GLYPH_RANGES[GLYPH_RANGES.length - 1]?.[1] ?? 0;
  const table = new Uint16Array(last + 1).fill(UNKNOWN);
  const widths = list.split(',').map(Number);
  let i = 0;
  for (const [start, end] of GLYPH_RANGES) for (let c = start; c <= end; c++) table[c] = widths[i++] ?? UNKNOWN;
  return table;
}

let tables: { regular: Uint16Array; bold: Uint16Array } | null = null;
const widthTable = (bold: boolean): Uint16Array => {
  tables ??= { regular: decode(REGULAR_WIDTHS), bold: decode(BOLD_WIDTHS) };
  return bold ? tables.bold : tables.regular;
};

/** Width of the UTF-16 unit at `i` (a surrogate pair counts once, at its high half). */
function unitWidth(text: string, i: number, table: Uint16Array): number {
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return code < table.length ? (table[code] ?? UNKNOWN) : UNKNOWN;
}

/** Width of `text` in em. */
export function textWidthEm(text: string, bold = false): number {
  const table = widthTable(bold);
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += unitWidth(text, i, table);
  return (sum * SAFETY) / 1000;
}

/** Width of `text` in inches at `pt` points. */
export const textWidthIn = (text: string, pt: number, bold = false): number => (textWidthEm(text, bold) * pt) / 72;

export interface BrokenText {
  /** The lines, in order; never empty (an empty text is one empty line). */
  readonly lines: readonly string[];
  /**
   * The text as one string for renderers that wrap by themselves (PPTX): lines joined by a space
   * where the text had one, by a zero-width space where a word longer than a line was cut, so that
   * an office suite breaks it where core did.
   */
  readonly flow: string;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
/** Zero-width space: a break opportunity without a visible character. */
export const BREAK_HINT = '\u200b';

/**
 * Greedy word wrap into lines at most `widthEm` em wide. Runs of white space collapse to one
 * space; a word wider than a line is cut between characters. Linear in the length of the text:
 * every character is measured a bounded number of times and lines are slices of the input, so a
 * 50,000-character word costs what 50,000 characters of prose cost.
 */
export function breakLines(text: string, widthEm: number, bold = false): BrokenText {
  const table = widthTable(bold);
  const max = (Math.max(widthEm, 0.5) * 1000) / SAFETY;
  const space = unitWidth(' ', 0, table);
  const lines: string[] = [];
  const joins: string[] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let lineWidth = 0;
  const flush = (join: string) => {
    if (lineStart < 0) return;
    lines.push(text.slice(lineStart, lineEnd).replace(/\s+/g, ' '));
    joins.push(join);
    lineStart = -1;
    lineWidth = 0;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    let wordWidth = 0;
    while (j < n && !isSpace(text.charCodeAt(j))) wordWidth += unitWidth(text, j++, table);
    if (lineStart >= 0 && lineWidth + space + wordWidth <= max) {
      lineEnd = j;
      lineWidth += space + wordWidth;
    } else {
      flush(' ');
      if (wordWidth <= max) {
        lineStart = i;
        lineEnd = j;
        lineWidth = wordWidth;
      } else {
        // A word longer than a line: as many characters per line as fit (at least one).
        let start = i;
        let width = 0;
        for (let k = i; k < j; k++) {
          const w = unitWidth(text, k, table);
          const pair = w > 0 && k + 1 < j && unitWidth(text, k + 1, table) === 0;
          if (k > start && width + w > max) {
            lines.push(text.slice(start, k));
            joins.push(BREAK_HINT);
            start = k;
            width = 0;
          }
          width += w;
          if (pair) k++;
        }
        lineStart = start;
        lineEnd = j;
        lineWidth = width;
      }
    }
    i = j;
  }
  flush('');
  if (lines.length === 0) return { lines: [''], flow: '' };
  let flow = '';
  const parts: string[] = [];
  lines.forEach((line, k) => {
    parts.push(line, k < lines.length - 1 ? (joins[k] ?? ' ') : '');
  });
  flow = parts.join('');
  return { lines, flow };
}
