/**
 * The only folder that knows the Teams SDK (`@microsoft/teams.apps` 2.x and its packages): inbound
 * activities, their authentication, replies and the monthly post's new thread. The rest of the bot
 * (questions, cards, ledger, HTTP edge) sees plain data, so the next SDK change touches only here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChannelData, IConversationUpdateActivity } from '@microsoft/teams.api';
import { cardAttachment, MessageActivityInput, PUBLIC, withOverrides } from '@microsoft/teams.api';
import {
  App,
  type HttpRouteHandler,
  type IActivityContext,
  type IHttpServerAdapter,
  type IHttpServerRequest,
} from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { CommandPlace } from '../admin';
import type { Brain, Reply } from '../brain';
import type { BotConfig } from '../config';
import { type ChannelRecord, type ChannelStore, type ConversationReference, channelUpdate } from '../post/channelStore';

type Log = (event: Record<string, unknown>) => void;

/** What the bot does with an activity once it is authenticated (tenant allow-list, rate limit). */
export type Admission = 'allow' | 'tenantRefused' | 'rateLimited' | 'rateLimitedTell';

export interface TeamsHandlers {
  readonly brain: Brain;
  readonly channels: ChannelStore;
  /** Admin commands ("kirim ringkasan …", "status jadwal", "atur kanal ringkasan"): a reply, or null. */
  readonly admin: (text: string, aadObjectId: string | undefined, place: CommandPlace) => Promise<string | null>;
  readonly configuredChannelId: string | undefined;
  readonly now: () => number;
  /** Runs after authentication, before any answer: who may talk to the bot, and how often. */
  readonly admit: (activity: InboundActivity) => Admission;
  /** What a person over the rate limit is told, once. */
  readonly rateLimitMessage: string;
}

/** The fields of an inbound activity the bot reads (the Bot Framework activity schema). */
export interface InboundActivity {
  readonly type: string;
  readonly id?: string;
  readonly text?: string;
  readonly value?: unknown;
  readonly serviceUrl?: string;
  readonly channelId?: string;
  readonly from?: { readonly id: string; readonly aadObjectId?: string };
  readonly recipient?: { readonly id: string; readonly name?: string };
  readonly conversation?: ConversationReference['conversation'];
  readonly channelData?: ChannelData;
  readonly membersAdded?: readonly { readonly id: string }[];
  readonly action?: string;
}

/** The question text: the @mention removed (Teams includes "<at>Bot</at>" in channel messages). */
export function questionText(activity: Pick<InboundActivity, 'text' | 'value'>): string {
  const fromButton =
    activity.value && typeof activity.value === 'object'
      ? (activity.value as { question?: unknown }).question
      : undefined;
  const raw = typeof fromButton === 'string' ? fromButton : (activity.text ?? '');
  return raw.replace(/<at>[^<]*<\/at>/gi, ' ').trim();
}

/**
 * One message per answer: the card alone; `summary` is the line notifications show. `replyToId`
 * names the message it answers, as Bot Framework replies do.
 */
export const replyActivity = (reply: Reply, replyToId?: string): MessageActivityInput =>
  new MessageActivityInput(undefined, {
    // core's card is Adaptive Card JSON; the SDK's type describes the same JSON.
    attachments: [cardAttachment('adaptive', reply.card as unknown as IAdaptiveCard)],
    summary: reply.summary,
    ...(replyToId ? { replyToId } : {}),
  });

/** A plain-text reply (admin commands, the rate limit, an apology). */
const textReply = (text: string, replyToId?: string): MessageActivityInput =>
  new MessageActivityInput(text, replyToId ? { replyToId } : {});

/** The channel an activity came from, as a record the monthly post can use; null outside channels. */
export function channelOf(activity: InboundActivity, now: number): ChannelRecord | null {
  const data = activity.channelData;
  const channelId = data?.channel?.id ?? data?.team?.id;
  if (!channelId || !data?.team?.id || !activity.serviceUrl || !activity.conversation) return null;
  return {
    reference: {
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId ?? 'msteams',
      conversation: {
        id: activity.conversation.id,
        conversationType: activity.conversation.conversationType ?? 'channel',
        isGroup: true,
        ...(activity.conversation.tenantId || data.tenant?.id
          ? { tenantId: activity.conversation.tenantId ?? data.tenant?.id }
          : {}),
      },
      ...(activity.recipient ? { bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' } } : {}),
    },
    channelId,
    ...(data.channel?.name ? { channelName: data.channel.name } : {}),
    teamId: data.team.id,
    ...(data.team.name ? { teamName: data.team.name } : {}),
    learnedAt: now,
  };
}

/** Typing indicators while an answer is slow: after 1 s, 4 s and 10 s, then no more. */
export const TYPING_AFTER_MS = [1000, 4000, 10_000] as const;

async function withTyping<T>(send: (activity: { type: 'typing' }) => Promise<unknown>, work: Promise<T>): Promise<T> {
  const timers = TYPING_AFTER_MS.map((ms) =>
    setTimeout(() => {
      send({ type: 'typing' }).catch(() => undefined);
    }, ms),
  );
  try {
    return await work;
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

/**
 * The SDK's HTTP seam (IHttpServerAdapter) without a server of its own: the SDK registers its
 * messaging route here and the bot's express server (bot/server.ts) hands it each request after its
 * own checks, so the HTTP edge (content type, 400/413/415/403/503) stays in one place.
 */
class HandOverAdapter implements IHttpServerAdapter {
  private handler: HttpRouteHandler | null = null;

  registerRoute(_method: 'POST', path: string, handler: HttpRouteHandler): void {
    if (path === MESSAGES) this.handler = handler;
  }

  handle(request: IHttpServerRequest) {
    if (!this.handler) throw new Error('the Teams SDK registered no messaging route');
    return this.handler(request);
  }
}

const MESSAGES = '/api/messages';
const SORRY = 'Maaf, terjadi kesalahan saat memproses pesan. Silakan coba lagi.';

/**
 * The SDK's log lines to the bot's JSON log: warnings and errors only, one line each, the first line
 * of the text (a refused token is one line of ours, never a key, a token or a stack on stderr).
 */
function sdkLogger(log: Log, name = 'teams'): ILogger {
  const write = (level: LogLevel, msg: unknown[]) => {
    if (level !== 'error' && level !== 'warn') return;
    const text = msg
      .map((m) => (m instanceof Error ? `${m.name}: ${m.message}` : typeof m === 'string' ? m : ''))
      .filter(Boolean)
      .join(' ');
    log({
      event: 'teams.sdk',
      level,
      logger: name,
      message: (text.split('\n')[0] ?? '').replace(/-----BEGIN[\s\S]*/, '').slice(0, 200),
    });
  };
  return {
    debug: (...m) => write('debug', m),
    info: (...m) => write('info', m),
    warn: (...m) => write('warn', m),
    error: (...m) => write('error', m),
    trace: (...m) => write('trace', m),
    log: (level, ...m) => write(level, m),
    child: (child) => sdkLogger(log, `${name}/${child}`),
  };
}

/** The result of one POST /api/messages after the SDK: its status, body, and what the bot did. */
export interface TurnResult {
  readonly status: number;
  readonly body?: unknown;
  /** 'unauthorized' when the SDK refused the token; else what the turn did. */
  readonly outcome: 'answered' | 'unauthorized' | 'error' | Exclude<Admission, 'allow' | 'rateLimitedTell'>;
  /** The SDK's reason for a refusal or failure (its error text, no key material). */
  readonly reason?: string;
}

export interface TeamsBot {
  /** One authenticated (or, in local mode, trusted loopback) request to the messaging endpoint. */
  process(body: Record<string, unknown>, headers: Record<string, string | string[]>): Promise<TurnResult>;
  /** The SDK's API client factory, for the monthly post's new thread (channelSender.ts). */
  readonly app: App;
}

/**
 * The Teams app: the SDK's `App` with the bot's credentials from configuration (never the SDK's own
 * environment variables), its JWT validation of every inbound request whenever an app ID is set,
 * and the bot's handlers. Local mode (no app ID) accepts unauthenticated requests; the HTTP server
 * lets only loopback service URLs through in that mode.
 */
export function createTeamsBot(config: BotConfig, handlers: TeamsHandlers, log: Log): TeamsBot {
  const adapter = new HandOverAdapter();
  const msi = config.MicrosoftAppType === 'UserAssignedMSI';
  const app = new App({
    // Explicit values, '' included: the SDK falls back to CLIENT_ID, CLIENT_SECRET, TENANT_ID,
    // MANAGED_IDENTITY_CLIENT_ID, SERVICE_URL, CLOUD and DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS
    // from the environment only when an option is undefined.
    clientId: config.MicrosoftAppId,
    clientSecret: msi ? '' : config.MicrosoftAppPassword,
    tenantId: config.MicrosoftAppTenantId,
    managedIdentityClientId: msi ? config.MicrosoftAppId : '',
    dangerouslyAllowUnauthenticatedRequests: config.localMode,
    cloud: config.BOT_OPENID_METADATA_URL
      ? // Tests: the public cloud with the signing keys published by a local stand-in.
        withOverrides(PUBLIC, { openIdMetadataUrl: config.BOT_OPENID_METADATA_URL })
      : PUBLIC,
    serviceUrl: 'https://smba.trafficmanager.net/teams',
    messagingEndpoint: MESSAGES,
    httpServerAdapter: adapter,
    logger: sdkLogger(log),
    // Identifier baggage for OpenTelemetry is of no use here: no exporter is configured.
    telemetry: { agent365: false },
  });

  /** The outcome of the turn under way: one store per request, carried through the SDK's awaits. */
  const turn = new AsyncLocalStorage<{ outcome: TurnResult['outcome'] }>();
  const setOutcome = (outcome: TurnResult['outcome']) => {
    const current = turn.getStore();
    if (current) current.outcome = outcome;
  };

  app.use(async (ctx) => {
    const activity = ctx.activity as unknown as InboundActivity;
    const verdict = handlers.admit(activity);
    if (verdict === 'allow') {
      await ctx.next();
      return;
    }
    setOutcome(verdict === 'rateLimitedTell' ? 'rateLimited' : verdict);
    if (verdict === 'rateLimitedTell') await ctx.send(textReply(handlers.rateLimitMessage, activity.id));
  });

  const remember = async (kind: 'install' | 'message', activity: InboundActivity) => {
    const here = channelOf(activity, handlers.now());
    if (!here) return;
    const update = channelUpdate(kind, here, await handlers.channels.get(), handlers.configuredChannelId);
    if (update) await handlers.channels.save(update);
  };

  app.on('message', async (ctx: IActivityContext) => {
    const activity = ctx.activity as unknown as InboundActivity;
    const inChannel = activity.conversation?.conversationType === 'channel';
    if (inChannel) await remember('message', activity);
    const text = questionText(activity);
    const place = inChannel ? channelOf(activity, handlers.now()) : null;
    try {
      const adminReply = await handlers.admin(text, activity.from?.aadObjectId, place);
      if (adminReply !== null) {
        await ctx.send(textReply(adminReply, activity.id));
        return;
      }
      // Follow-ups build on the same person's last question in the same chat or thread (issue 16).
      const conversation = `${activity.conversation?.id ?? ''}|${activity.from?.id ?? ''}`;
      const reply = await withTyping((a) => ctx.send(a), handlers.brain.ask(text, { conversation }));
      await ctx.send(replyActivity(reply, activity.id));
    } catch (error) {
      // The person hears that it failed; the SDK then answers the request with 500 and logs it.
      await ctx.send(textReply(SORRY, activity.id)).catch(() => undefined);
      throw error;
    }
  });

  app.on('conversationUpdate', async (ctx: IActivityContext<IConversationUpdateActivity>) => {
    const activity = ctx.activity as unknown as InboundActivity;
    const botId = activity.recipient?.id;
    if (!(activity.membersAdded ?? []).some((m) => m.id === botId)) return;
    await remember('install', activity);
    await ctx.send(replyActivity(await handlers.brain.ask('bantuan'), activity.id));
  });

  // Teams also sends installationUpdate (action "add") on install: the channel rule, no second card.
  app.on('install.add', async (ctx) => {
    await remember('install', ctx.activity as unknown as InboundActivity);
  });

  app.event('error', ({ error }) => {
    log({ event: 'turnError', error: error instanceof Error ? error.message : String(error) });
  });

  let initialized: Promise<void> | null = null;
  return {
    app,
    async process(body, headers) {
      initialized ??= app.initialize();
      await initialized;
      const state: { outcome: TurnResult['outcome'] } = { outcome: 'answered' };
      const response = await turn.run(state, () => adapter.handle({ body, headers }));
      const outcome = state.outcome;
      const reason = errorText(response.body);
      if (response.status === 401) return { status: 401, outcome: 'unauthorized', ...(reason ? { reason } : {}) };
      if (response.status >= 500) return { status: response.status, outcome: 'error', ...(reason ? { reason } : {}) };
      return { status: response.status, body: response.body, outcome };
    },
  };
}

function errorText(body: unknown): string | undefined {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error : undefined;
}
