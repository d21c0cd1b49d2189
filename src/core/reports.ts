/** Why a player thinks a quiz item is wrong; stable ids (stored and shown to maintainers). */
export const REPORT_REASONS = ['wrong-key', 'outdated', 'unclear', 'typo'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const isReportReason = (value: string): value is ReportReason =>
  (REPORT_REASONS as readonly string[]).includes(value);

/** Longest optional comment a report keeps (Discord's and Slack's text inputs allow more). */
export const REPORT_TEXT_MAX = 500;

/** One player's report on one quiz item; a second report by the same player replaces it. */
export interface ItemReport {
  quizId: string;
  /** The channel it was sent from. */
  teamId: string;
  playerId: string;
  playerName: string;
  reason: ReportReason;
  text?: string;
  at: number;
}

/** A player is one per platform account: the same id in two channels of a workspace is one reporter. */
export const reporterKey = (teamId: string, playerId: string): string =>
  `${teamId.split(':').slice(0, 2).join(':')}:${playerId}`;
