import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { RoundInit } from '../../src/core/round.js';
import type { QuizStore } from '../../src/core/store-ports.js';
import { Keys } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { useRedis } from '../support/redis.js';
import { startLocalRedis } from '../support/redis-server.js';

const { url, prefix, redis: admin } = useRedis();
const TEAM = 'slack:W1:C-record';

describe('record-answers.lua: one answer per player and round, the name kept with it, presses of a turn together', () => {
  let redis: Redis;
  let store: QuizStore;
  let scoring: Awaited<ReturnType<typeof loadAppConfig>>['scoring'];
  const keys = new Keys(prefix);
  let n = 0;

  const daily = async (on = store): Promise<RoundInit> => {
    const init: RoundInit = {
      id: `day-record-${++n}`,
      teamId: TEAM,
      kind: 'daily',
      quizId: `q${n}`,
      optionCount: 4,
      answer: 1,
      category: 'basics',
      openedAt: 1000,
      closesAt: 2000,
      localDate: '2026-12-01',
      week: '2026-W49',
    };
    await on.rounds.create(init);
    return init;
  };
  const close = async (roundId: string) => {
    const round = await store.rounds.get(roundId);
    if (!round) throw new Error('no round');
    return (await store.rounds.close(round, scoring))?.results;
  };

  beforeAll(async () => {
    redis = new Redis(url, { maxRetriesPerRequest: null });
    store = createRedisStore(redis, prefix);
    scoring = (await loadAppConfig()).scoring;
  });
  afterAll(() => redis.disconnect());

  it('GIVEN two presses by one player THEN the first counts, the second is told the first choice, and the close names the player', async () => {
    const round = await daily();
    const ann = { id: 'u1', name: 'Ann | the | pipe' };
    expect(await store.rounds.recordAnswer(TEAM, round.id, ann, 2, 1500)).toEqual({
      status: 'recorded',
      choice: 2,
      everyoneAnswered: false,
      closesAt: 2000,
    });
    expect(await store.rounds.recordAnswer(TEAM, round.id, { ...ann, name: 'Ann again' }, 1, 1600)).toEqual({
      status: 'already',
      choice: 2,
    });
    expect(await store.rounds.recordAnswer(TEAM, round.id, { id: 'u2', name: '' }, 1, 1700)).toMatchObject({
      status: 'recorded',
    });
    const results = await close(round.id);
    expect(
      results?.answers.map(({ playerId, name, choice, answeredAt }) => ({
        playerId,
        name,
        choice,
        answeredAt,
      })),
    ).toEqual([
      { playerId: 'u1', name: 'Ann | the | pipe', choice: 2, answeredAt: 1500 },
      { playerId: 'u2', name: '', choice: 1, answeredAt: 1700 },
    ]);
    expect(await admin.hget(keys.names(TEAM), 'u1')).toBe('Ann | the | pipe');
  });

  it('GIVEN a closed round, a press after its close time, another channel or a choice out of range THEN nothing is recorded', async () => {
    const round = await daily();
    expect(await store.rounds.recordAnswer(TEAM, round.id, { id: 'u1', name: 'a' }, 0, 2000)).toEqual({
      status: 'closed',
    });
    expect(
      await store.rounds.recordAnswer('slack:W1:C-other', round.id, { id: 'u1', name: 'a' }, 0, 1500),
    ).toEqual({
      status: 'unknown',
    });
    expect(await store.rounds.recordAnswer(TEAM, round.id, { id: 'u1', name: 'a' }, 4, 1500)).toEqual({
      status: 'unknown',
    });
    await close(round.id);
    expect(await store.rounds.recordAnswer(TEAM, round.id, { id: 'u1', name: 'a' }, 0, 1500)).toEqual({
      status: 'closed',
    });
    expect(await admin.hlen(keys.answers(round.id))).toBe(0);
  });

  it('GIVEN answers an older version recorded (`choice|at`, names in their own hash) THEN the close still scores and names them', async () => {
    const round = await daily();
    await admin.hset(keys.answers(round.id), 'old', '1|1200');
    await admin.rpush(keys.answerOrder(round.id), 'old');
    await admin.hset(keys.roundNames(round.id), 'old', 'Old Timer');
    await admin.hset(keys.answers(round.id), 'nameless', '0|1300');
    await admin.rpush(keys.answerOrder(round.id), 'nameless');
    await store.rounds.recordAnswer(TEAM, round.id, { id: 'new', name: 'New Comer' }, 1, 1400);
    const results = await close(round.id);
    expect(
      results?.answers.map(({ playerId, name, correct, points }) => ({ playerId, name, correct, points })),
    ).toEqual([
      { playerId: 'old', name: 'Old Timer', correct: true, points: 13 },
      { playerId: 'nameless', name: 'nameless', correct: false, points: 0 },
      { playerId: 'new', name: 'New Comer', correct: true, points: 12 },
    ]);
  });

  it('GIVEN names and ids beyond ASCII THEN the request frames them by bytes and the close reads them back whole', async () => {
    const round = await daily();
    const zoe = { id: 'ü-1', name: 'Zoë 🚀 张伟 | pipe' };
    expect(await store.rounds.recordAnswer(TEAM, round.id, zoe, 3, 1500)).toMatchObject({
      status: 'recorded',
    });
    expect(
      await store.rounds.recordAnswer(TEAM, round.id, { id: 'u2', name: 'plain' }, 0, 1600),
    ).toMatchObject({
      status: 'recorded',
    });
    const results = await close(round.id);
    expect(results?.answers.map(({ playerId, name, choice }) => ({ playerId, name, choice }))).toEqual([
      { playerId: 'ü-1', name: 'Zoë 🚀 张伟 | pipe', choice: 3 },
      { playerId: 'u2', name: 'plain', choice: 0 },
    ]);
  });

  it('GIVEN presses in the same turn, to two rounds, with a repeat, a bad choice and another channel THEN each gets its own outcome and the order is the press order', async () => {
    const [one, two] = [await daily(), await daily()];
    const press = (team: string, roundId: string, id: string, choice: number) =>
      store.rounds.recordAnswer(team, roundId, { id, name: `name ${id}` }, choice, 1500);
    const outcomes = await Promise.all([
      press(TEAM, one.id, 'u1', 2),
      press(TEAM, two.id, 'u1', 0),
      press(TEAM, one.id, 'u2', 1),
      press(TEAM, one.id, 'u1', 0),
      press(TEAM, one.id, 'u3', 7),
      press('slack:W1:C-other', one.id, 'u4', 1),
      press(TEAM, one.id, 'u5', 3),
    ]);
    expect(outcomes).toEqual([
      { status: 'recorded', choice: 2, everyoneAnswered: false, closesAt: 2000 },
      { status: 'recorded', choice: 0, everyoneAnswered: false, closesAt: 2000 },
      { status: 'recorded', choice: 1, everyoneAnswered: false, closesAt: 2000 },
      { status: 'already', choice: 2 },
      { status: 'unknown' },
      { status: 'unknown' },
      { status: 'recorded', choice: 3, everyoneAnswered: false, closesAt: 2000 },
    ]);
    expect(await admin.lrange(keys.answerOrder(one.id), 0, -1)).toEqual(['u1', 'u2', 'u5']);
    expect(await admin.lrange(keys.answerOrder(two.id), 0, -1)).toEqual(['u1']);
    expect(await admin.hget(keys.answers(one.id), 'u1')).toBe('2|1500|name u1');
  });

  it('GIVEN 450 presses in one turn (more than one script call takes) THEN every one is recorded once, in order', async () => {
    const round = await daily();
    const ids = Array.from({ length: 450 }, (_, i) => `p${i}`);
    const outcomes = await Promise.all(
      ids.map((id, i) => store.rounds.recordAnswer(TEAM, round.id, { id, name: id }, i % 4, 1500)),
    );
    expect(outcomes.every((o) => o.status === 'recorded')).toBe(true);
    expect(await admin.lrange(keys.answerOrder(round.id), 0, -1)).toEqual(ids);
  });

  it('GIVEN the server lost its scripts (restart, SCRIPT FLUSH) THEN the next press loads the script again and is recorded', async () => {
    // Its own server: a SCRIPT FLUSH on the shared one would cost other files' round-trip counts.
    const own = await startLocalRedis();
    const client = new Redis(own.url, { maxRetriesPerRequest: null });
    try {
      const ownStore = createRedisStore(client, prefix);
      const round = await daily(ownStore);
      const press = (id: string, choice: number) =>
        ownStore.rounds.recordAnswer(TEAM, round.id, { id, name: id }, choice, 1500);
      expect(await press('u1', 1)).toMatchObject({ status: 'recorded' });
      await client.script('FLUSH');
      expect(await press('u2', 2)).toMatchObject({ status: 'recorded' });
      expect(await press('u3', 0)).toMatchObject({ status: 'recorded' });
      expect(await press('u2', 0)).toEqual({ status: 'already', choice: 2 });
      expect(await client.hkeys(keys.answers(round.id))).toEqual(['u1', 'u2', 'u3']);
    } finally {
      client.disconnect();
      await own.stop();
    }
  });

  it('GIVEN a server without scripts and one player pressing twice across two answer batches THEN no call is refused NOSCRIPT (SCRIPT LOAD goes ahead) and the first press counts', async () => {
    const own = await startLocalRedis();
    const client = new Redis(own.url, { maxRetriesPerRequest: null });
    const noscripts = async () =>
      Number(/errorstat_NOSCRIPT:count=(\d+)/.exec(await client.info('errorstats'))?.[1] ?? 0);
    try {
      const ownStore = createRedisStore(client, prefix);
      const round = await daily(ownStore);
      await client.script('FLUSH');
      const before = await noscripts();
      const press = (id: string, choice: number) =>
        ownStore.rounds.recordAnswer(TEAM, round.id, { id, name: id }, choice, 1500);
      // A batch holds 200 answers: Ann's first press is the first batch's last, her second the next's first.
      const others = Array.from({ length: 199 }, (_, i) => press(`u${i}`, i % 4));
      const first = press('ann', 2);
      const second = press('ann', 3);
      await Promise.all(others);
      expect(await first).toMatchObject({ status: 'recorded', choice: 2 });
      expect(await second).toEqual({ status: 'already', choice: 2 });
      expect(await noscripts()).toBe(before);
    } finally {
      client.disconnect();
      await own.stop();
    }
  });
});
