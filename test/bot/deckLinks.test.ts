/** The deck's signed /laporan links over real HTTP: valid, expired, tampered, missing; built once per data version. */

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';

const BASE = 'https://bot-djpk.example.test';
// February 2025 in WIB: the sample's January 2025 is "bulan lalu".
let now = Date.UTC(2025, 1, 10, 3);
const events: Record<string, unknown>[] = [];
let server: BotServer;
let bot: ReturnType<typeof composeBot>;

beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')),
    PUBLIC_BASE_URL: BASE,
    DECK_LINK_SECRET: 'uji-rahasia-yang-cukup-panjang-0123456789',
    DECK_LINK_TTL_HOURS: '24',
  });
  bot = composeBot(config, { now: () => now, log: (e) => events.push(e) });
  server = await startServer(config, bot, { routes: [bot.deck.router] });
  expect(await server.ready).toBe(true);
});
afterAll(async () => {
  await server.close();
});

type Action = { type: string; title: string; url?: string };
async function linksOf(question: string): Promise<{ pptx: string; pdf: string }> {
  const reply = await bot.brain.ask(question);
  const actions = (reply.card.actions ?? []) as Action[];
  const url = (title: string) => actions.find((a) => a.type === 'Action.OpenUrl' && a.title === title)?.url ?? '';
  return { pptx: url('Unduh PPTX'), pdf: url('Unduh PDF') };
}

/** A link as the card gives it, fetched from the test server instead of the public host. */
const get = (link: string) => fetch(link.replace(BASE, server.url));

describe('"unduh laporan januari 2025"', () => {
  it('gives signed, expiring links to the month’s PPTX and PDF', async () => {
    const { pptx, pdf } = await linksOf('unduh laporan januari 2025');
    expect(pptx).toMatch(/^https:\/\/bot-djpk\.example\.test\/laporan\/2025-01\.pptx\?exp=\d+&sig=[\w-]{43}$/);
    expect(pdf).toMatch(/\/laporan\/2025-01\.pdf\?exp=\d+&sig=/);
    expect(Number(new URL(pptx).searchParams.get('exp'))).toBe(Math.floor(now / 1000) + 24 * 3600);
  });

  it('the monthly summary card carries the same links', async () => {
    const reply = await bot.brain.summary(2025 * 12);
    const titles = ((reply.card.actions ?? []) as Action[]).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Unduh PPTX', 'Unduh PDF']));
  });

  it('a valid link serves the file, built once per month and data version', async () => {
    const { pptx, pdf } = await linksOf('unduh laporan januari 2025');
    const before = events.filter((e) => e.event === 'deck.built').length;
    const first = await get(pptx);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="laporan-2025-01.pptx"');
    const zip = await JSZip.loadAsync(await first.arrayBuffer());
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect(slides).toBeGreaterThan(30);
    const second = await get(pdf);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await second.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(slides);
    expect((await get(pptx)).status).toBe(200);
    expect(events.filter((e) => e.event === 'deck.built').length).toBe(before + 1);
  });

  it.each([
    ['missing signature', (l: string) => l.replace(/\?.*$/, '')],
    ['missing sig', (l: string) => l.replace(/&sig=[^&]*/, '')],
    ['tampered signature', (l: string) => l.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`)],
    ['another month with the same signature', (l: string) => l.replace('2025-01', '2024-12')],
    ['another format with the same signature', (l: string) => l.replace('.pptx', '.pdf')],
    [
      'a later expiry with the same signature',
      (l: string) => l.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 3600}`),
    ],
  ])('%s: 403 and no file', async (_name, tamper) => {
    const { pptx } = await linksOf('unduh laporan januari 2025');
    const response = await get(tamper(pptx));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: 'Tautan tidak sah atau sudah kedaluwarsa; minta tautan baru ke bot',
    });
  });

  it('an expired link: 403 and no file', async () => {
    const { pdf } = await linksOf('unduh laporan januari 2025');
    const saved = now;
    now += 24 * 3600 * 1000 + 1000;
    try {
      const response = await get(pdf);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).not.toBe('application/pdf');
    } finally {
      now = saved;
    }
  });

  it('a month without data: no links in the card; a signed link to it is 404 with a reason', async () => {
    const { pdf } = await linksOf('unduh laporan januari 2030');
    expect(pdf).toBe('');
    const signed = bot.deck.links(2030 * 12);
    if (!signed) throw new Error('links are configured');
    const response = await get(signed.pdf);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Data 2030-01 belum tersedia' });
  });
});

describe('without PUBLIC_BASE_URL', () => {
  it('the card says how to get the deck and has no links; the path refuses every request', async () => {
    const config = loadConfig({ PORT: '0', DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')) });
    const plain = composeBot(config, { now: () => now });
    const local = await startServer(config, plain, { routes: [plain.deck.router] });
    try {
      expect(await local.ready).toBe(true);
      const reply = await plain.brain.ask('unduh laporan januari 2025');
      expect(JSON.stringify(reply.card)).not.toContain('Action.OpenUrl');
      expect(reply.text).toContain(
        'Tautan unduhan deck belum diaktifkan di bot (PUBLIC_BASE_URL dan DECK_LINK_SECRET)',
      );
      expect(reply.text).toContain('--month 2025-01 --format pptx,pdf');
      const response = await fetch(`${local.url}/laporan/2025-01.pdf?exp=99999999999&sig=x`);
      expect(response.status).toBe(403);
    } finally {
      await local.close();
    }
  });
});
