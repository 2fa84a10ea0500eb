/**
 * The Generate Report dialog's browser side of "Unduh PPTX" / "Unduh PDF": the server side returns
 * the month's deck as data (core's Deck model, computed there from the sheet), this turns it into
 * the file with the same renderers as the CLI and the bot. Built in the browser because Apps
 * Script's server runtime has no timers or streams (pptxgenjs and pdfkit need them) and the fonts
 * would have to be loaded on every server call; the dialog needs no new OAuth scope either way.
 */

// Subsets of these fonts (sheets-addon/fontSubset.ts: Latin up to Latin Extended Additional and
// the report's punctuation), put in by the build; a character outside them is replaced with a notice.
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf';
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf';
import { type MissingGlyph, missingGlyphNotice } from '../../formats/deck/glyphCover';
import { renderPdf } from '../../formats/deck/pdf';
import { renderPptx } from '../../formats/deck/pptx';
import type { DeckPayload } from '../src/deckPayload';

export type DeckFileFormat = 'pptx' | 'pdf';

export interface DeckFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** What the person should know about this file (characters the PDF's fonts do not have). */
  readonly notices: readonly string[];
}

const MIME: Record<DeckFileFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
};

export async function deckFile(payload: DeckPayload, format: DeckFileFormat): Promise<DeckFile> {
  let missing: readonly MissingGlyph[] = [];
  const bytes =
    format === 'pptx'
      ? await renderPptx(payload.deck)
      : await renderPdf(payload.deck, {
          fonts: { regular, bold },
          onMissingGlyphs: (m) => {
            missing = m;
          },
        });
  const notice = missingGlyphNotice(missing);
  return { name: `${payload.fileStem}.${format}`, mime: MIME[format], bytes, notices: notice ? [notice] : [] };
}
