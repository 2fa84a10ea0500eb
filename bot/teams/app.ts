/** The only module that knows the Teams SDK (teams-ai v1 + botbuilder); see README for the v2 path. */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  CardFactory,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { Brain, Reply } from '../brain';
import type { BotConfig } from '../config';

export interface TeamsBot {
  readonly adapter: TeamsAdapter;
  readonly app: Application;
}

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

export function createTeamsBot(config: BotConfig, brain: Brain, onError: (error: unknown) => void): TeamsBot {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.MicrosoftAppId || undefined,
    MicrosoftAppPassword: config.MicrosoftAppPassword || undefined,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId || undefined,
  });
  const adapter = new TeamsAdapter(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    },
    credentials,
  );
  adapter.onTurnError = async (context, error) => {
    onError(error);
    await context.sendActivity('Maaf, terjadi kesalahan saat memproses pesan. Silakan coba lagi.');
  };
  // No conversation state is kept (each question stands alone), so no storage round trip per turn.
  const app = new Application({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const reply = await brain.ask(questionText(context));
    await context.sendActivity(replyActivity(reply));
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === botId)) return;
    const reply = await brain.ask('bantuan');
    await context.sendActivity(replyActivity(reply));
  });

  return { adapter, app };
}
