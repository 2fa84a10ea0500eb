import { hostname } from 'node:os';
import { join } from 'node:path';
import { adminCommandOf, runAdminCommand } from './admin';
import { Brain } from './brain';
import type { BotConfig } from './config';
import { BlobChannelStore, BlobLedger } from './post/blobStores';
import { type ChannelStore, FileChannelStore } from './post/channelStore';
import { FileLedger, type PostLedger } from './post/ledger';
import { MonthlyPoster } from './post/monthlyPost';
import { MonthlySchedule } from './post/schedule';
import { sourceFromConfig } from './sources/fromConfig';
import { createAdapter, createTeamsApp } from './teams/app';
import { TeamsChannelSender } from './teams/channelSender';

export type BotLog = (event: Record<string, unknown>) => void;

/** Wires the bot's parts from the configuration; tests pass their own clock and sleep. */
export function composeBot(
  config: BotConfig,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; log?: BotLog; owner?: string } = {},
) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const source = sourceFromConfig(config);
  const brain = new Brain(source, now);
  const blob = config.AZURE_STORAGE_CONNECTION_STRING;
  const channels: ChannelStore = blob
    ? BlobChannelStore.fromConnectionString(blob, config.AZURE_STORAGE_CONTAINER)
    : new FileChannelStore(config.DJPK_STATE_DIR);
  const ledger: PostLedger = blob
    ? BlobLedger.fromConnectionString(blob, config.AZURE_STORAGE_CONTAINER)
    : new FileLedger(join(config.DJPK_STATE_DIR, 'ledger'));
  const schedule = new MonthlySchedule(config.MONTHLY_POST_CRON);
  const adapter = createAdapter(config, (error) =>
    log({ event: 'turnError', error: error instanceof Error ? error.message : String(error) }),
  );
  const poster = new MonthlyPoster({
    summary: (month) => brain.summary(month),
    channels,
    ledger,
    sender: new TeamsChannelSender(adapter, config.MicrosoftAppId),
    owner: options.owner ?? `${hostname()}:${process.pid}`,
    now,
    log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const admin = async (text: string, userId: string | undefined) => {
    const command = adminCommandOf(text);
    if (!command) return null;
    return runAdminCommand(command, userId, {
      adminIds: config.DJPK_ADMIN_IDS,
      poster,
      channels,
      ledger,
      schedule,
      monthsWithData: () => brain.monthsWithData(),
      now,
    });
  };
  const app = createTeamsApp(adapter, { brain, channels, admin, configuredChannelId: config.DJPK_CHANNEL_ID, now });

  /** Called every minute: posts the due month's summary unless the ledger says it went. */
  let handledDue: number | null = null;
  const tick = async (at = now()) => {
    const due = schedule.lastDue(at);
    if (due === null || due === handledDue) return null;
    const result = await poster.post(MonthlySchedule.reportMonth(due));
    if (result.outcome === 'sent' || result.outcome === 'alreadySent') handledDue = due;
    log({ event: 'monthlyPost.tick', outcome: result.outcome, month: result.month });
    return result;
  };
  return { source, brain, channels, ledger, schedule, adapter, app, poster, tick, log };
}

export type ComposedBot = ReturnType<typeof composeBot>;
