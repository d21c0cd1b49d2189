import type { QuizEngine } from '../core/engine.js';
import { previousIsoWeek } from '../core/local-time.js';
import type { JobPlanner } from '../core/ports.js';
import { liveRoundId } from '../core/round-ids.js';
import { jobIds } from './queue-names.js';
import type { JobRunner } from './run-now.js';

export type TeamJobKind = 'daily' | 'close' | 'weekly' | 'weekly-so-far';

/** Why a job run by hand changed nothing, for the playground to say. */
export type NothingDone =
  | { reason: 'no-open-question' }
  | { reason: 'paused' }
  | { reason: 'daily-already-posted'; revealed: boolean }
  | { reason: 'weekly-already-posted'; week: string };

/** Runs one of a team's jobs now, through the same queue and processors as the scheduler. */
export class TeamJobs {
  constructor(
    private readonly engine: QuizEngine,
    private readonly planner: JobPlanner,
    private readonly runner: JobRunner,
    /** Deletes every key of this app's Redis prefix (the playground's `:reset`). */
    private readonly wipe: () => Promise<unknown>,
  ) {}

  /** Resolves once every job due now has run (what a command started has printed). */
  settle(): Promise<void> {
    return this.runner.idle();
  }

  /** Returns false when there was nothing to run (no open question to close). */
  async run(kind: TeamJobKind, teamId: string): Promise<boolean> {
    const at = this.engine.ctx.clock.now();
    if (kind === 'close') {
      const roundId = await this.openRound(teamId);
      if (!roundId) return false;
      // The close job already waits in the queue (delayed): promote it rather than add another.
      await this.planner.closeRoundNow(roundId);
      await this.runner.waitForJob(jobIds.close(roundId));
    } else if (kind === 'weekly-so-far') {
      await this.runner.run({ name: 'weekly', data: { teamId, at, scope: 'current' } });
    } else {
      await this.runner.run({ name: kind, data: { teamId, at } });
    }
    await this.settle();
    return true;
  }

  /** Why a daily or weekly job posted nothing: the channel is paused, or it was posted before. */
  async whyNothingPosted(kind: 'daily' | 'weekly', teamId: string): Promise<NothingDone> {
    const { store, clock } = this.engine.ctx;
    const team = await store.teams.get(teamId);
    if (!team || team.settings.paused) return { reason: 'paused' };
    if (kind === 'daily') {
      const { latestRoundId } = await store.rounds.dailyHistory(teamId);
      const latest = latestRoundId ? await store.rounds.get(latestRoundId) : undefined;
      return { reason: 'daily-already-posted', revealed: latest?.status === 'closed' };
    }
    return { reason: 'weekly-already-posted', week: previousIsoWeek(clock.now(), team.settings.timezone) };
  }

  /** Every job and every stored key gone: a fresh start (the playground then sets its channel up again). */
  async reset(): Promise<void> {
    await this.settle();
    await this.runner.obliterate();
    await this.wipe();
  }

  /** The team's open question: the live round's current one, else the latest daily question. */
  private async openRound(teamId: string): Promise<string | undefined> {
    const { store } = this.engine.ctx;
    const live = await store.lives.runningIn(teamId);
    const candidates = [
      live ? liveRoundId(live.id, live.index) : undefined,
      (await store.rounds.dailyHistory(teamId)).latestRoundId,
    ];
    for (const id of candidates) {
      if (id && (await store.rounds.get(id))?.status === 'open') return id;
    }
    return undefined;
  }
}
