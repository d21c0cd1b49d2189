/** A leaderboard line; ties share a rank (1, 1, 3). */
export interface BoardEntry {
  rank: number;
  playerId: string;
  name: string;
  points: number;
}

export interface Board {
  top: BoardEntry[];
  /** The caller's own line, even when outside the top. */
  me?: BoardEntry;
}

export interface TeamStanding {
  rank: number;
  teamId: string;
  points: number;
  players: number;
}

/** A team's line on the teams board: `channelId` names it (absent when the team's record is gone). */
export interface TeamsBoardEntry extends TeamStanding {
  channelId?: string;
}

/** The top of a workspace's teams board, the caller's team and how many teams there are. */
export interface TeamsBoard {
  top: TeamsBoardEntry[];
  me?: TeamStanding;
  count: number;
}

export interface CategoryTally {
  category: string;
  answered: number;
  correct: number;
}

export interface PlayerStats {
  answered: number;
  correct: number;
  categories: CategoryTally[];
  streak: number;
  bestStreak: number;
  lastCorrectDate?: string;
  weekPoints: number;
  allPoints: number;
}

/** Competition ranking, high to low: equal scores share a rank and are listed by name. */
export function rankScores<T extends { points: number; name?: string }>(
  entries: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...entries].sort(
    (a, b) => b.points - a.points || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  // Equal scores sit together once sorted: each takes the rank of the first of its run
  // (one pass — a search per entry made the teams board quadratic: 10,000 teams took a second).
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || (sorted[i - 1] as T).points !== entry.points) rank = i + 1;
    return { ...entry, rank };
  });
}
