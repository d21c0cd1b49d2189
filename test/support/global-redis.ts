import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { hasRedisServer, startLocalRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

const MISSING =
  'redis-server not found: the tests start a real one — install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`, macOS: `brew install redis`)';

/** One real redis-server for the whole run; each test file isolates itself with a key prefix. */
export default async function setup(project: TestProject) {
  if (!hasRedisServer()) {
    // One line naming the fix, instead of a stack trace or a pile of connection errors.
    process.stderr.write(`\n${MISSING}\n\n`);
    process.exit(1);
  }
  const redis = await startLocalRedis();
  project.provide('redisUrl', redis.url);
  return async () => redis.stop();
}
