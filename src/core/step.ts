/**
 * A delivery step: one platform call the bot makes by itself (a post or an update), with a
 * stable id, recorded as intended → sent (with the platform's message reference) → done.
 * A job that runs again after a crash finds the record and finishes the step instead of
 * losing or repeating the post.
 */
import type { RecoveryJob } from './ports.js';

export type StepState = 'intended' | 'sent' | 'done';

export interface StepRecord {
  id: string;
  state: StepState;
  /** When the first run meant to make the call (ms); a retry looks for the post since then. */
  intendedAt: number;
  /** The platform's reference of what was posted (empty for updates). */
  ref?: string;
  /** The job that finishes this step when a crash interrupted it (start-up runs it). */
  resume?: RecoveryJob;
}

/** Stable step ids: a retried job must find the same step. */
export const stepIds = {
  question: (roundId: string) => `post:${roundId}`,
  /** The question message losing its buttons at the close. */
  closeQuestion: (roundId: string) => `close:${roundId}`,
  reveal: (roundId: string) => `reveal:${roundId}`,
  standings: (liveId: string) => `standings:${liveId}`,
  weekly: (teamId: string, week: string) => `weekly:${teamId}:${week}`,
  /** The playground's preview of this week so far: one per request. */
  weeklySoFar: (teamId: string, week: string, at: number) => `weekly-so-far:${teamId}:${week}:${at}`,
  /** A player's review reminder, once per team-local date. */
  reviewReminder: (teamId: string, playerId: string, localDate: string) =>
    `remind:${teamId}:${playerId}:${localDate}`,
  /** The notice that a channel's categories yield no item, once per local date. */
  noItems: (teamId: string, localDate: string) => `no-items:${teamId}:${localDate}`,
};

/**
 * What a post step did, as jobs report it:
 * `posted` — this run posted it; `recovered` — an earlier run was interrupted and this run
 * posted it (on Discord, possibly by getting back the message the platform already had);
 * `found-existing` — an earlier run's post was found (recorded, or looked up on the platform)
 * and its step finished; `already-posted` — the step was done before this run;
 * `refused` — the platform refused for good (the team is paused); `skipped` — nothing to post.
 */
export type PostOutcome =
  | 'posted'
  | 'recovered'
  | 'found-existing'
  | 'already-posted'
  | 'refused'
  | 'skipped';

/** What an update step did; `no-message` when the message to update was never recorded. */
export type UpdateOutcome = 'updated' | 'already-updated' | 'no-message' | 'refused';
