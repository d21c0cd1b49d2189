import type { ScoringConfig } from '../config/app-config.js';
import type { Board, BoardEntry, CategoryTally, PlayerStats, TeamsBoard } from './boards.js';
import type { DeckCard } from './deck.js';
import type { LiveRound } from './live-round.js';
import type { TeamFocus } from './mastery.js';
import type { Player, Team, TeamAddress } from './model.js';
import type { RecoveryJob } from './ports.js';
import type { ItemReport } from './reports.js';
import type { AnswerOutcome, CloseOutcome, Round, RoundInit, RoundResults } from './round.js';
import type { StepRecord } from './step.js';

/** Registered teams. */
export interface TeamRepo {
  save(team: Team): Promise<void>;
  get(teamId: string): Promise<Team | undefined>;
  /**
   * The team as read at most a few seconds ago by this process (or as this process last saved
   * it): for the hot path of a press, where a second Redis round trip per press is not worth it.
   * A change saved by another replica shows here within that time; jobs and admin commands use get.
   */
  recent(teamId: string): Promise<Team | undefined>;
  all(): Promise<Team[]>;
  inWorkspace(platform: string, workspaceId: string): Promise<Team[]>;
}

/** Delivery steps (see step.ts) and the short lease that keeps two workers off one step. */
export interface StepRepo {
  /**
   * Records the step as intended unless it exists (`fresh` says this call created it) and
   * keeps it in flight — with the job that finishes it — until it is done.
   */
  begin(stepId: string, now: number, resume: RecoveryJob): Promise<{ record: StepRecord; fresh: boolean }>;
  get(stepId: string): Promise<StepRecord | undefined>;
  /** Moves the step forward to `sent` (with the platform's reference) or `done`; never back. */
  advance(stepId: string, state: 'sent' | 'done', ref?: string): Promise<void>;
  /** Steps begun and not done, oldest first: what a crash may have interrupted. */
  inFlight(): Promise<string[]>;
  /** The platform refused the step for good: start-up stops trying it. */
  abandon(stepId: string): Promise<void>;
  /** Takes the step's lease for `ttlMs` unless another holder has it. */
  lease(stepId: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease while `holder` still has it; false when it was lost. */
  renewLease(stepId: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(stepId: string, holder: string): Promise<void>;
}

export interface DailyHistory {
  used: ReadonlySet<string>;
  lastCategory?: string;
  lastDate?: string;
  latestRoundId?: string;
}

/** What the daily job reads, in one round trip. */
export interface DailyContext {
  team?: Team;
  /** The rounds stored under the ids asked for (undefined: none), in the same order: id and item. */
  rounds: (Pick<Round, 'id' | 'quizId'> | undefined)[];
  history: DailyHistory;
  /** Items held back by players' reports. */
  held: Set<string>;
  focus?: TeamFocus;
  /** Players who turned the review reminder on (sorted), so the daily job reads the team once. */
  reminded: string[];
}

export interface DailyBegun {
  /** The stored round (undefined: it was not there and none was given to create). */
  round?: Round;
  /** The post step's lease, when this run took it (else another run holds it). */
  leased: boolean;
  step?: { record: StepRecord; fresh: boolean };
}

/**
 * The daily post in three round trips: read everything (context), then create the round, take
 * the lease and begin the step (begin), then after the post finish the step with the history
 * (finish). Each write is one script, so a retry finds what a crashed run left.
 */
export interface DailyRepo {
  context(teamId: string, roundIds: readonly string[], minReporters: number): Promise<DailyContext>;
  begin(
    round: { id: string; create?: RoundInit; newCycle: boolean },
    step: { id: string; now: number; resume: RecoveryJob; holder: string; ttlMs: number },
  ): Promise<DailyBegun>;
  /**
   * The step done with `ref`, the item used, the round the team's latest, the lease freed; with
   * `sharedClose`, the round waits for its close time's shared close job. True when it is the
   * first round waiting for that close time.
   */
  finish(round: Round, stepId: string, ref: string, holder: string, sharedClose: boolean): Promise<boolean>;
  /** The round waits for its close time's shared close job; true when it is the first to. */
  awaitClose(roundId: string, closesAt: number): Promise<boolean>;
  /** Up to `limit` posted daily rounds waiting for a close due by `at`. */
  waitingForClose(at: number, limit: number): Promise<string[]>;
  /** Those rounds have their close jobs queued: they wait no more. */
  closeQueued(roundIds: readonly string[]): Promise<void>;
}

export interface RoundRepo {
  /** Creates the round unless it exists; returns the stored round either way. */
  create(init: RoundInit): Promise<Round>;
  get(roundId: string): Promise<Round | undefined>;
  /** Rounds not closed yet, with their close times (an index kept by create and close). */
  open(): Promise<{ roundId: string; closesAt: number }[]>;
  /** Records the first answer of a player; a press from another team's channel finds nothing. */
  recordAnswer(
    teamId: string,
    roundId: string,
    player: Player,
    choice: number,
    now: number,
  ): Promise<AnswerOutcome>;
  /** Closes once and awards points atomically; undefined when the round has expired. */
  /** `team` (when registered): its line on the workspace's teams board follows the points, in the same script. */
  close(round: Round, scoring: ScoringConfig, team?: Team): Promise<CloseOutcome | undefined>;
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
  /** Ids of rounds started and not finished (an index kept by start and finish). */
  unfinished(): Promise<string[]>;
  update(liveId: string, patch: Partial<Pick<LiveRound, 'index' | 'status' | 'stoppedBy'>>): Promise<void>;
  /** Frees the team's live slot; the round's standings stay readable. */
  finish(live: LiveRound): Promise<void>;
  standings(liveId: string, teamId: string): Promise<BoardEntry[]>;
}

/** A Slack workspace or Discord server: the teams board ranks its channels. */
export type WorkspaceRef = Pick<TeamAddress, 'platform' | 'workspaceId'>;

export interface BoardRepo {
  board(teamId: string, scope: { week: string } | 'all', limit: number, meId?: string): Promise<Board>;
  /**
   * A workspace's teams ranked by the sum of each team's top three players in the week (points
   * high to low, then team id): the top `limit`, `meId`'s team and the number of teams.
   */
  teamsBoard(workspace: WorkspaceRef, week: string, limit: number, meId?: string): Promise<TeamsBoard>;
  playerStats(teamId: string, playerId: string, week: string): Promise<PlayerStats | undefined>;
  /** A player of the team by id or (case-insensitive) display name. */
  findPlayer(teamId: string, idOrName: string): Promise<Player | undefined>;
  rememberName(teamId: string, player: Player): Promise<void>;
  /** The team's answers per category in an ISO week (the weekly chart): the same tallies mastery reads. */
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

/** Answers per category by team-local date (kept 40 days), and the daily question's focus. */
export interface MasteryRepo {
  /** The team's answers per category summed over these local dates, or one player's. */
  tallies(teamId: string, dates: readonly string[], playerId?: string): Promise<CategoryTally[]>;
  focus(teamId: string): Promise<TeamFocus | undefined>;
  /**
   * Keeps the focus a weekly announcement chose, unless one for this week or a later one is
   * stored (a retried announcement keeps the first choice); returns the stored focus.
   */
  chooseFocus(teamId: string, focus: Omit<TeamFocus, 'days'>): Promise<TeamFocus>;
}

/**
 * Players' review decks (see core/deck.ts): one hash per player and team, one card per item.
 * A card changes only through `update`, which applies a change to the card as stored and
 * retries when another write got there first, so two answers never lose one another.
 */
export interface DeckRepo {
  cards(teamId: string, playerId: string): Promise<DeckCard[]>;
  card(teamId: string, playerId: string, quizId: string): Promise<DeckCard | undefined>;
  /**
   * Applies `change` to the stored card (undefined: none yet) and stores what it returns;
   * undefined from `change` leaves the card as it is. Returns the card written, if any.
   */
  update(
    teamId: string,
    playerId: string,
    quizId: string,
    change: (card: DeckCard | undefined) => DeckCard | undefined,
  ): Promise<DeckCard | undefined>;
  /** Turns a player's daily review reminder on or off (off by default). */
  setReminder(teamId: string, playerId: string, on: boolean): Promise<void>;
  /** Players of the team who want the reminder. */
  reminded(teamId: string): Promise<string[]>;
}

/** Everything the engine keeps, behind ports so core never imports a Redis client. */
export interface QuizStore {
  teams: TeamRepo;
  daily: DailyRepo;
  steps: StepRepo;
  rounds: RoundRepo;
  lives: LiveRepo;
  boards: BoardRepo;
  reports: ReportRepo;
  mastery: MasteryRepo;
  decks: DeckRepo;
}
