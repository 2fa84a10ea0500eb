import type { TeamsAdapter } from '@microsoft/teams-ai';
import { type Activity, CardFactory, MessageFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Reply } from '../brain';
import type { ChannelRecord } from '../post/channelStore';
import { type ChannelSender, SendError } from '../post/monthlyPost';

const statusOf = (error: unknown): number | null => {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : null;
};

/** Starts a new thread in the stored channel (TeamsInfo.sendMessageToTeamsChannel). */
export class TeamsChannelSender implements ChannelSender {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async send(channel: ChannelRecord, reply: Reply): Promise<{ activityId: string }> {
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(this.botAppId, channel.reference, async (context: TurnContext) => {
        const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card), reply.text) as Activity;
        const [, id] = await TeamsInfo.sendMessageToTeamsChannel(context, message, channel.channelId, this.botAppId);
        activityId = id;
      });
    } catch (error) {
      throw new SendError(error instanceof Error ? error.message : String(error), statusOf(error));
    }
    return { activityId };
  }
}
