import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A local stand-in for the Bot Connector service: records what the bot sends, answers like Teams. */
export interface Captured {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

export class ConnectorCapture {
  readonly received: Captured[] = [];
  private server: Server | null = null;
  /** Status codes to answer with, in order; then 200. */
  readonly script: number[] = [];
  /**
   * How long a new thread (POST /v3/conversations) is held before the answer, like a slow
   * Connector; Infinity never answers. The request counts as received the moment it arrives.
   */
  holdMs = 0;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = data ? JSON.parse(data) : {};
        } catch {
          body = { raw: data };
        }
        this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        const status = this.script.shift() ?? 200;
        const answer = () => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              status < 300 ? { id: `reply-${this.received.length}` } : { error: { code: 'x', message: 'scripted' } },
            ),
          );
        };
        const hold = req.method === 'POST' && req.url === '/v3/conversations' ? this.holdMs : 0;
        if (hold === Number.POSITIVE_INFINITY) return;
        if (hold > 0) setTimeout(answer, hold).unref();
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    // Held requests would keep close() waiting forever.
    this.server?.closeAllConnections();
    await closed;
  }

  /** Waits until `count` requests arrived (the adapter replies asynchronously). */
  async waitFor(count: number, timeoutMs = 5000): Promise<Captured[]> {
    const start = Date.now();
    while (this.received.length < count) {
      if (Date.now() - start > timeoutMs)
        throw new Error(`expected ${count} connector calls, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.received;
  }
}

let sequence = 0;
export function activity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: 'user-1', name: 'Agen DJPK', aadObjectId: 'aad-user-1' },
    conversation: { id: `conversation-${sequence}`, conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: 'bot-1', name: 'Laporan DJPK' },
    locale: 'id-ID',
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}
