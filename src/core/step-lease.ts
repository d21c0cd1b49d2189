import { randomUUID } from 'node:crypto';
import type { EngineContext } from './context.js';
import { DeliveryError } from './ports.js';

/**
 * A step's lease keeps two runs of one job (a falsely stalled job, two replicas) off the same
 * step: the second waits until the first is done, then finds the step finished. It is short
 * and renewed while held, so a run that died frees it within seconds.
 */
export const LEASE_MS = 4000;
const RENEW_MS = 1000;
const POLL_MS = 100;
/** A run that waits longer than this (15 s) for a step gives up; its job retries with backoff. */
const MAX_POLLS = 150;

export interface HeldLease {
  /** Throws when the lease was lost (this run stalled past it); called right before a platform call. */
  confirm(): Promise<void>;
  /** A script freed the lease with its last write: no separate release. */
  released(): void;
}

export async function withStepLease<T>(
  ctx: EngineContext,
  stepId: string,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  const { steps } = ctx.store;
  const holder = randomUUID();
  // Counted in polls, not read from a clock: the lease lives in Redis time, tests move ctx.clock.
  for (let polls = 0; !(await steps.lease(stepId, holder, LEASE_MS)); polls++) {
    if (polls >= MAX_POLLS)
      throw new DeliveryError('transient', `step ${stepId} is busy in another run`, 1000);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return holdLease(ctx, stepId, holder, work);
}

/** A fresh holder id for a lease taken by a script (see DailyRepo.begin). */
export const leaseHolder = (): string => randomUUID();

/**
 * Keeps a lease `holder` has just taken: renewed every second while `work` runs, freed after it
 * unless `work` said a script already freed it (`released()`).
 */
export async function holdLease<T>(
  ctx: EngineContext,
  stepId: string,
  holder: string,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  const { steps } = ctx.store;
  let lost = false;
  let released = false;
  const renew = setInterval(() => {
    steps.renewLease(stepId, holder, LEASE_MS).then(
      (held) => {
        if (!held) lost = true;
      },
      () => undefined, // Redis away: the next renewal or confirm() decides
    );
  }, RENEW_MS);
  renew.unref();
  try {
    return await work({
      async confirm() {
        if (lost || !(await steps.renewLease(stepId, holder, LEASE_MS)))
          throw new DeliveryError('transient', `lost the lease of step ${stepId}`, 1000);
      },
      released() {
        released = true;
      },
    });
  } finally {
    clearInterval(renew);
    if (!released) await steps.releaseLease(stepId, holder).catch(() => undefined);
  }
}
