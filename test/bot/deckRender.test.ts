/**
 * Decks rendered off the bot's event loop (issue 22): built once per month and CONTENT version
 * (a "segarkan" of unchanged data costs no render, a changed cell does), requests for the same
 * build share it, a build over its time or memory limit answers one Indonesian sentence (HTTP 503,
 * never a hung link), and while a 50,000-character word renders the bot keeps answering: the
 * render's CPU is spent outside the bot's own thread. The link's files as the user gets them, over
 * real HTTP, from the sources (a worker through tsx) and from the production bundle (dist layout).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { deckContentKey, workbookDigest } from '../../bot/deck/contentKey';
import { DeckLinkService, signedDeckLinks } from '../../bot/deck/deckLinks';
import { DeckBusyError, DeckRenderer } from '../../bot/deck/deckRenderer';
import { type BotServer, startServer } from '../../bot/server';
import { CachedSource } from '../../bot/sources/cachedSource';
import type { WorkbookSource } from '../../core/ports';
import type { CellValue } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { longTextWorkbook } from '../../sample/longText';
import { sampleWorkbook } from '../../sample/sampleData';
import { buildBot, root } from '../../scripts/build-bot.mjs';

const BASE = 'https://bot-djpk.example.test';
const SECRET = 'uji-rahasia-yang-cukup-panjang-0123456789';
const JANUARY_2025 = 2025 * 12;
// February 2025 in WIB: the sample's January 2025 has data and is not in the future.
const NOW = Date.UTC(2025, 1, 10, 3);

/** A workbook the test edits; every read returns a new copy, as a reload of the sheet does. */
class EditableWorkbook implements WorkbookSource {
  readonly description = 'uji-deck.xlsx';
  reads = 0;
  constructor(public raw: Record<string, CellValue[][]>) {}
  async readTabs(): Promise<RawWorkbook> {
    this.reads++;
    return structuredClone(this.raw);
  }
  /** Sets the text of January 2025's first Narasi row. */
  setNarasiText(text: string): void {
    const row = this.raw.Narasi?.find((r) => r[0] === '2025-01');
    if (!row) throw new Error('sample without a January 2025 Narasi row');
    row[3] = text;
  }
}

interface Running {
  /** The bot's clock: a test moves it on, as time passes between a person's clicks. */
  clock: number;
  readonly bot: ReturnType<typeof composeBot>;
  readonly server: BotServer;
  readonly workbook: EditableWorkbook;
  readonly events: Record<string, unknown>[];
  /** A signed link as the card gives it, fetched from the test server. */
  get(format: 'pptx' | 'pdf'): Promise<Response>;
  built(): number;
}

async function startBot(raw: Record<string, CellValue[][]>, env: Record<string, string> = {}): Promise<Running> {
  const config = loadConfig({
    PORT: '0',
    DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')),
    PUBLIC_BASE_URL: BASE,
    DECK_LINK_SECRET: SECRET,
    CACHE_TTL_SECONDS: '3600',
    ...env,
  });
  const workbook = new EditableWorkbook(raw);
  const events: Record<string, unknown>[] = [];
  const running: { clock: number } = { clock: NOW };
  const bot = composeBot(config, { now: () => running.clock, log: (e) => events.push(e), workbook });
  const server = await startServer(config, bot, { routes: [bot.deck.router] });
  expect(await server.ready).toBe(true);
  return Object.assign(running, {
    bot,
    server,
    workbook,
    events,
    get: (format: 'pptx' | 'pdf') => {
      const links = bot.deck.links(JANUARY_2025);
      if (!links) throw new Error('links are configured');
      return fetch(links[format].replace(BASE, server.url));
    },
    built: () => events.filter((e) => e.event === 'deck.built').length,
  });
}

const slideTexts = async (pptx: ArrayBuffer): Promise<string> => {
  const zip = await JSZip.loadAsync(pptx);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  return (await Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''))).join('\n');
};

describe('deck content key', () => {
  const raw = sampleWorkbook() as Record<string, CellValue[][]>;

  it('the same content read again gives the same key; any changed cell another', () => {
    const again = structuredClone(raw);
    expect(workbookDigest(again)).toBe(workbookDigest(raw));
    const edited = structuredClone(raw);
    const row = edited.Tiket?.[5];
    if (!row) throw new Error('sample without tickets');
    row[2] = `${String(row[2])} `;
    expect(workbookDigest(edited)).not.toBe(workbookDigest(raw));
  });

  it('cells are typed: 1, "1", TRUE and a date are not the same content', () => {
    const withCell = (cell: CellValue) => workbookDigest({ Narasi: [['Bulan'], [cell]] });
    const keys = [withCell(1), withCell('1'), withCell(true), withCell(new Date(1)), withCell(null), withCell('')];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the month and the WIB day are part of the version (rows dated after today are errors)', () => {
    const keys = [
      deckContentKey(raw, JANUARY_2025, 20_000),
      deckContentKey(raw, JANUARY_2025 - 1, 20_000),
      deckContentKey(raw, JANUARY_2025, 20_001),
    ];
    expect(new Set(keys).size).toBe(3);
  });
});

describe('deck builds: one at a time, a bounded queue', () => {
  it('runs builds one after another, and refuses a build when the queue is full', async () => {
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const renderer = new DeckRenderer({ timeMs: 1000, memoryMb: 64, concurrency: 1, maxWaiting: 1 }, (request) => {
      order.push(`start ${request.month}`);
      return new Promise((resolve) =>
        releases.push(() => {
          order.push(`end ${request.month}`);
          resolve({ files: null, ms: 0, heapUsedMb: 0, heapLimitMb: 0 });
        }),
      );
    });
    const request = (month: number) => ({ raw: {}, month, now: 0 });
    const first = renderer.build(request(1));
    const second = renderer.build(request(2));
    await expect(renderer.build(request(3))).rejects.toBeInstanceOf(DeckBusyError);
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['start 1']);
    releases.shift()?.();
    await first;
    await new Promise((r) => setTimeout(r, 10));
    releases.shift()?.();
    await second;
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});

describe('a month’s deck is rendered once per content version', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startBot(sampleWorkbook() as Record<string, CellValue[][]>);
  });
  afterAll(async () => {
    await running.server.close();
  });

  it('12 rounds of "segarkan" + a link click on unchanged data: one render, the same file', async () => {
    const first = await running.get('pdf');
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(running.built()).toBe(1);
    const readsBefore = running.workbook.reads;
    for (let round = 0; round < 12; round++) {
      // A minute between rounds: each reload is a new read (its own read time), of the same content.
      running.clock += 60_000;
      const reply = await running.bot.brain.ask('segarkan');
      expect(reply.text).not.toContain('tidak dapat');
      const again = await running.get(round % 2 ? 'pptx' : 'pdf');
      expect(again.status).toBe(200);
      if (round % 2 === 0) expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
      else await again.arrayBuffer();
    }
    // Each round did reload the sheet; none rendered the deck again.
    expect(running.workbook.reads - readsBefore).toBe(12);
    expect(running.built()).toBe(1);
  });

  it('a changed cell: a new render with the new text; unchanged again: no render', async () => {
    running.workbook.setNarasiText('Kalimat uji issue 22 yang baru.');
    running.clock += 60_000;
    await running.bot.brain.ask('segarkan');
    const changed = await running.get('pptx');
    expect(changed.status).toBe(200);
    expect(await slideTexts(await changed.arrayBuffer())).toContain('Kalimat uji issue 22 yang baru.');
    expect(running.built()).toBe(2);
    running.clock += 60_000;
    await running.bot.brain.ask('segarkan');
    expect((await running.get('pdf')).status).toBe(200);
    expect(running.built()).toBe(2);
  });

  it('requests for the same build at once share it', async () => {
    running.workbook.setNarasiText('Kalimat uji issue 22, versi ketiga.');
    running.clock += 60_000;
    await running.bot.brain.ask('segarkan');
    const responses = await Promise.all([running.get('pdf'), running.get('pptx'), running.get('pdf')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    expect(running.built()).toBe(3);
  });
});

describe('a build over its limit: one Indonesian sentence, never a hung link', () => {
  it('time limit: 503 with the sentence; the next click answers the same without a new build', async () => {
    const running = await startBot(sampleWorkbook() as Record<string, CellValue[][]>, {
      DECK_RENDER_TIMEOUT_SECONDS: '0.05',
    });
    try {
      const sentence =
        'Deck Januari 2025 tidak dapat dibuat karena melebihi batas waktu 0,05 detik; periksa teks yang sangat panjang di tab Narasi atau buat deck dengan perintah npm run report -- --month 2025-01 --format pptx,pdf.';
      const response = await running.get('pdf');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: sentence });
      const again = await running.get('pptx');
      expect(again.status).toBe(503);
      expect(await again.json()).toEqual({ error: sentence });
      expect(running.events.filter((e) => e.event === 'deck.limit')).toEqual([
        expect.objectContaining({ month: '2025-01', limit: 'time' }),
      ]);
      expect(running.built()).toBe(0);
      expect((await fetch(`${running.server.url}/healthz`)).status).toBe(200);
    } finally {
      await running.server.close();
    }
  });

  it('memory limit: the worker ends (ERR_WORKER_OUT_OF_MEMORY), the bot answers 503 with the sentence', async () => {
    const running = await startBot(longTextWorkbook(50_000), { DECK_RENDER_MEMORY_MB: '16' });
    try {
      const response = await running.get('pdf');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error:
          'Deck Januari 2025 tidak dapat dibuat karena melebihi batas memori 16 MiB; periksa teks yang sangat panjang di tab Narasi atau buat deck dengan perintah npm run report -- --month 2025-01 --format pptx,pdf.',
      });
      expect((await running.bot.brain.ask('konsultasi januari 2025')).text).toContain('Januari 2025');
    } finally {
      await running.server.close();
    }
  });

  it('the queue is bounded: a build past it gets 503, Retry-After and the busy sentence, then builds later', async () => {
    const workbook = new EditableWorkbook(sampleWorkbook() as Record<string, CellValue[][]>);
    const source = new CachedSource(workbook, 3_600_000, () => NOW);
    const deck = new DeckLinkService(
      {
        secret: SECRET,
        publicBaseUrl: BASE,
        ttlSeconds: 3600,
        // One build at a time and none waiting: the second month's request finds the queue full.
        render: { timeMs: 60_000, memoryMb: 512, concurrency: 1, maxWaiting: 0 },
      },
      source,
      () => NOW,
    );
    const app = express().use(deck.router);
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await source.read(true);
      const link = (month: number) => (deck.links(month)?.pdf ?? '').replace(BASE, url);
      const [january, december] = await Promise.all([fetch(link(JANUARY_2025)), fetch(link(JANUARY_2025 - 1))]);
      const refused = january.status === 503 ? january : december;
      expect([january.status, december.status].sort()).toEqual([200, 503]);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.json()).toEqual({ error: 'Bot sedang membuat deck lain; coba lagi dalam satu menit.' });
      // A refusal is not kept: the same link builds once the queue is free.
      const again = await fetch(refused === january ? link(JANUARY_2025) : link(JANUARY_2025 - 1));
      expect(again.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a 50,000-character word in Narasi while other users ask', () => {
  it('questions and /healthz are answered before the deck is; the render’s CPU is not the bot thread’s', async () => {
    const running = await startBot(longTextWorkbook(50_000));
    try {
      const cpu0 = process.cpuUsage();
      const thread0 = process.threadCpuUsage();
      let fileAt = 0;
      const file = running.get('pdf').then(async (r) => {
        const bytes = Buffer.from(await r.arrayBuffer());
        fileAt = performance.now();
        return { status: r.status, bytes };
      });
      const answered: { what: string; at: number }[] = [];
      const questions = ['whatsapp januari 2025', 'konsultasi desember 2024', 'kepuasan januari 2025'];
      for (const question of questions) {
        await new Promise((r) => setTimeout(r, 150));
        const reply = await running.bot.brain.ask(question, { conversation: `lain-${question}` });
        expect(reply.text).not.toContain('Maaf');
        answered.push({ what: question, at: performance.now() });
        const health = await fetch(`${running.server.url}/healthz`);
        expect(health.status).toBe(200);
        answered.push({ what: '/healthz', at: performance.now() });
      }
      const { status, bytes } = await file;
      const thread = process.threadCpuUsage(thread0);
      const cpu = process.cpuUsage(cpu0);
      expect(status).toBe(200);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Every question and health check was answered while the deck was still being made.
      expect(answered.filter((a) => a.at >= fileAt)).toEqual([]);
      // The process's CPU in that time went to the worker; the bot's own thread used little of it.
      const threadMs = (thread.user + thread.system) / 1000;
      const processMs = (cpu.user + cpu.system) / 1000;
      expect(threadMs).toBeLessThan(processMs / 4);
    } finally {
      await running.server.close();
    }
  });
});

describe('the production bundle (dist/bot layout) renders in its own worker file', () => {
  const dir = join(root, 'dist', `test-deck-${randomUUID().slice(0, 8)}`);
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('deckWorker.js beside main.js; a signed link gives the PDF, built under the configured heap limit', async () => {
    const main = await buildBot(dir);
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['main.js', 'deckWorker.js']));
    const started = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        PORT: '0',
        DJPK_DATA_FILE: join(root, 'sample', 'djpk-sample.xlsx'),
        DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')),
        PUBLIC_BASE_URL: BASE,
        DECK_LINK_SECRET: SECRET,
        DECK_RENDER_MEMORY_MB: '256',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let stdout = '';
    let stderr = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = /mendengarkan di (http:\/\/[^/\s]+)\/api\/messages/.exec(stderr)?.[1];
        if (found) {
          clearInterval(timer);
          resolve(found);
        }
      }, 20);
      started.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`bot exited (${code}): ${stderr}`));
      });
    });
    for (let i = 0; i < 600; i++) {
      if ((await fetch(`${url}/healthz`).then((r) => r.status)) === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const links = signedDeckLinks(SECRET, BASE, JANUARY_2025, Math.floor(Date.now() / 1000) + 3600);
    const response = await fetch(links.pdf.replace(BASE, url));
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The log line reaches this process through a pipe: wait for it.
    for (let i = 0; i < 100 && !stdout.includes('"deck.built"'); i++) await new Promise((r) => setTimeout(r, 50));
    const built = stdout
      .split('\n')
      .filter((line) => line.includes('"deck.built"'))
      .map((line) => JSON.parse(line) as { heapLimitMb: number; workerMs: number });
    expect(built).toHaveLength(1);
    // The worker's V8 heap limit is the configured one (plus the young generation).
    expect(built[0]?.heapLimitMb).toBeGreaterThanOrEqual(256);
    expect(built[0]?.heapLimitMb).toBeLessThan(256 + 64);
  });
});
