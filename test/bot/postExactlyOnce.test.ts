/**
 * Issue 12, "the monthly post went out twice": the monthly post is sent at most once per (channel,
 * month) on both ledgers (files, Azure Blob Storage on Azurite), with a short lease so the cases run
 * in seconds. Posts are counted where they land: the stand-in Connector's POST /v3/conversations.
 * Crashes are real: a child process (test/bot/postChild.ts) is killed with SIGKILL at each step.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../bot/admin';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type ChannelSender, MonthlyPoster, monthlyPostKey } from '../../bot/post/monthlyPost';
import { monthIndex } from '../../core/period/yearMonth';
import { bundleForTest } from '../fixtures/botBundle';
import { startAzurite } from './azurite';
import { ConnectorCapture } from './connectorCapture';

const MONTH = monthIndex(2025, 1);
/** "status jadwal" asked on 6 February 2025 reports January 2025. */
const STATUS_AT = Date.UTC(2025, 1, 6, 2, 0);
const CHILD = fileURLToPath(new URL('./postChild.ts', import.meta.url));

let azurite: Awaited<ReturnType<typeof startAzurite>>;
let posterBundle: Awaited<ReturnType<typeof bundleForTest>>;
const connectors: ConnectorCapture[] = [];
const children = new Set<ChildProcess>();
beforeAll(async () => {
  [azurite, posterBundle] = await Promise.all([startAzurite(), bundleForTest(CHILD)]);
}, 90_000);
afterAll(async () => {
  for (const running of children) running.kill('SIGKILL');
  await Promise.all(connectors.map((c) => c.stop()));
  azurite?.stop();
  await posterBundle?.remove();
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Child processes start slowly on a busy machine (tens of seconds to import the SDKs). */
const CHILD_TIMEOUT_MS = 150_000;

async function until(condition: () => boolean, what: () => string, timeoutMs = CHILD_TIMEOUT_MS) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting: ${what()}`);
    await sleep(20);
  }
}

type Kind = 'file' | 'azure';
let sequence = 0;

/** A fresh ledger, channel and stand-in Connector for one case. */
async function scenario(kind: Kind, leaseSeconds: number) {
  const n = ++sequence;
  const connector = new ConnectorCapture();
  connectors.push(connector);
  await connector.start();
  const channelId = `19:post-${kind}-${n}@thread.tacv2`;
  const env: Record<string, string> = {
    PORT: '0',
    DJPK_STATE_DIR: await mkdtemp(join(tmpdir(), 'djpk-once-')),
    DJPK_ADMIN_IDS: 'aad-admin',
    MONTHLY_POST_LEASE_SECONDS: String(leaseSeconds),
    MONTHLY_POST_SEND_TIMEOUT_SECONDS: String(leaseSeconds / 2),
    ...(kind === 'azure'
      ? { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `once-${n}` }
      : {}),
  };
  /** A bot instance with its data already loaded (a running bot has), so timings are the post's. */
  const compose = async (owner: string, options: Parameters<typeof composeBot>[1] = {}) => {
    const bot = composeBot(loadConfig(env), { owner, ...options });
    await bot.brain.summary(MONTH);
    return bot;
  };
  await composeBot(loadConfig(env)).channels.save({
    reference: {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: channelId, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: '' },
      bot: { id: 'bot-1', name: 'Laporan DJPK' },
    },
    channelId,
    teamName: 'Tim DJPK',
    learnedAt: Date.now(),
  });
  const newThreads = () => connector.received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
  const admin = (bot: Awaited<ReturnType<typeof compose>>, text: 'status' | 'paksa') =>
    runAdminCommand(
      text === 'status' ? { kind: 'status' } : { kind: 'send', monthText: 'januari 2025', force: true },
      'aad-admin',
      {
        adminIds: ['aad-admin'],
        poster: bot.poster,
        channels: bot.channels,
        ledger: bot.ledger,
        schedule: bot.schedule,
        monthsWithData: () => bot.brain.monthsWithData(),
        now: () => STATUS_AT,
      },
    );
  return {
    env,
    connector,
    channelId,
    key: monthlyPostKey(channelId, MONTH),
    leaseMs: leaseSeconds * 1000,
    compose,
    /** Posts that reached the Connector (answered 2xx, or held: Teams may have posted them). */
    posts: () => newThreads().length,
    admin,
  };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

/** A bot process on the scenario's ledger and Connector that posts January 2025 once. */
function spawnPoster(s: Scenario, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, [posterBundle.script], {
    env: { ...process.env, ...s.env, POST_MONTH: String(MONTH), ...extra },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  return {
    child,
    exited,
    output: () => output,
    result: async () => {
      await exited;
      const line = output.split('\n').find((l) => l.startsWith('RESULT:'));
      if (!line) throw new Error(`no result from the child:\n${output}`);
      return JSON.parse(line.slice('RESULT:'.length)) as { outcome: string };
    },
  };
}

describe.each<Kind>(['file', 'azure'])('exactly once on the %s ledger', (kind) => {
  it('slow Connector (holds the post longer than the lease): one post, reported "tidak pasti", never repeated by this or another instance', async () => {
    const s = await scenario(kind, 2);
    s.connector.holdMs = s.leaseMs + 1000;
    const a = await s.compose('instance-a');
    const b = await s.compose('instance-b');
    const started = Date.now();
    const first = await a.poster.post(MONTH);
    expect(first.outcome).toBe('uncertain');
    expect(first.message).toContain('tidak pasti terkirim');
    expect(first.message).toContain('kirim ringkasan januari 2025 paksa');
    // The send's own timeout (half the lease), not the Connector, ended the wait.
    expect(Date.now() - started).toBeLessThan(s.leaseMs);
    // For longer than the Connector holds the request: the same process and another one keep asking.
    while (Date.now() - started < s.connector.holdMs + 500) {
      const outcomes = await Promise.all([a.poster.post(MONTH), b.poster.post(MONTH)]);
      expect(outcomes.map((o) => o.outcome)).toEqual(['uncertain', 'uncertain']);
      await sleep(100);
    }
    expect(s.posts()).toBe(1);
    expect(await a.ledger.get(s.key)).toMatchObject({ state: 'uncertain', owner: 'instance-a' });
    expect(await s.admin(b, 'status')).toContain('Kiriman terakhir (Januari 2025): TIDAK PASTI terkirim');
  });

  it('the lease is renewed while a post is under way: retries on 429 for longer than the lease are not taken over', async () => {
    const s = await scenario(kind, 2);
    s.connector.script.push(429, 429);
    // Each backoff waits three quarters of a lease: without heartbeats the claim would expire.
    const a = await s.compose('instance-a', { sleep: () => sleep(s.leaseMs * 0.75) });
    const b = await s.compose('instance-b');
    const posting = a.poster.post(MONTH);
    // B starts asking once A holds the claim (its first request got the 429).
    await until(
      () => s.posts() >= 1,
      () => 'the first request',
    );
    let done = false;
    const others: string[] = [];
    void posting.finally(() => {
      done = true;
    });
    while (!done) {
      others.push((await b.poster.post(MONTH)).outcome);
      await sleep(50);
    }
    expect((await posting).outcome).toBe('sent');
    expect(others.every((o) => o === 'inProgress' || o === 'alreadySent')).toBe(true);
    expect(others).toContain('inProgress');
    // Three requests, two refused with 429: one post.
    expect(s.posts() - 2).toBe(1);
  });

  it('a process never takes over its own claim, even long after the lease', async () => {
    const s = await scenario(kind, 1);
    const bot = await s.compose('instance-a');
    let release: (value: { activityId: string }) => void = () => undefined;
    let calls = 0;
    const hanging: ChannelSender = {
      send: (_channel, _reply, options) => {
        options?.onRequest?.();
        calls++;
        return new Promise((resolve) => {
          release = resolve;
        });
      },
    };
    const poster = (owner: string) =>
      new MonthlyPoster({
        summary: (m) => bot.brain.summary(m),
        channels: bot.channels,
        ledger: bot.ledger,
        sender: hanging,
        owner,
        now: Date.now,
        leaseMs: s.leaseMs,
        // Deliberately longer than the lease: only the owner check and the heartbeat stand in the way.
        sendTimeoutMs: 30_000,
      });
    const same = poster('instance-a');
    const first = same.post(MONTH);
    await until(
      () => calls === 1,
      () => 'the first send',
    );
    await sleep(s.leaseMs * 3);
    expect((await same.post(MONTH)).outcome).toBe('inProgress');
    expect((await poster('instance-a').post(MONTH)).outcome).toBe('inProgress');
    expect((await poster('instance-b').post(MONTH)).outcome).toBe('inProgress');
    expect(calls).toBe(1);
    release({ activityId: 'act-1' });
    expect((await first).outcome).toBe('sent');
    expect((await poster('instance-b').post(MONTH)).outcome).toBe('alreadySent');
  });

  it('a send timing out before its request left (a slow token fetch) is retried, not "tidak pasti"', async () => {
    const s = await scenario(kind, 2);
    const bot = await s.compose('instance-a');
    let tokenMs = s.leaseMs;
    const sent: string[] = [];
    // Like TeamsChannelSender: the token first, then nothing once the poster gave up, else the request.
    const slowToken: ChannelSender = {
      send: async (_channel, _reply, options) => {
        await sleep(tokenMs);
        if (options?.signal?.aborted) throw new Error('dibatalkan sebelum dikirim');
        options?.onRequest?.();
        sent.push('request');
        return { activityId: `act-${sent.length}` };
      },
    };
    const poster = new MonthlyPoster({
      summary: (m) => bot.brain.summary(m),
      channels: bot.channels,
      ledger: bot.ledger,
      sender: slowToken,
      owner: 'instance-a',
      now: Date.now,
      leaseMs: s.leaseMs,
      sendTimeoutMs: s.leaseMs / 2,
      sleep: async () => {
        tokenMs = 0;
      },
    });
    // The first try timed out at the token and sent nothing; the retry (after the backoff) posted.
    expect((await poster.post(MONTH)).outcome).toBe('sent');
    await sleep(s.leaseMs + 200);
    expect(sent).toEqual(['request']);
    expect(await bot.ledger.get(s.key)).toMatchObject({ state: 'sent', activityId: 'act-1' });
  });

  it('ledger: an expired claim is taken over, except by its owner; one expired while sending becomes "uncertain"', async () => {
    const s = await scenario(kind, 1);
    const { ledger } = await s.compose('x');
    const t0 = Date.now();
    const later = t0 + 2 * s.leaseMs;
    const a = await ledger.claim('k-claimed', 'A', t0);
    expect(a).toMatchObject({ outcome: 'claimed', lease: { attempt: 1 } });
    expect(await ledger.claim('k-claimed', 'A', later)).toMatchObject({ outcome: 'inProgress' });
    expect(await ledger.claim('k-claimed', 'B', later)).toMatchObject({ outcome: 'claimed', lease: { attempt: 2 } });

    const sending = await ledger.claim('k-sending', 'A', t0);
    if (sending.outcome !== 'claimed') throw new Error('not claimed');
    const lease = await ledger.update(sending.lease, t0, { state: 'sending' });
    expect(lease).not.toBeNull();
    const racing = await Promise.all([ledger.claim('k-sending', 'B', later), ledger.claim('k-sending', 'C', later)]);
    expect(racing.map((r) => r.outcome)).toEqual(['uncertain', 'uncertain']);
    expect(await ledger.get('k-sending')).toMatchObject({ state: 'uncertain', owner: 'A' });
    // The old holder lost its claim for anything but the truth: a late "sent" is still recorded.
    if (lease) {
      expect(await ledger.update(lease, later, { state: 'sending' })).toBeNull();
      expect(await ledger.update(lease, later, { state: 'sent', activityId: 'late' })).not.toBeNull();
    }
    expect(await ledger.claim('k-sending', 'B', later, { retryUncertain: true })).toMatchObject({
      outcome: 'alreadySent',
      record: { activityId: 'late' },
    });
  });

  it('an empty or cut claim (a crash mid-write by the old code) counts as expired and is recovered', async () => {
    for (const content of ['', '{"state":"claimed","ow']) {
      const s = await scenario(kind, 2);
      if (kind === 'file') {
        await mkdir(join(s.env.DJPK_STATE_DIR ?? '', 'ledger'), { recursive: true });
        await writeFile(
          join(s.env.DJPK_STATE_DIR ?? '', 'ledger', `${s.key.replace(/[^A-Za-z0-9._-]/g, '_')}.1.json`),
          content,
        );
      } else {
        const container = new ContainerClient(azurite.connectionString, s.env.AZURE_STORAGE_CONTAINER ?? '');
        await container.createIfNotExists();
        const blob = container.getBlockBlobClient(`ledger/${s.key.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
        await blob.upload(content, Buffer.byteLength(content));
      }
      const bot = await s.compose('instance-a');
      expect((await bot.poster.post(MONTH)).outcome).toBe('sent');
      expect((await bot.poster.post(MONTH)).outcome).toBe('alreadySent');
      expect(s.posts()).toBe(1);
      expect(await s.admin(bot, 'status')).toMatch(/Kiriman terakhir \(Januari 2025\): terkirim /);
    }
  });

  it('instances racing (two processes and three in this one, started together): one post', async () => {
    const s = await scenario(kind, 2);
    const processes = ['child-1', 'child-2'].map((owner) => spawnPoster(s, { POST_OWNER: owner, POST_WAIT_GO: '1' }));
    const here = await Promise.all(['a', 'b', 'c'].map((owner) => s.compose(owner)));
    await until(
      () => processes.every((p) => p.output().includes('READY')),
      () => processes.map((p) => p.output()).join('\n---\n'),
    );
    for (const p of processes) p.child.stdin?.end('GO\n');
    const outcomes = [
      ...(await Promise.all(here.map((bot) => bot.poster.post(MONTH)))).map((r) => r.outcome),
      ...(await Promise.all(processes.map((p) => p.result()))).map((r) => r.outcome),
    ];
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'sent').every((o) => o === 'inProgress' || o === 'alreadySent')).toBe(true);
    expect(s.posts()).toBe(1);
  }, 240_000);

  /**
   * kill -9 at each step, then a restart. `posts`: what reached the Connector in the end, before any
   * admin decision; "sending" and later leave "tidak pasti" and no second post.
   */
  const steps = [
    { step: 'claimed', posts: 1, outcome: 'sent' },
    { step: 'sending', posts: 0, outcome: 'uncertain' },
    { step: 'during', posts: 1, outcome: 'uncertain' },
    { step: 'replied', posts: 1, outcome: 'uncertain' },
  ] as const;
  it.concurrent.each(steps)(
    'kill -9 at "$step", then a restart: $posts post(s), then "$outcome"',
    async ({ step, posts, outcome }) => {
      const s = await scenario(kind, 3);
      // Started (and its data loaded) before the crash, so its first look comes right after it.
      const restarted = await s.compose('restarted');
      if (step === 'during') s.connector.holdMs = Number.POSITIVE_INFINITY;
      const crashing = spawnPoster(s, {
        POST_OWNER: 'crashing',
        // "during": the Connector holds the request; the child's own send timeout must not end it first.
        ...(step === 'during'
          ? { MONTHLY_POST_SEND_TIMEOUT_SECONDS: String(s.leaseMs / 2000) }
          : { POST_STOP_AT: step }),
      });
      await until(
        () => (step === 'during' ? s.posts() === 1 : crashing.output().includes(`STOPPED:${step}`)),
        () => `step ${step}; child said:\n${crashing.output()}`,
      );
      crashing.child.kill('SIGKILL');
      await crashing.exited;
      s.connector.holdMs = 0;

      // The dead process's lease still runs: nobody acts on it yet.
      expect((await restarted.poster.post(MONTH)).outcome).toBe('inProgress');
      await sleep(s.leaseMs + 200);
      const result = await restarted.poster.post(MONTH);
      expect(result.outcome).toBe(outcome);
      expect((await restarted.poster.post(MONTH)).outcome).toBe(outcome === 'sent' ? 'alreadySent' : 'uncertain');
      expect(s.posts()).toBe(posts);
      const status = await s.admin(restarted, 'status');
      if (outcome === 'sent') {
        expect(status).toMatch(/Kiriman terakhir \(Januari 2025\): terkirim /);
        return;
      }
      expect(status).toContain(
        'Kiriman terakhir (Januari 2025): TIDAK PASTI terkirim (instans crashing berhenti saat mengirim',
      );
      expect(status).toContain('ketik "kirim ringkasan januari 2025 paksa"');
      // The admin checked the channel and decides: "paksa" sends once more, and only once.
      expect(await s.admin(restarted, 'paksa')).toBe('Ringkasan Januari 2025 telah dikirim ke kanal DJPK.');
      expect(s.posts()).toBe(posts + 1);
      expect((await restarted.poster.post(MONTH)).outcome).toBe('alreadySent');
      expect(await s.admin(restarted, 'status')).toMatch(/Kiriman terakhir \(Januari 2025\): terkirim /);
    },
    240_000,
  );
});

describe('configuration', () => {
  it('MONTHLY_POST_LEASE_SECONDS defaults to 600 and the send timeout to 60; a timeout over half the lease is refused', () => {
    const config = loadConfig({});
    expect([config.MONTHLY_POST_LEASE_SECONDS, config.MONTHLY_POST_SEND_TIMEOUT_SECONDS]).toEqual([600, 60]);
    expect(() => loadConfig({ MONTHLY_POST_LEASE_SECONDS: '60', MONTHLY_POST_SEND_TIMEOUT_SECONDS: '31' })).toThrow(
      'Konfigurasi tidak valid: MONTHLY_POST_SEND_TIMEOUT_SECONDS: paling lama setengah MONTHLY_POST_LEASE_SECONDS',
    );
    expect(() => loadConfig({ MONTHLY_POST_LEASE_SECONDS: '0' })).toThrow(/MONTHLY_POST_LEASE_SECONDS/);
  });
});

describe('the file ledger', () => {
  it('writes each record through a temporary file and leaves none behind', async () => {
    const s = await scenario('file', 1);
    const bot = await s.compose('instance-a');
    expect((await bot.poster.post(MONTH)).outcome).toBe('sent');
    const files = await readdir(join(s.env.DJPK_STATE_DIR ?? '', 'ledger'));
    expect(files.sort()).toEqual([`${s.key.replace(/[^A-Za-z0-9._-]/g, '_')}.1.json`]);
  });
});
