/** One question put to a team: the daily question, or one question of a live round. */
export interface Round {
  id: string;
  teamId: string;
  kind: 'daily' | 'live';
  quizId: string;
  optionCount: number;
  /** Index of the correct option. */
  answer: number;
  category: string;
  openedAt: number;
  closesAt: number;
  /** Team-local date (yyyy-MM-dd) and ISO week (2026-W48) the round counts for. */
  localDate: string;
  week: string;
  status: 'open' | 'closed';
  /** Daily: local date of the team's previous daily question (a streak continues from it). */
  previousDailyDate?: string;
  /** Daily: drawn for the team's focus category (see mastery.ts); the rotation's turn stays where it was. */
  focus?: boolean;
  /** Live: the round and position this question belongs to. */
  liveId?: string;
  index?: number;
  /** Live: the previous question, whose players close this one early once they all answered. */
  previousRoundId?: string;
}

export type RoundInit = Omit<Round, 'status'>;

export type AnswerOutcome =
  | { status: 'recorded'; choice: number; everyoneAnswered: boolean; closesAt: number }
  | { status: 'already'; choice: number }
  | { status: 'closed' }
  | { status: 'unknown' };

/** One player's scored answer, as fixed at the close. */
export interface ScoredAnswer {
  playerId: string;
  name: string;
  choice: number;
  correct: boolean;
  points: number;
  answeredAt: number;
  /** Daily: the player's streak of correct days after this round. */
  streak?: number;
}

export interface RoundResults {
  roundId: string;
  /** Answers in the order they came in. */
  answers: ScoredAnswer[];
  /** Number of answers per option. */
  split: number[];
}

export interface CloseOutcome {
  /** True only for the one call that closed the round and awarded its points. */
  closedNow: boolean;
  results: RoundResults;
}
