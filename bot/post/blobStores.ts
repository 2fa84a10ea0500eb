import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { httpStatusOf } from '../httpStatus';
import type { ChannelRecord, ChannelStore } from './channelStore';
import { CLAIM_LEASE_MS, type ClaimResult, type PostLedger, type PostRecord } from './ledger';

/**
 * Azure Blob Storage for several bot instances behind Azure Bot Service: the ledger's claim is an
 * upload with If-None-Match: * (atomic create), a takeover of an expired claim an upload with
 * If-Match on the record's ETag, so exactly one instance wins either race.
 */
const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');
const conflict = (error: unknown) => httpStatusOf(error) === 409 || httpStatusOf(error) === 412;

export class BlobLedger implements PostLedger {
  private ready: Promise<unknown> | null = null;

  constructor(private readonly container: ContainerClient) {}

  static fromConnectionString(connectionString: string, containerName: string): BlobLedger {
    return new BlobLedger(new ContainerClient(connectionString, containerName));
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(`ledger/${safe(key)}.json`);
  }

  /** Content and ETag from ONE download, so the ETag always belongs to the content read. */
  private async read(key: string): Promise<{ record: PostRecord; etag: string } | null> {
    try {
      const response = await this.blob(key).download();
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
      return { record: JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostRecord, etag: response.etag ?? '' };
    } catch (error) {
      if (httpStatusOf(error) === 404) return null;
      throw error;
    }
  }

  private async write(
    key: string,
    record: PostRecord,
    conditions: { ifNoneMatch?: string; ifMatch?: string },
  ): Promise<boolean> {
    this.ready ??= this.container.createIfNotExists();
    await this.ready;
    const body = JSON.stringify(record);
    try {
      await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      if (conflict(error)) return false;
      throw error;
    }
  }

  async get(key: string): Promise<PostRecord | null> {
    return (await this.read(key))?.record ?? null;
  }

  async claim(key: string, owner: string, now: number): Promise<ClaimResult> {
    if (await this.write(key, { state: 'claimed', owner, claimedAt: now, attempt: 1 }, { ifNoneMatch: '*' })) {
      return { outcome: 'claimed', attempt: 1 };
    }
    const current = await this.read(key);
    if (!current) return this.claim(key, owner, now);
    if (current.record.state === 'sent') return { outcome: 'alreadySent', record: current.record };
    if (now - current.record.claimedAt < CLAIM_LEASE_MS) return { outcome: 'inProgress', record: current.record };
    const attempt = current.record.attempt + 1;
    if (await this.write(key, { state: 'claimed', owner, claimedAt: now, attempt }, { ifMatch: current.etag })) {
      return { outcome: 'claimed', attempt };
    }
    const winner = (await this.read(key))?.record ?? current.record;
    return winner.state === 'sent'
      ? { outcome: 'alreadySent', record: winner }
      : { outcome: 'inProgress', record: winner };
  }

  async complete(key: string, attempt: number, owner: string, now: number, activityId: string): Promise<void> {
    const current = await this.read(key);
    await this.write(
      key,
      { state: 'sent', owner, claimedAt: current?.record.claimedAt ?? now, sentAt: now, activityId, attempt },
      current ? { ifMatch: current.etag } : { ifNoneMatch: '*' },
    );
  }

  async release(key: string, attempt: number): Promise<void> {
    const current = await this.read(key);
    if (current && current.record.attempt === attempt && current.record.state === 'claimed') {
      await this.write(key, { ...current.record, claimedAt: 0 }, { ifMatch: current.etag });
    }
  }
}

/** The channel reference in a BlobsStorage (botbuilder-azure-blobs), shared by all instances. */
export class BlobChannelStore implements ChannelStore {
  private static readonly KEY = 'djpk-channel';

  constructor(private readonly storage: BlobsStorage) {}

  static fromConnectionString(connectionString: string, containerName: string): BlobChannelStore {
    return new BlobChannelStore(new BlobsStorage(connectionString, containerName));
  }

  async get(): Promise<ChannelRecord | null> {
    const items = await this.storage.read([BlobChannelStore.KEY]);
    const item = items[BlobChannelStore.KEY] as (ChannelRecord & { eTag?: string }) | undefined;
    if (!item) return null;
    const { eTag: _eTag, ...record } = item;
    return record;
  }

  async save(record: ChannelRecord): Promise<void> {
    await this.storage.write({ [BlobChannelStore.KEY]: { ...record, eTag: '*' } });
  }

  async markInactive(reason: string, now: number): Promise<void> {
    const current = await this.get();
    if (current) await this.save({ ...current, inactive: { since: now, reason } });
  }
}
