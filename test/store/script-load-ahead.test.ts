import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoundInit } from '../../src/core/round.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { startLocalRedis } from '../support/redis-server.js';

const TEAM = 'slack:W1:C-ahead';

/** How many commands the server refused with NOSCRIPT (INFO errorstats). */
async function noscripts(redis: Redis): Promise<number> {
  return Number(/errorstat_NOSCRIPT:count=(\d+)/.exec(await redis.info('errorstats'))?.[1] ?? 0);
}

describe('A connection loads a script ahead of its first EVALSHA (script-wire.ts)', () => {
  const server = startLocalRedis();
  afterAll(async () => (await server).stop());

  it('GIVEN a server without scripts and one player pressing twice across two answer batches THEN no call is refused NOSCRIPT and the first press counts', async () => {
    const { url } = await server;
    const admin = new Redis(url);
    const redis = new Redis(url, { maxRetriesPerRequest: null });
    try {
      const store = createRedisStore(redis, 'ahead:');
      const round: RoundInit = {
        id: 'day-ahead-1',
        teamId: TEAM,
        kind: 'daily',
        quizId: 'q1',
        optionCount: 4,
        answer: 1,
        category: 'basics',
        openedAt: 1000,
        closesAt: 2000,
        localDate: '2026-12-01',
        week: '2026-W49',
      };
      await store.rounds.create(round);
      await admin.script('FLUSH');
      const before = await noscripts(admin);
      // A batch holds 200 answers: Ann's first press is the first batch's last, her second the next's first.
      const others = Array.from({ length: 199 }, (_, i) =>
        store.rounds.recordAnswer(TEAM, round.id, { id: `u${i}`, name: `p${i}` }, i % 4, 1500),
      );
      const ann = { id: 'ann', name: 'Ann' };
      const first = store.rounds.recordAnswer(TEAM, round.id, ann, 2, 1500);
      const second = store.rounds.recordAnswer(TEAM, round.id, ann, 3, 1500);
      await Promise.all(others);
      expect(await first).toMatchObject({ status: 'recorded', choice: 2 });
      expect(await second).toEqual({ status: 'already', choice: 2 });
      expect(await noscripts(admin)).toBe(before);
    } finally {
      admin.disconnect();
      redis.disconnect();
    }
  });
});
