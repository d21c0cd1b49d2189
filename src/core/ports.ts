import type { Team } from './model.js';
import type { View } from './view.js';

/** Time is a port: tests move it; core never reads Date.now() directly. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The delivery step a post belongs to (see step.ts), as far as a platform needs to know it. */
export interface PostStep {
  /** Stable id: a platform that dedupes by key (Discord's nonce) derives the key from it. */
  id: string;
  /** When the step was first intended (ms): the earliest a post of it can be on the platform. */
  intendedAt: number;
  /**
   * An earlier run began this step and did not record the result: the post may already be
   * there. A platform that can look it up does so before posting again.
   */
  retry: boolean;
}

export interface PostReceipt {
  /** Opaque reference for later updates. */
  ref: string;
  /** True when the post was found on the platform (from an earlier run) rather than made now. */
  found: boolean;
}

/** Channel messages the bot sends by itself (scheduled posts, reveals), per platform. */
export interface Outbox {
  /** Posts to the team's channel at most once per step where the platform allows (see README). */
  post(team: Team, view: View, step: PostStep): Promise<PostReceipt>;
  /** Replaces a posted message (e.g. to disable the answer buttons at the reveal). */
  update(team: Team, messageRef: string, view: View): Promise<void>;
  /**
   * A message for one player of the team only (Discord: a DM; Slack: an ephemeral message in
   * the team's channel; the playground: printed for that player). A platform without it sends
   * no review reminders.
   */
  postPrivately?(team: Team, playerId: string, view: View, step: PostStep): Promise<PostReceipt>;
}

/**
 * A platform refused a delivery. `transient` faults (rate limit, 5xx) are retried by the
 * job; `permanent` ones (missing permission, deleted channel) pause the team instead.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent',
    message: string,
    readonly retryAfterMs?: number,
    /** For permanent faults: what admins are told (translated), else the message is shown. */
    readonly reason?: 'forbidden' | 'gone',
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A job start-up runs at once to finish what a crash interrupted (each job is idempotent). */
export type RecoveryJob =
  | { name: 'daily'; teamId: string; at: number }
  | { name: 'close'; roundId: string }
  /** Posts an existing round's question (daily or live) and schedules its close. */
  | { name: 'question'; roundId: string }
  | { name: 'next'; liveId: string; index: number }
  | { name: 'weekly'; teamId: string; at: number; scope?: 'last' | 'current' };

/** Schedules the engine's jobs; implemented with BullMQ in src/jobs. */
export interface JobPlanner {
  /** Creates or updates the team's daily and weekly job schedulers (none while paused). */
  syncTeam(team: Team): Promise<void>;
  closeRoundAt(roundId: string, at: number): Promise<void>;
  /**
   * One job at `at` that closes every daily round waiting for that close time (see
   * rounds/daily-close.ts). Each process queues it once per close time unless `again`; true
   * when this call queued it.
   */
  closeDueAt(at: number, again?: boolean): Promise<boolean>;
  /** The close jobs of these rounds, to run now (a round's existing close job is kept). */
  closeRoundsNow(roundIds: readonly string[]): Promise<void>;
  /** Closes a round now instead of at its time (everyone answered, or the round was stopped). */
  closeRoundNow(roundId: string): Promise<void>;
  nextQuestionAt(liveId: string, index: number, at: number): Promise<void>;
  /**
   * Runs a job now under a one-off id, beside any copy still queued or stalled — the copy
   * finds its steps done. Start-up uses it so recovery does not wait for stall detection.
   */
  recover(job: RecoveryJob): Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** One rate a platform holds the bot to: `perSecond` calls, `burst` of them at once. */
export interface PaceRate {
  /** What the rate is about, e.g. `discord` (the bot's global limit) or `slack:ch:C123`. */
  key: string;
  perSecond: number;
  /** @defaultValue 1 — evenly spaced */
  burst?: number;
}

/**
 * Spaces the bot's own posts at the platforms' rates, across every replica (the slots are
 * kept in Redis), so a busy minute goes out at the platform's pace instead of into 429s.
 */
export interface Pacer {
  /** Waits for the next slot free under every rate given (reserved at once, so no one queues twice). */
  wait(rates: readonly PaceRate[]): Promise<void>;
}
