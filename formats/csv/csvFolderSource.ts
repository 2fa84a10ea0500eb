import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { WorkbookSource } from '../../core/ports';
import type { CellValue } from '../../core/workbook/cells';
import { type RawWorkbook, trackingTabOf } from '../../core/workbook/workbook';
import { DataFileError } from '../dataFileError';
import { parseCsv } from './parseCsv';

/** A tab's CSV beyond this is not a tracking log (a 100k-ticket Tiket.csv is about 15 MiB). */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;

/**
 * A folder of CSV files, one per tab: "Tiket.csv", "Media Sosial.csv", … (the file name is the tab
 * name). Only files named after a tracking tab (or its alias) are read: anything else in the
 * folder is none of the report's business and is never opened.
 */
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
      if (trackingTabOf(name) === null) continue;
      if (names && !names.includes(name)) continue;
      const path = join(this.dir, file);
      const { size } = await stat(path);
      if (size > MAX_CSV_BYTES) {
        throw new DataFileError(
          `berkas ${file} berukuran ${Math.round(size / 1024 / 1024)} MiB, jauh melebihi ukuran log pencatatan; berkas ini tidak dibaca`,
        );
      }
      tabs[name] = parseCsv(await readFile(path, 'utf8'));
    }
    return tabs;
  }
}
