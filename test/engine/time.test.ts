import { getNextMillis } from 'bullmq';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dailyCron,
  isoWeek,
  localDate,
  nextLocalTime,
  previousIsoWeek,
  weeklyCron,
} from '../../src/core/local-time.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { jobIds } from '../../src/jobs/queue-names.js';
import { createHarness, type Harness, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const NY = 'America/New_York';

/** The instants BullMQ's scheduler would run a cron pattern at, as it computes them. */
function schedule(pattern: string, tz: string, fromIso: string, count: number): number[] {
  const runs: number[] = [];
  let at = Date.parse(fromIso);
  for (let i = 0; i < count; i++) {
    at = getNextMillis(at, { pattern, tz }) as number;
    runs.push(at);
  }
  return runs;
}

const local = (at: number, tz: string) =>
  DateTime.fromMillis(at, { zone: tz }).toFormat('yyyy-MM-dd HH:mm ZZ');

describe('time: daily and weekly keys and schedules in the team zone', () => {
  it('GIVEN New York across the March DST change THEN one 09:30 run per local date, none skipped', () => {
    const runs = schedule(dailyCron({ dailyTime: '09:30' }), NY, '2026-03-06T00:00:00Z', 4);
    expect(runs.map((r) => local(r, NY))).toEqual([
      '2026-03-06 09:30 -05:00',
      '2026-03-07 09:30 -05:00',
      '2026-03-08 09:30 -04:00',
      '2026-03-09 09:30 -04:00',
    ]);
    expect(runs.map((r) => nextLocalTime(r - 60_000, '09:30', NY))).toEqual(runs);
  });

  it('GIVEN New York across the November DST change THEN one 09:30 run per local date, none doubled', () => {
    const runs = schedule(dailyCron({ dailyTime: '09:30' }), NY, '2026-10-30T00:00:00Z', 4);
    expect(runs.map((r) => local(r, NY))).toEqual([
      '2026-10-30 09:30 -04:00',
      '2026-10-31 09:30 -04:00',
      '2026-11-01 09:30 -05:00',
      '2026-11-02 09:30 -05:00',
    ]);
    expect(new Set(runs.map((r) => localDate(r, NY))).size).toBe(4);
  });

  it('GIVEN a daily time inside the repeated hour (01:30 on 2026-11-01) THEN the daily key is still one per date', () => {
    const runs = schedule(dailyCron({ dailyTime: '01:30' }), NY, '2026-10-31T12:00:00Z', 3);
    const keys = runs.map((r) => dailyRoundId('slack:W:C', localDate(r, NY)));
    expect(new Set(keys).size).toBe(runs.length);
    expect(runs.map((r) => localDate(r, NY))).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it('GIVEN the weekly pattern THEN it runs Monday 10:00 local and announces the previous ISO week', () => {
    const runs = schedule(
      weeklyCron({ weeklyDay: 'monday', weeklyTime: '10:00' }),
      NY,
      '2026-10-28T00:00:00Z',
      2,
    );
    expect(runs.map((r) => local(r, NY))).toEqual(['2026-11-02 10:00 -05:00', '2026-11-09 10:00 -05:00']);
    expect(runs.map((r) => previousIsoWeek(r, NY))).toEqual(['2026-W44', '2026-W45']);
  });

  it('GIVEN Asia/Shanghai across a week boundary THEN dates and weeks follow local time, not UTC', () => {
    const sunday = Date.parse('2026-11-29T15:59:00Z'); // Sunday 23:59 in Shanghai
    const monday = Date.parse('2026-11-29T16:01:00Z'); // Monday 00:01 in Shanghai, still Sunday in UTC
    expect([localDate(sunday, 'Asia/Shanghai'), isoWeek(sunday, 'Asia/Shanghai')]).toEqual([
      '2026-11-29',
      '2026-W48',
    ]);
    expect([localDate(monday, 'Asia/Shanghai'), isoWeek(monday, 'Asia/Shanghai')]).toEqual([
      '2026-11-30',
      '2026-W49',
    ]);
    expect(isoWeek(monday, 'UTC')).toBe('2026-W48');
  });

  it('GIVEN Asia/Shanghai at year end THEN the ISO week belongs to the ISO year', () => {
    expect(isoWeek(Date.parse('2026-12-31T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-W53');
    expect(isoWeek(Date.parse('2027-01-03T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-W53');
    expect(isoWeek(Date.parse('2027-01-04T02:00:00Z'), 'Asia/Shanghai')).toBe('2027-W01');
  });
});

describe('time: the engine under a controlled clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-10-30T13:30:00Z');
  });
  afterAll(() => h.close());

  it('GIVEN a New York team THEN its job schedulers use its zone and the next run BullMQ stores is 09:30 local', async () => {
    const team = await setUpTeam(h, 'C-ny', { timezone: NY });
    const schedulers = await h.queue.getJobSchedulers();
    const daily = schedulers.find((s) => s.key === jobIds.dailyScheduler(team.id));
    expect(daily).toMatchObject({ pattern: '30 9 * * *', tz: NY });
    expect(DateTime.fromMillis(Number(daily?.next), { zone: NY }).toFormat('HH:mm')).toBe('09:30');
    const weekly = schedulers.find((s) => s.key === jobIds.weeklyScheduler(team.id));
    expect(weekly).toMatchObject({ pattern: '0 10 * * 1', tz: NY });
  });

  it('GIVEN daily runs at every scheduled instant across the DST change, each also retried an hour later THEN one post per local date', async () => {
    const team = await setUpTeam(h, 'C-ny-dst', { timezone: NY });
    const runs = schedule(dailyCron(team.settings), NY, '2026-10-30T00:00:00Z', 4);
    const before = h.outbox.posts.length;
    for (const at of runs) {
      h.clock.time = at;
      expect(await h.engine.postDaily(team.id, at)).toBe('posted');
      h.clock.time = at + 3600_000;
      expect(await h.engine.postDaily(team.id, at + 3600_000)).toBe('already-posted');
      await h.engine.closeRound(dailyRoundId(team.id, localDate(at, NY)));
    }
    expect(h.outbox.posts.length - before).toBe(4 * 2); // one question and one reveal per day
    const quizzes = new Set<string>();
    for (const at of runs) {
      const round = await h.engine.ctx.store.rounds.get(dailyRoundId(team.id, localDate(at, NY)));
      expect(round && DateTime.fromMillis(round.closesAt, { zone: NY }).toFormat('yyyy-MM-dd HH:mm')).toBe(
        `${localDate(at, NY)} 18:00`,
      );
      quizzes.add(round?.quizId ?? '');
    }
    expect(quizzes.size).toBe(4); // no repeats
  });
});
