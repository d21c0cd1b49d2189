import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import type { Round } from '../../src/core/round.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import type { View } from '../../src/core/view.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;
const SH = 'Asia/Shanghai';
const CATEGORIES = ['pods', 'networking', 'services']; // bank order: the turn goes in this order

describe('topic mastery over a controlled month: stats, stats team, the weekly focus and the leaning week', () => {
  let h: Harness;
  let team: Team;
  const rounds: Round[] = [];

  /** The day's question at 09:30; u1 and u2 miss every networking question and get the rest right. */
  async function day() {
    await h.engine.postDaily(team.id, h.clock.now());
    const round = await h.engine.ctx.store.rounds.get(dailyRoundId(team.id, localDate(h.clock.now(), SH)));
    if (!round) throw new Error('no round');
    rounds.push(round);
    for (const p of [1, 2]) {
      const right = round.category !== 'networking';
      const choice = right ? round.answer : (round.answer + 1) % round.optionCount;
      await h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId: round.id, choice },
      });
    }
    await h.engine.closeRound(round.id);
    h.clock.time += DAY;
  }

  const ask = async (p: number, command: { name: 'stats' } | { name: 'teamStats' }): Promise<View> => {
    const [view] = await h.engine.handle({ team: team.address, actor: player(p), command });
    if (!view) throw new Error('no reply');
    return view;
  };
  const networking = (some: Round[]) => some.filter((r) => r.category === 'networking').length;
  const field = (view: View, name: string) => view.fields?.find((f) => f.name === name)?.value;

  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-16T01:30:00Z'); // Monday 09:30 Shanghai, 2026-W47
    h.config.mastery = { focusDays: 2, minAnswers: 3 };
    team = await setUpTeam(h, 'C-mastery', { categories: CATEGORIES });
    for (let d = 0; d < 14; d++) await day(); // W47 and W48
  });
  afterAll(() => h.close());

  it('GIVEN two weeks of answers THEN stats shows the player’s strongest and weakest category of the last 4 weeks', async () => {
    const view = await ask(1, { name: 'stats' });
    expect(field(view, '最弱分类（近 4 周）')).toMatch(/^网络：0%（0\/\d+）$/);
    expect(field(view, '最强分类（近 4 周）')).toMatch(/：100%（\d+\/\d+）$/);
    // Someone who never answered has no stats at all.
    expect((await ask(9, { name: 'stats' })).body).toBe('还没有作答记录。');
  });

  it('GIVEN the weekly announcement THEN it names the weakest category, stores it, and 2 of the next 7 daily questions come from it — spread, no repeats, the turn kept', async () => {
    await day(); // Monday 2026-11-30 09:30: posted before the announcement, so no focus yet
    h.clock.time = Date.parse('2026-11-30T02:00:00Z'); // 10:00 Shanghai
    const before = h.outbox.posts.length;
    expect(await h.engine.postWeekly(team.id, h.clock.now())).toBe('posted');
    const weekly = h.outbox.posts.slice(before).find((p) => p.view.title === '上周战报 · 2026-W48')?.view;
    expect(field(weekly as View, '近 4 周最弱的分类')).toMatch(
      /^网络：0%（0\/\d+）\n接下来 7 天的每日一题中有 2 道出自这个分类。$/,
    );
    expect(await h.engine.ctx.store.mastery.focus(team.id)).toMatchObject({
      week: '2026-W48',
      category: 'networking',
      since: '2026-11-30',
    });

    h.clock.time = Date.parse('2026-12-01T01:30:00Z');
    for (let d = 1; d < 7; d++) {
      await day();
      if (d === 2) {
        // Wednesday: `stats team` shows the focus under way.
        h.clock.time -= DAY - 3600_000;
        const team1 = await ask(1, { name: 'teamStats' });
        expect(field(team1, '本周重点分类')).toBe(
          '网络：2026-12-06 前的每日一题中有 2 道出自这个分类（已出 1 道）',
        );
        h.clock.time += DAY - 3600_000;
      }
    }

    const week = rounds.slice(14);
    expect(week.map((r) => r.localDate)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    // Monday was posted before the announcement: Tuesday catches up, then Thursday.
    expect(week.filter((r) => r.focus).map((r) => [r.localDate, r.category])).toEqual([
      ['2026-12-01', 'networking'],
      ['2026-12-03', 'networking'],
    ]);
    expect((await h.engine.ctx.store.mastery.focus(team.id))?.days).toEqual(['2026-12-01', '2026-12-03']);
    // The other days keep the turn: each follows the one before it, focus days left out.
    const turn = rounds.filter((r) => !r.focus).map((r) => r.category);
    for (let i = 1; i < turn.length; i++)
      expect(turn[i]).toBe(CATEGORIES[(CATEGORIES.indexOf(turn[i - 1] as string) + 1) % CATEGORIES.length]);
    // No item twice in three weeks (the three categories hold more than 21 items).
    expect(new Set(rounds.map((r) => r.quizId)).size).toBe(rounds.length);
    // Networking came in its turn and on the 2 focus days besides.
    expect(networking(rounds)).toBe(turn.filter((c) => c === 'networking').length + 2);
  });

  it('GIVEN a retried announcement THEN it keeps the focus and its days', async () => {
    const stored = await h.engine.ctx.store.mastery.focus(team.id);
    h.clock.time = Date.parse('2026-11-30T02:05:00Z');
    expect(await h.engine.postWeekly(team.id, h.clock.now())).toBe('already-posted');
    expect(await h.engine.ctx.store.mastery.focus(team.id)).toEqual(stored);
  });

  it('GIVEN stats team THEN every category of the last 4 weeks, weakest first; 4 weeks after the last answer, nothing', async () => {
    h.clock.time = Date.parse('2026-12-07T03:00:00Z');
    const view = await ask(2, { name: 'teamStats' });
    expect(view.title).toBe('团队分类掌握度 · 近 4 周');
    expect(view.visibility).toBe('private');
    const lines = view.body?.split('\n') ?? [];
    expect(lines[0]).toBe('每日一题与实时问答的正确率，从弱到强（答满 3 题的分类才评最强和最弱）：');
    const missed = 2 * networking(rounds); // two players, every networking question
    expect(lines[1]).toBe(`- 网络：0%（0/${missed}）`);
    expect(lines.slice(2).every((l) => /：100%（(\d+)\/\1）$/.test(l))).toBe(true);
    expect(field(view, '最弱分类（近 4 周）')).toBe(`网络：0%（0/${missed}）`);
    // The focus ended with 2026-12-06.
    expect(field(view, '本周重点分类')).toBeUndefined();

    // 2026-11-16 (the first answers) leaves the window after 28 days: 2026-12-14.
    h.clock.time = Date.parse('2026-12-14T03:00:00Z');
    const inWindow = rounds.filter((r) => r.localDate >= '2026-11-17');
    expect(inWindow.length).toBe(rounds.length - 1);
    const body = (await ask(2, { name: 'teamStats' })).body ?? '';
    expect(body).toContain(`网络：0%（0/${2 * networking(inWindow)}）`);
    // Every answer counted is from the window: two per question of the 27 days left.
    const answered = [...body.matchAll(/（\d+\/(\d+)）/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(answered).toBe(2 * inWindow.length);
    h.clock.time = Date.parse('2027-01-04T03:00:00Z');
    const later = await ask(2, { name: 'teamStats' });
    expect(later.body).toBe('近 4 周还没有人作答。');
    expect(field(await ask(1, { name: 'stats' }), '近 4 周')).toBe(
      '某个分类答满 3 题后，这里显示最强和最弱的分类。',
    );
  });
});
