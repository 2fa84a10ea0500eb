import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { buildDeck, type NarasiRow } from '../../core/deck/build';
import type { Deck } from '../../core/deck/model';
import type { Report } from '../../core/metrics/model';
import type { ServiceProfile } from '../../core/workbook/profile';
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

/**
 * The logo `Profil Layanan` names, read relative to the data file; a missing or unsupported file
 * is a message, never a crash (the deck is written without it).
 */
export async function readLogo(
  profile: ServiceProfile,
  baseDir: string,
): Promise<{ logo: DeckLogo | null; problem: string | null }> {
  if (!profile.logo) return { logo: null, problem: null };
  if (/^https?:\/\//i.test(profile.logo))
    return { logo: null, problem: `Logo '${profile.logo}' berupa URL; CLI hanya membaca berkas PNG/JPEG lokal` };
  const ext = extname(profile.logo).toLowerCase();
  const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : null;
  if (!mime) return { logo: null, problem: `Logo '${profile.logo}' harus berkas .png atau .jpg` };
  try {
    return { logo: { bytes: await readFile(resolve(baseDir, profile.logo)), mime }, problem: null };
  } catch {
    return { logo: null, problem: `Berkas logo '${profile.logo}' (tab Profil Layanan) tidak dapat dibaca` };
  }
}

export const logoDataUrl = (logo: DeckLogo): string =>
  `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;

export interface DeckFiles {
  readonly deck: Deck;
  readonly pptx?: Uint8Array;
  readonly pdf?: Uint8Array;
}

/** Builds the requested deck files of one report. */
export async function renderDeckFiles(
  report: Report,
  input: { narasi: readonly NarasiRow[]; profile: ServiceProfile; logo: DeckLogo | null },
  formats: readonly DeckFormat[],
): Promise<DeckFiles> {
  const deck = buildDeck(report, { narasi: input.narasi, profile: input.profile });
  const [pptx, pdf] = await Promise.all([
    formats.includes('pptx')
      ? renderPptx(deck, { logo: input.logo ? logoDataUrl(input.logo) : null })
      : Promise.resolve(undefined),
    formats.includes('pdf')
      ? deckFonts().then((f) => renderPdf(deck, { fonts: f, logo: input.logo?.bytes ?? null }))
      : Promise.resolve(undefined),
  ]);
  return { deck, ...(pptx ? { pptx } : {}), ...(pdf ? { pdf } : {}) };
}
