import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { wibWallClock } from '../core/period/yearMonth';
import type { WorkbookSource } from '../core/ports';
import { type ParsedWorkbook, parseWorkbook } from '../core/workbook/workbook';
import { CliError } from './errors';
import { CsvFolderSource } from './sources/csvFolderSource';
import { XlsxSource } from './sources/xlsxSource';

export async function sourceFor(path: string): Promise<WorkbookSource> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CliError(`Berkas data tidak ditemukan: ${path}`);
  if (info.isDirectory()) return new CsvFolderSource(path);
  if (extname(path).toLowerCase() === '.xlsx') return new XlsxSource(path);
  throw new CliError(`Format berkas ${path} tidak didukung; gunakan .xlsx atau folder berisi CSV per tab`);
}

export async function loadWorkbook(path: string): Promise<{ source: WorkbookSource; wb: ParsedWorkbook }> {
  const source = await sourceFor(path);
  const raw = await source.readTabs().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Berkas ${path} tidak dapat dibaca (${reason.split('\n')[0]})`);
  });
  if (Object.keys(raw).length === 0) throw new CliError(`Berkas ${path} tidak berisi tab apa pun`);
  return { source, wb: parseWorkbook(raw, { now: wibWallClock(Date.now()) }) };
}
