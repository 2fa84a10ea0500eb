/**
 * The bot's HTTP edge over real HTTP (issue 12): content type, malformed activities, loopback-only
 * replies in local mode, /healthz contents, forged Bot Framework tokens.
 */

import { spawn } from 'node:child_process';
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { type BotServer, startServer } from '../../bot/server';
import { activity, ConnectorCapture } from './connectorCapture';

const NOW = Date.UTC(2025, 1, 10, 3);
const stateDir = () => mkdtemp(join(tmpdir(), 'djpk-state-'));

async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('local mode (no app ID)', () => {
  const connector = new ConnectorCapture();
  let bot: BotServer;
  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({ PORT: '0', DJPK_STATE_DIR: await stateDir() });
    bot = await startServer(config, composeBot(config, { now: () => NOW }));
    expect(await bot.ready).toBe(true);
  });
  afterAll(async () => {
    await bot.close();
    await connector.stop();
  });

  it('only application/json: text/plain and form posts (what a cross-site page can send without a preflight) → 415', async () => {
    const body = JSON.stringify(activity(connector.url, { text: 'top pemda januari 2025' }));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await postRaw(bot.url, body, { 'content-type': type });
      expect(response.status).toBe(415);
    }
    const none = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: new Blob([body]) });
    expect(none.status).toBe(415);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.received).toHaveLength(0);
    // The preflight a cross-site JSON post needs is never granted.
    const preflight = await fetch(`${bot.url}/api/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // application/json with a charset is what Bot Framework sends: accepted.
    const ok = await postRaw(bot.url, body, { 'content-type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(200);
    await connector.waitFor(1);
  });

  it.each([
    [{ type: 'message' }, 'serviceUrl'],
    [{ type: 'message', text: 'halo', serviceUrl: 'http://127.0.0.1:9/' }, 'conversation'],
    [{ type: 'message', serviceUrl: 'http://127.0.0.1:9/', conversation: {} }, 'conversation.id'],
    [{ type: 'message', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } }, 'from.id'],
    [
      { type: 'message', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, from: { id: 'u' } },
      'recipient.id',
    ],
  ])('%j → 400 naming "%s", no internal error text', async (body, field) => {
    const started = Date.now();
    const response = await postRaw(bot.url, JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: `Permintaan tidak valid: activity tanpa "${field}"` });
    expect(response.text).not.toMatch(/TypeError|undefined|at /);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an activity without serviceUrl is refused at once (no fall-back to the public Bot Framework URL)', async () => {
    const { serviceUrl: _omit, ...rest } = activity(connector.url, { text: 'bantuan' });
    const started = Date.now();
    const response = await postRaw(bot.url, JSON.stringify(rest));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toContain('"serviceUrl"');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('replies only to loopback service URLs: any other host → 403 and nothing is sent', async () => {
    const before = connector.received.length;
    for (const serviceUrl of [
      'http://evil.example/',
      'https://10.0.0.5/',
      'http://127.0.0.1.evil.example/',
      'ftp://127.0.0.1/',
    ]) {
      const response = await postRaw(bot.url, JSON.stringify(activity(serviceUrl, { text: 'top pemda januari 2025' })));
      expect([400, 403]).toContain(response.status);
      expect(response.text).not.toContain('Kab.');
    }
    for (const serviceUrl of [connector.url, connector.url.replace('127.0.0.1', 'localhost')]) {
      const response = await postRaw(bot.url, JSON.stringify(activity(serviceUrl, { text: 'bantuan' })));
      expect(response.status).toBe(200);
    }
    await connector.waitFor(before + 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.received).toHaveLength(before + 2);
  });

  it('/healthz says status and data age only: no file path, no source, no error text', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['dataAgeSeconds', 'stale', 'status']);
    expect(text).not.toMatch(/sample|xlsx|\//);
  });
});

/**
 * A local OpenID endpoint publishing one RSA signing key at the paths login.botframework.com uses
 * (/v1/.well-known/openidconfiguration and /v1/.well-known/keys; the Teams SDK reads the keys there).
 */
class OpenIdStandIn {
  private server: Server | null = null;
  url = '';
  readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });

  async start(): Promise<void> {
    const jwk = this.key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration')
        res.end(JSON.stringify({ jwks_uri: `${this.url}/v1/.well-known/keys` }));
      else
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', kid: 'k1', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

const b64 = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function jwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  sign: (input: string) => Buffer | null,
) {
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = sign(input);
  return `${input}.${signature ? b64(signature) : ''}`;
}
const rs256 = (key: KeyObject) => (input: string) => createSign('RSA-SHA256').update(input).sign(key);

/** `npm run bot` in a child process (its real stderr and stdout), on an ephemeral loopback port. */
async function spawnBot(env: Record<string, string>) {
  const main = fileURLToPath(new URL('../../bot/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /mendengarkan di (http:\/\/[^/\s]+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bot exited ${code}: ${stderr}`)));
  });
  // Listening comes first; questions are taken once /healthz says ready.
  const status = () =>
    fetch(`${url}/healthz`)
      .then((r) => r.status)
      .catch(() => 0);
  while ((await status()) !== 200) await new Promise((r) => setTimeout(r, 50));
  return {
    url,
    stderr: () => stderr,
    logs: () =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

describe('with an app ID: every authentication failure is 401 with an empty body and one log line without keys', () => {
  const connector = new ConnectorCapture();
  const openId = new OpenIdStandIn();
  let bot: Awaited<ReturnType<typeof spawnBot>>;
  const APP_ID = 'app-123';

  beforeAll(async () => {
    await connector.start();
    await openId.start();
    bot = await spawnBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant-djpk',
      BOT_OPENID_METADATA_URL: `${openId.url}/v1/.well-known/openidconfiguration`,
      // No ALLOWED_TENANT_IDS: only the bot's own tenant is answered. A valid token from tenant-1
      // then reaches the tenant check, which answers nothing: proof that authentication passed.
      DJPK_STATE_DIR: await stateDir(),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await openId.stop();
    await connector.stop();
  });

  const claims = (serviceUrl: string, extra: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: Math.floor(Date.now() / 1000) - 60,
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...extra,
  });
  const activityLines = () => bot.logs().filter((e) => e.event === 'activity');
  // The child logs after it has answered; wait for the line instead of sleeping a fixed time.
  const logLinesAfter = (before: number) =>
    vi.waitFor(
      () => {
        const lines = activityLines().slice(before);
        if (lines.length === 0) throw new Error('no activity log line yet');
        return lines;
      },
      { timeout: 10_000, interval: 20 },
    );

  it('prints the address it binds: 0.0.0.0 by default with an app ID (here HOST=127.0.0.1)', () => {
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' }).host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow('Konfigurasi tidak valid: HOST');
    expect(bot.stderr()).toMatch(/mendengarkan di http:\/\/127\.0\.0\.1:\d+\/api\/messages/);
  });

  it('forged tokens → 401, empty body, one log line each, nothing about keys on stderr', async () => {
    const publicPem = openId.key.publicKey.export({ type: 'spki', format: 'pem' });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const url = connector.url;
    const signed = (extra: Record<string, unknown> = {}, kid = 'k1', key = openId.key.privateKey) =>
      jwt({ alg: 'RS256', typ: 'JWT', kid }, claims(url, extra), rs256(key));
    const forged: [string, string | null][] = [
      [
        'HS256 signed with the public key',
        jwt({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, claims(url), (i) =>
          createHmac('sha256', publicPem).update(i).digest(),
        ),
      ],
      ['alg none, no signature', jwt({ alg: 'none', typ: 'JWT', kid: 'k1' }, claims(url), () => null)],
      ['RS256 signed by another key', signed({}, 'k1', other.privateKey)],
      ['RS256, expired', signed({ exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['RS256, another audience', signed({ aud: 'someone-else' })],
      ['RS256, unknown key id', signed({}, 'nope')],
      ['RS256, serviceUrl claim of another host', signed({ serviceurl: 'http://127.0.0.1:1/' })],
      ['not a JWT', 'abc.def'],
      ['no Authorization header', null],
    ];
    for (const [name, token] of forged) {
      const before = activityLines().length;
      const response = await postRaw(
        bot.url,
        JSON.stringify(activity(url, { text: 'bantuan' })),
        token ? { authorization: `Bearer ${token}` } : {},
      );
      expect({ name, status: response.status, body: response.text }).toEqual({ name, status: 401, body: '' });
      const lines = await logLinesAfter(before);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ status: 401, outcome: 'unauthorized' });
      expect(JSON.stringify(lines[0])).not.toMatch(/BEGIN|PUBLIC KEY/);
    }
    expect(bot.stderr()).not.toMatch(/Available keys|BEGIN|PUBLIC KEY|invalid algorithm|jwt signature|Error/);
    expect(connector.received).toHaveLength(0);
  });

  it("a valid token passes authentication; a question from a tenant other than the bot's own gets no answer", async () => {
    const before = activityLines().length;
    const token = jwt({ alg: 'RS256', typ: 'JWT', kid: 'k1' }, claims(connector.url), rs256(openId.key.privateKey));
    const response = await postRaw(bot.url, JSON.stringify(activity(connector.url, { text: 'bantuan' })), {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(200);
    expect(await logLinesAfter(before)).toEqual([expect.objectContaining({ status: 200, outcome: 'tenantRefused' })]);
  });
});
