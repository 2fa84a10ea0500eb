import { join } from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { readJson, writeJson } from './jsonFile';

/** Where the monthly summary goes: the DJPK team's channel, learned at install or from config. */
export interface ChannelRecord {
  readonly reference: Partial<ConversationReference>;
  /** The Teams channel ID ("19:…@thread.tacv2") a new thread is started in. */
  readonly channelId: string;
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
