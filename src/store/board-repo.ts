import type { Redis } from 'ioredis';
import {
  type Board,
  type CategoryTally,
  type PlayerStats,
  rankScores,
  type TeamStanding,
} from '../core/boards.js';
import { isoWeekDates } from '../core/local-time.js';
import type { Player, Team } from '../core/model.js';
import type { BoardRepo } from '../core/store-ports.js';
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

  async teamStandings(teams: readonly Team[], week: string): Promise<TeamStanding[]> {
    const pipeline = this.redis.pipeline();
    for (const t of teams) {
      pipeline.zrevrange(this.keys.weekBoard(t.id, week), 0, 2, 'WITHSCORES');
      pipeline.zcard(this.keys.weekBoard(t.id, week));
    }
    const replies = (await pipeline.exec()) ?? [];
    const standings = teams.map((t, i) => {
      const top3 = (replies[i * 2]?.[1] as string[] | undefined) ?? [];
      const points = top3.filter((_, j) => j % 2 === 1).reduce((sum, s) => sum + Number(s), 0);
      return { teamId: t.id, points, players: Number(replies[i * 2 + 1]?.[1] ?? 0) };
    });
    standings.sort((a, b) => b.points - a.points || a.teamId.localeCompare(b.teamId));
    return rankScores(standings);
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
