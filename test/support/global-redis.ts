import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { hasRedisServer, REDIS_MISSING, startLocalRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** One real redis-server for the whole run; each test file isolates itself with a key prefix. */
export default async function setup(project: TestProject) {
  if (!hasRedisServer()) {
    // One line, naming the fix, instead of a stack of connection errors later.
    console.error(`\n${REDIS_MISSING}\n`);
    throw new Error(REDIS_MISSING);
  }
  const redis = await startLocalRedis();
  project.provide('redisUrl', redis.url);
  return async () => redis.stop();
}
