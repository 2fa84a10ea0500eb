import type { WorkbookSource } from '../../core/ports';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import type { BotConfig } from '../config';
import { CachedSource } from './cachedSource';
import { GoogleSheetsSource } from './googleSheetsSource';

/** Google Sheets when GOOGLE_SHEETS_ID is set, else the .xlsx file (the bundled sample by default). */
export function sourceFromConfig(
  config: BotConfig,
  options: { now?: () => number; log?: (event: Record<string, unknown>) => void; workbook?: WorkbookSource } = {},
): CachedSource {
  const source =
    options.workbook ??
    (config.GOOGLE_SHEETS_ID && config.GOOGLE_APPLICATION_CREDENTIALS
      ? new GoogleSheetsSource({
          spreadsheetId: config.GOOGLE_SHEETS_ID,
          credentialsFile: config.GOOGLE_APPLICATION_CREDENTIALS,
          timeoutMs: config.SHEETS_TIMEOUT_SECONDS * 1000,
          ...(config.GOOGLE_SHEETS_ROOT_URL ? { rootUrl: config.GOOGLE_SHEETS_ROOT_URL } : {}),
        })
      : new XlsxSource(config.dataFile));
  return new CachedSource(source, config.CACHE_TTL_SECONDS * 1000, options.now, options.log);
}
