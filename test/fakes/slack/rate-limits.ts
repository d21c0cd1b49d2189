import type { ApiReply } from './web-api-routes.js';

/**
 * chat.postMessage's limits as the fake enforces them (docs.slack.dev/apis/web-api/rate-limits,
 * "Posting messages"): about one message per second per channel, short bursts allowed, and a
 * workspace-wide limit Slack does not put a number on. Off unless set.
 */
export interface SlackRateLimitOptions {
  /** Messages per second per channel (Slack: 1). */
  perChannelPerSecond?: number;
  /** How many messages a quiet channel takes at once (Slack: "short bursts"). @defaultValue 3 */
  channelBurst?: number;
  /** Messages per second across the workspace (Slack has one but publishes no figure). */
  perWorkspacePerSecond?: number;
  /** …and the burst the workspace takes. @defaultValue perWorkspacePerSecond */
  workspaceBurst?: number;
}

/** A token bucket: `burst` tokens, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Takes a token, or says how long until one is there (ms). */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) * 1000) / this.perSecond;
  }
}

export class SlackRateLimits {
  private readonly channels = new Map<string, Bucket>();
  private workspace: Bucket | undefined;
  /** chat.postMessage calls answered `ratelimited`. */
  limited = 0;

  constructor(private readonly options: SlackRateLimitOptions = {}) {}

  /** A 429 `ratelimited` for a post over a limit, else undefined (the post counts). */
  check(method: string, params: Record<string, unknown>, now = Date.now()): ApiReply | undefined {
    if (method !== 'chat.postMessage') return undefined;
    const { perChannelPerSecond, perWorkspacePerSecond } = this.options;
    if (perWorkspacePerSecond) {
      this.workspace ??= new Bucket(
        perWorkspacePerSecond,
        this.options.workspaceBurst ?? perWorkspacePerSecond,
        now,
      );
      const wait = this.workspace.take(now);
      if (wait > 0) return this.refuse(wait);
    }
    if (perChannelPerSecond) {
      const channel = String(params.channel ?? '');
      let bucket = this.channels.get(channel);
      if (!bucket) {
        bucket = new Bucket(perChannelPerSecond, this.options.channelBurst ?? 3, now);
        this.channels.set(channel, bucket);
      }
      const wait = bucket.take(now);
      if (wait > 0) return this.refuse(wait);
    }
    return undefined;
  }

  private refuse(waitMs: number): ApiReply {
    this.limited += 1;
    // Slack's Retry-After is whole seconds.
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    return {
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': String(retryAfter) },
    };
  }
}
