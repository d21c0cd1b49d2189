import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoringConfig } from '../../src/config/app-config.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { TeamStanding } from '../../src/core/boards.js';
import type { Team } from '../../src/core/model.js';
import type { QuizStore } from '../../src/core/store-ports.js';
import { Keys } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { backfillTeamsBoards } from '../../src/store/teams-board-backfill.js';
import { useRedis } from '../support/redis.js';
import { recomputeStandings } from '../support/team-standings.js';
import { testTeam } from '../support/teams.js';

const { url, prefix } = useRedis();
const WEEKS = ['2026-W47', '2026-W48'];

describe('the start-up backfill of the teams boards', () => {
  let redis: Redis;
  let store: QuizStore;
  let scoring: ScoringConfig;
  const keys = new Keys(prefix);
  // 12 teams in one workspace, 2 in another: ids from C0 to C11, so id order is not number order.
  const teams: Team[] = Array.from({ length: 12 }, (_, i) =>
    testTeam({ platform: 'discord', workspaceId: 'G1', channelId: `C${i}` }),
  );
  const others = [0, 1].map((i) => testTeam({ platform: 'discord', workspaceId: 'G2', channelId: `C${i}` }));

  beforeAll(async () => {
    redis = new Redis(url, { maxRetriesPerRequest: null });
    store = createRedisStore(redis, prefix);
    scoring = (await loadAppConfig()).scoring;
    // Data as the bot wrote it before the teams boards: team records and week boards only.
    for (const team of [...teams, ...others]) await store.teams.save(team);
    await redis.del(keys.workspaceTeamIds('discord', 'G1'), keys.workspaceTeamIds('discord', 'G2'));
    let n = 0;
    for (const week of WEEKS)
      for (const [i, team] of [...teams, ...others].entries()) {
        // Teams 9–11 of G1 have no points; team i has i % 5 + 1 players.
        if (i >= 9 && i < 12) continue;
        for (let p = 0; p <= i % 5; p++)
          await redis.zincrby(keys.weekBoard(team.id, week), 5 + ((n++ * 7) % 30), `u${p}`);
      }
    // Teams 3 and 4 tie in W48: the same board.
    const [three, four] = [teams[3], teams[4]] as [Team, Team];
    await redis.copy(keys.weekBoard(three.id, '2026-W48'), keys.weekBoard(four.id, '2026-W48'), 'REPLACE');
  });
  afterAll(() => redis.disconnect());

  async function expectMatchesRecompute(
    workspaceId: string,
    week: string,
    callers: Team[],
  ): Promise<TeamStanding[]> {
    const full = await recomputeStandings(redis, keys, 'discord', workspaceId, week);
    for (const caller of callers) {
      const board = await store.boards.teamsBoard(caller.address, week, 10, caller.id);
      const strip = ({ rank, teamId, points, players }: TeamStanding) => ({ rank, teamId, points, players });
      expect(board.top.map(strip)).toEqual(full.slice(0, 10));
      expect(board.count).toBe(full.length);
      expect(board.me).toEqual(full.find((s) => s.teamId === caller.id));
    }
    return full;
  }

  it('GIVEN week boards from before THEN nothing shows until the backfill, which builds every week exactly', async () => {
    // Before the backfill the teams boards are empty: every team reads as 0 points.
    const before = await store.boards.teamsBoard(
      teams[0]?.address as Team['address'],
      '2026-W48',
      10,
      teams[0]?.id,
    );
    expect(before.me?.points).toBe(0);

    expect(await backfillTeamsBoards(redis, keys)).toEqual({ teams: 14, weekBoards: 2 * 11 });
    for (const week of WEEKS) {
      const full = await expectMatchesRecompute('G1', week, teams);
      expect(full.filter((s) => s.points > 0)).toHaveLength(9);
      await expectMatchesRecompute('G2', week, others);
    }
    const w48 = await recomputeStandings(redis, keys, 'discord', 'G1', '2026-W48');
    const three = w48.find((s) => s.teamId === teams[3]?.id);
    expect(w48.find((s) => s.teamId === teams[4]?.id)?.rank).toBe(three?.rank);
  });

  it('GIVEN the backfill done THEN a second start skips it, and closes keep the board exact', async () => {
    expect(await backfillTeamsBoards(redis, keys)).toBeUndefined();
    const team = teams[10] as Team; // no points so far
    const round = {
      id: 'daily-after-backfill',
      teamId: team.id,
      kind: 'daily' as const,
      quizId: 'q1',
      optionCount: 4,
      answer: 1,
      category: 'networking',
      openedAt: 1000,
      closesAt: 2000,
      localDate: '2026-11-27',
      week: '2026-W48',
    };
    await store.rounds.create(round);
    for (const p of ['a', 'b', 'c', 'd'])
      await store.rounds.recordAnswer(team.id, round.id, { id: p, name: p }, 1, 1500);
    const stored = await store.rounds.get(round.id);
    await store.rounds.close(stored as NonNullable<typeof stored>, scoring, team);
    const full = await expectMatchesRecompute('G1', '2026-W48', teams);
    expect(full.find((s) => s.teamId === team.id)?.points).toBeGreaterThan(0);
  });

  it('GIVEN the backfill run again (marker gone) THEN it changes nothing', async () => {
    const before = await redis.zrange(keys.teamsBoard('discord', 'G1', '2026-W48'), 0, -1, 'WITHSCORES');
    await redis.del(keys.teamsBoardsBackfilled());
    expect(await backfillTeamsBoards(redis, keys)).toEqual({ teams: 14, weekBoards: 2 * 11 + 1 });
    expect(await redis.zrange(keys.teamsBoard('discord', 'G1', '2026-W48'), 0, -1, 'WITHSCORES')).toEqual(
      before,
    );
  });
});
