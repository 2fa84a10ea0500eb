import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Reply } from '../brain';
import { httpStatusOf } from '../httpStatus';
import type { ChannelRecord } from '../post/channelStore';
import { type ChannelSender, SendError } from '../post/monthlyPost';
import { replyActivity } from './app';

/**
 * Starts a new thread in the stored channel: the Connector's conversations.createConversation with
 * the channel in channelData, the call TeamsInfo.sendMessageToTeamsChannel makes. It is made here
 * directly because TeamsInfo's CloudAdapter path requires an app ID, and local mode has none.
 */
export class TeamsChannelSender implements ChannelSender {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async send(channel: ChannelRecord, reply: Reply): Promise<{ activityId: string }> {
    let activityId = '';
    // Errors inside the callback would go to onTurnError (and a message to the channel): keep them here.
    let failure: unknown = null;
    await this.adapter.continueConversationAsync(this.botAppId, channel.reference, async (context: TurnContext) => {
      try {
        const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        const parameters: ConversationParameters = {
          isGroup: true,
          bot: channel.reference.bot ?? context.activity.recipient,
          channelData: { channel: { id: channel.channelId } },
          activity: replyActivity(reply) as Activity,
          members: [],
          ...(channel.reference.conversation?.tenantId ? { tenantId: channel.reference.conversation.tenantId } : {}),
        };
        const response = await client.conversations.createConversation(parameters);
        activityId = response.activityId ?? response.id ?? '';
      } catch (error) {
        failure = error;
      }
    });
    if (failure)
      throw new SendError(failure instanceof Error ? failure.message : String(failure), httpStatusOf(failure));
    return { activityId };
  }
}
