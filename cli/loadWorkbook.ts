import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { wibWallClock } from '../core/period/yearMonth';
import type { WorkbookSource } from '../core/ports';
import { quoteText } from '../core/workbook/cells';
import { type ParsedWorkbook, parseWorkbook } from '../core/workbook/workbook';
import { CsvFolderSource } from '../formats/csv/csvFolderSource';
import { DataFileError } from '../formats/dataFileError';
import { XlsxSource } from '../formats/xlsx/xlsxSource';
import { NOT_ZIP } from '../formats/xlsx/zipDirectory';
import { CliError } from './errors';

export async function sourceFor(path: string): Promise<WorkbookSource> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CliError(`Berkas data tidak ditemukan: ${path}`);
  if (info.isDirectory()) return new CsvFolderSource(path);
  if (extname(path).toLowerCase() === '.xlsx') return new XlsxSource(path);
  throw new CliError(`Format berkas ${path} tidak didukung; gunakan .xlsx atau folder berisi CSV per tab`);
}

/** Library and system errors met while reading, in words the team can act on. */
export function readFailureReason(error: unknown): string {
  if (error instanceof DataFileError) return error.message;
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  if (code === 'EACCES' || code === 'EPERM') return 'tidak ada izin membaca berkas ini';
  if (code === 'EISDIR') return 'yang ditunjuk adalah folder';
  if (code === 'ERR_STRING_TOO_LONG' || error instanceof RangeError) return 'isinya terlalu besar untuk dibaca';
  const message = error instanceof Error ? error.message : String(error);
  if (/central directory|zip|signature|end of data|invalid (distance|stored|block)|unexpected end/i.test(message))
    return NOT_ZIP;
  return `formatnya tidak dapat dibaca; simpan ulang dari Excel atau Google Sheets (rincian: ${quoteText(message.split('\n')[0] ?? '')})`;
}

export async function loadWorkbook(path: string): Promise<{ source: WorkbookSource; wb: ParsedWorkbook }> {
  const source = await sourceFor(path);
  const raw = await source.readTabs().catch((error: unknown) => {
    throw new CliError(`Berkas ${path} tidak dapat dibaca (${readFailureReason(error)})`);
  });
  if (Object.keys(raw).length === 0) {
    throw new CliError(
      source instanceof CsvFolderSource
        ? `Folder ${path} tidak berisi berkas CSV tab pencatatan (mis. Tiket.csv)`
        : `Berkas ${path} tidak berisi tab apa pun`,
    );
  }
  return { source, wb: parseWorkbook(raw, { now: wibWallClock(Date.now()) }) };
}
