/** Every Redis key the bot uses, built in one place under one prefix. */
export class Keys {
  constructor(readonly prefix: string) {}

  /** A SCAN pattern matching every key under the prefix (BullMQ's included): the playground's `:reset`. */
  everything = () => `${this.prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;

  team = (teamId: string) => `${this.prefix}team:${teamId}`;
  teams = () => `${this.prefix}teams`;
  workspaceTeams = (platform: string, workspaceId: string) =>
    `${this.prefix}workspace:${platform}:${workspaceId}`;
  step = (stepId: string) => `${this.prefix}step:${stepId}`;
  stepLease = (stepId: string) => `${this.prefix}step:${stepId}:lease`;
  /** Steps begun and not done (score: when begun): start-up finishes them. */
  stepsInFlight = () => `${this.prefix}steps:in-flight`;
  /** The next free slot under one of a platform's rates (see pacer.ts). */
  pace = (key: string) => `${this.prefix}pace:${key}`;
  /** Live rounds started and not finished. */
  unfinishedLives = () => `${this.prefix}lives:unfinished`;

  round = (roundId: string) => `${this.prefix}round:${roundId}`;
  answers = (roundId: string) => `${this.prefix}round:${roundId}:answers`;
  answerOrder = (roundId: string) => `${this.prefix}round:${roundId}:order`;
  results = (roundId: string) => `${this.prefix}round:${roundId}:results`;
  roundNames = (roundId: string) => `${this.prefix}round:${roundId}:names`;

  /** Sorted set of the open rounds (score: close time): start-up finds overdue ones without a scan; a gauge counts them. */
  openRounds = () => `${this.prefix}open-rounds`;

  daily = (teamId: string) => `${this.prefix}daily:${teamId}`;
  dailyUsed = (teamId: string) => `${this.prefix}daily:${teamId}:used`;

  live = (liveId: string) => `${this.prefix}live:${liveId}`;
  liveSlot = (teamId: string) => `${this.prefix}live-slot:${teamId}`;
  liveScores = (liveId: string) => `${this.prefix}live:${liveId}:scores`;

  names = (teamId: string) => `${this.prefix}names:${teamId}`;
  weekBoard = (teamId: string, week: string) => `${this.prefix}board:${teamId}:${week}`;
  allBoard = (teamId: string) => `${this.prefix}board:${teamId}:all`;
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
