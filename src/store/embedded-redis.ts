import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../core/ports.js';
import { StartupError } from '../ops/redis-connect.js';
import { hasRedisServer, REDIS_MISSING, type RedisServer, startRedisServer } from './redis-server.js';

/** Who holds a data folder: this bot's pid, and the redis-server it runs there. */
interface Lock {
  pid: number;
  redisPid?: number;
  port?: number;
}

export const LOCK_FILE = 'k8s-quiz.lock';

/**
 * The redis-server the bot runs for itself when REDIS_URL is unset, with the append-only
 * file in `dir`. A lock file keeps a second bot off the same data; a redis-server left
 * behind by a bot that was killed (kill -9 cannot take its child along) is shut down first.
 */
export async function startEmbeddedRedis(dir: string, logger: Logger): Promise<RedisServer> {
  // Before touching DATA_DIR: in the image it is not writable, and the missing binary is the news.
  if (!hasRedisServer()) throw new StartupError(REDIS_MISSING);
  const folder = resolve(dir);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StartupError(
      `DATA_DIR ${folder} cannot be created (${(error as NodeJS.ErrnoException).code}): set DATA_DIR to a writable folder, or set REDIS_URL`,
    );
  }
  const lockPath = join(folder, LOCK_FILE);
  await takeLock(lockPath, folder, logger);
  let server: RedisServer;
  try {
    server = await startRedisServer(folder, true);
  } catch (error) {
    rmSync(lockPath, { force: true });
    throw error;
  }
  writeLock(lockPath, { pid: process.pid, redisPid: server.pid, port: server.port });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(lockPath, { force: true });
    },
  };
}

async function takeLock(lockPath: string, folder: string, logger: Logger): Promise<void> {
  try {
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const held = readLock(lockPath);
  if (held && held.pid !== process.pid && alive(held.pid))
    throw new StartupError(
      `another k8s-quiz (pid ${held.pid}) is using ${folder}; stop it first, or give this one its own DATA_DIR`,
    );
  if (held?.redisPid && held.port && alive(held.redisPid)) await stopOrphan(held, logger);
  writeLock(lockPath, { pid: process.pid });
}

/** Shuts down the redis-server a killed bot left running — only if it is the one the lock names. */
async function stopOrphan(lock: Lock, logger: Logger): Promise<void> {
  const client = new Redis({
    port: lock.port,
    host: '127.0.0.1',
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const info = await client.info('server');
    if (!new RegExp(`^process_id:${lock.redisPid}\\r?$`, 'm').test(info)) return;
    await client.call('SHUTDOWN').catch(() => undefined); // the reply never comes: it exits
    await waitUntilGone(lock.redisPid ?? 0);
    logger.warn(
      { redisPid: lock.redisPid, port: lock.port },
      'stopped the redis-server a previous run left behind',
    );
  } catch {
    // Not reachable or not ours: leave it alone.
  } finally {
    client.disconnect();
  }
}

async function waitUntilGone(pid: number, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): Lock | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Lock>;
    return typeof parsed.pid === 'number' ? (parsed as Lock) : undefined;
  } catch {
    return undefined;
  }
}

function writeLock(path: string, lock: Lock): void {
  writeFileSync(path, JSON.stringify(lock));
}
