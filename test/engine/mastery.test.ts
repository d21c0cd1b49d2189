import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/config/load-config.js';
import { datesEndingOn, isoWeekDates } from '../../src/core/local-time.js';
import { MASTERY_DAYS } from '../../src/core/mastery.js';
import type { RoundInit } from '../../src/core/round.js';
import type { QuizStore } from '../../src/core/store-ports.js';
import { Keys } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { useRedis } from '../support/redis.js';

const { url, prefix, redis: admin } = useRedis();
const TEAM = 'slack:W1:C-mastery';

describe('per-date category tallies: the weekly chart and 4 weeks of mastery read the same source', () => {
  let redis: Redis;
  let store: QuizStore;
  let scoring: Awaited<ReturnType<typeof loadAppConfig>>['scoring'];
  let n = 0;

  /** One question on a local date: the players answer right (true) or wrong, then it closes. */
  async function round(
    date: string,
    category: string,
    answers: [string, boolean][],
    kind: 'daily' | 'live' = 'daily',
  ) {
    n++;
    const init: RoundInit = {
      id: kind === 'daily' ? `daily-${TEAM}-${date}-${n}` : `live-${TEAM}-${n}-0`,
      teamId: TEAM,
      kind,
      quizId: `q${n}`,
      optionCount: 4,
      answer: 1,
      category,
      openedAt: 1000,
      closesAt: 2000,
      localDate: date,
      week: 'ignored-by-tallies',
      ...(kind === 'live' ? { liveId: `live-${TEAM}-${n}`, index: 0 } : {}),
    };
    await store.rounds.create(init);
    for (const [id, right] of answers)
      await store.rounds.recordAnswer(TEAM, init.id, { id, name: id }, right ? 1 : 2, 1500);
    const round = await store.rounds.get(init.id);
    if (!round) throw new Error('no round');
    await store.rounds.close(round, scoring);
    return round;
  }
  let last: Awaited<ReturnType<typeof round>>;

  beforeAll(async () => {
    redis = new Redis(url, { maxRetriesPerRequest: null });
    store = createRedisStore(redis, prefix);
    scoring = (await loadAppConfig()).scoring;
    // 29 days ago (outside a 4-week window ending 2026-12-20): networking all right.
    await round('2026-11-21', 'networking', [
      ['u1', true],
      ['u2', true],
    ]);
    // Inside it: networking mostly wrong, pods right; a live question counts the same.
    await round('2026-11-23', 'networking', [
      ['u1', false],
      ['u2', true],
    ]);
    await round('2026-11-24', 'pods', [['u1', true]], 'live');
    last = await round('2026-12-20', 'networking', [
      ['u1', false],
      ['u2', false],
    ]);
  });
  afterAll(() => redis.disconnect());

  it('GIVEN answers over 5 weeks THEN the 4-week window counts daily and live answers, and older ones drop out', async () => {
    const window = datesEndingOn('2026-12-20', MASTERY_DAYS);
    expect(window[0]).toBe('2026-11-23');
    expect(await store.mastery.tallies(TEAM, window)).toEqual([
      { category: 'networking', answered: 4, correct: 1 },
      { category: 'pods', answered: 1, correct: 1 },
    ]);
    // A day later the 2026-11-23 answers leave the window too.
    expect(await store.mastery.tallies(TEAM, datesEndingOn('2026-12-21', MASTERY_DAYS))).toEqual([
      { category: 'networking', answered: 2, correct: 0 },
      { category: 'pods', answered: 1, correct: 1 },
    ]);
  });

  it('GIVEN one player THEN only their answers', async () => {
    const window = datesEndingOn('2026-12-20', MASTERY_DAYS);
    expect(await store.mastery.tallies(TEAM, window, 'u2')).toEqual([
      { category: 'networking', answered: 2, correct: 1 },
    ]);
    expect(await store.mastery.tallies(TEAM, window, 'u1')).toEqual([
      { category: 'networking', answered: 2, correct: 0 },
      { category: 'pods', answered: 1, correct: 1 },
    ]);
    expect(await store.mastery.tallies(TEAM, window, 'nobody')).toEqual([]);
  });

  it('GIVEN an ISO week THEN the weekly tallies are its seven dates, plus what an older version tallied for that week', async () => {
    expect(isoWeekDates('2026-W48')).toContain('2026-11-24');
    expect(await store.boards.weekTallies(TEAM, '2026-W48')).toEqual([
      { category: 'networking', answered: 2, correct: 1 },
      { category: 'pods', answered: 1, correct: 1 },
    ]);
    // Answers from before an upgrade sit in the per-week hash 0.1.0 wrote: they still count.
    const keys = new Keys(prefix);
    await admin.hset(keys.legacyWeekTally(TEAM, '2026-W48'), { 'answered:pods': 3, 'correct:pods': 1 });
    expect(await store.boards.weekTallies(TEAM, '2026-W48')).toEqual([
      { category: 'networking', answered: 2, correct: 1 },
      { category: 'pods', answered: 4, correct: 2 },
    ]);
  });

  it('GIVEN the tallies THEN team and player hashes expire after 40 days, and closing twice counts once', async () => {
    const keys = new Keys(prefix);
    const day = 24 * 3600;
    for (const key of [
      keys.masteryDay(TEAM, '2026-12-20'),
      `${keys.masteryDayPrefix(TEAM, '2026-12-20')}u1`,
    ]) {
      const ttl = await admin.ttl(key);
      expect(ttl).toBeGreaterThan(39 * day);
      expect(ttl).toBeLessThanOrEqual(40 * day);
    }
    expect((await store.rounds.close(last, scoring))?.closedNow).toBe(false);
    expect(await store.mastery.tallies(TEAM, ['2026-12-20'])).toEqual([
      { category: 'networking', answered: 2, correct: 0 },
    ]);
  });
});

describe('the daily question’s focus', () => {
  let redis: Redis;
  let store: QuizStore;
  beforeAll(() => {
    redis = new Redis(url, { maxRetriesPerRequest: null });
    store = createRedisStore(redis, `${prefix}focus:`);
  });
  afterAll(() => redis.disconnect());

  it('GIVEN an announcement THEN its choice is kept; a retry or an older week keeps it, a later week replaces it', async () => {
    const team = 'slack:W1:C-focus';
    expect(await store.mastery.focus(team)).toBeUndefined();
    const first = await store.mastery.chooseFocus(team, {
      week: '2026-W48',
      category: 'networking',
      since: '2026-11-30',
    });
    expect(first).toEqual({ week: '2026-W48', category: 'networking', since: '2026-11-30', days: [] });
    // A retried announcement that computes another category keeps the first choice.
    expect(
      (await store.mastery.chooseFocus(team, { week: '2026-W48', category: 'pods', since: '2026-11-30' }))
        .category,
    ).toBe('networking');
    expect(
      (await store.mastery.chooseFocus(team, { week: '2026-W47', category: 'pods', since: '2026-11-23' }))
        .category,
    ).toBe('networking');
    expect(
      await store.mastery.chooseFocus(team, { week: '2026-W49', category: 'pods', since: '2026-12-07' }),
    ).toEqual({ week: '2026-W49', category: 'pods', since: '2026-12-07', days: [] });
  });
});
