import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../src/store/redis-server.js';
import { SlackWorld } from './slack-world.js';

const OUTAGE_MS = 10_000;

let dir: string;
let server: RedisServer;
let world: SlackWorld;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8sq-outage-'));
  server = await startRedisServer(dir, true);
  world = await SlackWorld.start({
    teams: [{ channelId: 'COUT' }],
    redis: { url: server.url, port: server.port, stop: () => server.stop() },
  });
});
afterAll(async () => {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a Redis outage (the real process)', () => {
  it(`GIVEN Redis stopped for ${OUTAGE_MS / 1000} s THEN /readyz is 503 during it and 200 after, the bot keeps running, and it logs one line when Redis goes and one when it is back`, async () => {
    const bot = await world.startBot();
    await bot.waitReady(40_000);

    await server.stop();
    const down = Date.now();
    await bot.waitFor('/readyz 503', async () => (await bot.get('/readyz')).status === 503, 5_000);
    const during: number[] = [];
    while (Date.now() - down < OUTAGE_MS) {
      during.push((await bot.get('/readyz')).status);
      await new Promise((r) => setTimeout(r, 250));
    }
    server = await startRedisServer(dir, true, server.port);
    const backMs = await bot.waitReady(15_000);

    const lost = bot.logs.filter((l) => /redis: connection lost/.test(l.msg));
    const restored = bot.logs.filter((l) => /redis: connection restored/.test(l.msg));
    console.info(
      `outage: readyz during ${[...new Set(during)].join('/')} (${during.length} probes), ready ${backMs} ms after restart; log lines: ${JSON.stringify(lost.concat(restored).map((l) => ({ level: l.level, msg: l.msg, reason: l.reason, downMs: l.downMs })))}`,
    );
    expect(during.every((s) => s === 503)).toBe(true);
    expect(bot.alive).toBe(true);
    expect(lost).toHaveLength(1);
    expect(restored).toHaveLength(1);
    expect(bot.stderr).toBe(''); // no "[ioredis] Unhandled error event", no stack traces
    expect(bot.logs.filter((l) => l.level >= 50 && l !== lost[0])).toEqual([]);
    expect((await bot.get('/healthz')).status).toBe(200);
  }, 90_000);
});
