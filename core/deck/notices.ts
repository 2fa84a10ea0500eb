import type { Deck } from './model';

/**
 * What a person should know before sharing the deck, one line each (issue: data errors, an empty
 * Evaluasi dan Saran, `Narasi` rows naming no section). The CLI prints them, the add-on dialog shows them.
 */
export function deckNotices(deck: Deck, dataErrors: number): string[] {
  const lines: string[] = [];
  if (dataErrors > 0)
    lines.push(
      `Deck ${deck.monthLabel} dibuat walau ada ${dataErrors} galat data; periksa Validasi sebelum dibagikan.`,
    );
  if (deck.evaluasiEmpty) lines.push(`Evaluasi dan Saran ${deck.monthLabel} belum diisi di tab Narasi.`);
  for (const f of deck.findings) lines.push(`${f.tab}${f.cell ? ` ${f.cell}` : ''}: ${f.message}`);
  return lines;
}
