export { buildDeck, DECK_TITLE, type DeckInput, type NarasiRow, narasiParagraphs } from './build';
export { chartColors, DJPK_BLUE, DJPK_GOLD } from './colors';
export * from './layout';
export type { Contact, Deck, Paragraph, Slide, SlideKind, Tile } from './model';
export { deckNotices } from './notices';
