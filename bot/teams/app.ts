/** The only folder that knows the Teams SDK (teams-ai v1 + botbuilder); see README for the v2 path. */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import {
  type Activity,
  ActivityTypes,
  CallerIdConstants,
  CardFactory,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Brain, Reply } from '../brain';
import type { BotConfig } from '../config';
import type { ChannelStore } from '../post/channelStore';

/** The question text: the @mention removed (Teams includes "<at>Bot</at>" in channel messages). */
export function questionText(context: TurnContext): string {
  const activity = context.activity;
  const fromButton =
    activity.value && typeof activity.value === 'object'
      ? (activity.value as { question?: unknown }).question
      : undefined;
  const raw = typeof fromButton === 'string' ? fromButton : (activity.text ?? '');
  return raw.replace(/<at>[^<]*<\/at>/gi, ' ').trim();
}

/** One message per answer: the card alone; `summary` is the line notifications show. */
export const replyActivity = (reply: Reply): Partial<Activity> => ({
  ...MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)),
  summary: reply.summary,
});

/** Errors the SDK prints to stderr when it refuses a token: jsonwebtoken's and botframework's. */
const AUTH_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError', 'AuthenticationError']);
let quietAuthNoise = false;

/**
 * botframework-connector prints "Available keys: <PEM>" and the whole error for every refused
 * token, and CloudAdapter prints the error again. The server logs one line per refusal instead.
 */
function silenceAuthNoise(): void {
  if (quietAuthNoise) return;
  quietAuthNoise = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('Error finding key for token')) return;
    if (first instanceof Error && (AUTH_ERRORS.has(first.name) || AUTH_ERRORS.has(first.constructor.name))) return;
    original(...args);
  };
}

export function createAdapter(config: BotConfig, onError: (error: unknown) => void): TeamsAdapter {
  silenceAuthNoise();
  const settings = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    // Tests: the public cloud's settings with the signing keys published by a local stand-in
    // (botframework's factory takes all of them as soon as one is given).
    ...(config.BOT_OPENID_METADATA_URL
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
          ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.onTurnError = async (context, error) => {
    onError(error);
    await context.sendActivity('Maaf, terjadi kesalahan saat memproses pesan. Silakan coba lagi.');
  };
  return adapter;
}

interface TeamsChannelData {
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
}

export interface TeamsHandlers {
  readonly brain: Brain;
  readonly channels: ChannelStore;
  /** Admin commands ("kirim ringkasan …", "status jadwal"): a reply, or null for other text. */
  readonly admin: (text: string, aadObjectId: string | undefined) => Promise<string | null>;
  readonly configuredChannelId: string | undefined;
  readonly now: () => number;
}

/**
 * Remembers the DJPK channel: when the app is installed in a team, or when the bot is first
 * @mentioned in a channel (or in DJPK_CHANNEL_ID when that is set).
 */
async function rememberChannel(context: TurnContext, handlers: TeamsHandlers, installing: boolean): Promise<void> {
  const activity = context.activity;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const channelId = data.channel?.id ?? data.team?.id;
  if (!channelId || !data.team?.id) return;
  if (handlers.configuredChannelId && handlers.configuredChannelId !== channelId) return;
  const current = await handlers.channels.get();
  // A mention never replaces a working channel, except by the configured one.
  if (!installing && current && !current.inactive && (current.channelId === channelId || !handlers.configuredChannelId))
    return;
  await handlers.channels.save({
    reference: TurnContext.getConversationReference(activity),
    channelId,
    ...(data.team.name ? { teamName: data.team.name } : {}),
    learnedAt: handlers.now(),
  });
}

/**
 * teams-ai starts a typing timer on every turn whatever `startTypingTimer` says (one "typing" a
 * second for as long as the answer takes, and one timer shared by all conversations): replaced by
 * `withTyping`, a few per question at most.
 */
class DjpkApplication extends Application {
  override startTypingTimer(_context: TurnContext): void {}
}

/** Typing indicators while an answer is slow: after 1 s, 4 s and 10 s, then no more. */
export const TYPING_AFTER_MS = [1000, 4000, 10_000] as const;

async function withTyping<T>(context: TurnContext, work: Promise<T>): Promise<T> {
  const timers = TYPING_AFTER_MS.map((ms) =>
    setTimeout(() => {
      context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
    }, ms),
  );
  try {
    return await work;
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

export function createTeamsApp(adapter: TeamsAdapter, handlers: TeamsHandlers): Application {
  const app = new DjpkApplication({ adapter, removeRecipientMention: true, startTypingTimer: false });

  app.activity(ActivityTypes.Message, async (context) => {
    if (context.activity.conversation?.conversationType === 'channel') await rememberChannel(context, handlers, false);
    const text = questionText(context);
    const adminReply = await handlers.admin(text, context.activity.from?.aadObjectId);
    if (adminReply !== null) {
      await context.sendActivity(adminReply);
      return;
    }
    await context.sendActivity(replyActivity(await withTyping(context, handlers.brain.ask(text))));
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === botId)) return;
    await rememberChannel(context, handlers, true);
    await context.sendActivity(replyActivity(await handlers.brain.ask('bantuan')));
  });

  return app;
}
