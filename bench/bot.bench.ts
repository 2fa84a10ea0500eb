/**
 * npm run bench:bot: the built bot (dist/bot, as `npm run bot` runs it) in its own process on
 * loopback, a stand-in Bot Connector here.
 *  1. Start-up, 3 runs: start → listening (/healthz answers) and start → ready (/healthz 200).
 *  2. Cached mix: 12 questions asked again and again (reply-cache hits), 50 and 200 connections.
 *  3. Uncached mix: questions the bot has not seen (metrics × months × phrasings, each text once,
 *     counted), 50 and 200 connections.
 *  4. 1.000 requests with 5% malformed bodies: counts of 2xx/4xx/5xx.
 * Latency is the HTTP request's: the turn, the answer and its POST to the Connector included.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parseQuestion } from '../core/ask/parseQuestion';
import { monthLabel } from '../core/format/idDate';
import { ReportBuilder } from '../core/metrics/report';
import { parseWorkbook } from '../core/workbook/workbook';
import { XlsxSource } from '../formats/xlsx/xlsxSource';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = `${root}sample/djpk-sample.xlsx`;
const CACHED = [
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
const UNCACHED_REQUESTS = 1000;

const ms = (n: number) => `${Math.round(n)} ms`;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const percentile = (xs: number[], p: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};
const minMedMax = (xs: number[]) => {
  const s = sorted(xs);
  return `min ${ms(s[0] ?? 0)}  median ${ms(s[Math.floor(s.length / 2)] ?? 0)}  max ${ms(s.at(-1) ?? 0)}`;
};

execFileSync(process.execPath, [`${root}scripts/build-bot.mjs`], { stdio: 'inherit' });

let replies = 0;
/** Activity ids the bot replied to (the replies' replyToId). */
const repliedTo = new Set<string>();
const connector = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    // A reply names the activity it answers in replyToId (Bot Framework; the Teams SDK posts it to …/activities).
    const id = /"replyToId":"([^"]+)"/.exec(body)?.[1];
    if (id) repliedTo.add(id);
    replies++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"r"}');
  });
});
await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
const address = connector.address();
const serviceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill();
});

/** Starts dist/bot/main.js; resolves when /healthz answers (listening) and when it says 200 (ready). */
async function startBot(port: number, env: Record<string, string> = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [`${root}dist/bot/main.js`], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.add(child);
  let listening = Number.NaN;
  for (;;) {
    if (performance.now() - started > 120_000) throw new Error('bot did not start');
    const status = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status && Number.isNaN(listening)) listening = performance.now() - started;
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, listening, ready: performance.now() - started };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
    children.delete(child);
  });

// 1. Start-up.
const starts: { listening: number; ready: number }[] = [];
for (let i = 0; i < 3; i++) {
  const run = await startBot(39790 + i);
  starts.push(run);
  await stop(run.child);
}
console.log('Bot start-up (node dist/bot/main.js, sample workbook), 3 runs');
console.log(`  start → listening: ${minMedMax(starts.map((s) => s.listening))}  (target ≤ 2 s)`);
console.log(`  start → ready:     ${minMedMax(starts.map((s) => s.ready))}`);

// The load: the per-conversation rate limit is lifted (hundreds of simulated conversations).
const BOT_PORT = 39781;
const { child: bot } = await startBot(BOT_PORT, { CACHE_TTL_SECONDS: '3600', RATE_LIMIT_PER_MINUTE: '1000000' });
const base = `http://127.0.0.1:${BOT_PORT}`;

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

/** autocannon, with every response's latency kept so that p95 is exact (autocannon reports p97.5). */
async function load(connections: number, next: () => string, limit: { amount?: number; duration?: number }) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/api/messages`,
        connections,
        ...limit,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: activity(next()) }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { result, latencies };
}

function print(title: string, { result, latencies }: Awaited<ReturnType<typeof load>>, target?: string) {
  console.log(`  ${title}`);
  console.log(
    `    p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(Math.max(...latencies))}  ${result.requests.average.toFixed(0)} req/s  (${latencies.length} responses)${target ? `  ${target}` : ''}`,
  );
  console.log(`    errors: non-2xx ${result.non2xx}  socket errors ${result.errors}  timeouts ${result.timeouts}`);
}

// 2. Cached mix: warm-up builds the reports and fills the reply cache, then the same questions.
for (const q of CACHED)
  await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: activity(q),
  });
console.log('\nCached mix (the same 12 questions: reply-cache hits), 10 s each');
let cachedIndex = 0;
const nextCached = () => CACHED[cachedIndex++ % CACHED.length] ?? 'bantuan';
print('50 connections', await load(50, nextCached, { duration: 10 }));
print('200 connections', await load(200, nextCached, { duration: 10 }));

// 3. Uncached mix: distinct texts (the reply cache's key is the trimmed lower-case text), only
// those the parser answers with a figure, none asked before.
const raw = await new XlsxSource(SAMPLE).readTabs();
const months = new ReportBuilder(parseWorkbook(raw, { now: null })).figures.monthsWithData();
const METRICS = [
  'whatsapp',
  'konsultasi',
  'publikasi',
  'ppid',
  'telepon',
  'email',
  'live chat',
  'webinar',
  'chatbot',
  'tiket wa',
];
const PHRASINGS = [
  (m: string, t: string) => `${m} ${t}`,
  (m: string, t: string) => `berapa ${m} ${t}`,
  (m: string, t: string) => `${m} bulan ${t}`,
  (m: string, t: string) => `jumlah ${m} ${t}`,
  (m: string, t: string) => `berapa ${m} bulan ${t}`,
  (m: string, t: string) => `jumlah ${m} bulan ${t}`,
  (m: string, t: string) => `${m} di ${t}`,
  (m: string, t: string) => `angka ${m} ${t}`,
  (m: string, t: string) => `data ${m} ${t}`,
  (m: string, t: string) => `${m} pada ${t}`,
  (m: string, t: string) => `total ${m} bulan ${t}`,
];
const context = { currentMonth: months.at(-1) ?? 0, monthsWithData: months };
const candidates: string[] = [];
for (const phrasing of PHRASINGS)
  for (const month of months)
    for (const metric of METRICS) {
      const text = phrasing(metric, monthLabel(month).toLowerCase());
      if (parseQuestion(text, context).kind === 'figure') candidates.push(text);
    }
const asked = new Set(CACHED.map((q) => q.trim().toLowerCase()));
const fresh = [...new Set(candidates.map((q) => q.trim().toLowerCase()))].filter((q) => !asked.has(q));
const perRun = Math.min(UNCACHED_REQUESTS, Math.floor(fresh.length / 2));
console.log(
  `\nUncached mix (${METRICS.length} metrics × ${months.length} months × ${PHRASINGS.length} phrasings → ${fresh.length} distinct questions answered with a figure), ${perRun} requests each`,
);
let freshIndex = 0;
const sent: string[] = [];
const nextFresh = () => {
  const text = fresh[freshIndex++ % fresh.length] ?? 'bantuan';
  sent.push(text);
  return text;
};
const uncached50 = await load(50, nextFresh, { amount: perRun });
print(
  '50 connections',
  uncached50,
  `(target p95 ≤ 250 ms: ${percentile(uncached50.latencies, 95) <= 250 ? 'met' : 'NOT met'})`,
);
print('200 connections', await load(200, nextFresh, { amount: perRun }));
const distinct = new Set(sent).size;
console.log(
  `  questions sent ${sent.length}, distinct ${distinct}: ${distinct === sent.length ? 'no reply-cache hits' : `${sent.length - distinct} repeated (reply-cache hits)`}`,
);

// 4. Faults: 1.000 requests, 5% malformed.
const statuses: Record<string, number> = {};
let faults = 0;
await Promise.all(
  Array.from({ length: 20 }, async () => {
    while (faults < 1000) {
      const i = faults++;
      const malformed = i % 20 === 0;
      const body = malformed
        ? ['{"type":"message",', '[]', '{"text":"tanpa type"}', 'x'.repeat(10)][(i / 20) % 4]
        : activity(CACHED[i % CACHED.length] ?? '', `fault-${i}`);
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
  `\n1.000 requests with 5% malformed: ${JSON.stringify(statuses)}; valid requests answered: ${answered} of 950; 5xx: ${statuses['5xx'] ?? 0}; replies at the connector in all: ${replies}`,
);

await stop(bot);
connector.close();
