import { Queue } from 'bullmq';
import { type Command, Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/config/load-config.js';
import { QuizEngine } from '../../src/core/engine.js';
import { type Team, teamIdOf } from '../../src/core/model.js';
import { systemClock } from '../../src/core/ports.js';
import { BullJobPlanner } from '../../src/jobs/planner.js';
import { jobIds, QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { RecordingOutbox, shippedBank } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

/**
 * Counts Redis round trips as the waits they cost: a command sent while none is awaiting its
 * reply starts a round trip; commands sent before that reply came (a pipeline, a MULTI, calls
 * made side by side) ride in it. Both the store's and the queue's connection are watched.
 */
function watchRoundTrips(clients: Redis[]): { trips: string[][]; reset(): void } {
  const trips: string[][] = [];
  let outstanding = 0;
  for (const client of clients) {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((command: Command, ...rest: unknown[]) => {
      if (outstanding === 0) trips.push([]);
      trips.at(-1)?.push(command.name);
      outstanding += 1;
      command.promise.then(
        () => {
          outstanding -= 1;
        },
        () => {
          outstanding -= 1;
        },
      );
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof client.sendCommand;
  }
  return { trips, reset: () => void trips.splice(0) };
}

describe('The daily post’s Redis round trips', () => {
  const { url, prefix } = useRedis();
  const storeClient = new Redis(url, { maxRetriesPerRequest: null });
  const queueClient = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUIZ_QUEUE, { connection: queueClient, prefix: `${prefix}bull` });
  afterAll(async () => {
    await queue.close();
    storeClient.disconnect();
    queueClient.disconnect();
  });

  it('GIVEN a team due for its daily question THEN the daily job (post and review reminders) costs at most 3 round trips besides the platform call, and the round waits for the close job of its close time', async () => {
    const config = await loadAppConfig();
    const outbox = new RecordingOutbox();
    const engine = new QuizEngine({
      bank: await shippedBank(),
      store: createRedisStore(storeClient, prefix),
      planner: new BullJobPlanner(queue, systemClock),
      outbox,
      clock: systemClock,
      config,
      logger: { info() {}, warn() {}, error() {} },
    });
    const team = (channelId: string): Team => {
      const address = { platform: 'slack' as const, workspaceId: 'T1', channelId };
      return { id: teamIdOf(address), address, settings: config.team };
    };
    const [first, second] = [team('CWARM'), team('CCOUNT')] as [Team, Team];
    await engine.ctx.store.teams.save(first);
    await engine.ctx.store.teams.save(second);
    await queue.waitUntilReady();
    // The first post loads the scripts (EVALSHA's one-time NOSCRIPT → EVAL); count the second.
    expect(await engine.postDaily(first.id, Date.now())).toBe('posted');
    const watch = watchRoundTrips([storeClient, queueClient]);
    // The whole daily job, as the worker runs it: the reminders' read rides in the first trip.
    expect(await engine.dailyJob(second.id, Date.now())).toEqual({
      daily: 'posted',
      reminders: { due: 0, sent: 0 },
    });
    const trips = [...watch.trips];
    expect(outbox.posts.map((p) => p.team)).toEqual([first.id, second.id]);
    expect(trips.length, JSON.stringify(trips)).toBeLessThanOrEqual(3);
    // Three scripts (read, begin, finish) and nothing else; the close job of its close time was
    // queued by the first post.
    expect(trips.flat()).toEqual(['evalsha', 'evalsha', 'evalsha']);
    const roundId = (await engine.ctx.store.rounds.dailyHistory(second.id)).latestRoundId ?? '';
    const round = await engine.ctx.store.rounds.get(roundId);
    expect(await engine.ctx.store.daily.waitingForClose(round?.closesAt ?? 0, 10)).toContain(roundId);
    expect(await (await queue.getJob(jobIds.closeDue(round?.closesAt ?? 0)))?.isDelayed()).toBe(true);
    // A second run finds the step done: nothing posted again.
    expect(await engine.postDaily(second.id, Date.now())).toBe('already-posted');
    expect(outbox.posts).toHaveLength(2);
  });
});
