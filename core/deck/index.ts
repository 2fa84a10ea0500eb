export { buildDeck, DECK_MOVES, DECK_TITLE, type DeckInput, type NarasiRow, narasiParagraphs } from './build';
export { type ChartContext, chartPlot } from './charts';
export { chartColor, DJPK_BLUE, DJPK_GOLD } from './colors';
export * from './layout';
export type { ChartPlot, Contact, Deck, LaidParagraph, Paragraph, Slide, SlideKind, Tile, Visual } from './model';
export { deckNotices } from './notices';
