/** Who may talk to the bot, and how often: checks that run after authentication, before answering. */
export interface InboundActivity {
  readonly conversation?: { readonly id?: string; readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
}

export const tenantOf = (activity: InboundActivity): string | null =>
  activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? null;

/** Empty list: every tenant. Otherwise other tenants get no answer at all. */
export const tenantAllowed = (activity: InboundActivity, allowed: readonly string[]): boolean => {
  if (allowed.length === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== null && allowed.includes(tenant);
};

/** A sliding one-minute window per conversation. */
export class ConversationRateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(conversationId: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(conversationId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(conversationId, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(conversationId, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return true;
  }
}
