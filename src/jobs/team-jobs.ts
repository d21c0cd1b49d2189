import type { QuizEngine } from '../core/engine.js';
import type { JobPlanner } from '../core/ports.js';
import { liveRoundId } from '../core/round-ids.js';
import { jobIds } from './queue-names.js';
import type { JobRunner } from './run-now.js';

export type TeamJobKind = 'daily' | 'close' | 'weekly';

/** Runs one of a team's jobs now, through the same queue and processors as the scheduler. */
export class TeamJobs {
  constructor(
    private readonly engine: QuizEngine,
    private readonly planner: JobPlanner,
    private readonly runner: JobRunner,
  ) {}

  /** Resolves once every job due now has run (what a command started has printed). */
  settle(): Promise<void> {
    return this.runner.idle();
  }

  /** Returns false when there was nothing to run (no open question to close). */
  async run(kind: TeamJobKind, teamId: string): Promise<boolean> {
    if (kind === 'close') {
      const roundId = await this.openRound(teamId);
      if (!roundId) return false;
      // The close job already waits in the queue (delayed): promote it rather than add another.
      await this.planner.closeRoundNow(roundId);
      await this.runner.waitForJob(jobIds.close(roundId));
    } else {
      await this.runner.run({ name: kind, data: { teamId, at: this.engine.ctx.clock.now() } });
    }
    await this.settle();
    return true;
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
