/**
 * npm run bench:bot: the bot server in its own process on loopback, a stand-in Bot Connector here,
 * autocannon with 200 connections asking varied questions; prints latency percentiles and req/s.
 * Then 1.000 requests with 5% malformed bodies mixed in: counts of 2xx/4xx/5xx.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const BOT_PORT = 39781;
const QUESTIONS = [
  'konsultasi Januari vs Desember',
  'whatsapp bulan lalu',
  'tren konsultasi 12 bulan',
  'top pemda januari 2025',
  'sebaran kanal januari 2025',
  'layer 2 januari 2025',
  'kepuasan januari 2025',
  'total konsultasi 2024',
  'ringkasan januari 2025',
  'publikasi jan 2025 dibandingkan jan 2024',
  'bantuan',
  'telepn desember 2024',
];

let replies = 0;
/** Activity ids the bot replied to (from the Connector URL …/activities/{replyToId}). */
const repliedTo = new Set<string>();
const connector = createServer((req, res) => {
  const id = /\/activities\/([^/?]+)$/.exec(req.url ?? '')?.[1];
  if (id) repliedTo.add(decodeURIComponent(id));
  req.resume();
  req.on('end', () => {
    replies++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"r"}');
  });
});
await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
const address = connector.address();
const serviceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const bot = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../bot/main.ts', import.meta.url))], {
  // The per-conversation rate limit is lifted: the load is 200 simulated conversations hammering the server.
  env: { ...process.env, PORT: String(BOT_PORT), CACHE_TTL_SECONDS: '3600', RATE_LIMIT_PER_MINUTE: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.on('exit', () => bot.kill());
const base = `http://127.0.0.1:${BOT_PORT}`;
for (let i = 0; ; i++) {
  if (i > 100) throw new Error('bot did not start');
  const ok = await fetch(`${base}/healthz`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 200));
}

let n = 0;
const activity = (text: string, id?: string) => {
  n++;
  return JSON.stringify({
    type: 'message',
    id: id ?? `a${n}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `u${n % 50}`, name: 'Agen' },
    conversation: { id: `c${n % 200}`, conversationType: 'personal', tenantId: 't' },
    recipient: { id: 'bot', name: 'Laporan DJPK' },
    text,
  });
};

const run = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon(options, (e, r) => (e ? reject(e) : resolve(r))));

// Warm-up: build the reports the questions need once.
for (const q of QUESTIONS)
  await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: activity(q),
  });

const load = await run({
  url: `${base}/api/messages`,
  connections: 200,
  duration: 10,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: activity(QUESTIONS[n % QUESTIONS.length] ?? 'bantuan') }),
    },
  ],
});
console.log('Bot under load: 200 connections, 10 s, varied questions');
console.log(`  requests/s: ${load.requests.average.toFixed(0)}  total: ${load.requests.total}`);
console.log(
  `  latency ms: p50 ${load.latency.p50}  p97.5 ${load.latency.p97_5}  p99 ${load.latency.p99}  max ${load.latency.max}`,
);
console.log(
  `  non-2xx: ${load.non2xx}  errors: ${load.errors}  timeouts: ${load.timeouts}  replies at connector: ${replies}`,
);
console.log('  target: p95 ≤ 100 ms, ≥ 300 req/s, zero errors (autocannon reports p97.5, a stricter bound than p95)');

// Faults: 1.000 requests, 5% malformed.
const statuses: Record<string, number> = {};
let sent = 0;
await Promise.all(
  Array.from({ length: 20 }, async () => {
    while (sent < 1000) {
      const i = sent++;
      const malformed = i % 20 === 0;
      const body = malformed
        ? ['{"type":"message",', '[]', '{"text":"tanpa type"}', 'x'.repeat(10)][(i / 20) % 4]
        : activity(QUESTIONS[i % QUESTIONS.length] ?? '', `fault-${i}`);
      const status = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then((r) => r.status);
      const key = `${Math.floor(status / 100)}xx`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
  }),
);
await new Promise((r) => setTimeout(r, 500));
const answered = [...repliedTo].filter((id) => id.startsWith('fault-')).length;
console.log(
  `\n1.000 requests with 5% malformed: ${JSON.stringify(statuses)}; valid requests answered: ${answered} of 950; 5xx: ${statuses['5xx'] ?? 0}`,
);

bot.kill();
connector.close();
