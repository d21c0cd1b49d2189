import { Redis } from 'ioredis';
import { afterAll, inject } from 'vitest';

/** A client on the run's redis-server and a fresh key prefix for this test file, cleaned after. */
export function useRedis(): { url: string; prefix: string; redis: Redis } {
  const url = inject('redisUrl');
  const prefix = `t${Math.random().toString(36).slice(2, 10)}:`;
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  afterAll(async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  });
  return { url, prefix, redis };
}
