import { monthLabel } from '../../core/format/idDate';
import { type MonthIndex, toIsoMonth } from '../../core/period/yearMonth';
import type { Reply } from '../brain';
import type { ChannelRecord, ChannelStore } from './channelStore';
import type { PostLedger } from './ledger';

/** Sends a card as a new thread in a Teams channel (implemented in bot/teams). */
export interface ChannelSender {
  send(channel: ChannelRecord, reply: Reply): Promise<{ readonly activityId: string }>;
}

/** A failed send; `status` is the HTTP status Teams answered with, when there was one. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export type PostOutcome = 'sent' | 'alreadySent' | 'inProgress' | 'noChannel' | 'inactive' | 'failed';

export interface PostResult {
  readonly outcome: PostOutcome;
  readonly month: string;
  /** Indonesian, for the admin who asked and for the log. */
  readonly message: string;
}

export interface PosterDeps {
  readonly summary: (month: MonthIndex) => Promise<Reply>;
  readonly channels: ChannelStore;
  readonly ledger: PostLedger;
  readonly sender: ChannelSender;
  /** This instance's name in ledger records. */
  readonly owner: string;
  readonly now: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: (event: Record<string, unknown>) => void;
  readonly maxAttempts?: number;
}

const RETRYABLE = (status: number | null) => status === 429 || (status !== null && status >= 500);

/** The monthly summary to the DJPK channel: exactly once per (channel, month), retried on 429/5xx. */
export class MonthlyPoster {
  constructor(private readonly deps: PosterDeps) {}

  async post(month: MonthIndex, options: { force?: boolean } = {}): Promise<PostResult> {
    const { channels, ledger, sender, owner, now, log = () => undefined } = this.deps;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    const iso = toIsoMonth(month);
    const label = monthLabel(month);
    const channel = await channels.get();
    if (!channel) {
      return {
        outcome: 'noChannel',
        month: iso,
        message: 'Belum ada kanal DJPK yang tersimpan: pasang aplikasi di tim DJPK atau sebut bot di kanalnya.',
      };
    }
    if (channel.inactive) {
      return {
        outcome: 'inactive',
        month: iso,
        message: `Kanal tidak aktif sejak ${new Date(channel.inactive.since).toISOString()}: ${channel.inactive.reason}. Pasang ulang aplikasi di tim DJPK.`,
      };
    }
    // "paksa" posts again: a key of its own, still claimed, so a double click posts once.
    const key = `${channel.channelId}|${iso}${options.force ? `|paksa|${Math.floor(now() / 60_000)}` : ''}`;
    const claim = await ledger.claim(key, owner, now());
    if (claim.outcome === 'alreadySent') {
      return {
        outcome: 'alreadySent',
        month: iso,
        message: `Ringkasan ${label} sudah dikirim ke kanal pada ${new Date(claim.record.sentAt ?? 0).toISOString()}; tambahkan "paksa" untuk mengirim ulang.`,
      };
    }
    if (claim.outcome === 'inProgress') {
      return { outcome: 'inProgress', month: iso, message: `Ringkasan ${label} sedang dikirim oleh instans lain.` };
    }
    const reply = await this.deps.summary(month);
    const attempts = this.deps.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const started = now();
      try {
        const { activityId } = await sender.send(channel, reply);
        await ledger.complete(key, claim.attempt, owner, now(), activityId);
        log({ event: 'monthlyPost.sent', month: iso, attempt, ms: now() - started });
        return { outcome: 'sent', month: iso, message: `Ringkasan ${label} telah dikirim ke kanal DJPK.` };
      } catch (error) {
        const status = error instanceof SendError ? error.status : null;
        log({ event: 'monthlyPost.failed', month: iso, attempt, status });
        if (status === 403) {
          await channels.markInactive('Teams menolak (403): bot dikeluarkan dari tim', now());
          await ledger.release(key, claim.attempt);
          return {
            outcome: 'inactive',
            month: iso,
            message: 'Teams menolak pengiriman (403): bot tidak lagi ada di tim DJPK. Kanal ditandai tidak aktif.',
          };
        }
        if (!RETRYABLE(status) || attempt >= attempts) {
          await ledger.release(key, claim.attempt);
          return {
            outcome: 'failed',
            month: iso,
            message: `Ringkasan ${label} gagal dikirim${status ? ` (HTTP ${status})` : ''}; akan dicoba lagi pada jadwal berikutnya.`,
          };
        }
        // Exponential backoff: 1 s, 2 s, 4 s, 8 s.
        await sleep(1000 * 2 ** (attempt - 1));
      }
    }
  }
}
