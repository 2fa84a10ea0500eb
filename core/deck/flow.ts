import { BREAK_HINT } from '../text/measure';
import { laidHeight, layParagraph, lineHeight, PARAGRAPH_GAP } from './layout';
import type { LaidParagraph, Paragraph } from './model';

/**
 * Text flowing through a section's text boxes (docs/deck.md "Text"): paragraphs are taken whole
 * while they fit; a paragraph taller than what is left is split between lines (at least two lines
 * on each side when it can); a heading never ends a box and moves to the next one with what it
 * introduces when that fits there. The part of a bullet continued in the next box keeps its
 * indent, not its sign.
 */

interface Piece extends Paragraph {
  /** The rest of a bullet: indented, without the sign. */
  readonly indentOnly?: boolean;
  /** The rest of a paragraph split between boxes: its lines from `from` on, as laid at `width` and `pt`. */
  readonly rest?: { readonly width: number; readonly pt: number; readonly laid: LaidParagraph; readonly from: number };
}

const MIN_SPLIT_LINES = 2;

export class TextFlow {
  private readonly queue: Piece[];
  /** Lines of the queue's head at the last width and size asked for. */
  private cache: { piece: Piece; width: number; pt: number; laid: LaidParagraph } | null = null;

  constructor(paragraphs: readonly Paragraph[]) {
    this.queue = [...paragraphs];
  }

  get empty(): boolean {
    return this.queue.length === 0;
  }

  private lay(piece: Piece, width: number, pt: number): LaidParagraph {
    const c = this.cache;
    if (c && c.piece === piece && c.width === width && c.pt === pt) return c.laid;
    const rest = piece.rest;
    // The rest of a split paragraph in a box as wide as the last one keeps its lines (no second
    // pass over a long text); in another width it is laid out again.
    const laid =
      rest && rest.width === width && rest.pt === pt
        ? partOf(rest.laid, rest.from, rest.laid.lines.length)
        : layParagraph(rest ? { ...piece, text: restOf(rest.laid, rest.from) } : piece, width, pt);
    const result = piece.indentOnly ? { ...laid, bullet: false, indent: true } : laid;
    this.cache = { piece, width, pt, laid: result };
    return result;
  }

  /** Height of the heading at `index` with what it introduces (up to the next heading). */
  private groupHeight(index: number, width: number, pt: number): number {
    let h = 0;
    for (let i = index; i < this.queue.length; i++) {
      const p = this.queue[i] as Piece;
      if (i > index && p.heading) break;
      h += laidHeight(i === 0 ? this.lay(p, width, pt) : layParagraph(p, width, pt), pt);
    }
    return h;
  }

  /** The paragraphs (or parts) that fit in a box `width` × `height` at `pt`; at least one line when the box is empty. */
  take(width: number, height: number, pt: number): LaidParagraph[] {
    const taken: LaidParagraph[] = [];
    let used = 0;
    const lh = lineHeight(pt);
    while (this.queue.length) {
      const piece = this.queue[0] as Piece;
      const laid = this.lay(piece, width, pt);
      const h = laidHeight(laid, pt);
      if (piece.heading && this.queue.length > 1) {
        const group = this.groupHeight(0, width, pt);
        const next = this.queue[1] as Piece;
        const nextLines = Math.min(MIN_SPLIT_LINES, layParagraph(next, width, pt).lines.length);
        // The heading and what it introduces move on together when they fit a box of their own;
        // a heading never stays alone at the bottom of a box.
        if (taken.length && used + group > height && (group <= height || used + h + nextLines * lh > height)) break;
      }
      if (used + h <= height + 1e-9) {
        taken.push(laid);
        this.queue.shift();
        used += h;
        continue;
      }
      const fit = Math.floor((height - used - PARAGRAPH_GAP + 1e-9) / lh);
      const total = laid.lines.length;
      const lines = taken.length === 0 ? Math.max(1, fit) : fit;
      // Split only when both parts keep two lines (a lone first or last line reads badly), unless
      // the box is empty and must take something.
      if (
        lines >= 1 &&
        lines < total &&
        (taken.length === 0 || (lines >= MIN_SPLIT_LINES && total - lines >= MIN_SPLIT_LINES))
      ) {
        taken.push(partOf(laid, 0, lines));
        this.queue[0] = {
          text: '',
          bullet: false,
          heading: piece.heading,
          indentOnly: piece.bullet || piece.indentOnly === true,
          rest: { width, pt, laid, from: lines },
        };
      }
      break;
    }
    return taken;
  }

  /** Whether what is left starts with a heading (the team's next topic). */
  get atHeading(): boolean {
    return this.queue[0]?.heading === true && this.queue[0].rest === undefined;
  }

  /** A copy to try a layout on without taking anything from this flow. */
  clone(): TextFlow {
    const copy = new TextFlow([]);
    copy.queue.push(...this.queue);
    return copy;
  }
}

/** Offset in a laid paragraph's flow text where line `index` starts (every join is one character). */
const lineStart = (laid: LaidParagraph, index: number): number =>
  laid.lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);

/** Lines `from`…`to` of a laid paragraph, with their flow text. */
function partOf(laid: LaidParagraph, from: number, to: number): LaidParagraph {
  const start = lineStart(laid, from);
  const end = to >= laid.lines.length ? laid.text.length : lineStart(laid, to) - 1;
  return { ...laid, lines: laid.lines.slice(from, to), text: laid.text.slice(start, end) };
}

/** The text from line `from` on, as plain text again (a cut word's pieces joined back). */
function restOf(laid: LaidParagraph, from: number): string {
  return laid.text.slice(lineStart(laid, from)).split(BREAK_HINT).join('');
}
