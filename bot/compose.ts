import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { WorkbookSource } from '../core/ports';
import type { RawWorkbook } from '../core/workbook/workbook';
import { adminCommandOf, type CommandPlace, runAdminCommand } from './admin';
import { Brain } from './brain';
import type { BotConfig } from './config';
import { DeckLinkService } from './deck/deckLinks';
import { ConversationRateLimit, RATE_LIMIT_MESSAGE, tenantAllowed } from './guard';
import { type ChannelStore, configuredChannelOnly, FileChannelStore } from './post/channelStore';
import { FileLedger, type PostLedger } from './post/ledger';
import { MonthlyPoster, type PostStep } from './post/monthlyPost';
import { MonthlySchedule } from './post/schedule';
import { sourceFromConfig } from './sources/fromConfig';
import { type Admission, createTeamsBot } from './teams/app';
import { TeamsChannelSender } from './teams/channelSender';

export type BotLog = (event: Record<string, unknown>) => void;

/**
 * An object whose methods are all async, loaded on first call: the Azure SDKs take about 0.6 s to
 * load, so they are imported only when Azure Blob Storage is configured, and then only when used.
 */
function lazy<T extends object>(load: () => Promise<T>): T {
  let loaded: Promise<T> | null = null;
  return new Proxy({} as T, {
    get:
      (_target, name) =>
      async (...args: unknown[]) => {
        loaded ??= load();
        const target = await loaded;
        const method = Reflect.get(target, name) as (...a: unknown[]) => unknown;
        return method.apply(target, args);
      },
  });
}

/** Wires the bot's parts from the configuration; tests pass their own clock and sleep. */
export function composeBot(
  config: BotConfig,
  options: {
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
    log?: BotLog;
    owner?: string;
    /** Tests: a workbook source of their own instead of the configured file or spreadsheet. */
    workbook?: WorkbookSource;
    /** Tests only: where a child process stops to be killed mid-post. */
    onPostStep?: (step: PostStep) => Promise<void>;
  } = {},
) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const source = sourceFromConfig(config, { now, log, ...(options.workbook ? { workbook: options.workbook } : {}) });
  const deck = new DeckLinkService(
    {
      secret: config.DECK_LINK_SECRET,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      ttlSeconds: Math.round(config.DECK_LINK_TTL_HOURS * 3600),
      // One build at a time (a core each, the event loop keeps the other), four more may wait.
      render: {
        timeMs: config.DECK_RENDER_TIMEOUT_SECONDS * 1000,
        memoryMb: config.DECK_RENDER_MEMORY_MB,
        concurrency: 1,
        maxWaiting: 4,
      },
    },
    source,
    now,
    log,
  );
  const brain = new Brain(source, now, { deckLinks: (month) => deck.links(month) });
  const blob = config.AZURE_STORAGE_CONNECTION_STRING;
  const blobStores = () => import('./post/blobStores');
  const channels: ChannelStore = configuredChannelOnly(
    blob
      ? lazy(async () =>
          (await blobStores()).BlobChannelStore.fromConnectionString(blob, config.AZURE_STORAGE_CONTAINER),
        )
      : new FileChannelStore(config.DJPK_STATE_DIR),
    config.DJPK_CHANNEL_ID,
  );
  const leaseMs = config.MONTHLY_POST_LEASE_SECONDS * 1000;
  const ledger: PostLedger = blob
    ? lazy(async () =>
        (await blobStores()).BlobLedger.fromConnectionString(blob, config.AZURE_STORAGE_CONTAINER, leaseMs),
      )
    : new FileLedger(join(config.DJPK_STATE_DIR, 'ledger'), leaseMs);
  const schedule = new MonthlySchedule(config.MONTHLY_POST_CRON);
  const rateLimit = new ConversationRateLimit(config.RATE_LIMIT_PER_MINUTE, now);
  /** After authentication, before any answer: other tenants get nothing; then the rate limit. */
  const admit = (activity: Parameters<typeof tenantAllowed>[0] & { type: string }): Admission => {
    if (!tenantAllowed(activity, config.answeredTenants)) return 'tenantRefused';
    if (activity.type !== 'message') return 'allow';
    const verdict = rateLimit.check(activity.conversation?.id ?? '');
    return verdict === 'allow' ? 'allow' : verdict === 'tell' ? 'rateLimitedTell' : 'rateLimited';
  };
  const admin = async (text: string, userId: string | undefined, place: CommandPlace) => {
    const command = adminCommandOf(text);
    if (!command) return null;
    return runAdminCommand(
      command,
      userId,
      {
        adminIds: config.DJPK_ADMIN_IDS,
        poster,
        channels,
        ledger,
        schedule,
        monthsWithData: () => brain.monthsWithData(),
        now,
        configuredChannelId: config.DJPK_CHANNEL_ID,
      },
      place,
    );
  };
  const teams = createTeamsBot(
    config,
    {
      brain,
      channels,
      admin,
      configuredChannelId: config.DJPK_CHANNEL_ID,
      now,
      admit,
      rateLimitMessage: RATE_LIMIT_MESSAGE,
    },
    log,
  );
  const poster = new MonthlyPoster({
    summary: (month) => brain.summary(month),
    channels,
    ledger,
    sender: new TeamsChannelSender(teams.app),
    // Unique per process, so a restarted bot with a reused pid is still another owner.
    owner: options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    now,
    log,
    leaseMs,
    sendTimeoutMs: config.MONTHLY_POST_SEND_TIMEOUT_SECONDS * 1000,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.onPostStep ? { onStep: options.onPostStep } : {}),
  });
  /** Called every minute: posts the due month's summary unless the ledger says it went. */
  let handledDue: number | null = null;
  const tick = async (at = now()) => {
    const due = schedule.lastDue(at);
    if (due === null || due === handledDue) return null;
    const result = await poster.post(MonthlySchedule.reportMonth(due));
    // "uncertain" waits for an admin ("kirim ringkasan … paksa"); the tick stops asking.
    if (result.outcome === 'sent' || result.outcome === 'alreadySent' || result.outcome === 'uncertain')
      handledDue = due;
    log({ event: 'monthlyPost.tick', outcome: result.outcome, month: result.month });
    return result;
  };

  /**
   * The latest month's report built from data in hand, so that the first question after start-up
   * or after a background refresh does not pay for it.
   */
  const prepare = async (): Promise<void> => {
    const months = await brain.monthsWithData();
    const latest = months.at(-1);
    if (latest !== undefined) await brain.summary(latest);
  };
  source.onReload((_raw: RawWorkbook) => {
    if (ready) void prepare().catch((error: unknown) => log({ event: 'data.prepare', error: String(error) }));
  });
  let ready = false;
  /** Loads the data and builds the latest report; /healthz says ready only after it succeeded. */
  const start = async (): Promise<boolean> => {
    await source.refresh();
    if (source.health().status !== 'ok') return false;
    await prepare();
    ready = true;
    return true;
  };
  return {
    source,
    brain,
    /** The signed /laporan/YYYY-MM.pptx|pdf files (mounted by the HTTP server). */
    deck,
    channels,
    ledger,
    schedule,
    teams,
    poster,
    tick,
    log,
    start,
    get ready() {
      return ready;
    },
  };
}

export type ComposedBot = ReturnType<typeof composeBot>;
