import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { DeckBuildRequest, DeckBuildResult } from './deckBuild';

/**
 * Decks are rendered in a worker thread, never on the bot's event loop: while one renders, every
 * other question and /healthz is answered. Each build has its own worker with a time limit
 * (terminated when it is reached) and a heap limit (resourceLimits: V8 ends the worker with
 * ERR_WORKER_OUT_OF_MEMORY). Node's documentation (worker_threads, `resourceLimits`): the limits
 * cover the JS engine's heap only, not ArrayBuffers, and `--max-old-space-size` given to the
 * process (also through NODE_OPTIONS) overrides the worker's heap limit (nodejs/node#43991); the
 * build therefore reports the heap limit it ran with (logged with each build).
 */

export interface DeckRenderLimits {
  readonly timeMs: number;
  readonly memoryMb: number;
}

export interface DeckQueueLimits extends DeckRenderLimits {
  /** Builds at a time (each takes a core). */
  readonly concurrency: number;
  /** Builds that may wait for one; more are refused (DeckBusyError), never queued without end. */
  readonly maxWaiting: number;
}

/** A build that reached its time or memory limit. */
export class DeckLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(limit === 'time' ? 'deck melebihi batas waktu' : 'deck melebihi batas memori');
    this.name = 'DeckLimitError';
  }
}

/** Too many builds waiting already. */
export class DeckBusyError extends Error {
  constructor() {
    super('terlalu banyak deck sedang dibuat');
    this.name = 'DeckBusyError';
  }
}

/** The worker entry's name: scripts/build-bot.mjs bundles bot/deck/deckWorker.ts as deckWorker.js beside the bot. */
export const DECK_WORKER_ENTRY = 'deckWorker';

function startWorker(request: DeckBuildRequest, limits: DeckRenderLimits): Worker {
  const options: WorkerOptions = {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  };
  const here = import.meta.url;
  // Bundled (dist/bot/*.js, a test's bundle): the worker's own bundle beside this file.
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${DECK_WORKER_ENTRY}.js`, here), options);
  // From the sources (tsx, vitest): the TypeScript entry through tsx's loader (tsx is a dependency).
  const tsx = createRequire(here).resolve('tsx/esm/api');
  const entry = new URL('./deckWorker.ts', here).href;
  return new Worker(`require(${JSON.stringify(tsx)}).tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)});`, {
    ...options,
    eval: true,
  });
}

/** One build in its own worker; rejects with DeckLimitError when a limit is reached. */
export function renderInWorker(request: DeckBuildRequest, limits: DeckRenderLimits): Promise<DeckBuildResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker(request, limits);
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new DeckLimitError('time'))), limits.timeMs);
    worker.once('message', (result: DeckBuildResult) => finish(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DeckLimitError('memory') : error)),
    );
    worker.once('exit', (code) => finish(() => reject(new Error(`deck worker berhenti tanpa hasil (kode ${code})`))));
  });
}

/** At most `concurrency` builds at a time, at most `maxWaiting` waiting; each in its own worker. */
export class DeckRenderer {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limits: DeckQueueLimits,
    private readonly render: typeof renderInWorker = renderInWorker,
  ) {}

  async build(request: DeckBuildRequest): Promise<DeckBuildResult> {
    await this.acquire();
    try {
      return await this.render(request, this.limits);
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> | undefined {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return undefined;
    }
    if (this.waiting.length >= this.limits.maxWaiting) throw new DeckBusyError();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The slot goes straight to the next waiting build, so a new one cannot take it in between. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
