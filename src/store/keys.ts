/** Every Redis key the bot uses, built in one place under one prefix. */
export class Keys {
  constructor(readonly prefix: string) {}

  /** A SCAN pattern matching every key under the prefix (BullMQ's included): the playground's `:reset`. */
  everything = () => `${escapeGlob(this.prefix)}*`;

  team = (teamId: string) => `${this.prefix}team:${teamId}`;
  teams = () => `${this.prefix}teams`;
  workspaceTeams = (platform: string, workspaceId: string) =>
    `${this.prefix}workspace:${platform}:${workspaceId}`;
  /** The workspace's team ids again, as a sorted set (all scores 0): the teams board takes teams without points from it in id order. */
  workspaceTeamIds = (platform: string, workspaceId: string) =>
    `${this.prefix}workspace-ids:${platform}:${workspaceId}`;
  step = (stepId: string) => `${this.prefix}step:${stepId}`;
  stepLease = (stepId: string) => `${this.prefix}step:${stepId}:lease`;
  /** Steps begun and not done (score: when begun): start-up finishes them. */
  stepsInFlight = () => `${this.prefix}steps:in-flight`;
  /** The next free slot under one of a platform's rates (see pacer.ts). */
  pace = (key: string) => `${this.prefix}pace:${key}`;
  /** Live rounds started and not finished. */
  unfinishedLives = () => `${this.prefix}lives:unfinished`;

  round = (roundId: string) => `${this.prefix}round:${roundId}`;
  /** `round(id)` + `:answers` and `:order`: record-answers.lua derives both from the round's key. */
  answers = (roundId: string) => `${this.prefix}round:${roundId}:answers`;
  answerOrder = (roundId: string) => `${this.prefix}round:${roundId}:order`;
  results = (roundId: string) => `${this.prefix}round:${roundId}:results`;
  /** Player names of answers recorded by older versions (newer answers carry the name): read by the close only. */
  roundNames = (roundId: string) => `${this.prefix}round:${roundId}:names`;

  /** Sorted set of the open rounds (score: close time): start-up finds overdue ones without a scan; a gauge counts them. */
  openRounds = () => `${this.prefix}open-rounds`;

  /** Posted daily rounds waiting for the shared close job of their close time (score: close time). */
  dailyCloses = () => `${this.prefix}daily-closes`;
  daily = (teamId: string) => `${this.prefix}daily:${teamId}`;
  dailyUsed = (teamId: string) => `${this.prefix}daily:${teamId}:used`;

  live = (liveId: string) => `${this.prefix}live:${liveId}`;
  liveSlot = (teamId: string) => `${this.prefix}live-slot:${teamId}`;
  liveScores = (liveId: string) => `${this.prefix}live:${liveId}:scores`;

  names = (teamId: string) => `${this.prefix}names:${teamId}`;
  weekBoard = (teamId: string, week: string) => `${this.prefix}board:${teamId}:${week}`;
  allBoard = (teamId: string) => `${this.prefix}board:${teamId}:all`;
  /** What `weekBoard` keys look like: prefix + team id + `:` + week (scripts derive a team's week board from them). */
  weekBoardPrefix = () => `${this.prefix}board:`;
  /** A SCAN pattern for every team board (week and all-time). */
  everyBoard = () => `${escapeGlob(this.prefix)}board:*`;
  /**
   * The workspace's teams with points in an ISO week: member team id, score minus the sum of the
   * team's top three players that week (negative, so ascending order is points high to low and
   * equal points fall in team-id order). Kept by the close script; no TTL, like the week boards.
   */
  teamsBoard = (platform: string, workspaceId: string, week: string) =>
    `${this.prefix}teams-board:${platform}:${workspaceId}:${week}`;
  /** Set once the teams boards were built from the week boards that existed before them (teams-board-backfill.ts). */
  teamsBoardsBackfilled = () => `${this.prefix}migrated:teams-boards`;
  /** Player stats hashes are `statsPrefix(team) + playerId` (the close script appends the id). */
  statsPrefix = (teamId: string) => `${this.prefix}stats:${teamId}:`;
  /** Before 0.2 the close tallied categories per week; still read for the week of the upgrade. */
  legacyWeekTally = (teamId: string, week: string) => `${this.prefix}tally:${teamId}:${week}`;
  /** The team's answers per category on one local date (`answered:<c>`, `correct:<c>`): weekly chart and mastery. */
  masteryDay = (teamId: string, date: string) => `${this.prefix}mastery:${teamId}:${date}`;
  /** A player's hash for the same date is `masteryDayPrefix(team, date) + playerId` (the close script appends the id). */
  masteryDayPrefix = (teamId: string, date: string) => `${this.prefix}mastery:${teamId}:${date}:`;
  /** The category the daily question leans towards after a weekly announcement, and the days it did. */
  focus = (teamId: string) => `${this.prefix}focus:${teamId}`;
  weekStreaks = (teamId: string, week: string) => `${this.prefix}streaks:${teamId}:${week}`;

  /** One hash per reported quiz item: reporter key → report JSON. */
  itemReports = (quizId: string) => `${this.prefix}reports:item:${quizId}`;
  /** Reported quiz items, scored by their number of distinct reporters. */
  reportedItems = () => `${this.prefix}reports:items`;

  /** A player's review deck: quiz item → card JSON (core/deck.ts). */
  deck = (teamId: string, playerId: string) => `${this.prefix}deck:${teamId}:${playerId}`;
  /** Players of a team who asked for the daily review reminder. */
  deckReminders = (teamId: string) => `${this.prefix}deck-remind:${teamId}`;
}

const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');
