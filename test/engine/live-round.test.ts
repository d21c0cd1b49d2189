import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { DeliveryError } from '../../src/core/ports.js';
import { liveRoundId } from '../../src/core/round-ids.js';
import { stepIds } from '../../src/core/step.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('live rounds', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, new Date().toISOString());
    h.config.live.pauseSeconds = 0;
    h.startWorker();
    team = await setUpTeam(h, 'C-live');
  });
  afterAll(() => h.close());

  const send = (
    p: number | string,
    command: Parameters<Harness['engine']['handle']>[0]['command'],
    admin = false,
  ) => h.engine.handle({ team: team.address, actor: player(p, admin), command });
  const postsTitled = (prefix: string) => h.outbox.posts.filter((p) => p.view.title?.startsWith(prefix));
  // The standings are posted just before the slot is freed: the next test's start waits for it.
  const channelFree = () =>
    until(
      async () => (await h.engine.ctx.store.lives.runningIn(team.id)) === undefined || undefined,
      'the channel to be free',
    );

  it('GIVEN a round of 2 THEN questions, reveals, an early close and the standings follow through the queue', async () => {
    const [started] = await send(1, { name: 'start', count: 2, seconds: 10 });
    expect(started).toMatchObject({ visibility: 'channel' });
    expect(started?.body).toContain('2 道题');
    const live = await until(() => h.engine.ctx.store.lives.runningIn(team.id), 'live round');
    const q1 = await until(() => postsTitled('第 1/2 题')[0], 'question 1');
    expect(q1.view.buttons?.length).toBeGreaterThanOrEqual(3);

    // The close job waits ~10 s in the queue.
    // Scheduled right after the post is recorded: wait for it rather than race it.
    const delayed = await until(() => h.queue.getJob(`close-${liveRoundId(live.id, 0)}`), 'close job');
    expect(delayed?.opts.delay).toBeGreaterThan(9000);

    const round1 = await h.engine.ctx.store.rounds.get(liveRoundId(live.id, 0));
    const right = round1?.answer ?? 0;
    await send(1, { name: 'answer', roundId: liveRoundId(live.id, 0), choice: right });
    await send(2, {
      name: 'answer',
      roundId: liveRoundId(live.id, 0),
      choice: (right + 1) % (round1?.optionCount ?? 4),
    });
    await h.engine.ctx.planner.closeRoundNow(liveRoundId(live.id, 0));

    await until(() => postsTitled('第 2/2 题')[0], 'question 2');
    const disabled = h.outbox.updates.find((u) => u.ref === q1.ref);
    expect(disabled?.view.buttons?.every((b) => b.disabled)).toBe(true);

    // Question 2 closes early once both players of question 1 answered.
    const round2 = await h.engine.ctx.store.rounds.get(liveRoundId(live.id, 1));
    await send(2, { name: 'answer', roundId: liveRoundId(live.id, 1), choice: round2?.answer ?? 0 });
    await send(1, { name: 'answer', roundId: liveRoundId(live.id, 1), choice: round2?.answer ?? 0 });
    const standings = await until(() => postsTitled('本轮结束')[0], 'standings');
    expect(standings.view.body?.split('\n')).toHaveLength(2);
    expect(postsTitled('答案揭晓')).toHaveLength(2);
    // Correct and instant: 10 + 10 speed points; player 1 twice, player 2 once.
    expect(standings.view.body).toContain('🥇 player 1 — 40 分');
    expect(standings.view.body).toContain('🥈 player 2 — 20 分');
    // The channel is freed once the standings step is done (just after the post).
    await channelFree();
  });

  it('GIVEN a running round THEN a second start is refused and only the starter or an admin stops it', async () => {
    await send(5, { name: 'start', count: 3, seconds: 30 });
    await until(() => h.engine.ctx.store.lives.runningIn(team.id), 'live round');
    const [busy] = await send(6, { name: 'start', count: 1, seconds: 30 });
    expect(busy).toMatchObject({
      visibility: 'private',
      body: '这个频道已有一轮进行中的问答（由 player 5 发起）。',
    });
    const [refused] = await send(6, { name: 'stop' });
    expect(refused?.body).toBe('只有发起人 player 5 或管理员可以结束这轮问答。');
    const before = postsTitled('本轮结束').length;
    await send('boss', { name: 'stop' }, true);
    await until(() => postsTitled('本轮结束').length > before || undefined, 'standings after stop');
    expect(postsTitled('本轮结束').at(-1)?.view.body).toContain('本轮问答已由 player boss 结束。');
    await channelFree();
  });

  // A gate held open at one point of the `next` job, so a stop lands exactly there.
  function gate() {
    let entered = false;
    let release = () => {};
    const opened = new Promise<void>((r) => {
      release = r;
    });
    return {
      hold: async () => {
        entered = true;
        await opened;
      },
      entered: () => entered || undefined,
      release: () => release(),
    };
  }

  it.each([
    ['before its first question is created', 'create'],
    ['while its first question is being posted', 'post'],
  ] as const)(
    'GIVEN a stop %s THEN that question is posted, revealed and the standings follow at once',
    async (_, at) => {
      const { rounds } = h.engine.ctx.store;
      const { outbox } = h;
      const create = rounds.create.bind(rounds);
      const post = outbox.post.bind(outbox);
      const held = gate();
      if (at === 'create') {
        rounds.create = async (round) => {
          await held.hold();
          return create(round);
        };
      } else {
        outbox.post = async (team, view, step) => {
          if (view.title?.startsWith('第 1/3 题')) await held.hold();
          return post(team, view, step);
        };
      }
      try {
        const before = { standings: postsTitled('本轮结束').length, reveals: postsTitled('答案揭晓').length };
        const [started] = await send(7, { name: 'start', count: 3, seconds: 60 });
        expect(started?.visibility).toBe('channel');
        await until(held.entered, 'the next job to reach the gate');
        const [stopped] = await send(7, { name: 'stop' });
        expect(stopped?.visibility).toBe('private');
        held.release();
        // Without the stop seen, the question would stay open for its 60 s.
        await until(
          () => postsTitled('本轮结束').length > before.standings || undefined,
          'standings after stop',
        );
        const question = postsTitled('第 1/3 题').at(-1);
        const reveal = postsTitled('答案揭晓').at(-1);
        expect(postsTitled('答案揭晓')).toHaveLength(before.reveals + 1);
        expect(h.outbox.posts.indexOf(question as never)).toBeLessThan(
          h.outbox.posts.indexOf(reveal as never),
        );
        const closed = h.outbox.updates.find((u) => u.ref === question?.ref);
        expect(closed?.view.buttons?.every((b) => b.disabled)).toBe(true);
        expect(postsTitled('本轮结束').at(-1)?.view.body).toContain('本轮问答已由 player 7 结束。');
        await channelFree();
      } finally {
        rounds.create = create;
        outbox.post = post;
        held.release();
      }
    },
  );

  it('GIVEN a question whose post failed and a stop before its retry THEN the retry posts it once, it is revealed, the standings follow and nothing stays in flight', async () => {
    const before = { questions: postsTitled('第 1/2 题').length, standings: postsTitled('本轮结束').length };
    h.outbox.failNext.push(new DeliveryError('transient', 'connection reset', 500));
    const [started] = await send(8, { name: 'start', count: 2, seconds: 60 });
    expect(started?.visibility).toBe('channel');
    const live = await until(() => h.engine.ctx.store.lives.runningIn(team.id), 'live round');
    await until(() => h.outbox.failNext.length === 0 || undefined, 'the failed post');
    await send(8, { name: 'stop' });
    await until(() => postsTitled('本轮结束').length > before.standings || undefined, 'standings after stop');
    const questions = postsTitled('第 1/2 题').slice(before.questions);
    expect(questions).toHaveLength(1);
    const closed = h.outbox.updates.find((u) => u.ref === questions[0]?.ref);
    expect(closed?.view.buttons?.every((b) => b.disabled)).toBe(true);
    expect(await h.engine.ctx.store.steps.inFlight()).not.toContain(
      stepIds.question(liveRoundId(live.id, 0)),
    );
    await channelFree();
  });
});
