import { keyColor, PALETTE } from '../render/colors';

/**
 * The deck's colours: DJPK blue and gold as in the HTML report, and the channel colours of every
 * renderer (core/render/colors.ts: one colour per channel in the HTML, XLSX, deck and cards,
 * distinct from the ticket total's blue). The deck's colours are RRGGBB (no '#').
 */
export const DJPK_BLUE = '0B4F8A';
export const DJPK_GOLD = 'F2A900';
export const INK = '1D2733';
export const MUTED = '5D6D7E';
export const LIGHT = 'EEF2F6';
export const WHITE = 'FFFFFF';

const bare = (css: string) => css.replace('#', '').toUpperCase();

export const paletteColor = (i: number): string => bare(PALETTE[i % PALETTE.length] ?? '#0b4f8a');

/** A series' or category's colour by its key or name ("konsultasi.kanal.whatsapp", "WhatsApp"), else the palette's. */
export const chartColor = (key: string, i: number): string =>
  bare(keyColor(key, PALETTE[i % PALETTE.length] ?? '#0b4f8a'));

/** Halfway to white. */
export function lighten(hex: string): string {
  const n = Number.parseInt(hex, 16);
  const mix = (shift: number) => Math.round(((n >> shift) & 255) / 2 + 127.5);
  return [mix(16), mix(8), mix(0)]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** A tile's change: red when down, green when up, muted otherwise. */
export const changeColor = (direction: 'up' | 'down' | 'same' | null): string =>
  direction === 'down' ? 'B03A2E' : direction === 'up' ? '1E7A45' : MUTED;
