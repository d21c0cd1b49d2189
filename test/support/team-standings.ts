import type { Redis } from 'ioredis';
import { rankScores, type TeamStanding } from '../../src/core/boards.js';
import type { Keys } from '../../src/store/keys.js';

/**
 * The teams board recomputed from scratch, as the bot read it before the teams boards: every
 * team of the workspace, the sum of its top three on its week board, points high to low, then
 * team id. Tests hold the incremental board against it.
 */
export async function recomputeStandings(
  redis: Redis,
  keys: Keys,
  platform: string,
  workspaceId: string,
  week: string,
): Promise<TeamStanding[]> {
  const ids = await redis.smembers(keys.workspaceTeams(platform, workspaceId));
  const standings = await Promise.all(
    ids.map(async (teamId) => {
      const top3 = await redis.zrevrange(keys.weekBoard(teamId, week), 0, 2, 'WITHSCORES');
      const points = top3.filter((_, j) => j % 2 === 1).reduce((sum, s) => sum + Number(s), 0);
      return { teamId, points, players: await redis.zcard(keys.weekBoard(teamId, week)) };
    }),
  );
  standings.sort((a, b) => b.points - a.points || a.teamId.localeCompare(b.teamId));
  return rankScores(standings);
}
