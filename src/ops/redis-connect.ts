import { Redis, type RedisOptions } from 'ioredis';
import { maskRedisUrl } from '../config/redis-url.js';

/** A start-up failure an operator fixes: one line, no stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * Makes sure Redis answers before anything else connects: one attempt with a timeout, no
 * reconnecting, so an unreachable or misnamed server ends the start with one line that
 * names the URL (password masked) instead of an endless retry loop.
 */
export async function probeRedis(url: string, timeoutMs = 5000): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  probe.on('error', (err: Error) => {
    lastError = err;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([probe.connect().then(() => probe.ping()), timeout]);
  } catch (error) {
    const reason = reasonOf(lastError ?? error);
    throw new StartupError(`cannot reach Redis at ${maskRedisUrl(url)}: ${reason}`);
  } finally {
    clearTimeout(timer);
    probe.disconnect();
  }
}

function reasonOf(error: unknown): string {
  const err = error as { code?: string; message?: string };
  if (err?.code === 'ENOTFOUND' || err?.code === 'EAI_AGAIN') return 'unknown host';
  if (err?.code === 'ECONNREFUSED') return 'connection refused';
  return err?.message ?? String(error);
}

/**
 * The long-lived clients: they reconnect forever (an outage is waited out, and logged by
 * RedisHealth), with a short back-off so the bot is back within a second or two of Redis.
 */
export function redisClient(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    retryStrategy: (attempt) => Math.min(100 * attempt, 1000),
    connectTimeout: 5000,
    ...options,
  });
}
