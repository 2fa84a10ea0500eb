import { buildDeck } from '../../core/deck/build';
import type { Deck } from '../../core/deck/model';
import { deckNotices } from '../../core/deck/notices';
import type { Report } from '../../core/metrics/model';
import { findingsForMonth } from '../../core/metrics/monthFindings';
import type { ParsedWorkbook } from '../../core/workbook/workbook';

/** What the server side hands the dialog for a download: plain data, as google.script.run requires. */
export interface DeckPayload {
  readonly deck: Deck;
  /** "laporan-2025-01", as the CLI and the bot name the files. */
  readonly fileStem: string;
  /** One line each: data errors, an empty Evaluasi dan Saran, `Narasi` rows naming no section, the logo. */
  readonly notices: readonly string[];
}

export function deckPayload(report: Report, workbook: ParsedWorkbook): DeckPayload {
  const deck = buildDeck(report, { narasi: workbook.narasi, profile: workbook.profile });
  const errors = findingsForMonth(report).filter((f) => f.severity === 'error').length;
  const notices = deckNotices(deck, errors);
  if (!report.monthsWithData.includes(report.month))
    notices.unshift(`Data ${report.monthLabel} belum tersedia; angka di deck tertulis "belum tersedia".`);
  // The logo is a file path or a URL; reading either would need a new OAuth scope (Drive or external requests).
  if (workbook.profile.logo)
    notices.push(`Logo '${workbook.profile.logo}' tidak disertakan dari add-on; CLI menyertakannya dari berkas lokal.`);
  return { deck, fileStem: `laporan-${report.month}`, notices };
}
