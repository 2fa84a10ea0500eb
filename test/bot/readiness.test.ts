/**
 * Readiness and stale-while-revalidate over real HTTP (issue 11 part 1, issue 12 "hung Sheets"):
 * /healthz is 503 until the data is read and the latest report built; after the TTL answers come
 * from the data in hand while one refresh runs; a hung Google Sheets API costs nobody an answer.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';
import { GoogleSheetsSource } from '../../bot/sources/googleSheetsSource';
import type { WorkbookSource } from '../../core/ports';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import { SAMPLE_XLSX } from '../fixtures/sample';
import { activity, ConnectorCapture } from './connectorCapture';
import { listenLocal, serviceAccountKeyFile } from './serviceAccount';

const connector = new ConnectorCapture();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

let bot: BotServer | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

/** The sample workbook, read once; each read waits for `gate` when one is set, or fails with `fail`. */
class ScriptedSource implements WorkbookSource {
  readonly description = 'sumber uji';
  reads = 0;
  gate: Promise<void> | null = null;
  fail: string | null = null;
  private sample: Promise<RawWorkbook> = new XlsxSource(SAMPLE_XLSX).readTabs();

  async readTabs(): Promise<RawWorkbook> {
    this.reads++;
    if (this.gate) await this.gate;
    if (this.fail) throw new Error(this.fail);
    return this.sample;
  }
}

const healthz = async () => {
  const started = Date.now();
  const response = await fetch(`${bot?.url}/healthz`);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    ms: Date.now() - started,
  };
};

type Card = { body: Record<string, unknown>[] };
/** Posts a question; resolves with the card the bot sent to the Connector, and how long it took. */
async function ask(text: string) {
  const started = Date.now();
  const before = connector.received.filter((r) => r.body.type === 'message').length;
  const response = await fetch(`${bot?.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(connector.url, { text })),
  });
  expect(response.status).toBe(200);
  const deadline = Date.now() + 15_000;
  let messages = connector.received.filter((r) => r.body.type === 'message');
  while (messages.length <= before && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    messages = connector.received.filter((r) => r.body.type === 'message');
  }
  const reply = messages[before];
  const card = (reply?.body.attachments as { content: Card }[] | undefined)?.[0]?.content;
  return { card: JSON.stringify(card ?? reply?.body ?? null), ms: Date.now() - started };
}

const config = async (env: Record<string, string> = {}) =>
  loadConfig({ PORT: '0', DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')), ...env });

describe('readiness', () => {
  it('/healthz is 503 "starting" until the workbook is read and the latest report built, then 200', async () => {
    const source = new ScriptedSource();
    let open: () => void = () => undefined;
    source.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const c = await config();
    bot = await startServer(c, composeBot(c, { workbook: source, now: () => Date.UTC(2025, 1, 10, 3) }));
    const starting = await healthz();
    expect(starting).toMatchObject({ status: 503, body: { status: 'starting', dataAgeSeconds: null } });
    source.gate = null;
    open();
    expect(await bot.ready).toBe(true);
    expect(await healthz()).toMatchObject({ status: 200, body: { status: 'ok', dataAgeSeconds: 0, stale: false } });
    // The latest month's report was built during start-up: the first question needs no read.
    expect(source.reads).toBe(1);
    expect((await ask('ringkasan januari 2025')).card).toContain('Januari 2025');
    expect(source.reads).toBe(1);
  });

  it('a first read that fails: 503 "unavailable" without the error text, retried until it succeeds', async () => {
    const source = new ScriptedSource();
    source.fail = 'ENOENT: /rahasia/data.xlsx';
    const c = await config();
    bot = await startServer(c, composeBot(c, { workbook: source }));
    while (source.reads < 1) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    const down = await healthz();
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', dataAgeSeconds: null } });
    expect(JSON.stringify(down.body)).not.toContain('rahasia');
    source.fail = null;
    expect(await bot.ready).toBe(true);
    expect((await healthz()).status).toBe(200);
  });
});

describe('stale-while-revalidate', () => {
  it('after the TTL: answered at once from the data in hand, ONE refresh behind; a failed refresh is said in the answer', async () => {
    let now = Date.UTC(2025, 1, 10, 3);
    const source = new ScriptedSource();
    const c = await config({ CACHE_TTL_SECONDS: '60' });
    bot = await startServer(c, composeBot(c, { workbook: source, now: () => now }));
    expect(await bot.ready).toBe(true);
    expect(source.reads).toBe(1);
    const fresh = await ask('whatsapp januari 2025');
    expect(fresh.card).toContain('diperbarui 10/02/2025 10:00 WIB');
    expect(fresh.card).not.toContain('menit lalu');

    // The refresh hangs: five questions are still answered, from the data in hand, with its age.
    now += 120_000;
    let release: () => void = () => undefined;
    source.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answers = await Promise.all(
      [
        'whatsapp januari 2025',
        'konsultasi januari 2025',
        'publikasi januari 2025',
        'whatsapp januari 2025',
        'ppid januari 2025',
      ].map(ask),
    );
    for (const answer of answers) {
      expect(answer.card).toContain('(2 menit lalu); sedang diperbarui');
      expect(answer.ms).toBeLessThan(3000);
    }
    expect(source.reads).toBe(2);
    expect(await healthz()).toMatchObject({ status: 200, body: { status: 'ok', dataAgeSeconds: 120, stale: true } });

    // The refresh fails: the last good data stays, and the answer (not a cached reply) says why and how old.
    source.fail = 'Spreadsheet tidak dapat dibaca (HTTP 500)';
    source.gate = null;
    release();
    while ((await healthz()).body.stale !== true || source.reads < 2) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    const stale = await ask('whatsapp januari 2025');
    expect(stale.card).toContain('data terakhir yang berhasil dibaca 10/02/2025 10:00 WIB (2 menit lalu)');
    expect(stale.card).toContain('Spreadsheet tidak dapat dibaca (HTTP 500)');
    expect(JSON.stringify((await healthz()).body)).not.toContain('HTTP 500');

    // "segarkan" waits for a reload and says when it is done.
    source.fail = null;
    const refreshed = await ask('segarkan');
    expect(refreshed.card).toContain('Data dimuat ulang');
    expect(refreshed.card).toContain('diperbarui 10/02/2025 10:02 WIB');
    const after = await ask('whatsapp januari 2025');
    expect(after.card).not.toContain('menit lalu');
    expect(await healthz()).toMatchObject({ body: { dataAgeSeconds: 0, stale: false } });
  });
});

describe('a Google Sheets API that accepts and never answers', () => {
  let sheets: Server;
  let rootUrl = '';
  let keyFile = '';
  let hang = false;
  const hung: ServerResponse[] = [];
  const serial = (y: number, m: number, d: number, h = 0) =>
    (Date.UTC(y, m - 1, d, h) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const TIKET = [
    ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Topik', 'Zona Waktu'],
    [serial(2025, 1, 6, 9), 'WhatsApp', 'Pemda', 'DAU', 'WIB'],
    [serial(2025, 1, 7, 9), 'WhatsApp', 'Pemda', 'DBH', 'WIB'],
  ];

  beforeAll(async () => {
    sheets = createServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/token') {
        res.end(JSON.stringify({ access_token: 't', expires_in: 3600, token_type: 'Bearer' }));
        return;
      }
      if (hang) {
        hung.push(res);
        return;
      }
      if (url.pathname.endsWith('values:batchGet'))
        res.end(JSON.stringify({ valueRanges: [{ range: "'Tiket'", values: TIKET }] }));
      else res.end(JSON.stringify({ sheets: [{ properties: { title: 'Tiket' } }] }));
    });
    rootUrl = await listenLocal(sheets);
    keyFile = await serviceAccountKeyFile(`${rootUrl}token`);
  });
  afterAll(async () => {
    for (const res of hung) res.socket?.destroy();
    sheets.closeAllConnections();
    await new Promise<void>((resolve) => sheets.close(() => resolve()));
  });

  it('questions are answered from the last good data; "segarkan" within the timeout; /healthz never hangs; a few typing at most', async () => {
    const TIMEOUT_MS = 6000;
    const source = new GoogleSheetsSource({
      spreadsheetId: 'sheet-1',
      credentialsFile: keyFile,
      rootUrl,
      tokenUrl: `${rootUrl}token`,
      timeoutMs: TIMEOUT_MS,
    });
    const c = await config({ CACHE_TTL_SECONDS: '0' });
    bot = await startServer(c, composeBot(c, { workbook: source }));
    expect(await bot.ready).toBe(true);
    hang = true;

    const quick = await ask('whatsapp januari 2025');
    expect(quick.ms).toBeLessThan(2000);
    expect(quick.card).toContain('WhatsApp');
    expect(quick.card).toContain('sedang diperbarui');

    const health = await healthz();
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);

    const typingBefore = connector.received.filter((r) => r.body.type === 'typing').length;
    const refreshed = await ask('segarkan');
    expect(refreshed.ms).toBeLessThan(TIMEOUT_MS + 3000);
    expect(refreshed.card).toContain('Data tidak dapat dimuat ulang: Spreadsheet tidak menjawab dalam 6 detik');
    const typing = connector.received.filter((r) => r.body.type === 'typing').length - typingBefore;
    expect(typing).toBeGreaterThanOrEqual(1);
    expect(typing).toBeLessThanOrEqual(3);

    const after = await ask('whatsapp januari 2025');
    expect(after.ms).toBeLessThan(2000);
    expect(after.card).toContain('Spreadsheet tidak dapat dibaca sekarang: Spreadsheet tidak menjawab dalam 6 detik');
    expect((await healthz()).body).toMatchObject({ status: 'ok', stale: true });
  });
});
