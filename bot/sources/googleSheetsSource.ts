import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from 'googleapis';
import type { WorkbookSource } from '../../core/ports';
import type { CellValue } from '../../core/workbook/cells';
import { type RawWorkbook, trackingTabOf } from '../../core/workbook/workbook';
import { httpStatusOf } from '../httpStatus';

export interface GoogleSheetsOptions {
  readonly spreadsheetId: string;
  /** Path of the service-account JSON key. */
  readonly credentialsFile: string;
  /** Tests point this at a local server speaking the Sheets API. */
  readonly rootUrl?: string;
  /** Tests point the OAuth token exchange at the same local server. */
  readonly tokenUrl?: string;
  readonly retries?: number;
  /** Deadline of one whole read (token, metadata, batchGet, retries); then the last good data is kept. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
export const DEFAULT_SHEETS_TIMEOUT_MS = 30_000;

/** An error the bot can show as is (Indonesian), with the HTTP status when there was one. */
export class SheetsReadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * Google Sheets API v4 through googleapis with a service account: the tab titles (one metadata
 * call), then every tracking tab in ONE values.batchGet. Dates come as serial numbers, i.e. the
 * wall-clock the agent typed, which core reads as WIB.
 */
export class GoogleSheetsSource implements WorkbookSource {
  private client: sheets_v4.Sheets | null = null;

  constructor(private readonly options: GoogleSheetsOptions) {}

  get description(): string {
    return `Google Sheets ${this.options.spreadsheetId}`;
  }

  private async sheets(): Promise<sheets_v4.Sheets> {
    if (this.client) return this.client;
    const key = JSON.parse(await readFile(this.options.credentialsFile, 'utf8')) as {
      client_email?: string;
      private_key?: string;
    };
    // googleapis takes about 1.5 s to load: only when Google Sheets is configured.
    const { google } = await import('googleapis');
    const auth = new google.auth.JWT({
      email: key.client_email,
      key: key.private_key,
      scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly'],
    });
    const tokenUrl = this.options.tokenUrl;
    if (tokenUrl) {
      // gtoken posts the signed JWT to Google's fixed token URL; a test redirects that one request.
      auth.transporter.interceptors.request.add({
        resolved: async (config) => {
          if (String(config.url).startsWith('https://oauth2.googleapis.com/token')) config.url = new URL(tokenUrl);
          return config;
        },
      });
    }
    this.client = google.sheets({
      version: 'v4',
      auth,
      // One retry policy, ours (withRetry), so that backoff is visible and testable.
      retry: false,
      ...(this.options.rootUrl ? { rootUrl: this.options.rootUrl } : {}),
    });
    return this.client;
  }

  private async withRetry<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const retries = this.options.retries ?? 4;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const status = httpStatusOf(error);
        if (status !== null && RETRYABLE.has(status) && attempt < retries) {
          // Exponential backoff with jitter: 0.5 s, 1 s, 2 s, 4 s (+ up to 25%).
          await sleep(500 * 2 ** attempt * (1 + Math.random() / 4));
          continue;
        }
        throw new SheetsReadError(
          status === 403 || status === 404
            ? `Spreadsheet tidak dapat dibuka (HTTP ${status}); pastikan ID benar dan dibagikan ke akun layanan`
            : `Spreadsheet tidak dapat dibaca${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
          status,
        );
      }
    }
  }

  /** One whole read, abandoned (and its requests aborted) after `timeoutMs`. */
  async readTabs(): Promise<RawWorkbook> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_SHEETS_TIMEOUT_MS;
    const controller = new AbortController();
    const timeout = new SheetsReadError(
      `Spreadsheet tidak menjawab dalam ${Math.round(timeoutMs / 100) / 10} detik`.replace('.', ','),
      null,
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort(timeout);
        reject(timeout);
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.readAll(controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readAll(signal: AbortSignal): Promise<RawWorkbook> {
    const sheets = await this.sheets();
    const spreadsheetId = this.options.spreadsheetId;
    const meta = await this.withRetry(
      () => sheets.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties.title' }, { signal }),
      signal,
    );
    const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t && trackingTabOf(t));
    if (titles.length === 0) return {};
    const response = await this.withRetry(
      () =>
        sheets.spreadsheets.values.batchGet(
          {
            spreadsheetId,
            ranges: titles.map((t) => `'${t.replace(/'/g, "''")}'`),
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
            majorDimension: 'ROWS',
          },
          { signal },
        ),
      signal,
    );
    const raw: Record<string, CellValue[][]> = {};
    (response.data.valueRanges ?? []).forEach((range, i) => {
      const title = titles[i];
      if (!title) return;
      raw[title] = (range.values ?? []).map((row) =>
        row.map((cell: unknown) => (cell === '' ? null : (cell as CellValue))),
      );
    });
    return raw;
  }
}
