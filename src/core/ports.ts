import type { Team } from './model.js';
import type { View } from './view.js';

/** Time is a port: tests move it; core never reads Date.now() directly. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Channel messages the bot sends by itself (scheduled posts, reveals), per platform. */
export interface Outbox {
  /** Posts to the team's channel and returns an opaque reference for later updates. */
  post(team: Team, view: View): Promise<string>;
  /** Replaces a posted message (e.g. to disable the answer buttons at the reveal). */
  update(team: Team, messageRef: string, view: View): Promise<void>;
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

/** Schedules the engine's jobs; implemented with BullMQ in src/jobs. */
export interface JobPlanner {
  /** Creates or updates the team's daily and weekly job schedulers (none while paused). */
  syncTeam(team: Team): Promise<void>;
  closeRoundAt(roundId: string, at: number): Promise<void>;
  /** Closes a round now instead of at its time (everyone answered, or the round was stopped). */
  closeRoundNow(roundId: string): Promise<void>;
  nextQuestionAt(liveId: string, index: number, at: number): Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
