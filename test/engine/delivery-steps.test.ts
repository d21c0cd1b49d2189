import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/ports.js';
import { dailyRoundId, liveRoundId } from '../../src/core/round-ids.js';
import { stepIds } from '../../src/core/step.js';
import { LEASE_MS } from '../../src/core/step-lease.js';
import { jobIds } from '../../src/jobs/queue-names.js';
import { Keys } from '../../src/store/keys.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix, redis } = useRedis();
const keys = new Keys(prefix);

describe('delivery steps (engine, real Redis, recorded platform)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z');
  });
  afterAll(() => h.close());

  const roundOf = (teamId: string) => dailyRoundId(teamId, '2026-11-26');
  const stepOf = (id: string) => h.engine.ctx.store.steps.get(id);

  it('GIVEN the daily post interrupted before the platform had it THEN the next run posts it once as a retry: recovered', async () => {
    const team = await setUpTeam(h, 'C-interrupted');
    h.outbox.failNext.push(new DeliveryError('transient', 'connection reset'));
    await expect(h.engine.postDaily(team.id, h.clock.now())).rejects.toThrow('connection reset');
    expect(await stepOf(stepIds.question(roundOf(team.id)))).toMatchObject({ state: 'intended' });

    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('recovered');
    const posts = h.outbox.posts.filter((p) => p.team === team.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.step).toMatchObject({ id: stepIds.question(roundOf(team.id)), retry: true });
    expect(await stepOf(stepIds.question(roundOf(team.id)))).toMatchObject({
      state: 'done',
      ref: posts[0]?.ref,
    });
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('already-posted');
  });

  it('GIVEN the reference stored but the step not finished THEN the next run posts nothing and schedules the close: found-existing', async () => {
    const team = await setUpTeam(h, 'C-sent');
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    const roundId = roundOf(team.id);
    // What a crash between recording the reference and the close being scheduled leaves.
    await redis.hset(keys.step(stepIds.question(roundId)), 'state', 'sent');
    const closesAt = (await h.engine.ctx.store.rounds.get(roundId))?.closesAt ?? 0;
    await h.engine.ctx.store.daily.closeQueued([roundId]);

    const before = h.outbox.posts.length;
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('found-existing');
    expect(h.outbox.posts.length).toBe(before);
    expect(await h.engine.ctx.store.daily.waitingForClose(closesAt, 100)).toContain(roundId);
    expect(await h.queue.getJob(jobIds.closeDue(closesAt))).toBeDefined();
  });

  it('GIVEN the reveal fails after the question lost its buttons THEN the retried close posts the reveal and does not update again', async () => {
    const team = await setUpTeam(h, 'C-split');
    await h.engine.postDaily(team.id, h.clock.now());
    const roundId = roundOf(team.id);
    h.outbox.failNext.push(new DeliveryError('transient', 'HTTP 502'));
    await expect(h.engine.closeRound(roundId)).rejects.toThrow('HTTP 502');
    expect(h.outbox.updates.filter((u) => u.team === team.id)).toHaveLength(1);

    expect(await h.engine.closeRound(roundId)).toEqual({
      round: 'already',
      update: 'already-updated',
      reveal: 'recovered',
    });
    expect(h.outbox.updates.filter((u) => u.team === team.id)).toHaveLength(1);
    expect(
      h.outbox.posts.filter((p) => p.team === team.id && p.step?.id === stepIds.reveal(roundId)),
    ).toHaveLength(1);
  });

  it('GIVEN a question whose reference was never recorded THEN the close skips the update with one log line and posts the reveal', async () => {
    const team = await setUpTeam(h, 'C-noref');
    h.outbox.failNext.push(new DeliveryError('transient', 'timeout'));
    await expect(h.engine.postDaily(team.id, h.clock.now())).rejects.toThrow('timeout');
    const roundId = roundOf(team.id);

    expect(await h.engine.closeRound(roundId)).toEqual({
      round: 'closed',
      update: 'no-message',
      reveal: 'posted',
    });
    const skipped = h.logger.lines.filter(
      (l) => (l.obj as { step?: string }).step === stepIds.closeQuestion(roundId),
    );
    expect(skipped).toHaveLength(1);
    expect(h.outbox.updates.filter((u) => u.team === team.id)).toHaveLength(0);
  });

  it('GIVEN the lease of a run that died THEN the next run waits at most the lease time, then posts once', async () => {
    const team = await setUpTeam(h, 'C-lease');
    const roundId = roundOf(team.id);
    // A dead run's lease: taken and never renewed.
    await h.engine.ctx.store.steps.lease(stepIds.question(roundId), 'dead-run', LEASE_MS);
    const started = Date.now();
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    expect(Date.now() - started).toBeLessThan(LEASE_MS + 1000);
    expect(h.outbox.posts.filter((p) => p.team === team.id)).toHaveLength(1);
  });
});

describe('start-up recovery', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, `${prefix}r:`, '2026-11-26T01:30:00Z');
  });
  afterAll(() => h.close());

  const recoveryJobs = async () =>
    (await h.queue.getWaiting())
      .filter((j) => j.id?.startsWith('recover-'))
      .map((j) => ({ name: j.name, data: j.data }));

  it('GIVEN an overdue round, an unposted question, a round not due and a live round between questions THEN one job each for the three, none for the fourth', async () => {
    const overdue = await setUpTeam(h, 'C-overdue');
    const unposted = await setUpTeam(h, 'C-unposted');
    const quiet = await setUpTeam(h, 'C-quiet', { closeTime: '23:00' });
    await h.engine.postDaily(overdue.id, h.clock.now());
    await h.engine.postDaily(quiet.id, h.clock.now());
    h.outbox.failNext.push(new DeliveryError('transient', 'reset'));
    await expect(h.engine.postDaily(unposted.id, h.clock.now())).rejects.toThrow();

    const liveTeam = await setUpTeam(h, 'C-live');
    await h.engine.handle({
      team: liveTeam.address,
      actor: player(1),
      command: { name: 'start', count: 3, seconds: 10 },
    });
    const live = await h.engine.ctx.store.lives.runningIn(liveTeam.id);
    if (!live) throw new Error('no live round');
    await h.engine.askLiveQuestion(live.id, 0);
    await h.engine.closeRound(liveRoundId(live.id, 0)); // revealed; the crash took the `next` job
    await (await h.queue.getJob(`next-${live.id}-1`))?.remove();

    // The close time of the overdue team's round passes (18:00 Shanghai) while the bot is down.
    h.clock.set('2026-11-26T10:30:00Z');
    const jobs = await h.engine.recover();
    expect(jobs).toEqual(
      expect.arrayContaining([
        { name: 'close', roundId: dailyRoundId(overdue.id, '2026-11-26') },
        { name: 'question', roundId: dailyRoundId(unposted.id, '2026-11-26') },
        { name: 'next', liveId: live.id, index: 1 },
      ]),
    );
    expect(jobs).toHaveLength(3);
    expect(await recoveryJobs()).toHaveLength(3);
  });
});

describe('start-up recovery of steps in flight', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, `${prefix}f:`, '2026-11-30T02:00:00Z');
  });
  afterAll(() => h.close());

  it('GIVEN a weekly post interrupted and another refused for good THEN start-up queues the weekly job for the same week, and not the refused one', async () => {
    const interrupted = await setUpTeam(h, 'C-weekly-cut');
    const refused = await setUpTeam(h, 'C-weekly-gone');
    const at = h.clock.now();
    h.outbox.failNext.push(new DeliveryError('transient', 'reset'));
    await expect(h.engine.postWeekly(interrupted.id, at)).rejects.toThrow('reset');
    h.outbox.failNext.push(new DeliveryError('permanent', 'channel_not_found', undefined, 'gone'));
    expect(await h.engine.postWeekly(refused.id, at)).toBe('refused');

    expect(await h.engine.recover()).toEqual([{ name: 'weekly', teamId: interrupted.id, at }]);
    // The queued job finishes the same step: one post for last week.
    h.startWorker();
    await expect.poll(() => h.outbox.posts.filter((p) => p.team === interrupted.id).length).toBe(1);
    await expect.poll(async () => (await h.engine.ctx.store.steps.inFlight()).length).toBe(0);
  });
});
