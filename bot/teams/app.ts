/** The only folder that knows the Teams SDK (teams-ai v1 + botbuilder); see README for the v2 path. */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  CardFactory,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
  TurnContext,
} from 'botbuilder';
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

const replyActivity = (reply: Reply) => MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.text);

export function createAdapter(config: BotConfig, onError: (error: unknown) => void): TeamsAdapter {
  const settings = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
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

export function createTeamsApp(adapter: TeamsAdapter, handlers: TeamsHandlers): Application {
  const app = new Application({ adapter, removeRecipientMention: true, startTypingTimer: false });

  app.activity(ActivityTypes.Message, async (context) => {
    if (context.activity.conversation?.conversationType === 'channel') await rememberChannel(context, handlers, false);
    const text = questionText(context);
    const adminReply = await handlers.admin(text, context.activity.from?.aadObjectId);
    if (adminReply !== null) {
      await context.sendActivity(adminReply);
      return;
    }
    await context.sendActivity(replyActivity(await handlers.brain.ask(text)));
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
