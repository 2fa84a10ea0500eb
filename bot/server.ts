import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ComposedBot } from './compose';
import type { BotConfig } from './config';
import type { InboundActivity } from './guard';
import type { TurnResult } from './teams/app';

export interface BotServer {
  readonly server: Server;
  /** Where to reach the bot from this machine (127.0.0.1 also when bound to every interface). */
  readonly url: string;
  /** What the socket is bound to, e.g. "0.0.0.0:3978": what the start-up line prints. */
  readonly bound: string;
  /** Resolves once the data is loaded and the latest report built (true), or the server closed (false). */
  readonly ready: Promise<boolean>;
  close(): Promise<void>;
}

export interface HttpOptions {
  /**
   * Extra routers (e.g. the signed /laporan links), mounted after the bot's own routes; as a
   * function of the composed bot, mounted once it is composed (the server listens before).
   */
  readonly routes?: readonly Router[] | ((bot: ComposedBot) => readonly Router[]);
}

const problem = (res: Response, status: number, message: string) => res.status(status).json({ error: message });

/** Hosts a local-mode bot may send replies to: only this machine. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The first field a Bot Framework activity lacks that the bot needs to answer it, or null. Checked
 * before the SDK sees the activity, so a malformed one is a 400 naming the field, never a TypeError.
 */
export function missingActivityField(body: Record<string, unknown>): string | null {
  if (typeof body.type !== 'string' || body.type === '') return 'type';
  if (typeof body.serviceUrl !== 'string' || body.serviceUrl === '') return 'serviceUrl';
  const conversation = body.conversation as { id?: unknown } | undefined;
  if (!conversation || typeof conversation !== 'object') return 'conversation';
  if (typeof conversation.id !== 'string' || conversation.id === '') return 'conversation.id';
  const from = body.from as { id?: unknown } | undefined;
  if (!from || typeof from !== 'object' || typeof from.id !== 'string') return 'from.id';
  const recipient = body.recipient as { id?: unknown } | undefined;
  if (!recipient || typeof recipient !== 'object' || typeof recipient.id !== 'string') return 'recipient.id';
  return null;
}

/**
 * HTTP: POST /api/messages (Bot Framework activities, authenticated by the Teams SDK whenever an
 * app ID is configured), GET /healthz, then `options.routes`. Bad requests get 4xx, never a crash. Logs
 * carry ids and timings, never message text.
 */
export function createHttpApp(
  config: BotConfig,
  pending: ComposedBot | Promise<ComposedBot>,
  options: HttpOptions = {},
) {
  const app = express();
  app.disable('x-powered-by');
  // The server listens while the Teams SDK and the data still load: until then "starting".
  let bot: ComposedBot | null = null;
  const extraRoutes = express.Router();
  const routesOf = options.routes;
  if (routesOf && typeof routesOf !== 'function') for (const router of routesOf) extraRoutes.use(router);
  void Promise.resolve(pending).then(
    (composed) => {
      if (typeof routesOf === 'function') for (const router of routesOf(composed)) extraRoutes.use(router);
      bot = composed;
    },
    () => undefined,
  );
  const log = (event: Record<string, unknown>) => bot?.log(event);

  // Unauthenticated: status and the data's age only. Never waits for a read.
  app.get('/healthz', (_req, res) => {
    if (!bot) {
      res.status(503).set('cache-control', 'no-store').json({ status: 'starting', dataAgeSeconds: null, stale: false });
      return;
    }
    const health = bot.source.health();
    const status = bot.ready ? 'ok' : health.status === 'unavailable' ? 'unavailable' : 'starting';
    res
      .status(status === 'ok' ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({
        status,
        dataAgeSeconds: health.dataAgeSeconds,
        stale: health.olderThanTtl || health.lastRefreshFailed,
      });
  });

  app.post(
    '/api/messages',
    (req: Request, res: Response, next: NextFunction) => {
      // Only JSON: a page on another origin cannot send it without a CORS preflight, never granted here.
      if (!req.is('application/json')) {
        problem(res, 415, 'Permintaan harus berjenis application/json');
        return;
      }
      next();
    },
    express.json({ limit: config.MAX_BODY_BYTES }),
    async (req: Request, res: Response) => {
      const started = Date.now();
      const body = req.body as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        problem(res, 400, 'Permintaan tidak valid: activity harus berupa objek JSON');
        return;
      }
      const activity = body as Record<string, unknown> & InboundActivity;
      const missing = missingActivityField(activity);
      if (missing) {
        problem(res, 400, `Permintaan tidak valid: activity tanpa "${missing}"`);
        return;
      }
      let serviceUrl: URL;
      try {
        serviceUrl = new URL(String(activity.serviceUrl));
        if (serviceUrl.protocol !== 'http:' && serviceUrl.protocol !== 'https:') throw new Error('scheme');
      } catch {
        problem(res, 400, 'Permintaan tidak valid: "serviceUrl" bukan URL http(s)');
        return;
      }
      // Without authentication anyone on this machine could make the bot post anywhere: loopback only.
      if (config.localMode && !LOOPBACK.test(serviceUrl.hostname)) {
        problem(res, 403, 'Mode lokal hanya membalas ke "serviceUrl" di mesin ini (localhost/127.0.0.1)');
        return;
      }
      const composed = bot;
      if (!composed) {
        res.set('retry-after', '5');
        problem(res, 503, 'Bot sedang dimulai; coba lagi sebentar lagi');
        return;
      }
      let result: TurnResult;
      try {
        // The Teams SDK authenticates the request (JWT) whenever an app ID is set, then runs the turn.
        result = await composed.teams.process(activity, headersOf(req));
      } catch (error) {
        result = { status: 500, outcome: 'error', reason: reasonOf(error) };
      }
      if (result.outcome === 'unauthorized') {
        // The token's failure: 401, no detail (the SDK's text names keys and algorithms).
        res.status(401).end();
      } else if (result.outcome === 'error' || result.status >= 500) {
        problem(res, 500, 'Kesalahan server');
      } else if (result.body !== undefined && result.body !== null) {
        res.status(result.status).json(result.body);
      } else {
        res.status(result.status).end();
      }
      const reason = result.reason;
      log({
        event: 'activity',
        type: activity.type,
        id: String(activity.id ?? ''),
        status: res.statusCode,
        outcome: result.outcome,
        ms: Date.now() - started,
        // The error's class and first line only: never a key, a token or a stack.
        ...(reason ? { reason: reasonOf(reason) } : {}),
      });
    },
  );

  app.use(extraRoutes);

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { type?: string };
    if (e?.type === 'entity.too.large') return problem(res, 413, 'Permintaan terlalu besar');
    if (e?.type === 'entity.parse.failed') return problem(res, 400, 'Permintaan tidak valid: JSON rusak');
    if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
      return problem(res, 415, 'Permintaan harus berjenis application/json (UTF-8)');
    // The router could not decode a %-escape in the path ("/laporan/%E0%A4%A.pdf"): the caller's mistake.
    if (error instanceof URIError)
      return problem(res, 400, 'Permintaan tidak valid: alamat berisi %-encoding yang rusak');
    log({ event: 'httpError', error: reasonOf(error) });
    if (!res.headersSent) problem(res, 500, 'Kesalahan server');
  });
  return app;
}

/** Request headers as the SDK reads them (lower-case names; the Authorization header among them). */
function headersOf(req: Request): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
  return headers;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.split('\n')[0] ?? '').replace(/-----BEGIN[\s\S]*/, '').slice(0, 160);
}

export async function startServer(
  config: BotConfig,
  pending: ComposedBot | Promise<ComposedBot>,
  options: HttpOptions = {},
): Promise<BotServer> {
  const app = createHttpApp(config, pending, options);
  // Unauthenticated local mode must not be reachable from the network (config refuses other hosts).
  const host = config.host;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  let closed = false;
  // Listening first, then the data: /healthz answers "starting" meanwhile; a failed first read is retried.
  const ready = (async () => {
    const bot = await pending;
    for (let attempt = 0; !closed; attempt++) {
      if (await bot.start()) return true;
      await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)).unref());
    }
    return false;
  })();
  return {
    server,
    url: `http://${address.family === 'IPv6' ? `[${address.address === '::' ? '::1' : address.address}]` : address.address === '0.0.0.0' ? '127.0.0.1' : address.address}:${address.port}`,
    bound: address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`,
    ready,
    close: () =>
      new Promise((resolve) => {
        closed = true;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
