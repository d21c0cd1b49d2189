import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeek } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const PLAYERS = 2000;
const PRESSES = 5;

describe('2,000 players pressing 5 times each, concurrently, some after the close', () => {
  let h: Harness;
  let team: Team;
  let roundId: string;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z'); // 09:30 in Shanghai
    team = await setUpTeam(h, 'C-load');
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('posted');
    roundId = dailyRoundId(team.id, '2026-11-26');
  });
  afterAll(() => h.close());

  it('GIVEN the presses THEN exactly one answer per player counts and the board totals equal the expected sum', async () => {
    const choiceOf = (p: number, k: number) => (p * 7 + k * 3) % 4;
    const press = (p: number, k: number) =>
      h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId, choice: choiceOf(p, k) },
      });
    const replies = new Map<number, string[]>();
    const collect = (p: number, views: Awaited<ReturnType<typeof press>>) => {
      replies.set(p, [...(replies.get(p) ?? []), views.map((v) => v.body).join()]);
    };

    // Three quarters of the players press before the close; the close then races the rest.
    const early = Array.from({ length: 1500 }, (_, p) => p);
    await Promise.all(
      early.flatMap((p) => Array.from({ length: PRESSES }, (_, k) => press(p, k).then((v) => collect(p, v)))),
    );
    const late = Array.from({ length: PLAYERS - 1500 }, (_, i) => 1500 + i);
    h.clock.time += 60_000;
    await Promise.all([
      h.engine.closeRound(roundId),
      ...late.flatMap((p) =>
        Array.from({ length: PRESSES }, (_, k) => press(p, k).then((v) => collect(p, v))),
      ),
    ]);
    // And some presses well after the close.
    await Promise.all(late.slice(0, 100).map((p) => press(p, 0).then((v) => collect(p, v))));

    const results = await h.engine.ctx.store.rounds.results(roundId);
    if (!results) throw new Error('no results');
    const counted = new Map(results.answers.map((a) => [a.playerId, a]));
    expect(counted.size).toBe(results.answers.length); // one answer per player

    // Every early player counted once, with their first press; exactly one "recorded" reply each.
    for (const p of early) {
      expect(counted.get(`u${p}`)?.choice).toBe(choiceOf(p, 0));
      expect(replies.get(p)?.filter((r) => r.includes('已记录'))).toHaveLength(1);
      expect(replies.get(p)?.filter((r) => r.includes('你已经选择了'))).toHaveLength(PRESSES - 1);
    }
    // Late players: counted only if their press landed before the close, and then once.
    const closedReplies = [...replies.values()].flat().filter((r) => r.includes('已经结束')).length;
    expect(closedReplies).toBeGreaterThanOrEqual(100);
    for (const p of late) {
      const recorded = replies.get(p)?.filter((r) => r.includes('已记录')).length ?? 0;
      expect(recorded).toBe(counted.has(`u${p}`) ? 1 : 0);
    }

    // Board total: 10 per correct answer, +3/+2/+1 for the first three correct, no streaks on day one.
    const quiz = h.engine.ctx.bank.quiz((await h.engine.ctx.store.rounds.get(roundId))?.quizId ?? '');
    const correct = results.answers.filter((a) => a.choice === quiz?.answer).length;
    const expected = correct * 10 + [3, 2, 1].slice(0, correct).reduce((s, b) => s + b, 0);
    const week = await h.engine.ctx.store.boards.board(
      team.id,
      { week: isoWeek(h.clock.now(), 'Asia/Shanghai') },
      5000,
    );
    const total = week.top.reduce((s, e) => s + e.points, 0);
    expect(correct).toBeGreaterThan(300);
    expect(total).toBe(expected);
    expect(results.answers.reduce((s, a) => s + a.points, 0)).toBe(expected);
  });
});
