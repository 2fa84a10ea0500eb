import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { WorkbookSource } from '../../core/ports';
import type { CellValue } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { parseCsv } from './csv';

/** A folder of CSV files, one per tab: "Tiket.csv", "Media Sosial.csv", … (the file name is the tab name). */
export class CsvFolderSource implements WorkbookSource {
  constructor(private readonly dir: string) {}

  get description(): string {
    return this.dir;
  }

  async readTabs(names?: readonly string[]): Promise<RawWorkbook> {
    const files = (await readdir(this.dir)).filter((f) => extname(f).toLowerCase() === '.csv').sort();
    const tabs: Record<string, CellValue[][]> = {};
    for (const file of files) {
      const name = basename(file, extname(file));
      if (names && !names.includes(name)) continue;
      tabs[name] = parseCsv(await readFile(join(this.dir, file), 'utf8'));
    }
    return tabs;
  }
}
