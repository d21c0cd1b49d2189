import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeek } from '../../src/core/local-time.js';
import { teamIdOf } from '../../src/core/model.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();

describe('every job run twice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z');
  });
  afterAll(() => h.close());

  it('GIVEN the daily job twice, concurrently and again later THEN one post and one scheduled close', async () => {
    const team = await setUpTeam(h, 'C-daily');
    const outcomes = await Promise.all([
      h.engine.postDaily(team.id, h.clock.now()),
      h.engine.postDaily(team.id, h.clock.now()),
    ]);
    expect(outcomes.sort()).toEqual(['already-posted', 'posted']);
    h.clock.time += 3600_000; // a late retry the same local day
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('already-posted');
    expect(h.outbox.posts.filter((p) => p.team === team.id)).toHaveLength(1);
    // The round waits once for the one close job of its close time.
    const round = await h.engine.ctx.store.rounds.get(dailyRoundId(team.id, '2026-11-26'));
    const waiting = await h.engine.ctx.store.daily.waitingForClose(round?.closesAt ?? 0, 100);
    expect(waiting.filter((id) => id === round?.id)).toHaveLength(1);
    const closeJobs = (await h.queue.getDelayed()).filter((j) => j.name === 'close-due');
    expect(closeJobs.map((j) => j.data)).toEqual([{ at: round?.closesAt }]);
  });

  it('GIVEN the close job twice THEN one award, one reveal (one message update, one post)', async () => {
    const team = await setUpTeam(h, 'C-close');
    await h.engine.postDaily(team.id, h.clock.now());
    const roundId = dailyRoundId(team.id, '2026-11-26');
    const round = await h.engine.ctx.store.rounds.get(roundId);
    for (const p of [1, 2]) {
      await h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId, choice: round?.answer ?? 0 },
      });
    }
    const before = h.outbox.posts.length;
    const outcomes = await Promise.all([h.engine.closeRound(roundId), h.engine.closeRound(roundId)]);
    // The close reports each of its steps: one run updated and posted, the other found them done.
    expect(outcomes.sort((a, b) => a.round.localeCompare(b.round))).toEqual([
      { round: 'already', update: 'already-updated', reveal: 'already-posted' },
      { round: 'closed', update: 'updated', reveal: 'posted' },
    ]);
    expect(await h.engine.closeRound(roundId)).toEqual({
      round: 'already',
      update: 'already-updated',
      reveal: 'already-posted',
    });
    expect(h.outbox.posts.length - before).toBe(1);
    expect(h.outbox.updates.filter((u) => u.team === team.id)).toHaveLength(1);
    const board = await h.engine.ctx.store.boards.board(
      team.id,
      { week: isoWeek(h.clock.now(), 'Asia/Shanghai') },
      10,
    );
    expect(board.top.map((e) => e.points)).toEqual([13, 12]);
  });

  it('GIVEN the weekly job twice THEN one announcement', async () => {
    const team = await setUpTeam(h, 'C-weekly');
    const before = h.outbox.posts.length;
    await Promise.all([
      h.engine.postWeekly(team.id, h.clock.now()),
      h.engine.postWeekly(team.id, h.clock.now()),
    ]);
    await h.engine.postWeekly(team.id, h.clock.now());
    expect(h.outbox.posts.length - before).toBe(1);
  });

  it('GIVEN a live question job twice THEN the question is posted once', async () => {
    const team = await setUpTeam(h, 'C-live');
    const [reply] = await h.engine.handle({
      team: team.address,
      actor: player(1),
      command: { name: 'start', count: 2, seconds: 10 },
    });
    expect(reply?.visibility).toBe('channel');
    const live = await h.engine.ctx.store.lives.runningIn(teamIdOf(team.address));
    if (!live) throw new Error('no live round');
    const before = h.outbox.posts.length;
    await Promise.all([h.engine.askLiveQuestion(live.id, 0), h.engine.askLiveQuestion(live.id, 0)]);
    expect(h.outbox.posts.length - before).toBe(1);
  });

  it('GIVEN the same BullMQ close job added twice THEN the queue holds it once', async () => {
    await h.engine.ctx.planner.closeRoundAt('day-x-1', h.clock.now() + 60_000);
    await h.engine.ctx.planner.closeRoundAt('day-x-1', h.clock.now() + 60_000);
    expect((await h.queue.getDelayed()).filter((j) => j.data.roundId === 'day-x-1')).toHaveLength(1);
  });
});
