/**
 * Chart colours shared by every renderer (SVG, .xlsx, Sheets, the deck, cards): a channel keeps one
 * colour in every chart, whatever its position in the series, and no channel takes the ticket
 * total's blue.
 */

/** Colours for series without a stable key (periods, topics, user groups). */
export const PALETTE = ['#0b4f8a', '#f2a900', '#5d6d7e', '#d35400', '#1abc9c', '#8e44ad', '#2c3e50', '#e67e22'];

const KEY_COLORS: Readonly<Record<string, string>> = {
  total: '#0b4f8a',
  tiketkonsultasi: '#0b4f8a',
  whatsapp: '#2e8b57',
  telepon: '#f2a900',
  email: '#c0392b',
  helpdesk: '#7d3c98',
  livechat: '#16a085',
};

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A stable colour for a key ("konsultasi.kanal.whatsapp", "WhatsApp"), or the fallback. */
export function keyColor(key: string, fallback: string): string {
  const last = key.split('.').pop() ?? key;
  return KEY_COLORS[normalize(last)] ?? KEY_COLORS[normalize(key)] ?? fallback;
}

/** The i-th series' (or donut slice's) colour: its key's, else the palette's. */
export const itemColor = (key: string, i: number): string => keyColor(key, PALETTE[i % PALETTE.length] ?? '#333333');

/**
 * Teams' chart colours are names, not hex (Adaptive Cards `ChartColor`: 'categoricalBlue', …;
 * learn.microsoft.com, "Charts in Adaptive Cards"): each keyed colour's nearest name, so a channel
 * reads the same on a card as in the HTML, the .xlsx and the deck.
 */
const CARD_COLORS: Readonly<Record<string, string>> = {
  '#0b4f8a': 'categoricalBlue',
  '#2e8b57': 'categoricalGreen',
  '#f2a900': 'categoricalMarigold',
  '#c0392b': 'categoricalRed',
  '#7d3c98': 'categoricalPurple',
  '#16a085': 'categoricalTeal',
};

/** A keyed item's card colour name; undefined for items without a stable colour (Teams picks). */
export function cardColor(key: string): string | undefined {
  const hex = keyColor(key, '');
  return hex ? CARD_COLORS[hex] : undefined;
}
