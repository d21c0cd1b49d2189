import type { Redis } from 'ioredis';
import { maskRedisUrl } from '../config/redis-url.js';
import type { Logger } from '../core/ports.js';
import { Queue } from '../jobs/bullmq.js';
import { QUIZ_QUEUE } from '../jobs/queue-names.js';
import { startEmbeddedRedis } from '../store/embedded-redis.js';
import { probeRedis, redisClient } from './redis-connect.js';
import { RedisHealth } from './redis-health.js';
import type { Resources } from './resources.js';

export interface RedisSetup {
  /** The store's client: commands fail after a few retries during an outage. */
  client: Redis;
  /** BullMQ's connection (it needs maxRetriesPerRequest: null). */
  jobConnection: Redis;
  queue: Queue;
  health: RedisHealth;
}

/**
 * Redis for the app: REDIS_URL (which must answer now) or the embedded redis-server, the
 * two clients and the queue, each watched by RedisHealth and owned by `resources` so a
 * stop at any point closes what was opened.
 */
export async function setUpRedis(options: {
  url: string | undefined;
  dataDir: string;
  bullPrefix: string;
  logger: Logger;
  resources: Resources;
}): Promise<RedisSetup> {
  const { logger, resources } = options;
  let url = options.url;
  if (url) await probeRedis(url);
  else {
    const server = await startEmbeddedRedis(options.dataDir, logger);
    await resources.own('embedded redis-server', () => server.stop());
    url = server.url;
  }
  const health = new RedisHealth(logger, maskRedisUrl(url));
  const client = health.watch(redisClient(url, { maxRetriesPerRequest: 3 }));
  const jobConnection = health.watch(redisClient(url, { maxRetriesPerRequest: null }));
  await resources.own('redis', async () => {
    health.close();
    await Promise.all([client.quit(), jobConnection.quit()]).catch(() => {
      client.disconnect();
      jobConnection.disconnect();
    });
  });
  const queue = new Queue(QUIZ_QUEUE, { connection: jobConnection, prefix: options.bullPrefix });
  health.listen(queue, 'queue');
  await resources.own('queue', () => queue.close());
  return { client, jobConnection, queue, health };
}

/** /readyz's Redis part: connected and answering a PING within a second. */
export async function redisAnswers(setup: RedisSetup | undefined): Promise<boolean> {
  if (!setup?.health.up) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 1000);
  });
  const ok = await Promise.race([
    setup.client.ping().then(
      () => true,
      () => false,
    ),
    late,
  ]);
  clearTimeout(timer);
  return ok;
}
