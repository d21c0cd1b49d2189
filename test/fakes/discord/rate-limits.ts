import type { RestReply, RestRequest } from './rest-routes.js';

/**
 * Discord's rate limits as the fake enforces them (https://discord.com/developers/docs/topics/rate-limits):
 * a global limit per bot token (50 requests/s unless Discord raised it; interaction callbacks
 * and webhook calls are exempt) and per-route buckets keyed by route and top-level resource
 * (the channel of `/channels/{id}/…`). Both off unless set, so other tests keep their speed.
 */
export interface DiscordRateLimitOptions {
  /** Requests per second for the whole bot (Discord's default is 50). */
  globalPerSecond?: number;
  /** Each route and channel: `limit` requests per `windowMs` (Discord does not publish these). */
  route?: { limit: number; windowMs: number };
}

interface Window {
  started: number;
  count: number;
}

const GLOBAL_WINDOW_MS = 1000;

/** Counts requests in fixed windows, answers 429 past the limit and stamps the X-RateLimit-* headers. */
export class DiscordRateLimits {
  private global: Window = { started: 0, count: 0 };
  private readonly buckets = new Map<string, Window>();
  /** Requests answered 429, by scope. */
  readonly limited = { global: 0, route: 0 };

  constructor(private readonly options: DiscordRateLimitOptions = {}) {}

  get enabled(): boolean {
    return Boolean(this.options.globalPerSecond || this.options.route);
  }

  /** A 429 for a request over a limit (counted against nothing), else the route headers for its answer. */
  check(
    request: RestRequest,
    now = Date.now(),
  ): { refused: RestReply } | { headers: Record<string, string> } {
    const exempt = request.path.startsWith('/interactions/') || request.path.startsWith('/webhooks/');
    const perSecond = this.options.globalPerSecond;
    if (perSecond && !exempt) {
      if (now - this.global.started >= GLOBAL_WINDOW_MS) this.global = { started: now, count: 0 };
      if (this.global.count >= perSecond) {
        this.limited.global += 1;
        return { refused: globalLimited(this.global.started + GLOBAL_WINDOW_MS - now) };
      }
    }
    const route = this.options.route;
    let headers: Record<string, string> = {};
    if (route) {
      const bucket = bucketOf(request);
      let window = this.buckets.get(bucket.key);
      if (!window || now - window.started >= route.windowMs) {
        window = { started: now, count: 0 };
        this.buckets.set(bucket.key, window);
      }
      const resetAfterMs = window.started + route.windowMs - now;
      if (window.count >= route.limit) {
        this.limited.route += 1;
        return { refused: routeLimited(bucket.hash, route.limit, resetAfterMs, now) };
      }
      window.count += 1;
      headers = routeHeaders(bucket.hash, route.limit, route.limit - window.count, resetAfterMs, now);
    }
    if (perSecond && !exempt) this.global.count += 1;
    return { headers };
  }
}

/** The route with its top-level resource (channel, guild, webhook) kept and other ids folded. */
function bucketOf(request: RestRequest): { key: string; hash: string } {
  const major = /^\/(channels|guilds|webhooks)\/(\d+)/.exec(request.path);
  const template = request.path.replace(/\/\d{5,}/g, '/:id');
  const hash = Buffer.from(`${request.method} ${template}`).toString('base64url').slice(0, 16);
  return { key: `${hash}:${major?.[2] ?? ''}`, hash };
}

const seconds = (ms: number) => (Math.max(ms, 1) / 1000).toFixed(3);

function routeHeaders(
  bucket: string,
  limit: number,
  remaining: number,
  resetAfterMs: number,
  now: number,
): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': seconds(now + resetAfterMs),
    'x-ratelimit-reset-after': seconds(resetAfterMs),
    'x-ratelimit-bucket': bucket,
  };
}

function globalLimited(retryAfterMs: number): RestReply {
  return {
    status: 429,
    headers: {
      'retry-after': String(Math.ceil(Math.max(retryAfterMs, 1) / 1000)),
      'x-ratelimit-global': 'true',
      'x-ratelimit-scope': 'global',
    },
    body: {
      message: 'You are being rate limited.',
      retry_after: Number(seconds(retryAfterMs)),
      global: true,
    },
  };
}

function routeLimited(bucket: string, limit: number, resetAfterMs: number, now: number): RestReply {
  return {
    status: 429,
    headers: {
      ...routeHeaders(bucket, limit, 0, resetAfterMs, now),
      'retry-after': String(Math.ceil(Math.max(resetAfterMs, 1) / 1000)),
      'x-ratelimit-scope': 'user',
    },
    body: {
      message: 'You are being rate limited.',
      retry_after: Number(seconds(resetAfterMs)),
      global: false,
    },
  };
}
