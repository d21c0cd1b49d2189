import type { EngineContext } from './context.js';
import type { Team } from './model.js';
import { DeliveryError } from './ports.js';

export type Delivery<T> = { status: 'sent'; value: T } | { status: 'already' } | { status: 'refused' };

/**
 * Sends a channel message at most once per claim name: a job that runs twice posts once.
 * A transient fault gives the claim back and rethrows, so the job retries with backoff; a
 * permanent one pauses the team (no retry storm) and is logged once.
 */
export async function deliverOnce<T>(
  ctx: EngineContext,
  team: Team,
  claim: string,
  send: () => Promise<T>,
): Promise<Delivery<T>> {
  if (!(await ctx.store.claims.claim(claim))) return { status: 'already' };
  try {
    return { status: 'sent', value: await send() };
  } catch (error) {
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      await pauseForFault(ctx, team, error.reason ?? error.message);
      return { status: 'refused' };
    }
    await ctx.store.claims.release(claim);
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
