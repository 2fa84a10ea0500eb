import type { SummarySheet } from './render/sheetBlocks';
import type { RawWorkbook } from './workbook/workbook';

/** Where the tracking workbook comes from (ARCHITECTURE.md "Ports and adapters"). */
export interface WorkbookSource {
  /** Every tab in one batched read; names not present are simply absent from the result. */
  readTabs(names?: readonly string[]): Promise<RawWorkbook>;
  /** For messages and the report footer: "sample/djpk-sample.xlsx". */
  readonly description: string;
}

/** Where rendered summary tabs go (the add-on's spreadsheet, or an .xlsx copy). */
export interface SummaryWriter {
  writeSummary(sheets: readonly SummarySheet[]): Promise<void>;
}
