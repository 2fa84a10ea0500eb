import type { Chart } from '../metrics/model';
import { looseKey } from '../text/textMatch';
import { CHANNELS } from '../workbook/enums';

/** DJPK colours (as in the HTML report) and one fixed colour per channel in every chart. */
export const DJPK_BLUE = '0B4F8A';
export const DJPK_GOLD = 'F2A900';
export const INK = '1D2733';
export const MUTED = '5D6D7E';
export const LIGHT = 'EEF2F6';
export const WHITE = 'FFFFFF';

const PALETTE = ['0B4F8A', 'F2A900', '2E8B57', 'C0392B', '7D3C98', '16A085', 'D35400', '5D6D7E'];

const CHANNEL_COLORS: Readonly<Record<string, string>> = {
  whatsapp: '25A244',
  telepon: '0B4F8A',
  email: 'F2A900',
  helpdesk: 'C0392B',
  livechat: '7D3C98',
};

/** The channel a label names ("WhatsApp", "Konsultasi Live Chat", "WA"), or null. */
function channelColor(label: string): string | null {
  const key = looseKey(label);
  for (const value of CHANNELS.values) {
    // The label anywhere ("Konsultasi WhatsApp"), an alias only as the whole text ("WA").
    if (key.includes(looseKey(value.label)) || value.aliases.some((a) => looseKey(a) === key))
      return CHANNEL_COLORS[value.id] ?? null;
  }
  return null;
}

const paletteColor = (i: number): string => PALETTE[i % PALETTE.length] ?? DJPK_BLUE;

/**
 * Colours of a chart: per point for a single-series bar or donut (channels keep their colour, the
 * report month stands out in blue against gold), per series otherwise.
 */
export function chartColors(chart: Chart, monthShortLabel: string): { perPoint: boolean; colors: string[] } {
  if (chart.kind === 'donut' || (chart.kind === 'bar' && chart.series.length === 1)) {
    const channel = chart.series.length === 1 ? channelColor(chart.series[0]?.name ?? '') : null;
    const colors = chart.categories.map((category, i) => {
      const own = channelColor(category);
      if (own) return own;
      if (chart.kind === 'bar') return category === monthShortLabel ? DJPK_BLUE : DJPK_GOLD;
      return paletteColor(i);
    });
    // Three-month bars of a channel: the month itself in full colour, the others lighter.
    if (chart.kind === 'bar' && channel)
      return {
        perPoint: true,
        colors: chart.categories.map((c) => (c === monthShortLabel ? channel : lighten(channel))),
      };
    return { perPoint: true, colors };
  }
  return { perPoint: false, colors: chart.series.map((s, i) => channelColor(s.name) ?? paletteColor(i)) };
}

/** Halfway to white. */
export function lighten(hex: string): string {
  const n = Number.parseInt(hex, 16);
  const mix = (shift: number) => Math.round(((n >> shift) & 255) / 2 + 127.5);
  return [mix(16), mix(8), mix(0)]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}
