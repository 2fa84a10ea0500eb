import { ReportBuilder } from '../../core/metrics/report';
import type { MonthIndex } from '../../core/period/yearMonth';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { renderDeckFiles } from '../../formats/deck/deckFiles';

/** One deck build: what the worker is given (structured-cloned) and what it sends back. */
export interface DeckBuildRequest {
  readonly raw: RawWorkbook;
  readonly month: MonthIndex;
  /** WIB wall clock the rows are judged on (the start of the day the content key names). */
  readonly now: number;
}

export interface DeckBuildResult {
  /** Null when the month has no data. */
  readonly files: { readonly pptx: Uint8Array; readonly pdf: Uint8Array } | null;
  /** The build's own figures, for the log: time in the worker and its heap. */
  readonly ms: number;
  readonly heapUsedMb: number;
  readonly heapLimitMb: number;
}

/** The month's PPTX and PDF from the raw workbook: what bot/deck/deckWorker.ts runs off the bot's event loop. */
export async function buildMonthDeck(request: DeckBuildRequest): Promise<{ pptx: Uint8Array; pdf: Uint8Array } | null> {
  const wb = parseWorkbook(request.raw, { now: request.now });
  const builder = new ReportBuilder(wb);
  if (!builder.figures.monthsWithData().includes(request.month)) return null;
  const { pptx, pdf } = await renderDeckFiles(
    builder.build(request.month),
    { narasi: wb.narasi, profile: wb.profile, logo: null },
    ['pptx', 'pdf'],
  );
  if (!pptx || !pdf) throw new Error('deck tanpa berkas');
  return { pptx, pdf };
}
