import type { EngineContext } from './context.js';
import type { Team } from './model.js';
import { DeliveryError, type PostReceipt, type PostStep, type RecoveryJob } from './ports.js';
import type { PostOutcome, UpdateOutcome } from './step.js';
import { withStepLease } from './step-lease.js';
import type { View } from './view.js';

export interface PostDelivery {
  outcome: PostOutcome;
  /** The platform's reference of the post (none when refused). */
  ref?: string;
}

export interface StepOptions {
  /** The job that finishes the step if a crash interrupts it; start-up runs it at once. */
  resume: RecoveryJob;
  /** The step's own bookkeeping after the post (e.g. scheduling the close); runs until the step is done. */
  after?: (ref: string) => Promise<void>;
  /** How the View is sent (default: posted to the team's channel). */
  send?: (step: PostStep) => Promise<PostReceipt>;
  /**
   * A permanent refusal pauses the team (the channel is unusable) unless it concerns one
   * player only (a DM a player does not accept): `skip` leaves the team running.
   */
  onRefused?: 'pause' | 'skip';
}

/**
 * Posts a View as one delivery step: intended → sent (with the reference) → done. A run that
 * finds the step intended by a run that died hands the platform the same step (Discord dedupes
 * by nonce, Slack looks for it first), so the post is neither lost nor doubled.
 */
export function deliverPost(
  ctx: EngineContext,
  team: Team,
  stepId: string,
  view: View,
  { resume, after, send, onRefused = 'pause' }: StepOptions,
): Promise<PostDelivery> {
  return withStepLease(ctx, stepId, async (lease) => {
    const { steps } = ctx.store;
    const { record, fresh } = await steps.begin(stepId, ctx.clock.now(), resume);
    if (record.state === 'done')
      return { outcome: 'already-posted', ...(record.ref ? { ref: record.ref } : {}) };
    let ref = record.ref ?? '';
    let outcome: PostOutcome = 'found-existing';
    if (record.state === 'intended') {
      await lease.confirm();
      const step = { id: stepId, intendedAt: record.intendedAt, retry: !fresh };
      const call = () => (send ? send(step) : ctx.outbox.post(team, view, step));
      const receipt = await refusedOr(ctx, team, stepId, call, onRefused);
      if (!receipt) return { outcome: 'refused' };
      ref = receipt.ref;
      outcome = fresh ? 'posted' : receipt.found ? 'found-existing' : 'recovered';
      await steps.advance(stepId, 'sent', ref);
    }
    await after?.(ref);
    await steps.advance(stepId, 'done');
    return { outcome, ref };
  });
}

/**
 * Replaces a posted message as one step (updates are idempotent, so a retry just repeats it).
 * Without a reference — the post was never recorded — the update is skipped with one log line
 * and the caller goes on (the reveal is still posted).
 */
export function deliverUpdate(
  ctx: EngineContext,
  team: Team,
  stepId: string,
  ref: string | undefined,
  view: View,
  resume: RecoveryJob,
): Promise<UpdateOutcome> {
  return withStepLease(ctx, stepId, async (lease) => {
    const { steps } = ctx.store;
    const { record } = await steps.begin(stepId, ctx.clock.now(), resume);
    if (record.state === 'done') return 'already-updated';
    let outcome: UpdateOutcome = 'no-message';
    if (ref) {
      await lease.confirm();
      const updated = await refusedOr(ctx, team, stepId, async () => {
        await ctx.outbox.update(team, ref, view);
        return true;
      });
      if (!updated) return 'refused';
      outcome = 'updated';
    } else {
      ctx.logger.warn(
        { teamId: team.id, step: stepId },
        'no recorded message to update; skipping the update',
      );
    }
    await steps.advance(stepId, 'done');
    return outcome;
  });
}

/**
 * A transient fault rethrows (the job retries with backoff; the step stays intended); a
 * permanent one pauses the team (no retry storm), is logged once and gives undefined.
 */
export async function refusedOr<T>(
  ctx: EngineContext,
  team: Team,
  stepId: string,
  call: () => Promise<T>,
  onRefused: 'pause' | 'skip' = 'pause',
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      await ctx.store.steps.abandon(stepId);
      if (onRefused === 'pause') await pauseForFault(ctx, team, error.reason ?? error.message);
      else {
        // Done for this step's day: a retried job does not ask the platform again.
        await ctx.store.steps.advance(stepId, 'done');
        ctx.logger.warn(
          { teamId: team.id, step: stepId, err: error.message },
          'refused for one player; skipped',
        );
      }
      return undefined;
    }
    throw error;
  }
}

/** Stops scheduled posts to a team the platform refuses; admins see why on their next command. */
export async function pauseForFault(ctx: EngineContext, team: Team, reason: string): Promise<void> {
  const current = (await ctx.store.teams.get(team.id)) ?? team;
  if (current.fault) return;
  const paused: Team = { ...current, fault: reason, settings: { ...current.settings, paused: true } };
  await ctx.store.teams.save(paused);
  await ctx.planner.syncTeam(paused);
  ctx.logger.warn({ teamId: team.id, reason }, 'platform refused delivery; team paused');
}
