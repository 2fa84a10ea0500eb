import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Reply } from '../brain';
import { httpStatusOf } from '../httpStatus';
import type { ChannelRecord } from '../post/channelStore';
import { type ChannelSender, SendError } from '../post/monthlyPost';
import { replyActivity } from './app';

/** Connection errors that mean the request never reached the Connector. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

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

  async send(
    channel: ChannelRecord,
    reply: Reply,
    options: { signal?: AbortSignal; onRequest?: () => void } = {},
  ): Promise<{ activityId: string }> {
    let activityId = '';
    // Errors inside the callback would go to onTurnError (and a message to the channel): keep them here.
    let failure: unknown = null;
    // Whether the request may have reached Teams: the poster retries only sends that certainly did not.
    let requestLeft = false;
    try {
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
          // Timed out before the request left (a slow token fetch): nothing goes out after the poster gave up.
          if (options.signal?.aborted) throw new Error('dibatalkan sebelum dikirim');
          requestLeft = true;
          options.onRequest?.();
          const response = await client.conversations.createConversation(parameters, {
            ...(options.signal ? { abortSignal: options.signal } : {}),
          });
          activityId = response.activityId ?? response.id ?? '';
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      // Before the callback: no token, no connector client; nothing was sent.
      failure = error;
    }
    if (failure) {
      const code = (failure as { code?: unknown }).code;
      throw new SendError(failure instanceof Error ? failure.message : String(failure), httpStatusOf(failure), {
        requestLeft: requestLeft && !NEVER_CONNECTED.has(String(code)),
        cause: failure,
      });
    }
    return { activityId };
  }
}
