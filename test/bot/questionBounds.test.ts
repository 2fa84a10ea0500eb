/**
 * What a person types is bounded (issue 22, item 6): a question is read up to what Teams can send
 * (about 28 KB a message) and a hundred words, so a pasted page gets one sentence back instead of
 * seconds of fuzzy matching; a malformed %-escape in a /laporan path is the caller's 400, not a 500
 * in the error log. Timings are in `npm run bench:bot`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';
import { askInConversation } from '../../core/ask/conversation';
import { parseQuestion } from '../../core/ask/parseQuestion';
import { MAX_QUESTION_CHARS, MAX_QUESTION_WORDS } from '../../core/ask/questionLimit';
import { activity, ConnectorCapture } from './connectorCapture';

const JAN = 2025 * 12;
const ctx = { currentMonth: JAN + 1, monthsWithData: [JAN] };
/** Distinct made-up words (no cache helps), `chars` characters in all. */
function pasted(chars: number): string {
  let seed = 7;
  let text = '';
  while (text.length < chars) {
    let word = '';
    for (let i = 0; i < 7; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      word += 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
    }
    text += `${word} `;
  }
  return text.slice(0, chars);
}

describe('the question text is bounded before it is parsed', () => {
  it.each([
    ['240 KB of words', pasted(240_000), 'pesan ini lebih dari 28.672 karakter; tanyakan satu hal dengan singkat'],
    ['28 KB of words', pasted(MAX_QUESTION_CHARS), 'pesan ini lebih dari 100 kata; tanyakan satu hal dengan singkat'],
    ['28 KB of "1/"', '1/'.repeat(14_000), 'pesan ini lebih dari 100 kata; tanyakan satu hal dengan singkat'],
  ])('%s: one refusal, nothing of the text echoed', (_name, text, reason) => {
    for (const question of [parseQuestion(text, ctx), askInConversation(text, ctx, null).question]) {
      expect(question).toEqual({ kind: 'refuse', reason, suggestions: ['konsultasi januari 2025'] });
    }
  });

  it(`a chatty question of up to ${MAX_QUESTION_WORDS} words is still answered`, () => {
    const chatty = `${'tolong ya pak, '.repeat(30)}berapa konsultasi whatsapp januari 2025`;
    expect(chatty.match(/[\p{L}\p{N}]+/gu)).toHaveLength(95);
    expect(parseQuestion(chatty, ctx)).toEqual({ kind: 'figure', metric: 'konsultasi.kanal.whatsapp', month: JAN });
  });
});

describe('over HTTP', () => {
  const connector = new ConnectorCapture();
  const events: Record<string, unknown>[] = [];
  let server: BotServer;
  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({
      PORT: '0',
      DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')),
      PUBLIC_BASE_URL: 'https://bot-djpk.example.test',
      DECK_LINK_SECRET: 'uji-rahasia-yang-cukup-panjang-0123456789',
    });
    const bot = composeBot(config, { now: () => Date.UTC(2025, 1, 10, 3), log: (e) => events.push(e) });
    server = await startServer(config, bot, { routes: [bot.deck.router] });
    expect(await server.ready).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
  });

  it.each(['/laporan/%E0%A4%A.pptx?exp=1&sig=x', '/laporan/2025-01%.pdf', '/laporan/%ZZ'])(
    'a malformed escape in the path (%s): 400, no error logged',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'Permintaan tidak valid: alamat berisi %-encoding yang rusak' });
      expect(events.filter((e) => e.event === 'httpError')).toEqual([]);
    },
  );

  it('a 240 KB message (under the body limit) is answered with one sentence, and so is the next person', async () => {
    const post = (text: string, conversation: string) =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          activity(connector.url, { text, conversation: { id: conversation, tenantId: 'tenant-1' } }),
        ),
      });
    const [long, short] = await Promise.all([
      post(pasted(240_000), 'c-panjang'),
      post('konsultasi januari 2025', 'c-lain'),
    ]);
    expect([long.status, short.status]).toEqual([200, 200]);
    const replies = await connector.waitFor(2);
    const to = (id: string) => JSON.stringify(replies.find((r) => r.path.includes(id))?.body ?? {});
    expect(to('c-panjang')).toContain('pesan ini lebih dari 28.672 karakter; tanyakan satu hal dengan singkat');
    expect(to('c-panjang').length).toBeLessThan(8_000);
    expect(to('c-lain')).toContain('1.010');
  });
});
