import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { jobIds } from '../../src/jobs/queue-names.js';
import { createHarness, type Harness, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
/** 18:00 Asia/Shanghai on the harness's day: the default close time. */
const CLOSE = Date.parse('2026-11-26T10:00:00Z');
const roundOf = (teamId: string) => dailyRoundId(teamId, '2026-11-26');

describe('daily rounds close through one job per close time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z');
  });
  afterAll(() => h.close());

  const closeDueJobs = async () => (await h.queue.getDelayed()).filter((j) => j.name === 'close-due');

  it('GIVEN three teams posted with the same close time THEN one close-due job; run, it queues the three closes once and the worker reveals each', async () => {
    const teams = await Promise.all(['C-a', 'C-b', 'C-c'].map((c) => setUpTeam(h, c)));
    for (const team of teams) expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    expect((await closeDueJobs()).map((j) => j.data)).toEqual([{ at: CLOSE }]);
    expect((await h.engine.ctx.store.daily.waitingForClose(CLOSE, 10)).sort()).toEqual(
      teams.map((t) => roundOf(t.id)).sort(),
    );
    // Not due yet by an earlier time; then due.
    expect(await h.engine.closeDueRounds(CLOSE - 1)).toBe(0);
    expect(await h.engine.closeDueRounds(CLOSE)).toBe(3);
    expect(await h.engine.closeDueRounds(CLOSE)).toBe(0);
    for (const team of teams) expect(await h.queue.getJob(jobIds.close(roundOf(team.id)))).toBeDefined();

    h.startWorker();
    for (const team of teams)
      await expect
        .poll(async () => (await h.engine.ctx.store.rounds.get(roundOf(team.id)))?.status)
        .toBe('closed');
    const revealed = (teamId: string) => h.outbox.posts.filter((p) => p.team === teamId).length;
    await expect.poll(() => teams.map((t) => revealed(t.id))).toEqual([2, 2, 2]);
  });

  it('GIVEN a daily question posted less than a minute before its close time THEN it gets a close job of its own and waits for no shared one', async () => {
    const team = await setUpTeam(h, 'C-late', { closeTime: '10:00' });
    const at = h.clock.now();
    h.clock.set('2026-11-26T01:59:30Z'); // 09:59:30 in Shanghai: the daily job ran late
    expect(await h.engine.postDaily(team.id, at)).toBe('posted');
    const posted = await h.engine.ctx.store.rounds.get(roundOf(team.id));
    expect((posted?.closesAt ?? 0) - h.clock.now()).toBe(30_000);
    h.clock.time = at;
    expect(await h.queue.getJob(jobIds.close(roundOf(team.id)))).toBeDefined();
    expect(await h.engine.ctx.store.daily.waitingForClose(posted?.closesAt ?? 0, 100)).not.toContain(
      roundOf(team.id),
    );
  });

  it('GIVEN the close-due job and the waiting rounds gone (the playground reset) THEN the next post of that close time queues the job again', async () => {
    await (await h.queue.getJob(jobIds.closeDue(CLOSE)))?.remove();
    const team = await setUpTeam(h, 'C-after-reset');
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    expect((await closeDueJobs()).map((j) => j.data)).toEqual([{ at: CLOSE }]);
  });
});

describe('start-up recovery of a daily close', () => {
  it('GIVEN a crash after the post finished and before its close-due job was queued THEN start-up queues the job', async () => {
    const h = await createHarness(url, `${prefix}r:`, '2026-11-26T01:30:00Z');
    const team = await setUpTeam(h, 'C-crash');
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    await (await h.queue.getJob(jobIds.closeDue(CLOSE)))?.remove();
    await h.close();

    const restarted = await createHarness(url, `${prefix}r:`, '2026-11-26T02:00:00Z');
    expect(await restarted.engine.recover()).toEqual([]);
    expect(await (await restarted.queue.getJob(jobIds.closeDue(CLOSE)))?.isDelayed()).toBe(true);
    expect(await restarted.engine.ctx.store.daily.waitingForClose(CLOSE, 10)).toEqual([roundOf(team.id)]);
    await restarted.close();
  });
});
