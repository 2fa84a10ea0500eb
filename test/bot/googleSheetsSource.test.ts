/** The real googleapis client against a local server that answers like the Sheets API v4. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedSource } from '../../bot/sources/cachedSource';
import { GoogleSheetsSource } from '../../bot/sources/googleSheetsSource';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { parseWorkbook } from '../../core/workbook/workbook';
import { listenLocal, serviceAccountKeyFile } from './serviceAccount';

interface Hit {
  readonly method: string;
  readonly path: string;
  readonly auth: string | undefined;
}

/** Sheets values as the API returns them with UNFORMATTED_VALUE + SERIAL_NUMBER. */
const serial = (y: number, m: number, d: number, h = 0, mi = 0) =>
  (Date.UTC(y, m - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86_400_000;
const TABS: Record<string, unknown[][]> = {
  Tiket: [
    ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Topik', 'Zona Waktu'],
    [serial(2025, 1, 6, 9, 15), 'WhatsApp', 'Pemda', 'DAU', 'WIB'],
    [serial(2025, 1, 6, 17, 0), 'Email', 'Pemda', 'DBH', 'WITA'],
    [serial(2024, 12, 30, 10, 0), 'WA', 'K/L', 'DAU', ''],
  ],
  Website: [
    ['Bulan', 'Pengunjung'],
    [serial(2025, 1, 1), 104000],
  ],
  Catatan: [['tidak dibaca']],
};

let server: Server;
let rootUrl = '';
let keyFile = '';
const hits: Hit[] = [];
/** Statuses to answer the next values:batchGet calls with (then 200). */
const batchScript: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '', 'http://x');
    hits.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, auth: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/token') {
      res.end(JSON.stringify({ access_token: 'test-token', expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    if (url.pathname === '/v4/spreadsheets/sheet-123') {
      res.end(JSON.stringify({ sheets: Object.keys(TABS).map((title) => ({ properties: { title } })) }));
      return;
    }
    if (url.pathname === '/v4/spreadsheets/sheet-123/values:batchGet') {
      const status = batchScript.shift() ?? 200;
      if (status !== 200) {
        res.statusCode = status;
        res.end(JSON.stringify({ error: { code: status, message: 'scripted', status: 'UNAVAILABLE' } }));
        return;
      }
      const ranges = url.searchParams.getAll('ranges');
      res.end(
        JSON.stringify({
          spreadsheetId: 'sheet-123',
          valueRanges: ranges.map((range) => ({
            range,
            majorDimension: 'ROWS',
            values: TABS[range.replace(/^'|'$/g, '')] ?? [],
          })),
        }),
      );
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { code: 404, message: 'Requested entity was not found.' } }));
  });
  rootUrl = await listenLocal(server);
  keyFile = await serviceAccountKeyFile(`${rootUrl}token`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const source = (spreadsheetId = 'sheet-123', sleeps: number[] = []) =>
  new GoogleSheetsSource({
    spreadsheetId,
    credentialsFile: keyFile,
    rootUrl,
    tokenUrl: `${rootUrl}token`,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });

describe('GoogleSheetsSource', () => {
  it('reads every tracking tab in ONE values.batchGet, with a service-account token', async () => {
    hits.length = 0;
    const raw = await source().readTabs();
    const api = hits.filter((h) => h.path.startsWith('/v4/'));
    expect(api.map((h) => h.path.split('?')[0])).toEqual([
      '/v4/spreadsheets/sheet-123',
      '/v4/spreadsheets/sheet-123/values:batchGet',
    ]);
    expect(api.every((h) => h.auth === 'Bearer test-token')).toBe(true);
    const batch = new URL(`http://x${api[1]?.path}`);
    expect(batch.searchParams.getAll('ranges')).toEqual(["'Tiket'", "'Website'"]);
    expect(batch.searchParams.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(batch.searchParams.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
    expect(Object.keys(raw)).toEqual(['Tiket', 'Website']);
    // Serial dates are the wall-clock typed in the sheet: the 17:00 ticket is outside service hours.
    const report = new ReportBuilder(parseWorkbook(raw, { now: null })).build(parseIsoMonth('2025-01') ?? 0);
    expect(report.metrics['konsultasi.total']).toMatchObject({ value: 2, previousMonth: 1 });
    expect(report.metrics['konsultasi.jam.luar']?.value).toBe(1);
    expect(report.metrics['website.pengunjung']?.value).toBe(104000);
  });

  it('retries 429 and 5xx with exponential backoff, then succeeds', async () => {
    batchScript.push(429, 503);
    const sleeps: number[] = [];
    const raw = await source('sheet-123', sleeps).readTabs();
    expect(Object.keys(raw)).toEqual(['Tiket', 'Website']);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
  });

  it('a sheet that cannot be opened gives an Indonesian message; the cache keeps serving the last good data', async () => {
    await expect(source('tidak-ada').readTabs()).rejects.toThrow(
      'Spreadsheet tidak dapat dibuka (HTTP 404); pastikan ID benar dan dibagikan ke akun layanan',
    );
    let now = 0;
    const cached = new CachedSource(source(), 60_000, () => now);
    const first = await cached.read();
    expect(first.staleBecause).toBeNull();
    batchScript.push(500, 500, 500, 500, 500);
    now = 120_000;
    // After the TTL the question is answered at once from the data in hand; one refresh runs behind it.
    const second = await cached.read();
    expect(second).toMatchObject({ raw: first.raw, olderThanTtl: true, staleBecause: null });
    expect(cached.refreshing).toBe(true);
    await cached.refresh();
    const third = await cached.read();
    expect(third.raw).toBe(first.raw);
    expect(third.readAt).toBe(first.readAt);
    expect(third.staleBecause).toContain('Spreadsheet tidak dapat dibaca (HTTP 500)');
    expect(cached.health()).toMatchObject({ status: 'ok', dataAgeSeconds: 120, lastRefreshFailed: true });
  });

  it('within the TTL questions cost no API call; a forced refresh reloads', async () => {
    let now = 0;
    const cached = new CachedSource(source(), 60_000, () => now);
    await cached.read();
    const calls = hits.length;
    now = 30_000;
    await cached.read();
    expect(hits.length).toBe(calls);
    await cached.read(true);
    expect(hits.length).toBeGreaterThan(calls);
  });
});
