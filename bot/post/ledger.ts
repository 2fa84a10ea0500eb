import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Exactly-once bookkeeping for the monthly post: one record per (channel, month).
 *
 *   claimed ──► sending ──► sent
 *      ▲           │  ╲
 *      └─(429/5xx)─┘   ╲──► uncertain  (timed out / cut after the request left, or found expired while sending)
 *      failed ◄── (definite refusal: the request never left, or Teams answered with an error)
 *
 * A sender CLAIMS the record with an atomic create (or a takeover with a compare-and-swap), renews
 * the claim's lease while it works, records "sending" BEFORE the request leaves and "sent" after
 * Teams answered. A claim whose lease ran out in "claimed" never reached Teams and is taken over; one
 * that ran out in "sending" may have, so it becomes "uncertain" and is never sent again
 * automatically: an admin checks the channel and decides ("kirim ringkasan <bulan> paksa").
 */
export type PostState = 'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain';

export interface PostRecord {
  readonly state: PostState;
  /** The instance (host:pid:nonce) holding the claim; never taken over by that same instance. */
  readonly owner: string;
  /** Increases with each takeover, each "uncertain" mark and each forced retry. */
  readonly attempt: number;
  readonly claimedAt: number;
  /** The lease runs from here: the claim, then each heartbeat and state change. */
  readonly renewedAt?: number;
  readonly sendingAt?: number;
  readonly sentAt?: number;
  readonly activityId?: string;
  /** Why the send failed or is uncertain (Indonesian, shown by "status jadwal"). */
  readonly reason?: string;
}

/** A claim held by one instance; `version` is the ledger's token for compare-and-swap (an ETag). */
export interface Lease {
  readonly key: string;
  readonly owner: string;
  readonly attempt: number;
  readonly version: string;
}

export type ClaimResult =
  | { readonly outcome: 'claimed'; readonly lease: Lease }
  | { readonly outcome: 'alreadySent'; readonly record: PostRecord }
  | { readonly outcome: 'inProgress'; readonly record: PostRecord }
  | { readonly outcome: 'uncertain'; readonly record: PostRecord };

export type Transition =
  | { readonly state: 'claimed' | 'sending' }
  | { readonly state: 'sent'; readonly activityId: string }
  | { readonly state: 'failed' | 'uncertain'; readonly reason: string };

export interface PostLedger {
  /** `retryUncertain`: an admin's "paksa" re-claims a record left uncertain. */
  claim(key: string, owner: string, now: number, options?: { retryUncertain?: boolean }): Promise<ClaimResult>;
  /**
   * Moves a held claim on (the same state again is a heartbeat). Null when the claim is no longer
   * this lease's: it was taken over or marked uncertain. "sent" is recorded whatever happened
   * meanwhile, since it is the truth about the channel.
   */
  update(lease: Lease, now: number, next: Transition): Promise<Lease | null>;
  /** The record that tells the (channel, month)'s fate: a "sent" one if any, else the newest. */
  get(key: string): Promise<PostRecord | null>;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

const STATES: readonly string[] = ['claimed', 'sending', 'sent', 'failed', 'uncertain'];

/**
 * A stored record, or null when it is empty, cut or not a record (a crash mid-write by an older
 * version, a damaged disk): the caller then treats it as an expired claim, never as a fatal error.
 */
export function parseRecord(text: string): PostRecord | null {
  try {
    const value = JSON.parse(text) as Partial<PostRecord> | null;
    if (
      value &&
      typeof value === 'object' &&
      typeof value.state === 'string' &&
      STATES.includes(value.state) &&
      typeof value.owner === 'string' &&
      typeof value.attempt === 'number' &&
      typeof value.claimedAt === 'number'
    ) {
      return value as PostRecord;
    }
  } catch {
    // Unreadable: fall through.
  }
  return null;
}

/** What an unreadable record counts as: a claim that expired long ago and never sent. */
export const unreadableRecord = (attempt: number): PostRecord => ({
  state: 'claimed',
  owner: '(catatan rusak)',
  attempt,
  claimedAt: 0,
  renewedAt: 0,
});

export const renewedAt = (record: PostRecord) => record.renewedAt ?? record.claimedAt;
const expired = (record: PostRecord, now: number, leaseMs: number) => now - renewedAt(record) >= leaseMs;

export type ClaimStep = { readonly result: ClaimResult } | { readonly write: PostRecord };

/**
 * The one rule both ledgers follow, given the record they read: answer without writing, or write
 * `write` conditionally (attempt `nextAttempt`); whoever loses that write reads again.
 */
export function claimStep(
  current: PostRecord | null,
  owner: string,
  now: number,
  leaseMs: number,
  nextAttempt: number,
  retryUncertain = false,
): ClaimStep {
  const fresh: PostRecord = { state: 'claimed', owner, attempt: nextAttempt, claimedAt: now, renewedAt: now };
  if (!current || current.state === 'failed') return { write: fresh };
  if (current.state === 'sent') return { result: { outcome: 'alreadySent', record: current } };
  if (current.state === 'uncertain') {
    return retryUncertain ? { write: fresh } : { result: { outcome: 'uncertain', record: current } };
  }
  // A live claim, or one this very instance holds (its own send is still running): never taken over.
  if (!expired(current, now, leaseMs) || current.owner === owner) {
    return { result: { outcome: 'inProgress', record: current } };
  }
  if (current.state === 'claimed') return { write: fresh };
  // Expired while sending: the request may have reached Teams. Never re-sent automatically.
  return {
    write: {
      ...current,
      state: 'uncertain',
      attempt: nextAttempt,
      renewedAt: now,
      reason: `instans ${current.owner} berhenti saat mengirim (${new Date(current.sendingAt ?? renewedAt(current)).toISOString()}); kiriman mungkin sudah sampai`,
    },
  };
}

/** The result of a won conditional write of a `claimStep` record. */
export function claimWon(key: string, record: PostRecord, version: string): ClaimResult {
  return record.state === 'uncertain'
    ? { outcome: 'uncertain', record }
    : { outcome: 'claimed', lease: { key, owner: record.owner, attempt: record.attempt, version } };
}

/** The record a transition writes over the lease's own record. */
export function transitioned(own: PostRecord, lease: Lease, now: number, next: Transition): PostRecord {
  const base = { ...own, owner: lease.owner, attempt: lease.attempt, renewedAt: now };
  if (next.state === 'sent') return { ...base, state: 'sent', sentAt: now, activityId: next.activityId };
  if (next.state === 'failed' || next.state === 'uncertain') return { ...base, state: next.state, reason: next.reason };
  if (next.state === 'sending' && own.state !== 'sending') return { ...base, state: 'sending', sendingAt: now };
  return { ...base, state: next.state };
}

const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');
const CLAIM_RETRIES = 8;

/**
 * File ledger (one folder shared by the instances on one disk): attempt N of a key is its own file.
 * Every file appears whole: written to a temporary file first, then link()ed into place, which
 * fails if the name exists (the atomic create two instances agree on), or rename()d over the
 * attempt's own file by the claim's holder. A takeover is attempt N+1, so only one taker wins.
 */
export class FileLedger implements PostLedger {
  /** `leaseMs`: how long a claim may go without renewal before another instance acts on it. */
  constructor(
    private readonly dir: string,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  private path(key: string, attempt: number) {
    return join(this.dir, `${safe(key)}.${attempt}.json`);
  }

  private async readAttempt(key: string, attempt: number): Promise<PostRecord | null> {
    let text: string;
    try {
      text = await readFile(this.path(key, attempt), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseRecord(text) ?? unreadableRecord(attempt);
  }

  /** Every attempt's record, in order (attempts are created one after the other, without gaps). */
  private async attempts(key: string): Promise<PostRecord[]> {
    const records: PostRecord[] = [];
    for (let attempt = 1; ; attempt++) {
      const record = await this.readAttempt(key, attempt);
      if (!record) return records;
      records.push({ ...record, attempt });
    }
  }

  private static fate(records: readonly PostRecord[]): PostRecord | null {
    return records.find((r) => r.state === 'sent') ?? records.at(-1) ?? null;
  }

  async get(key: string): Promise<PostRecord | null> {
    return FileLedger.fate(await this.attempts(key));
  }

  private async temp(record: PostRecord): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.tmp-${process.pid}-${randomUUID()}`);
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
    return temp;
  }

  /** Creates attempt `record.attempt`; false when another instance created it first. */
  private async create(key: string, record: PostRecord): Promise<boolean> {
    const temp = await this.temp(record);
    try {
      await link(temp, this.path(key, record.attempt));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  private async replace(key: string, record: PostRecord): Promise<void> {
    await rename(await this.temp(record), this.path(key, record.attempt));
  }

  async claim(key: string, owner: string, now: number, options: { retryUncertain?: boolean } = {}) {
    for (let round = 0; round < CLAIM_RETRIES; round++) {
      const records = await this.attempts(key);
      const step = claimStep(
        FileLedger.fate(records),
        owner,
        now,
        this.leaseMs,
        records.length + 1,
        options.retryUncertain,
      );
      if ('result' in step) return step.result;
      if (await this.create(key, step.write)) return claimWon(key, step.write, String(step.write.attempt));
    }
    const record = (await this.get(key)) ?? unreadableRecord(0);
    return { outcome: 'inProgress', record } as const;
  }

  async update(lease: Lease, now: number, next: Transition): Promise<Lease | null> {
    const records = await this.attempts(lease.key);
    const own = records[lease.attempt - 1];
    if (!own) return null;
    if (next.state !== 'sent') {
      // Still ours only while no later attempt exists and the record is the one we left.
      const live = own.state === 'claimed' || own.state === 'sending';
      if (records.length !== lease.attempt || own.owner !== lease.owner || !live) return null;
      // A file has no compare-and-swap: once our lease ran out, a taker may be about to link the
      // next attempt, so we neither renew nor start a send; giving the claim back stays allowed.
      if (next.state !== 'failed' && expired(own, now, this.leaseMs)) return null;
    }
    await this.replace(lease.key, transitioned(own, lease, now, next));
    // A taker that read our claim just before our rename has linked the next attempt by now, or
    // it read "sending" and left it alone: re-reading closes the window down to a few file calls.
    if (next.state === 'sending' && (await this.readAttempt(lease.key, lease.attempt + 1))) return null;
    return lease;
  }
}
