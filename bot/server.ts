import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ComposedBot } from './compose';
import type { BotConfig } from './config';
import { ConversationRateLimit, type InboundActivity, tenantAllowed } from './guard';

export interface BotServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

const problem = (res: Response, status: number, message: string) => res.status(status).json({ error: message });

/**
 * HTTP: POST /api/messages (Bot Framework, authenticated by the CloudAdapter whenever an app ID
 * is configured), GET /healthz. Bad requests get 4xx, never a crash. Logs carry ids and timings,
 * never message text.
 */
export function createHttpApp(config: BotConfig, bot: ComposedBot) {
  const app = express();
  app.disable('x-powered-by');
  const rateLimit = new ConversationRateLimit(config.RATE_LIMIT_PER_MINUTE);

  app.get('/healthz', async (_req, res) => {
    try {
      const read = await bot.source.read();
      res.json({
        status: 'ok',
        source: bot.source.description,
        readAt: new Date(read.readAt).toISOString(),
        stale: read.staleBecause,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      res.status(503).json({ status: 'error', source: bot.source.description, error: reason });
    }
  });

  app.post(
    '/api/messages',
    express.json({ limit: config.MAX_BODY_BYTES, type: () => true }),
    async (req: Request, res: Response) => {
      const started = Date.now();
      const body = req.body as ({ type?: unknown; id?: unknown } & InboundActivity) | undefined;
      if (
        !body ||
        typeof body !== 'object' ||
        Array.isArray(body) ||
        typeof body.type !== 'string' ||
        body.type === ''
      ) {
        problem(res, 400, 'Permintaan tidak valid: activity tanpa "type"');
        return;
      }
      let outcome = 'answered';
      await bot.adapter.process(req, res, async (context) => {
        // Authentication has passed here; tenant and rate checks come before any answer.
        if (!tenantAllowed(context.activity, config.ALLOWED_TENANT_IDS)) {
          outcome = 'tenantRefused';
          return;
        }
        if (context.activity.type === 'message' && !rateLimit.allow(context.activity.conversation?.id ?? '')) {
          outcome = 'rateLimited';
          return;
        }
        await bot.app.run(context);
      });
      bot.log({
        event: 'activity',
        type: body.type,
        id: String(body.id ?? ''),
        status: res.statusCode,
        outcome,
        ms: Date.now() - started,
      });
    },
  );

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { type?: string };
    if (e?.type === 'entity.too.large') return problem(res, 413, 'Permintaan terlalu besar');
    if (e?.type === 'entity.parse.failed') return problem(res, 400, 'Permintaan tidak valid: JSON rusak');
    bot.log({ event: 'httpError', error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) problem(res, 500, 'Kesalahan server');
  });
  return app;
}

export async function startServer(config: BotConfig, bot: ComposedBot): Promise<BotServer> {
  const app = createHttpApp(config, bot);
  // Unauthenticated local mode must not be reachable from the network.
  const host = config.localMode ? '127.0.0.1' : '0.0.0.0';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
