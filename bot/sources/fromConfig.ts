import { XlsxSource } from '../../cli/sources/xlsxSource';
import type { BotConfig } from '../config';
import { CachedSource } from './cachedSource';
import { GoogleSheetsSource } from './googleSheetsSource';

/** Google Sheets when GOOGLE_SHEETS_ID is set, else the .xlsx file (the bundled sample by default). */
export function sourceFromConfig(config: BotConfig): CachedSource {
  const source =
    config.GOOGLE_SHEETS_ID && config.GOOGLE_APPLICATION_CREDENTIALS
      ? new GoogleSheetsSource({
          spreadsheetId: config.GOOGLE_SHEETS_ID,
          credentialsFile: config.GOOGLE_APPLICATION_CREDENTIALS,
          ...(config.GOOGLE_SHEETS_ROOT_URL ? { rootUrl: config.GOOGLE_SHEETS_ROOT_URL } : {}),
        })
      : new XlsxSource(config.dataFile);
  return new CachedSource(source, config.CACHE_TTL_SECONDS * 1000);
}
