import type { WorkbookSource } from '../../core/ports';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { readXlsxFile } from './readXlsx';

export class XlsxSource implements WorkbookSource {
  constructor(private readonly path: string) {}

  get description(): string {
    return this.path;
  }

  async readTabs(names?: readonly string[]): Promise<RawWorkbook> {
    const tabs = await readXlsxFile(this.path);
    if (!names) return tabs;
    return Object.fromEntries(Object.entries(tabs).filter(([name]) => names.includes(name)));
  }
}
