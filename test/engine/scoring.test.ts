import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeek, localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;
const SH = 'Asia/Shanghai';

describe('daily scoring, streaks, leaderboards and the weekly announcement', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-23T01:30:00Z'); // Monday 09:30 Shanghai
    team = await setUpTeam(h, 'C-score');
  });
  afterAll(() => h.close());

  /** One day: post, the given players answer (right or wrong) in order, close. */
  async function day(answers: [number, boolean][]) {
    await h.engine.postDaily(team.id, h.clock.now());
    const roundId = dailyRoundId(team.id, localDate(h.clock.now(), SH));
    const round = await h.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no round');
    for (const [p, right] of answers) {
      h.clock.time += 1000;
      const choice = right ? round.answer : (round.answer + 1) % round.optionCount;
      await h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId, choice },
      });
    }
    await h.engine.closeRound(roundId);
    h.clock.time += DAY - answers.length * 1000;
  }

  it('GIVEN 7 days of answers THEN first-three bonuses and a streak bonus capped at +5 add up', async () => {
    // Player 1 right every day and first; player 2 right, second; player 3 wrong on day 3.
    for (let d = 0; d < 7; d++)
      await day([
        [1, true],
        [2, true],
        [3, d !== 2],
        [4, false],
      ]);
    const week = isoWeek(Date.parse('2026-11-23T01:30:00Z'), SH);
    const board = await h.engine.ctx.store.boards.board(team.id, { week }, 10, 'u4');
    // p1: 7 × (10 + 3) + streak bonus 0+1+2+3+4+5+5 = 91 + 20
    // p2: 7 × (10 + 2) + 20 = 104
    // p3: days 1,2 (+1 bonus, streak 0,1), day 3 wrong, days 4-7 (+0 bonus when not top-3? it is 3rd) …
    const points = Object.fromEntries(board.top.map((e) => [e.playerId, e.points]));
    expect(points.u1).toBe(111);
    expect(points.u2).toBe(104);
    // p3 is third correct on 6 days: 6 × 11; streaks 1,2 then 1,2,3,4 → bonus 0+1+0+1+2+3 = 7
    expect(points.u3).toBe(73);
    expect(points.u4).toBeUndefined();
    expect(board.me).toBeUndefined();
    const stats = await h.engine.ctx.store.boards.playerStats(team.id, 'u3', week);
    expect(stats).toMatchObject({ answered: 7, correct: 6, streak: 4, bestStreak: 4 });
  });

  it('GIVEN equal scores THEN they share a rank (1, 1, 3, 3) and the caller sees their own rank', async () => {
    const other = await setUpTeam(h, 'C-ties');
    const run = async (order: number[]) => {
      const roundId = dailyRoundId(other.id, localDate(h.clock.now(), SH));
      await h.engine.postDaily(other.id, h.clock.now());
      const round = await h.engine.ctx.store.rounds.get(roundId);
      for (const p of order) {
        const command = { name: 'answer' as const, roundId, choice: round?.answer ?? 0 };
        await h.engine.handle({ team: other.address, actor: player(p), command });
      }
      await h.engine.closeRound(roundId);
      h.clock.time += DAY;
    };
    await run([10, 11, 12, 13]); // 13, 12, 11, 10
    await run([11, 10, 13, 12]); // 13+1, 12+1, 11+1, 10+1 (second day of a streak)
    const [view] = await h.engine.handle({
      team: other.address,
      actor: player(13),
      command: { name: 'leaderboard', scope: 'all' },
    });
    expect(view?.body?.split('\n')).toEqual([
      '🥇 player 10 — 26 分',
      '🥇 player 11 — 26 分',
      '🥉 player 12 — 22 分',
      '🥉 player 13 — 22 分',
    ]);
    expect(view?.footer).toBe('你：第 3 名，22 分');
  });

  it('GIVEN the weekly job on the next Monday THEN it announces last week: podium, top, categories, streak', async () => {
    h.clock.time = Date.parse('2026-12-07T02:00:00Z'); // a Monday 10:00 Shanghai
    await h.engine.postWeekly(team.id, Date.parse('2026-11-30T02:00:00Z'));
    h.clock.time = Date.parse('2026-11-30T02:00:00Z');
    const post = h.outbox.posts.find((p) => p.team === team.id && p.view.title?.startsWith('上周战报'))?.view;
    expect(post?.title).toBe('上周战报 · 2026-W48');
    expect(post?.body?.split('\n')).toEqual([
      '🥇 player 1 — 111 分',
      '🥈 player 2 — 104 分',
      '🥉 player 3 — 73 分',
    ]);
    expect(post?.bodyFormat).toBe('plain');
    const fields = Object.fromEntries((post?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.最长连对).toMatch(/^player [12]：7 天$/);
    expect(fields['第 4–10 名']).toBeUndefined(); // three players: all on the podium
    expect(fields.最强分类).toMatch(/正确率/);
    expect(fields['团队排行榜（2026-W48，每队前三名积分之和）']).toBe('本频道在 2 个团队中排名第 1');
  });

  it('GIVEN the teams leaderboard THEN teams rank by the sum of their top three', async () => {
    h.clock.time = Date.parse('2026-11-29T12:00:00Z'); // still week 48 in Shanghai
    const [view] = await h.engine.handle({
      team: team.address,
      actor: player(1),
      command: { name: 'leaderboard', scope: 'teams' },
    });
    // 111 + 104 + 73: the fourth player (0 points) adds nothing; the other team has no points this week.
    expect(view?.body?.split('\n')).toEqual([
      '1. **#C-score** (本频道) — 288 分（3 人）',
      '2. #C-ties — 0 分（0 人）',
    ]);
  });

  it('GIVEN stats for a named player THEN answered, accuracy and streaks are shown', async () => {
    const [view] = await h.engine.handle({
      team: team.address,
      actor: player(9),
      command: { name: 'stats', player: { name: 'player 3' } },
    });
    const fields = Object.fromEntries((view?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ 作答: '7', 正确率: '86%', 最长连对: '4 天' });
  });
});
