import { type BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { httpStatusOf } from '../httpStatus';
import type { ChannelRecord, ChannelStore } from './channelStore';
import {
  claimStep,
  claimWon,
  DEFAULT_LEASE_MS,
  type Lease,
  type PostLedger,
  type PostRecord,
  parseRecord,
  type Transition,
  transitioned,
  unreadableRecord,
} from './ledger';

/**
 * Azure Blob Storage for several bot instances behind Azure Bot Service: one blob per key. A claim
 * is an upload with If-None-Match: * (atomic create); every later change (takeover, heartbeat,
 * "sending", "uncertain") an upload with If-Match on the ETag read or last written, so exactly one
 * writer wins each race and a holder learns at once that its claim was taken over.
 */
const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');
const conflict = (error: unknown) => httpStatusOf(error) === 409 || httpStatusOf(error) === 412;
const CLAIM_RETRIES = 8;

/** A blob's text and the ETag of that same download (404 is thrown as the SDK's RestError). */
async function downloadText(blob: BlockBlobClient): Promise<{ text: string; etag: string }> {
  const response = await blob.download();
  const chunks: Buffer[] = [];
  for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return { text: Buffer.concat(chunks).toString('utf8'), etag: response.etag ?? '' };
}

export class BlobLedger implements PostLedger {
  private ready: Promise<unknown> | null = null;

  constructor(
    private readonly container: ContainerClient,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  static fromConnectionString(connectionString: string, containerName: string, leaseMs?: number): BlobLedger {
    return new BlobLedger(new ContainerClient(connectionString, containerName), leaseMs);
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(`ledger/${safe(key)}.json`);
  }

  /**
   * Content and ETag from ONE download, so the ETag always belongs to the content read. An empty or
   * damaged blob reads as an expired claim, which the next claim takes over with If-Match.
   */
  private async read(key: string): Promise<{ record: PostRecord; etag: string } | null> {
    try {
      const { text, etag } = await downloadText(this.blob(key));
      return { record: parseRecord(text) ?? unreadableRecord(0), etag };
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  /** The new ETag, or null when the condition failed (another instance wrote first). */
  private async write(
    key: string,
    record: PostRecord,
    conditions: { ifNoneMatch?: string; ifMatch?: string },
  ): Promise<string | null> {
    this.ready ??= this.container.createIfNotExists();
    await this.ready;
    const body = JSON.stringify(record);
    try {
      const response = await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return response.etag ?? '';
    } catch (error) {
      if (conflict(error)) return null;
      throw error;
    }
  }

  async get(key: string): Promise<PostRecord | null> {
    return (await this.read(key))?.record ?? null;
  }

  async claim(key: string, owner: string, now: number, options: { retryUncertain?: boolean } = {}) {
    for (let round = 0; round < CLAIM_RETRIES; round++) {
      const current = await this.read(key);
      const nextAttempt = (current?.record.attempt ?? 0) + 1;
      const step = claimStep(current?.record ?? null, owner, now, this.leaseMs, nextAttempt, options.retryUncertain);
      if ('result' in step) return step.result;
      const etag = await this.write(key, step.write, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      if (etag !== null) return claimWon(key, step.write, etag);
    }
    const record = (await this.get(key)) ?? unreadableRecord(0);
    return { outcome: 'inProgress', record } as const;
  }

  async update(lease: Lease, now: number, next: Transition): Promise<Lease | null> {
    if (next.state !== 'sent') {
      const current = await this.read(lease.key);
      if (!current || current.etag !== lease.version) return null;
      if (current.record.state !== 'claimed' && current.record.state !== 'sending') return null;
      const etag = await this.write(lease.key, transitioned(current.record, lease, now, next), {
        ifMatch: lease.version,
      });
      return etag === null ? null : { ...lease, version: etag };
    }
    // "sent" is the truth about the channel: written over whatever is there now (an "uncertain"
    // mark by an instance that gave up on us included), unless another send already recorded one.
    for (let round = 0; round < CLAIM_RETRIES; round++) {
      const current = await this.read(lease.key);
      if (current?.record.state === 'sent') return lease;
      const own = current?.record ?? { state: 'sending', owner: lease.owner, attempt: lease.attempt, claimedAt: now };
      const etag = await this.write(
        lease.key,
        transitioned(own, lease, now, next),
        current ? { ifMatch: current.etag } : { ifNoneMatch: '*' },
      );
      if (etag !== null) return { ...lease, version: etag };
    }
    throw new Error(`catatan kiriman ${lease.key} tidak dapat ditandai terkirim (terlalu banyak penulisan bersamaan)`);
  }
}

/**
 * The monthly post's channel in one blob of the same container, shared by all instances. The blob
 * name and JSON are those botbuilder-azure-blobs' BlobsStorage wrote ("djpk-channel", an extra
 * eTag field), so a record stored by an earlier version is read as it is.
 */
export class BlobChannelStore implements ChannelStore {
  private static readonly BLOB = 'djpk-channel';
  private ready: Promise<unknown> | null = null;

  constructor(private readonly container: ContainerClient) {}

  static fromConnectionString(connectionString: string, containerName: string): BlobChannelStore {
    return new BlobChannelStore(new ContainerClient(connectionString, containerName));
  }

  private blob() {
    return this.container.getBlockBlobClient(BlobChannelStore.BLOB);
  }

  async get(): Promise<ChannelRecord | null> {
    try {
      const { text } = await downloadText(this.blob());
      const { eTag: _eTag, ...record } = JSON.parse(text) as ChannelRecord & { eTag?: string };
      return record;
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  async save(record: ChannelRecord): Promise<void> {
    this.ready ??= this.container.createIfNotExists();
    await this.ready;
    const body = JSON.stringify(record);
    await this.blob().upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
  }

  async markInactive(reason: string, now: number): Promise<void> {
    const current = await this.get();
    if (current) await this.save({ ...current, inactive: { since: now, reason } });
  }
}
