import { describe, expect, it } from 'vitest';
import type { LiveRound } from '../../src/core/live-round.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { useRedis } from '../support/redis.js';

const { redis, prefix } = useRedis();
const { lives } = createRedisStore(redis, prefix);

const round = (id: string): LiveRound => ({
  id,
  teamId: `slack:W1:${id}`,
  starterId: 'u1',
  starterName: '张三',
  quizIds: ['q1', 'q2', 'q3'],
  seconds: 30,
  index: 0,
  status: 'running',
  startedAt: 1_764_640_123_456,
});

describe('RedisLiveRepo.update: a live round changed by a stop and by its next question at once', () => {
  it('GIVEN a stop and the next index written together THEN both are kept, and the rest of the round is unchanged', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `patch-${i}`);
    for (const id of ids) await lives.start(round(id));
    // Sent together on one connection: a read-then-write update loses one of each pair.
    await Promise.all(
      ids.flatMap((id) => [
        lives.update(id, { index: 1 }),
        lives.update(id, { status: 'stopping', stoppedBy: '老板' }),
      ]),
    );
    for (const id of ids) {
      expect(await lives.get(id)).toEqual({ ...round(id), index: 1, status: 'stopping', stoppedBy: '老板' });
    }
  });

  it('GIVEN a finished round or an asked question THEN a late stop does not reopen it, a late index does not go back, and a missing round is not created', async () => {
    const live = round('late-stop');
    await lives.start(live);
    await lives.finish(live);
    await lives.update(live.id, { status: 'stopping', stoppedBy: 'late' });
    expect(await lives.get(live.id)).toMatchObject({ status: 'finished' });
    expect((await lives.get(live.id))?.stoppedBy).toBeUndefined();
    // A late retry of question 0's job after question 1 was asked: the index stays on 1.
    const asked = round('late-retry');
    await lives.start(asked);
    await lives.update(asked.id, { index: 1 });
    await lives.update(asked.id, { index: 0 });
    expect(await lives.get(asked.id)).toMatchObject({ index: 1 });
    await lives.update('never-started', { index: 2 });
    expect(await lives.get('never-started')).toBeUndefined();
  });
});
