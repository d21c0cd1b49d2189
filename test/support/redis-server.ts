import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasRedisServer, REDIS_MISSING, startRedisServer } from '../../src/store/redis-server.js';

export { freePort, hasRedisServer, REDIS_MISSING } from '../../src/store/redis-server.js';

/** A throwaway redis-server on a free loopback port, for tests and benchmarks. */
export interface LocalRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startLocalRedis(): Promise<LocalRedis> {
  if (!hasRedisServer()) throw new Error(REDIS_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'k8sq-redis-'));
  const server = await startRedisServer(dir, false);
  return {
    url: server.url,
    port: server.port,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
