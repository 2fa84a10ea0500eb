import { monthLabel } from '../../core/format/idDate';
import { type MonthIndex, toIsoMonth } from '../../core/period/yearMonth';
import type { Reply } from '../brain';
import type { ChannelRecord, ChannelStore } from './channelStore';
import { DEFAULT_LEASE_MS, type Lease, type PostLedger, type Transition } from './ledger';

/** Sends a card as a new thread in a Teams channel (implemented in bot/teams). */
export interface ChannelSender {
  /**
   * `signal` aborts the request when the poster's send timeout is reached. An implementation MUST
   * call `onRequest` right before the request leaves (after the token) and never once `signal` is
   * aborted: a timeout before that call counts as "not sent" and is retried.
   */
  send(
    channel: ChannelRecord,
    reply: Reply,
    options?: { signal?: AbortSignal; onRequest?: () => void },
  ): Promise<{ readonly activityId: string }>;
}

/**
 * A failed send; `status` is the HTTP status Teams answered with, when there was one.
 * `requestLeft: false` says the request certainly did not reach Teams (no token, connection
 * refused): only then, or with an HTTP answer, is a send safe to retry.
 */
export class SendError extends Error {
  readonly requestLeft: boolean;

  constructor(
    message: string,
    readonly status: number | null,
    options: { requestLeft?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.requestLeft = options.requestLeft ?? true;
  }
}

export type PostOutcome = 'sent' | 'alreadySent' | 'inProgress' | 'uncertain' | 'noChannel' | 'inactive' | 'failed';

export interface PostResult {
  readonly outcome: PostOutcome;
  readonly month: string;
  /** Indonesian, for the admin who asked and for the log. */
  readonly message: string;
}

/** Points in a send where tests stop a child process with SIGKILL (production passes nothing). */
export type PostStep = 'claimed' | 'sending' | 'replied';

export interface PosterDeps {
  readonly summary: (month: MonthIndex) => Promise<Reply>;
  readonly channels: ChannelStore;
  readonly ledger: PostLedger;
  readonly sender: ChannelSender;
  /** This instance's name in ledger records: unique per process (host, pid and a random nonce). */
  readonly owner: string;
  readonly now: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: (event: Record<string, unknown>) => void;
  readonly maxAttempts?: number;
  /** The ledger's lease (the same value it was built with): heartbeats come every quarter of it. */
  readonly leaseMs?: number;
  /** How long one request to the Connector may take; far shorter than the lease. */
  readonly sendTimeoutMs?: number;
  readonly onStep?: (step: PostStep) => Promise<void>;
}

export const DEFAULT_SEND_TIMEOUT_MS = 60_000;
const RETRYABLE = (status: number | null) => status === 429 || (status !== null && status >= 500);

class SendTimeout extends Error {}

/**
 * Holds a claim while a post is prepared and sent: renews its lease every quarter lease (so a slow
 * but live sender is never taken over) and runs every ledger write one after the other (a heartbeat
 * never races a state change for the same ETag).
 */
class LeaseKeeper {
  private queue: Promise<unknown> = Promise.resolve();
  private lease: Lease | null;
  private state: 'claimed' | 'sending' = 'claimed';
  private done = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ledger: PostLedger,
    leaseMs: number,
    private readonly original: Lease,
    private readonly now: () => number,
    private readonly log: (event: Record<string, unknown>) => void,
  ) {
    this.lease = original;
    this.timer = setInterval(
      () => {
        if (this.done || !this.lease) return;
        this.update({ state: this.state }).then(
          (held) => {
            if (!held && !this.done)
              this.log({ event: 'monthlyPost.leaseLost', key: original.key, attempt: original.attempt });
          },
          (error: unknown) => this.log({ event: 'monthlyPost.heartbeatFailed', error: messageOf(error) }),
        );
      },
      Math.max(leaseMs / 4, 10),
    );
    this.timer.unref();
  }

  /** False when the claim is no longer ours (or already final). "sent" is written even then. */
  update(next: Transition): Promise<boolean> {
    const run = async () => {
      // "sent" and "failed" may still be written after a lost heartbeat: the ledger decides.
      const lease = next.state === 'sent' || next.state === 'failed' ? (this.lease ?? this.original) : this.lease;
      if (!lease || this.done) return false;
      const updated = await this.ledger.update(lease, this.now(), next);
      if (next.state === 'claimed' || next.state === 'sending') {
        this.state = next.state;
        this.lease = updated;
      } else {
        // A final state: no heartbeat may turn it back into "sending".
        this.done = true;
        this.lease = null;
      }
      return updated !== null;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  stop() {
    clearInterval(this.timer);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `send` with an abort signal and gives up after `ms` whether or not the sender honours it. */
async function withTimeout<T>(ms: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new SendTimeout());
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([send(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The monthly summary to the DJPK channel: at most once per (channel, month) whatever crashes,
 * restarts, slow Connectors and racing instances do; retried on 429/5xx answers; a send whose fate
 * is unknown is reported as "tidak pasti" for an admin to decide, never repeated on its own.
 */
export class MonthlyPoster {
  /** Keys this process is posting right now: a second call waits for nothing and posts nothing. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: PosterDeps) {}

  async post(month: MonthIndex, options: { force?: boolean } = {}): Promise<PostResult> {
    const { channels, ledger, owner, now } = this.deps;
    const iso = toIsoMonth(month);
    const label = monthLabel(month);
    const channel = await channels.get();
    if (!channel) {
      return {
        outcome: 'noChannel',
        month: iso,
        message:
          'Belum ada kanal DJPK untuk ringkasan: admin mengetik "@Laporan DJPK atur kanal ringkasan" di kanal tim DJPK, atau isi DJPK_CHANNEL_ID.',
      };
    }
    if (channel.inactive) {
      return {
        outcome: 'inactive',
        month: iso,
        message: `Kanal tidak aktif sejak ${new Date(channel.inactive.since).toISOString()}: ${channel.inactive.reason}. Pasang ulang aplikasi di tim DJPK.`,
      };
    }
    const inProgress: PostResult = {
      outcome: 'inProgress',
      month: iso,
      message: `Ringkasan ${label} sedang dikirim.`,
    };
    let key = monthlyPostKey(channel.channelId, month);
    if (this.inFlight.has(key)) return inProgress;
    // The card is built before claiming, so a slow data source never eats into the lease.
    let reply: Reply;
    try {
      reply = await this.deps.summary(month);
    } catch (error) {
      this.deps.log?.({ event: 'monthlyPost.summaryFailed', month: iso, error: messageOf(error) });
      return {
        outcome: 'failed',
        month: iso,
        message: `Ringkasan ${label} gagal disusun (${messageOf(error)}); akan dicoba lagi pada jadwal berikutnya.`,
      };
    }
    let claim = await ledger.claim(key, owner, now(), { retryUncertain: Boolean(options.force) });
    if (claim.outcome === 'alreadySent' && options.force) {
      // "paksa" after a post: a key of its own, still claimed, so a double click posts once.
      key = `${key}|paksa|${Math.floor(now() / 60_000)}`;
      if (this.inFlight.has(key)) return inProgress;
      claim = await ledger.claim(key, owner, now());
    }
    if (claim.outcome === 'alreadySent') {
      return {
        outcome: 'alreadySent',
        month: iso,
        message: `Ringkasan ${label} sudah dikirim ke kanal pada ${new Date(claim.record.sentAt ?? 0).toISOString()}; tambahkan "paksa" untuk mengirim ulang.`,
      };
    }
    if (claim.outcome === 'inProgress') return inProgress;
    if (claim.outcome === 'uncertain') {
      this.deps.log?.({ event: 'monthlyPost.uncertain', month: iso, reason: claim.record.reason });
      return uncertainResult(month, claim.record.reason);
    }
    this.inFlight.add(key);
    try {
      return await this.send(month, channel, reply, claim.lease);
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async send(month: MonthIndex, channel: ChannelRecord, reply: Reply, lease: Lease): Promise<PostResult> {
    const { channels, ledger, sender, now, log = () => undefined, onStep } = this.deps;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    const timeoutMs = this.deps.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
    const iso = toIsoMonth(month);
    const label = monthLabel(month);
    const keeper = new LeaseKeeper(ledger, this.deps.leaseMs ?? DEFAULT_LEASE_MS, lease, now, log);
    const failed = async (reason: string, status: number | null): Promise<PostResult> => {
      await keeper.update({ state: 'failed', reason });
      return {
        outcome: 'failed',
        month: iso,
        message: `Ringkasan ${label} gagal dikirim${status ? ` (HTTP ${status})` : ''}; akan dicoba lagi pada jadwal berikutnya.`,
      };
    };
    try {
      await onStep?.('claimed');
      const attempts = this.deps.maxAttempts ?? 5;
      for (let attempt = 1; ; attempt++) {
        // Recorded BEFORE the request leaves: a crash from here on leaves "sending", never re-sent.
        if (!(await keeper.update({ state: 'sending' }))) {
          // The claim ran out before the request left (a stalled process): nothing was sent. Give it
          // back unless another instance took it over meanwhile; the next tick claims it again.
          log({ event: 'monthlyPost.leaseLost', month: iso, attempt });
          await keeper.update({ state: 'failed', reason: 'klaim kedaluwarsa sebelum dikirim' });
          return {
            outcome: 'failed',
            month: iso,
            message: `Ringkasan ${label} belum dikirim (klaim kedaluwarsa); akan dicoba lagi pada jadwal berikutnya.`,
          };
        }
        await onStep?.('sending');
        const started = Date.now();
        try {
          let requestStarted = false;
          const onRequest = () => {
            requestStarted = true;
          };
          const { activityId } = await withTimeout(timeoutMs, (signal) =>
            sender.send(channel, reply, { signal, onRequest }),
          ).catch((error: unknown) => {
            // A timeout before the request left (e.g. a slow token fetch) is a plain, retryable failure.
            throw error instanceof SendTimeout && !requestStarted
              ? new SendError(`waktu habis sebelum permintaan dikirim (${timeoutMs / 1000} detik)`, null, {
                  requestLeft: false,
                })
              : error;
          });
          await onStep?.('replied');
          await keeper.update({ state: 'sent', activityId });
          log({ event: 'monthlyPost.sent', month: iso, attempt, ms: Date.now() - started });
          return { outcome: 'sent', month: iso, message: `Ringkasan ${label} telah dikirim ke kanal DJPK.` };
        } catch (error) {
          const status = error instanceof SendError ? error.status : null;
          const definite = status !== null || (error instanceof SendError && !error.requestLeft);
          if (!definite) {
            // Timed out or cut off after the request left: Teams may have posted it.
            const reason =
              error instanceof SendTimeout
                ? `Connector tidak menjawab dalam ${timeoutMs / 1000} detik; kiriman mungkin sudah sampai`
                : `koneksi terputus saat mengirim (${messageOf(error)}); kiriman mungkin sudah sampai`;
            await keeper.update({ state: 'uncertain', reason });
            log({ event: 'monthlyPost.uncertain', month: iso, attempt, reason, ms: Date.now() - started });
            return uncertainResult(month, reason);
          }
          log({ event: 'monthlyPost.failed', month: iso, attempt, status });
          if (status === 403) {
            await channels.markInactive('Teams menolak (403): bot dikeluarkan dari tim', now());
            await failed('Teams menolak (403)', status);
            return {
              outcome: 'inactive',
              month: iso,
              message: 'Teams menolak pengiriman (403): bot tidak lagi ada di tim DJPK. Kanal ditandai tidak aktif.',
            };
          }
          // A request that never left (no connection, no token in time) is as safe to retry as a 429.
          const retryable = RETRYABLE(status) || (error instanceof SendError && !error.requestLeft);
          if (!retryable || attempt >= attempts) {
            return await failed(status ? `Teams menjawab HTTP ${status}` : messageOf(error), status);
          }
          // Refused or never sent: nothing was posted, so back to "claimed" while waiting.
          await keeper.update({ state: 'claimed' });
          // Exponential backoff: 1 s, 2 s, 4 s, 8 s.
          await sleep(1000 * 2 ** (attempt - 1));
        }
      }
    } finally {
      keeper.stop();
    }
  }
}

/** The ledger key of a (channel, month). */
export const monthlyPostKey = (channelId: string, month: MonthIndex) => `${channelId}|${toIsoMonth(month)}`;

/** What an admin does about a post that may or may not have reached the channel. */
export const uncertainAdvice = (month: MonthIndex) =>
  `Periksa kanal DJPK; bila ringkasannya belum ada, ketik "kirim ringkasan ${monthLabel(month).toLowerCase()} paksa".`;

function uncertainResult(month: MonthIndex, reason: string | undefined): PostResult {
  return {
    outcome: 'uncertain',
    month: toIsoMonth(month),
    message: `Ringkasan ${monthLabel(month)} tidak pasti terkirim${reason ? ` (${reason})` : ''}; tidak dikirim ulang otomatis. ${uncertainAdvice(month)}`,
  };
}
