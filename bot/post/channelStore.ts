import { join } from 'node:path';
import { readJson, writeJson } from './jsonFile';

/**
 * Where a Teams conversation lives, as the Bot Connector names it: the part of an activity a bot
 * keeps to write there later. The project's own type (records written by older versions carry
 * more fields, which are kept and ignored).
 */
export interface ConversationReference {
  readonly serviceUrl?: string;
  readonly channelId?: string;
  readonly conversation?: {
    readonly id: string;
    readonly conversationType?: string;
    readonly tenantId?: string;
    readonly isGroup?: boolean;
    readonly name?: string;
  };
  readonly bot?: { readonly id: string; readonly name?: string };
}

/** Where the monthly summary goes: the DJPK team's channel, set by configuration or an admin. */
export interface ChannelRecord {
  readonly reference: ConversationReference;
  /** The Teams channel ID ("19:…@thread.tacv2") a new thread is started in. */
  readonly channelId: string;
  readonly channelName?: string;
  /** The team the channel belongs to: a reinstall in that team refreshes the record. */
  readonly teamId?: string;
  readonly teamName?: string;
  readonly learnedAt: number;
  /** Set when Teams answered 403 (the bot was removed from the team). */
  readonly inactive?: { readonly since: number; readonly reason: string };
}

export interface ChannelStore {
  get(): Promise<ChannelRecord | null>;
  save(record: ChannelRecord): Promise<void>;
  markInactive(reason: string, now: number): Promise<void>;
}

export class FileChannelStore implements ChannelStore {
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'channel.json');
  }

  get(): Promise<ChannelRecord | null> {
    return readJson<ChannelRecord>(this.path);
  }

  save(record: ChannelRecord): Promise<void> {
    return writeJson(this.path, record);
  }

  async markInactive(reason: string, now: number): Promise<void> {
    const current = await this.get();
    if (current) await this.save({ ...current, inactive: { since: now, reason } });
  }
}

/**
 * With DJPK_CHANNEL_ID set, a stored channel other than the configured one (set by an admin before
 * the configuration) is not where the post goes: it reads as "no channel yet".
 */
export function configuredChannelOnly(store: ChannelStore, configured: string | undefined): ChannelStore {
  if (!configured) return store;
  return {
    get: async () => {
      const record = await store.get();
      return record?.channelId === configured ? record : null;
    },
    save: (record) => store.save(record),
    markInactive: (reason, now) => store.markInactive(reason, now),
  };
}

/**
 * What an activity seen in a Teams channel does to the stored channel of the monthly post: the
 * record to save, or null. Only the team said where the post goes (DJPK_CHANNEL_ID, or an admin's
 * "atur kanal ringkasan"), so an install or a mention elsewhere never moves it. An activity from
 * the configured channel teaches the bot its address; a reinstall in the stored channel's team
 * refreshes the address and clears an "inactive" mark (the bot was removed and added back).
 */
export function channelUpdate(
  kind: 'install' | 'message',
  here: ChannelRecord,
  current: ChannelRecord | null,
  configured: string | undefined,
): ChannelRecord | null {
  if (configured && here.channelId === configured) {
    if (kind === 'install' || current?.channelId !== configured) return here;
    return current.reference.serviceUrl === here.reference.serviceUrl
      ? null
      : { ...current, reference: here.reference };
  }
  if (kind === 'install' && current && here.teamId && current.teamId === here.teamId) {
    const { inactive: _inactive, ...kept } = current;
    return { ...kept, reference: here.reference, learnedAt: here.learnedAt };
  }
  return null;
}
