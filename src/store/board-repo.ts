import type { Redis } from 'ioredis';
import {
  type Board,
  type CategoryTally,
  type PlayerStats,
  rankScores,
  type TeamStanding,
  type TeamsBoard,
  type TeamsBoardEntry,
} from '../core/boards.js';
import { isoWeekDates } from '../core/local-time.js';
import type { Player } from '../core/model.js';
import type { BoardRepo, WorkspaceRef } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { runScript } from './scripts.js';
import { sumTallies, talliesFrom } from './tallies.js';

export class RedisBoardRepo implements BoardRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** The top `limit` and the caller's place, in one round trip (read-board.lua). */
  async board(teamId: string, scope: { week: string } | 'all', limit: number, meId?: string): Promise<Board> {
    const key = scope === 'all' ? this.keys.allBoard(teamId) : this.keys.weekBoard(teamId, scope.week);
    const [flat, names, me] = (await runScript(
      this.redis,
      'readBoard',
      [key, this.keys.names(teamId)],
      [limit, meId ?? ''],
    )) as [string[], (string | null)[], [string, number, string] | []];
    const ids = flat.filter((_, i) => i % 2 === 0);
    const top = rankScores(
      ids.map((playerId, i) => ({ playerId, name: names[i] ?? playerId, points: Number(flat[i * 2 + 1]) })),
    );
    const board: Board = { top };
    if (meId) {
      const mine = top.find((e) => e.playerId === meId);
      if (mine) board.me = mine;
      else if (me.length === 3) {
        const [score, higher, name] = me;
        board.me = { rank: higher + 1, playerId: meId, name, points: Number(score) };
      }
    }
    return board;
  }

  /** The teams board in one round trip (read-teams-board.lua); close-round.lua keeps it. */
  async teamsBoard(workspace: WorkspaceRef, week: string, limit: number, meId?: string): Promise<TeamsBoard> {
    const { platform, workspaceId } = workspace;
    const k = this.keys;
    const [count, flat, me] = (await runScript(
      this.redis,
      'readTeamsBoard',
      [
        k.teamsBoard(platform, workspaceId, week),
        k.workspaceTeamIds(platform, workspaceId),
        k.workspaceTeams(platform, workspaceId),
      ],
      [limit, meId ?? '', k.team(''), k.weekBoardPrefix(), `:${week}`],
    )) as [number, (string | number | null)[], [number, number, number] | []];
    const top: TeamsBoardEntry[] = [];
    for (let i = 0; i < flat.length; i += 4) {
      const points = Number(flat[i + 1]);
      // Listed from the first place down: a team ranks where its run of equal points starts.
      const rank =
        i > 0 && top[top.length - 1]?.points === points
          ? (top[top.length - 1] as TeamStanding).rank
          : i / 4 + 1;
      const channelId = flat[i + 3];
      top.push({
        rank,
        teamId: String(flat[i]),
        points,
        players: Number(flat[i + 2]),
        ...(channelId ? { channelId: String(channelId) } : {}),
      });
    }
    const board: TeamsBoard = { top, count };
    if (meId && me.length === 3) board.me = { rank: me[0], teamId: meId, points: me[1], players: me[2] };
    return board;
  }

  async playerStats(teamId: string, playerId: string, week: string): Promise<PlayerStats | undefined> {
    const [hash, weekScore, allScore] = await Promise.all([
      this.redis.hgetall(`${this.keys.statsPrefix(teamId)}${playerId}`),
      this.redis.zscore(this.keys.weekBoard(teamId, week), playerId),
      this.redis.zscore(this.keys.allBoard(teamId), playerId),
    ]);
    if (!hash.answered) return undefined;
    const stats: PlayerStats = {
      answered: Number(hash.answered),
      correct: Number(hash.correct ?? 0),
      categories: talliesFrom(hash),
      streak: Number(hash.streak ?? 0),
      bestStreak: Number(hash.bestStreak ?? 0),
      weekPoints: Number(weekScore ?? 0),
      allPoints: Number(allScore ?? 0),
    };
    if (hash.lastCorrectDate) stats.lastCorrectDate = hash.lastCorrectDate;
    return stats;
  }

  async findPlayer(teamId: string, idOrName: string): Promise<Player | undefined> {
    const names = await this.redis.hgetall(this.keys.names(teamId));
    if (names[idOrName] !== undefined) return { id: idOrName, name: names[idOrName] };
    const wanted = idOrName.toLowerCase();
    const match = Object.entries(names).find(([, name]) => name.toLowerCase() === wanted);
    return match ? { id: match[0], name: match[1] } : undefined;
  }

  async rememberName(teamId: string, player: Player): Promise<void> {
    await this.redis.hset(this.keys.names(teamId), player.id, player.name);
  }

  weekTallies(teamId: string, week: string): Promise<CategoryTally[]> {
    // The week's seven dates, plus the per-week hash older versions wrote (answers from before an upgrade).
    const days = isoWeekDates(week).map((date) => this.keys.masteryDay(teamId, date));
    return sumTallies(this.redis, [...days, this.keys.legacyWeekTally(teamId, week)]);
  }

  async longestStreak(teamId: string, week: string): Promise<{ player: Player; streak: number } | undefined> {
    const [id, score] = await this.redis.zrevrange(this.keys.weekStreaks(teamId, week), 0, 0, 'WITHSCORES');
    if (!id || !score) return undefined;
    const name = (await this.redis.hget(this.keys.names(teamId), id)) ?? id;
    return { player: { id, name }, streak: Number(score) };
  }
}
