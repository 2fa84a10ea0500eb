import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Brain } from './brain';
import type { BotConfig } from './config';
import type { CachedSource } from './sources/cachedSource';
import { createTeamsBot } from './teams/app';

export interface BotServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

const problem = (res: Response, status: number, message: string) => res.status(status).json({ error: message });

/** HTTP: POST /api/messages (Bot Framework), GET /healthz. Bad requests get 4xx, never a crash. */
export function createHttpApp(config: BotConfig, brain: Brain, source: CachedSource, log: (e: unknown) => void) {
  const { adapter, app: teamsApp } = createTeamsBot(config, brain, log);
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      const read = await source.read();
      res.json({
        status: 'ok',
        source: source.description,
        readAt: new Date(read.readAt).toISOString(),
        stale: read.staleBecause,
      });
    } catch (error) {
      res.status(503).json({
        status: 'error',
        source: source.description,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });

  app.post(
    '/api/messages',
    express.json({ limit: config.MAX_BODY_BYTES, type: () => true }),
    async (req: Request, res: Response) => {
      const body = req.body as { type?: unknown } | undefined;
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
      await adapter.process(req, res, async (context) => {
        await teamsApp.run(context);
      });
    },
  );

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { type?: string; status?: number };
    if (e?.type === 'entity.too.large') return problem(res, 413, 'Permintaan terlalu besar');
    if (e?.type === 'entity.parse.failed') return problem(res, 400, 'Permintaan tidak valid: JSON rusak');
    log(error);
    if (!res.headersSent) problem(res, 500, 'Kesalahan server');
  });
  return app;
}

export async function startServer(
  config: BotConfig,
  brain: Brain,
  source: CachedSource,
  log: (e: unknown) => void,
): Promise<BotServer> {
  const app = createHttpApp(config, brain, source, log);
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
