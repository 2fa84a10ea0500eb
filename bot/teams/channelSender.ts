import { toActivityParams } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { Reply } from '../brain';
import { httpStatusOf } from '../httpStatus';
import type { ChannelRecord } from '../post/channelStore';
import { type ChannelSender, SendError } from '../post/monthlyPost';
import { replyActivity } from './app';

/** Connection errors that mean the request never reached the Connector. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Starts a new thread in the stored channel: the Connector's POST /v3/conversations with the
 * channel in channelData (Teams' "create a conversation in a channel"), through the SDK's API
 * client for the channel's service URL and with the app's token (none in local mode).
 */
export class TeamsChannelSender implements ChannelSender {
  constructor(private readonly app: App) {}

  async send(
    channel: ChannelRecord,
    reply: Reply,
    options: { signal?: AbortSignal; onRequest?: () => void } = {},
  ): Promise<{ activityId: string }> {
    // Whether the request may have reached Teams: the poster retries only sends that certainly did not.
    let requestLeft = false;
    try {
      const serviceUrl = channel.reference.serviceUrl;
      if (!serviceUrl) throw new Error('kanal tersimpan tanpa serviceUrl');
      const api = this.app.api.clone({ serviceUrl });
      // Axios runs request interceptors after the SDK attached the token, right before the request
      // leaves: a send that timed out while the token was fetched sends nothing.
      api.http.use({
        request: ({ config }) => {
          if (options.signal?.aborted) throw new Error('dibatalkan sebelum dikirim');
          requestLeft = true;
          options.onRequest?.();
          if (options.signal) config.signal = options.signal;
          return config;
        },
      });
      const tenantId = channel.reference.conversation?.tenantId;
      const response = await api.conversations.create({
        isGroup: true,
        bot: channel.reference.bot ?? { id: this.app.id ?? '' },
        channelData: { channel: { id: channel.channelId } },
        activity: toActivityParams(replyActivity(reply)),
        members: [],
        ...(tenantId ? { tenantId } : {}),
      });
      const created = response as { activityId?: string; id?: string };
      return { activityId: created.activityId ?? created.id ?? '' };
    } catch (failure) {
      const code = (failure as { code?: unknown }).code;
      throw new SendError(failure instanceof Error ? failure.message : String(failure), httpStatusOf(failure), {
        requestLeft: requestLeft && !NEVER_CONNECTED.has(String(code)),
        cause: failure,
      });
    }
  }
}
