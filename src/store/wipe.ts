import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/**
 * Deletes every key under the prefix — the terminal playground's `:reset`, and nothing else.
 * SCAN in batches and UNLINK, so a big database is not blocked; returns how many went.
 */
export async function wipeEverything(redis: Redis, keys: Keys): Promise<number> {
  let deleted = 0;
  const stream = redis.scanStream({ match: keys.everything(), count: 500 });
  for await (const batch of stream as AsyncIterable<string[]>) {
    if (batch.length > 0) deleted += await redis.unlink(...batch);
  }
  return deleted;
}
