import { Cron } from 'croner';
import { type MonthIndex, monthOfWallClock, wibWallClock } from '../../core/period/yearMonth';

export const DEFAULT_MONTHLY_CRON = '0 9 5 * *';
const TIME_ZONE = 'Asia/Jakarta';
export const CATCH_UP_MS = 3 * 86_400_000;

/**
 * When the monthly post is due (croner, in WIB). The bot checks `due(now)` every minute; whatever
 * the clock, the ledger decides whether the post still has to go, so a missed or repeated check
 * never posts twice.
 */
export class MonthlySchedule {
  private readonly cron: Cron;

  constructor(pattern = DEFAULT_MONTHLY_CRON) {
    this.cron = new Cron(pattern, { timezone: TIME_ZONE, paused: true });
  }

  /** The next run after `now` (ms), or null for a pattern that never fires. */
  next(now: number): number | null {
    return this.cron.nextRun(new Date(now))?.getTime() ?? null;
  }

  /**
   * The last scheduled time at or before `now`, if it is recent enough to still post (a bot that
   * was down at 09:00 posts when it comes back that day or the next two, not weeks later).
   */
  lastDue(now: number, catchUpMs = CATCH_UP_MS): number | null {
    let at = this.cron.nextRun(new Date(now - catchUpMs));
    let last: number | null = null;
    while (at && at.getTime() <= now) {
      last = at.getTime();
      at = this.cron.nextRun(at);
    }
    return last;
  }

  /** The month a run at `at` reports: the previous WIB calendar month. */
  static reportMonth(at: number): MonthIndex {
    return monthOfWallClock(wibWallClock(at)) - 1;
  }

  /** Validates a pattern for the configuration (throws with croner's reason). */
  static validate(pattern: string): void {
    new Cron(pattern, { timezone: TIME_ZONE, paused: true }).stop();
  }
}
