import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamStanding } from '../../src/core/boards.js';
import { isoWeek, localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { Keys } from '../../src/store/keys.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';
import { recomputeStandings } from '../support/team-standings.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;
const SH = 'Asia/Shanghai';
const WS = 'W-big';
const START = '2026-11-23T01:30:00Z'; // Monday 09:30 Shanghai, week 2026-W48

// 13 channels: C01–C11 score every day, C05 and C06 answer alike (equal points), C12 answers
// wrong only (no points), C13 never answers. So the board has more than 10 teams, a tie and
// teams with nothing.
const CHANNELS = Array.from({ length: 13 }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);

describe('the teams board, kept by the close script', () => {
  let h: Harness;
  let redis: Redis;
  const keys = new Keys(prefix);
  const teams = new Map<string, Team>();
  let other: Team;
  const week = isoWeek(Date.parse(START), SH);

  // A fixed sequence: the same answers every run.
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };

  beforeAll(async () => {
    h = await createHarness(url, prefix, START);
    redis = new Redis(url, { maxRetriesPerRequest: null });
    for (const c of CHANNELS) teams.set(c, await setUpTeam(h, c, {}, WS));
    other = await setUpTeam(h, 'C-elsewhere', {}, 'W-other');
  });
  afterAll(async () => {
    redis.disconnect();
    await h.close();
  });

  /** Who answers in a channel today: [player, right?]; C06 copies C05's answers. */
  function answersFor(channel: string, day: number, c05: [number, boolean][]): [number, boolean][] {
    if (channel === 'C13') return [];
    if (channel === 'C12') return [[1200, false]];
    if (channel === 'C06') return c05.map(([p, right]) => [p + 100, right]);
    const n = Number(channel.slice(1));
    const count = 2 + Math.floor(random() * 4);
    // The first player is always right, so every team C01–C11 has points.
    return Array.from({ length: count }, (_, i) => [n * 100 + ((day + i) % 6), i === 0 || random() < 0.6]);
  }

  async function daily(team: Team, answers: [number, boolean][]): Promise<void> {
    await h.engine.postDaily(team.id, h.clock.now());
    const roundId = dailyRoundId(team.id, localDate(h.clock.now(), SH));
    const round = await h.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no round');
    for (const [p, right] of answers) {
      const choice = right ? round.answer : (round.answer + 1) % round.optionCount;
      await h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId, choice },
      });
    }
    await h.engine.closeRound(roundId);
  }

  /** The board as the bot reads it, against the full recompute, for a caller. */
  async function expectMatchesRecompute(caller: Team): Promise<TeamStanding[]> {
    const full = await recomputeStandings(redis, keys, 'slack', WS, week);
    const board = await h.engine.ctx.store.boards.teamsBoard(caller.address, week, 10, caller.id);
    const strip = ({ rank, teamId, points, players }: TeamStanding) => ({ rank, teamId, points, players });
    expect(board.top.map(strip)).toEqual(full.slice(0, 10));
    expect(board.count).toBe(full.length);
    expect(board.me).toEqual(full.find((s) => s.teamId === caller.id));
    return full;
  }

  it('GIVEN three days of closes in 13 channels THEN after every day the board equals a full recompute', async () => {
    for (let day = 0; day < 3; day++) {
      let c05: [number, boolean][] = [];
      for (const c of CHANNELS) {
        const answers = answersFor(c, day, c05);
        if (c === 'C05') c05 = answers;
        await daily(teams.get(c) as Team, answers);
      }
      // Another workspace's points stay off this board.
      await daily(other, [[9000, true]]);
      for (const caller of ['C01', 'C07', 'C12', 'C13'])
        await expectMatchesRecompute(teams.get(caller) as Team);
      h.clock.time += DAY;
    }
    const full = await expectMatchesRecompute(teams.get('C01') as Team);
    // Not vacuous: C05 and C06 tie, and the tie is in team-id order.
    const c05 = full.find((s) => s.teamId.endsWith(':C05'));
    const c06 = full.find((s) => s.teamId.endsWith(':C06'));
    expect(c05?.points).toBeGreaterThan(0);
    expect(c06?.points).toBe(c05?.points);
    expect(c06?.rank).toBe(c05?.rank);
    expect(full.indexOf(c05 as TeamStanding)).toBe((full.indexOf(c06 as TeamStanding) as number) - 1);
    expect(full.filter((s) => s.points > 0)).toHaveLength(11);
  });

  it('GIVEN a live round closing THEN its points move the team on the board too', async () => {
    const team = teams.get('C13') as Team;
    const liveId = `${team.id}-live-1`;
    const roundId = `live-${liveId}-0`;
    const now = h.clock.now();
    await h.engine.ctx.store.rounds.create({
      id: roundId,
      teamId: team.id,
      kind: 'live',
      quizId: 'q-live',
      optionCount: 4,
      answer: 2,
      category: 'networking',
      openedAt: now,
      closesAt: now + 30_000,
      localDate: localDate(now, SH),
      week,
      liveId,
      index: 0,
    });
    for (const p of [1301, 1302, 1303, 1304])
      await h.engine.ctx.store.rounds.recordAnswer(team.id, roundId, player(p), 2, now + 1000);
    await h.engine.closeRound(roundId);
    const full = await expectMatchesRecompute(team);
    // Four players right on a live question: C13 had nothing before.
    expect(full.find((s) => s.teamId === team.id)?.points).toBeGreaterThan(0);
    expect(full.find((s) => s.teamId === team.id)?.players).toBe(4);
  });

  it('GIVEN `leaderboard teams` from a channel outside the top 10 THEN it sees the top 10 and its own rank', async () => {
    const caller = teams.get('C12') as Team; // wrong answers only: no points, last place
    const full = await recomputeStandings(redis, keys, 'slack', WS, week);
    const mine = full.find((s) => s.teamId === caller.id) as TeamStanding;
    expect(mine.rank).toBeGreaterThan(10);
    const [view] = await h.engine.handle({
      team: caller.address,
      actor: player(1200),
      command: { name: 'leaderboard', scope: 'teams' },
    });
    const lines = view?.body?.split('\n') ?? [];
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      `1. #${full[0]?.teamId.split(':')[2]} — ${full[0]?.points} 分（${full[0]?.players} 人）`,
    );
    expect(view?.body).not.toContain('C12');
    expect(view?.footer).toBe(`本频道：${CHANNELS.length} 个团队中第 ${mine.rank} 名，0 分`);
  });

  it('GIVEN `leaderboard teams` from a channel in the top 10 THEN it is marked and the count is the footer', async () => {
    const full = await recomputeStandings(redis, keys, 'slack', WS, week);
    const first = teams.get((full[0] as TeamStanding).teamId.split(':')[2] as string) as Team;
    const [view] = await h.engine.handle({
      team: first.address,
      actor: player(1),
      command: { name: 'leaderboard', scope: 'teams' },
    });
    expect(view?.body?.split('\n')[0]).toContain(`**#${first.address.channelId}** (本频道)`);
    expect(view?.footer).toBe(`${CHANNELS.length} 个团队中的前 10 名`);
  });

  it('GIVEN the weekly announcement THEN it gives the channel the rank of the full recompute', async () => {
    const caller = teams.get('C07') as Team;
    const full = await recomputeStandings(redis, keys, 'slack', WS, week);
    const mine = full.find((s) => s.teamId === caller.id) as TeamStanding;
    h.clock.time = Date.parse('2026-11-30T02:00:00Z'); // the next Monday 10:00 Shanghai
    await h.engine.postWeekly(caller.id, h.clock.now());
    const post = h.outbox.posts.find(
      (p) => p.team === caller.id && p.view.title?.startsWith('上周战报'),
    )?.view;
    const fields = Object.fromEntries((post?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields[`团队排行榜（${week}，每队前三名积分之和）`]).toBe(
      `本频道在 ${CHANNELS.length} 个团队中排名第 ${mine.rank}`,
    );
  });
});
