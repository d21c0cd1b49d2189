import type { ScoringConfig } from '../config/app-config.js';
import type { Board, BoardEntry, CategoryTally, PlayerStats, TeamStanding } from './boards.js';
import type { LiveRound } from './live-round.js';
import type { Player, Team } from './model.js';
import type { ItemReport } from './reports.js';
import type { AnswerOutcome, CloseOutcome, Round, RoundInit, RoundResults } from './round.js';

/** Registered teams. */
export interface TeamRepo {
  save(team: Team): Promise<void>;
  get(teamId: string): Promise<Team | undefined>;
  all(): Promise<Team[]>;
  inWorkspace(platform: string, workspaceId: string): Promise<Team[]>;
}

/** Once-only markers: a message is posted once even when its job runs twice. */
export interface Claims {
  /** True for the first caller only. */
  claim(name: string): Promise<boolean>;
  /** Gives a claim back after a delivery failed, so the retried job may post. */
  release(name: string): Promise<void>;
}

export interface DailyHistory {
  used: ReadonlySet<string>;
  lastCategory?: string;
  lastDate?: string;
  latestRoundId?: string;
}

export interface RoundRepo {
  /** Creates the round unless it exists; returns the stored round either way. */
  create(init: RoundInit): Promise<Round>;
  get(roundId: string): Promise<Round | undefined>;
  setMessageRef(roundId: string, ref: string): Promise<void>;
  /** Records the first answer of a player; a press from another team's channel finds nothing. */
  recordAnswer(
    teamId: string,
    roundId: string,
    player: Player,
    choice: number,
    now: number,
  ): Promise<AnswerOutcome>;
  /** Closes once and awards points atomically; undefined when the round has expired. */
  close(round: Round, scoring: ScoringConfig): Promise<CloseOutcome | undefined>;
  results(roundId: string): Promise<RoundResults | undefined>;
  dailyHistory(teamId: string): Promise<DailyHistory>;
  /** Remembers the posted daily item (rotation) and makes it the team's latest daily round. */
  markDailyPosted(round: Round): Promise<void>;
  resetDailyCycle(teamId: string): Promise<void>;
}

export interface LiveRepo {
  /** Starts the round unless one runs in the team; returns the running one when busy. */
  start(live: LiveRound): Promise<{ started: true } | { started: false; running: LiveRound }>;
  get(liveId: string): Promise<LiveRound | undefined>;
  runningIn(teamId: string): Promise<LiveRound | undefined>;
  update(liveId: string, patch: Partial<Pick<LiveRound, 'index' | 'status' | 'stoppedBy'>>): Promise<void>;
  /** Frees the team's live slot; the round's standings stay readable. */
  finish(live: LiveRound): Promise<void>;
  standings(liveId: string, teamId: string): Promise<BoardEntry[]>;
}

export interface BoardRepo {
  board(teamId: string, scope: { week: string } | 'all', limit: number, meId?: string): Promise<Board>;
  teamStandings(teams: readonly Team[], week: string): Promise<TeamStanding[]>;
  playerStats(teamId: string, playerId: string, week: string): Promise<PlayerStats | undefined>;
  /** A player of the team by id or (case-insensitive) display name. */
  findPlayer(teamId: string, idOrName: string): Promise<Player | undefined>;
  rememberName(teamId: string, player: Player): Promise<void>;
  weekTallies(teamId: string, week: string): Promise<CategoryTally[]>;
  longestStreak(teamId: string, week: string): Promise<{ player: Player; streak: number } | undefined>;
}

/** Players' reports on quiz items (see core/reports.ts). */
export interface ReportRepo {
  /** Keeps one report per player and item: `replaced` when the player had reported it before. */
  record(report: ItemReport): Promise<'new' | 'replaced'>;
  /** Every report, oldest first. */
  all(): Promise<ItemReport[]>;
  /** Items reported by at least this many different players: kept out of the daily question. */
  heldBack(minReporters: number): Promise<Set<string>>;
  /** A maintainer dealt with the item: its reports go, and it is drawn again. Returns how many went. */
  clear(quizId: string): Promise<number>;
}

/** Everything the engine keeps, behind ports so core never imports a Redis client. */
export interface QuizStore {
  teams: TeamRepo;
  claims: Claims;
  rounds: RoundRepo;
  lives: LiveRepo;
  boards: BoardRepo;
  reports: ReportRepo;
}
