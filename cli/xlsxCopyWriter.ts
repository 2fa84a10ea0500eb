import type { SummaryWriter } from '../core/ports';
import type { SummarySheet } from '../core/render/sheetBlocks';
import { summaryWorkbook } from '../formats/xlsx/summaryWorkbook';
import { writeOutputFile } from './safeWrite';

/** The CLI's SummaryWriter: a copy of the data file with the summary tabs, written next to it, never over it. */
export class XlsxCopyWriter implements SummaryWriter {
  constructor(
    private readonly sourcePath: string,
    private readonly outPath: string,
  ) {}

  async writeSummary(sheets: readonly SummarySheet[]): Promise<void> {
    await writeOutputFile(this.outPath, await summaryWorkbook(this.sourcePath, sheets));
  }
}
