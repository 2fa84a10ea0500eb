import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { WorkbookSource } from '../../core/ports';
import type { CellValue } from '../../core/workbook/cells';
import { type RawWorkbook, trackingTabOf } from '../../core/workbook/workbook';
import { DataFileError } from '../dataFileError';
import { RegularFileError, readRegularFile, regularFileSize } from '../regularFile';
import { CsvLimitError, parseCsv } from './parseCsv';

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
      tabs[name] = await readCsvTab(join(this.dir, file), file);
    }
    return tabs;
  }
}

/** One tab's CSV: a regular file of at most MAX_CSV_BYTES; every refusal names the file. */
async function readCsvTab(path: string, file: string): Promise<CellValue[][]> {
  try {
    const size = await regularFileSize(path);
    if (size > MAX_CSV_BYTES) {
      throw new DataFileError(
        `berkas ${file} berukuran ${Math.round(size / 1024 / 1024)} MiB, jauh melebihi ukuran log pencatatan; berkas ini tidak dibaca`,
      );
    }
    return parseCsv((await readRegularFile(path, MAX_CSV_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof RegularFileError) {
      throw new DataFileError(
        error.reason === 'notRegular'
          ? `berkas ${file} bukan berkas biasa, mis. FIFO atau perangkat; berkas ini tidak dibaca`
          : error.reason === 'tooBig'
            ? `berkas ${file} melebihi ${MAX_CSV_BYTES / 1024 / 1024} MiB; berkas ini tidak dibaca`
            : `berkas ${file} tidak dapat dibaca`,
      );
    }
    if (error instanceof CsvLimitError)
      throw new DataFileError(`berkas ${file} ${error.message}; berkas ini tidak dibaca`);
    throw error;
  }
}
