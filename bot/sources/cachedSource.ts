import type { WorkbookSource } from '../../core/ports';
import type { RawWorkbook } from '../../core/workbook/workbook';

export interface CachedRead {
  readonly raw: RawWorkbook;
  /** When the data was read (ms since epoch). */
  readonly readAt: number;
  /** The data is older than the time to live (a refresh is running behind it, or the last one failed). */
  readonly olderThanTtl: boolean;
  /** Set when the last reload failed and older data is served (Indonesian, for the person who asks). */
  readonly staleBecause: string | null;
}

/** What /healthz may tell: no path, no spreadsheet ID, no error text. */
export interface SourceHealth {
  readonly status: 'starting' | 'ok' | 'unavailable';
  /** Age of the data in hand, in seconds; null before the first successful read. */
  readonly dataAgeSeconds: number | null;
  readonly olderThanTtl: boolean;
  readonly lastRefreshFailed: boolean;
}

/**
 * The workbook in memory, refreshed stale-while-revalidate: within the TTL a question costs no
 * read; after it, the question is answered from the data in hand while ONE refresh runs behind it.
 * A failed refresh keeps the last good data and its age, with the reason. "segarkan" waits for a
 * reload (sharing one already running).
 */
export class CachedSource {
  private last: { raw: RawWorkbook; readAt: number } | null = null;
  private failure: { reason: string; at: number } | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly listeners: ((raw: RawWorkbook, readAt: number) => void)[] = [];

  constructor(
    private readonly source: WorkbookSource,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly log: (event: Record<string, unknown>) => void = () => undefined,
  ) {}

  get description(): string {
    return this.source.description;
  }

  /** Called after every successful reload, before any question sees the new data's age. */
  onReload(listener: (raw: RawWorkbook, readAt: number) => void): void {
    this.listeners.push(listener);
  }

  /**
   * The data in hand. Before the first read (or after it failed) this waits for a read and throws
   * its error; `force` waits for a fresh reload; otherwise it never waits.
   */
  async read(force = false): Promise<CachedRead> {
    if (force || !this.last) await this.refresh();
    else if (this.now() - this.last.readAt >= this.ttlMs) void this.refresh();
    const last = this.last;
    if (!last) throw new Error(this.failure?.reason ?? 'data belum terbaca');
    return this.view(last);
  }

  /** Starts a reload unless one is running; resolves when it ends. Never rejects. */
  refresh(): Promise<void> {
    this.inFlight ??= this.reload().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  get refreshing(): boolean {
    return this.inFlight !== null;
  }

  health(): SourceHealth {
    const last = this.last;
    const age = last ? this.now() - last.readAt : null;
    return {
      status: last ? 'ok' : this.failure && !this.inFlight ? 'unavailable' : 'starting',
      dataAgeSeconds: age === null ? null : Math.max(0, Math.round(age / 1000)),
      olderThanTtl: age !== null && age >= this.ttlMs,
      lastRefreshFailed: this.failureAfterLastRead() !== null,
    };
  }

  private failureAfterLastRead(): string | null {
    return this.failure && (!this.last || this.failure.at >= this.last.readAt) ? this.failure.reason : null;
  }

  private view(last: { raw: RawWorkbook; readAt: number }): CachedRead {
    return {
      raw: last.raw,
      readAt: last.readAt,
      olderThanTtl: this.now() - last.readAt >= this.ttlMs,
      staleBecause: this.failureAfterLastRead(),
    };
  }

  private async reload(): Promise<void> {
    const started = this.now();
    try {
      const raw = await this.source.readTabs();
      const readAt = this.now();
      this.last = { raw, readAt };
      this.failure = null;
      for (const listener of this.listeners) {
        try {
          listener(raw, readAt);
        } catch (error) {
          this.log({
            event: 'data.prepare',
            outcome: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      this.log({ event: 'data.reload', outcome: 'ok', ms: this.now() - started });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.failure = { reason, at: this.now() };
      // Details (path, spreadsheet, error) go to the log only, never to /healthz.
      this.log({ event: 'data.reload', outcome: 'failed', ms: this.now() - started, error: reason });
    }
  }
}
