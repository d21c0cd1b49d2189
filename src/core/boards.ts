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
  return sorted.map((entry, i) => {
    const firstEqual = sorted.findIndex((e) => e.points === entry.points);
    return { ...entry, rank: firstEqual === -1 ? i + 1 : firstEqual + 1 };
  });
}
