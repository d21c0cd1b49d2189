import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisPacer } from '../../src/store/pacer.js';
import { useRedis } from '../support/redis.js';

describe('RedisPacer: the platforms’ rates shared by every replica through Redis', () => {
  const { url, prefix } = useRedis();
  const clients = [0, 1, 2].map(() => new Redis(url, { maxRetriesPerRequest: null }));
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });
  const replicas = clients.map((c) => new RedisPacer(c, prefix));

  it('GIVEN three replicas booking 10 calls at once at 2/s THEN each gets its own slot, half a second apart', async () => {
    const rate = [{ key: 'even', perSecond: 2 }];
    const waits = await Promise.all(Array.from({ length: 10 }, (_, i) => replicas[i % 3]?.book(rate) ?? 0));
    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBe(0);
    const gaps = sorted.slice(1).map((w, i) => w - (sorted[i] ?? 0));
    // Slots are 500 ms apart in Redis time; the calls' own arrival differs by a few ms at most.
    for (const gap of gaps) expect(gap).toBeGreaterThan(400);
    for (const gap of gaps) expect(gap).toBeLessThan(600);
  });

  it('GIVEN a burst of 3 THEN three calls go at once and the fourth waits its turn', async () => {
    const rate = [{ key: 'bursty', perSecond: 1, burst: 3 }];
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await (replicas[i % 3] as RedisPacer).book(rate));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(800);
  });

  it('GIVEN two rates (a channel and its workspace) THEN the call waits for the later one and is booked under both', async () => {
    const pacer = replicas[0] as RedisPacer;
    await pacer.book([{ key: 'ws', perSecond: 1 }]);
    // The workspace is busy for a second; the channel is free but the call goes with the workspace.
    const wait = await pacer.book([
      { key: 'ch', perSecond: 1 },
      { key: 'ws', perSecond: 1 },
    ]);
    expect(wait).toBeGreaterThan(800);
    // …so the channel's next slot is a second after that one, not a second after now.
    expect(await pacer.book([{ key: 'ch', perSecond: 1 }])).toBeGreaterThan(1800);
  });

  it('GIVEN a rate of 0 THEN no slot is booked and nothing waits', async () => {
    const pacer = replicas[0] as RedisPacer;
    expect(await pacer.book([{ key: 'off', perSecond: 0 }])).toBe(0);
    expect(await clients[0]?.exists(`${prefix}pace:off`)).toBe(0);
  });
});
