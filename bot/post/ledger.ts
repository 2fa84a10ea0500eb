import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { readJson, writeJson } from './jsonFile';

/**
 * Exactly-once bookkeeping for the monthly post: one record per (channel, month). A sender first
 * CLAIMS the record with an atomic create, sends, then COMPLETES it. A second instance, a restart
 * or a retry finds the record and does not send; a claim left behind by a crash is taken over
 * after its lease expires.
 */
export interface PostRecord {
  readonly state: 'claimed' | 'sent';
  readonly owner: string;
  readonly claimedAt: number;
  readonly sentAt?: number;
  readonly activityId?: string;
  /** Increases with each takeover of an expired claim. */
  readonly attempt: number;
}

export type ClaimResult =
  | { readonly outcome: 'claimed'; readonly attempt: number }
  | { readonly outcome: 'alreadySent'; readonly record: PostRecord }
  | { readonly outcome: 'inProgress'; readonly record: PostRecord };

export interface PostLedger {
  claim(key: string, owner: string, now: number): Promise<ClaimResult>;
  complete(key: string, attempt: number, owner: string, now: number, activityId: string): Promise<void>;
  /** Gives a claim back after a failed send, so the next run tries again. */
  release(key: string, attempt: number): Promise<void>;
  get(key: string): Promise<PostRecord | null>;
}

/** How long a claim may stay unfinished before another run takes it over (a crash mid-send). */
export const CLAIM_LEASE_MS = 10 * 60_000;

const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * File ledger: each attempt is its own file created with O_EXCL ("wx"), the atomic create that
 * makes two instances on one disk agree on a single winner.
 */
export class FileLedger implements PostLedger {
  constructor(private readonly dir: string) {}

  private path(key: string, attempt: number) {
    return join(this.dir, `${safe(key)}.${attempt}.json`);
  }

  /** The newest attempt's record. */
  private async latest(key: string): Promise<PostRecord | null> {
    let found: PostRecord | null = null;
    for (let attempt = 1; ; attempt++) {
      const record = await readJson<PostRecord>(this.path(key, attempt));
      if (!record) return found;
      found = record;
    }
  }

  get(key: string): Promise<PostRecord | null> {
    return this.latest(key);
  }

  private async create(key: string, record: PostRecord): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    try {
      const handle = await open(this.path(key, record.attempt), 'wx');
      await handle.writeFile(`${JSON.stringify(record, null, 2)}\n`);
      await handle.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async claim(key: string, owner: string, now: number): Promise<ClaimResult> {
    const current = await this.latest(key);
    if (current?.state === 'sent') return { outcome: 'alreadySent', record: current };
    if (current && now - current.claimedAt < CLAIM_LEASE_MS) return { outcome: 'inProgress', record: current };
    const attempt = (current?.attempt ?? 0) + 1;
    const won = await this.create(key, { state: 'claimed', owner, claimedAt: now, attempt });
    if (won) return { outcome: 'claimed', attempt };
    const winner = await this.latest(key);
    return winner?.state === 'sent'
      ? { outcome: 'alreadySent', record: winner }
      : { outcome: 'inProgress', record: winner ?? { state: 'claimed', owner: '?', claimedAt: now, attempt } };
  }

  async complete(key: string, attempt: number, owner: string, now: number, activityId: string): Promise<void> {
    const record = await readJson<PostRecord>(this.path(key, attempt));
    await writeJson(this.path(key, attempt), { ...record, state: 'sent', owner, sentAt: now, activityId, attempt });
  }

  async release(key: string, attempt: number): Promise<void> {
    const record = await readJson<PostRecord>(this.path(key, attempt));
    // An expired lease lets the next run take over at once.
    if (record) await writeJson(this.path(key, attempt), { ...record, claimedAt: 0 });
  }
}
