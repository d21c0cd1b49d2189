import type { Job, Worker } from 'bullmq';
import type { Request, RequestHandler } from '../core/command.js';
import type { Team } from '../core/model.js';
import type { Outbox, PostStep } from '../core/ports.js';
import type { QuizStore } from '../core/store-ports.js';
import type { View } from '../core/view.js';
import type { Metrics } from './metrics.js';

/** Counts each command by name and times it, around the engine. */
export function instrumentHandler(handler: RequestHandler, metrics: Metrics): RequestHandler {
  return {
    async handle(request: Request): Promise<View[]> {
      const platform = request.team.platform;
      metrics.commands.inc({ platform, command: request.command.name });
      const stop = metrics.interactions.startTimer({ platform });
      try {
        return await handler.handle(request);
      } finally {
        stop();
      }
    },
  };
}

/** Counts answers the store actually recorded (not repeats, not presses on closed rounds). */
export function instrumentStore(store: QuizStore, metrics: Metrics): QuizStore {
  const rounds = store.rounds;
  const recordAnswer: typeof rounds.recordAnswer = async (...args) => {
    const outcome = await rounds.recordAnswer(...args);
    if (outcome.status === 'recorded')
      metrics.answers.inc({ kind: args[1].startsWith('live-') ? 'live' : 'daily' });
    return outcome;
  };
  return { ...store, rounds: Object.assign(Object.create(rounds) as typeof rounds, { recordAnswer }) };
}

/**
 * Counts posts and updates by platform and outcome. A retried step (an earlier run died with it
 * in flight) counts as `found-existing` when the platform already had the post, else `recovered`.
 */
export function instrumentOutbox(outbox: Outbox, metrics: Metrics): Outbox {
  const count = async <T>(
    team: Team,
    send: () => Promise<T>,
    outcomeOf: (result: T) => PostOutcomeLabel = () => 'sent',
  ): Promise<T> => {
    const platform = team.address.platform;
    try {
      const result = await send();
      metrics.posts.inc({ platform, outcome: outcomeOf(result) });
      return result;
    } catch (error) {
      metrics.posts.inc({ platform, outcome: 'failed' });
      throw error;
    }
  };
  const privately = outbox.postPrivately?.bind(outbox);
  return {
    post: (team, view, step) =>
      count(
        team,
        () => outbox.post(team, view, step),
        (receipt) => (!step.retry ? 'sent' : receipt.found ? 'found-existing' : 'recovered'),
      ),
    update: (team, ref, view) => count(team, () => outbox.update(team, ref, view)),
    // Review reminders count as posts too; a platform without them has none to count.
    ...(privately
      ? {
          postPrivately: (team: Team, playerId: string, view: View, step: PostStep) =>
            count(team, () => privately(team, playerId, view, step)),
        }
      : {}),
  };
}

type PostOutcomeLabel = 'sent' | 'recovered' | 'found-existing';

/** Job run times and failed attempts, by job name. */
export function instrumentWorker(worker: Worker, metrics: Metrics): void {
  const seconds = (job: Job) =>
    job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : undefined;
  worker.on('completed', (job) => {
    const s = seconds(job);
    if (s !== undefined) metrics.jobDuration.observe({ job: job.name }, s);
  });
  worker.on('failed', (job) => {
    if (!job) return;
    metrics.jobFailures.inc({ job: job.name });
    const s = seconds(job);
    if (s !== undefined) metrics.jobDuration.observe({ job: job.name }, s);
  });
}
