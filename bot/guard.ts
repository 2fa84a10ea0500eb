/** Who may talk to the bot, and how often: checks that run after authentication, before answering. */
export interface InboundActivity {
  readonly conversation?: { readonly id?: string; readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } };
}

export const tenantOf = (activity: InboundActivity): string | null =>
  activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? null;

/**
 * Other tenants get no answer at all. An empty list (config.answeredTenants is empty only in local
 * mode, unauthenticated and loopback-only) answers every tenant.
 */
export const tenantAllowed = (activity: InboundActivity, allowed: readonly string[]): boolean => {
  if (allowed.length === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== null && allowed.includes(tenant);
};

/** A sliding one-minute window per conversation. */
/** What a person over the rate limit is told, once. */
export const RATE_LIMIT_MESSAGE =
  'Terlalu banyak pertanyaan dalam satu menit. Mohon tunggu sebentar, lalu tanyakan lagi.';

export class ConversationRateLimit {
  private readonly hits = new Map<string, number[]>();
  /** Conversations already told to wait in their current over-limit stretch. */
  private readonly told = new Set<string>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(conversationId: string): boolean {
    return this.check(conversationId) === 'allow';
  }

  /** 'allow'; or, over the limit, 'tell' the first time (the person is told to wait, once), then 'drop'. */
  check(conversationId: string): 'allow' | 'tell' | 'drop' {
    const now = this.now();
    const recent = (this.hits.get(conversationId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(conversationId, recent);
      if (this.told.has(conversationId)) return 'drop';
      this.told.add(conversationId);
      return 'tell';
    }
    recent.push(now);
    this.hits.set(conversationId, recent);
    this.told.delete(conversationId);
    if (this.hits.size > 10_000) {
      this.hits.clear();
      this.told.clear();
    }
    return 'allow';
  }
}
