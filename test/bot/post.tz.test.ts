/**
 * The monthly post and the locked-down endpoint, over real HTTP with a local stand-in for the Bot
 * Connector: install, schedule with a fake clock, exactly once across instances and crashes,
 * retries, 403, 401, the tenant allow-list, rate limits, admin commands.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { type BotConfig, loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';
import { activity, ConnectorCapture } from './connectorCapture';

const connector = new ConnectorCapture();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const servers: BotServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  connector.script.length = 0;
});

/** 5 February 2025, 09:00 WIB = 02:00 UTC: the default schedule's moment. */
const DUE = Date.UTC(2025, 1, 5, 2, 0);
const TEAM = { id: '19:team-djpk@thread.tacv2', name: 'Tim DJPK' };
const CHANNEL = { id: '19:general-djpk@thread.tacv2', name: 'General' };

async function setUp(env: Record<string, string> = {}, stateDir?: string, owner = 'instance-a') {
  const clock = { now: DUE - 3_600_000 };
  const sleeps: number[] = [];
  const config: BotConfig = loadConfig({
    PORT: '0',
    DJPK_STATE_DIR: stateDir ?? (await mkdtemp(join(tmpdir(), 'djpk-post-'))),
    DJPK_ADMIN_IDS: 'aad-admin',
    // The post's channel is the team's choice: configured here (an admin command is tested below).
    DJPK_CHANNEL_ID: CHANNEL.id,
    ...env,
  });
  const bot = composeBot(config, {
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    owner,
  });
  const server = await startServer(config, bot);
  servers.push(server);
  return { clock, sleeps, config, bot, server };
}

async function post(server: BotServer, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return response.status;
}

/** The app is installed in a team: Teams sends conversationUpdate in its General channel. */
async function install(server: BotServer, team = TEAM, channel = CHANNEL, tenant = 'tenant-1') {
  const status = await post(
    server,
    activity(connector.url, {
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'bot-1' }],
      conversation: { id: channel.id, conversationType: 'channel', tenantId: tenant },
      channelData: { tenant: { id: tenant }, team, channel, eventType: 'teamMemberAdded' },
    }),
  );
  expect(status).toBe(200);
}

const OTHER_TEAM = { id: '19:team-lain@thread.tacv2', name: 'Tim Lain' };
const OTHER_CHANNEL = { id: '19:general-lain@thread.tacv2', name: 'General' };

const newThreads = () => connector.received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');

async function settle(ms = 150) {
  await new Promise((r) => setTimeout(r, ms));
}

describe('channel reference', () => {
  it('the install event in the configured channel (DJPK_CHANNEL_ID) stores it (service URL, tenant, channel)', async () => {
    const { bot, server } = await setUp();
    await install(server);
    const stored = await bot.channels.get();
    expect(stored).toMatchObject({ channelId: CHANNEL.id, teamName: 'Tim DJPK' });
    expect(stored?.reference).toMatchObject({
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: CHANNEL.id, tenantId: 'tenant-1' },
    });
  });

  it('installs in another team or another tenant leave the channel where it is; the post still goes there', async () => {
    const { bot, clock, server } = await setUp({ ALLOWED_TENANT_IDS: 'tenant-1' });
    await install(server);
    const before = await bot.channels.get();
    const repliesBefore = connector.received.length;
    await install(server, OTHER_TEAM, OTHER_CHANNEL);
    // Another tenant: not even the help card.
    const sent = connector.received.length;
    await install(server, { id: '19:team-x@thread.tacv2', name: 'Tim X' }, CHANNEL, 'tenant-lain');
    await settle();
    expect(connector.received.length).toBe(sent);
    expect(sent - repliesBefore).toBe(1);
    expect(await bot.channels.get()).toEqual(before);
    clock.now = DUE;
    const threadsBefore = newThreads().length;
    expect(await bot.tick()).toMatchObject({ outcome: 'sent' });
    const threads = newThreads().slice(threadsBefore);
    expect(threads.map((t) => (t.body.channelData as { channel: { id: string } }).channel.id)).toEqual([CHANNEL.id]);
  });

  it('without DJPK_CHANNEL_ID an install stores nothing; an admin sets the channel with "atur kanal ringkasan"', async () => {
    const { bot, server } = await setUp({ DJPK_CHANNEL_ID: '' });
    await install(server);
    expect(await bot.channels.get()).toBeNull();
    const inChannel = (aad: string, channel = CHANNEL, team = TEAM) =>
      activity(connector.url, {
        text: '<at>Laporan DJPK</at> atur kanal ringkasan',
        from: { id: 'u', name: 'Admin', aadObjectId: aad },
        conversation: { id: `${channel.id};messageid=1`, conversationType: 'channel', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, team, channel },
      });
    const reply = async (body: Record<string, unknown>) => {
      const before = connector.received.length;
      await post(server, body);
      const [answer] = (await connector.waitFor(before + 1)).slice(before);
      return String(answer?.body.text ?? '');
    };
    expect(await reply(inChannel('aad-someone'))).toBe('Perintah ini hanya untuk admin Laporan DJPK.');
    expect(await bot.channels.get()).toBeNull();
    expect(await reply(inChannel('aad-admin'))).toBe(
      'Kanal ringkasan bulanan: Tim DJPK — General. Ringkasan berikutnya dikirim ke kanal ini.',
    );
    expect(await bot.channels.get()).toMatchObject({ channelId: CHANNEL.id, teamId: TEAM.id });
    // In a personal chat there is no channel to choose.
    expect(
      await reply(
        activity(connector.url, {
          text: 'atur kanal ringkasan',
          from: { id: 'u', name: 'Admin', aadObjectId: 'aad-admin' },
        }),
      ),
    ).toContain('Ketik perintah ini di kanal tim DJPK');
    // An install in another team, a mention in another channel: the channel stays.
    await install(server, OTHER_TEAM, OTHER_CHANNEL);
    await reply(
      activity(connector.url, {
        text: '<at>Laporan DJPK</at> bantuan',
        conversation: { id: OTHER_CHANNEL.id, conversationType: 'channel', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, team: OTHER_TEAM, channel: OTHER_CHANNEL },
      }),
    );
    expect(await bot.channels.get()).toMatchObject({ channelId: CHANNEL.id });
  });

  it('with DJPK_CHANNEL_ID an admin cannot move the post elsewhere', async () => {
    const { bot, server } = await setUp();
    await install(server);
    const before = connector.received.length;
    await post(
      server,
      activity(connector.url, {
        text: '<at>Laporan DJPK</at> atur kanal ringkasan',
        from: { id: 'u', name: 'Admin', aadObjectId: 'aad-admin' },
        conversation: { id: OTHER_CHANNEL.id, conversationType: 'channel', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' }, team: OTHER_TEAM, channel: OTHER_CHANNEL },
      }),
    );
    const [answer] = (await connector.waitFor(before + 1)).slice(before);
    expect(String(answer?.body.text)).toContain('ditetapkan oleh konfigurasi bot (DJPK_CHANNEL_ID)');
    expect(await bot.channels.get()).toMatchObject({ channelId: CHANNEL.id });
  });
});

describe('the monthly post', () => {
  it("with a fake clock: nothing before the 5th 09:00 WIB, then exactly one new thread with January's summary", async () => {
    const { bot, clock, server } = await setUp();
    await install(server);
    const before = newThreads().length;
    expect(await bot.tick()).toBeNull();
    clock.now = DUE;
    expect(await bot.tick()).toMatchObject({ outcome: 'sent', month: '2025-01' });
    clock.now = DUE + 60_000;
    expect(await bot.tick()).toBeNull();
    clock.now = DUE + 3_600_000;
    await bot.tick();
    const threads = newThreads().slice(before);
    expect(threads).toHaveLength(1);
    const body = threads[0]?.body as {
      isGroup: boolean;
      channelData: { channel: { id: string } };
      activity: { attachments: { content: unknown }[] };
    };
    expect(body.isGroup).toBe(true);
    expect(body.channelData.channel.id).toBe(CHANNEL.id);
    const card = JSON.stringify(body.activity.attachments[0]?.content);
    expect(card).toContain('Ringkasan Layanan Informasi DJPK — Januari 2025');
    expect(card).toContain('"title":"Tiket Konsultasi","value":"1.010 (-9% dari Des-24)"');
    expect(card).toContain('Terdapat 1 galat data pada bulan ini');
    expect(card).toContain('"type":"Chart.Donut"');
  });

  it('two instances sharing the storage post once', async () => {
    const a = await setUp({}, undefined, 'instance-a');
    await install(a.server);
    const b = await setUp({}, a.config.DJPK_STATE_DIR, 'instance-b');
    a.clock.now = DUE;
    b.clock.now = DUE;
    const before = newThreads().length;
    const outcomes = (await Promise.all([a.bot.tick(), b.bot.tick(), a.bot.tick(), b.bot.tick()])).map(
      (r) => r?.outcome,
    );
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(newThreads().length - before).toBe(1);
  });

  it('a crash between "claimed" and "sent" is recovered once the claim expires', async () => {
    const { bot, clock, server } = await setUp();
    await install(server);
    clock.now = DUE;
    const key = `${CHANNEL.id}|2025-01`;
    expect(await bot.ledger.claim(key, 'crashed-instance', DUE)).toMatchObject({ outcome: 'claimed' });
    const before = newThreads().length;
    clock.now = DUE + 60_000;
    expect(await bot.tick()).toMatchObject({ outcome: 'inProgress' });
    clock.now = DUE + 11 * 60_000;
    expect(await bot.tick()).toMatchObject({ outcome: 'sent' });
    expect(newThreads().length - before).toBe(1);
    expect(await bot.ledger.get(key)).toMatchObject({ state: 'sent', owner: 'instance-a', attempt: 2 });
  });

  it('429 then success: retried with backoff, posted once (5xx are also retried by the connector client itself)', async () => {
    const { bot, clock, server, sleeps } = await setUp();
    await install(server);
    clock.now = DUE;
    connector.script.push(429);
    const before = newThreads().length;
    expect(await bot.poster.post(2025 * 12)).toMatchObject({ outcome: 'sent' });
    expect(sleeps).toEqual([1000]);
    expect(newThreads().length - before).toBe(2);
  });

  it('403 (bot removed from the team) marks the channel inactive and stops posting', async () => {
    const { bot, clock, server } = await setUp();
    await install(server);
    clock.now = DUE;
    connector.script.push(403);
    expect(await bot.poster.post(2025 * 12)).toMatchObject({ outcome: 'inactive' });
    expect((await bot.channels.get())?.inactive?.reason).toContain('403');
    const before = newThreads().length;
    expect(await bot.poster.post(2025 * 12)).toMatchObject({ outcome: 'inactive' });
    expect(newThreads().length).toBe(before);
  });
});

describe('admin commands', () => {
  const say = async (server: BotServer, text: string, aad: string) => {
    const before = connector.received.length;
    await post(server, activity(connector.url, { text, from: { id: 'u', name: 'Admin', aadObjectId: aad } }));
    const [reply] = (await connector.waitFor(before + 1)).slice(before).filter((r) => r.path.endsWith('/activities'));
    return String(reply?.body.text ?? '');
  };

  it('only for DJPK_ADMIN_IDS; "kirim ringkasan" is idempotent unless "paksa"; "status jadwal" tells next run, last post, channel', async () => {
    const { clock, server } = await setUp();
    await install(server);
    clock.now = DUE + 86_400_000;
    expect(await say(server, 'kirim ringkasan januari 2025', 'aad-someone')).toBe(
      'Perintah ini hanya untuk admin Laporan DJPK.',
    );
    expect(await say(server, 'kirim ringkasan januari 2025', 'aad-admin')).toBe(
      'Ringkasan Januari 2025 telah dikirim ke kanal DJPK.',
    );
    expect(await say(server, 'kirim ringkasan januari 2025', 'aad-admin')).toMatch(
      /^Ringkasan Januari 2025 sudah dikirim ke kanal pada .*; tambahkan "paksa" untuk mengirim ulang\.$/,
    );
    expect(await say(server, 'kirim ringkasan januari 2025 paksa', 'aad-admin')).toBe(
      'Ringkasan Januari 2025 telah dikirim ke kanal DJPK.',
    );
    const status = await say(server, 'status jadwal', 'aad-admin');
    expect(status).toContain('Jadwal berikutnya: 05/03/2025 09:00 WIB (ringkasan Februari 2025).');
    expect(status).toMatch(/Kiriman terakhir \(Januari 2025\): terkirim 06\/02\/2025 09:00 WIB\./);
    expect(status).toContain('Kanal: Tim DJPK.');
  });
});

describe('locked down', () => {
  it('with an app ID configured, a request without a valid token gets 401 and no reply', async () => {
    const { server } = await setUp({
      MicrosoftAppId: '2b7c3c3e-8f1a-4d8e-9a44-6d2f1c0b9a11',
      MicrosoftAppPassword: 'rahasia',
      MicrosoftAppTenantId: 'tenant-1',
    });
    const before = connector.received.length;
    expect(await post(server, activity(connector.url, { text: 'konsultasi januari 2025' }))).toBe(401);
    expect(
      await post(server, activity(connector.url, { text: 'konsultasi' }), { authorization: 'Bearer bukan.token.sah' }),
    ).toBe(401);
    await settle();
    expect(connector.received.length).toBe(before);
  });

  it('the tenant allow-list answers other tenants with nothing', async () => {
    const { server } = await setUp({ ALLOWED_TENANT_IDS: 'tenant-djpk' });
    const before = connector.received.length;
    expect(await post(server, activity(connector.url, { text: 'konsultasi januari 2025' }))).toBe(200);
    await settle();
    expect(connector.received.length).toBe(before);
    expect(
      await post(
        server,
        activity(connector.url, { text: 'konsultasi januari 2025', channelData: { tenant: { id: 'tenant-djpk' } } }),
      ),
    ).toBe(200);
    await connector.waitFor(before + 1);
  });

  it('a conversation over its rate limit gets no more answers that minute, and is told to wait once', async () => {
    const { server } = await setUp({ RATE_LIMIT_PER_MINUTE: '2' });
    const before = connector.received.length;
    const conversation = { id: 'conv-rate', conversationType: 'personal', tenantId: 'tenant-1' };
    for (let i = 0; i < 5; i++) await post(server, activity(connector.url, { text: 'bantuan', conversation }));
    await settle();
    const replies = connector.received.slice(before).filter((r) => r.body.type !== 'typing');
    expect(replies.length).toBe(3);
    expect(replies.filter((r) => String(r.body.text ?? '').startsWith('Terlalu banyak pertanyaan')).length).toBe(1);
  });
});
