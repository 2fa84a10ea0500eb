import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { buildDeck, type NarasiRow } from '../../core/deck/build';
import type { Deck } from '../../core/deck/model';
import type { Report } from '../../core/metrics/model';
import { quoteText } from '../../core/workbook/cells';
import type { ServiceProfile } from '../../core/workbook/profile';
import { type FileRefusal, RegularFileError, readRegularFile } from '../regularFile';
import { type MissingGlyph, missingGlyphNotice } from './glyphCover';
import { checkLogoImage, MAX_LOGO_BYTES } from './logoImage';
import { type PdfFonts, renderPdf } from './pdf';
import { renderPptx } from './pptx';

/** Node side of the deck: fonts from the npm package (never a system font), the logo from a file. */

export const DECK_FORMATS = ['pptx', 'pdf'] as const;
export type DeckFormat = (typeof DECK_FORMATS)[number];

let fonts: Promise<PdfFonts> | null = null;

/** DejaVu Sans Condensed from `dejavu-fonts-ttf`: it has "–", "≥", "•" and every Indonesian letter. */
export function deckFonts(): Promise<PdfFonts> {
  fonts ??= (async () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const [regular, bold] = await Promise.all([
      readFile(join(dir, 'DejaVuSansCondensed.ttf')),
      readFile(join(dir, 'DejaVuSansCondensed-Bold.ttf')),
    ]);
    return { regular, bold };
  })();
  return fonts;
}

export interface DeckLogo {
  readonly bytes: Uint8Array;
  readonly mime: 'image/png' | 'image/jpeg';
}

const LOGO_REFUSALS: Record<FileRefusal, string> = {
  missing: 'tidak ditemukan',
  notRegular: 'bukan berkas biasa (mis. FIFO, perangkat atau berkas sistem)',
  tooBig: `lebih dari ${MAX_LOGO_BYTES / 1024 / 1024} MiB`,
  unreadable: 'tidak dapat dibaca',
};

/**
 * The logo `Profil Layanan` names, read relative to the data file: a regular file of at most
 * MAX_LOGO_BYTES whose header is a PNG or JPEG of at most MAX_LOGO_PIXELS a side. Anything else
 * is a message (the deck is written without it), never a failed run.
 */
export async function readLogo(
  profile: ServiceProfile,
  baseDir: string,
): Promise<{ logo: DeckLogo | null; problem: string | null }> {
  if (!profile.logo) return { logo: null, problem: null };
  const named = `'${quoteText(profile.logo)}' (tab Profil Layanan)`;
  if (/^https?:\/\//i.test(profile.logo))
    return { logo: null, problem: `Logo ${named} berupa URL; CLI hanya membaca berkas PNG/JPEG lokal` };
  const ext = extname(profile.logo).toLowerCase();
  if (ext !== '.png' && ext !== '.jpg' && ext !== '.jpeg')
    return { logo: null, problem: `Logo ${named} harus berkas .png atau .jpg` };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(resolve(baseDir, profile.logo), MAX_LOGO_BYTES);
  } catch (error) {
    const reason = error instanceof RegularFileError ? error.reason : 'unreadable';
    return { logo: null, problem: `Berkas logo ${named} ${LOGO_REFUSALS[reason]}` };
  }
  const image = checkLogoImage(bytes);
  if (!image.ok) return { logo: null, problem: `Logo ${named} tidak dipakai: ${image.why}` };
  return { logo: { bytes, mime: image.image.mime }, problem: null };
}

export const logoDataUrl = (logo: DeckLogo): string =>
  `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;

export interface DeckFiles {
  readonly deck: Deck;
  readonly pptx?: Uint8Array;
  readonly pdf?: Uint8Array;
  /** Set when the logo passed its checks but a renderer could not draw it: the files have no logo. */
  readonly logoProblem?: string;
  /** Set when the PDF's fonts lack characters of the deck: which, and what the PDF shows instead. */
  readonly glyphNotice?: string;
}

/**
 * Builds the requested deck files of one report. A logo a renderer fails on (a PNG whose
 * compressed data is damaged passes the header checks) costs the logo, never the deck: both files
 * are then made without it, so they stay alike.
 */
export async function renderDeckFiles(
  report: Report,
  input: { narasi: readonly NarasiRow[]; profile: ServiceProfile; logo: DeckLogo | null },
  formats: readonly DeckFormat[],
): Promise<DeckFiles> {
  const deck = buildDeck(report, { narasi: input.narasi, profile: input.profile });
  let missing: readonly MissingGlyph[] = [];
  const render = (logo: DeckLogo | null) =>
    Promise.all([
      formats.includes('pptx')
        ? renderPptx(deck, { logo: logo ? logoDataUrl(logo) : null })
        : Promise.resolve(undefined),
      formats.includes('pdf')
        ? deckFonts().then((f) =>
            renderPdf(deck, {
              fonts: f,
              logo: logo?.bytes ?? null,
              onMissingGlyphs: (m) => {
                missing = m;
              },
            }),
          )
        : Promise.resolve(undefined),
    ]);
  let logoProblem: string | null = null;
  let files: Awaited<ReturnType<typeof render>>;
  try {
    files = await render(input.logo);
  } catch (error) {
    if (!input.logo) throw error;
    logoProblem = 'Logo (tab Profil Layanan) tidak dapat digambar; gambarnya rusak';
    files = await render(null);
  }
  const [pptx, pdf] = files;
  const glyphNotice = missingGlyphNotice(missing);
  return {
    deck,
    ...(pptx ? { pptx } : {}),
    ...(pdf ? { pdf } : {}),
    ...(logoProblem ? { logoProblem } : {}),
    ...(glyphNotice ? { glyphNotice } : {}),
  };
}
