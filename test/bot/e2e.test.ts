/** The bot over real HTTP: Bot Framework activities in, replies captured at a local "Bot Connector". */

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';
import { activity, ConnectorCapture } from './connectorCapture';

const connector = new ConnectorCapture();
let bot: BotServer;
// A fixed "now": February 2025 in WIB, so "bulan lalu" is January 2025, the sample's month.
const NOW = Date.UTC(2025, 1, 10, 3);

beforeAll(async () => {
  await connector.start();
  const config = loadConfig({ PORT: '0', DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-state-')) });
  bot = await startServer(config, composeBot(config, { now: () => NOW }));
  expect(await bot.ready).toBe(true);
});
afterAll(async () => {
  await bot.close();
  await connector.stop();
});

async function post(body: unknown, raw?: string) {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

type Card = { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] };
async function ask(
  text: string,
  extra: Record<string, unknown> = {},
): Promise<{ card: Card; path: string; text: string; summary: string; repliesTo: boolean }> {
  const before = connector.received.length;
  const sent = activity(connector.url, { text, ...extra });
  const { status } = await post(sent);
  expect(status).toBe(200);
  // A slow first answer (the workbook is read) is preceded by a "typing" activity: skip it.
  let reply = (await connector.waitFor(before + 1)).slice(before).find((r) => r.body.type !== 'typing');
  for (let n = before + 2; !reply; n++)
    reply = (await connector.waitFor(n)).slice(before).find((r) => r.body.type !== 'typing');
  const attachments = reply?.body.attachments as { contentType: string; content: Card }[];
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return {
    card: attachments[0]?.content as Card,
    path: reply?.path ?? '',
    text: String(reply?.body.text ?? ''),
    summary: String(reply?.body.summary ?? ''),
    repliesTo: reply?.body.replyToId === sent.id,
  };
}

const cardText = (card: Card) => JSON.stringify(card);

describe('questions answered with cards', () => {
  it('konsultasi Januari vs Desember: the seed figures', async () => {
    const { card, path, repliesTo } = await ask('konsultasi Januari vs Desember');
    // Teams SDK v2 sends a reply into the conversation (POST …/activities, not …/activities/{id});
    // the reply names the question it answers in replyToId.
    expect(path).toMatch(/^\/v3\/conversations\/conversation-\d+\/activities$/);
    expect(repliesTo).toBe(true);
    expect(card.body[0]).toMatchObject({ text: 'Tiket Konsultasi: Januari 2025 vs Desember 2024' });
    const facts = card.body.find((e) => e.type === 'FactSet') as { facts: { title: string; value: string }[] };
    expect(facts.facts).toEqual([
      { title: 'Januari 2025', value: '1.010' },
      { title: 'Desember 2024', value: '1.112' },
      { title: 'Perubahan', value: '-9%' },
    ]);
    expect(cardText(card)).toContain(
      'Jumlah tiket konsultasi di bulan Januari 2025 (1.010) turun 9% dibandingkan Desember 2024 (1.112).',
    );
    expect(cardText(card)).toContain('"type":"Chart.VerticalBar"');
    expect(cardText(card)).toContain("Kanal 'Whatsap' tidak dikenal");
  });

  it('an @mention in a channel is stripped before parsing', async () => {
    const { card } = await ask('<at>Laporan DJPK</at> whatsapp bulan lalu', {
      conversation: { id: 'channel-conv', conversationType: 'channel', tenantId: 'tenant-1' },
      entities: [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Laporan DJPK' }, text: '<at>Laporan DJPK</at>' }],
    });
    expect(card.body[0]).toMatchObject({ text: 'WhatsApp — Januari 2025' });
    expect(cardText(card)).toContain('turun 10% dibandingkan bulan sebelumnya (771)');
  });

  it('sebaran kanal: a donut chart with a FactSet fallback (Teams mobile renders up to 1.2)', async () => {
    const { card } = await ask('sebaran kanal januari 2025');
    const donut = card.body.find((e) => e.type === 'Chart.Donut') as {
      data: { legend: string; value: number; color: string }[];
      fallback: { type: string; facts: { title: string; value: string }[] };
    };
    // Each channel in its colour of the HTML, XLSX and deck, as Teams names colours (19e906d).
    expect(donut.data).toEqual([
      { legend: 'WhatsApp', value: 695, color: 'categoricalGreen' },
      { legend: 'Telepon', value: 60, color: 'categoricalMarigold' },
      { legend: 'Email', value: 219, color: 'categoricalRed' },
      { legend: 'Help Desk', value: 32, color: 'categoricalPurple' },
      { legend: 'Live Chat', value: 4, color: 'categoricalTeal' },
    ]);
    expect(donut.fallback.type).toBe('FactSet');
    expect(donut.fallback.facts.map((f) => f.title)).toEqual([
      'WhatsApp',
      'Telepon',
      'Email',
      'Help Desk',
      'Live Chat',
    ]);
  });

  it('top pemda, layer 2, kepuasan, tren, total, ringkasan', async () => {
    expect(cardText((await ask('top pemda januari 2025')).card)).toContain('Kab. Bangka Selatan');
    expect(cardText((await ask('layer 2 januari 2025')).card)).toContain(
      'Sebanyak 67 tiket dieskalasi ke Layer 2 pada bulan Januari 2025.',
    );
    expect(cardText((await ask('kepuasan januari 2025')).card)).toContain(
      'Rata-rata nilai kepuasan pengguna bulan Januari 2025 adalah 5,00',
    );
    const trend = (await ask('tren konsultasi 2023')).card;
    expect(cardText(trend)).toContain('"type":"Chart.Line"');
    expect(cardText(trend)).toContain('{"x":"Jan-23","y":1402}');
    // Three months of thirteen: a table, and the title says so (issue 16), not a three-point line.
    const sparse = (await ask('tren konsultasi 13 bulan')).card;
    expect(cardText(sparse)).not.toContain('"type":"Chart.Line"');
    expect(cardText(sparse)).toContain(
      'Tren Tiket Konsultasi: Januari 2024 – Januari 2025 (3 dari 13 bulan ada datanya)',
    );
    expect(cardText((await ask('konsultasi s.d. juli 2023')).card)).toContain(
      'Belum termasuk bulan tanpa data: Mei 2023.',
    );
    const summary = (await ask('ringkasan bulan lalu')).card;
    expect(summary.body[0]).toMatchObject({ text: 'Ringkasan Layanan Informasi DJPK — Januari 2025' });
    expect(cardText(summary)).toContain('"title":"Tiket Konsultasi","value":"1.010 (-9% dari Des-24)"');
  });

  it('a month without data says so, with the last month that has data', async () => {
    const { card } = await ask('konsultasi maret 2025');
    expect(cardText(card)).toContain('Data Maret 2025 belum tersedia; data terakhir: Januari 2025.');
  });

  it('help and anything not understood: examples as buttons that ask them; a near miss gets "maksud Anda"', async () => {
    const { card } = await ask('bantuan');
    expect(card.actions?.[0]).toEqual({
      type: 'Action.Submit',
      // Short enough to be read whole at Teams' chat width; the question goes whole in the data.
      title: 'Konsultasi Jan vs…',
      data: {
        msteams: { type: 'imBack', value: 'konsultasi Januari vs Desember' },
        question: 'konsultasi Januari vs Desember',
      },
    });
    // A typo of "pengaduan": the section's word, the section's figure (issue 16: 4, turun 50% dari 8, as
    // the seed says), with its split named.
    const pengaduan = cardText((await ask('pengadun januari 2025')).card);
    expect(pengaduan).toContain('jumlah pengaduan dan keluhan sebanyak 4, turun 50% dibandingkan bulan sebelumnya (8)');
    expect(pengaduan).toContain('Terdiri dari 4 pengaduan dan 0 keluhan.');
    expect(cardText((await ask('whatsp apa ya')).card)).toContain("Maksud Anda 'whatsapp'?");
  });

  it("a card button's submit (value.question) is answered", async () => {
    const { card } = await ask('', { value: { question: 'top pemda januari 2025' } });
    expect(card.body[0]).toMatchObject({ text: 'Pemda Pengguna Terbanyak — Januari 2025' });
  });

  it('installation (conversationUpdate with the bot added) gets the help card', async () => {
    const before = connector.received.length;
    const { status } = await post(
      activity(connector.url, { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }], text: undefined }),
    );
    expect(status).toBe(200);
    const [reply] = (await connector.waitFor(before + 1)).slice(before);
    expect(JSON.stringify(reply?.body)).toContain('Apa yang bisa saya jawab');
  });

  it('every card stays under the Teams message limit; one message: the card, with a summary line, not the text again', async () => {
    for (const q of [
      'ringkasan januari 2025',
      'topik konsultasi januari 2025',
      'tren whatsapp 24 bulan',
      'kepuasan januari 2025',
    ]) {
      const { card, text, summary } = await ask(q);
      expect(Buffer.byteLength(JSON.stringify(card)) + Buffer.byteLength(summary)).toBeLessThan(28_000);
      expect(text).toBe('');
      expect(summary.length).toBeGreaterThan(10);
    }
  });
});

describe('bad requests', () => {
  it('malformed JSON → 400, no activity type → 400, oversized body → 413, and the bot keeps answering', async () => {
    expect((await post(null, '{"type": "message", ')).status).toBe(400);
    expect((await post({ text: 'tanpa type' })).status).toBe(400);
    expect((await post(null, JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }))).status).toBe(413);
    expect((await ask('konsultasi januari 2025')).card.body[0]).toMatchObject({
      text: 'Tiket Konsultasi — Januari 2025',
    });
  });

  it('GET /healthz: status and data age only (no path, no source, no error text)', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', dataAgeSeconds: 0, stale: false });
  });
});
