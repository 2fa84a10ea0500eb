import type { WorkbookSource } from '../../core/ports';
import type { RawWorkbook } from '../../core/workbook/workbook';

export interface CachedRead {
  readonly raw: RawWorkbook;
  /** When the data was read (ms since epoch). */
  readonly readAt: number;
  /** Set when a reload failed and older data is served. */
  readonly staleBecause: string | null;
}

/**
 * Keeps the last good read for a TTL so that questions cost no API call; "segarkan" forces a
 * reload; when a reload fails the last good data is served with the reason, never nothing.
 */
export class CachedSource {
  private last: CachedRead | null = null;
  private inFlight: Promise<CachedRead> | null = null;

  constructor(
    private readonly source: WorkbookSource,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get description(): string {
    return this.source.description;
  }

  async read(force = false): Promise<CachedRead> {
    if (!force && this.last && this.now() - this.last.readAt < this.ttlMs) return this.last;
    // Concurrent questions share one reload.
    this.inFlight ??= this.reload().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async reload(): Promise<CachedRead> {
    try {
      const raw = await this.source.readTabs();
      this.last = { raw, readAt: this.now(), staleBecause: null };
      return this.last;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!this.last) throw error;
      return { ...this.last, staleBecause: reason };
    }
  }
}
